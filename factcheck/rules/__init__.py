"""The rules catalogue: every check a report can raise, with its id, default severity and
descriptions, in one place. Config (`disable`), SARIF rule metadata, the text output, `check`,
`hook`, `batch` and `serve` all read it; whether a report blocks is `factcheck.policy.blocks`.

The consistency checks themselves live in `verify/` (breakdowns, wholes, lists, periods,
shares, changes, linked_changes, running, restated, weekdays, offsets, date_ranges,
announced, outcomes, followed, worldwide, tolls); they read claims and frames and import no spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..verify import (
    announced, breakdowns, changes, date_ranges, followed, linked_changes, lists, offsets, outcomes, periods,
    restated, running, shares, tolls, weekdays, wholes, worldwide,
)


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str  # the usual severity; a check may lower it when the relation is only inferred
    summary: str  # one line for lists and config errors
    description: str  # a sentence for SARIF and the HTML page


RULES: dict[str, Rule] = {rule.id: rule for rule in (
    Rule("sum-mismatch", "error", "a total and its breakdown that cannot agree",
         "Parts said to make up a total do not add up to it."),
    Rule("part-exceeds-total", "error", "a part larger than its whole",
         "A part is larger than the total it belongs to."),
    Rule("restated-differently", "warning", "one figure stated twice with values that cannot both be true",
         "The same figure is given again with a different value."),
    Rule("weekday-mismatch", "error", "a weekday and a date that fall on different days",
         "A weekday does not fall on the date it is given with."),
    Rule("percent-mismatch", "error", "a percentage that does not match its counts, or shares past 100%",
         "A percentage does not match the figures it is worked out from."),
    Rule("change-mismatch", "error", "a stated change that does not follow from the stated figures",
         "A stated rise or fall does not match the figures before and after."),
    Rule("contradicted", "error", "a figure the reference set contradicts",
         "A figure contradicts the reference data."),
    Rule("unused-suppression", "info", "an inline suppression that no longer suppresses anything",
         "An inline suppression comment no longer matches any flag."),
)}

# The checks run over a story's claims: each returns findings.
CHECKS: tuple[Callable, ...] = (
    breakdowns.check, announced.check, wholes.check, outcomes.check, followed.check, worldwide.check,
    lists.check, periods.check, shares.check, changes.check, linked_changes.check, running.check,
    weekdays.check, offsets.check, date_ranges.check, tolls.check, restated.check,
)


def find_inconsistencies(claims, text: str, *, disabled: frozenset[str] = frozenset()) -> list:
    """Every consistency finding in a story, rules in `disabled` left out, in text order."""
    findings, seen = [], set()
    for check in CHECKS:
        for f in check(claims, text):
            key = (f.rule, frozenset(f.claims))  # two checks reading one relation report it once
            if f.rule not in disabled and key not in seen:
                seen.add(key)
                findings.append(f)
    return sorted(findings, key=lambda f: (f.start, f.rule))


__all__ = ["CHECKS", "RULES", "Rule", "find_inconsistencies"]
