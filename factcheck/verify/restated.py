"""`restated-differently`: one figure given twice in a story, differently. Two statements are the
same fact when they count the same thing (same head noun, or both a workforce) at the same place
and time. Without a shared place and date, only a slip of the keys is flagged: transposed or
mistyped digits ("2,300 people" ... "3,200 workers", "18,412 votes" ... "18,142 votes")."""

from __future__ import annotations

import re

from .common import bounds, disjoint, finding, is_point, unit_head

_WORKFORCE = {"people", "person", "worker", "staff", "employee", "job"}


def check(claims, text: str) -> list:
    out = []
    numbers = [c for c in claims if c.kind in ("count", "money") and c.unit and is_point(c)]
    for i, a in enumerate(numbers):
        for b in numbers[i + 1 :]:
            if a.sentence_start == b.sentence_start or not _same_thing(a, b):
                continue
            if not disjoint(bounds(a), bounds(b)):
                continue
            same_context = (a.place and b.place and a.place.id and a.place.id == b.place.id
                            and a.date and b.date and a.date.value == b.date.value)
            rate = _rate(a, text)
            same_rate = (a.kind == "count" and rate is not None and rate == _rate(b, text)
                         and _no_other_context(a, b))
            if same_context or same_rate or (a.kind == "count" and a.qualifier == b.qualifier == "exact" and _slip(a, b)):
                out.append(finding(
                    "restated-differently", "warning",
                    f"{a.text} {a.unit} (line {a.line}) and {b.text} {b.unit} (line {b.line}) look like "
                    f"the same figure stated differently", [a, b]))
    return out


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
