"""The story checked against itself: every rule, run in one place."""

from __future__ import annotations

from . import arithmetic, restated, weekdays

RULES = {
    "sum-mismatch": "a total and its breakdown that cannot agree",
    "part-exceeds-total": "a part larger than its whole",
    "restated-differently": "one figure stated twice with values that cannot both be true",
    "weekday-mismatch": "a weekday and a date that fall on different days",
    "percent-mismatch": "a percentage that does not match its counts, or shares past 100%",
    "change-mismatch": "a stated change that does not follow from the stated figures",
}


def find_inconsistencies(claims, text: str, *, disabled: frozenset[str] = frozenset()) -> list:
    findings = [*arithmetic.check(claims, text), *weekdays.check(claims, text), *restated.check(claims, text)]
    findings = [f for f in findings if f.rule not in disabled]
    return sorted(findings, key=lambda f: (f.start, f.rule))
