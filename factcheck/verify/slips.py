"""`restated-differently` without a shared place and date: a slip of the keys, transposed or
mistyped digits ("2,300 people" ... "3,200 workers", "18,412 votes" ... "18,142 votes"), or one
figure given per day or per year twice; with both shared (and linked to the reference set), any two
values that cannot agree."""

from __future__ import annotations

import re
from collections import defaultdict

from .common import bounds, disjoint, finding, frames_disagree, is_point, place_key, unit_head
from .pairs import WINDOW

_WORKFORCE = {"people", "person", "worker", "staff", "employee", "job"}


def check(numbers, text: str) -> list:
    return _slips(numbers, text)


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
    if min(len(da.rstrip("0")), len(db.rstrip("0"))) < 2:
        return False  # "9 million" and "1 million": round figures differ in their one digit, no slip
    if sorted(da) == sorted(db):
        return True
    same_noun = unit_head(a.unit) == unit_head(b.unit)
    return same_noun and sum(x != y for x, y in zip(da, db)) == 1 and len(da) >= 4


def _digits(value) -> str:
    return str(value).replace(".", "").lstrip("0")
