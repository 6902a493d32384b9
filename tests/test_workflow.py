"""The pre-publish hook and the desk's batch: config discovery, inline suppression, exit codes,
batch with cache, and the refs commands. In-process (tests/clirunner.py), except the Dask
engine, which runs as a real process."""

import json

import pytest

from factcheck.config import find_config, load_config
from factcheck.errors import ConfigError
from factcheck.suppress import regions

from .clirunner import invoke, run
from .conftest import ROOT

WRONG_WEEKDAY = "The first strike will take place on Wednesday, March 12, 2026.\n"


def test_workflow_exit_codes_follow_fail_on(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(WRONG_WEEKDAY + "Staff numbers rose from 20 to 30.\n", encoding="utf-8")
    assert invoke("check", story, "--format", "line").code == 1
    clean = tmp_path / "clean.txt"
    clean.write_text("The first strike will take place on Thursday, March 12, 2026.\n", encoding="utf-8")
    result = invoke("check", clean, "--format", "line")
    assert result.code == 0 and result.stdout == ""


def test_workflow_line_format_is_path_line_col_rule_message(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Intro.\n" + WRONG_WEEKDAY, encoding="utf-8")
    out = invoke("check", story, "--format", "line").stdout.strip()
    assert out.startswith(f"{story}:2:37: weekday-mismatch: ")


def test_workflow_config_is_discovered_upward_and_overridable(tmp_path):
    (tmp_path / "factcheck.toml").write_text('disable = ["weekday-mismatch"]\nfail_on = "warning"\n', encoding="utf-8")
    desk = tmp_path / "desk" / "today"
    desk.mkdir(parents=True)
    story = desk / "story.txt"
    story.write_text(WRONG_WEEKDAY, encoding="utf-8")
    assert find_config(story) == tmp_path / "factcheck.toml"
    assert invoke("check", story, "--format", "line").code == 0
    other = tmp_path / "strict.toml"
    other.write_text('fail_on = "error"\n', encoding="utf-8")
    assert invoke("check", story, "--format", "line", "--config", other).code == 1
    shown = invoke("config", story).stdout
    assert str(tmp_path / "factcheck.toml") in shown and "weekday-mismatch" in shown


def test_workflow_pyproject_tool_section_is_a_config(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.factcheck]\nfail_on = "info"\n', encoding="utf-8")
    assert load_config(find_config(tmp_path)).fail_on == "info"


def test_workflow_bad_config_names_file_and_line(tmp_path):
    bad = tmp_path / "factcheck.toml"
    bad.write_text('fail_on = "error"\ndisable = ["no-such-rule"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"factcheck\.toml:2: disable: unknown rule 'no-such-rule'"):
        load_config(bad)
    result = invoke("check", ROOT / "corpora/dev/iraq-detainee-transfers.md", "--config", bad)
    assert result.code == 2 and "Traceback" not in result.stderr


def test_workflow_suppression_regions():
    text = ("<!-- factcheck off -->\nA\n<!-- factcheck on -->\n"
            "<!-- factcheck ignore-next weekday-mismatch -->\nB b\nb\n\nC\n")
    spans = regions(text)
    assert [sorted(r.rules) for r in spans] == [["*"], ["weekday-mismatch"]]
    assert text[spans[1].begin : spans[1].end].strip() == "B b\nb"


def test_workflow_suppressed_flags_pass_the_hook_and_unused_ones_are_reported(tmp_path):
    story = tmp_path / "story.md"
    story.write_text("<!-- factcheck ignore-next weekday-mismatch -->\n" + WRONG_WEEKDAY +
                     "\n<!-- factcheck disable sum-mismatch -->\nCalm paragraph with 5 cats.\n", encoding="utf-8")
    result = invoke("check", story, "--format", "json")
    report = json.loads(result.stdout)
    assert result.code == 0
    rules = {(f["rule"], f["suppressed"]) for f in report["findings"]}
    assert rules == {("weekday-mismatch", True), ("unused-suppression", False)}
    assert report["summary"]["findings"] == 1


def test_workflow_batch_goes_past_bad_files_and_caches(tmp_path):
    stories = tmp_path / "stories"
    (stories / "drafts").mkdir(parents=True)
    (stories / "a.txt").write_text("Around 150 detainees were moved on Wednesday.\n", encoding="utf-8")
    (stories / "b.md").write_text("---\ndate: 2026-03-20\n---\n" + WRONG_WEEKDAY, encoding="utf-8")
    (stories / "drafts" / "c.txt").write_text("Draft with 7 figures.\n", encoding="utf-8")
    (stories / "broken.txt").write_bytes(b"\x00\x01\x02")
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = invoke("batch", stories, "--out", out, "--cache-dir", cache, "--exclude", "drafts/*", "-j", "2")
    assert first.code == 2
    err = first.stderr
    assert "broken.txt: looks like a binary file" in err and "2 stories checked (0 from cache)" in err
    lines = (out / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["source"]["path"].rsplit("/", 1)[1] for line in lines) == ["a.txt", "b.md"]
    csv = (out / "summary.csv").read_text(encoding="utf-8")
    assert csv.startswith("story,published,claims,checked,supported,contradicted,findings")
    second = invoke("batch", stories, "--out", out, "--cache-dir", cache, "--exclude", "drafts/*")
    assert "2 stories checked (2 from cache)" in second.stderr
    assert sorted((out / "reports.jsonl").read_text(encoding="utf-8").splitlines()) == sorted(lines)
    (stories / "a.txt").write_text("Around 160 detainees were moved.\n", encoding="utf-8")
    third = invoke("batch", stories, "--out", out, "--cache-dir", cache, "--exclude", "drafts/*")
    assert "2 stories checked (1 from cache)" in third.stderr


def test_workflow_refs_commands(tmp_path):
    assert "facts" in invoke("refs", "validate", "claims").stdout
    listing = invoke("refs", "list", "--refs", "claims").stdout
    assert "al-hol.population\tpeople\tal-hol\t24000" in listing
    shown = invoke("refs", "show", "al-hol.population", "--refs", "claims")
    assert shown.code == 0 and "syria-detainees.toml" in shown.stdout
    missing = invoke("refs", "show", "nope", "--refs", "claims")
    assert missing.code == 2 and "no fact or place" in missing.stderr
    csv_file = tmp_path / "f.csv"
    csv_file.write_text("id,counts,place,value,source_publisher\nx.y,people,al-hol,12,Desk\nbad,people,al-hol,lots,Desk\n", encoding="utf-8")
    bad = invoke("refs", "import", csv_file, "--refs", "claims")
    assert bad.code == 2 and "f.csv:3: value: expected a number" in bad.stderr


def test_workflow_refs_commands_find_claims_upward_like_check(tmp_path):
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "facts.toml").write_bytes((ROOT / "claims" / "syria-detainees.toml").read_bytes())
    desk = tmp_path / "desk" / "today"
    desk.mkdir(parents=True)
    listing = invoke("refs", "list", cwd=desk)
    assert listing.code == 0 and "al-hol.population\tpeople\tal-hol\t24000" in listing.stdout
    assert invoke("refs", "show", "al-hol.population", cwd=desk).code == 0
    validated = invoke("refs", "validate", cwd=desk)
    assert validated.code == 0 and validated.stdout.startswith(str(tmp_path / "claims"))
    (tmp_path / "factcheck.toml").write_text('refs = "elsewhere"\n', encoding="utf-8")
    named = invoke("refs", "list", cwd=desk)  # the config names a folder: that one, not the nearest claims/
    assert named.code == 2 and str(tmp_path / "elsewhere") in named.stderr


def test_workflow_refs_commands_with_no_reference_set_say_where_they_looked(tmp_path):
    result = invoke("refs", "list", cwd=tmp_path)
    assert result.code == 2 and result.stderr.count("\n") == 1
    assert f"no reference set found: looked for a claims/ folder of *.toml files in {tmp_path}" in result.stderr
    assert "--refs DIR" in result.stderr


@pytest.mark.slow
def test_workflow_dask_engine_gives_the_same_reports_as_the_local_engine(tmp_path):
    stories = tmp_path / "stories"
    stories.mkdir()
    for name in ("iraq-detainee-transfers.md", "ws-sudan-aid-convoy.txt", "biz-energy-prices.txt"):
        (stories / name).write_bytes((ROOT / "corpora" / "dev" / name).read_bytes())
    (stories / "broken.txt").write_bytes(b"")
    reports = {}
    for engine in ("local", "dask"):
        out = tmp_path / engine
        command = ("batch", stories, "--engine", engine, "--scheduler", "local", "--no-cache", "--out", out,
                   "--refs", ROOT / "claims", "-q")
        if engine == "local":  # in this process, with the model the session has loaded (one process: -j 1)
            result = invoke(*command, "-j", "1")
            code, stderr = result.code, result.stderr
        else:  # a real process, as a cluster's client runs
            result = run(*command)
            code, stderr = result.returncode, result.stderr.decode()
        assert code == 2, stderr
        assert "broken.txt: the file is empty" in stderr
        lines = (out / "reports.jsonl").read_text(encoding="utf-8").splitlines()
        reports[engine] = {json.loads(line)["source"]["path"]: json.loads(line) for line in lines}
    assert len(reports["dask"]) == 3
    assert reports["dask"] == reports["local"]


@pytest.mark.slow
def test_workflow_dask_engine_unreachable_scheduler_is_a_clear_error(tmp_path):
    story = tmp_path / "s.txt"
    story.write_text("Around 150 detainees were moved.\n", encoding="utf-8")
    result = run("batch", tmp_path, "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9", "--no-cache", "-q")
    assert result.returncode == 2
    err = result.stderr.decode()
    assert "cannot reach the Dask scheduler" in err and "Traceback" not in err


@pytest.mark.parametrize("hook, expected_clean_exit", [("factcheck", 0), ("factcheck-strict", 0)])
def test_workflow_pre_commit_hook_entries_block_bad_stories_and_pass_clean_ones(tmp_path, hook, expected_clean_exit):
    """What pre-commit runs: the hook's entry from .pre-commit-hooks.yaml, with the staged files."""
    import re
    import shlex

    manifest = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    block = manifest.split(f"- id: {hook}\n", 1)[1]
    entry = shlex.split(re.search(r"^\s*entry: (.+)$", block, re.M).group(1))
    assert entry[:2] == ["factcheck", "hook"]
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "facts.toml").write_bytes((ROOT / "claims" / "syria-detainees.toml").read_bytes())
    head = "---\ndate: 2026-01-22\n---\n# What is happening at al-Hol camp?\n\n"
    stories = {
        "contradicted.md": head + "Around 34,000 people still live at the camp.\n",
        "sum.md": head + "The £48.6m programme sets aside £21.4m for housing, £15.8m for roads and £12.4m for schools.\n",
        "clean.md": head + "Around 24,000 people still live at the camp.\n",
    }
    for name, text in stories.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    for name, code in (("contradicted.md", 1), ("sum.md", 1), ("clean.md", expected_clean_exit)):
        result = invoke(*entry[1:], tmp_path / name, cwd=tmp_path)
        assert result.code == code, (name, result.stdout, result.stderr)
