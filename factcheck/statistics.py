"""Counts per rule over a set of reports (`factcheck check --statistics`): how many flags each
rule raised at each severity (a check lowers a rule's usual severity when the relation is only
inferred), and how many of them an editor suppressed."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass

from .models import Report


@dataclass(frozen=True)
class RuleCount:
    rule: str
    severity: str
    count: int  # flags that count: not suppressed
    suppressed: int


def rule_counts(reports: list[Report]) -> list[RuleCount]:
    """One row per rule that raised anything, most flags first. A contradicted figure is the rule
    `contradicted`; a suppressed flag is counted apart, as the summary and the exit code do."""
    active, muted = Counter(), Counter()
    for report in reports:
        for finding in report.findings:
            (muted if finding.suppressed else active)[finding.rule, finding.severity] += 1
        for claim in report.claims:
            if claim.verdict == "contradicted":
                (muted if claim.suppressed else active)["contradicted", "error"] += 1
    rows = [RuleCount(rule, severity, active[rule, severity], muted[rule, severity])
            for rule, severity in set(active) | set(muted)]
    return sorted(rows, key=lambda row: (-row.count, -row.suppressed, row.rule, row.severity))


def render(reports: list[Report], format: str = "text") -> str:
    """The counts as aligned text (count, rule, severity, suppressed), or JSON for `format` json."""
    rows = rule_counts(reports)
    if format in ("json", "jsonl"):
        return json.dumps([asdict(row) for row in rows], indent=2 if format == "json" else None)
    if not rows:
        return "nothing flagged"
    width = max(len(row.rule) for row in rows)
    lines = []
    for row in rows:
        muted = f"  ({row.suppressed} suppressed)" if row.suppressed else ""
        lines.append(f"{row.count:>5}  {row.rule:<{width}}  {row.severity}{muted}")
    return "\n".join(lines)
