"""A total and its parts, judged with the claims' intervals: a part above its whole
(`part-exceeds-total`), parts that add up to more than the total, or, when the wording says they
are the whole of it, to less (`sum-mismatch`). Shared by the breakdown rules (sentences, lists)."""

from __future__ import annotations

import re

from .common import INF, bounds, finding, show, show_interval, unit_head

_COMPARISON_BEFORE = re.compile(
    r"(?:\bfrom|\bthan|\bcompared (?:with|to)|\bagainst|\bversus|\bvs\.?|\bup(?!\s+of\b)|\bdown|\bby|"
    r"\bincrease of|\brise of|\bfall of)\s+(?:\w+\s+)?$", re.I  # not "made up of $250m"
)


def compared(text: str, claim) -> bool:
    """ "up from 1,402", "than 300": a figure given for comparison, not a part."""
    return bool(_COMPARISON_BEFORE.search(text[max(0, claim.start - 30) : claim.start]))


def same_thing(a, b) -> bool:
    """Both count the same unit, or one of them does not say."""
    return a.unit is None or b.unit is None or unit_head(a.unit) == unit_head(b.unit)


def same_kind(a, b) -> bool:
    return a.kind == b.kind and (a.kind not in ("money", "quantity") or a.unit == b.unit)


def part_bounds(claim) -> tuple[float, float]:
    """A figure's interval inside a breakdown: a plain "210" among exact parts is 210, not
    205-215; only figures written rounded to the thousand ("24,000") keep their rounding."""
    if claim.qualifier == "exact" and claim.rounding < 1000 and claim.kind == "count":
        return claim.value, claim.value
    return bounds(claim)


def plausible(total, parts) -> bool:
    """A list is a breakdown of a figure only if its parts come near it (within a factor of 3)."""
    s = sum(p.value for p in parts)
    return total.value > 0 and s > 0 and 1 / 3 <= s / total.value <= 3


def judge(total, parts, exhaustive: bool, cue: str, severity: str = "error") -> list:
    """A finding when the parts cannot make the total (or one part exceeds it). `exhaustive`:
    the wording says the parts are the whole ("made up of", "the rest"), so a shortfall is as
    wrong as an excess."""
    parts = [p for p in parts if same_kind(p, total)]
    if not parts or total.qualifier in ("up_to", "at_most", "less_than"):
        return []
    t = part_bounds(total)
    for part in parts:
        if part_bounds(part)[0] > t[1]:
            return [finding("part-exceeds-total", severity,
                            f"{show(part)} is larger than its total {show(total)} ({cue})", [total, part])]
    if len(parts) < 2:
        return []
    s = (sum(part_bounds(p)[0] for p in parts), sum(part_bounds(p)[1] for p in parts))
    named = " + ".join(p.text for p in parts)
    if s[0] > t[1]:
        return [finding("sum-mismatch", severity,
                        f"the parts {named} add up to {show_interval(s, like=total)}, more than the total "
                        f"{show(total)} ({cue})", [total, *parts])]
    if exhaustive and s[1] < t[0] and t[1] != INF:
        return [finding("sum-mismatch", severity,
                        f"the parts {named} add up to {show_interval(s, like=total)}, less than the total "
                        f"{show(total)} ({cue}; the parts are the whole of it)", [total, *parts])]
    return []
