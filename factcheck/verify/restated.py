"""`restated-differently`: one figure given twice in a story, differently.

Two figures whose frames agree (measure, place, period, role) are still not one fact: "35 people
fell ill" and "3 people died" share every frame field. A pair is read as one figure stated twice
only where the story's wording says so, and the frames must not say otherwise:
- the headline restates its lede: a headline figure that no figure of the first paragraph can
  match, against the lede figure of its kind nearest to it ("kills six" ... "Six people died");
- a definite figure points back to one already given: "the 35 people who fell ill", "All 16 of
  the cases" against the earlier figures that count the same thing;
- "a total of N" given twice for the same thing;
- the same people doing the same thing, in figures of one size: "Over 40 children have died" ...
  "42 children have died";
- with no shared place and date, a slip of the keys: transposed or mistyped digits ("2,300
  people" ... "3,200 workers"), or one figure given per day or per year twice.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict

from ..structure import Structure
from .common import (
    PEOPLE, bounds, disjoint, finding, frames_disagree, head, heads_agree, is_point, place_key, preceding,
    same_measure_kind, show, stated_place, unit_head,
)

_KINDS = ("count", "money", "quantity", "percent")
_WORKFORCE = {"people", "person", "worker", "staff", "employee", "job"}
# Restated figures are the same order of size; a figure four times another is another figure.
_FACTOR = 4.0

# A story states a figure again within a few hundred figures of the same kind: each statement is
# compared with at most this many earlier distinct statements, which keeps the rule linear in the
# story's length (a 1M-character archive would otherwise cost its figures squared).
WINDOW = 300


def check(claims, text: str) -> list:
    numbers = [c for c in claims if c.kind in _KINDS]
    found = _headline(numbers, text) + _definite(numbers, text) + _totals(numbers, text) + \
        _same_predicate(numbers, text) + _slips(numbers, text)
    out, seen = [], set()
    for f in found:
        key = frozenset(f.claims)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _report(a, b, severity: str, why: str):
    return finding("restated-differently", severity,
                   f"{show(a)} (line {a.line}) and {show(b)} (line {b.line}) look like one figure stated "
                   f"twice ({why}), but their intervals do not meet", [a, b])


def _severity(a, b) -> str:
    """An error only when both frames name the same measure and their sentences the same place."""
    place = stated_place(a)
    return "error" if heads_agree(a, b) and place and place == stated_place(b) else "warning"


def _near(a, b) -> bool:
    if a.value <= 0 or b.value <= 0:
        return a.value == b.value
    return abs(math.log(a.value / b.value)) <= math.log(_FACTOR)


def _comparable(a, b, *, places: bool = True) -> bool:
    """Figures that could be one figure: same kind and unit, frames not disagreeing, same size.
    `places=False` lets two stated places differ: a headline names the country ("Philippines"),
    its lede the town ("Pandi")."""
    return same_measure_kind(a, b) and not frames_disagree(a, b, places=places) and _near(a, b)


# ---------------------------------------------------------------- headline and lede


def _headline(numbers, text: str) -> list:
    """A headline figure that no figure of its kind in the lede can match, against the lede
    figure that most likely restates it: same measure first, then the nearest in size."""
    structure = Structure(text)
    headline, lede = structure.headline, structure.lede
    if headline is None or lede is None:
        return []
    out = []
    ends = _sentence_ends(text, *lede)
    window_end, first_end = ends[min(len(ends), _LEDE_SENTENCES) - 1], ends[0]
    body = [c for c in numbers if lede[0] <= c.start < window_end]
    for h in (c for c in numbers if headline[0] <= c.start < headline[1]):
        same = [c for c in body if same_measure_kind(h, c)]
        if not same or any(_matches(h, c) for c in same):
            continue
        candidates = [c for c in same if _comparable(h, c, places=False)]
        if not candidates:
            continue
        # the lede's first sentence first (a headline restates it), then the same measure, then a
        # measure unknown on one side, then the nearest in size
        partner = min(candidates, key=lambda c: (c.start >= first_end, _head_rank(h, c), _distance(h, c)))
        out.append(_report(h, partner, _severity(h, partner),
                           "a headline figure that no figure of its kind in the story's first sentences matches"))
    return out


_LEDE_SENTENCES = 3  # a headline restates the first sentences of its story, not its whole first paragraph
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s+[\"'“‘(]*[A-Z0-9])")


def _sentence_ends(text: str, start: int, end: int) -> list[int]:
    ends = [m.end() for m in _SENTENCE_END.finditer(text, start, end)]
    return [*ends, end] if not ends or ends[-1] < end else ends


def _matches(a, b) -> bool:
    """ "over 80,000" matches "80,200", and "At least 35" matches "35"; "More than 400,000"
    does not match "85 million": an open interval matches only a figure of its size."""
    return not disjoint(bounds(a), bounds(b)) and _near(a, b)


def _head_rank(a, b) -> int:
    return 0 if heads_agree(a, b) else 2 if _heads_differ(a, b) else 1


def _distance(a, b) -> float:
    return abs(math.log(max(a.value, 1e-9) / max(b.value, 1e-9)))


def _heads_differ(a, b) -> bool:
    ha, hb = head(a), head(b)
    return bool(ha and hb and ha != hb)


# ---------------------------------------------------------------- definite figures

_DEFINITE = re.compile(r"(?:^|\W)(?:the|these|those|all|all the|all of the|both)\s+$", re.I)
_COMPARED = re.compile(r"\b(?:over|than|from|against|compared (?:with|to)|versus|up on|down on)\s+the\s+$", re.I)
_NOT_ANAPHORIC = re.compile(r"^\s*(?:[a-z]+est|most|top|first|last|next|previous|other|remaining|"
                            r"additional|new|more|extra|further|of (?:them|these|those))\b", re.I)


def _definite(numbers, text: str) -> list:
    """ "the 35 people who fell ill" names a figure the story gave before: it must match one of
    the earlier figures that count the same thing."""
    out = []
    for i, d in enumerate(numbers):
        if d.kind != "count" or d.qualifier != "exact" or not head(d):
            continue  # not ages: "The 26-year-old" may be the second person the story names
        before = preceding(text, d, 30)
        if not _DEFINITE.search(before) or _COMPARED.search(before) or _NOT_ANAPHORIC.match(text[d.end : d.end + 25]):
            continue
        before_d = [c for c in numbers[max(0, i - WINDOW) : i] if c.sentence_start != d.sentence_start and same_measure_kind(c, d)]
        if any(_may_be(c, d) and _matches(c, d) for c in before_d):
            continue  # "1,640 were seen ..." then "The 1,640 patients": a match, measure unknown or the same
        noun = _noun(d, text)
        earlier = [c for c in before_d if (heads_agree(c, d) or _names(c, noun, text)) and not frames_disagree(c, d)]
        if not earlier:
            out += _just_before(d, before_d, text)
            continue
        if any(not disjoint(bounds(c), bounds(d)) for c in earlier):
            continue
        if re.search(r"\ball\s+(?:the\s+|of the\s+)?$", before, re.I) and all(c.value < d.value for c in earlier):
            continue  # "three herbal preparations ... All four preparations": the whole of what came before
        if _SUBSET.match(text[d.end : d.end + 40]) and all(c.value > d.value for c in earlier):
            continue  # "12 protesters ... The three protesters who were injured": some of them
        nearest = sorted((c for c in earlier if _near(c, d)), key=lambda c: (_distance(c, d), -c.start))
        if nearest:
            out.append(_report(nearest[0], d, "warning",
                               f"\u201c{preceding(text, d, 20).split()[-1]} {d.text}\u201d points back to a figure already "
                               f"given, and no earlier figure of {head(d)} matches it"))
    return out


# "The three protesters who were injured": a relative clause may pick some of the people before
_SUBSET = re.compile(r"^\s+[a-z]+\s+(?:who|that|which|whom|whose|still|remaining|left|among)\b", re.I)


def _may_be(a, b) -> bool:
    """Whether two figures may count the same thing: the same head, one unknown, or both people
    ("three patients" ... "the three cases")."""
    return not _heads_differ(a, b) or (head(a) in PEOPLE and head(b) in PEOPLE)


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
    if frames_disagree(antecedent, d, places=False) or not _near(antecedent, d) \
            or not disjoint(bounds(antecedent), bounds(d)):  # places: "at MC Market" ... "Act of the Philippines"
        return []
    return [_report(antecedent, d, "warning",
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


# ---------------------------------------------------------------- totals

_TOTAL = re.compile(r"\ba total of\s+$", re.I)


def _totals(numbers, text: str) -> list:
    """ "a total of four deaths" ... "a total of five deaths": one total stated twice."""
    totals = [c for c in numbers if c.kind == "count" and head(c) and _TOTAL.search(preceding(text, c, 15))]
    out = []
    for i, a in enumerate(totals):
        for b in totals[i + 1 : i + 1 + WINDOW]:
            if a.sentence_start != b.sentence_start and heads_agree(a, b) and _comparable(a, b) \
                    and disjoint(bounds(a), bounds(b)):
                out.append(_report(a, b, _severity(a, b), f"both are \u201ca total of\u201d {head(a)}"))
    return out


# ---------------------------------------------------------------- one predicate twice

_AUXILIARY = {"have", "has", "had", "been", "were", "was", "are", "is", "be", "being", "all", "now",
              "already", "reportedly", "also", "still", "so", "far"}
_PREDICATE_FACTOR = 1.5  # a slip of the keys, not another figure: "Over 40 children have died" ... "42"


def _predicate(claim, text: str) -> str | None:
    """The verb after a figure's noun, auxiliaries skipped: "42 children have died" -> "died"."""
    words = re.findall(r"[A-Za-z]+|[.,;:!?()]", text[claim.end : claim.end + 60])[1:5]
    for word in words:
        if not word.isalpha():
            return None
        if word.lower() not in _AUXILIARY:
            return word.lower() if re.search(r"(?:ed|ing)$", word.lower()) else None
    return None


def _same_predicate(numbers, text: str) -> list:
    """ "Over 40 children have died" ... "42 children have died from it": the same people doing the
    same thing, in figures of one size (within half again), cannot be two values. Not under ten:
    "Five people died in Leeds ... seven people died in York" are two events more often than a slip."""
    out = []
    said = [(c, _predicate(c, text)) for c in numbers if c.kind == "count" and head(c) and c.value >= 10]
    said = [(c, verb) for c, verb in said if verb]
    for i, (a, verb) in enumerate(said):
        for b, other in said[i + 1 : i + 1 + WINDOW]:
            if other != verb or a.sentence_start == b.sentence_start or not heads_agree(a, b) \
                    or frames_disagree(a, b) or a.value <= 0 or b.value <= 0:
                continue
            if abs(math.log(a.value / b.value)) <= math.log(_PREDICATE_FACTOR) and disjoint(bounds(a), bounds(b)):
                out.append(_report(a, b, "warning", f"both count {head(a)} {verb}"))
    return out


# ---------------------------------------------------------------- slips of the keys


def _slips(numbers, text: str) -> list:
    """Without a shared place and date: transposed or mistyped digits, or one rate given twice;
    with both shared (and linked to the reference set), any two values that cannot agree."""
    out = []
    buckets: dict[tuple, list] = defaultdict(list)
    seen: set[tuple] = set()
    for claim in numbers:
        if claim.kind not in ("count", "money") or not claim.unit or not is_point(claim):
            continue
        key = _statement(claim, text)
        if key in seen:
            continue  # the very same statement again adds no pair the first did not
        seen.add(key)
        bucket = buckets[_bucket(claim)]
        for earlier in bucket[-WINDOW:]:
            if _restated_differently(earlier, claim, text):
                out.append(finding(
                    "restated-differently", "warning",
                    f"{earlier.text} {earlier.unit} (line {earlier.line}) and {claim.text} {claim.unit} "
                    f"(line {claim.line}) look like the same figure stated differently", [earlier, claim]))
        bucket.append(claim)
    return out


def _bucket(claim) -> tuple:
    """Claims that can be the same thing share a bucket: money by currency, counts by head noun
    (every workforce word in one)."""
    if claim.kind == "money":
        return ("money", claim.unit)
    noun = unit_head(claim.unit)
    return ("count", "workforce" if noun in _WORKFORCE else noun)


def _statement(claim, text: str) -> tuple:
    return (claim.kind, claim.unit, claim.value, claim.value_end, claim.qualifier,
            claim.place.id if claim.place else None, claim.place.text if claim.place else None,
            claim.date.value if claim.date else None, _rate(claim, text))


def _restated_differently(a, b, text: str) -> bool:
    if a.sentence_start == b.sentence_start or not _same_thing(a, b) or frames_disagree(a, b):
        return False
    if _places_differ(a, b) or not disjoint(bounds(a), bounds(b)):
        return False
    same_context = (a.place and b.place and a.place.id and a.place.id == b.place.id
                    and a.date and b.date and a.date.value == b.date.value)
    rate = _rate(a, text)
    same_rate = (a.kind == "count" and rate is not None and rate == _rate(b, text)
                 and _no_other_context(a, b))
    return bool(same_context or same_rate
                or (a.kind == "count" and a.qualifier == b.qualifier == "exact" and _slip(a, b)))


def _places_differ(a, b) -> bool:
    """Two frames that both name a place (stated or inherited) name different ones."""
    pa, pb = place_key(a), place_key(b)
    return bool(pa and pb and pa != pb)


_RATE = re.compile(r"^[^.;\n]{0,40}?\b(?:a|per|each|every)\s+(day|weekday|week|month|year)\b", re.I)


def _rate(claim, text: str) -> str | None:
    """ "41,000 vehicles a day" -> "day": a figure given per period."""
    match = _RATE.match(text[claim.end : claim.end + 60])
    return match.group(1).lower() if match else None


def _no_other_context(a, b) -> bool:
    """Neither statement is tied to a different place or date than the other."""
    if a.place and b.place and (a.place.id or a.place.text) != (b.place.id or b.place.text):
        return False
    return not (a.date and b.date and a.date.value != b.date.value)


def _same_thing(a, b) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind == "money":
        return a.unit == b.unit
    ha, hb = unit_head(a.unit), unit_head(b.unit)
    return ha == hb or (ha in _WORKFORCE and hb in _WORKFORCE)


def _slip(a, b) -> bool:
    """Same digits in another order; or, for the very same noun, one digit changed (figures of
    the same length, four digits or more)."""
    da, db = _digits(a.value), _digits(b.value)
    if len(da) != len(db) or len(da) < 3 or da == db:
        return False
    if sorted(da) == sorted(db):
        return True
    same_noun = unit_head(a.unit) == unit_head(b.unit)
    return same_noun and sum(x != y for x, y in zip(da, db)) == 1 and len(da) >= 4


def _digits(value) -> str:
    return str(value).replace(".", "").lstrip("0")
