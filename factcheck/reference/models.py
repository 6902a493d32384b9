"""What a reference-set file may hold: sources, places and sourced facts, validated by pydantic.

Everything that would break a check later is refused here, in the desk's words: a range without
its end, a value that is not a finite number (`nan`, `inf`, `true`, `"100"`), a rounding that is
not above zero, a period or date that does not exist (`2026-02-31`, `2026-W99`, year 0000).
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from ..normalize import interval

PlaceKind = Literal[
    "country", "region", "province", "governorate", "state", "county", "district", "city",
    "town", "village", "camp", "prison", "facility", "border-crossing", "river", "sea", "other",
]
FactKind = Literal["count", "money", "percent", "quantity", "date"]
Qualifier = Literal["exact", "approx", "nearly", "more_than", "at_least", "at_most",
                    "less_than", "up_to", "range"]
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q(\d)|-W(\d{2}))?$")
_SPAN = re.compile(r"^(\d{4})-(\d{4})$")  # "2006-2015": every year from the first to the last
_FISCAL = re.compile(r"^(\d{4})-(\d{2})$")  # "2024-25": a fiscal year (with fiscal_year = "uk" or "us")
PERIOD_FORMS = "2026, 2026-01, 2026-01-21, 2026-Q1, 2026-W04, a span of years 2006-2015 or a fiscal year 2024-25"
FISCAL_YEARS = {"uk": (4, "April to March"), "us": (10, "October to September")}


def _shown(value) -> str:
    """A value as the desk wrote it in TOML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, dt.datetime):
        return f"a date and time ({value.isoformat()})"
    if isinstance(value, dt.date):
        return f"a date ({value.isoformat()})"
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    return repr(value)


def finite_number(value):
    """A number a check can compute with: not a boolean, not a string, not nan or infinite."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"expected a number, got {_shown(value)}")
    try:
        finite = math.isfinite(value)
    except OverflowError:  # an integer too large for a float
        finite = False
    if not finite:
        raise ValueError(f"expected a finite number, got {_shown(value) if isinstance(value, float) else 'a number too large to compute with'}")
    return value


Number = Annotated[int | float, BeforeValidator(finite_number)]


def _positive(value):
    if value <= 0:
        raise ValueError(f"expected a number above 0 (the unit the figure is rounded to, such as 1, 100 "
                         f"or 1000), got {value:g}")
    return value


Rounding = Annotated[Number, AfterValidator(_positive), Field(json_schema_extra={"exclusiveMinimum": 0})]


def period_error(value: str) -> str | None:
    """Why `value` is not a period the checks can read, or None when it is one."""
    span = _SPAN.match(value)
    if span:
        first, last = int(span.group(1)), int(span.group(2))
        if first == 0 or last <= first:
            return f"a span of years runs forward from a real year, like 2006-2015 (got {value!r})"
        return None
    fiscal = _FISCAL.match(value)
    if fiscal and int(fiscal.group(2)) == (int(fiscal.group(1)) + 1) % 100 and int(fiscal.group(2)) > 12:
        return None  # "2024-25": no month 25, so a fiscal year
    match = _PERIOD.match(value)
    if not match:
        return f"expected a period like {PERIOD_FORMS}, got {value!r}"
    year, month, day, quarter, week = (int(g) if g else None for g in match.groups())
    if year == 0:
        return f"there is no year 0000 (got {value!r})"
    if month is not None and not 1 <= month <= 12:
        return f"there is no month {month:02d} (got {value!r}); months are 01 to 12"
    if quarter is not None and not 1 <= quarter <= 4:
        return f"there is no quarter Q{quarter} (got {value!r}); quarters are Q1 to Q4"
    if day is not None and day > calendar.monthrange(year, month)[1] or day == 0:
        return f"{value} is not a date: {calendar.month_name[month]} {year} has {calendar.monthrange(year, month)[1]} days"
    if week is not None and not 1 <= week <= dt.date(year, 12, 28).isocalendar()[1]:
        return f"{year} has no week {week:02d} (got {value!r}); it has weeks 01 to {dt.date(year, 12, 28).isocalendar()[1]}"
    return None


def _period(value) -> str:
    if isinstance(value, dt.datetime):
        raise ValueError(f"expected a period like {PERIOD_FORMS}, got a date and time ({value.isoformat()})")
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise ValueError(f"expected a period in quotes like {PERIOD_FORMS}, got {_shown(value)}")
    problem = period_error(value)
    if problem:
        raise ValueError(problem)
    return value


Period = Annotated[str, BeforeValidator(_period)]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(_Strict):
    id: str | None = None
    publisher: str
    title: str | None = None
    url: str | None = None
    date: dt.date | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value):
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, str):
            match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
            if match and int(match[1]) == 0:
                raise ValueError(f"there is no year 0000 (got {value!r})")
            if match:
                try:
                    return dt.date(*map(int, match.groups()))
                except ValueError:
                    raise ValueError(f"{value} is not a date") from None
        return value

    def describe(self) -> str:
        parts = [self.publisher, self.title and f"\u201c{self.title}\u201d",
                 self.date and self.date.isoformat()]
        return ", ".join(p for p in parts if p)


class Place(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    kind: PlaceKind = "other"
    aliases: tuple[str, ...] = ()
    within: str | None = None

    @model_validator(mode="after")
    def _not_within_itself(self):
        if self.within == self.id:
            raise ValueError(f"within: a place cannot be within itself ({self.id!r})")
        return self


class SeriesPoint(_Strict):
    """One value of a series: the figure for one period."""

    as_of: Period
    value: Number
    qualifier: Qualifier = "exact"
    rounding: Rounding | None = None  # the fact's rounding when not given


class Fact(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")
    kind: FactKind = "count"
    counts: str | None = None  # what is counted: "detainees"
    synonyms: tuple[str, ...] = ()  # other words the desk accepts for it: "prisoners"
    event: str | None = None  # for dated facts: "defeat"
    place: str | None = None
    value: int | float | str | None = None  # a number; a period for a date fact
    value_end: Number | None = None
    low: Number | None = None
    high: Number | None = None
    qualifier: Qualifier = "exact"
    rounding: Rounding = 1
    unit: str | None = None  # currency code for money, "percent"
    as_of: Period | None = None  # the period the figure holds for: "2026-01", "2025"
    context: tuple[str, ...] = ()  # words one of which the claim's sentence must contain
    parts: tuple[str, ...] = ()  # ids of facts that make up this total
    series: tuple[SeriesPoint, ...] = ()  # values for consecutive periods: [{as_of = "2026-01", value = 5.1}, ...]
    places: tuple[str, ...] = ()  # a figure between places: trade between Japan and China
    period_from: Period | None = None  # a running total from this period to as_of ("January to November")
    fiscal_year: Literal["uk", "us"] | None = None  # as_of is a fiscal year: uk April-March, us October-September
    role: Literal["level", "change", "share", "forecast"] | None = None  # None: a level or share
    subject: str | None = None  # whose figure: "GM", "Labour", "the DWP"
    subject_aliases: tuple[str, ...] = ()  # other names of the subject: "General Motors"
    includes_parts: bool = False  # the figure holds for every place within `place` too
    current_until_replaced: bool = False  # a census figure: current however old, until a newer fact
    source: str | Source
    note: str | None = None

    @field_validator("value", mode="before")
    @classmethod
    def _value(cls, value):
        if value is None or isinstance(value, str):
            return value  # a period for a date fact; any other fact says below that it wants a number
        if isinstance(value, dt.datetime):
            raise ValueError(f"expected a number, or a period for a date fact, got a date and time ({value.isoformat()})")
        if isinstance(value, dt.date):
            return value.isoformat()
        return finite_number(value)

    @model_validator(mode="after")
    def _consistent(self):
        if self.kind == "date":
            if self.value is None or isinstance(self.value, (int, float)) and not re.fullmatch(r"\d{4}", str(self.value)):
                raise ValueError("value: a date fact needs value: a date like 2017, 2017-10 or 2017-10-17")
            problem = period_error(str(self.value))
            if problem:
                raise ValueError(f"value: {problem}")
            if not self.event:
                raise ValueError("event: a date fact needs event: what happened (e.g. \"defeat\")")
            return self
        if not self.counts and self.kind in ("count", "quantity"):
            raise ValueError("counts: a count needs counts: what is counted (e.g. \"detainees\")")
        if isinstance(self.value, str):
            raise ValueError(f"value: expected a number, got {self.value!r}")
        if self.series:
            if self.value is not None or self.as_of:
                raise ValueError("series: a series holds its own values and periods; remove value and as_of")
            periods = [p.as_of for p in self.series]
            if len(set(periods)) != len(periods):
                raise ValueError(f"series: a period is given twice ({sorted(p for p in periods if periods.count(p) > 1)[0]})")
            return self
        if self.value is None and (self.low is None or self.high is None):
            raise ValueError("value: a fact needs value, or both low and high (or a series)")
        if self.qualifier == "range" and self.value_end is None:
            raise ValueError("value_end: a range (qualifier = \"range\") needs value_end, the figure it runs to")
        if self.value_end is not None and self.qualifier != "range":
            raise ValueError("value_end: only a range has an end; set qualifier = \"range\" or remove value_end")
        if self.value_end is not None and self.value is not None and self.value_end < self.value:
            raise ValueError(f"value_end: the range ends ({self.value_end:g}) below where it starts ({self.value:g})")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low: {self.low:g} is above high ({self.high:g})")
        if self.id in self.parts:
            raise ValueError(f"parts: a fact cannot be one of its own parts ({self.id!r})")
        if self.places and self.place:
            raise ValueError("places: give place (one place) or places (a figure between two or more), not both")
        if len(self.places) == 1:
            raise ValueError(f"places: a figure between places needs two or more; for one place write "
                             f"place = {self.places[0]!r}")
        if self.fiscal_year and not (self.as_of and re.fullmatch(r"\d{4}(?:-\d{2})?", self.as_of)):
            raise ValueError(f"as_of: a fiscal year ({self.fiscal_year}) is written 2024-25 or 2025 "
                             f"(the year it ends), got {self.as_of!r}")
        if self.fiscal_year and "-" in self.as_of and int(self.as_of[5:]) != (int(self.as_of[:4]) + 1) % 100:
            raise ValueError(f"as_of: a fiscal year runs into the next year, like 2024-25, got {self.as_of!r}")
        if self.period_from and not self.as_of:
            raise ValueError("period_from: a running total needs as_of, the period it runs to")
        low, high = self.interval
        if low is not None and high is not None and low > high:
            if self.high is not None and self.high < low:
                raise ValueError(f"high: {self.high:g} is below the lowest figure the value allows ({low:g})")
            raise ValueError(f"low: {self.low:g} is above the highest figure the value allows ({high:g})")
        return self

    def points(self) -> list["Fact"]:
        """The fact as one fact per period of its series (itself when it has none)."""
        if not self.series:
            return [self]
        return [self.model_copy(update={"series": (), "value": p.value, "as_of": p.as_of,
                                        "qualifier": p.qualifier, "rounding": p.rounding or self.rounding})
                for p in self.series]

    @property
    def period(self) -> tuple[dt.date, dt.date] | None:
        """The dates the figure holds for: as_of read with the fiscal year's convention, a span
        of years, or a running total from period_from to the end of as_of."""
        from ..dating import period_bounds

        if not self.as_of:
            return None
        bounds = None
        if self.fiscal_year:
            start_month = FISCAL_YEARS[self.fiscal_year][0]
            first = int(self.as_of[:4]) if "-" in self.as_of else int(self.as_of) - 1
            end = dt.date(first + 1, start_month, 1) - dt.timedelta(days=1)
            bounds = (dt.date(first, start_month, 1), end)
        elif _SPAN.match(self.as_of):
            bounds = (dt.date(int(self.as_of[:4]), 1, 1), dt.date(int(self.as_of[5:]), 12, 31))
        else:
            bounds = period_bounds(self.as_of)
        if bounds and self.period_from:
            start = period_bounds(self.period_from)
            if start:
                bounds = (start[0], bounds[1])
        return bounds

    @property
    def interval(self) -> tuple[float | None, float | None]:
        if self.kind == "date":
            return None, None
        if self.value is None:
            return self.low, self.high
        low, high = interval(self.value, self.qualifier, self.rounding, self.value_end, self.rounding)
        return (self.low if self.low is not None else low, self.high if self.high is not None else high)


class ReferenceFile(_Strict):
    """One file of the reference set (the JSON Schema editors and CI can validate against)."""

    place: list[Place] = []
    source: list[Source] = []
    fact: list[Fact] = []


def json_schema() -> dict:
    schema = ReferenceFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "factcheck reference set file (claims/*.toml)"
    return schema


_NOT_COUNTED = {"the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "a", "an", "who", "that",
                "which", "have", "has", "had", "been", "were", "was", "are", "is", "from", "number"}


def content_heads(text: str) -> set[str]:
    """Every content word of a phrase as a lookup key: "people reported dead" -> {"people",
    "reported", "dead"}, so that a fact counting "people infected" is found from a figure that
    counts "people" (the matcher then wants the fact's whole phrase said)."""
    heads = {head_word(w) for w in re.findall(r"[\w-]+", (text or "").lower())
             if w not in _NOT_COUNTED and not w[0].isdigit()} - {""}
    heads |= {h[:-2] for h in heads if h.endswith("ed") and len(h) > 5}  # "sickened" is found from "sickens"
    return heads | {"person"} if heads & {"people", "person"} else heads  # "people" is the plural of "person"


def head_word(text: str) -> str:
    """ "IS operatives" -> "operative": the last word, lower case, singular."""
    words = re.findall(r"[\w-]+", text.lower())
    if not words:
        return ""
    word = words[-1]
    for suffix, replacement in (("ies", "y"), ("ves", "f"), ("sses", "ss"), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2 and not word.endswith("ss"):
            return word[: -len(suffix)] + replacement
    return word
