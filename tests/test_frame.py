"""The frame: what each figure is about, read from the parse and the story (issue 11)."""

import pytest

from factcheck import check_file, check_text
from factcheck.extract import FAST_MODEL
from factcheck.extract.demonyms import place_of
from factcheck.extract.frame import singular
from factcheck.structure import Structure

from .conftest import SAMPLE


def frames(text, **kwargs):
    report = check_text(text, published="2026-01-22", **kwargs)
    return {c.text: c.frame for c in report.claims if c.frame is not None}


def place(frame):
    return frame.place.text if frame and frame.place else None


def test_frame_seed_story_places_follow_the_parse_and_the_list():
    report = check_file(SAMPLE)
    by_text = {}
    for claim in report.claims:
        by_text.setdefault(claim.text, claim.frame)
    assert place(by_text["Around 24,000"]) == "al-Hol camp"  # "at the camp"
    for bullet in ("14,500", "Nearly 3,000", "About 6,500"):
        assert place(by_text[bullet]) == "al-Hol camp" and by_text[bullet].place_source == "section"
    assert place(by_text["around 4,500"]) == "Gweiran (Panorama) Prison"
    # "US and partner forces detained", "two US soldiers": actors and nationality, not places;
    # the figures take the story's place from its headline ("... from Syria to Iraq": the US acts)
    for actor in ("over 300", "two"):
        assert place(by_text[actor]) == "Syria" and by_text[actor].place_source == "story"


def test_frame_change_level_and_previous_in_one_sentence():
    found = frames("Japan's exports rose 25% to $51bn from $41bn in 2022.")
    assert found["25%"].role == "change" and found["$51bn"].role == "level"
    assert found["$41bn"].role == "previous" and found["$41bn"].period == "2022"
    assert found["$51bn"].period is None  # 2022 belongs to the "from" figure
    assert {place(f) for f in found.values()} == {"Japan"}
    assert found["$51bn"].measure_head == "export"
    change_link = found["25%"].links[0]
    assert change_link.relation == "change_of"


def test_frame_measure_is_the_subject_of_the_change_verb():
    found = frames("The jobless total rose by 32,000 to 1.41 million.")
    assert found["32,000"].measure == "jobless total" and found["32,000"].role == "change"
    assert found["1.41 million"].measure == "jobless total" and found["1.41 million"].role == "level"


def test_frame_demonym_names_the_place():
    found = frames("Ethiopian farmers lost 12,000 cattle in the drought.")
    assert place(found["12,000"]) == "Ethiopia"


def test_frame_figure_right_before_in_place_takes_that_place():
    found = frames("California has confirmed at least 13 cases, three in Texas and two in Kansas.")
    assert place(found["three"]) == "Texas" and place(found["two"]) == "Kansas"


def test_frame_worldwide_figures_and_ages_have_no_place():
    found = frames("Flooding hit Kenya this week.\n\nWorldwide, at least 150 people have died of the "
                   "disease. A 45-year-old man was among them.")
    assert place(found["at least 150"]) is None
    assert place(found["45-year-old"]) is None and found["45-year-old"].measure == "age"


def test_frame_headline_place_is_inherited_by_placeless_figures():
    found = frames("Cholera cases in Zimbabwe pass 80,000\n\nThe outbreak has now killed 3,759 people, "
                   "officials said.")
    assert place(found["3,759"]) == "Zimbabwe" and found["3,759"].place_source == "story"


def test_frame_part_and_total_from_out_of():
    found = frames("In the capital, 208 people died out of 8,454 suspected cases.")
    assert found["208"].role == "part" and found["8,454"].role == "total"


def test_frame_forecast_only_on_future_wording():
    found = frames("The ministry expects cases to reach 5,000 by March. About 1,200 may have died.")
    assert found["5,000"].role == "forecast"
    assert found["About 1,200"].role == "level"


def test_frame_fast_mode_still_frames_counts_without_a_parse():
    found = frames("Officials in Hasakah said 150 detainees were moved.", model=FAST_MODEL)
    assert found["150"].measure == "detainees" and found["150"].measure_head == "detainee"


def test_frame_singular_heads():
    assert [singular(w) for w in ("people", "cases", "countries", "detainees", "crisis")] == [
        "person", "case", "country", "detainee", "crisis"]


def test_frame_demonyms_prefer_the_places_a_story_names():
    assert place_of("Syrian") == "Syria"
    assert place_of("Georgian", ["Georgia"]) == "Georgia"
    assert place_of("British") == "United Kingdom"
    assert place_of("Martian") is None


@pytest.mark.parametrize("text, headline, lede", [
    ("Floods in Kenya\n\nThe rains came early. More fell.\n\nSecond paragraph.", "Floods in Kenya",
     "The rains came early. More fell."),
    ("The rains came early. More fell.\n\nSecond paragraph.", None, "The rains came early. More fell."),
])
def test_structure_headline_and_lede(text, headline, lede):
    structure = Structure(text)
    got = structure.headline
    assert (text[got[0]:got[1]] if got else None) == headline
    assert text[slice(*structure.lede)] == lede


def test_structure_lists_and_headings_are_found_in_log_time_lookups():
    text = "Intro line here.\n\n## Camps\n\nFigures show:\n- 12 people\n- 7 people\n\nEnd."
    structure = Structure(text)
    bullet = text.index("7 people")
    listing = structure.list_of(bullet)
    assert listing is not None and text[slice(*listing.lead_line)] == "Figures show:"
    assert text[slice(*structure.heading_before(bullet))] == "## Camps"
    assert structure.list_of(text.index("End.")) is None


def test_frame_headline_place_after_in_and_not_the_actor():
    found = frames("Bird flu kills four in Vietnam\n\nThe virus has now killed 40 people, officials said.")
    assert place(found["40"]) == "Vietnam" and found["40"].place_source == "story"
    found = frames("US begins moving detainees from Syria to Iraq\n\nAbout 200 were moved on Monday.")
    assert place(found["About 200"]) == "Syria"  # the US acts; the story is in Syria


def test_frame_one_place_after_a_figure_is_shared_but_a_distribution_is_not():
    found = frames("There have been 81 cases including 63 deaths in Indonesia since 2005.")
    assert place(found["81"]) == "Indonesia" and place(found["63"]) == "Indonesia"
    found = frames("The 9 cases confirmed on Friday were all women, 6 from Lautoka and 3 from Nadi.")
    assert place(found["6"]) == "Lautoka" and place(found["3"]) == "Nadi"
    assert found["6"].role == "part" and found["3"].role == "part"


def test_frame_nationality_of_people_abroad_is_not_their_place():
    found = frames("Chad now hosts about 234,000 Sudanese refugees.")
    assert place(found["about 234,000"]) == "Chad"


def test_frame_roles_read_change_words_only_where_they_mean_change():
    found = frames("The study was conducted by more than 20 scientists. The government shut down nearly "
                   "900 farms. Another 45 people are being tested. Cases rose by 30 to 200.")
    assert found["more than 20"].role == "level" and found["nearly 900"].role == "level"
    assert found["45"].role == "level"
    assert found["30"].role == "change" and found["200"].role == "level"


def test_frame_ages_and_modified_quantities_say_what_they_measure():
    found = frames("Most patients are children under ten years of age. Officials set up a three kilometre "
                   "protection zone around the farm.")
    assert found["under ten years"].measure == "age"
    assert found["three kilometre"].measure_head == "zone"


def test_frame_subject_is_the_body_that_acts_or_reports():
    found = frames("Local police arrested four vendors on Monday. In addition, the ministry says two more "
                   "patients are infected. According to these figures, the town has 93 cases.")
    assert found["four"].subject == "Local police"  # the subject of the figure's own verb
    assert "ministry" in (found["two"].subject or "")  # the reporting verb above the figure
    assert found["93"].subject is None  # "these figures" are no body


def test_frame_parts_from_of_the_among_and_a_closing_list():
    found = frames("At least 14 of the infected have suffered kidney failure. Among the dead were four men "
                   "and two women. All 16 of the cases confirmed on Thursday were from Suva, 9 men and 7 women. "
                   "There are about 36,000 cases of the virus in 76 countries.")
    assert found["At least 14"].role == "part"
    assert found["four"].role == "part" and found["two"].role == "part"
    assert found["16"].role == "total" and found["9"].role == "part" and found["7"].role == "part"
    assert found["about 36,000"].role == "level"  # "cases of the virus" is no part of anything


def test_frame_period_of_a_written_span():
    found = frames("From 1971 to 2006, about half of the colonies vanished. Between January and May 2008, "
                   "149 men were admitted to hospital.")
    assert found["about half"].period == "1971/2006"
    assert found["149"].period == "2008-01/2008-05"  # January takes the year written after the range


def test_frame_figures_spread_over_countries_have_no_single_place():
    found = frames("Dengue cases rise in Brazil\n\nHealth officials in Brazil reported 300 new cases on Monday.\n\n"
                   "There are about 9,000 cases of the virus in 40 countries.")
    assert place(found["300"]) == "Brazil"
    assert place(found["40"]) is None and place(found["about 9,000"]) is None
    across = frames("Harvests failed in nine countries across Africa.")
    assert place(across["nine"]) == "Africa"  # the region that holds the countries


def test_frame_age_takes_its_persons_place_but_never_inherits_one():
    found = frames("Flu reaches Peru\n\nA 40-year-old man in Lima died on Monday.\n\nA 12-year-old girl from Cusco is recovering.")
    assert place(found["40-year-old"]) == "Lima" and found["40-year-old"].place_source == "sentence"
    assert place(found["12-year-old"]) is None  # where she comes from is not where the figure is


def test_frame_percentages_are_shares_or_rates_never_parts():
    found = frames("Officials counted 900 cases, and 40% of them were children. "
                   "The vaccine showed 88% efficacy.")
    assert found["40%"].role == "share"
    assert found["88%"].role == "level" and found["88%"].measure_head == "efficacy"


def test_frame_figure_added_to_a_running_total_is_a_change():
    found = frames("Another 37 cases were confirmed on Friday, bringing the total to 412.")
    assert found["37"].role == "change" and found["412"].role == "level"


def test_frame_measure_of_possessed_nouns_quantities_and_prison_terms():
    found = frames("Six of the town's doctors fell ill. Trucks carried 40 tonnes of grain to the border. "
                   "The driver was sentenced to 12 years in prison.")
    assert found["Six"].measure_head == "doctor"
    assert found["40 tonnes"].measure_head == "grain"
    assert found["12 years"].measure == "sentence"


def test_frame_generic_and_study_sentences_inherit_no_place():
    found = frames("Measles returns to Kenya\n\nThe virus typically infects 90% of those exposed. "
                   "In the study of 300 children, 20 fell ill. Officials confirmed 55 cases on Monday.")
    assert place(found["90%"]) is None and place(found["300"]) is None
    assert place(found["55"]) == "Kenya"


def test_frame_places_that_are_not_where_the_figure_is():
    found = frames("The clinic is 40 km from Nairobi. The state news agency Xinhua said 17 people died in Hubei. "
                   "There were 30 deaths outside of Brazil.")
    assert place(found["40 km"]) is None
    assert place(found["17"]) == "Hubei"
    assert place(found["30"]) is None


def test_frame_story_place_needs_evidence_competing_places_give_none():
    found = frames("Carmaker profits rise as demand for electric models grows\n\n"
                   "Northfield Motors said on Tuesday that pre-tax profit rose 12% to £1.4bn, as sales of its "
                   "electric models doubled. Revenue climbed to £9.8bn from £8.7bn a year earlier.\n\n"
                   "The company has 2,300 jobs in Leeds and 3,200 jobs in York.\n\n"
                   "Its chief executive said the group would invest £400m over the next five years.")
    assert place(found["2,300"]) == "Leeds" and place(found["3,200"]) == "York"
    for figure in ("12%", "£1.4bn", "£9.8bn", "£8.7bn", "£400m"):
        assert place(found[figure]) is None, figure  # one mention each, none in the lede: no story place


def test_frame_story_place_from_the_lede_or_a_clear_majority_named_before_the_figure():
    found = frames("Jobless rate falls to lowest level in a decade\n\n"
                   "Unemployment in Wales fell to 4.1% in the three months to June, official figures showed.\n\n"
                   "The number of people out of work fell by 6,000 to 62,000. Across the UK as a whole, the "
                   "rate was 4.4%.\n\nSome 1,200 jobs were lost when a steelworks closed, the union said.")
    assert place(found["62,000"]) == "Wales" and found["62,000"].place_source == "story"
    assert place(found["Some 1,200"]) == "Wales" and place(found["4.4%"]) == "UK"
    found = frames("Bakery chain to open new shops\n\n"
                   "Crumb & Co said it would open 40 new shops this year.\n\n"
                   "The chain opened its first shop in Leeds in 1998. It now has 25 shops in Leeds and 6 in York, "
                   "and its Leeds bakery supplies them all.\n\nAbout 300 people work for the chain.")
    assert place(found["About 300"]) == "Leeds"  # named three times to York's once
    assert place(found["40"]) is None  # Leeds is named only later, in paragraphs the lede is not


def test_frame_subject_from_possessives_reporting_verbs_and_sources():
    found = frames("GM's revenues fell 3% to $41bn. Okafor's share of the vote was 42.8%. TimeWarner said "
                   "fourth quarter sales rose 2% to $7.4bn. According to a statement from Barclays, the bank "
                   "cut 1,200 jobs. A report by the Low Pay Commission states that 49 firms broke the rules.")
    assert found["$41bn"].subject == "GM" and found["42.8%"].subject == "Okafor"
    assert found["2%"].subject == "TimeWarner" and found["$7.4bn"].subject == "TimeWarner"
    assert found["1,200"].subject == "Barclays"  # the author of the statement, not "statement"
    assert found["49"].subject == "Low Pay Commission"


def test_frame_subject_through_the_verb_a_figure_completes_or_joins():
    found = frames("Harwood & Lyle expects to cut 900 jobs. Local police arrested four vendors and seized "
                   "3,000 kilos of meat. The chain's chief executive, Maria Okafor, said profit rose 8%. "
                   "Oxfam, which employs 5,000 people, opened an office. The storm, which killed 16 people, "
                   "moved north.")
    assert found["900"].subject == "Harwood & Lyle"  # "expects to cut"
    assert found["3,000 kilos"].subject == "Local police"  # "arrested ... and seized"
    assert found["8%"].subject == "Maria Okafor"  # the person beside the title
    assert found["5,000"].subject == "Oxfam"  # the body "which" stands for
    assert found["16"].subject is None  # a storm is no body


def test_frame_subject_is_not_a_news_outlet_or_unnamed_authorities():
    found = frames("Reuters reported that 300 workers had walked out. Authorities say 12 people were hurt. "
                   "The New York Times reported that 24 toys were recalled.")
    assert found["300"].subject is None and found["12"].subject is None and found["24"].subject is None


def test_frame_period_of_the_earlier_side_only_when_the_story_says_it():
    found = frames("Retail sales fell to £1.9bn in November from £2.1bn in October. Online sales fell to "
                   "£410m in November from £450m. In 2024, fees rose to £90m from £70m.")
    assert found["£1.9bn"].period == "2025-11" and found["£2.1bn"].period == "2025-10"
    assert found["£1.9bn"].previous_period == "2025-10"
    assert found["£450m"].period is None  # November is the £410m's
    assert found["£90m"].period == "2024" and found["£70m"].period is None  # 2024 is the later side


def test_frame_period_a_year_earlier_moves_the_later_period_back():
    found = frames("Pre-tax profit rose to £212m in 2024 from £187m a year earlier. Unemployment was 4.4% "
                   "in March, up from 4.1% a year earlier. Turnover in the three months to June was £1.1bn, "
                   "compared with £0.9bn a year earlier. Exports fell to $40bn in the third quarter from "
                   "$42bn the previous quarter.")
    assert found["£187m"].period == "2023" and found["£212m"].previous_period == "2023"
    assert found["4.4%"].period == "2025-03" and found["4.1%"].period == "2024-03"
    assert found["£0.9bn"].period == "2024-06"
    assert found["$40bn"].period == "2025-Q3" and found["$42bn"].period == "2025-Q2"


def test_frame_period_of_two_consecutive_years_is_a_span():
    found = frames("The virus killed nearly 1,000,000 people in 1968 and 1969. Exports have doubled since 2000.")
    assert found["nearly 1,000,000"].period == "1968/1969"
    assert found["doubled"].period is None  # "since 2000" is a span's start, not the figure's date
