"""`weekday-mismatch`: a weekday and a date that fall on different days, written together
("Wednesday, March 12, 2026") or in one clause ("on Tuesday at a meeting on 4 March"); and, when no
year is written, two weekdays each written with its date whose days apart disagree ("between
Monday November 1 and Friday November 5" holds, "Thursday November 1 and Friday November 5" cannot)."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .common import finding
from .days import WEEKDAYS, day_of, days_between, show_day

# a dash sets off an aside: "the attacks of Sept. 11, 2001 - that he used in Saturday's debate"
_CLAUSE_BREAK = re.compile(r"[.;!?\u2013\u2014]|\s-\s|\b(?:and|but|while|followed|then|after|before|until|since)\b",
                           re.I)
# "the last Thursday in November", "the first Monday of May": a rule for a day each year, not a date
_DAY_OF_MONTH = re.compile(r"^\s+(?:in|of)\s+(?:" + "|".join(calendar.month_name[1:]) + r")\b")


def check(claims, text: str) -> list:
    out = []
    dates = [c for c in claims if c.kind == "date"]
    for claim in dates:
        if claim.weekday and claim.value and claim.granularity == "day" and _has_digits(claim.text):
            actual = _weekday(claim.value)
            if actual != claim.weekday:
                out.append(finding(
                    "weekday-mismatch", "error",
                    f"{claim.text!r}: {claim.value} is a {actual.title()}, not a {claim.weekday.title()}",
                    [claim]))
    for weekday in dates:
        if claim_is_bare_weekday(weekday, text) and not _DAY_OF_MONTH.match(text[weekday.end : weekday.end + 20]):
            name = weekday.text.split()[-1].lower()
            for other in dates:
                if other is weekday or other.granularity != "day" or not _has_digits(other.text) or not other.value:
                    continue
                if other.text.split()[-1].lower() in calendar_days():
                    continue
                lo, hi = sorted((weekday.end, other.start)) if weekday.end <= other.start else sorted((other.end, weekday.start))
                if hi - lo > 80 or (weekday.sentence_start != other.sentence_start):
                    continue
                if _CLAUSE_BREAK.search(text[lo:hi]):
                    continue
                actual = _weekday(other.value)
                if actual != name:
                    out.append(finding(
                        "weekday-mismatch", "warning",
                        f"{weekday.text!r} and {other.text!r} ({other.value}, a {actual.title()}) "
                        f"describe the same event but fall on different days", [weekday, other]))
    return out + _weekday_pairs(dates)


_PAIR_DAYS = 60  # two year-less dates of one story further apart than this may straddle a new year


def _weekday_pairs(dates) -> list:
    """Weekdays written with their dates ("Monday November 1"), no year written: any two of them
    must be as many weekdays apart as days apart, modulo a week."""
    dated = []
    for claim in dates:
        day = day_of(claim.text) if claim.weekday else None
        if day is not None and day[0] is None:
            dated.append((claim, day))
    out = []
    for i, (a, da) in enumerate(dated):
        for b, db in dated[i + 1 :]:
            apart = days_between(da, db)
            if apart is None or abs(apart) > _PAIR_DAYS:
                continue
            step = (WEEKDAYS.index(b.weekday) - WEEKDAYS.index(a.weekday)) % 7
            if step != apart % 7:
                out.append(finding(
                    "weekday-mismatch", "error",
                    f"{a.text!r} and {b.text!r}: {show_day(db)} is {apart} days after {show_day(da)}, so "
                    f"{apart % 7} weekdays on from a {a.weekday.title()} (a "
                    f"{WEEKDAYS[(WEEKDAYS.index(a.weekday) + apart) % 7].title()}), but it is given as a "
                    f"{b.weekday.title()}", [a, b]))
    return out


def claim_is_bare_weekday(claim, text: str) -> bool:
    words = claim.text.lower().split()
    return bool(words) and words[-1] in calendar_days() and claim.granularity == "day" and not _has_digits(claim.text)


def _has_digits(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def calendar_days() -> set[str]:
    return {calendar.day_name[i].lower() for i in range(7)}


def _weekday(value: str) -> str:
    return calendar.day_name[dt.date.fromisoformat(value).weekday()].lower()
