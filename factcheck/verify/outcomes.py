"""`part-exceeds-total` for outcomes among cases: in one sentence, the deaths of an outbreak are
counted among its cases ("with 3,546 cases reported and 91 people dead"; "has confirmed fifteen
deaths and 328 infections"), so they cannot outnumber them. The wording joins the two without
saying "of whom" ("including", "out of" and "resulting in" are read in wholes.py), so the finding
is a warning. Not for figures marked as added ("546 new cases and 31 deaths in the last 24 hours":
a day's deaths may come from earlier cases), nor for figures at different places."""

from __future__ import annotations

import re

from .common import by_sentence, finding, head, place_key, show
from .parts import compared, part_bounds
from .running import _marked

_CASES = {"case", "infection"}
_DEATHS = {"death", "fatality"}
_DEAD_AFTER = re.compile(r"^\s+(?:[a-z]+\s+){0,2}?(?:(?:have|had|has|were|was)\s+)?(?:dead|died|killed)\b", re.I)
_NEW = re.compile(r"\b(?:new|newly|more|additional|further|latest)\s+(?:[a-z]+\s+)?$", re.I)


def check(claims, text: str) -> list:
    out = []
    for _, group in by_sentence([c for c in claims if c.kind == "count"]).items():
        cases = [c for c in group if head(c) in _CASES and _counted(c, text)]
        deaths = [c for c in group if _is_deaths(c, text) and _counted(c, text)]
        for dead in deaths:
            for case in cases:
                pa, pb = place_key(dead), place_key(case)
                if pa and pb and pa != pb:
                    continue
                if part_bounds(dead)[0] > part_bounds(case)[1]:
                    out.append(finding(
                        "part-exceeds-total", "warning",
                        f"{show(dead)} deaths outnumber the {show(case)} cases they are counted among",
                        [case, dead]))
    return out


def _is_deaths(claim, text: str) -> bool:
    noun = head(claim)
    return noun in _DEATHS or (noun in ("person", "people") and bool(_DEAD_AFTER.match(text[claim.end : claim.end + 30])))


def _counted(claim, text: str) -> bool:
    """A standing count: not a comparison, not a figure marked as added, not a change."""
    if compared(text, claim) or _marked(claim, text) or _NEW.search(text[max(0, claim.start - 25) : claim.start]):
        return False
    return not (claim.frame and claim.frame.role in ("change", "previous", "forecast"))
