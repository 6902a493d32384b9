"""Conventions a newsroom user knows from ruff, Vale and pre-commit (issue 14): --version, -h,
NO_COLOR, --stdin-filename, --select/--ignore, --exit-zero, --output, --statistics, the missing
reference set, the cache's .gitignore, files the hook and batch skip, and text output that reads
well (wrapped to the terminal, one-line snippets, full batch names, "1 claim")."""

import json
import re

import pytest

from factcheck import __version__

from .clirunner import invoke
from .conftest import ROOT, SAMPLE

WRONG_WEEKDAY = "The first strike will take place on Wednesday, March 12, 2026.\n"
SUM = "The £48.6m programme sets aside £21.4m for housing, £15.8m for roads and £12.4m for schools.\n"
LIST = ("---\ndate: 2026-01-22\n---\n# Camp figures\n\nCurrent figures at the camp show:\n\n"
        "- Around 24,000 people live there.\n- 14,500 are Syrians.\n- Nearly 3,000 are Iraqis.\n"
        "- About 12,500 are from other countries.\n")
COLOUR = re.compile(r"\x1b\[(3\d|9\d)")  # a foreground colour


def _claims(folder):
    (folder / "claims").mkdir(parents=True)
    (folder / "claims" / "facts.toml").write_bytes((ROOT / "claims" / "syria-detainees.toml").read_bytes())


def test_cli_version_and_short_help():
    result = invoke("--version")
    assert result.code == 0 and result.stdout == f"factcheck {__version__}\n"
    short = invoke("-h")
    assert short.code == 0 and "Commands:" in short.stdout and "--version" in short.stdout


def test_cli_no_color_is_honoured_and_a_flag_overrides_it():
    assert COLOUR.search(invoke("check", SAMPLE, env={"FORCE_COLOR": "1", "NO_COLOR": None}).stdout)
    muted = invoke("check", SAMPLE, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert muted.code == 0 and "»around 150«" in muted.stdout and not COLOUR.search(muted.stdout)
    assert COLOUR.search(invoke("check", SAMPLE, "--color", env={"NO_COLOR": "1"}).stdout)
    assert not COLOUR.search(invoke("check", SAMPLE, "--no-color", env={"FORCE_COLOR": "1"}).stdout)


def test_cli_stdin_filename_names_the_story_and_finds_its_config_and_references(tmp_path):
    _claims(tmp_path)
    (tmp_path / "factcheck.toml").write_text('fail-on = "info"\n', encoding="utf-8")
    name = tmp_path / "desk" / "al-hol.md"
    story = "---\ndate: 2026-01-22\n---\nAround 34,000 people still live at al-Hol camp.\n"
    result = invoke("check", "--stdin-filename", name, "--format", "json", stdin=story)
    report = json.loads(result.stdout)
    assert report["source"] == {"path": str(name), "published": "2026-01-22", "format": "markdown",
                                "reference": str(tmp_path / "claims")}  # found upward from the named story
    assert [c["verdict"] for c in report["claims"]] == ["contradicted"]  # the reference set under tmp_path
    assert result.code == 1 and result.stderr == ""


def test_cli_select_and_ignore_pick_the_rules(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(WRONG_WEEKDAY + SUM, encoding="utf-8")
    rules = lambda result: sorted(line.split(": ")[1] for line in result.stdout.splitlines())  # noqa: E731
    assert rules(invoke("check", story, "--format", "line")) == ["sum-mismatch", "weekday-mismatch"]
    assert rules(invoke("check", story, "--format", "line", "--select", "sum-mismatch")) == ["sum-mismatch"]
    ignored = invoke("check", story, "--format", "line", "--ignore", "sum-mismatch,weekday-mismatch")
    assert ignored.code == 0 and ignored.stdout == ""
    unknown = invoke("check", story, "--ignore", "weekday")
    assert unknown.code == 2 and "--ignore: unknown rule 'weekday'; known rules: change-mismatch" in unknown.stderr


def test_cli_exit_zero_keeps_the_report_and_input_errors(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(WRONG_WEEKDAY, encoding="utf-8")
    result = invoke("check", story, "--format", "line", "--exit-zero")
    assert result.code == 0 and "weekday-mismatch" in result.stdout
    assert invoke("check", story, tmp_path / "missing.txt", "--exit-zero").code == 2


def test_cli_output_writes_the_report_to_a_file(tmp_path):
    out = tmp_path / "report.json"
    result = invoke("check", SAMPLE, "--format", "json", "--output", out)
    assert result.code == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["source"]["path"] == str(SAMPLE)
    text = tmp_path / "report.txt"
    invoke("check", SAMPLE, "-o", text, env={"FORCE_COLOR": "1"})
    written = text.read_text(encoding="utf-8")
    assert "»around 150«" in written and "\x1b[" not in written and "[bold]" not in written


def test_cli_statistics_count_flags_per_rule_with_suppressed_apart(tmp_path):
    flagged = tmp_path / "a.txt"
    flagged.write_text(WRONG_WEEKDAY + "\n" + WRONG_WEEKDAY.replace("first", "second") + "\n" + SUM, encoding="utf-8")
    muted = tmp_path / "b.md"
    muted.write_text("<!-- factcheck ignore-next weekday-mismatch -->\n" + WRONG_WEEKDAY, encoding="utf-8")
    result = invoke("check", flagged, muted, "--statistics")
    assert result.code == 1
    assert [line.split() for line in result.stdout.splitlines()] == [
        ["2", "weekday-mismatch", "error", "(1", "suppressed)"], ["1", "sum-mismatch", "error"]]
    data = json.loads(invoke("check", flagged, muted, "--statistics", "--format", "json").stdout)
    assert data[0] == {"rule": "weekday-mismatch", "severity": "error", "count": 2, "suppressed": 1}


def test_cli_no_reference_set_is_one_line_naming_where_it_looked(tmp_path):
    story = tmp_path / "desk" / "story.txt"
    story.parent.mkdir()
    story.write_text("Around 150 detainees were moved.\n", encoding="utf-8")
    result = invoke("check", story, story, "--format", "line")
    assert result.code == 0 and result.stderr.count("\n") == 1
    assert result.stderr.startswith("factcheck: warning: no reference set found: looked for a claims/ folder "
                                    f"of *.toml files in {story.parent} and every folder above it")
    assert "--refs DIR" in result.stderr
    assert invoke("check", story, "--ignore", "contradicted").stderr == ""  # nothing to verify: nothing to say
    _claims(tmp_path)
    assert invoke("check", story).stderr == ""


def test_cli_batch_cache_ignores_itself_in_git(tmp_path):
    (tmp_path / "a.txt").write_text("Around 150 detainees were moved.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    assert invoke("batch", tmp_path / "a.txt", "--cache-dir", cache, "-q", "-j", "1").code == 0
    assert (cache / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


@pytest.mark.parametrize("name", ["README.md", "CHANGELOG.md", "LICENSE", "license.txt", "CONTRIBUTING.md"])
def test_cli_batch_and_hook_skip_repository_files(tmp_path, name):
    stories = tmp_path / "stories"
    stories.mkdir()
    (stories / name).write_text(WRONG_WEEKDAY, encoding="utf-8")
    (stories / "today.txt").write_text("Around 150 detainees were moved.\n", encoding="utf-8")
    batch = invoke("batch", stories, "--glob", "*", "--no-cache", "-j", "1")
    assert batch.code == 0 and "1 story checked" in batch.stderr and name not in batch.stdout
    hook = invoke("hook", stories / name, stories / "today.txt")
    assert hook.code == 0 and hook.stdout == ""


def test_cli_hook_and_batch_honour_exclude_from_the_config(tmp_path):
    (tmp_path / "factcheck.toml").write_text('exclude = ["drafts/*"]\n', encoding="utf-8")
    draft = tmp_path / "stories" / "drafts" / "a.txt"
    draft.parent.mkdir(parents=True)
    draft.write_text(WRONG_WEEKDAY, encoding="utf-8")
    assert invoke("hook", draft).code == 0
    assert invoke("check", draft).code == 1  # a file named to check is checked
    batch = invoke("batch", tmp_path / "stories", "--no-cache", "-q", "-j", "1")
    assert batch.code == 2 and "no stories matching" in batch.stderr  # the only story is excluded


def _visible(text):
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def test_cli_text_wraps_to_the_terminal_width_with_one_line_snippets(tmp_path):
    story = tmp_path / "list.md"
    story.write_text(LIST, encoding="utf-8")
    result = invoke("check", story, env={"COLUMNS": "64"})
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines[1:]) <= 64  # the path line is the path, whole
    finding = next(i for i, line in enumerate(lines) if "sum-mismatch" in line)
    assert lines[finding + 1].startswith(" " * 16) and not lines[finding + 1].startswith(" " * 17)
    start = next(i for i, line in enumerate(lines) if line.startswith(" " * 14 + "- »Around 24,000 people"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith(" " * 14))
    snippet = " ".join(line.strip() for line in lines[start:end])  # the finding's snippet, wrapped
    assert snippet.startswith("- »Around 24,000 people live there. - 14,500 are Syrians. - Nearly 3,000")
    unwrapped = invoke("check", story, env={"COLUMNS": None}).stdout.splitlines()
    snippets = [line for line in unwrapped if "»" in line]
    assert len(snippets) == 5 and all("«" in line for line in snippets)  # piped: one line per item


def test_cli_text_says_1_claim_and_1_finding(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Around 150 detainees were moved.\n", encoding="utf-8")
    out = invoke("check", story).stdout
    assert "  1 claim (1 count);" in out and "; 0 findings" in out
    story.write_text(WRONG_WEEKDAY, encoding="utf-8")
    out = invoke("check", story, "--published", "2026-03-01").stdout
    assert "  1 claim (1 date);" in out and "; 1 finding" in out


def test_cli_batch_table_keeps_long_story_names_whole(tmp_path):
    name = "2026-03-12-council-votes-on-the-strike-and-the-budget-for-next-year.txt"
    (tmp_path / name).write_text("Around 150 detainees were moved.\n", encoding="utf-8")
    for env in ({"COLUMNS": None}, {"COLUMNS": "60"}):
        result = invoke("batch", tmp_path, "--no-cache", "-j", "1", env=env)
        assert result.code == 0 and "…" not in result.stdout
        assert str(tmp_path / name) in "".join(line.split("  ")[0].strip() for line in result.stdout.splitlines())
