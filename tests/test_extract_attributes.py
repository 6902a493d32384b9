"""The model's attribute rules applied by table lookup (extract/attributes.py): the same parts of
speech, morphology and lemmas as spaCy's AttributeRuler, token for token."""

import spacy

from factcheck.extract import build_pipeline
from factcheck.extract.attributes import AttributeTable
from factcheck.model_names import DEFAULT_MODEL

SENTENCES = [
    "Around 24,000 people live at the camp, officials said on Wednesday.",
    "There are about 6,500 foreigners, but that is not what we're gonna count.",
    "It ain't over: I'd have said the 150 detainees who were moved got there first.",
    "Whether or not the toll rises, y'all know that this figure is the one that matters.",
]


def _attributes(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_extract_attributes_table_matches_the_model_s_ruler_token_for_token():
    ruled = spacy.load(DEFAULT_MODEL, exclude=["lemmatizer"])
    checked = build_pipeline(DEFAULT_MODEL)
    assert "attribute_ruler" in ruled.pipe_names
    assert "factcheck_attributes" in checked.pipe_names and "attribute_ruler" not in checked.pipe_names
    for text in SENTENCES:
        before = ruled.get_pipe("attribute_ruler")(_up_to_ruler(ruled, text))
        after = checked.get_pipe("factcheck_attributes")(_up_to_ruler(ruled, text))
        assert _attributes(after) == _attributes(before)
    gonna = checked(SENTENCES[1])
    assert [t.lemma_ for t in gonna if t.text in ("gon", "na")] == ["go", "to"]  # a two-token rule


def _up_to_ruler(nlp, text):
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == "attribute_ruler":
            return doc
        doc = component(doc)
    raise AssertionError("no attribute_ruler")


def test_extract_attributes_on_a_blank_pipeline_later_rules_win():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "camp"}]], {"POS": "NOUN"})
    ruler.add([[{"LOWER": {"IN": ["camp", "camps"]}}]], {"POS": "PROPN", "MORPH": "Number=Sing"})
    ruler.add([[{"LOWER": "al"}, {"TEXT": "-"}]], {"LEMMA": "al"}, index=0)
    table = AttributeTable()
    assert not table.take(ruler)  # TEXT is not read by the table: the ruler must stay
    ruler = spacy.blank("en").add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "camp"}]], {"POS": "NOUN"})
    ruler.add([[{"LOWER": {"IN": ["camp", "camps"]}}]], {"POS": "PROPN", "MORPH": "Number=Sing"})
    ruler.add([[{"LOWER": "the"}, {"LOWER": {"REGEX": "^camps?$"}}]], {"LEMMA": "camp"}, index=-1)
    assert table.take(ruler)
    doc = table(nlp.make_doc("The camp and the camps."))
    assert [(t.pos_, str(t.morph), t.lemma_) for t in doc][:5] == [
        ("", "", ""), ("PROPN", "Number=Sing", "camp"), ("", "", ""), ("", "", ""),
        ("PROPN", "Number=Sing", "camp")]
