"""Breakdowns announced without their total (`sum-mismatch`, `part-exceeds-total`, warnings): "The
breakdown of cases in Canada by province is as follows: fifteen in British Columbia, fourteen in
Nova Scotia, ..., one in Quebec." The sentence names what is broken down (cases) and where (Canada)
but gives no total; the total is the figure given earlier for that measure at that place ("increased
the number of swine flu incidents in their country to 51", whose frame reads cases in Canada), not
a figure the wording marks as added ("with seventeen new cases").

The parts are figures worded alike, each at a place of its own; the lead before them must name
both the measure and the place of an earlier figure. Likewise a sentence that opens on a place
within the one just counted ("Brazil has registered 899 deaths ... The city of Sao Paulo reported
327 deaths, and Rio de Janeiro 84"): its figures of that measure, at places of their own, are
parts of the figure of the sentence before (they may fall short, not exceed). "Breakdown", "by province", "as follows"
make the parts the whole (a shortfall is wrong too). The total is inferred from frames, so the
finding is a warning."""

from __future__ import annotations

import re

from .common import by_sentence, fold, head, is_point
from .parts import compared, judge, same_kind
from .running import _marked

_WHOLE = re.compile(r"\b(?:breakdown|broken down|as follows|by (?:province|state|region|country|county|"
                    r"district|city|area))\b", re.I)
_MIN_PARTS = 3


_WITHIN = re.compile(r"^\s*(?:In\s+)?(?:the|its|their)\s+(?:capital|city|town|province|state|region|district|"
                     r"county|municipality|village)\s+of\b", re.I)


def check(claims, text: str) -> list:
    out = []
    numbers = [c for c in claims if c.kind == "count"]
    sentences = by_sentence(numbers)
    out += _within(sentences, text)
    for key, group in sentences.items():
        parts = [c for c in group if not compared(text, c)]
        if len(parts) < _MIN_PARTS or not all(is_point(p) for p in parts) or not _each_at_a_place(parts):
            continue
        lead = text[key : parts[0].start]
        total = _earlier_total(numbers, key, lead, parts, text)
        if total is None:
            continue
        exhaustive = bool(_WHOLE.search(lead))
        cue = (f"the sentence breaks down {head(total)} at {total.frame.place.text} without a total; "
               f"the total is the earlier {total.text!r}")
        out += judge(total, parts, exhaustive, cue, severity="warning")
    return out


def _within(sentences: dict, text: str) -> list:
    """A sentence opening on a place within the one the sentence before counted at."""
    out, keys = [], list(sentences)
    for index, key in enumerate(keys[1:], start=1):
        previous = sentences[keys[index - 1]]
        if not _WITHIN.match(text[key : sentences[key][0].start]) or not previous \
                or (previous[-1].sentence_end or previous[-1].end) < key - 2:
            continue
        totals = [c for c in previous if is_point(c) and c.frame and c.frame.place
                  and c.frame.place_source == "sentence" and head(c)]
        if len(totals) != 1:
            continue
        total = totals[0]
        parts = [c for c in sentences[key] if head(c) == head(total) and not compared(text, c) and is_point(c)]
        if len(parts) < 2 or not _each_at_a_place(parts) or any(
                p.frame.place.text == total.frame.place.text for p in parts):
            continue
        out += judge(total, parts, False, f"the sentence opens on a place within {total.frame.place.text}",
                     severity="warning")
    return out


def _each_at_a_place(parts) -> bool:
    """Figures worded alike, each at a place of its own named in its sentence."""
    places = [p.frame.place.text for p in parts if p.frame and p.frame.place and p.frame.place_source == "sentence"]
    return len(places) == len(parts) and len(set(places)) == len(parts)


def _earlier_total(numbers, key: int, lead: str, parts, text: str):
    """The latest earlier figure whose measure and place the lead names, not one marked as added."""
    folded = fold(lead)
    words = set(re.findall(r"[a-z]+", lead.lower()))
    for claim in reversed([c for c in numbers if c.end <= key]):
        frame, noun = claim.frame, head(claim)
        if frame is None or frame.place is None or not noun or not is_point(claim):
            continue
        if frame.role not in ("level", "total") or _marked(claim, text) or not same_kind(claim, parts[0]):
            continue
        place = fold(frame.place.name or frame.place.text)
        if place and place in folded and (noun in words or noun + "s" in words or noun + "es" in words):
            return claim
    return None
