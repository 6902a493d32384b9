"""The whole pipeline on real stories (loads the English model once)."""

import json

import pytest

from factcheck import check_text
from factcheck.evaluation import gold_files, load_gold

from .conftest import CORPORA


def claim(report, text):
    matches = [c for c in report.claims if c.text == text]
    assert matches, f"no claim {text!r} in {[c.text for c in report.claims]}"
    return matches[0]


@pytest.mark.parametrize(
    "text, kind, value, qualifier",
    [
        ("around 150", "count", 150, "approx"),
        ("up to 7,000", "count", 7000, "up_to"),
        ("Around 9,000", "count", 9000, "approx"),
        ("more than a dozen", "count", 12, "more_than"),
        ("around 4,500", "count", 4500, "approx"),
        ("Nearly 3,000", "count", 3000, "nearly"),
        ("About 6,500", "count", 6500, "approx"),
        ("over 300", "count", 300, "more_than"),
        ("More than 20", "count", 20, "more_than"),
        ("two", "count", 2, "exact"),
    ],
)
def test_pipeline_sample_story_counts(sample_report, text, kind, value, qualifier):
    c = claim(sample_report, text)
    assert (c.kind, c.value, c.qualifier) == (kind, value, qualifier)


@pytest.mark.parametrize(
    "text, value, granularity",
    [("Last year", "2025", "year"), ("January 2026", "2026-01", "month"),
     ("Jan. 21", "2026-01-21", "day"), ("Wednesday", "2026-01-21", "day"),
     ("2017", "2017", "year"), ("2019", "2019", "year")],
)
def test_pipeline_sample_story_dates(sample_report, text, value, granularity):
    c = claim(sample_report, text)
    assert (c.kind, c.value, c.granularity) == ("date", value, granularity)


def test_pipeline_sample_story_units(sample_report):
    assert claim(sample_report, "around 150").unit == "detainees"
    assert claim(sample_report, "over 300").unit == "IS operatives"
    assert claim(sample_report, "more than a dozen").unit == "facilities"
    assert claim(sample_report, "two").unit == "US soldiers"
    assert claim(sample_report, "14,500").unit == "Syrians"


def test_pipeline_sample_story_places(sample_report):
    names = {p.text for p in sample_report.places}
    assert {"al-Hol camp", "Hassakeh province", "Gweiran (Panorama) Prison"} <= names


def test_pipeline_bullets_are_sentences_of_their_own():
    report = check_text("Current figures show:\n- Around 24,000 people live there\n- 14,500 are Syrians\n")
    assert claim(report, "Around 24,000").unit == "people"
    assert claim(report, "14,500").unit == "Syrians"


def test_pipeline_offsets_lines_and_columns_are_exact_on_every_story():
    from factcheck import check_file

    for gold_path in gold_files(CORPORA / "dev"):
        story_path, _ = load_gold(gold_path)
        text = story_path.read_text(encoding="utf-8")
        lines = text.split("\n")
        for c in check_file(story_path).claims:
            assert text[c.start : c.end] == c.text
            assert lines[c.line - 1][c.column - 1 :].startswith(c.text.split("\n")[0])


def test_pipeline_no_publication_date_leaves_relative_dates_unresolved():
    report = check_text("Last year 300 were held, and 2017 was worse.")
    assert claim(report, "Last year").value is None
    assert claim(report, "Last year").resolved is False
    assert claim(report, "2017").value == "2017"


def test_pipeline_weekday_in_a_future_clause_is_the_next_one():
    report = check_text("Residents must register by Monday.", published="2026-02-26")
    assert claim(report, "Monday").value == "2026-03-02"


def test_pipeline_json_report_shape_is_pinned(sample_report):
    data = json.loads(json.dumps(sample_report.to_json_dict()))
    assert data["schema"] == "factcheck.report/1"
    assert set(data) == {"schema", "source", "claims", "places", "findings", "summary"}
    assert set(data["source"]) >= {"path", "published"}
    first = data["claims"][0]
    assert set(first) >= {"id", "kind", "text", "start", "end", "line", "column", "value", "low",
                          "high", "qualifier", "unit", "place", "date", "verdict", "reference"}
    assert set(data["summary"]) == {"claims", "checked", "supported", "contradicted", "findings"}
    assert set(data["places"][0]) >= {"id", "name", "text", "start", "end", "line", "column"}
    assert all(c["verdict"] == "unverified" for c in data["claims"])


def test_pipeline_components_declare_what_they_require_and_no_requirement_is_unmet():
    from factcheck.extract import DEFAULT_MODEL, FAST_MODEL, build_pipeline

    for model in (FAST_MODEL, DEFAULT_MODEL):
        analysis = build_pipeline(model).analyze_pipes(pretty=False)
        assert all(not problems for problems in analysis["problems"].values()), analysis["problems"]
        numbers = analysis["summary"]["factcheck_numbers"]
        assert numbers["requires"] == ["doc._.fc_dates"] and numbers["assigns"] == ["doc._.fc_figures"]


def test_pipeline_components_run_on_a_blank_doc():
    import spacy

    from factcheck.extract.dates import DateFinder
    from factcheck.extract.numbers import NumberFinder
    from factcheck.extract.sentences import SentenceMarker

    nlp = spacy.blank("en")
    doc = nlp("Headline here\nAround 150 detainees were moved on Jan. 21, 2026.")
    for component in (SentenceMarker(), DateFinder(), NumberFinder()):
        doc = component(doc)
    assert [s.text.strip() for s in doc.sents][0] == "Headline here"
    assert [d.text for d in doc._.fc_dates] == ["Jan. 21, 2026"]
    assert [f.text for f in doc._.fc_figures] == ["Around 150"]


def test_pipeline_a_table_cell_s_figure_counts_no_pipe():
    """A table pasted as text: the cell border after a figure is not what it counts."""
    report = check_text("Sales by region\n\n| Region | Sales |\n| North | 1,200 |\n| South | 900 |\n",
                        published="2026-03-20")
    assert [(c.text, c.unit) for c in report.claims if c.kind == "count"] == [("1,200", None), ("900", None)]
