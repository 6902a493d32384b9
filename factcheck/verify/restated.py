"""`restated-differently`: one figure given twice in a story, differently.

Two figures whose frames agree (measure, place, period, role) are still not one fact: "35 people
fell ill" and "3 people died" share every frame field. A pair is read as one figure stated twice
only where the story's wording says so, and the frames must not say otherwise:
- the headline restates its lede: a headline figure that no figure of the first paragraph can
  match, against the lede figure of its kind nearest to it ("kills six" ... "Six people died");
- a definite figure points back to one already given: "the 35 people who fell ill", "All 16 of
  the cases" against the earlier figures that count the same thing (definite.py);
- "a total of N" given twice for the same thing;
- the same people doing the same thing, in figures of one size: "Over 40 children have died" ...
  "42 children have died";
- with no shared place and date, a slip of the keys: transposed or mistyped digits ("2,300
  people" ... "3,200 workers"), or one figure given per day or per year twice (slips.py).
"""

from __future__ import annotations

import math
import re

from ..structure import Structure
from . import definite, slips
from .common import bounds, disjoint, frames_disagree, head, heads_agree, preceding, same_measure_kind
from .pairs import WINDOW, comparable, distance, heads_differ, matches, report, severity

_KINDS = ("count", "money", "quantity", "percent")


def check(claims, text: str) -> list:
    numbers = [c for c in claims if c.kind in _KINDS]
    found = _headline(numbers, text) + definite.check(numbers, text) + _totals(numbers, text) + \
        _same_predicate(numbers, text) + slips.check(numbers, text)
    out, seen = [], set()
    for f in found:
        key = frozenset(f.claims)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


# ---------------------------------------------------------------- headline and lede


def _headline(numbers, text: str) -> list:
    """A headline figure that no figure of its kind in the lede can match, against the lede
    figure that most likely restates it: same measure first, then the nearest in size. Figures
    of different measures are never paired ("300 stores" is not "1,200 jobs")."""
    structure = Structure(text)
    headline, lede = structure.headline, structure.lede
    if headline is None or lede is None:
        return []
    out = []
    ends = _sentence_ends(text, *lede)
    window_end, first_end = ends[min(len(ends), _LEDE_SENTENCES) - 1], ends[0]
    body = [c for c in numbers if lede[0] <= c.start < window_end]
    for h in (c for c in numbers if headline[0] <= c.start < headline[1]):
        if _WINDOW.search(preceding(text, h, 20)):
            continue  # "lost once in their last six games": how far back it looks, not what it counts
        same = [c for c in body if same_measure_kind(h, c)]
        if not same or any(matches(h, c) for c in same):
            continue
        candidates = [c for c in same if comparable(h, c, places=False) and not heads_differ(h, c)]
        if not candidates:
            continue
        # the lede's first sentence first (a headline restates it), then the same measure, then a
        # measure unknown on one side, then the nearest in size
        partner = min(candidates, key=lambda c: (c.start >= first_end, _head_rank(h, c), distance(h, c)))
        out.append(report(h, partner, "warning",  # the pairing is inferred from the story's shape
                           "a headline figure that no figure of its kind in the story's first sentences matches"))
    return out


_WINDOW = re.compile(r"\b(?:last|past|next|first|previous|latest|final|opening)\s+$", re.I)
_LEDE_SENTENCES = 3  # a headline restates the first sentences of its story, not its whole first paragraph
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s+[\"'“‘(]*[A-Z0-9])")


def _sentence_ends(text: str, start: int, end: int) -> list[int]:
    ends = [m.end() for m in _SENTENCE_END.finditer(text, start, end)]
    return [*ends, end] if not ends or ends[-1] < end else ends


def _head_rank(a, b) -> int:
    return 0 if heads_agree(a, b) else 2 if heads_differ(a, b) else 1


# ---------------------------------------------------------------- totals

_TOTAL = re.compile(r"\ba total of\s+$", re.I)


def _totals(numbers, text: str) -> list:
    """ "a total of four deaths" ... "a total of five deaths": one total stated twice."""
    totals = [c for c in numbers if c.kind == "count" and head(c) and _TOTAL.search(preceding(text, c, 15))]
    out = []
    for i, a in enumerate(totals):
        for b in totals[i + 1 : i + 1 + WINDOW]:
            if a.sentence_start != b.sentence_start and heads_agree(a, b) and comparable(a, b) \
                    and disjoint(bounds(a), bounds(b)):
                out.append(report(a, b, severity(a, b), f"both are \u201ca total of\u201d {head(a)}"))
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
                out.append(report(a, b, "warning", f"both count {head(a)} {verb}"))
    return out


