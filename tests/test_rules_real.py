"""The consistency rules on sentences written the way wire and Wikinews copy is (invented here):
each relation caught when one figure is wrong, silent on the consistent version, and silent where
the frames or the wording do not make one figure of two."""

import pytest

from factcheck import check_text
from factcheck.extract import FAST_MODEL


def findings(text, model=None):
    kwargs = {"model": model} if model else {}
    return check_text(text, published="2009-05-01", **kwargs).findings


def rules(text, model=None):
    return [f.rule for f in findings(text, model)]


MODELS = [None, FAST_MODEL]

RESTATED = [
    # headline against the lede's first sentence
    ("Storm kills seven in coastal Bangladesh\n\nNine people were killed when a cyclone struck the coast "
     "of Bangladesh on Sunday, officials said. Hundreds of homes were destroyed.",
     "Storm kills seven in coastal Bangladesh\n\nSeven people were killed when a cyclone struck the coast "
     "of Bangladesh on Sunday, officials said. Hundreds of homes were destroyed."),
    ("Measles cases in Samoa reach 412\n\nThe number of confirmed measles cases in Samoa rose to 421 on "
     "Tuesday, the health ministry said.",
     "Measles cases in Samoa reach 412\n\nThe number of confirmed measles cases in Samoa rose to 412 on "
     "Tuesday, the health ministry said."),
    ("UN appeals for US$35 million for flood victims\n\nThe United Nations has launched an appeal for "
     "US$53 million to help victims of the floods in Mozambique.",
     "UN appeals for US$35 million for flood victims\n\nThe United Nations has launched an appeal for "
     "US$35 million to help victims of the floods in Mozambique."),
    # a definite figure pointing back
    ("Police arrested 14 protesters outside the ministry on Friday. Officers said the crowd had grown "
     "quickly.\n\nThe 12 protesters were later released without charge.",
     "Police arrested 14 protesters outside the ministry on Friday. Officers said the crowd had grown "
     "quickly.\n\nThe 14 protesters were later released without charge."),
    # a definite figure whose first statement's frame read another measure
    ("An extensive vaccination campaign across 24 West and Central African countries has begun. "
     "Officials said the campaign would be repeated for all 19 countries involved.",
     "An extensive vaccination campaign across 19 West and Central African countries has begun. "
     "Officials said the campaign would be repeated for all 19 countries involved."),
    # the same people doing the same thing
    ("Over 40 children have died in an outbreak of the disease. Health authorities say 24,934 children "
     "are infected, and 31 children have died from it.",
     "Over 40 children have died in an outbreak of the disease. Health authorities say 24,934 children "
     "are infected, and 42 children have died from it."),
    # one total given twice
    ("There have been a total of six deaths linked to the outbreak. Health officials urged calm.\n\n"
     "The ministry said a total of eight deaths had now been recorded.",
     "There have been a total of six deaths linked to the outbreak. Health officials urged calm.\n\n"
     "The ministry said a total of six deaths had now been recorded."),
]


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("wrong, right", RESTATED)
def test_rules_restated_caught_in_real_copy(wrong, right, model):
    assert "restated-differently" in rules(wrong, model)
    assert rules(right, model) == []


def test_rules_restated_names_both_figures_and_their_intervals():
    [finding] = findings(RESTATED[0][0])
    assert finding.severity == "warning"  # the relation is inferred from the story's structure
    assert "'seven' (7)" in finding.message and "'Nine' (9)" in finding.message
    assert len(finding.claims) == 2


CLEAN = [
    # two facts that share every frame field are not one figure stated twice
    "Milk scare spreads in Gansu\n\nAt least 35 people fell ill after drinking the milk. Three people died "
    "in hospital.\n\nThe 35 people who fell ill are being treated in two hospitals.",
    # a headline figure restated further down, with other figures of its kind in the lede
    "Flu kills six in Japan\n\nSix people have died after becoming infected with the virus in Akita. "
    "Among the dead were four men and two women.",
    # a definite figure that gathers the ones before it
    "The recall covered a counterfeit tonic and three herbal remedies. All four products contained the drug.",
    # a definite figure given for comparison
    "The ministry reported 136 suspected cases on Friday. The number is a sharp increase over the 25 "
    "suspected cases on Thursday.",
    # a definite figure whose first statement had no counted noun
    "The department saw 2,310 patients in January. Of these, 1,640 were seen within four hours.\n\n"
    "The 1,640 patients seen within four hours make up 71% of the total.",
    # the same verb for other people elsewhere
    "Five people died in the flooding in Leeds on Monday.\n\nIn York, seven people died when a bridge "
    "collapsed.",
    # the same verb, figures of different sizes: two events
    "Twelve people were injured in the first blast. Later, three people were injured in a second explosion.",
    # a headline that names the country, a lede that names the town
    "Philippines culls 6,500 hogs\n\nOfficials began culling roughly 6,500 hogs at a farm in Pandi on Sunday.",
    # round figures of one significant digit differ in that digit without any slip of the keys
    '"I have won 7 million votes in this race. I have 1 million more votes than my rival," the senator said.',
    # a headline's "last six games" says how far back it looks; the lede may look back another span
    "United have lost just twice in their last eight league games\n\nThe manager believes his side have found "
    "form, with four wins over the last six games, a run they hope to extend on Saturday.",
]


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("text", CLEAN)
def test_rules_restated_silent_on_clean_real_copy(text, model):
    assert rules(text, model) == []


BREAKDOWNS = [
    # a part out of its whole, in one sentence
    ("part-exceeds-total",
     "The agency said 14 out of 11 wild ducks sampled at the lake had tested positive for the virus.",
     "The agency said 5 out of 11 wild ducks sampled at the lake had tested positive for the virus."),
    ("part-exceeds-total",
     "Because of the high mercury levels, 56 of the 50 states have issued advisories for pregnant women.",
     "Because of the high mercury levels, 46 of the 50 states have issued advisories for pregnant women."),
    ("part-exceeds-total",
     "In Harare, 9,208 people died out of 8,454 suspected cases.",
     "In Harare, 208 people died out of 8,454 suspected cases."),
    ("part-exceeds-total",
     "MSF has seen 25 patients admitted with suspected Ebola, of which 28 have died.",
     "MSF has seen 25 patients admitted with suspected Ebola, of which eight have died."),
    # parts that together pass their whole
    ("sum-mismatch",
     "About 400 schools have been shut across the country, 380 of them in Texas and a further 90 in Alabama.",
     "About 400 schools have been shut across the country, 300 of them in Texas and a further 62 in Alabama."),
    ("sum-mismatch",
     "The attack left a total of 243 victims, including 151 men and 101 women.",
     "The attack left a total of 243 victims, including 121 men and 81 women."),
    ("part-exceeds-total",
     "The 8 cases confirmed on Wednesday were all men, 9 from Suva and 1 from Nadi.",
     "The 8 cases confirmed on Wednesday were all men, 7 from Suva and 1 from Nadi."),
    # "made up of": the parts are the whole, a shortfall is wrong
    ("sum-mismatch",
     "The deal, totalling $504m, is made up of $250m in cash and $125m in shares.",
     "The deal, totalling $375m, is made up of $250m in cash and $125m in shares."),
    # parts listed after "of them", across the sentence
    ("sum-mismatch",
     "The virus has spread to 22 countries. In 13 of them cases are rising, in nine they are stable and "
     "in three they are falling.",
     "The virus has spread to 25 countries. In 13 of them cases are rising, in nine they are stable and "
     "in three they are falling."),
    # a breakdown by place after a colon, its last part missed by the extraction
    ("sum-mismatch",
     "Canada has 41 cases: fifteen in British Columbia, fourteen in Nova Scotia, twelve in Ontario, eight "
     "in Alberta, one in New Brunswick and one in Quebec.",
     "Canada has 51 cases: fifteen in British Columbia, fourteen in Nova Scotia, twelve in Ontario, eight "
     "in Alberta, one in New Brunswick and one in Quebec."),
    # the sentence before holds the total
    ("sum-mismatch",
     "Six people have died after eating the fish in Kitaakita. Among the dead were five men and two women.",
     "Six people have died after eating the fish in Kitaakita. Among the dead were four men and two women."),
    # deaths among cases
    ("part-exceeds-total",
     "The WHO has confirmed a total of 81 H5N1 cases including 93 deaths in Indonesia since 2005.",
     "The WHO has confirmed a total of 81 H5N1 cases including 63 deaths in Indonesia since 2005."),
    ("part-exceeds-total",
     "As of July 21, 109 cases of human infection have been confirmed resulting in 155 deaths.",
     "As of July 21, 109 cases of human infection have been confirmed resulting in 55 deaths."),
    ("part-exceeds-total",
     "The 125 deaths resulted from 117 cases reported in three provinces since last month.",
     "The five deaths resulted from 117 cases reported in three provinces since last month."),
    # men and women are the whole: a shortfall is wrong too
    ("sum-mismatch",
     "Six people have died after eating the fish in Kitaakita. Among the dead were three men and two women.",
     "Six people have died after eating the fish in Kitaakita. Among the dead were four men and two women."),
]


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("rule, wrong, right", BREAKDOWNS)
def test_rules_breakdown_caught_in_real_copy(rule, wrong, right, model):
    assert rule in rules(wrong, model)
    assert rules(right, model) == []


def test_rules_breakdown_of_these_reads_the_figure_the_sentence_is_about():
    text = "The school has 900 pupils in 30 classes. Of these, 920 receive free meals."
    [finding] = findings(text)
    assert finding.rule == "part-exceeds-total" and "'900'" in finding.message
    assert finding.severity == "warning"  # two figures before: the whole is inferred


def test_rules_breakdown_a_shortfall_after_a_colon_is_a_warning():
    [finding] = findings("Canada has 61 cases: 15 in British Columbia, 14 in Nova Scotia and 12 in Ontario.")
    assert finding.rule == "sum-mismatch" and finding.severity == "warning" and "less than" in finding.message


def test_rules_breakdown_first_figure_with_its_own_owner_is_not_the_total():
    # the parse gives each scorer as the subject of their figure (the fast mode has no parse)
    assert rules("Jack Dunn had 19 points, Sam ward scored 14 and Leo Price added 9 points for the Hawks.") == []


def test_rules_breakdown_in_brackets_after_its_total_is_still_checked():
    assert rules("The hospital's 300 staff (120 nurses, 100 doctors and 180 porters) will strike on Monday.") \
        == ["sum-mismatch"]
    assert rules("The hospital's 300 staff (120 nurses, 100 doctors and 80 porters) will strike on Monday.") == []


def test_rules_breakdown_of_them_in_the_next_sentence_is_only_a_warning():
    [finding] = findings("Officials met 15 farmers on Monday. Dozens of them later protested outside the ministry.")
    assert (finding.rule, finding.severity) == ("part-exceeds-total", "warning")


def test_rules_breakdown_shows_the_sum_and_every_figure():
    [finding] = findings(BREAKDOWNS[4][1])
    assert finding.rule == "sum-mismatch" and finding.severity == "error"
    assert "380 + 90" in finding.message and "470" in finding.message and "'About 400'" in finding.message
    assert len(finding.claims) == 3


CLEAN_BREAKDOWNS = [
    # figures worded alike are siblings, not a total and its parts
    "The breakdown of cases by province is as follows: fifteen in British Columbia, fourteen in Nova "
    "Scotia, twelve in Ontario, eight in Alberta and one in Quebec.",
    # figures worded alike are siblings, whatever the sentence opens with
    "The storm destroyed 1,200 homes in Dhaka, 800 in Chittagong and 300 in Sylhet.",
    # "with" adds a figure as often as it breaks one down
    "Officials raised the death toll from the virus to 152, with at least 1,614 suspected cases under observation.",
    # "including" parts may fall short of the whole
    "The attack left a total of 243 victims, including 121 men and 81 women.",
    # "Of these" breaks down the pupils, not the classes they sit in
    "The school has 900 pupils in 30 classes. Of these, 120 receive free meals.",
    # a change in one sentence is not the change of a pair in the next
    "Spring sales were strong, a rise of 25%. Profits fell from £19m to £12m.",
    # crashes are not people: "resulting in" adds a count of another thing
    "Police recorded two crashes on the bypass resulting in 15 deaths last year.",
    # "including" a count of another thing than the figure before it
    "About 200 delegates from 10 countries attended, including 12 ministers.",
    # "for fifteen years after" is not "fifteen years later"
    "The epidemic claimed 4,288 lives from late 2008 to mid-2009, the worst outbreak on the continent for "
    "fifteen years after the collapse of the water system.",
    # figures after the same verb, each with its own owner: side by side, not a total and its parts
    "Smith has 14 seats, Jones has 9, Brown has six, Patel has 5 and Clarke has two.",
    # the breakdown sits in brackets; the figure after them is added, not a part
    "The alliance has 48 members (47 countries and the African Union) and 19 observer states in talks to join.",
    # "seven of the 40" breaks down the 40, not the 15 the sentence opened with
    "Of the 15 county councils that reported, three met the target, while seven of the 40 health boards did.",
    # "those hurt" may be the 40 injured, not the two dead: the parts fit one of the figures before
    "Two people died and 40 others were injured on Saturday in a fire at a market in northern Nigeria, police "
    "said. Among those hurt, 9 had suffered serious burns, the agency reported.",
    # "including 11 of 17": the part is the first figure after the cue, not the one after "of"
    "The airline also had the most pets die on its flights in each of the last four years, including 11 of 17 "
    "pet deaths last year.",
    # the parts stop at a figure that counts something else than the whole
    "The couple had three children, including one boy and two girls, and now have six grandchildren and two "
    "great-grandchildren.",
    # "Three of the officers" does not break down a figure that counts something else
    'Witnesses said the man "took a two-handed firing stance" and "aimed at the officers." Three of the '
    "officers then fired a total of 8 shots.",
    # "two of whom" is a part itself, not the whole "Four of the officers" breaks down
    'Five officers, three in plainclothes and two in uniform, responded. "The man took a firing stance and '
    'pointed an object at the approaching officers, two of whom were in uniform, said the chief. Four of the '
    "officers then fired a total of 10 rounds.",
    # a figure joined to the next by "and" is its sibling, not its total
    "In addition to his brother, Paul, and four cousins and three nephews, John is survived by his wife; and "
    "three loving grandsons, Tom of Leeds.",
    # a whole and a part dated differently: "began with six ... today includes more than 40"
    "The chess club, which began two years ago with six members, today includes more than 40 pupils from the "
    "upper school.",
    # "of them" points back to a plural, not to "one thing"
    "The senator is right about one thing: you do not win by counting states. But you have to win at least "
    "nine of them to be nominated.",
]


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("text", CLEAN_BREAKDOWNS)
def test_rules_breakdown_silent_on_clean_real_copy(text, model):
    assert rules(text, model) == []


CHANGES = [
    # a change, its level and the level before, linked in one sentence
    ("Quarterly profits jumped 114% to $1.13bn from $639m, the company said.",
     "Quarterly profits jumped 77% to $1.13bn from $639m, the company said."),
    ("Sales fell 30% to £12m from £19m as shoppers stayed away.",
     "Sales fell 37% to £12m from £19m as shoppers stayed away."),
    ("The jobless total rose by 32,000 to 1.72 million from 1.65 million.",
     "The jobless total rose by 70,000 to 1.72 million from 1.65 million."),
    ("Unemployment fell to 5.2%, down from 5.9%, a drop of 1.7 percentage points.",
     "Unemployment fell to 5.2%, down from 5.9%, a drop of 0.7 percentage points."),
    ("Passenger numbers rose to 4.3 million from 3.8 million, an increase of 800,000.",
     "Passenger numbers rose to 4.3 million from 3.8 million, an increase of 500,000."),
    ("The number of new homes doubled to 512 from 206.",
     "The number of new homes doubled to 412 from 206."),
    # what a day adds cannot be more than the total it brings the count to
    ("The ministry said 138 newly confirmed cases had brought the total as of Tuesday to 87.",
     "The ministry said 138 newly confirmed cases had brought the total as of Tuesday to 871."),
    ("On Wednesday, 223 people were reported dead from the virus in India, taking the country's death "
     "toll up to 212 people.",
     "On Wednesday, eleven people were reported dead from the virus in India, taking the country's death "
     "toll up to 212 people."),
    ("The government increased the number of cases in the country to 51 on Friday, with 54 new cases "
     "reported during the day.",
     "The government increased the number of cases in the country to 51 on Friday, with 17 new cases "
     "reported during the day."),
]


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("wrong, right", CHANGES)
def test_rules_change_caught_in_real_copy(wrong, right, model):
    assert "change-mismatch" in rules(wrong, model)
    assert rules(right, model) == []


def test_rules_change_shows_the_change_worked_out_with_rounding():
    [finding] = findings(CHANGES[0][0])
    assert finding.severity == "error" and len(finding.claims) == 3
    assert "+75.9% to +77.8%" in finding.message and "not 114%" in finding.message


CLEAN_CHANGES = [
    # "three years later" counts from an event whose year the story does not give
    "A court ruled against the city in 2003. In 2009, the council agreed to a trial scheme. But when the "
    "government cut its funding three years later, the council gave up.",
    # the change is the interest rate's, the pair is inflation's
    "The Bank of England cut interest rates by 0.25 percentage points to 3.5% on Thursday, after official "
    "figures showed inflation fell to 3.4% in March from 3.8% in February.",
    # "doubled" belongs to another clause
    "Passenger journeys rose from 20.4 million to 23.1 million last year, a 13% increase, after the "
    "operator doubled the number of trains on the line.",
    # a cut can bring a total below what was cut
    "The carmaker cut 500 jobs at the plant, bringing its workforce to 300.",
    # two changes, two pairs: each change stays with its own figures
    "Sales rose 25% to $10m from $8m, while profit fell 33% to $2m from $3m.",
]


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("text", CLEAN_CHANGES)
def test_rules_change_silent_on_clean_real_copy(text, model):
    assert rules(text, model) == []


SHARES = [
    ("There have been 103 reported deaths from a total of 217 patients, for a mortality rate of nearly "
     "65 percent.",
     "There have been 103 reported deaths from a total of 217 patients, for a mortality rate of nearly "
     "50 percent."),
    ("Only 46 people with severe symptoms were admitted on Thursday, less than an eighth of the 212 "
     "patients admitted a week earlier.",
     "Only 46 people with severe symptoms were admitted on Thursday, less than a fourth of the 212 "
     "patients admitted a week earlier."),
]


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("wrong, right", SHARES)
def test_rules_share_caught_in_real_copy(wrong, right, model):
    assert "percent-mismatch" in rules(wrong, model)
    assert rules(right, model) == []


def test_rules_share_of_one_whole_past_100_is_still_caught():
    assert rules("In the poll, the mayor had 45 percent of likely voters, her rival 40 percent and the "
                 "independent 20 percent.") == ["percent-mismatch"]


def test_rules_share_beside_a_count_is_only_a_warning():
    [finding] = findings(SHARES[1][0])
    assert finding.severity == "warning" and "21.7%" in finding.message and len(finding.claims) == 3


CLEAN_SHARES = [
    # a share of another whole than the one the sentence's count belongs to
    "Officials counted 300 ballots at the school, while 40% of the 1,200 registered voters stayed home.",
    # shares of different groups: the frames count different things
    "Asked whether the mayor is fit to serve, 70 percent of Labour voters said yes while 52 percent overall "
    "agreed and 41 percent of Conservatives disagreed.",
    # shares of different places
    "Early polling shows two-thirds of voters in Kent, Essex and Surrey, 7 in 10 in Devon, and nearly 8 in 10 "
    "in Cornwall back the plan.",
    # each share in brackets after the group it is of
    "The mayor's win was built on the support of pensioners (58 percent), renters (64 percent) and union "
    "members (88 percent), according to the BBC.",
    # 100% is a whole, not a part
    "The incumbent took the county, 41.2 percent to 38.9 percent, with 100 percent of wards reporting.",
    # a figure over 100% is a price, not a share: the sentence's percentages are no breakdown
    "The 2.25% Treasury 2031 bond hit a record 103.75% on Monday, against an issue price of 100.20%.",
    # shares in pairs, each pair a contest of its own
    "The mayor leads the challenger among renters 52 percent to 41 percent; the deputy would beat her 57 "
    "percent to 33 percent.",
    "Labour voters back the plan, 81%-12%, while Conservatives are split, although most oppose it, 55%-37%.",
    # a share restated in apposition, a share of a share, a clause that asks another question
    "The mayor won the backing of nearly six in 10 voters \u2014 58 percent \u2014 while her rival won 35 percent.",
    "Reactions were evenly split: 45% were positive -- including 18% who were delighted -- and 45% negative.",
    "The main concerns, residents said, are housing (36 percent), transport (31 percent) and schools (22 "
    "percent), though crime was the top worry for them personally at 44 percent.",
    # "the top 10 percent" names a group; it is no share
    "The top 5 percent paid 38.2 percent of all income tax last year, and the top 20 percent paid 71 percent.",
]


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("text", CLEAN_SHARES)
def test_rules_share_silent_on_clean_real_copy(text, model):
    assert rules(text, model) == []


def _seed(old=None, new=None):
    from tests.conftest import SAMPLE

    text = SAMPLE.read_text(encoding="utf-8")
    if old:
        assert old in text
        text = text.replace(old, new)
    return check_text(text, path=str(SAMPLE)).findings


@pytest.mark.parametrize("old, new, rule", [
    ("- 14,500 are Syrians", "- 18,500 are Syrians", "sum-mismatch"),  # a part of the al-Hol list
    ("- Around 24,000 people", "- Around 34,000 people", "sum-mismatch"),  # its total, the first bullet
    ("when around 150 detainees", "when around 250 detainees", "restated-differently"),
    ("that all 150 men", "that all 110 men", "restated-differently"),
])
def test_rules_seed_story_planted_changes_caught(old, new, rule):
    assert rule in [f.rule for f in _seed(old, new)]


def test_rules_seed_story_is_clean():
    assert _seed() == []


CLEAN_DEFINITE = [
    # some of the people counted in the sentence before, not all of them again
    "Police arrested 12 protesters outside the ministry. The three protesters who were injured were "
    "taken to hospital.",
    # the people counted as patients, then as cases, with a part of them between
    "At least three patients in Norway were confirmed to have the strain, with two of the cases being "
    "fatal. Health officials say the three cases are not related.",
    # two counts of people before: no telling which one is meant
    "Police arrested three men and two women. The two women were released without charge.",
    # the definite phrase names its group with words the earlier sentence never used: another group
    "A total of 31 councillors were absent for the vote. Several of the 12 Green councillors who voted against "
    "the budget asked to keep their posts.",
    "The minister said about 4,200 soldiers would stay in the country until the end of the year. Now roughly "
    "half of the 6,000 special forces soldiers abroad serve outside Europe.",
    "The bill had the backing of 48 senators, including 44 from the majority and three Green members. The "
    "leader abstained while the five members of the Liberal caucus voted against it.",
    # "five of those districts" is a part of a group, not a group named again
    "Smith has won five of those districts so far, while Jones won in Kent. At stake in those two districts "
    "are 90 seats.",
    # "those three districts" points back over the last few sentences, where the districts are named
    "Smith captured two districts in the first round. Jones won six.\n\nLater that night the results came in "
    "from the coast.\n\nReporters waited for hours.\n\nThe count was slow.\n\nJones took Kent and Essex, while "
    "Smith held Sussex. At stake in those three districts are 90 seats.",
    # "the 13 states where ...": a relative clause with "where" picks some of them too
    "Over the past four elections, 40 states have voted for the same party every time. In the 13 states where "
    "pollsters have run exit polls, the senator has done better among older voters.",
    # "the six-course resort": the article goes with the resort, the figure describes it
    "Builders were allowed to put up homes on the three former courses. The group spent $90 million on the "
    "six-course resort.",
]


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("text", CLEAN_DEFINITE)
def test_rules_definite_silent_on_clean_real_copy(text, model):
    assert rules(text, model) == []
