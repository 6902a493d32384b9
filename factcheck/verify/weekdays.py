"""`weekday-mismatch`: a weekday and a date that fall on different days, written together
("Wednesday, March 12, 2026") or in one clause ("on Tuesday at a meeting on 4 March")."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .common import finding

_CLAUSE_BREAK = re.compile(r"[.;!?]|\b(?:and|but|while|followed|then|after|before|until|since)\b", re.I)


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
        if claim_is_bare_weekday(weekday, text):
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
