"""`part-exceeds-total` against a worldwide figure (and `restated-differently` for two of them): every place is in the world, so what a country
counts cannot pass what the world counts of the same thing ("An estimated 33.2 million people
around the world ... are living with HIV" ... "700,000 people living with HIV/AIDS in China"; "the
virus, which has killed sixteen people ... worldwide" ... "Mexico ... confirmed fifteen deaths").

The same thing: the same measure, with people killed or dead read as deaths, and, for figures of
people, the same thing said of them (a word ending in -ing or -ed after each figure: "living";
"are infected with HIV ... every day" is not "living with HIV"). Frames must not give them
different periods. A warning: the whole is found by its measure, not named by the wording."""

from __future__ import annotations

import re

from .common import bounds, disjoint, finding, head, is_point, show
from .outcomes import _counted
from .parts import part_bounds

_WORLD = re.compile(r"\b(?:worldwide|world-wide|globally|around the (?:world|globe)|across the (?:world|globe)|"
                    r"throughout the world|in the world|the world over)\b", re.I)
_KILLED_BEFORE = re.compile(r"\b(?:killed|kills|claimed)\s+(?:\w+\s+){0,2}$", re.I)
_INFECTED_BEFORE = re.compile(r"\b(?:infected|infects|sickened|sickens)\s+(?:\w+\s+){0,2}$", re.I)
_DEAD_AFTER = re.compile(r"^\s+(?:[a-z]+\s+){0,2}?(?:(?:have|had|has|were|was)\s+)?(?:dead|died|killed)\b", re.I)
_SAID = re.compile(r"\b([a-z]{3,}(?:ing|ed))\b")
_CLAUSE_END = re.compile(r"[.;](?=\s)")
_NOUNS = {"death": r"deaths?|dead|died|fatalit(?:y|ies)", "person": r"people|persons?"}
_NOT_SAID = {"including", "according", "during", "confirmed", "reported", "estimated", "suspected"}


def check(claims, text: str) -> list:
    numbers = [c for c in claims if c.kind == "count" and _counted(c, text)]
    out = _restated([c for c in numbers if _worldwide(c, text)], text)
    worlds = [c for c in numbers if is_point(c) or c.qualifier in ("at_most", "up_to", "nearly")]
    worlds = [c for c in worlds if _worldwide(c, text)]
    for world in worlds:
        measure = _measure(world, text)
        if measure is None:
            continue
        for part in numbers:
            if part is world or _worldwide(part, text) or not _at_a_place(part) or _measure(part, text) != measure:
                continue
            if measure == "person" and not (_said(world, text) & _said(part, text)):
                continue
            if _periods_differ(world, part):
                continue
            if part_bounds(part)[0] > part_bounds(world)[1]:
                out.append(finding(
                    "part-exceeds-total", "warning",
                    f"{show(part)} at {part.frame.place.text} is more than {show(world)} worldwide, "
                    f"which it is part of", [world, part]))
    return out


def _restated(worlds, text: str) -> list:
    """Two worldwide figures of the same thing in different sentences are one figure stated twice
    ("has killed sixteen people and infected hundreds worldwide" ... "a total of 331 confirmed cases
    of swine flu throughout the world"): their intervals must meet (a warning)."""
    out = []
    for i, a in enumerate(worlds):
        measure = _measure(a, text)
        if measure is None:
            continue
        for b in worlds[i + 1 :]:
            if a.sentence_start == b.sentence_start or _measure(b, text) != measure or _periods_differ(a, b):
                continue
            if measure == "person" and not (_said(a, text) & _said(b, text)):
                continue
            if disjoint(bounds(a), bounds(b)):
                out.append(finding(
                    "restated-differently", "warning",
                    f"{show(a)} (line {a.line}) and {show(b)} (line {b.line}) both count {measure}s worldwide, "
                    f"but their intervals do not meet", [a, b]))
    return out


def _worldwide(claim, text: str) -> bool:
    """The figure's own clause says it is for the whole world."""
    lo = max(claim.sentence_start or 0, claim.start - 60)
    hi = min(claim.sentence_end or len(text), claim.end + 60)
    window = text[lo:hi]
    return bool(_WORLD.search(_CLAUSE_END.split(window[claim.start - lo :])[0]) or
                _WORLD.search(_CLAUSE_END.split(window[: claim.start - lo])[-1][-25:]))


def _at_a_place(claim) -> bool:
    frame = claim.frame
    return bool(frame and frame.place and frame.place_source == "sentence")


def _measure(claim, text: str) -> str | None:
    """What the figure counts, people killed or dead read as deaths; only when the words after
    the figure say it too ("has reached 226, with one confirmed death" counts no deaths)."""
    if _INFECTED_BEFORE.search(text[max(0, claim.start - 30) : claim.start]):
        return "case"  # "infected hundreds": people infected are cases
    noun = _frame_measure(claim, text)
    if noun is None:
        return None
    written = _NOUNS.get(noun, re.escape(noun) + r"\w*")
    if not re.match(rf"^\s+(?:(?!with\b|and\b|or\b|of\b|in\b)[A-Za-z/-]+\s+){{0,2}}?(?:{written})\b",
                    text[claim.end : claim.end + 40], re.I) \
            and not (noun == "death" and _KILLED_BEFORE.search(text[max(0, claim.start - 30) : claim.start])):
        return None
    return noun


def _frame_measure(claim, text: str) -> str | None:
    noun = head(claim)
    if noun in ("death", "fatality"):
        return "death"
    if noun == "person" and (_KILLED_BEFORE.search(text[max(0, claim.start - 30) : claim.start])
                             or _DEAD_AFTER.match(text[claim.end : claim.end + 30])):
        return "death"
    return noun


def _said(claim, text: str) -> set[str]:
    """What is said of a figure's people: the -ing and -ed words after it in its clause."""
    after = _CLAUSE_END.split(text[claim.end : min(claim.sentence_end or len(text), claim.end + 70)])[0]
    return {w for w in _SAID.findall(after.lower()) if w not in _NOT_SAID}


def _periods_differ(a, b) -> bool:
    pa = a.frame.period if a.frame else None
    pb = b.frame.period if b.frame else None
    return bool(pa and pb and pa != pb)
