import datetime as dt

import pytest

from factcheck.dating import resolve
from factcheck.extract.dates import find_dates

PUBLISHED = dt.date(2026, 1, 22)  # a Thursday


def read(text, published=PUBLISHED):
    return [(e.text, resolve(e, published).value, resolve(e, published).granularity)
            for e in find_dates(text)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The move began on Wednesday, with 150 moved.", ("Wednesday", "2026-01-21", "day")),
        ("It launched a mission on Jan. 21 to move them.", ("Jan. 21", "2026-01-21", "day")),
        ("Figures from January 2026 show it.", ("January 2026", "2026-01", "month")),
        ("Last year alone, 300 were held.", ("Last year", "2025", "year")),
        ("It was defeated in 2017.", ("2017", "2017", "year")),
        ("Spending in 2012-13 rose.", ("2012-13", "2012-13", "fiscal_year")),
        ("They met on 21 January 2026 in Baghdad.", ("21 January 2026", "2026-01-21", "day")),
        ("Officials confirmed this week that it began.", ("this week", "2026-W04", "week")),
        ("The camp opened two years ago.", ("two years ago", "2024", "year")),
        ("Sales grew in Q3 2025.", ("Q3 2025", "2025-Q3", "quarter")),
        ("Rents doubled in the 1990s.", ("the 1990s", "1990s", "decade")),
        ("He was arrested yesterday.", ("yesterday", "2026-01-21", "day")),
        ("It happened in early March 2025.", ("early March 2025", "2025-03", "month")),
        ("Punk peaked in the '70s.", ("the '70s", "1970s", "decade")),
        ("Rents fell in the nineties.", ("the nineties", "1990s", "decade")),
    ],
)
def test_dates_find_and_resolve(sentence, expected):
    assert read(sentence) == [expected]


def test_dates_weekday_with_its_date_is_one_claim():
    found = find_dates("The vote on Tuesday, March 10, 2026 was close.")
    assert [e.text for e in found] == ["Tuesday, March 10, 2026"]
    assert resolve(found[0], PUBLISHED).weekday == "tuesday"


def test_dates_relative_stay_unresolved_without_publication_date():
    value = resolve(find_dates("It rose last year.")[0], None)
    assert value.value is None and value.granularity == "year" and not value.resolved


def test_dates_two_years_joined_by_a_hyphen_are_two_dates():
    assert [e.text for e in find_dates("Between 2019-2021 it grew.")] == ["2019", "2021"]


def test_dates_may_as_a_verb_is_not_a_month():
    assert find_dates("Ministers May decide later. Theresa May spoke.") == []


def test_dates_counts_are_not_years():
    assert find_dates("More than 2000 people and 1,999 others.") == []


def test_dates_a_range_shares_the_year_written_at_its_end():
    assert read("The exhibition ran Nov 18-Dec 19, 2015.") == [
        ("Nov 18", "2015-11-18", "day"), ("Dec 19, 2015", "2015-12-19", "day")]


def test_dating_period_bounds_read_an_interval():
    import datetime as dt

    from factcheck.dating import period_bounds

    assert period_bounds("2005-01/2007-06") == (dt.date(2005, 1, 1), dt.date(2007, 6, 30))
    assert period_bounds("2008/2001") is None  # an interval that ends before it starts


def test_dating_a_date_counted_from_an_event_of_the_story_is_a_date_left_unresolved():
    """ "Two days later", "the previous year", "earlier in the week" are dated from what the story
    tells, not from publication: dates, never counts or spans of time, and unresolved with that reason."""
    from factcheck import check_text

    report = check_text("Two days later, 40 more people fell ill. Earlier in the year the previous year's "
                        "total of 300 was passed.", published="2026-03-01")
    dates = [(c.text, c.granularity, c.value) for c in report.claims if c.kind == "date"]
    assert dates == [("Two days later", "day", None), ("Earlier in the year", "year", None),
                     ("the previous year", "year", None)]
    assert not [c for c in report.claims if c.kind == "quantity"]
    assert {c.reason for c in report.claims if c.kind == "date"} == {
        "dated from an event the story tells of, not from publication"}
