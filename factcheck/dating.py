"""Pure date arithmetic: written dates and relative dates resolved against a publication date."""

from __future__ import annotations

import calendar
import re
import datetime as dt
from dataclasses import dataclass

MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
MONTHS["sept"] = 9
WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}


@dataclass(frozen=True)
class DateValue:
    """A resolved (or unresolvable) date: ISO-like value, granularity and first/last day."""

    value: str | None
    granularity: str
    low: dt.date | None = None
    high: dt.date | None = None
    relative: bool = False
    approximate: bool = False
    weekday: str | None = None
    reason: str | None = None  # why an unresolved date could not be resolved

    @property
    def resolved(self) -> bool:
        return self.value is not None


def unresolved(granularity: str, *, relative: bool = True, weekday: str | None = None,
               reason: str | None = None) -> DateValue:
    return DateValue(None, granularity, relative=relative, weekday=weekday, reason=reason)


def day(date: dt.date, *, relative: bool = False, weekday: str | None = None) -> DateValue:
    return DateValue(date.isoformat(), "day", date, date, relative, weekday=weekday)


def month(year: int, number: int, *, relative: bool = False, approximate=False) -> DateValue:
    last = calendar.monthrange(year, number)[1]
    return DateValue(
        f"{year:04d}-{number:02d}", "month", dt.date(year, number, 1), dt.date(year, number, last),
        relative, approximate,
    )


def year(number: int, *, relative: bool = False, approximate: bool = False) -> DateValue:
    return DateValue(
        f"{number:04d}", "year", dt.date(number, 1, 1), dt.date(number, 12, 31), relative, approximate
    )


def week(date: dt.date, *, relative: bool = True) -> DateValue:
    iso = date.isocalendar()
    monday = date - dt.timedelta(days=date.weekday())
    return DateValue(
        f"{iso.year:04d}-W{iso.week:02d}", "week", monday, monday + dt.timedelta(days=6), relative
    )


def quarter(number: int, q: int, *, relative: bool = False) -> DateValue:
    first = dt.date(number, 3 * q - 2, 1)
    last_month = 3 * q
    last = dt.date(number, last_month, calendar.monthrange(number, last_month)[1])
    return DateValue(f"{number:04d}-Q{q}", "quarter", first, last, relative)


def fiscal_year(first: int) -> DateValue:
    return DateValue(
        f"{first:04d}-{(first + 1) % 100:02d}", "fiscal_year", dt.date(first, 1, 1),
        dt.date(first + 1, 12, 31),
    )


def decade(first: int) -> DateValue:
    return DateValue(f"{first:04d}s", "decade", dt.date(first, 1, 1), dt.date(first + 9, 12, 31))


def safe_day(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def nearest_year(m: int, d: int | None, published: dt.date, future: bool) -> int:
    """The year of a month (and day) written without one: the latest one not after publication,
    or the next one on or after it when the sentence is about the future."""
    probe = safe_day(published.year, m, d or 1) or dt.date(published.year, m, 1)
    if future:
        return published.year if probe >= published.replace(day=1) else published.year + 1
    if d is None:
        return published.year if m <= published.month else published.year - 1
    return published.year if probe <= published else published.year - 1


def weekday_date(name: str, published: dt.date, future: bool, shift: int = 0) -> dt.date:
    """The date of a weekday named in a story: the latest one on or before publication (or the
    next one after it for future events); `shift` of -1 / +1 handles "last" / "next"."""
    target = WEEKDAYS[name.lower()]
    if future or shift > 0:
        ahead = (target - published.weekday()) % 7 or 7
        return published + dt.timedelta(days=ahead + (7 if shift > 1 else 0))
    back = (published.weekday() - target) % 7
    if shift < 0 and back == 0:
        back = 7
    return published - dt.timedelta(days=back)


def shift_months(date: dt.date, months: int) -> tuple[int, int]:
    index = date.year * 12 + (date.month - 1) + months
    return index // 12, index % 12 + 1


@dataclass(frozen=True)
class DateExpr:
    """A date as written, before resolution: `form` names the pattern, `fields` its parts."""

    start: int
    end: int
    text: str
    form: str
    fields: tuple[tuple[str, object], ...]
    future: bool = False

    def get(self, key: str, default=None):
        return dict(self.fields).get(key, default)


_ORDINAL_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_MODIFIERS = ("early", "mid", "late", "end", "start", "beginning", "middle", "pre", "post")


_FORM_GRANULARITY = {"day": "day", "month": "month", "year": "year", "fiscal": "fiscal_year",
                     "decade": "decade", "quarter": "quarter", "weekday": "day", "offset_day": "day"}


def resolve(expr: DateExpr, published: dt.date | None) -> DateValue:
    """Resolve a written date against the story's publication date (None: relative dates stay
    unresolved, with their granularity). Never raises: a date that falls outside the calendar
    ("4000 years ago", "next year" in 9999) stays unresolved with the reason."""
    try:
        return _resolve(expr, published)
    except (ValueError, OverflowError):
        granularity = _FORM_GRANULARITY.get(expr.form) or _granularity(expr.get("unit", "day"))
        return unresolved(granularity, relative=expr.form not in _FORM_GRANULARITY or expr.form in (
            "weekday", "offset_day"), weekday=expr.get("weekday"),
            reason="the date falls outside the years 1 to 9999 that dates can be resolved in")


def _resolve(expr: DateExpr, published: dt.date | None) -> DateValue:
    form, get, future = expr.form, expr.get, expr.future
    approximate = get("mod") is not None
    if form == "day":
        m, d, y, wd = get("month"), get("day"), get("year"), get("weekday")
        if y is None:
            if published is None:
                return unresolved("day", relative=True, weekday=wd)
            y = nearest_year(m, d, published, future)
        date = safe_day(y, m, d)
        return day(date, weekday=wd, relative=get("year") is None) if date else unresolved("day")
    if form == "month":
        m, y = get("month"), get("year")
        if y is None:
            if published is None:
                return unresolved("month")
            return month(nearest_year(m, None, published, future), m, relative=True,
                         approximate=approximate)
        return month(y, m, approximate=approximate)
    if form == "year":
        return year(get("year"), approximate=approximate)
    if form == "fiscal":
        return fiscal_year(get("year"))
    if form == "decade":
        return decade(get("year"))
    if form == "quarter":
        q, y = get("quarter"), get("year")
        if y is None:
            if published is None:
                return unresolved("quarter")
            current = (published.month - 1) // 3 + 1
            y = published.year if (q <= current or future) else published.year - 1
        return quarter(y, q, relative=get("year") is None)
    if form == "anchored":  # "two days later": dated from an event of the story, not from publication
        return unresolved(_granularity(get("unit", "day")),
                          reason="dated from an event the story tells of, not from publication")
    if published is None:
        granularity = {"weekday": "day", "offset_day": "day", "ago": get("unit", "day")}.get(
            form, get("unit", "day")
        )
        return unresolved(_granularity(granularity), weekday=get("weekday"), reason="no publication date")
    if form == "weekday":
        date = weekday_date(get("weekday"), published, future, get("shift", 0))
        return day(date, relative=True, weekday=get("weekday"))
    if form == "offset_day":
        return day(published + dt.timedelta(days=get("offset")), relative=True)
    if form in ("relative", "ago"):
        unit, offset = get("unit"), get("offset")
        if unit == "day":
            return day(published + dt.timedelta(days=offset), relative=True)
        if unit == "week":
            return week(published + dt.timedelta(weeks=offset))
        if unit == "month":
            y, m = shift_months(published, offset)
            return month(y, m, relative=True, approximate=approximate)
        if unit == "quarter":
            y, m = shift_months(published, 3 * offset)
            return quarter(y, (m - 1) // 3 + 1, relative=True)
        if unit == "decade":
            return year(published.year + 10 * offset, relative=True)
        return year(published.year + offset, relative=True, approximate=approximate)
    raise NotImplementedError(f"unknown date form {form!r}")


def _granularity(unit: str) -> str:
    return {"decade": "year"}.get(unit, unit)


def period_bounds(value: str | None) -> tuple[dt.date, dt.date] | None:
    """ "2026-01" -> (2026-01-01, 2026-01-31); also years, days, ISO weeks, quarters, fiscal
    years ("2012-13"), decades ("1990s") and intervals ("2005-01/2007-06"). None when it cannot
    be read."""
    if not value:
        return None
    value = str(value)
    if "/" in value:  # an ISO 8601 interval, "1971/2006": from the start of one to the end of the other
        first, _, last = value.partition("/")
        a, b = period_bounds(first), period_bounds(last)
        return (a[0], b[1]) if a and b and a[0] <= b[1] else None
    try:
        if re.fullmatch(r"\d{4}", value):
            y = int(value)
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            y, m = map(int, value.split("-"))
            if m > 12 or m == (y + 1) % 100:  # "2012-13" is a fiscal year, "2019-20" too
                if m == (y + 1) % 100:
                    return dt.date(y, 1, 1), dt.date(y + 1, 12, 31)
            return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            d = dt.date.fromisoformat(value)
            return d, d
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            q = quarter(int(m[1]), int(m[2]))
            return q.low, q.high
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]) + 1, 12, 31)
        if m := re.fullmatch(r"(\d{4})s", value):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]) + 9, 12, 31)
    except ValueError:
        return None
    return None
