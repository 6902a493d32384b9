"""`path:line:col: rule: message`, the format grep, editors and CI read."""

from __future__ import annotations

from ..models import Report
from .sarif import contradiction_message


def render(reports: list[Report], texts: list[str] | None = None) -> str:
    lines = []
    for report in reports:
        path = report.source.path or "<stdin>"
        for finding in report.findings:
            if finding.suppressed:
                continue
            message = " ".join(finding.message.split())
            lines.append(f"{path}:{finding.line}:{finding.column}: {finding.rule}: {message}")
        for claim in report.claims:
            if claim.verdict == "contradicted" and not claim.suppressed:
                message = " ".join(contradiction_message(claim).split())
                lines.append(f"{path}:{claim.line}:{claim.column}: contradicted: {message}")
    return "\n".join(lines)
