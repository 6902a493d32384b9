"""Counts per rule over a set of reports (`factcheck check --statistics`): how many flags each
rule raised, how many of them an editor suppressed, at the rule's catalogue severity."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass

from .models import Report
from .rules import RULES


@dataclass(frozen=True)
class RuleCount:
    rule: str
    severity: str
    count: int  # flags that count: not suppressed
    suppressed: int


def rule_counts(reports: list[Report]) -> list[RuleCount]:
    """One row per rule that raised anything, most flags first. A contradicted figure is the rule
    `contradicted`; a suppressed flag is counted apart, as the summary and the exit code do."""
    active, muted, severity = Counter(), Counter(), {}
    for report in reports:
        for finding in report.findings:
            (muted if finding.suppressed else active)[finding.rule] += 1
            severity.setdefault(finding.rule, finding.severity)
        for claim in report.claims:
            if claim.verdict == "contradicted":
                (muted if claim.suppressed else active)["contradicted"] += 1
    rules = set(active) | set(muted)
    rows = [RuleCount(rule, RULES[rule].severity if rule in RULES else severity.get(rule, "error"),
                      active[rule], muted[rule]) for rule in rules]
    return sorted(rows, key=lambda row: (-row.count, -row.suppressed, row.rule))


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
