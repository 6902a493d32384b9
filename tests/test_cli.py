"""The command line as a user runs it: its output and exit code. Run in-process through typer's
CliRunner (tests/clirunner.py); a few smoke tests start a real process."""

import json

import pytest
import typer.main

from factcheck.cli import app

from .clirunner import invoke, run
from .conftest import SAMPLE


def test_cli_check_file_shows_figures_in_context():
    result = invoke("check", SAMPLE, "--no-color")
    assert result.code == 0, result.stderr
    assert "around 150" in result.stdout and "detainees" in result.stdout and "»around 150«" in result.stdout
    assert "claims (" in result.stdout  # the coverage line


def test_cli_check_reads_stdin_with_dash_and_from_a_pipe():
    story = "Around 24,000 people live at the camp, officials said on Wednesday."
    for args in (("check", "-", "--published", "2026-01-22"), ("check", "--published", "2026-01-22")):
        result = invoke(*args, "--format", "json", stdin=story)
        assert result.code == 0, result.stderr
        report = json.loads(result.stdout)
        assert report["source"]["path"] is None
        assert [c["text"] for c in report["claims"]] == ["Around 24,000", "Wednesday"]
        assert report["claims"][1]["value"] == "2026-01-21"


def test_cli_check_json_follows_the_report_contract():
    report = json.loads(invoke("check", SAMPLE, "--format", "json").stdout)
    assert report["schema"] == "factcheck.report/1"
    assert report["source"]["published"] == "2026-01-22"
    assert report["summary"]["claims"] == len(report["claims"])


@pytest.mark.parametrize("content, message", [(b"", "empty"), (b"\x00\x00PK\x03\x04", "binary")])
def test_cli_bad_file_is_one_line_exit_2_and_others_still_checked(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = invoke("check", bad, SAMPLE, "--format", "json")
    assert result.code == 2
    assert result.stderr.count("\n") == 1 and str(bad) in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr
    # several files named: an array, even though only one could be read
    assert [r["source"]["path"] for r in json.loads(result.stdout)] == [str(SAMPLE)]


def test_cli_missing_path_directory_and_huge_file(tmp_path):
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"word " * 11_000_000)  # 55 MB
    for target, message in ((tmp_path / "nope.txt", "no such file"), (tmp_path, "is a directory"),
                            (huge, "larger than")):
        result = invoke("check", target)
        assert result.code == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_cli_non_utf8_story_is_decoded(tmp_path):
    story = tmp_path / "latin.txt"
    story.write_bytes("The council spent £3.2m on 40 homes.".encode("cp1252"))
    result = invoke("check", story, "--format", "json")
    assert result.code == 0
    assert [c["text"] for c in json.loads(result.stdout)["claims"]] == ["£3.2m", "40"]


@pytest.mark.parametrize("args, message", [
    (("--published", "22/01/2026"), "--published: expected a date as YYYY-MM-DD, got '22/01/2026'"),
    (("--format", "xml"), "--format: expected one of text, json"),
    (("--fail-on", "panic"), "--fail-on: expected one of error, warning, info, got 'panic'"),
    (("--select", "sum-mismatch,no-such-rule"), "--select: unknown rule 'no-such-rule'; known rules: "),
    (("--no-such-flag",), "No such option: --no-such-flag"),
])
def test_cli_bad_option_values_are_one_line_usage_errors(args, message):
    result = invoke("check", SAMPLE, *args)
    assert result.code == 2 and result.stdout == ""
    assert result.stderr.startswith("factcheck: error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def _commands(command=None, path=()):
    """Every registered command, as the words that run it ("check", "refs show"), from the app."""
    command = command or typer.main.get_command(app)
    for name, sub in sorted(command.commands.items()):
        if getattr(sub, "commands", None):
            yield from _commands(sub, (*path, name))
        else:
            yield " ".join((*path, name))


def test_cli_the_command_list_is_read_from_the_app():
    names = set(_commands())
    assert {"check", "hook", "batch", "config", "serve", "eval", "refs list", "refs show"} <= names


@pytest.mark.parametrize("command", sorted(_commands()))
def test_cli_every_command_has_help_with_an_example(command):
    for flag in ("--help", "-h"):
        result = invoke(*command.split(), flag)
        assert result.code == 0, result.stderr
        example = result.stdout.split("Example: ", 1)[1].split("\n")[0]
        assert example.startswith(f"factcheck {command}"), example


def test_cli_eval_one_gold_file_prints_scores_beside_spacy_ner():
    result = invoke("eval", "corpora/dev/biz-energy-prices.gold.json")
    assert result.code == 0, result.stderr
    assert "spaCy NER" in result.stdout and "value accuracy" in result.stdout
    money = next(line.split() for line in result.stdout.splitlines() if line.startswith("money "))
    assert money[1] == "15"  # the gold file's 15 money claims


@pytest.mark.slow
def test_cli_eval_prints_scores_and_baseline():
    """The whole dev corpus: extraction, the consistency rules and verification by corruption,
    each held to the level it reached (so a change that costs accuracy shows here, not later)."""
    result = invoke("eval", "corpora/dev", "--json")
    assert result.code == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["stories"] == 24
    assert scores["value_correct"]["f1"] >= 0.98  # 0.9885 on 2026-12-01
    verification = scores["verification"]
    assert verification["copies"] >= 150 and verification["detection_rate"] >= 0.9  # 0.945
    assert verification["contradictions_on_clean_stories"] == 0
    assert verification["false_alarms_on_untouched_claims"] == 0
    printed = invoke("eval", "corpora/dev/iraq-detainee-transfers.gold.json")
    assert "spaCy NER" in printed.stdout and "value accuracy" in printed.stdout
    assert "qualifier accuracy" in printed.stdout


def test_cli_smoke_check_in_a_real_process():
    """The installed entry point, a real pipe and a real exit code."""
    result = run("check", SAMPLE, "--format", "line")
    assert result.returncode == 0, result.stderr
    piped = run("check", "--published", "2026-01-22", "--format", "json",
                stdin=b"Around 24,000 people live at the camp, officials said on Wednesday.")
    assert piped.returncode == 0, piped.stderr
    assert json.loads(piped.stdout)["claims"][1]["value"] == "2026-01-21"


def test_cli_smoke_usage_error_in_a_real_process():
    result = run("check", SAMPLE, "--fail-on", "panic")
    assert result.returncode == 2 and result.stderr.decode().startswith("factcheck: error: --fail-on")
