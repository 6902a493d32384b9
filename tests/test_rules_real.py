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
    # a headline that names the country, a lede that names the town
    "Philippines culls 6,500 hogs\n\nOfficials began culling roughly 6,500 hogs at a farm in Pandi on Sunday.",
]


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("text", CLEAN)
def test_rules_restated_silent_on_clean_real_copy(text, model):
    assert rules(text, model) == []
