"""What the restatement rules share: when two figures could be one figure (kind, unit, frames, size),
how they match, and the finding that names both with their intervals."""

from __future__ import annotations

import math

from .common import (bounds, disjoint, finding, frames_disagree, head, heads_agree, percent_bounds, same_head,
                     same_measure_kind, show, stated_place)

# Restated figures are the same order of size; a figure four times another is another figure.
FACTOR = 4.0

# A story states a figure again within a few hundred figures of the same kind: each statement is
# compared with at most this many earlier distinct statements, which keeps the rules linear in the
# story's length (a 1M-character archive would otherwise cost its figures squared).
WINDOW = 300


def report(a, b, severity: str, why: str):
    return finding("restated-differently", severity,
                   f"{show(a)} (line {a.line}) and {show(b)} (line {b.line}) look like one figure stated "
                   f"twice ({why}), but their intervals do not meet", [a, b])


def severity(a, b) -> str:
    """An error only when both frames name the same measure and their sentences the same place."""
    place = stated_place(a)
    return "error" if heads_agree(a, b) and place and place == stated_place(b) else "warning"


def near(a, b) -> bool:
    if a.value <= 0 or b.value <= 0:
        return a.value == b.value
    return abs(math.log(a.value / b.value)) <= math.log(FACTOR)


def comparable(a, b, *, places: bool = True) -> bool:
    """Figures that could be one figure: same kind and unit, frames not disagreeing, same size.
    `places=False` lets two stated places differ: a headline names the country ("Philippines"),
    its lede the town ("Pandi")."""
    return same_measure_kind(a, b) and not frames_disagree(a, b, places=places) and near(a, b)


def matches(a, b) -> bool:
    """ "over 80,000" matches "80,200", and "At least 35" matches "35"; "More than 400,000"
    does not match "85 million": an open interval matches only a figure of its size. A
    percentage is read with its rounding: a headline's "25%" matches the body's "24.6%"."""
    return not disjoint(_interval(a), _interval(b)) and near(a, b)


def _interval(claim) -> tuple[float, float]:
    return percent_bounds(claim) if claim.kind == "percent" else bounds(claim)


def distance(a, b) -> float:
    return abs(math.log(max(a.value, 1e-9) / max(b.value, 1e-9)))


def heads_differ(a, b) -> bool:
    ha, hb = head(a), head(b)
    return bool(ha and hb and not same_head(ha, hb))
