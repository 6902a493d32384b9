"""Attach each figure to what it counts, where and when, using the parse and the sentence."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .tokens import annotated, token_at

_COPULAS = {"be", "is", "are", "was", "were", "been", "being", "remain", "remained", "remains"}
_SKIP_AFTER = {"of", "more", "additional", "extra", "other", "new", "further", "fewer", "less", "own"}
_NOT_UNITS = {"%", "year", "years", "time", "times", "percent", "cent", "per"}
_NOT_PLACES = {"islamic state", "is", "isis", "isil", "daesh"}


def figure_tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def counted_noun(doc: Doc, core_start: int, core_end: int, figure_end: int) -> str | None:
    """What a count counts: the noun it modifies ("150 detainees"), the noun after "of"
    ("thousands of women"), or the complement of a copula ("14,500 are Syrians")."""
    core = figure_tokens(doc, core_start, core_end)
    if core is None or len(core) == 0:
        return None
    if not annotated(doc, "TAG"):
        return _next_words(doc, figure_end)
    number = core[-1]
    head = number.head
    if number.dep_ in ("nummod", "quantmod", "compound") and nounish(head) and head.i > number.i:
        return _noun_phrase(head, number.i + 1)
    first = token_at(doc, figure_end)
    start = first if first < len(doc) else core.end
    noun = _next_noun(doc, start, number.sent.end)
    if noun is not None:
        return _noun_phrase(noun, start)
    if number.dep_ in ("nsubj", "nsubjpass") and (head.lower_ in _COPULAS or head.lemma_ == "be"):
        # "14,500 are Syrians" (the pipeline runs without a lemmatizer: the form decides)
        for child in head.children:
            if child.dep_ in ("attr", "acomp") and child.pos_ in ("NOUN", "PROPN"):
                return _noun_phrase(child)
    if number.dep_ == "pobj" and head.dep_ in ("quantmod", "nummod", "amod"):
        target = head.head
        if target.pos_ in ("NOUN", "PROPN"):
            return _noun_phrase(target)
    return None


_FUNCTION_WORDS = {"of", "the", "a", "an", "its", "their", "his", "her", "our", "more", "extra", "new",
                   "additional", "further", "other", "own"}


def _next_words(doc: Doc, figure_end: int) -> str | None:
    """Without a tagger (fast mode): the word after a figure, skipping "of the", with an
    all-caps name before it ("IS operatives")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    first = token_at(doc, figure_end)
    words = [t for t in doc[first : first + 6] if not t.is_space]
    while words and words[0].lower_ in _FUNCTION_WORDS:
        words = words[1:]
    if not words or not words[0].is_alpha or words[0].lower_ in STOP_WORDS or words[0].lower_ in _NOT_UNITS:
        return None
    if words[0].is_upper and len(words) > 1 and words[1].is_alpha and words[1].lower_ not in STOP_WORDS:
        return f"{words[0].text} {words[1].text}"
    return words[0].text


def _next_noun(doc: Doc, start: int, limit: int) -> Token | None:
    """The first noun after a figure, skipping "of" and adjectives, stopping at verbs and
    punctuation (except the hyphens of "IS-linked")."""
    i = start
    steps = 0
    while i < min(limit, len(doc)) and steps < 6:
        token = doc[i]
        if (token.lower_ in _SKIP_AFTER or token.pos_ in ("ADJ", "ADV", "DET", "NUM")
                or token.tag_ == "PRP$" or token.text in ("-", "–")):
            i, steps = i + 1, steps + 1
            continue
        if token.pos_ == "VERB" and token.tag_ == "VBN" and i + 1 < len(doc) and doc[i + 1].pos_ == "NOUN":
            i, steps = i + 1, steps + 1  # "IS-linked detainees"
            continue
        if nounish(token) and token.lower_ not in _NOT_UNITS:
            while i + 1 < min(limit, len(doc)) and nounish(doc[i + 1]) and (
                doc[i].dep_ == "compound" or doc[i].is_upper or doc[i + 1].dep_ == "compound"
            ):
                i += 1
            return doc[i]
        return None
    return None


def nounish(token: Token) -> bool:
    """Nouns, and all-caps names the tagger reads as verbs ("IS operatives"); never a symbol the
    tagger takes for a noun (a table's "|")."""
    if not any(ch.isalpha() for ch in token.text):
        return False
    return token.pos_ in ("NOUN", "PROPN") or (token.is_upper and len(token) > 1 and token.is_alpha)


def _noun_phrase(noun: Token, first: int = 0) -> str | None:
    """The noun with its compound and proper-noun modifiers ("IS operatives", "US soldiers"),
    never reaching back before token `first` (the end of the figure)."""
    if noun.lower_ in _NOT_UNITS:
        return None
    left = noun.i
    doc = noun.doc
    while left - 1 >= first and nounish(doc[left - 1]) and (
        doc[left - 1].dep_ == "compound" or doc[left - 1].is_upper
    ):
        left -= 1
    return doc[left : noun.i + 1].text


def nearest(items, start: int, end: int, sentence: tuple[int, int]):
    """The item in the same sentence closest to [start, end), preferring one after it."""
    low, high = sentence
    best, best_distance = None, None
    for item in items:
        if item.start < low or item.end > high or (item.start < end and start < item.end):
            continue
        distance = item.start - end if item.start >= end else (start - item.end) + 1000
        if best_distance is None or distance < best_distance:
            best, best_distance = item, distance
    return best


def is_place_name(text: str) -> bool:
    return text.lower() not in _NOT_PLACES
