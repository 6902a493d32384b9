"""Inline suppression (issue 14): same-line `ignore`, `ignore-next all`, the plain-text form for
.txt stories, and a suppressed flag counting the same everywhere (text, JSON, summary, exit code,
the hook's advice)."""

import json

import pytest

from factcheck.models import Finding
from factcheck.source import Positions
from factcheck.suppress import ALL, apply, regions

from .clirunner import invoke
from .conftest import ROOT

WRONG_WEEKDAY = "The first strike will take place on Wednesday, March 12, 2026."
SECOND = "The second strike will take place on Wednesday, March 19, 2026."
HEAD = "---\ndate: 2026-01-22\n---\n# What is happening at al-Hol camp?\n\n"


def _finding(text, needle, rule="weekday-mismatch"):
    start = text.index(needle)
    return Finding(rule=rule, severity="error", message="m", start=start, end=start + len(needle),
                   **Positions(text)(start))


def _suppressed(text, needles, format="markdown"):
    """Which of the findings at `needles` a story's directives suppress, and the unused ones."""
    findings = [_finding(text, needle) for needle in needles]
    _, marked = apply([], findings, text, Positions(text), format=format)
    return [f.suppressed for f in marked if f.rule != "unused-suppression"], \
        [f for f in marked if f.rule == "unused-suppression"]


def test_suppress_same_line_ignore_covers_only_its_line():
    text = f"{WRONG_WEEKDAY} <!-- factcheck ignore weekday-mismatch -->\n{SECOND}\n"
    assert _suppressed(text, ["Wednesday, March 12", "Wednesday, March 19"]) == ([True, False], [])
    other_rule = f"{WRONG_WEEKDAY} <!-- factcheck ignore sum-mismatch -->\n"
    suppressed, unused = _suppressed(other_rule, ["Wednesday, March 12"])
    assert suppressed == [False] and unused[0].line == 1 and unused[0].column == len(WRONG_WEEKDAY) + 2
    assert other_rule[unused[0].start:unused[0].end] == "<!-- factcheck ignore sum-mismatch -->"


def test_suppress_ignore_next_all_and_bare_mean_every_rule():
    for directive in ("<!-- factcheck ignore-next all -->", "<!-- factcheck ignore-next -->",
                      "<!-- factcheck ignore-next ALL, sum-mismatch -->"):
        text = f"{directive}\n{WRONG_WEEKDAY}\n\n{SECOND}\n"
        assert [r.rules for r in regions(text)] == [frozenset({ALL})]
        assert _suppressed(text, ["Wednesday, March 12", "Wednesday, March 19"]) == ([True, False], [])


def test_suppress_plain_text_lines_in_txt_stories_only():
    text = f"factcheck: ignore-next weekday-mismatch\n{WRONG_WEEKDAY}\n\n{SECOND}\n"
    assert _suppressed(text, ["Wednesday, March 12", "Wednesday, March 19"], format="text") == ([True, False], [])
    # in Markdown and HTML the line is copy readers see, not a directive
    assert _suppressed(text, ["Wednesday, March 12"], format="markdown") == ([False], [])
    off = f"  Factcheck: off\n{WRONG_WEEKDAY}\nfactcheck: on\n{SECOND}\n"
    assert _suppressed(off, ["Wednesday, March 12", "Wednesday, March 19"], format="text") == ([True, False], [])
    # a sentence that mentions factcheck is not a directive
    prose = f"The desk says factcheck: ignore-next is handy.\n{WRONG_WEEKDAY}\n"
    assert regions(prose, "text") == []


def test_suppress_unused_suppression_can_be_disabled():
    text = f"<!-- factcheck ignore-next sum-mismatch -->\n{WRONG_WEEKDAY}\n"
    findings = [_finding(text, "Wednesday")]
    _, kept = apply([], findings, text, Positions(text))
    assert [f.rule for f in kept] == ["unused-suppression", "weekday-mismatch"]
    _, quiet = apply([], findings, text, Positions(text), disabled=frozenset({"unused-suppression"}))
    assert [f.rule for f in quiet] == ["weekday-mismatch"]


def _desk(tmp_path):
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "facts.toml").write_bytes((ROOT / "claims" / "syria-detainees.toml").read_bytes())


def test_suppress_a_suppressed_flag_counts_nowhere(tmp_path):
    """Text, JSON, the summary, --statistics, the line format and the exit code agree."""
    _desk(tmp_path)
    story = tmp_path / "story.md"
    story.write_text(HEAD + "<!-- factcheck ignore-next all -->\nAround 34,000 people still live at the camp. "
                     f"{WRONG_WEEKDAY}\n", encoding="utf-8")
    report = json.loads(invoke("check", story, "--format", "json").stdout)
    assert [(c["verdict"], c["suppressed"]) for c in report["claims"] if c["kind"] == "count"] == [("contradicted", True)]
    assert [(f["rule"], f["suppressed"]) for f in report["findings"]] == [("weekday-mismatch", True)]
    assert (report["summary"]["contradicted"], report["summary"]["findings"]) == (0, 0)
    text = invoke("check", story)
    assert text.code == 0
    assert "0 contradicted); 0 findings (2 suppressed)" in text.stdout
    assert "contradicted (suppressed):" in text.stdout and "weekday-mismatch (suppressed):" in text.stdout
    line = invoke("check", story, "--format", "line")
    assert line.code == 0 and line.stdout == ""
    stats = invoke("check", story, "--statistics").stdout.splitlines()
    assert sorted(s.split()[:2] for s in stats) == [["0", "contradicted"], ["0", "weekday-mismatch"]]
    assert invoke("check", story, "--fail-on", "info").code == 0


def test_suppress_same_line_in_a_markdown_story_passes_the_hook(tmp_path):
    story = tmp_path / "story.md"
    story.write_text(f"{WRONG_WEEKDAY} <!-- factcheck ignore weekday-mismatch -->\n\n{SECOND}\n", encoding="utf-8")
    result = invoke("hook", story, "--ignore", "contradicted")
    assert result.code == 1 and result.stdout.count("weekday-mismatch") == 1 and ":3:" in result.stdout
    story.write_text(f"{WRONG_WEEKDAY} <!-- factcheck ignore weekday-mismatch -->\n\n{SECOND} "
                     f"<!-- factcheck ignore all -->\n", encoding="utf-8")
    assert invoke("hook", story, "--ignore", "contradicted").code == 0


def test_suppress_the_hook_says_how_to_suppress_a_flag(tmp_path):
    for name, form in (("story.md", "<!-- factcheck ignore-next RULE -->"),
                       ("story.txt", "'factcheck: ignore-next RULE'")):
        story = tmp_path / name
        story.write_text(WRONG_WEEKDAY + "\n", encoding="utf-8")
        result = invoke("hook", story, "--ignore", "contradicted")
        assert result.code == 1 and result.stdout.startswith(f"{story}:1:37: weekday-mismatch: ")
        assert "can be suppressed" in result.stderr and form in result.stderr
    clean = tmp_path / "clean.md"
    clean.write_text("The first strike will take place on Thursday, March 12, 2026.\n", encoding="utf-8")
    assert invoke("hook", clean, "--ignore", "contradicted").stderr == ""


def test_suppress_plain_text_form_passes_the_hook_for_a_txt_story(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(f"factcheck: ignore-next weekday-mismatch\n{WRONG_WEEKDAY}\n", encoding="utf-8")
    assert invoke("hook", story, "--ignore", "contradicted").code == 0
