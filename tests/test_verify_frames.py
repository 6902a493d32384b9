"""Verification on frames (issue 12): a figure is compared only with facts whose measure, subject,
place, period and role agree with its own; contradicted only when one fact clearly applies."""

import pytest

from factcheck import check_text
from factcheck.reference import load_reference

FACTS = """
[[place]]
id = "united-kingdom"
name = "United Kingdom"
kind = "country"
aliases = ["UK", "Britain"]

[[place]]
id = "germany"
name = "Germany"
kind = "country"

[[place]]
id = "china"
name = "China"
kind = "country"

[[place]]
id = "hong-kong"
name = "Hong Kong"
kind = "city"
within = "china"

[[place]]
id = "wuhan"
name = "Wuhan"
kind = "city"
within = "china"

[[source]]
id = "ons"
publisher = "Office for National Statistics"

[[fact]]
id = "uk.jobless-rate"
kind = "percent"
unit = "percent"
counts = "unemployment rate"
context = ["jobless", "unemployment"]
place = "united-kingdom"
value = 9.5
rounding = 0.1
source = "ons"

[[fact]]
id = "germany.jobless-rate"
kind = "percent"
unit = "percent"
counts = "unemployment rate"
context = ["jobless", "unemployment"]
place = "germany"
value = 7.1
rounding = 0.1
source = "ons"

[[fact]]
id = "uk.people-out-of-work"
counts = "people out of work"
synonyms = ["unemployed people", "jobless"]
place = "united-kingdom"
value = 2_470_000
rounding = 10_000
source = "ons"

[[fact]]
id = "dwp.job-cuts"
counts = "job cuts"
synonyms = ["jobs"]
subject = "DWP"
subject_aliases = ["Department for Work and Pensions"]
place = "united-kingdom"
value = 560
source = "ons"

[[fact]]
id = "china.flu-cases"
counts = "flu cases"
synonyms = ["cases"]
place = "china"
value = 1200
source = "ons"

[[fact]]
id = "china.population"
counts = "people"
synonyms = ["residents"]
place = "china"
value = 1_400_000_000
rounding = 100_000_000
includes_parts = false
source = "ons"
"""


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    folder = tmp_path_factory.mktemp("claims")
    (folder / "facts.toml").write_text(FACTS, encoding="utf-8")
    return load_reference(folder, cache=False)


def verdict(reference, text, figure):
    report = check_text(text, published="2009-06-10", reference=reference)
    [claim] = [c for c in report.claims if c.text == figure]
    return claim


def test_verify_a_floor_is_supported_by_a_figure_above_it(reference):
    claim = verdict(reference, "The UK jobless rate topped 9% in May.", "9%")
    assert claim.verdict != "contradicted"


def test_verify_another_country_in_the_sentence_is_not_the_claim_place(reference):
    claim = verdict(reference, "The UK jobless rate is 9.5%, against 7.1% in Germany.", "9.5%")
    assert claim.verdict == "supported" and claim.reference.id == "uk.jobless-rate"


def test_verify_a_level_fact_does_not_judge_a_change(reference):
    claim = verdict(reference, "In the UK, the number of people out of work rose by 220,000 in the quarter.",
                    "220,000")
    assert claim.verdict == "unverified"


def test_verify_a_fact_for_a_place_inside_the_claim_place_supports_but_never_contradicts(reference):
    text = "China reported 1,200 flu cases, most of them in Wuhan."
    assert verdict(reference, text, "1,200").verdict == "supported"
    wrong = verdict(reference, "Hong Kong has 1,900 flu cases, health officials said.", "1,900")
    assert wrong.verdict == "unverified"
    assert "China" in wrong.reason


def test_verify_vague_magnitude_is_never_contradicted(reference):
    claim = verdict(reference, "Thousands of people lost their jobs at the DWP in the UK.", "Thousands")
    assert claim.verdict != "contradicted"
