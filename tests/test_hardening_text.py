"""Ordinary and hostile copy never crashes the checker (issue 9): each reproducer as found."""

import json

import pytest
from typer.testing import CliRunner

from factcheck import CheckError, SourceError, check_text
from factcheck.cli import app
from factcheck.dating import DateExpr, resolve
from factcheck.extract import FAST_MODEL
from factcheck.limits import MAX_CHARS
from factcheck.normalize import MAX_FIGURE, interval


def fast(text, **kwargs):
    return check_text(text, model=FAST_MODEL, **kwargs)


def strict_json(report) -> dict:
    return json.loads(json.dumps(report.to_json_dict(), allow_nan=False))


def test_normalize_negative_ceiling_is_open_below():
    assert interval(-10, "less_than") == (None, -10)
    assert interval(-2, "up_to") == (None, -2)
    assert interval(10, "less_than") == (0, 10)


def test_normalize_nearly_a_negative_figure_stays_on_its_side_of_zero():
    low, high = interval(-3, "nearly")
    assert low == -3 and -3 < high < 0


@pytest.mark.parametrize("text, value", [
    ("Temperatures below minus 10C are forecast.", -10),
    ("Growth was less than -2% last year.", -2),
])
def test_check_negative_figure_with_a_ceiling_is_read(text, value):
    report = fast(text, published="2026-01-22")
    claim = report.claims[0]
    assert claim.value == value and claim.high == value and claim.low is None
    strict_json(report)


@pytest.mark.parametrize("text, published", [
    ("Humans settled here 4000 years ago.", "2026-01-22"),
    ("The market opened yesterday.", "0001-01-01"),
    ("The rules change next year.", "9999-06-01"),
])
def test_dating_outside_the_calendar_is_unresolved_with_a_reason(text, published):
    report = fast(text, published=published)
    date = [c for c in report.claims if c.kind == "date"][0]
    assert date.value is None and not date.resolved
    assert "1 to 9999" in date.reason


def test_dating_zero_days_ago_is_the_publication_day():
    report = fast("It happened zero days ago.", published="2026-01-22")
    assert [c.value for c in report.claims] == ["2026-01-22"]


def test_dating_resolve_never_raises_on_a_year_out_of_range():
    expr = DateExpr(0, 9, "last year", "relative", (("unit", "year"), ("offset", -1)))
    import datetime as dt

    value = resolve(expr, dt.date(1, 6, 1))
    assert value.value is None and value.granularity == "year" and value.reason


def test_extract_an_absurdly_large_number_is_not_a_figure():
    huge = "1" + ",000" * 100
    report = fast(f"The debt is {huge} dollars, and 5 people noticed.")
    assert [c.text for c in report.claims] == ["5"]
    report = fast("The code is " + "9" * 320 + " and 12 people saw it.")
    assert [c.value for c in report.claims] == [12]
    strict_json(report)


def test_extract_the_largest_allowed_figure_is_still_read():
    report = fast("The fund holds $1,000,000,000,000,000 in bonds.")
    assert [c.value for c in report.claims] == [MAX_FIGURE]


@pytest.mark.parametrize("text, expected", [
    ("Tensions boil over\n12 people were arrested.", ("12", "exact")),
    ("Prices rose to about\n40 a week.", ("40", "exact")),
    ("The club scored more than\n\n30 goals.", ("30", "exact")),
])
def test_extract_a_qualifier_never_joins_a_figure_across_a_line_break(text, expected):
    claim = fast(text).claims[0]
    assert (claim.text, claim.qualifier) == expected


def test_extract_a_unit_or_scale_never_joins_across_a_line_break():
    claim = fast("Sales reached 12\nmillion readers read it.").claims[0]
    assert claim.text == "12" and claim.value == 12


def test_check_lone_surrogate_is_a_clear_error_with_its_position():
    with pytest.raises(SourceError, match=r"<stdin>:2:5: a lone surrogate \(U\+D800\)"):
        fast("First line.\nSome\ud800 text with 5 people.")


def test_check_text_over_the_size_limit_is_a_clear_error():
    text = "Five people came. " * (MAX_CHARS // 18 + 1)
    with pytest.raises(SourceError, match="characters is more than the 1,000,000"):
        fast(text)


def test_check_unexpected_failure_is_reported_against_the_story(monkeypatch):
    import factcheck.api as api

    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(api, "find_inconsistencies", broken)
    with pytest.raises(CheckError, match=r"story\.txt: could not be checked: ZeroDivisionError: boom"):
        check_text("Five people came.", path="story.txt", model=FAST_MODEL)


def test_cli_check_one_broken_story_does_not_stop_the_others(tmp_path, monkeypatch):
    import factcheck.api as api

    real = api.find_inconsistencies

    def broken_on_bad(claims, text, **kwargs):
        if "BAD" in text:
            raise RuntimeError("boom")
        return real(claims, text, **kwargs)

    monkeypatch.setattr(api, "find_inconsistencies", broken_on_bad)
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("Around 150 detainees were moved.\n")
    bad.write_text("BAD copy with 12 people.\n")
    result = CliRunner().invoke(app, ["check", str(bad), str(good), "--fast", "--format", "json"])
    assert result.exit_code == 2
    assert "bad.txt: could not be checked: RuntimeError: boom" in result.stderr
    reports = json.loads(result.stdout)
    assert [r["source"]["path"] for r in reports] == [str(good)]


def test_cli_hook_exits_2_not_1_when_a_story_crashes(tmp_path, monkeypatch):
    import factcheck.api as api

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(api, "find_inconsistencies", broken)
    story = tmp_path / "story.txt"
    story.write_text("Around 150 detainees were moved.\n")
    result = CliRunner().invoke(app, ["hook", str(story)])
    assert result.exit_code == 2
    assert "story.txt: could not be checked" in result.stderr


def test_cli_check_with_stdin_closed_is_a_clear_error():
    import os
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "factcheck", "check", "--fast"], capture_output=True,
                            preexec_fn=lambda: os.close(0), timeout=120)
    err = result.stderr.decode()
    assert result.returncode == 2
    assert "standard input is closed" in err and "Traceback" not in err


def test_source_html_entities_are_read_as_the_characters_they_stand_for():
    text = "<p>It cost &pound;3.2m and &euro;20&nbsp;million for 40 homes.</p>"
    claims = fast(text, path="story.html").claims
    assert [(c.kind, c.value, c.unit) for c in claims] == [
        ("money", 3_200_000, "GBP"), ("money", 20_000_000, "EUR"), ("count", 40, "homes")]
    assert claims[0].text == "&pound;3.2m"  # offsets still point into the original file
    assert all(text[c.start : c.end] == c.text for c in claims)
