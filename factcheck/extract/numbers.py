"""The `factcheck_numbers` component: figures (counts, money, percentages, measures) as
`doc._.fc_figures`, read by `figures.find_figures` and filtered with what the parse knows."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .figures import Figure, find_figures
from .masks import Ranges, masked_ranges
from .tokens import annotated, text_of

# Entities whose digits are part of a name, not a figure ("Boeing 737", "Apollo 11").
_NAME_LABELS = {"PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "FAC"}
_NOT_ONE_BEFORE = {"the", "this", "that", "any", "no", "every", "each", "which", "another",
                   "such", "someone", "anyone", "everyone", "only", "last", "very"}


class NumberFinder:
    def __init__(self, name: str = "factcheck_numbers"):
        self.name = name
        if not Doc.has_extension("fc_figures"):
            Doc.set_extension("fc_figures", default=None)

    def __call__(self, doc: Doc) -> Doc:
        masks = Ranges([*masked_ranges(doc, names=True), *((d.start, d.end) for d in (doc._.fc_dates or ()))])
        figures = [f for f in find_figures(text_of(doc), masks) if self._is_figure(doc, f)]
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


def _one_is_a_count(token) -> bool:
    """ "one" counts only as a number modifying a noun: not "one of the", "no one", "one day"."""
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    previous = doc[token.i - 1] if token.i > 0 else None
    if following is None or following.lower_ in ("of", "-", "another", "day", "time", "way"):
        return False
    if previous is not None and previous.lower_ in _NOT_ONE_BEFORE:
        return False
    if not annotated(doc, "DEP"):  # fast mode: "one person", not "one of"
        return following.is_alpha and following.is_lower and following.lower_ not in ("in", "or", "and", "to")
    return token.dep_ == "nummod"


@Language.factory("factcheck_numbers", assigns=["doc._.fc_figures"])
def make_number_finder(nlp: Language, name: str) -> NumberFinder:
    return NumberFinder(name)
