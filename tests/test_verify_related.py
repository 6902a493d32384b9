"""Verification when the place is inherited or wider than the fact's (issue 12): a fact for a place
inside or around the claim's may contradict it only when it clearly applies; a context word belongs
to the figure it stands next to."""

import pytest

from factcheck import check_text
from factcheck.reference import load_reference

FACTS = """
[[place]]
id = "portugal"
name = "Portugal"
kind = "country"

[[place]]
id = "porto"
name = "Porto"
kind = "city"
within = "portugal"

[[place]]
id = "tonga"
name = "Tonga"
kind = "country"

[[source]]
id = "dgs"
publisher = "Direcção-Geral da Saúde"

[[fact]]
id = "porto.flu-deaths"
counts = "people died"
synonyms = ["deaths", "killed"]
place = "porto"
value = 5
source = "dgs"

[[fact]]
id = "porto.people-tested"
counts = "people tested"
synonyms = ["people being tested"]
place = "porto"
value = 40
source = "dgs"

[[fact]]
id = "porto.birds-culled"
counts = "birds culled"
synonyms = ["birds"]
place = "porto"
value = 6500
qualifier = "approx"
rounding = 100
source = "dgs"

[[fact]]
id = "tonga.cases-total"
counts = "cases"
place = "tonga"
value = 81
context = ["total"]
source = "dgs"

[[fact]]
id = "tonga.cases-further"
counts = "cases"
place = "tonga"
value = 16
context = ["further"]
source = "dgs"

[[fact]]
id = "tonga.cases-all"
counts = "cases"
synonyms = ["confirmed cases"]
place = "tonga"
value = 97
source = "dgs"
"""

STORY = ("Flu kills {deaths} in Portugal\n\n"
         "Five people have died of flu in the city of Porto in the north of the country, doctors said on Monday. "
         "Another {tested} people are being tested for the virus at the city hospital.\n")


def _loaded(tmp_path_factory, document: str):
    folder = tmp_path_factory.mktemp("claims")
    (folder / "facts.toml").write_text(document, encoding="utf-8")
    return load_reference(folder, cache=False)


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    return _loaded(tmp_path_factory, FACTS)


def claim_of(reference, text, figure):
    report = check_text(text, published="2024-01-15", reference=reference)
    [claim] = [c for c in report.claims if c.text == figure]
    return claim


def test_verify_inherited_place_holds_the_only_fact_at_a_town_the_story_names(reference):
    right = claim_of(reference, STORY.format(deaths="five", tested=40), "40")
    assert right.verdict == "supported" and right.reference.id == "porto.people-tested"
    wrong = claim_of(reference, STORY.format(deaths="five", tested=90), "90")
    assert wrong.verdict == "contradicted" and wrong.reference.id == "porto.people-tested"
    assert "Porto" in wrong.reason


def test_verify_headline_country_holds_the_town_fact_of_a_local_event(reference):
    wrong = claim_of(reference, STORY.format(deaths="nine", tested=40), "nine")
    assert wrong.verdict == "contradicted" and wrong.reference.id == "porto.flu-deaths"


def test_verify_country_stated_in_the_body_is_never_held_to_a_town_fact(reference):
    text = STORY.format(deaths="five", tested=40) + "Portugal has recorded 9 flu deaths this winter.\n"
    claim = claim_of(reference, text, "9")
    assert claim.verdict != "contradicted"


def test_verify_body_figure_differing_from_one_the_story_places_is_another_figure(reference):
    text = ("Portugal culls birds after outbreak\n\n"
            "In Porto, vets culled roughly 6,500 birds on Sunday. "
            "\"After three hours we had disposed of 442 birds,\" a vet said.\n")
    assert claim_of(reference, text, "roughly 6,500").verdict == "supported"
    assert claim_of(reference, text, "442").verdict != "contradicted"


TONGA = ("The number of confirmed cases in Tonga rose to 97 on Thursday. "
         "A further {further} cases were confirmed by the laboratory, one day after it had confirmed "
         "8 cases to bring the total to {total}.\n")


def test_verify_context_word_belongs_to_the_figure_beside_it(reference):
    right = TONGA.format(further=16, total=81)
    assert claim_of(reference, right, "16").reference.id == "tonga.cases-further"
    assert claim_of(reference, right, "81").reference.id == "tonga.cases-total"
    further = claim_of(reference, TONGA.format(further=26, total=81), "26")
    assert further.verdict == "contradicted" and further.reference.id == "tonga.cases-further"
    total = claim_of(reference, TONGA.format(further=16, total=130), "130")
    assert total.verdict == "contradicted" and total.reference.id == "tonga.cases-total"


REGION = """
[[place]]
id = "east-and-southern-africa"
name = "East and Southern Africa"
kind = "region"
aliases = ["East and Southern African"]

[[source]]
id = "unicef"
publisher = "UNICEF"

[[fact]]
id = "esa.countries"
counts = "countries"
place = "east-and-southern-africa"
value = 21
source = "unicef"

[[fact]]
id = "esa.people-sick"
counts = "people sick"
synonyms = ["people sickened"]
place = "east-and-southern-africa"
value = 310
source = "unicef"
"""


@pytest.fixture(scope="module")
def region(tmp_path_factory):
    return _loaded(tmp_path_factory, REGION)


def test_verify_a_longer_name_of_the_set_wins_over_a_piece_the_model_tagged(region):
    text = "A measles campaign across 21 East and Southern African countries began on Monday.\n"
    report = check_text(text, published="2024-01-15", reference=region)
    assert [p.id for p in report.places if p.text.startswith("East")] == ["east-and-southern-africa"]


def test_verify_a_fact_counting_people_is_found_from_a_figure_of_persons(region):
    text = "In East and Southern Africa, the outbreak has made 310 people sick, officials said.\n"
    claim = next(c for c in check_text(text, published="2024-01-15", reference=region).claims if c.text == "310")
    assert claim.verdict == "supported" and claim.reference.id == "esa.people-sick"


PARTICULAR = """
[[place]]
id = "portugal"
name = "Portugal"
kind = "country"

[[place]]
id = "porto"
name = "Porto"
kind = "city"
within = "portugal"

[[place]]
id = "jammu-and-kashmir"
name = "Jammu and Kashmir"
kind = "state"

[[source]]
id = "dgs"
publisher = "Direcção-Geral da Saúde"

[[fact]]
id = "world.flu-cases"
counts = "cases"
context = ["flu"]
value = 300000
source = "dgs"

[[fact]]
id = "portugal.flu-cases"
counts = "cases"
place = "portugal"
value = 1200
source = "dgs"

[[fact]]
id = "porto.patients-admitted"
counts = "patients"
place = "porto"
value = 25
source = "dgs"

[[fact]]
id = "porto.patients-died"
counts = "patients died"
place = "porto"
value = 8
source = "dgs"

[[fact]]
id = "jk.quake-deaths"
counts = "people died"
place = "jammu-and-kashmir"
value = 1300
source = "dgs"
"""


@pytest.fixture(scope="module")
def particular(tmp_path_factory):
    return _loaded(tmp_path_factory, PARTICULAR)


def test_verify_the_place_the_sentence_states_wins_over_a_fact_with_no_place(particular):
    claim = claim_of(particular, "Portugal has reported 2,000 flu cases so far, the ministry said.", "2,000")
    assert claim.verdict == "contradicted" and claim.reference.id == "portugal.flu-cases"


def test_verify_the_fullest_description_wins_with_the_noun_far_from_the_figure(particular):
    text = "Doctors in Porto have seen 25 patients admitted with severe flu, of which {} have died."
    assert claim_of(particular, text.format("eight"), "eight").reference.id == "porto.patients-died"
    wrong = claim_of(particular, text.format("eleven"), "eleven")
    assert wrong.verdict == "contradicted" and wrong.reference.id == "porto.patients-died"


def test_verify_a_piece_of_a_longer_place_name_links_to_it(particular):
    text = "In the Indian state of Jammu and Kashmir, officials say 1,900 people are known to have died."
    claim = claim_of(particular, text, "1,900")
    assert claim.place.id == "jammu-and-kashmir"
    assert claim.verdict == "contradicted" and claim.reference.id == "jk.quake-deaths"



def test_verify_what_is_counted_may_be_said_beside_the_figure(particular, tmp_path):
    facts = PARTICULAR + """
[[fact]]
id = "portugal.homeless"
counts = "homeless"
synonyms = ["people made homeless"]
place = "portugal"
value = 4000
source = "dgs"
"""
    (tmp_path / "facts.toml").write_text(facts, encoding="utf-8")
    reference = load_reference(tmp_path, cache=False)
    text = "In Portugal, the floods left the {} who have been made homeless without shelter."
    assert claim_of(reference, text.format("4,000"), "4,000").verdict == "supported"
    wrong = claim_of(reference, text.format("9,000"), "9,000")
    assert wrong.verdict == "contradicted" and wrong.reference.id == "portugal.homeless"
    names = claim_of(reference, "Storms hit 12 United States ports in Portugal.", "12")
    assert names.verdict == "unverified"


RAIN = """
[[place]]
id = "portugal"
name = "Portugal"
kind = "country"

[[place]]
id = "faro"
name = "Faro"
kind = "city"
within = "portugal"

[[source]]
id = "ipma"
publisher = "IPMA"

[[fact]]
id = "faro.rainfall-2023"
kind = "quantity"
unit = "mm"
counts = "rainfall"
place = "faro"
value = 380
as_of = "2023"
context = ["rainfall"]
source = "ipma"

[[fact]]
id = "faro.average-rainfall"
kind = "quantity"
unit = "mm"
counts = "average rainfall"
place = "faro"
value = 510
context = ["average"]
source = "ipma"

[[fact]]
id = "portugal.deaths"
counts = "deaths"
context = ["died", "death"]
place = "portugal"
value = 31
source = "ipma"

[[fact]]
id = "portugal.deaths-earlier"
counts = "deaths"
context = ["monday", "compared"]
place = "portugal"
value = 24
source = "ipma"
"""


@pytest.fixture(scope="module")
def rain(tmp_path_factory):
    return _loaded(tmp_path_factory, RAIN)


def test_verify_context_words_tell_related_facts_apart(rain):
    text = ("Drought grips southern Portugal\n\nFarmers near Faro say the dry spell is the worst in decades. "
            "Officials recorded {}mm of rainfall in 2023; the average is {}mm.\n")
    assert claim_of(rain, text.format(380, 510), "380mm").reference.id == "faro.rainfall-2023"
    wrong = claim_of(rain, text.format(380, 900), "900mm")
    assert wrong.verdict == "contradicted" and wrong.reference.id == "faro.average-rainfall"


def test_verify_the_fact_with_more_context_words_said_is_the_particular_one(rain):
    text = ("Cholera deaths in Portugal reach 31\n\nIn Portugal, 31 people have died of cholera. "
            "That compared with {} deaths out of 300 cases recorded on Monday.\n")
    assert claim_of(rain, text.format(24), "24").reference.id == "portugal.deaths-earlier"
    wrong = claim_of(rain, text.format(40), "40")
    assert wrong.verdict == "contradicted" and wrong.reference.id == "portugal.deaths-earlier"


OUTBREAK = """
[[place]]
id = "ohio"
name = "Ohio"
kind = "state"

[[source]]
id = "odh"
publisher = "Ohio Department of Health"

[[fact]]
id = "outbreak.people-sick"
counts = "people sick"
synonyms = ["people sickened"]
context = ["sick", "sickened"]
value = 95
qualifier = "more_than"
source = "odh"

[[fact]]
id = "ohio.people-infected"
counts = "people infected"
synonyms = ["people"]
place = "ohio"
value = 30
qualifier = "more_than"
source = "odh"
"""


def test_verify_place_free_fact_of_a_one_place_file_applies_in_a_story_naming_it(tmp_path):
    (tmp_path / "facts.toml").write_text(OUTBREAK, encoding="utf-8")
    reference = load_reference(tmp_path, cache=False)
    text = ("Salad outbreak widens in Ohio\n\nA salad recall was announced on Monday. Health officials said "
            "the outbreak has now made more than {} people sick.\n")
    right = claim_of(reference, text.format(95), "more than 95")
    assert right.verdict == "supported" and right.reference.id == "outbreak.people-sick"
    wrong = claim_of(reference, text.format(40), "more than 40")
    assert wrong.verdict == "contradicted" and wrong.reference.id == "outbreak.people-sick"


def test_verify_a_word_between_two_figures_goes_whole_to_the_nearer(tmp_path):
    (tmp_path / "facts.toml").write_text(OUTBREAK, encoding="utf-8")
    reference = load_reference(tmp_path, cache=False)
    text = "Salad outbreak in Ohio kills 1, sickens nearly {} people\n\nHealth officials gave the figures on Monday.\n"
    wrong = claim_of(reference, text.format(40), "nearly 40")
    assert wrong.verdict == "contradicted" and wrong.reference.id == "outbreak.people-sick"


def test_verify_a_figure_of_another_thing_does_not_state_the_fact(reference):
    text = ("Portugal flu outbreak\n\nIn Porto, 5 hospitals are treating patients. "
            "Doctors said {} people had died so far.\n")
    wrong = claim_of(reference, text.format(9), "9")
    assert wrong.verdict == "contradicted" and wrong.reference.id == "porto.flu-deaths"


def test_verify_vague_figure_is_not_held_against_a_related_place(reference):
    text = STORY.format(deaths="five", tested=40).rstrip("\n") + " Dozens more people are being tested at home.\n"
    claim = claim_of(reference, text, "Dozens")
    assert claim.verdict == "unverified"
