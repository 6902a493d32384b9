"""`restated-differently` for a period given twice: "from 15 November to 3 January" ... "between 15
November and 5 January". Two ranges of dates in one story that share one end and not the other
state one period two ways, and one of them is wrong. A range is two date claims joined by "from X
to / until / till / through Y" or "between X and Y"; ends are compared as the day, or the month and
year, they name. A warning: two periods may share an end ("from 1 May to 3 May ... from 1 May to 9
May" can both be true), so the pairing is inferred."""

from __future__ import annotations

import re

from .common import finding, head
from .days import MONTHS, day_of

_FROM = re.compile(r"\b(?:from|between)\s+$", re.I)
_TO = re.compile(r"^\s*(?:,\s*)?(?:to|until|till|through|and|[-\u2013])\s*$", re.I)
_MONTH_YEAR = re.compile(r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?,?\s+(1[89]\d\d|20\d\d)\b", re.I)


def check(claims, text: str) -> list:
    dates = sorted((c for c in claims if c.kind == "date"), key=lambda c: c.start)
    ranges = []
    for a, b in zip(dates, dates[1:]):
        if _FROM.search(text[max(0, a.start - 10) : a.start]) and _TO.match(text[a.end : b.start]):
            ends = (_end(a.text), _end(b.text))
            if None not in ends:
                ranges.append((a, b, ends))
    out = []
    dated = _dated_heads(claims)
    for i, (a1, b1, (s1, e1)) in enumerate(ranges):
        for a2, b2, (s2, e2) in ranges[i + 1 :]:
            if (s1 == s2) == (e1 == e2):
                continue  # the same period twice, or two periods
            h1, h2 = dated.get(a1.sentence_start, set()), dated.get(a2.sentence_start, set())
            if h1 and h2 and not h1 & h2:
                continue  # "3,210 shooting victims between January 1 and September 26" ... "2,521 shooting
                # incidents between January 1 and September 18": periods of different counts, both may hold
            if s1 == s2:
                differ = (b1, b2)
            else:
                differ = (a1, a2)
            out.append(finding(
                "restated-differently", "warning",
                f"the period {a1.text!r} to {b1.text!r} (line {a1.line}) and {a2.text!r} to {b2.text!r} "
                f"(line {a2.line}) share one end but not the other: {differ[0].text!r} against "
                f"{differ[1].text!r} (no tolerance: dates are exact)", [*differ]))
    return out


def _dated_heads(claims) -> dict:
    """What the figures of each sentence count (their frames' heads), by sentence start."""
    heads: dict = {}
    for c in claims:
        if c.kind != "date" and c.sentence_start is not None and head(c):
            heads.setdefault(c.sentence_start, set()).add(head(c))
    return heads


def _end(text: str):
    """A range end as ('day', month, day) or ('month', year, month); None when it names neither."""
    day = day_of(text)
    if day is not None:
        return ("day", day[1], day[2])
    match = _MONTH_YEAR.search(text)
    if match:
        return ("month", int(match.group(2)), MONTHS[match.group(1).lower()])
    return None
