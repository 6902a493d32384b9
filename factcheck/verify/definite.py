"""`restated-differently` for a definite figure: "the 35 people who fell ill", "All 16 of the cases",
"The four suspects" name a figure the story gave before, so one of the earlier figures that count
the same thing must match it. Not a comparison ("over the 25 suspected cases"), not the whole of
what came before ("three herbal preparations ... All four preparations"), not some of them ("12
protesters ... The three protesters who were injured")."""

from __future__ import annotations

import bisect
import re

from .common import (
    PEOPLE, bounds, compound_modifier, disjoint, frames_disagree, head, heads_agree, preceding, role_class,
    same_head, same_measure_kind, stated_place, unit_head,
)
from .pairs import WINDOW, distance, heads_differ, matches, near, report


def check(numbers, text: str) -> list:
    return _definite(numbers, text)


_DEFINITE = re.compile(r"(?:^|\W)(?:the|these|those|all|all the|all of the|both)\s+$", re.I)
_COMPARED = re.compile(r"\b(?:over|than|from|against|compared (?:with|to)|versus|up on|down on)\s+the\s+$", re.I)
_NOT_ANAPHORIC = re.compile(r"^\s*(?:[a-z]+est|most|top|first|last|next|previous|other|remaining|"
                            r"additional|new|more|extra|further|of (?:them|these|those))\b", re.I)


def _definite(numbers, text: str) -> list:
    """ "the 35 people who fell ill" names a figure the story gave before: it must match one of
    the earlier figures that count the same thing."""
    out, ends = [], None
    for i, d in enumerate(numbers):
        if d.kind != "count" or d.qualifier != "exact" or not head(d) or compound_modifier(d, text):
            continue  # not ages: "The 26-year-old" may be the second person the story names; "the
            # four-course resort": "the" goes with the resort
        before = preceding(text, d, 30)
        if not _DEFINITE.search(before) or _COMPARED.search(before) or _NOT_ANAPHORIC.match(text[d.end : d.end + 25]):
            continue
        before_d = [c for c in numbers[max(0, i - WINDOW) : i]
                    if c.sentence_start != d.sentence_start and same_measure_kind(c, d)
                    and not compound_modifier(c, text) and not _PART_OF.match(text[c.end : c.end + 20])]
        if any(_may_be(c, d) and matches(c, d) for c in before_d):
            continue  # "1,640 were seen ..." then "The 1,640 patients": a match, measure unknown or the same
        noun = _noun(d, text)
        earlier = [c for c in before_d if (heads_agree(c, d) or _names(c, noun, text)) and not _disagree(c, d)]
        if re.search(r"\b(?:these|those)\s+$", before, re.I):  # "those three states": what was just said
            if ends is None:  # the story's sentence ends, read once: counted by bisection, not re-scanned
                ends = [m.start() for m in _SENTENCE_END.finditer(text)]
            earlier = [c for c in earlier if bisect.bisect_left(ends, d.start) - bisect.bisect_left(ends, c.end)
                       <= _DEMONSTRATIVE_REACH]
        if not earlier:
            out += _just_before(d, before_d, text)
            continue
        if any(not disjoint(bounds(c), bounds(d)) for c in earlier):
            continue
        if re.search(r"\ball\s+(?:the\s+|of the\s+)?$", before, re.I) and all(c.value < d.value for c in earlier):
            continue  # "three herbal preparations ... All four preparations": the whole of what came before
        if _SUBSET.match(text[d.end : d.end + 40]) and all(c.value > d.value for c in earlier) \
                and not any(_same_predicate(d, c, text) for c in earlier):
            continue  # "12 protesters ... The three protesters who were injured": some of them
        nearest = sorted((c for c in earlier if near(c, d)), key=lambda c: (distance(c, d), -c.start))
        if nearest and not _described_anew(d, nearest[:1], text):  # "26 MPs were absent ... the 19 SLFP MPs
            # who voted against": the words that pick the group out are not the antecedent's: another group
            out.append(report(nearest[0], d, "warning",
                               f"\u201c{preceding(text, d, 20).split()[-1]} {d.text}\u201d points back to a figure already "
                               f"given, and no earlier figure of {head(d)} matches it"))
    return out


# "At stake in those three states": a demonstrative points back over the last few sentences, not
# to a figure of the same noun pages before (the states it means may be named, not counted)
_DEMONSTRATIVE_REACH = 3
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s")

# "four of those states": a part of a group, not a group the story can name again
_PART_OF = re.compile(r"^\s+of\s+(?:the|those|these|them|its|their|all)\b", re.I)
_FUNCTION_WORDS = {"the", "and", "for", "with", "from", "into", "onto", "its", "their", "his", "her", "our",
                   "this", "that", "these", "those", "all", "who", "which", "whom", "were", "was", "are"}


def _described_anew(d, earlier, text: str) -> bool:
    """Whether the definite figure's noun phrase describes its group with a word that none of the
    sentences of the earlier figures uses: "26 MPs were absent ... the 19 SLFP MPs", "about 5,500
    troops ... the 7,500 elite troops", "four SLFP members ... the six members of the JVP" name
    another group than the one counted before, not the same one again."""
    phrase = d.frame.measure if d.frame is not None and d.frame.measure else ""
    rest = text[d.end : d.end + 60]
    if phrase and phrase in rest:  # the words between the figure and its measure describe it too
        phrase = rest[: rest.index(phrase) + len(phrase)]
        rest = rest[len(phrase) :]
    of = re.match(r"\s+of\s+((?:the\s+)?[A-Za-z][\w-]*(?:\s+[A-Z][\w-]*)*)", rest)
    described = {w for w in re.findall(r"[a-z]{3,}", f"{phrase} {of.group(1) if of else ''}".lower())}
    described = {w for w in described - _FUNCTION_WORDS if not same_head(unit_head(w), head(d))}  # its own noun
    said = set()
    for c in earlier:
        lo = c.sentence_start if c.sentence_start is not None else max(0, c.start - 200)
        said |= set(re.findall(r"[a-z]{3,}", text[lo : c.sentence_end or c.end + 200].lower()))
    return any(w not in said and w.rstrip("s") not in said and f"{w}s" not in said for w in described)


# "The three protesters who were injured": a relative clause may pick some of the people before
_SUBSET = re.compile(r"^\s+[a-z]+\s+(?:who|that|which|whom|whose|where|still|remaining|left|among)\b", re.I)


_AUX = {"were", "was", "are", "is", "have", "has", "had", "been", "being", "who", "that", "which", "all", "also"}
_PREDICATE_END = re.compile(r"\b(?:by|after|before|from|in|at|on|with|for|to|of|during|since|because|and|but)\b|[.,;:!?()]")


def _predicate_words(clause: str) -> set[str]:
    """The predicate of a relative clause, up to its first preposition: "who fell ill by consuming
    the milk" -> {fell, ill}; "who were hospitalised after eating" -> {hospitalised}."""
    end = _PREDICATE_END.search(clause)
    words = re.findall(r"[a-z]{3,}", (clause[: end.start()] if end else clause).lower())
    return {w for w in words if w not in _AUX}


def _same_predicate(d, antecedent, text: str) -> bool:
    """ "At least 35 people ... have become ill" ... "the 35 people who fell ill": the relative clause
    says what the earlier sentence said of them, so it names all of them again, not some."""
    clause = re.match(r"^\s+[a-z]+\s+(?:who|that|which)\s+(.{0,60})", text[d.end : d.end + 80], re.I)
    if clause is None or antecedent.sentence_start is None:
        return False
    sentence = text[antecedent.sentence_start : antecedent.sentence_end or antecedent.end]
    said = set(re.findall(r"[a-z]{3,}", sentence.lower()))
    return bool(_predicate_words(clause.group(1)) & said)


def _disagree(a, b) -> bool:
    """Frames that disagree, except for two stated places one of which names the other ("in
    Mashonaland" ... "The five deaths resulted from 117 cases reported in the Mashonaland West"):
    a definite figure may point back to a figure placed less precisely."""
    roles = not _added_and_named(a, b)
    if not frames_disagree(a, b, roles=roles):
        return False
    if frames_disagree(a, b, places=False, roles=roles):
        return True
    pa, pb = set(stated_place(a).split()), set(stated_place(b).split())
    return not (pa <= pb or pb <= pa)


def _added_and_named(a, b) -> bool:
    """A count added ("A further 16 cases were confirmed", "8 cases to bring the total to 81") is a
    count of the things added, which a definite figure may name again ("All 16 of the cases
    confirmed on Thursday"): its role as a change does not make it another figure."""
    return a.kind == b.kind == "count" and {role_class(a), role_class(b)} == {"change", "level"}


def _may_be(a, b) -> bool:
    """Whether two figures may count the same thing: the same head, one unknown, or both people
    ("three patients" ... "the three cases")."""
    return not heads_differ(a, b) or (head(a) in PEOPLE and head(b) in PEOPLE)


def _just_before(d, before_d, text: str) -> list:
    """ "arrested four vendors ... The four suspects were charged": people named again in the very
    next sentence by another noun, when that sentence counts people once."""
    if head(d) not in PEOPLE or d.sentence_start is None:
        return []
    previous = [c for c in before_d if c.sentence_end is not None
                and not text[c.sentence_end : d.sentence_start].strip()]
    if len(previous) != 1 or head(previous[0]) not in PEOPLE:
        return []
    antecedent = previous[0]
    if _SUBSET.match(text[d.end : d.end + 40]) and antecedent.value > d.value:
        return []  # "The three protesters who were injured ...": some of them, not all again
    if frames_disagree(antecedent, d, places=False) or not near(antecedent, d) \
            or not disjoint(bounds(antecedent), bounds(d)):  # places: "at MC Market" ... "Act of the Philippines"
        return []
    return [report(antecedent, d, "warning",
                    f"\u201c{preceding(text, d, 20).split()[-1]} {d.text}\u201d points back to the one count of "
                    f"people in the sentence before")]


def _noun(claim, text: str) -> str | None:
    """The word right after a definite figure: "the 19 countries" -> "countries"."""
    match = re.match(r"\s+([a-z]{3,})\b", text[claim.end : claim.end + 30])
    return match.group(1).lower() if match else None


def _names(claim, noun: str | None, text: str) -> bool:
    """Whether the noun phrase after a figure ends in `noun`, when its frame read another head: "19
    West and Central African countries" counts countries."""
    if not noun:
        return False
    phrase = re.match(r"[^.,;:!?()\d\n]*", text[claim.end : claim.end + 60]).group(0)
    phrase = re.split(r"\b(?:of|in|at|for|from|to|by|with|who|which|that|were|was|are|is|have|has|had)\b",
                      phrase.lower())[0]
    return noun in phrase.split()[:6]
