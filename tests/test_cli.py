"""The command line, run as a user runs it: a process, its output and its exit code."""

import json
import subprocess
import sys

import pytest

from .conftest import ROOT, SAMPLE


def run(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args], input=stdin, capture_output=True, cwd=ROOT,
        timeout=300,
    )


def test_cli_check_file_shows_figures_in_context():
    result = run("check", str(SAMPLE), "--no-color")
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr
    assert "around 150" in out and "detainees" in out and "»around 150«" in out
    assert "claims (" in out  # the coverage line


def test_cli_check_reads_stdin_with_dash_and_from_a_pipe():
    story = "Around 24,000 people live at the camp, officials said on Wednesday.".encode()
    for args in (("check", "-", "--published", "2026-01-22"), ("check", "--published", "2026-01-22")):
        result = run(*args, "--format", "json", stdin=story)
        assert result.returncode == 0, result.stderr
        report = json.loads(result.stdout)
        assert report["source"]["path"] is None
        assert [c["text"] for c in report["claims"]] == ["Around 24,000", "Wednesday"]
        assert report["claims"][1]["value"] == "2026-01-21"


def test_cli_check_json_follows_the_report_contract():
    result = run("check", str(SAMPLE), "--format", "json")
    report = json.loads(result.stdout)
    assert report["schema"] == "factcheck.report/1"
    assert report["source"]["published"] == "2026-01-22"
    assert report["summary"]["claims"] == len(report["claims"])


@pytest.mark.parametrize(
    "content, message",
    [(b"", "empty"), (b"\x00\x00PK\x03\x04", "binary")],
)
def test_cli_bad_file_is_one_line_exit_2_and_others_still_checked(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run("check", str(bad), str(SAMPLE), "--format", "json")
    err = result.stderr.decode()
    assert result.returncode == 2
    assert err.count("\n") == 1 and str(bad) in err and message in err
    assert "Traceback" not in err
    # several files named: an array, even though only one could be read
    assert [r["source"]["path"] for r in json.loads(result.stdout)] == [str(SAMPLE)]


def test_cli_missing_path_directory_and_huge_file(tmp_path):
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"word " * 11_000_000)  # 55 MB
    for target, message in ((tmp_path / "nope.txt", "no such file"), (tmp_path, "is a directory"),
                            (huge, "larger than")):
        result = run("check", str(target))
        err = result.stderr.decode()
        assert result.returncode == 2 and message in err and "Traceback" not in err


def test_cli_non_utf8_story_is_decoded(tmp_path):
    story = tmp_path / "latin.txt"
    story.write_bytes("The council spent £3.2m on 40 homes.".encode("cp1252"))
    result = run("check", str(story), "--format", "json")
    assert result.returncode == 0
    assert [c["text"] for c in json.loads(result.stdout)["claims"]] == ["£3.2m", "40"]


def test_cli_bad_option_values_are_usage_errors():
    for args in (("--published", "22/01/2026"), ("--format", "xml"), ("--fail-on", "panic")):
        result = run("check", str(SAMPLE), *args)
        assert result.returncode == 2
        assert "Traceback" not in result.stderr.decode()


@pytest.mark.parametrize("command", ["check", "eval"])
def test_cli_every_command_has_help_with_an_example(command):
    result = run(command, "--help")
    assert result.returncode == 0
    assert "Example: factcheck " + command in result.stdout.decode()


def test_cli_eval_prints_scores_and_baseline():
    result = run("eval", "corpora/dev")
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr
    assert "spaCy NER" in out and "value accuracy" in out and "qualifier accuracy" in out
