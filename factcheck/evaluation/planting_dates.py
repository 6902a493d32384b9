"""Planted changes to date relations: a weekday moved by three days, or the finest field two
restated dates share (day, month or year) moved by three, so a weekday no longer falls on its
date, a restated date no longer agrees, a "the day before" no longer holds. Ranges and sequences
("from 1971 to 2006") are left alone: moving one end by three rarely breaks them."""

from __future__ import annotations

import calendar
import re

from ..extract.dates import find_dates

_WEEKDAYS = [calendar.day_name[i] for i in range(7)]
_MONTH_FULL = [calendar.month_name[i] for i in range(1, 13)]
_MONTH_ABBR = [calendar.month_abbr[i] for i in range(1, 13)]
_OFFSET = re.compile(r"\b(?:days?|weeks?)\s+(?:later|after|before|earlier)\b|\bthe (?:day|next day)\b|"
                     r"\b(?:yesterday|today|tomorrow)\b", re.I)
_DAY = re.compile(r"(?<![\d,])\b([12]\d|3[01]|0?[1-9])(st|nd|rd|th)?\b(?![,.]?\d{3})")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.I)
_MONTH_RE = re.compile(r"\b(" + "|".join(_MONTH_FULL) + r"|Sept|" + "|".join(_MONTH_ABBR) + r")\b\.?")


def date_fields(text: str) -> dict:
    """What a date figure states, read by the project's date reader: year, month, day, weekday;
    'offset' for relative days ('the day before', 'yesterday')."""
    fields: dict = {}
    for expr in find_dates(text):
        fields.update({k: v for k, v in expr.fields if k in ("year", "month", "day", "weekday")})
    if "day" not in fields and "month" not in fields:
        ordinal = re.search(r"\bthe (\d{1,2})(?:st|nd|rd|th)\b", text)
        if ordinal:
            fields["day"] = int(ordinal.group(1))
    if _WEEKDAY_RE.search(text):
        fields["weekday"] = _WEEKDAY_RE.search(text).group(1).lower()
    if _OFFSET.search(text):
        fields["offset"] = True
    return fields


def date_plants(rel: dict) -> tuple[list[tuple], str]:
    """(role, start, end, old, new, why) for each planted change of a dates relation, or why none."""
    refs = rel["figures"]
    fields = [date_fields(r["text"]) for r in refs]
    has_offset = any(f.get("offset") for f in fields)
    with_day = [i for i, f in enumerate(fields) if "day" in f and "weekday" not in f]
    weekdays = [i for i, f in enumerate(fields) if "weekday" in f]
    picks: list[tuple[str, int, str]] = []  # (role, figure index, field)
    if weekdays and (with_day or has_offset or any("day" in fields[i] for i in weekdays)):
        picks.append(("weekday", weekdays[0], "weekday"))
        dated = [i for i, f in enumerate(fields) if "day" in f]
        if dated:
            picks.append(("date", dated[0], "day"))
    elif has_offset and with_day:
        picks += [("date", with_day[-1], "day"), ("date", with_day[0], "day")]
    else:
        stated = [f for f in fields if {"year", "month", "day"} & set(f)]
        shared = [k for k in ("day", "month", "year") if len(stated) >= 2 and all(k in f for f in stated)]
        if not shared:
            return [], "dates that state no common day, month or year (a range or a sequence)"
        if any(len({f[k] for f in stated}) > 1 for k in shared):
            return [], "dates that differ (a range or a sequence), not one date restated"
        order = [i for i, f in enumerate(fields) if f in stated]
        picks += [("date", order[-1], shared[0]), ("date", order[0], shared[0])]
    out, seen = [], set()
    for role, i, field in picks:
        if (i, field) in seen:
            continue
        seen.add((i, field))
        ref = refs[i]
        new = shift_date(ref["text"], field)
        if new and new != ref["text"]:
            out.append((role, ref["start"], ref["start"] + len(ref["text"]), ref["text"], new,
                        f"{field} moved by three"))
    return out, "" if out else "no date field to move"


def shift_date(text: str, field: str) -> str | None:
    if field == "weekday":
        def weekday(m: re.Match) -> str:
            name = _WEEKDAYS[(_WEEKDAYS.index(m.group(1).title()) + 3) % 7]
            return name.upper() if m.group(1).isupper() else name if m.group(1)[0].isupper() else name.lower()
        return _WEEKDAY_RE.sub(weekday, text, count=1)
    if field == "year":
        return _YEAR.sub(lambda m: str(int(m.group(1)) + 3), text, count=1)
    if field == "month":
        def month(m: re.Match) -> str:
            name = m.group(1)
            number = _month_number(name)
            new = (number + 2) % 12 + 1
            out = _MONTH_FULL[new - 1] if name in _MONTH_FULL else _MONTH_ABBR[new - 1]
            return out + m.group(0)[len(name):]
        return _MONTH_RE.sub(month, text, count=1)
    days = [(m, int(m.group(1))) for m in _DAY.finditer(text) if not _YEAR.fullmatch(m.group(0))]
    if not days:
        return None
    step = 3 if max(d for _, d in days) + 3 <= 28 else -3
    out, last = [], 0
    for m, d in days:
        new = d + step
        suffix = ("th" if 10 <= new % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(new % 10, "th")) if m.group(2) else ""
        out += [text[last : m.start()], str(new).zfill(len(m.group(1))), suffix]
        last = m.end()
    return "".join(out) + text[last:]


def _month_number(name: str) -> int:
    if name == "Sept":
        return 9
    return (_MONTH_FULL.index(name) if name in _MONTH_FULL else _MONTH_ABBR.index(name)) + 1
