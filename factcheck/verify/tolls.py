"""`restated-differently` for a death toll given twice: "To date, the illness has killed more than
100 people" ... "There have been 103 reported deaths"; "An outbreak of pneumonic plague has killed 61
people as of February 15" ... "While 61 deaths have been confirmed". A toll to date is one figure
at one time: two statements of it, in different sentences, must meet.

A toll: deaths, or people killed or dead (the noun written after the figure, or "killed" before
it), in a clause that counts to date ("has killed", "have died", "there have been", "have been
confirmed", "to date", "so far", "as of", "death toll"), not a figure marked as added or new, not a
change, not a worldwide figure (worldwide.py reads those), not in a clause that adds ("an additional
13 cases including 11 deaths"). Places must agree: the same place, or a later figure that
inherits the story's place rather than naming its own; periods must not differ. A warning:
the pairing is inferred from frames and wording."""

from __future__ import annotations

import re

from .common import bounds, disjoint, finding, place_key, places_match, show
from .outcomes import _counted
from .worldwide import _measure, _periods_differ, _worldwide

_TO_DATE = re.compile(
    r"\b(?:has|have)\s+(?:now\s+|so far\s+|already\s+)?(?:killed|claimed|died|been\s+(?:confirmed|reported|recorded|killed))\b|"
    r"\bthere (?:has|have) (?:now\s+)?been\b|\bto(?:-|\s)date\b|\bso far\b|\bas of\b|\bdeath toll\b", re.I)
_ADDS = re.compile(r"\b(?:additional|further|another|new|newly|more|latest|daily|each day|a day|per day)\b", re.I)


def check(claims, text: str) -> list:
    tolls = [c for c in claims if c.kind == "count" and _counted(c, text) and _measure(c, text) == "death"
             and not _worldwide(c, text) and _to_date(c, text)]
    out = []
    for i, a in enumerate(tolls):
        for b in tolls[i + 1 :]:
            if a.sentence_start == b.sentence_start or _periods_differ(a, b) or not _places_agree(a, b):
                continue
            if disjoint(bounds(a), bounds(b)):
                out.append(finding(
                    "restated-differently", "warning",
                    f"{show(a)} (line {a.line}) and {show(b)} (line {b.line}) both give the death toll to "
                    f"date, but their intervals do not meet", [a, b]))
    return out


def _clause(claim, text: str, *, figure: str | None = None) -> str:
    lo = claim.sentence_start if claim.sentence_start is not None else max(0, claim.start - 120)
    hi = claim.sentence_end if claim.sentence_end is not None else claim.end + 120
    before = re.split(r"[;,]\s+(?:and|but|while|with)\s+|;", text[lo : claim.start])[-1]
    after = re.split(r"[;,]", text[claim.end : hi])[0]
    return before + (claim.text if figure is None else figure) + after


_HAS = re.compile(r"\b(?:has|have)\s+$", re.I)


def _to_date(claim, text: str) -> bool:
    """A clause that counts to date ("the United States, which has 593 deaths" too) and adds
    nothing ("more than 100" is a qualifier, not "more")."""
    counts = _TO_DATE.search(_clause(claim, text)) or _HAS.search(text[max(0, claim.start - 10) : claim.start])
    return bool(counts) and not _ADDS.search(_clause(claim, text, figure=" N "))


def _places_agree(a, b) -> bool:
    """The same place; or the later figure names none of its own and inherits the story's, so it
    speaks of the place already given ("has killed 61 people ... in the Democratic Republic of the
    Congo" ... "61 deaths have been confirmed"). A later figure that names its own place while the
    earlier inherited one is about somewhere else ("at least 3,330 deaths" ... "Brazil has registered
    899 deaths")."""
    pa, pb = place_key(a), place_key(b)
    a_names = bool(pa) and a.frame.place_source == "sentence"
    b_names = bool(pb) and b.frame.place_source == "sentence"
    if b_names and not a_names:
        return False
    return not pa or not pb or places_match(pa, pb) or not b_names
