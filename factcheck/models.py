"""Typed claims, findings and the report: the data every stage after extraction works on.

The JSON report (`Report`) is a public contract, versioned by `REPORT_SCHEMA`: fields may be added,
none renamed or removed without a new schema version.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

REPORT_SCHEMA = "factcheck.report/1"

Qualifier = Literal[
    "exact", "approx", "nearly", "more_than", "at_least", "at_most", "less_than", "up_to", "range"
]
Granularity = Literal["day", "week", "month", "quarter", "year", "fiscal_year", "decade"]
Verdict = Literal["supported", "contradicted", "unverified"]
Severity = Literal["error", "warning", "info"]
Number = Union[int, float]


class Frozen(BaseModel):
    # allow_inf_nan=False: the JSON report is strict JSON, so no infinity or NaN ever enters it
    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)


class Span(Frozen):
    """A stretch of the original input: offsets (end exclusive) and 1-based line and column."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    line: int = Field(ge=1)
    column: int = Field(ge=1)

    @model_validator(mode="after")
    def _ordered(self):
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self


class PlaceRef(Frozen):
    id: str | None = None
    name: str | None = None
    text: str


class DateRef(Frozen):
    value: str | None
    text: str


class ReferenceRef(Frozen):
    id: str
    value: Number | str | None = None
    low: Number | str | None = None
    high: Number | str | None = None
    source: str | None = None
    url: str | None = None
    as_of: str | None = None


Role = Literal["level", "change", "share", "part", "total", "previous", "forecast", "target", "range-end"]
PlaceSource = Literal["sentence", "section", "story"]


class FrameLink(Frozen):
    """A relation the frame makes explicit: this claim is the `relation` of claim `claim`
    (change_of, share_of, part_of, previous_of, total_of)."""

    relation: Literal["change_of", "share_of", "part_of", "previous_of", "total_of"]
    claim: str


class Frame(Frozen):
    """What a figure is about, read from the parse and the story. A field that is not known
    stays null: the frame never guesses."""

    measure: str | None = None  # the noun phrase: "people out of work", "pre-tax profit"
    measure_head: str | None = None  # its head, lower case and singular: "people", "profit"
    subject: str | None = None  # whose figure: "GM", "Labour", "WHO"
    place: PlaceRef | None = None
    place_source: PlaceSource | None = None  # sentence | section | story (inherited)
    period: str | None = None  # ISO-like: "2026-01", "2025", "2025-Q3"
    previous_period: str | None = None  # for the "from" side of a change
    role: Role = "level"
    links: list[FrameLink] = Field(default_factory=list)


class _ClaimBase(Span):
    id: str
    text: str
    sentence_start: int | None = None
    sentence_end: int | None = None
    place: PlaceRef | None = None
    date: DateRef | None = None
    verdict: Verdict = "unverified"
    reference: ReferenceRef | None = None
    reason: str | None = None
    suppressed: bool = False
    frame: Frame | None = None


class _NumericClaim(_ClaimBase):
    value: Number
    value_end: Number | None = None
    low: Number | None
    high: Number | None
    qualifier: Qualifier
    rounding: Number = 1
    unit: str | None = None

    @model_validator(mode="after")
    def _interval(self):
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low ({self.low}) is above high ({self.high})")
        if (self.value_end is not None) != (self.qualifier == "range"):
            raise ValueError("value_end is set exactly when the qualifier is 'range'")
        return self


class CountClaim(_NumericClaim):
    kind: Literal["count"] = "count"


class MoneyClaim(_NumericClaim):
    kind: Literal["money"] = "money"


class PercentClaim(_NumericClaim):
    kind: Literal["percent"] = "percent"


class QuantityClaim(_NumericClaim):
    kind: Literal["quantity"] = "quantity"


class MultiplierClaim(_NumericClaim):
    """A factor stated in words: "doubled" (2), "halved" (0.5), "three times" (3)."""

    kind: Literal["multiplier"] = "multiplier"


class DateClaim(_ClaimBase):
    kind: Literal["date"] = "date"
    value: str | None
    granularity: Granularity
    low: str | None = None
    high: str | None = None
    qualifier: Literal["exact", "approx"] = "exact"
    relative: bool = False
    resolved: bool = True
    weekday: str | None = None
    unit: None = None


Claim = Annotated[
    Union[CountClaim, MoneyClaim, PercentClaim, QuantityClaim, MultiplierClaim, DateClaim],
    Field(discriminator="kind"),
]
NumericClaim = Union[CountClaim, MoneyClaim, PercentClaim, QuantityClaim, MultiplierClaim]


class PlaceMention(Span):
    id: str | None = None
    name: str | None = None
    text: str
    label: str


class Finding(Span):
    rule: str
    severity: Severity
    message: str
    claims: list[str] = Field(default_factory=list)
    suppressed: bool = False


class SourceInfo(Frozen):
    path: str | None
    published: str | None
    format: Literal["text", "markdown", "html"] = "text"
    reference: str | None = None  # the reference set's folder; null when none was found or given


class Summary(Frozen):
    claims: int
    checked: int
    supported: int
    contradicted: int
    findings: int


class Report(Frozen):
    schema_: Literal["factcheck.report/1"] = Field(REPORT_SCHEMA, alias="schema")
    source: SourceInfo
    claims: list[Claim]
    places: list[PlaceMention]
    findings: list[Finding]
    summary: Summary

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, allow_inf_nan=False)

    def to_json_dict(self) -> dict:
        return self.model_dump(mode="json", by_alias=True)
