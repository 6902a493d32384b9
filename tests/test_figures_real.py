"""Reading figures the way real wire copy writes them (issue 11, "Misreadings to fix on the way").
The sentences are written for these tests in the style of the Wikinews copy in corpora/real/."""

import pytest

from factcheck import check_text
from factcheck.extract.figures import find_figures
from factcheck.extract.masks import find_masks


def read(text):
    masks = find_masks(text, names=True)
    return [(f.text, f.kind, f.value, f.qualifier, f.unit) for f in find_figures(text, masks)]


def values(text):
    return [(f.text, f.kind, f.value, f.value_end) for f in find_figures(text, find_masks(text, names=True))]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Health officials say one in four children in the district is underweight.",
         ("one in four", "percent", 25, "exact", "percent")),
        ("An estimated 2.1 million people, one in every 400, carry the parasite.",
         ("one in every 400", "percent", 0.25, "exact", "percent")),
        ("Nearly half of the reported infections were in the two border provinces.",
         ("Nearly half", "percent", 50, "nearly", "percent")),
        ("Roughly a quarter of the herd had to be culled.",
         ("Roughly a quarter", "percent", 25, "approx", "percent")),
        ("The region accounts for nearly three-quarters of malaria deaths.",
         ("nearly three-quarters", "percent", 75, "nearly", "percent")),
        ("Bees pollinate approximately one third of the crops grown in the state.",
         ("approximately one third", "percent", 33.33, "approx", "percent")),
        ("The ministry said it would donate up to one tenth of its vaccine stock.",
         ("up to one tenth", "percent", 10, "up_to", "percent")),
        ("He will not be eligible for release until he has served at least half his sentence.",
         ("at least half", "percent", 50, "at_least", "percent")),
        ("The carrier cut the number of flights to the capital by half.",
         ("half", "percent", 50, "exact", "percent")),
        ("Ten people were admitted on Monday, less than a fourth of the number a week before.",
         ("less than a fourth", "percent", 25, "less_than", "percent")),
        ("About half those displaced have found shelter with relatives.",
         ("About half", "percent", 50, "approx", "percent")),
    ],
)
def test_figures_real_proportions_are_percentages(sentence, expected):
    assert expected in read(sentence)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The number of confirmed cases has doubled since March.", ("doubled", "multiplier", 2)),
        ("The budget for the programme was halved last year.", ("halved", "multiplier", 0.5)),
        ("Exports of the drug trebled in two years.", ("trebled", "multiplier", 3)),
        ("The agency urged lawmakers to double the emergency fund.", ("double", "multiplier", 2)),
        ("Children in the camp were three times as likely to fall ill.", ("three times", "multiplier", 3)),
        ("The driver was found to be more than twice the legal alcohol limit.",
         ("more than twice", "multiplier", 2)),
        ("Smokers were found to be 2.5 times more likely to develop the disease.",
         ("2.5 times", "multiplier", 2.5)),
    ],
)
def test_figures_real_multipliers_carry_their_factor(sentence, expected):
    assert expected in [(t, k, v) for t, k, v, _, _ in read(sentence)]


def test_figures_real_a_change_and_a_level_are_two_claims():
    assert values("Ticket sales are forecast to grow 12% to 480,000 this season.") == [
        ("12%", "percent", 12, None), ("480,000", "count", 480000, None)]
    assert values("The claimant count rose by 9,000 to 712,400 in the quarter.") == [
        ("9,000", "count", 9000, None), ("712,400", "count", 712400, None)]
    assert values("The jobless total fell 14,000 to 1.41 million.") == [
        ("14,000", "count", 14000, None), ("1.41 million", "count", 1410000, None)]


def test_figures_real_a_range_after_a_change_verb_stays_a_range():
    assert values("Prices rose 5 to 10 percent.") == [("5 to 10 percent", "percent", 5, 10)]


def test_figures_real_out_of_a_named_total_is_two_counts():
    assert [t for t, *_ in read("The incumbent won 412 out of 700 votes cast.")] == ["412", "700"]
    assert [t for t, *_ in read("Tests showed 7 out of 19 wild ducks carried the virus.")] == ["7", "19"]


def test_figures_real_a_vote_tally_is_two_counts_but_a_score_is_none():
    assert [t for t, *_ in read("The assembly passed the measure 64–21.")] == ["64", "21"]
    assert read("United won 3-1 on Saturday.") == []


def test_figures_real_securing_seats_is_a_count():
    assert read("The two blocs finished level, each securing 61 seats.")[-1] == (
        "61", "count", 61, "exact", None)


@pytest.mark.parametrize(
    "sentence",
    [
        "Voting ends at 8:00 pm (1100 GMT) on Friday.",
        "The rocket lifted off at 0430 GMT.",
        "Astronomers studied the exoplanet TOI-270d and the comet C2-14x.",
        "The airline grounded its A380 fleet over H7N9 and Covid-19 fears.",
        "Viewers called 911 after seeing smoke at 212 Harbour Street.",
        "The outbreak reached Region 6 and Magnet School 41, according to WXYZ-TV 7.",
        "The agency raised the alert from phase 3 to phase 4, on a scale of one to six.",
        "Pupils in Forms One and Two were sent home.",
        "It will take a month or two before the results are known.",
    ],
)
def test_figures_real_not_claims(sentence):
    assert read(sentence) == []


def test_figures_real_day_after_a_date_belongs_to_the_date():
    report = check_text("The second round of the campaign runs on June 11-13 in the north.",
                        published="2009-06-01")
    assert [c.text for c in report.claims if c.kind != "date"] == []


def test_figures_real_weights_in_pounds():
    assert read("The rescued dog weighed 70 pounds (32kg).") == [
        ("70 pounds", "quantity", 70, "exact", "lb"), ("32kg", "quantity", 32, "exact", "kg")]
    assert read("Children with the gene weighed on average 20 pounds more.")[0][-1] == "lb"
    assert read("The recall covers 5 pound bags and 12 and 24 ounce tins.") == [
        ("5 pound", "quantity", 5, "exact", "lb"), ("12", "quantity", 12, "exact", "oz"),
        ("24 ounce", "quantity", 24, "exact", "oz")]
    assert read("He was fined 200 pounds.") == [("200 pounds", "money", 200, "exact", "GBP")]


def test_figures_real_money_in_words_and_codes():
    assert read("The storm caused tens of millions of dollars in damage.") == [
        ("tens of millions of dollars", "money", 20_000_000, "at_least", "USD")]
    assert read("Beijing set aside CNY500 million for the clinics.") == [
        ("CNY500 million", "money", 500_000_000, "exact", "CNY")]
    assert read("The harvest is worth $US 2.3 billion a year.") == [
        ("$US 2.3 billion", "money", 2_300_000_000, "exact", "USD")]


def test_figures_real_bare_dollars_take_the_story_currency():
    figures = read("The AUD$2 million cup was cancelled. Bookmakers lost $40 million.")
    assert [(t, u) for t, _, _, _, u in figures] == [("AUD$2 million", "AUD"), ("$40 million", "AUD")]


def test_figures_real_more_than_a_percentage():
    # the negation makes it a ceiling: each candidate won at most 50 percent (issue 11)
    assert read("With neither candidate winning more than 50 percent, a run-off follows.") == [
        ("more than 50 percent", "percent", 50, "at_most", "percent")]
    assert read("Turnout was more than 50 percent.") == [("more than 50 percent", "percent", 50, "more_than", "percent")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The singer died at the age of 81.", ("age of 81", "quantity", 81, "exact", "years")),
        ("His death at age 64 was confirmed.", ("age 64", "quantity", 64, "exact", "years")),
        ("Toddlers under age five are most at risk.", ("under age five", "quantity", 5, "less_than", "years")),
        ("Adults over the age of 70 will be offered the jab.",
         ("over the age of 70", "quantity", 70, "more_than", "years")),
        ("A fruit vendor, 31, remains in hospital.", ("31", "quantity", 31, "exact", "years")),
        ("Most victims were thirty years old or younger.",
         ("thirty years old or younger", "quantity", 30, "at_most", "years")),
        ("Police are questioning a man in his 50s.", ("50s", "quantity", 50, "range", "years")),
        ("The dead, aged 55 to 80 years old, were farmers.",
         ("55 to 80 years old", "quantity", 55, "range", "years")),
        ("A magnitude-6.8 quake struck at dawn.", ("magnitude-6.8", "quantity", 6.8, "exact", "magnitude")),
    ],
)
def test_figures_real_ages_and_magnitudes(sentence, expected):
    assert expected in read(sentence)


def test_figures_real_two_measures_between_are_not_a_range():
    assert values("Vaccines are offered to children between six months and 5 years old.")[:2] == [
        ("six months", "quantity", 6, None), ("5 years old", "quantity", 5, None)]


def test_figures_real_a_percentage_range_without_from():
    assert values("Imports make up around 60 percent to 70 percent of the market.") == [
        ("around 60 percent to 70 percent", "percent", 60, 70)]
    assert [t for t, *_ in values("The rate rose from 9% to 14%.")] == ["9%", "14%"]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The ministry found at least an additional 21 cases.",
         ("at least an additional 21", "count", 21, "at_least", None)),
        ("The tally of infections climbed past 300 on Friday.", ("past 300", "count", 300, "more_than", None)),
        ("The number of infected people is estimated at 4,200.", ("4,200", "count", 4200, "approx", None)),
        ("The floods raised the death toll up to 96 people.", ("96", "count", 96, "exact", None)),
        ("The search took over four hours.", ("over four hours", "quantity", 4, "more_than", "hours")),
        ("Survivors waited two and a half hours for help.",
         ("two and a half hours", "quantity", 2.5, "exact", "hours")),
        ("It is thought several thousand people fled.", ("several thousand", "count", 2000, "at_least", None)),
        ("Cholera kills scores in the capital.", ("scores", "count", 40, "at_least", None)),
        ("A vaccine will not be ready for half a year.", ("half a year", "quantity", 0.5, "exact", "years")),
        ("Bananas fell to a quarter of a million tonnes.",
         ("a quarter of a million", "count", 250000, "exact", None)),
    ],
)
def test_figures_real_qualifiers_and_word_numbers(sentence, expected):
    assert expected in read(sentence)


def test_figures_real_a_year_is_not_a_count():
    assert [f for f in read("The virus may have reached people around 1920 in central Africa.")
            if f[1] == "count"] == []


def test_figures_real_one_in_a_list_of_counts_and_one_confirmed_death():
    report = check_text(
        "Cases were reported in five provinces: nine in Ontario, three in Manitoba, and one in Quebec. "
        "The toll stands at 120, with one confirmed death in a young girl. "
        "One particular problem is the cold. I can tell you one thing.",
        published="2009-05-01",
    )
    assert [c.text for c in report.claims if c.kind == "count"] == [
        "five", "nine", "three", "one", "120", "one"]


def test_figures_real_one_qualifier_before_two_joined_figures_qualifies_both():
    assert [(t, q) for t, _, _, q, _ in read("Offenders face fines of up to $11,000 and 6 months in jail.")] == [
        ("up to $11,000", "up_to"), ("6 months", "up_to")]
    assert [(t, q) for t, _, _, q, _ in read("More than 300 people and 20 vehicles were stranded.")] == [
        ("More than 300", "more_than"), ("20", "exact")]


def test_figures_real_one_of_two_groups_is_not_a_count():
    report = check_text("In each clinic one group received the new drug and the other a placebo.",
                        published="2009-05-01")
    assert [c.text for c in report.claims if c.kind == "count"] == []


def test_figures_real_doses_by_body_weight():
    assert [(t, u) for t, _, _, _, u in read(
        "Patients got 3 mg per kilogram of body weight, or 5mg/kg in the second arm, and 40 milligrams later.")] == [
        ("3 mg", "mg/kg"), ("5mg/kg", "mg/kg"), ("40 milligrams", "mg")]
