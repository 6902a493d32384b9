"""The `factcheck_numbers` component: figures (counts, money, percentages, measures) as
`doc._.fc_figures`, read by `figures.find_figures` and filtered with what the parse knows."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .figures import Figure, find_figures
from .masks import Ranges, masked_ranges
from .tokens import annotated, text_of

# Entities whose digits are part of a name, not a figure ("Boeing 737", "Apollo 11").
_NAME_LABELS = {"PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "FAC"}
_NOT_ONE_BEFORE = {"the", "this", "that", "any", "no", "every", "each", "which", "another",
                   "such", "someone", "anyone", "everyone", "last", "very"}
# "one thing", "one particular practice", "one big question": a manner of speaking, not a count
_NOT_ONE_AFTER = {"of", "-", "another", "day", "time", "way", "thing", "particular", "direct", "big",
                  "key", "major", "main", "important", "possible", "such", "reason", "example",
                  "question", "problem", "option", "idea", "aspect", "side", "hand", "point",
                  "explanation", "theory", "approach", "possibility", "concern", "issue", "factor"}
_CASE_WORDS = {"confirmed", "suspected", "probable", "reported", "new", "more", "additional",
               "further", "known", "recorded", "registered", "documented"}
# "fourteen in Nova Scotia, eight in Alberta, one in New Brunswick": one item of a list of counts
_LIST_OF_COUNTS = re.compile(r"(?:\d|\b[a-z]+) in [A-Z][\w .'-]*,\s*(?:and\s+)?$")


class NumberFinder:
    def __init__(self, name: str = "factcheck_numbers"):
        self.name = name
        if not Doc.has_extension("fc_figures"):
            Doc.set_extension("fc_figures", default=None)

    def __call__(self, doc: Doc) -> Doc:
        dates = doc._.fc_dates or ()
        masks = Ranges([*masked_ranges(doc, names=True), *((d.start, d.end) for d in dates)])
        text = text_of(doc)
        date_ends = {d.end for d in dates}
        figures = [f for f in find_figures(text, masks)
                   if self._is_figure(doc, f) and not _ends_a_date_range(text, f, date_ends)]
        doc._.fc_figures = figures
        return doc

    def _is_figure(self, doc: Doc, figure: Figure) -> bool:
        span = doc.char_span(figure.core_start, figure.core_end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return True
        if any(t.ent_type_ in _NAME_LABELS for t in span) and figure.kind == "count":
            return False
        if figure.words and figure.text.lower() == "one":
            return _one_is_a_count(span[0])
        return True


def _ends_a_date_range(text: str, figure: Figure, date_ends: set[int]) -> bool:
    """ "October 8–9", "May 13-15": the day after the dash belongs to the date."""
    if figure.kind != "count" or figure.words or figure.value > 31 or figure.start != figure.core_start:
        return False
    dash = re.search(r"[-–]\s?$", text[max(0, figure.start - 2) : figure.start])
    return dash is not None and (figure.start - len(dash.group())) in date_ends


def _one_is_a_count(token) -> bool:
    """ "one" counts only as a number modifying a noun: not "one of the", "no one", "one day"."""
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    previous = doc[token.i - 1] if token.i > 0 else None
    if following is None or following.lower_ in _NOT_ONE_AFTER:
        return False
    after = doc[token.i + 2] if token.i + 2 < len(doc) else None
    if following.lower_ == "in" and after is not None and after.is_title \
            and _LIST_OF_COUNTS.search(doc.text[max(0, token.idx - 80) : token.idx]):
        return True
    if previous is not None and previous.lower_ in _NOT_ONE_BEFORE:
        return False
    if not annotated(doc, "DEP"):  # fast mode: "one person", not "one of"
        return following.is_alpha and following.is_lower and following.lower_ not in ("in", "or", "and", "to")
    if re.search(r"\b(?:and|while|whereas)\s+the other\b", doc.text[token.idx : token.sent.end_char]
                 if annotated(doc, "SENT_START") else doc.text[token.idx : token.idx + 200]):
        return False  # "one group received X and the other Y": one of two, not a count
    if token.dep_ == "nummod":
        return True
    # the parser reads "with one confirmed death" as "one confirmed (a verb) death"
    return following.lower_ in _CASE_WORDS and after is not None and after.pos_ == "NOUN"


@Language.factory("factcheck_numbers", requires=["doc._.fc_dates"], assigns=["doc._.fc_figures"])
def make_number_finder(nlp: Language, name: str) -> NumberFinder:
    return NumberFinder(name)
