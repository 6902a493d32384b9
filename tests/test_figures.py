"""Reading figures from real sentences (no model needed: `find_figures` is pure)."""

import pytest

from factcheck.extract.figures import find_figures
from factcheck.extract.masks import find_masks


def read(text):
    masks = find_masks(text, names=True)
    return [(f.text, f.kind, f.value, f.qualifier, f.unit) for f in find_figures(text, masks)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The move began with around 150 detainees transferred first.",
         ("around 150", "count", 150, "approx", None)),
        ("It could eventually involve up to 7,000 prisoners.",
         ("up to 7,000", "count", 7000, "up_to", None)),
        ("They are held across more than a dozen facilities in Syria.",
         ("more than a dozen", "count", 12, "more_than", None)),
        ("Nearly 3,000 are Iraqis.", ("Nearly 3,000", "count", 3000, "nearly", None)),
        ("US forces detained over 300 IS operatives.", ("over 300", "count", 300, "more_than", None)),
        ("Thousands of women remain at the camp.", ("Thousands", "count", 2000, "at_least", None)),
        ("Tens of thousands fled.", ("Tens of thousands", "count", 20000, "at_least", None)),
        ("The plan would cost £3.2m a year.", ("£3.2m", "money", 3_200_000, "exact", "GBP")),
        ("The group raised $1.5bn last year.", ("$1.5bn", "money", 1_500_000_000, "exact", "USD")),
        ("Brussels pledged €20 million.", ("€20 million", "money", 20_000_000, "exact", "EUR")),
        ("It put in 20 million euros.", ("20 million euros", "money", 20_000_000, "exact", "EUR")),
        ("Shares closed at 354p.", ("354p", "money", 3.54, "exact", "GBP")),
        ("Turnout was 64.2% overall.", ("64.2%", "percent", 64.2, "exact", "percent")),
        ("Support rose 10 per cent.", ("10 per cent", "percent", 10, "exact", "percent")),
        ("Labour gained 3 percentage points.",
         ("3 percentage points", "percent", 3, "exact", "percentage points")),
        ("Some 816 000 residents voted.", ("Some 816 000", "count", 816000, "approx", None)),
        ("Twenty-one men were charged.", ("Twenty-one", "count", 21, "exact", None)),
        ("Half a million people marched.", ("Half a million", "count", 500000, "exact", None)),
        ("The course is 42.2km long.", ("42.2km", "quantity", 42.2, "exact", "km")),
        ("A 45-year-old man was arrested.", ("45-year-old", "quantity", 45, "exact", "years")),
        ("Temperatures fell to minus 6C overnight.", ("minus 6C", "quantity", -6, "exact", "°C")),
        ("At least 40 people died.", ("At least 40", "count", 40, "at_least", None)),
        ("It has 100 or more beds.", ("100 or more", "count", 100, "at_least", None)),
        ("Fewer than 30 seats remain.", ("Fewer than 30", "count", 30, "less_than", None)),
        # from the peer benchmark (bench/PEERS.md): forms news copy uses that we misread
        ("Some five and a half million people voted.",
         ("Some five and a half million", "count", 5_500_000, "approx", None)),
        ("The start-up raised $10M.", ("$10M", "money", 10_000_000, "exact", "USD")),
        ("It signed a 10 bln euro deal.", ("10 bln euro", "money", 10_000_000_000, "exact", "EUR")),
        ("Growth was minus five percent.", ("minus five percent", "percent", -5, "exact", "percent")),
        ("They bought three dozens eggs.", ("three dozens", "count", 36, "exact", None)),
        ("Greater than 300 people applied.", ("Greater than 300", "count", 300, "more_than", None)),
        ("Claims exceeding 40 homes were rejected.", ("exceeding 40", "count", 40, "more_than", None)),
        ("Men over thirty years old were asked.",
         ("over thirty years old", "quantity", 30, "more_than", "years")),
    ],
)
def test_figures_read_one_figure(sentence, expected):
    assert read(sentence) == [expected]


def test_figures_range_between_and():
    [(text, kind, value, qualifier, _)] = read("Between 20 and 30 trucks crossed.")
    assert (text, value, qualifier) == ("Between 20 and 30", 20, "range")


def test_figures_range_shares_its_scale_and_currency():
    [figure] = find_figures("A deal worth £20-30m was agreed.")
    assert (figure.value, figure.value_end, figure.unit) == (20_000_000, 30_000_000, "GBP")


def test_figures_two_full_figures_joined_by_to_are_two_claims():
    texts = [f[0] for f in read("Fines ranged from $1.2 million to $23.5 million.")]
    assert texts == ["$1.2 million", "$23.5 million"]


def test_figures_change_from_to_is_two_claims():
    assert [f[0] for f in read("Arrivals rose from 20 to 30 a day.")] == ["20", "30"]


def test_figures_a_tally_of_percentages_has_no_minus_sign():
    assert [f[2] for f in read("Voters backed it, 71%-24%.")] == [71, 24]


def test_figures_vote_tally_is_two_counts():
    assert [f[0] for f in read("MPs approved it by 312 votes to 298.")] == ["312", "298"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Call the press office on 01632 960 418 or +44 20 7946 0958.",
        "See https://example.com/report-2026/page3 or email press2@council.gov.uk.",
        "— Open Source Intel (@Osint613) pic.twitter.com/cu4c9DGznI",
        "The meeting starts at 7pm, doors open at 18:30.",
        "He served in World War II and fought Covid-19 in Section 106 housing.",
        "They won 3-1 in the 89th minute.",
        "At a quarter past six the second half began.",
        "A two-thirds majority is needed.",
        "He takes the pill twice a day.",
        "Polls close at 9:00 pm (1200 GMT) on Sunday.",
        "The planet K2-18b was seen by an A350 crew; H5N1 and Covid-19 spread.",
        "1. Apply online",
        "Page 2 of 5",
        "Shares in the FTSE 250 group rose.",
        "He has twenty twenty vision.",
        # a date in figures and an address by its block
        "The draw (4/12/19) was held at a petrol station.",
        "Officers were called to the 700 block of Elm Street.",
        # a rank, not a count
        "Number two, the plan is too costly.",
        # a campaign named with its number
        "He spoke to the Push for 20 marchers outside the hotel.",
        # heights in feet and inches, one pair to another: no range of counts
        "Both suspects were about 5-8 to 5-11 with slim builds.",
    ],
)
def test_figures_not_claims(sentence):
    assert read(sentence) == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Fewer than six in ten voters agreed.",
         ("Fewer than six in ten", "percent", 60, "less_than", "percent")),
        ("One in five adults smokes.", ("One in five", "percent", 20, "exact", "percent")),
        ("Traders see a one-in-four chance of a cut.", ("one-in-four", "percent", 25, "exact", "percent")),
        ("Nearly a third of children are obese.", ("Nearly a third", "percent", 33.33, "nearly", "percent")),
        ("Two-thirds of members backed it.", ("Two-thirds", "percent", 66.67, "exact", "percent")),
        ("Half of the staff were sent home.", ("Half", "percent", 50, "exact", "percent")),
        ("Only one-tenth of the grant was spent.", ("one-tenth", "percent", 10, "exact", "percent")),
        ("Just 13 out of 100 applicants were accepted.", ("13 out of 100", "percent", 13, "exact", "percent")),
        ("Profits doubled.", ("doubled", "multiplier", 2, "exact", None)),
        ("Waiting lists have halved.", ("halved", "multiplier", 0.5, "exact", None)),
        ("There were three times as many cases.", ("three times", "multiplier", 3, "exact", None)),
        ("Readings were more than twice the limit.", ("more than twice", "multiplier", 2, "more_than", None)),
    ],
)
def test_figures_proportions_and_multipliers(sentence, expected):
    assert read(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    ["They met for half an hour.", "He trains three times a week.", "It rang at one in the morning.",
     "Rovers scored twice as Kingsway tired.", "He doubled down on the claim."],
)
def test_figures_no_ratio_without_a_proportion_or_factor(sentence):
    assert [f for f in read(sentence) if f[1] in ("percent", "multiplier")] == []


def test_figures_offsets_point_into_the_text():
    text = "Around 9,000 IS detainees remain; up to 7,000 could move."
    for figure in find_figures(text):
        assert text[figure.start : figure.end] == figure.text


def test_figures_a_negated_comparative_is_a_ceiling_or_a_floor():
    from factcheck import check_text

    claims = {c.text: c for c in check_text(
        "With neither candidate winning more than 50 percent, a runoff follows. The firm did not hire "
        "more than 30 staff. Not less than 12 people died. More than 40 people were hurt.").claims}
    assert claims["more than 50 percent"].qualifier == "at_most" and claims["more than 50 percent"].high == 50
    assert claims["more than 30"].qualifier == "at_most"
    assert claims["Not less than 12"].qualifier == "at_least"
    assert claims["More than 40"].qualifier == "more_than"
