"""From a processed Doc to typed claims and place mentions (the last stage that sees spaCy)."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import replace

from spacy.tokens import Doc

from ..dating import DateExpr, DateValue, resolve
from ..models import (
    Claim, CountClaim, DateClaim, DateRef, MoneyClaim, MultiplierClaim, PercentClaim, PlaceMention,
    QuantityClaim,
)
from ..normalize import interval
from ..source import Positions, entity_start, line_starts
from .attach import counted_noun, is_place_name, nearest
from .figures import Figure
from .frame import build_frames
from .tokens import annotated, text_of

_NUMERIC = {"count": CountClaim, "money": MoneyClaim, "percent": PercentClaim, "quantity": QuantityClaim,
            "multiplier": MultiplierClaim}


def build_claims(doc: Doc, text: str, published: dt.date | None) -> tuple[list[Claim], list[PlaceMention]]:
    """Claims in text order (ids c1, c2 ...) and every place mention, from `doc` over `text`.
    Which place each claim is about is decided later, in one place (`verify.link_places`)."""
    position = Positions(text)
    places = [
        PlaceMention(text=text[p.start : p.end], start=p.start, end=p.end, label=p.label,
                     **position(p.start))
        for p in doc._.fc_places or ()
        if is_place_name(p.text)
    ]
    dates = [(expr, resolve(expr, published)) for expr in doc._.fc_dates or ()]
    items: list[tuple[int, str, object]] = [(f.start, "figure", f) for f in doc._.fc_figures or ()]
    items += [(expr.start, "date", (expr, value)) for expr, value in dates]
    items.sort(key=lambda item: item[0])
    date_spans = [_DatedSpan(expr, value) for expr, value in dates]

    claims: list[Claim] = []
    for number, (_, what, item) in enumerate(items, start=1):
        if what == "figure":
            claim = _figure_claim(doc, text, item, f"c{number}", position, date_spans)
        else:
            claim = _date_claim(text, *item, f"c{number}", position,
                                _sentence_bounds(doc, item[0].start, item[0].end))
        claims.append(claim)
    return build_frames(doc, text, _borrow_units(doc, claims), places), places


def _borrow_units(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """A count with no noun of its own takes the noun of the nearest count in its sentence
    ("312 votes to 298", "2,500 at its depot and 900 at its head office")."""
    out = list(claims)
    counts = [i for i, c in enumerate(claims) if c.kind == "count"]
    for i in counts:
        claim = claims[i]
        if claim.unit is not None:
            continue
        bounds = _sentence_bounds(doc, claim.start, claim.end)
        donors = [claims[j] for j in counts if claims[j].unit and bounds[0] <= claims[j].start < bounds[1]]
        if donors:
            donor = min(donors, key=lambda d: (d.start > claim.start, abs(d.start - claim.start)))
            out[i] = claim.model_copy(update={"unit": donor.unit})
    return out


class _DatedSpan:
    def __init__(self, expr: DateExpr, value: DateValue):
        self.start, self.end, self.text, self.value = expr.start, expr.end, expr.text, value


def _sentence_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or not annotated(doc, "SENT_START"):
        return (0, len(text_of(doc)))
    sentence = span[0].sent
    return sentence.start_char, sentence.end_char


def _figure_claim(doc, text, f: Figure, claim_id, position, dates) -> Claim:
    f = replace(f, start=entity_start(text, f.start))
    low, high = interval(f.value, f.qualifier, f.rounding, f.value_end, f.end_rounding)
    unit = f.unit
    if f.kind == "count":
        unit = counted_noun(doc, f.core_start, f.core_end, f.end)
    bounds = _sentence_bounds(doc, f.start, f.end)
    dated = nearest(dates, f.start, f.end, bounds)
    return _NUMERIC[f.kind](
        id=claim_id, text=text[f.start : f.end], start=f.start, end=f.end, **position(f.start),
        sentence_start=bounds[0], sentence_end=bounds[1],
        value=f.value, value_end=f.value_end, low=low, high=high, qualifier=f.qualifier,
        rounding=f.rounding, unit=unit,
        date=DateRef(value=dated.value.value, text=dated.text) if dated else None,
    )


def _date_claim(text, expr: DateExpr, value: DateValue, claim_id, position, bounds) -> DateClaim:
    return DateClaim(
        id=claim_id, text=text[expr.start : expr.end], start=expr.start, end=expr.end,
        **position(expr.start), sentence_start=bounds[0], sentence_end=bounds[1],
        value=value.value, granularity=value.granularity,
        low=value.low.isoformat() if value.low else None,
        high=value.high.isoformat() if value.high else None,
        qualifier="approx" if value.approximate else "exact", relative=value.relative,
        resolved=value.resolved, weekday=value.weekday, reason=value.reason,
    )
