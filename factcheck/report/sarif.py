"""SARIF 2.1.0, the format code-scanning services read (GitHub code scanning, Azure DevOps, IDEs).

One log, one run, every story's results in it. The `rules` array always lists every rule in
`RULES`, in that order, so a rule's `ruleIndex` never changes between runs; a rule id that is not
in `RULES` (a newer check) is appended after them, in alphabetical order.

This module also holds what the CI formats (sarif, rdjsonl, github) share: the list of what a report
flags (`collect`), with end positions worked out from the story's text.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import quote

from ..models import Report
from ..rules import RULES as CATALOGUE
from ..normalize import grouped
from ..source import line_starts

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
INFORMATION_URI = "https://github.com/factcheck-news/factcheck"

RULES = {rule.id: rule.description for rule in CATALOGUE.values() if rule.id != "unused-suppression"}

LEVELS = {"error": "error", "warning": "warning", "info": "note"}


@dataclass(frozen=True)
class Issue:
    """One flagged stretch of a story. Lines and columns are 1-based, in characters (code points);
    `end_line`/`end_column` is the position just after the last character (end exclusive), the same
    as the start when the text is not known."""

    path: str
    rule: str
    severity: str
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    claims: tuple[str, ...] = ()


def collect(reports: list[Report], texts: list[str] | None = None) -> list[Issue]:
    """Every finding, then every contradicted claim, of each report in turn."""
    issues = []
    for index, report in enumerate(reports):
        path = report.source.path or "<stdin>"
        text = texts[index] if texts is not None and index < len(texts) else None
        starts = line_starts(text) if text is not None else None
        for f in report.findings:
            if f.suppressed:
                continue
            issues.append(_issue(path, f.rule, f.severity, f.message, f, tuple(f.claims), text, starts))
        for claim in report.claims:
            if claim.verdict == "contradicted" and not claim.suppressed:
                issues.append(_issue(path, "contradicted", "error", contradiction_message(claim), claim,
                                     (claim.id,), text, starts))
    return issues


def contradiction_message(claim) -> str:
    head = f"{claim.text!r} contradicts the reference"
    ref = claim.reference
    if ref is None:
        return head
    said = ref.id if ref.value is None else f"{ref.id} = {grouped(ref.value)}"
    if ref.low is not None and ref.high is not None:
        said += f", expected {grouped(ref.low)} to {grouped(ref.high)}"
    elif ref.low is not None:
        said += f", expected at least {grouped(ref.low)}"
    elif ref.high is not None:
        said += f", expected at most {grouped(ref.high)}"
    if ref.source:
        said += f" (source: {ref.source})"
    return f"{head}: {said}"


def _issue(path, rule, severity, message, span, claims, text, starts) -> Issue:
    end_line, end_column = span.line, span.column
    if text is not None and span.end > span.start and span.end <= len(text):
        # the last character's line, and the column just after it
        end_line, last_column = _position(starts, span.end - 1)
        end_column = last_column + 1
    return Issue(path=path, rule=rule, severity=severity, message=message, start=span.start,
                 end=span.end, line=span.line, column=span.column, end_line=end_line,
                 end_column=end_column, claims=claims)


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def rule_ids(issues: list[Issue]) -> list[str]:
    """`RULES` in order, then any other rule the issues use, alphabetically."""
    return [*RULES, *sorted({i.rule for i in issues} - set(RULES))]


def artifact_uri(path: str) -> str:
    """The path as a URI reference: forward slashes, percent-encoded; absolute paths as file URIs."""
    if re.match(r"^[A-Za-z]:[\\/]", path):
        return PureWindowsPath(path).as_uri()
    path = path.replace("\\", "/")
    if path.startswith("/"):
        return PurePosixPath(path).as_uri()
    # ':' stays encoded: in a relative reference's first segment it would read as a scheme
    return quote(path, safe="/!$&'()*+,;=@")


def render(reports: list[Report], texts: list[str] | None = None) -> str:
    from .._version import __version__

    issues = collect(reports, texts)
    ids = rule_ids(issues)
    index = {rule: i for i, rule in enumerate(ids)}
    rules = [
        {"id": rule, "shortDescription": {"text": RULES.get(rule, f"factcheck rule {rule}.")}}
        for rule in ids
    ]
    results = []
    for issue in issues:
        result = {
            "ruleId": issue.rule,
            "ruleIndex": index[issue.rule],
            "level": LEVELS[issue.severity],
            "message": {"text": issue.message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(issue.path)},
                    "region": {
                        "startLine": issue.line,
                        "startColumn": issue.column,
                        "endLine": issue.end_line,
                        "endColumn": issue.end_column,
                        "charOffset": issue.start,
                        "charLength": issue.end - issue.start,
                    },
                },
            }],
        }
        if issue.claims:
            result["properties"] = {"claims": list(issue.claims)}
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {
                "driver": {
                    "name": "factcheck",
                    "informationUri": INFORMATION_URI,
                    "version": __version__,
                    "rules": rules,
                },
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)
