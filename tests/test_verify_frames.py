"""Verification on frames (issue 12): a figure is compared only with facts whose measure, subject,
place, period and role agree with its own; contradicted only when one fact clearly applies."""

import pytest

from factcheck import check_text
from factcheck.reference import load_reference

# the places both reference sets below know
COUNTRIES = """
[[place]]
id = "united-kingdom"
name = "United Kingdom"
kind = "country"
aliases = ["UK", "Britain"]

[[place]]
id = "china"
name = "China"
kind = "country"
"""

FACTS = COUNTRIES + """
[[place]]
id = "germany"
name = "Germany"
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


PERIODS = COUNTRIES + """
[[place]]
id = "japan"
name = "Japan"
kind = "country"

[[source]]
id = "hmrc"
publisher = "HM Revenue and Customs"

[[fact]]
id = "uk.tax-receipts-2024-25"
kind = "money"
unit = "GBP"
counts = "tax receipts"
context = ["tax receipts"]
place = "united-kingdom"
value = 858_900_000_000
rounding = 100_000_000
as_of = "2024-25"
fiscal_year = "uk"
source = "hmrc"

[[fact]]
id = "japan-china.trade-2024"
kind = "money"
unit = "USD"
counts = "trade"
context = ["trade"]
places = ["japan", "china"]
value = 300_000_000_000
rounding = 10_000_000_000
as_of = "2024"
source = "hmrc"
"""


@pytest.fixture(scope="module")
def periods(tmp_path_factory):
    folder = tmp_path_factory.mktemp("claims")
    (folder / "facts.toml").write_text(PERIODS, encoding="utf-8")
    return load_reference(folder, cache=False)


def test_verify_fiscal_year_fact_holds_for_its_april_to_march(periods):
    fact = periods.facts["uk.tax-receipts-2024-25"]
    assert [d.isoformat() for d in fact.period] == ["2024-04-01", "2025-03-31"]
    report = check_text("UK tax receipts were £990bn in 2024-25, the Treasury said.", published="2025-05-01",
                        reference=periods)
    [claim] = [c for c in report.claims if c.text == "£990bn"]
    assert claim.verdict == "contradicted" and claim.reference.id == "uk.tax-receipts-2024-25"


def test_verify_a_figure_between_places_needs_both_places(periods):
    both = check_text("Trade between Japan and China reached $300bn in 2024.", published="2025-02-01",
                      reference=periods)
    [claim] = [c for c in both.claims if c.text == "$300bn"]
    assert claim.verdict == "supported" and claim.reference.id == "japan-china.trade-2024"
    one = check_text("Japan's trade reached $500bn in 2024.", published="2025-02-01", reference=periods)
    [claim] = [c for c in one.claims if c.text == "$500bn"]
    assert claim.verdict == "unverified"


@pytest.mark.parametrize("line, message", [
    ('as_of = "2015-2006"', "a span of years runs forward"),
    ('places = ["japan"]', "needs two or more"),
    ('places = ["japan", "chinaa"]', "did you mean 'china'"),
    ('fiscal_year = "uk"\nas_of = "2024-26"', "no month 26"),
    ('as_of = 2021', "expected a period in quotes"),
    ('value_end = "100"', "expected a number, got '100'"),
])
def test_reference_new_keys_report_mistakes_with_file_and_line(tmp_path, line, message):
    from factcheck.errors import ReferenceSetError as SetError

    text = PERIODS.replace('as_of = "2024"\nsource = "hmrc"', f'{line}\nsource = "hmrc"')
    if line.startswith("places"):
        text = text.replace('places = ["japan", "china"]\n', "")
    (tmp_path / "facts.toml").write_text(text, encoding="utf-8")
    with pytest.raises(SetError) as caught:
        load_reference(tmp_path, cache=False)
    assert message in str(caught.value) and "facts.toml:" in str(caught.value)


SERIES = PERIODS + """
[[fact]]
id = "uk.jobless-rate-monthly"
kind = "percent"
unit = "percent"
counts = "unemployment rate"
context = ["unemployment", "jobless"]
place = "united-kingdom"
rounding = 0.1
series = [{as_of = "2026-01", value = 5.1}, {as_of = "2026-02", value = 5.4}, {as_of = "2026-03", value = 5.2}]
source = "hmrc"
"""


def test_verify_a_series_checks_each_month_against_its_own_value(tmp_path):
    (tmp_path / "facts.toml").write_text(SERIES, encoding="utf-8")
    reference = load_reference(tmp_path, cache=False)

    def rate(text, figure):
        report = check_text(text, published="2026-04-15", reference=reference)
        [claim] = [c for c in report.claims if c.text == figure]
        return claim

    assert rate("The UK unemployment rate was 5.4% in February 2026.", "5.4%").verdict == "supported"
    wrong = rate("The UK unemployment rate was 5.9% in March 2026.", "5.9%")
    assert wrong.verdict == "contradicted" and wrong.reference.as_of == "2026-03"
    latest = rate("The UK unemployment rate is 5.2%.", "5.2%")
    assert latest.verdict == "supported" and latest.reference.as_of == "2026-03"
