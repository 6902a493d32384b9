"""Planted inconsistencies from the relation gold: one figure of a true relation changed, in its own
surface form, beyond what the relation allows.

For a numeric relation, the other figures' intervals (read by `find_figures`, bounded by
`normalize.interval`) give the interval the changed figure may take while the relation holds:
a restatement allows what the other statements allow (converted when the units differ); a
breakdown's total allows the parts' sum (or more, when the parts are not exhaustive), a part allows
the total less the other parts; a share, its part and its whole allow what the other two give; a
change, its from and its to likewise (absolute, points, percent, factor). The new figure moves by at
least max(25%, 3 x its own tolerance) and its interval lies wholly outside the allowed one, by at
least max(its tolerance, 5% of the allowed bound); of the two directions the one that keeps the
number of digits wins, then the smaller move, then upwards. At most two cases per relation: one per
role group (total / a part; the later / the first statement; the share / its part or whole; the
change / its to or from; a weekday / a date). Pure: no spaCy.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from ..extract.figures import Figure, find_figures
from .planting_dates import date_plants
from .rewriting import Bounds, figure_bounds, rewrite, show_bounds

INF = math.inf


@dataclass(frozen=True)
class Plant:
    """One planted case: the characters `start:end` (a gold figure) read `new` instead of `old`."""

    relation: int  # index in the story's relations list
    kind: str  # the relation type
    role: str  # which figure of it changed: total, part, share, change, from, to, first, later, weekday, date
    start: int
    end: int
    old: str
    new: str
    why: str  # what the relation allowed and what the new figure says

    def apply(self, text: str) -> str:
        return text[: self.start] + self.new + text[self.end :]

    @property
    def new_end(self) -> int:
        return self.start + len(self.new)


def plant_relations(text: str, relations: list[dict]) -> tuple[list[Plant], list[tuple[str, str]]]:
    """Planted cases for every relation (at most two per relation: one per role group), and the
    (type, reason) of each relation that yields none."""
    figures = find_figures(text)
    plants: list[Plant] = []
    skipped: list[tuple[str, str]] = []
    for index, relation in enumerate(relations):
        kind = relation["type"]
        if kind == "dates":
            changes, reason = date_plants(relation)
            found = [Plant(index, kind, *change) for change in changes]
        else:
            found, reason = _number_plants(text, figures, relation, index)
        plants += found
        if not found:
            skipped.append((kind, reason))
    return plants, skipped


@dataclass(frozen=True)
class _Read:
    ref: dict  # the gold figure: text and start
    figure: Figure | None

    @property
    def bounds(self) -> Bounds:
        return figure_bounds(self.figure)


# A verb before a figure that makes it a floor: "crops ... are known to exceed $US 15 billion" says
# more than $15bn although the figure's span holds no qualifier; a plant must not count it exact.
_FLOOR_VERB = re.compile(r"\b(?:exceed|exceeds|exceeded|surpass|surpasses|surpassed|top|tops|topped)\s+$", re.I)


def _read(figures: list[Figure], ref: dict | None, text: str = "") -> _Read | None:
    if ref is None:
        return None
    start, end = ref["start"], ref["start"] + len(ref["text"])
    inside = [f for f in figures if f.core_start >= start and f.core_end <= end]
    figure = inside[0] if len(inside) == 1 else None
    if figure is not None and figure.qualifier == "exact" and _FLOOR_VERB.search(text[max(0, start - 25) : start]):
        figure = replace(figure, qualifier="more_than")
    return _Read(ref, figure)


def _number_plants(text: str, figures: list[Figure], rel: dict, index: int):
    kind = rel["type"]
    if kind == "restatement":
        refs = [_read(figures, r, text) for r in rel["figures"]]
        groups = [[("later", i) for i in reversed(range(1, len(refs)))], [("first", 0)]]
    elif kind == "breakdown":
        refs = [_read(figures, rel["total"], text), *(_read(figures, r, text) for r in rel["parts"])]
        groups = [[("total", 0)], [("part", i) for i in range(1, len(refs))]]
    elif kind == "share":
        refs = [_read(figures, rel.get(n), text) for n in ("share", "part", "whole")]
        groups = [[("share", 0)], [("part", 1), ("whole", 2)]]
    elif kind == "change":
        refs = [_read(figures, rel.get(n), text) for n in ("change", "from", "to")]
        groups = [[("change", 0)], [("to", 2), ("from", 1)]]
    else:
        return [], f"unknown relation type {kind!r}"
    reasons, out = [], []
    for group in groups:
        for role, i in group:
            plant, reason = _plant_one(text, kind, rel, refs, i)
            if plant is None:
                reasons.append(reason)
                continue
            out.append(Plant(index, kind, role, *plant))
            break
    return out, "; ".join(dict.fromkeys(reasons)) or "no figure to change"


def _plant_one(text: str, kind: str, rel: dict, refs: list, i: int):
    """(start, end, old, new, why) for figure `i` of a relation, or (None, why not)."""
    allowed, reason = _allowed(kind, rel, refs, i)
    if allowed is None:
        return None, reason
    target = refs[i]
    cap = 100 if target.figure.kind == "percent" and kind != "change" else None
    new = rewrite(text, target.ref, target.figure, allowed, cap=cap)
    if new is None:
        return None, f"no value for {target.ref['text']!r} outside {show_bounds(allowed)} in its form"
    start = target.ref["start"]
    return (start, start + len(target.ref["text"]), target.ref["text"], new[0],
            f"{kind} allows {show_bounds(allowed)}; the new figure allows {new[1]}"), ""


def _allowed(kind: str, rel: dict, refs: list, i: int) -> tuple[Bounds | None, str]:
    """The interval figure `i` may take while the relation holds, given the others' intervals."""
    target = refs[i]
    if target is None:
        return None, "figure not stated"
    if target.figure is None:
        return None, f"{target.ref['text']!r} is not read as one figure"
    if target.figure.value_end is not None or (target.figure.ratio and target.figure.kind != "percent"):
        return None, f"{target.ref['text']!r} is a range or a multiplier"
    others = [r for j, r in enumerate(refs) if r is not None and j != i]
    if kind == "restatement":
        spans = [_converted(target.figure, r.figure) for r in others if r.figure is not None]
        if not spans:
            return None, "nothing read to restate against"
        return (min(s[0] for s in spans), max(s[1] for s in spans)), ""
    if any(r.figure is None for r in others):
        return None, "another figure of the relation is not read as one figure"
    if kind == "breakdown":
        return _breakdown(rel, refs, i), ""
    if kind == "share":
        return _share(refs, i)
    return _change(rel, refs, i)


def _converted(target: Figure, other: Figure) -> Bounds:
    """The other figure's interval in the target's units (a conversion when kind or unit differ:
    '6 feet' against '1.8 meters', worked out from the two figures themselves)."""
    low, high = figure_bounds(other)
    if (target.kind, target.unit) == (other.kind, other.unit) or not other.value:
        return low, high
    factor = target.value / other.value
    return low * factor, high * factor


def _sum(bounds: list[Bounds]) -> Bounds:
    return sum(b[0] for b in bounds), sum(b[1] for b in bounds)


def _breakdown(rel: dict, refs: list, i: int) -> Bounds | None:
    total, parts = refs[0], refs[1:]
    if total is None or any(p is None for p in parts):
        return None
    others = [p.bounds for j, p in enumerate(parts, start=1) if j != i]
    if i == 0:
        low, high = _sum([p.bounds for p in parts])
        return (low, high) if rel.get("exhaustive") else (low, INF)
    t_low, t_high = total.bounds
    o_low, o_high = _sum(others)
    if rel.get("exhaustive"):
        return t_low - o_high, t_high - o_low
    return -INF, t_high - o_low


def _div(a: float, b: float) -> float:
    if b == 0:
        return INF if a > 0 else 0.0
    if math.isinf(b):
        return 0.0 if not math.isinf(a) else INF
    return a / b


def _share(refs: list, i: int) -> tuple[Bounds | None, str]:
    share, part, whole = refs
    if part is None or whole is None or share is None:
        return None, "a share without both its part and its whole"
    (s_lo, s_hi), (p_lo, p_hi), (w_lo, w_hi) = share.bounds, part.bounds, whole.bounds
    s_lo, p_lo, w_lo = max(s_lo, 0), max(p_lo, 0), max(w_lo, 0)
    if i == 0:
        return (100 * _div(p_lo, w_hi), 100 * _div(p_hi, w_lo)), ""
    if i == 1:
        return (s_lo * w_lo / 100, s_hi * w_hi / 100), ""
    return (100 * _div(p_lo, s_hi), 100 * _div(p_hi, s_lo)), ""


def _change(rel: dict, refs: list, i: int) -> tuple[Bounds | None, str]:
    change, start, end = refs
    how = rel.get("change_kind")
    if change is None:
        return None, "no stated change"
    if how in ("absolute", "points") and start is None and end is not None:
        # "138 new cases brought the total to 871": the increment is part of the new total
        if i == 0:
            return (-INF, end.bounds[1]), ""
        if i == 2:
            return (change.bounds[0], INF), ""
    if start is None or end is None:
        return None, f"a {how} change without both its from and its to figures"
    if any(r.figure.value <= 0 for r in refs if r is not None) and how != "absolute":
        return None, "a change from zero"
    rise = end.figure.value >= start.figure.value
    (c_lo, c_hi), (f_lo, f_hi), (t_lo, t_hi) = change.bounds, start.bounds, end.bounds
    if how in ("absolute", "points"):
        if i == 0:
            return ((t_lo - f_hi, t_hi - f_lo) if rise else (f_lo - t_hi, f_hi - t_lo)), ""
        if i == 2:
            return ((f_lo + c_lo, f_hi + c_hi) if rise else (f_lo - c_hi, f_hi - c_lo)), ""
        return ((t_lo - c_hi, t_hi - c_lo) if rise else (t_lo + c_lo, t_hi + c_hi)), ""
    if how == "percent":
        q_lo, q_hi = _div(t_lo, f_hi), _div(t_hi, max(f_lo, 0))
        if i == 0:
            return ((100 * (q_lo - 1), 100 * (q_hi - 1)) if rise else (100 * (1 - q_hi), 100 * (1 - q_lo))), ""
        g_lo, g_hi = ((1 + c_lo / 100, 1 + c_hi / 100) if rise else (1 - c_hi / 100, 1 - c_lo / 100))
        if i == 2:
            return (f_lo * max(g_lo, 0), f_hi * g_hi), ""
        return (_div(t_lo, g_hi), _div(t_hi, max(g_lo, 0))), ""
    if how == "factor":
        if i == 0:
            return None, "the multiplier is a word"
        if i == 2:
            return (f_lo * c_lo, f_hi * c_hi), ""
        return (_div(t_lo, c_hi), _div(t_hi, c_lo)), ""
    return None, f"unknown change kind {how!r}"
