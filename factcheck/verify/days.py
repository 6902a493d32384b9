"""Calendar days as a story writes them, read from a date claim's own text: "Monday November 1",
"Friday, March 10, 2006", "March 26" give (year or None, month, day). A story read without its
publication date leaves such claims without a value, but two of them can still be compared: the
days between them are known whenever no February 29 can fall between them."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
MONTHS = _MONTHS  # month names and abbreviations, lower case -> number
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?![–-]\d)(?:,?\s+{_YEAR}\b)?", re.I)
_DAY_MONTH = re.compile(rf"\b{_DAY}\s+{_MONTH}\b(?:,?\s+{_YEAR}\b)?", re.I)
WEEKDAYS = [calendar.day_name[i].lower() for i in range(7)]


def day_of(text: str) -> tuple[int | None, int, int] | None:
    """(year, month, day) a date claim's text names, the year None when it is not written; None
    when the text names no single day of a month ("March 2006", "October 8–9", "last Friday")."""
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        found = list(pattern.finditer(text))
        if len(found) == 1:
            m = found[0]
            month = _MONTHS[m.group("month").lower()]
            day = int(m.group("day"))
            year = int(m.group("year")) if m.group("year") else None
            if day <= calendar.monthrange(year or 2001, month)[1]:
                return year, month, day
    return None


def days_between(a: tuple[int | None, int, int], b: tuple[int | None, int, int]) -> int | None:
    """Days from a to b. With both years written, exact; with neither, taken within one year when
    no February 29 can lie between (same month, or a span that does not cross the end of February),
    else None. One year written and one not: None."""
    (ya, ma, da), (yb, mb, db) = a, b
    if ya is not None and yb is not None:
        return (dt.date(yb, mb, db) - dt.date(ya, ma, da)).days
    if ya is not None or yb is not None:
        return None
    first, last = sorted(((ma, da), (mb, db)))
    if first[0] != last[0] and first[0] <= 2 < last[0] or (first[0] == 2 == last[0] and last[1] == 29):
        return None
    return (dt.date(2001, mb, db) - dt.date(2001, ma, da)).days


def show_day(d: tuple[int | None, int, int]) -> str:
    year, month, day = d
    return f"{calendar.month_name[month]} {day}" + (f", {year}" if year else "")
