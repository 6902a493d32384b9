"""The CI output formats (sarif, rdjsonl, github), on reports built by hand: no spaCy model needed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck import __version__
from factcheck.models import (
    CountClaim, DateClaim, Finding, ReferenceRef, Report, SourceInfo, Summary,
)
from factcheck.report import RENDERERS
from factcheck.report.github import escape_data, escape_property
from factcheck.report.sarif import RULES

SUBSET_SCHEMA = Path(__file__).parent / "data" / "sarif-2.1.0-subset.json"

TEXT = (
    "Officials said 50% of 1,000 detainees moved.\n"
    "On Tuesday, 3 May 2022, 600 of them left Camp Ñandú.\n"
    "The ministry later said 150 detainees.\n"
)


def _span(text: str, needle: str) -> dict:
    start = text.index(needle)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return {"start": start, "end": start + len(needle), "line": line, "column": column}


def _count(id_, needle, value, text=TEXT, **extra):
    return CountClaim(id=id_, text=needle, value=value, low=value, high=value, qualifier="exact",
                      **_span(text, needle), **extra)


def _finding(rule, severity, message, needle, claims=(), text=TEXT):
    return Finding(rule=rule, severity=severity, message=message, claims=list(claims),
                   **_span(text, needle))


def _report(path, claims=(), findings=(), published="2022-05-04"):
    claims, findings = list(claims), list(findings)
    contradicted = sum(c.verdict == "contradicted" for c in claims)
    return Report(
        source=SourceInfo(path=path, published=published, format="markdown"),
        claims=claims, places=[], findings=findings,
        summary=Summary(claims=len(claims), checked=contradicted, supported=0,
                        contradicted=contradicted, findings=len(findings)),
    )


@pytest.fixture
def flagged() -> Report:
    """A story with a warning, an error, an info finding and a contradicted figure."""
    date = DateClaim(id="c3", text="Tuesday, 3 May 2022", value="2022-05-03", granularity="day",
                     weekday="Tuesday", **_span(TEXT, "Tuesday, 3 May 2022"))
    claims = [
        _count("c1", "50% of 1,000", 500),
        _count("c2", "600", 600),
        date,
        _count("c4", "150 detainees", 150, verdict="contradicted",
               reference=ReferenceRef(id="camp-transfers-2022", value=120, low=110, high=130,
                                      source="UN OCHA")),
    ]
    findings = [
        _finding("percent-mismatch", "warning", "50% of 1,000\nnext", "50% of 1,000", ["c1"]),
        _finding("part-exceeds-total", "error", "600 is more than the 500 moved", "600", ["c2", "c1"]),
        _finding("weekday-mismatch", "info", "3 May 2022 was a Tuesday: fine, noted", "Tuesday, 3 May 2022",
                 ["c3"]),
    ]
    return _report("news/a,b:c.md", claims, findings)


@pytest.fixture
def clean() -> Report:
    return _report("news/clean.md", [_count("c1", "600", 600)])


def _sarif(reports, texts=None) -> dict:
    return json.loads(RENDERERS["sarif"](reports, texts))


# --- sarif -------------------------------------------------------------------------------------

def test_report_sarif_validates_against_schema(flagged, clean):
    """The log validates against tests/data/sarif-2.1.0-subset.json: a hand-written subset of the
    OASIS SARIF 2.1.0 JSON schema covering the objects factcheck emits (the full schema cannot be
    downloaded at test time). Like the official schema it forbids undefined properties, so it also
    catches a misspelt property name."""
    import jsonschema
    schema = json.loads(SUBSET_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    validator = jsonschema.Draft4Validator(schema)
    for reports, texts in (([flagged, clean], [TEXT, TEXT]), ([flagged], None), ([], [])):
        errors = sorted(validator.iter_errors(_sarif(reports, texts)), key=str)
        assert not errors, errors[0]


def test_report_sarif_subset_schema_rejects_invalid_logs(flagged):
    import jsonschema
    validator = jsonschema.Draft4Validator(json.loads(SUBSET_SCHEMA.read_text(encoding="utf-8")))
    good = _sarif([flagged], [TEXT])
    assert validator.is_valid(good)
    broken = [
        lambda log: log.pop("version"),
        lambda log: log["runs"][0]["tool"]["driver"].pop("name"),
        lambda log: log["runs"][0]["results"][0].pop("message"),
        lambda log: log["runs"][0]["results"][0].update(level="info"),
        lambda log: log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
        .update(startLine=0),
        lambda log: log["runs"][0]["results"][0].update(severity="error"),
    ]
    for breaks in broken:
        log = json.loads(json.dumps(good))
        breaks(log)
        assert not validator.is_valid(log)


def test_report_sarif_header_and_driver(flagged):
    log = _sarif([flagged], [TEXT])
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "factcheck"
    assert driver["informationUri"] == "https://github.com/factcheck-news/factcheck"
    assert driver["version"] == __version__


def test_report_sarif_is_indented_json(flagged):
    output = RENDERERS["sarif"]([flagged], [TEXT])
    assert output == json.dumps(json.loads(output), ensure_ascii=False, indent=2)


def test_report_sarif_rules_are_stable(flagged, clean):
    expected = ["sum-mismatch", "part-exceeds-total", "restated-differently", "weekday-mismatch",
                "percent-mismatch", "change-mismatch", "contradicted"]
    assert list(RULES) == expected
    for reports in ([flagged], [clean], []):
        rules = _sarif(reports)["runs"][0]["tool"]["driver"]["rules"]
        assert [r["id"] for r in rules] == expected
        assert all(r["shortDescription"]["text"] for r in rules)


def test_report_sarif_results_point_at_their_rule(flagged):
    run = _sarif([flagged], [TEXT])["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert [r["ruleId"] for r in results] == [
        "percent-mismatch", "part-exceeds-total", "weekday-mismatch", "contradicted"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert [r["ruleIndex"] for r in results] == [4, 1, 3, 6]


def test_report_sarif_levels_follow_severity(flagged):
    results = _sarif([flagged], [TEXT])["runs"][0]["results"]
    assert [r["level"] for r in results] == ["warning", "error", "note", "error"]


def test_report_sarif_unknown_rule_is_appended(flagged):
    extra = _report("news/x.md", findings=[
        _finding("zz-new-rule", "warning", "new", "600"),
        _finding("aa-new-rule", "warning", "new", "150 detainees"),
    ])
    run = _sarif([flagged, extra], [TEXT, TEXT])["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert ids == [*RULES, "aa-new-rule", "zz-new-rule"]
    for result in run["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]


def test_report_sarif_region_from_text(flagged):
    result = _sarif([flagged], [TEXT])["runs"][0]["results"][3]
    location = result["locations"][0]["physicalLocation"]
    span = _span(TEXT, "150 detainees")
    assert location["region"] == {
        "startLine": 3, "startColumn": span["column"], "endLine": 3,
        "endColumn": span["column"] + len("150 detainees"),
        "charOffset": span["start"], "charLength": len("150 detainees"),
    }
    assert TEXT[span["start"] : span["start"] + location["region"]["charLength"]] == "150 detainees"


def test_report_sarif_region_across_lines():
    text = "A total of 1,000\npeople, of whom 600 left.\n"
    report = _report("story.txt", findings=[
        _finding("sum-mismatch", "error", "spans lines", "1,000\npeople", text=text)])
    region = _sarif([report], [text])["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (1, 12)
    assert (region["endLine"], region["endColumn"]) == (2, 7)


def test_report_sarif_region_without_text_ends_at_start(flagged):
    region = (_sarif([flagged])["runs"][0]["results"][0]["locations"][0]
              ["physicalLocation"]["region"])
    assert (region["endLine"], region["endColumn"]) == (region["startLine"], region["startColumn"])
    assert region["charLength"] == len("50% of 1,000")


def test_report_sarif_uri_uses_forward_slashes():
    windows = _report("news\\2022\\story.md", findings=[_finding("sum-mismatch", "error", "m", "600")])
    stdin = _report(None, findings=[_finding("sum-mismatch", "error", "m", "600")])
    spaced = _report("news/my story.md", findings=[_finding("sum-mismatch", "error", "m", "600")])
    results = _sarif([windows, stdin, spaced])["runs"][0]["results"]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
    assert uris == ["news/2022/story.md", "%3Cstdin%3E", "news/my%20story.md"]


def test_report_sarif_contradicted_message(flagged):
    result = _sarif([flagged], [TEXT])["runs"][0]["results"][3]
    assert result["message"]["text"] == (
        "'150 detainees' contradicts the reference: camp-transfers-2022 = 120, "
        "expected 110 to 130 (source: UN OCHA)")
    assert result["properties"]["claims"] == ["c4"]


def test_report_sarif_no_findings_has_empty_results(clean):
    run = _sarif([clean], [TEXT])["runs"][0]
    assert run["results"] == []


def test_report_sarif_multiple_reports_in_one_run(flagged, clean):
    other = _report("news/other.md", findings=[_finding("change-mismatch", "warning", "m", "600")])
    log = _sarif([flagged, clean, other], [TEXT, TEXT, TEXT])
    assert len(log["runs"]) == 1
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]]
    assert uris == ["news/a,b%3Ac.md"] * 4 + ["news/other.md"]


# --- rdjsonl -----------------------------------------------------------------------------------

def _rdjsonl(reports, texts=None) -> list[dict]:
    output = RENDERERS["rdjsonl"](reports, texts)
    return [json.loads(line) for line in output.splitlines()]


def test_report_rdjsonl_lines_are_json_diagnostics(flagged):
    output = RENDERERS["rdjsonl"]([flagged], [TEXT])
    lines = output.split("\n")
    assert len(lines) == 4
    for line in lines:
        diagnostic = json.loads(line)
        assert set(diagnostic) == {"message", "location", "severity", "source", "code"}
        assert set(diagnostic["location"]) == {"path", "range"}
        for end in ("start", "end"):
            position = diagnostic["location"]["range"][end]
            assert set(position) == {"line", "column"}
            assert all(isinstance(v, int) and v >= 1 for v in position.values())
        assert diagnostic["source"] == {"name": "factcheck"}
        assert diagnostic["location"]["path"] == "news/a,b:c.md"


def test_report_rdjsonl_severity_code_and_message(flagged):
    diagnostics = _rdjsonl([flagged], [TEXT])
    assert [d["severity"] for d in diagnostics] == ["WARNING", "ERROR", "INFO", "ERROR"]
    assert [d["code"]["value"] for d in diagnostics] == [
        "percent-mismatch", "part-exceeds-total", "weekday-mismatch", "contradicted"]
    assert diagnostics[0]["message"] == "50% of 1,000\nnext"
    assert diagnostics[3]["message"].startswith("'150 detainees' contradicts the reference: ")


def test_report_rdjsonl_range_is_end_exclusive(flagged):
    first = _rdjsonl([flagged], [TEXT])[0]["location"]["range"]
    span = _span(TEXT, "50% of 1,000")
    assert first == {"start": {"line": 1, "column": span["column"]},
                     "end": {"line": 1, "column": span["column"] + len("50% of 1,000")}}


def test_report_rdjsonl_columns_are_utf8_bytes():
    text = "Camp Ñandú held 600 people.\n"
    report = _report("story.md", findings=[_finding("sum-mismatch", "error", "m", "600", text=text)])
    position = _rdjsonl([report], [text])[0]["location"]["range"]
    # 'Ñ' and 'ú' take two bytes each in UTF-8: column 17 in characters is byte column 19
    assert _span(text, "600")["column"] == 17
    assert position == {"start": {"line": 1, "column": 19}, "end": {"line": 1, "column": 22}}


def test_report_rdjsonl_stdin_path(flagged):
    report = _report(None, findings=[_finding("sum-mismatch", "error", "m", "600")])
    assert _rdjsonl([report])[0]["location"]["path"] == "<stdin>"


def test_report_rdjsonl_no_findings_prints_nothing(clean):
    assert RENDERERS["rdjsonl"]([clean], [TEXT]) == ""
    assert RENDERERS["rdjsonl"]([], []) == ""


def test_report_rdjsonl_multiple_reports(flagged, clean):
    other = _report("news/other.md", findings=[_finding("change-mismatch", "warning", "m", "600")])
    diagnostics = _rdjsonl([flagged, clean, other], [TEXT, TEXT, TEXT])
    assert [d["location"]["path"] for d in diagnostics] == ["news/a,b:c.md"] * 4 + ["news/other.md"]


# --- github ------------------------------------------------------------------------------------

def test_report_github_escapes_message_and_path(flagged):
    first = RENDERERS["github"]([flagged], [TEXT]).splitlines()[0]
    span = _span(TEXT, "50% of 1,000")
    assert first == (
        f"::warning file=news/a%2Cb%3Ac.md,line=1,col={span['column']},endLine=1,"
        f"endColumn={span['column'] + 12},title=percent-mismatch::50%25 of 1,000%0Anext"
    )


def test_report_github_escape_functions():
    assert escape_data("50% of 1,000\r\nnext: a") == "50%25 of 1,000%0D%0Anext: a"
    assert escape_property("news/a,b:c.md") == "news/a%2Cb%3Ac.md"
    assert escape_property("100%\n,:") == "100%25%0A%2C%3A"
    # '%' first, so an escape is never escaped twice
    assert escape_data("%0A") == "%250A"


def test_report_github_one_command_per_line(flagged):
    lines = RENDERERS["github"]([flagged], [TEXT]).split("\n")
    assert len(lines) == 4
    assert [line.split(" ", 1)[0] for line in lines] == ["::warning", "::error", "::notice", "::error"]
    for line in lines:
        properties, message = line.split(" ", 1)[1].split("::", 1)
        keys = [item.split("=", 1)[0] for item in properties.split(",")]
        assert keys == ["file", "line", "col", "endLine", "endColumn", "title"]
        assert "\n" not in message and "\r" not in message


def test_report_github_contradicted_is_error(flagged):
    last = RENDERERS["github"]([flagged], [TEXT]).splitlines()[-1]
    assert last.startswith("::error file=news/a%2Cb%3Ac.md,line=3,")
    assert last.endswith(
        ",title=contradicted::'150 detainees' contradicts the reference: camp-transfers-2022 = 120, "
        "expected 110 to 130 (source: UN OCHA)")


def test_report_github_contradicted_without_reference():
    claim = _count("c1", "600", 600, verdict="contradicted")
    output = RENDERERS["github"]([_report(None, [claim])], [TEXT])
    assert output == (
        f"::error file=<stdin>,line=2,col={_span(TEXT, '600')['column']},endLine=2,"
        f"endColumn={_span(TEXT, '600')['column'] + 3},title=contradicted::'600' contradicts the reference"
    )


def test_report_github_no_findings_no_annotations(clean):
    assert RENDERERS["github"]([clean], [TEXT]) == ""
    assert RENDERERS["github"]([], []) == ""


def test_report_github_multiple_reports(flagged, clean):
    other = _report("news/other.md", findings=[_finding("change-mismatch", "warning", "m", "600")])
    lines = RENDERERS["github"]([flagged, clean, other], [TEXT, TEXT, TEXT]).splitlines()
    assert len(lines) == 5
    assert lines[-1].startswith("::warning file=news/other.md,line=2,")
    assert lines[-1].endswith(",title=change-mismatch::m")


def test_report_formats_registered():
    for name in ("sarif", "rdjsonl", "github"):
        assert callable(RENDERERS[name])
