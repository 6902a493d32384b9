"""Human-readable report: each figure in its sentence, with what factcheck read from it."""

from __future__ import annotations

from collections import Counter

from rich.markup import escape

from ..models import DateClaim, Report
from ..normalize import describe_interval

_VERDICT_MARKS = {"supported": "[green]✓[/green]", "contradicted": "[red]✗[/red]", "unverified": " "}
_QUALIFIER_WORDS = {
    "exact": "", "approx": "approximately", "nearly": "just below", "more_than": "more than",
    "at_least": "at least", "at_most": "at most", "less_than": "less than", "up_to": "up to",
    "range": "range",
}


def render(reports: list[Report], texts: list[str] | None = None) -> str:
    """Rich markup; the CLI prints it in colour on a terminal and plain when piped."""
    blocks = []
    for index, report in enumerate(reports):
        text = texts[index] if texts else None
        blocks.append(_story(report, text))
    return "\n\n".join(blocks)


def _story(report: Report, text: str | None) -> str:
    path = report.source.path or "<stdin>"
    published = report.source.published or "unknown (relative dates unresolved; use --published)"
    out = [f"[bold]{escape(path)}[/bold]  published {published}"]
    for claim in report.claims:
        where = f"{claim.line}:{claim.column}"
        mark = _VERDICT_MARKS[claim.verdict]
        out.append(f"  [cyan]{where:>8}[/cyan]  {mark} {claim.kind:<8} [bold]{escape(claim.text)}[/bold]  {escape(_reading(claim))}")
        if text is not None:
            out.append(f"              [dim]{escape(_context(text, claim.start, claim.end))}[/dim]")
        if claim.verdict != "unverified" and claim.reference:
            colour = "green" if claim.verdict == "supported" else "red"
            ref = claim.reference
            source = f"; source: {ref.source}" if ref.source else ""
            detail = escape(f"{claim.verdict}: {claim.reason or ''} [{ref.id}{source}]")
            out.append(f"              [{colour}]{detail}[/{colour}]")
    for finding in report.findings:
        muted = " (suppressed)" if finding.suppressed else ""
        colour = {"error": "red", "warning": "yellow", "info": "blue"}[finding.severity]
        out.append(f"  [cyan]{finding.line}:{finding.column}[/cyan]  [{colour}]{finding.severity}[/{colour}]  "
                   f"{finding.rule}: {escape(finding.message)}{muted}")
        if text is not None:
            out.append(f"              [dim]{escape(_context(text, finding.start, finding.end))}[/dim]")
    kinds = Counter(c.kind for c in report.claims)
    breakdown = ", ".join(f"{n} {k}" for k, n in kinds.most_common())
    s = report.summary
    out.append(
        f"  {s.claims} claims ({breakdown or 'none'}); {s.checked} checked against the reference set"
        f" ({s.supported} supported, {s.contradicted} contradicted); {s.findings} findings"
    )
    return "\n".join(out)


def _reading(claim) -> str:
    if isinstance(claim, DateClaim):
        if claim.value is None:
            return f"date ({claim.granularity}), unresolved: no publication date"
        rel = ", relative" if claim.relative else ""
        return f"= {claim.value} ({claim.granularity}{rel})"
    value = f"{claim.value:,}" if claim.value_end is None else f"{claim.value:,} to {claim.value_end:,}"
    qualifier = _QUALIFIER_WORDS[claim.qualifier]
    parts = [f"= {value}"]
    if claim.unit:
        parts.append(claim.unit)
    if claim.qualifier == "more_than" and claim.high is None:
        allowed = f"above {claim.low:,}"
    elif claim.qualifier == "less_than":
        allowed = f"below {claim.high:,}"
    else:
        allowed = describe_interval(claim.low, claim.high)
    parts.append(f"[{allowed}{', ' + qualifier if qualifier else ''}]")
    if claim.place:
        parts.append(f"in {claim.place.text}")
    if claim.date:
        parts.append(f"at {claim.date.value or claim.date.text}")
    return " ".join(parts)


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    """The line around a claim, trimmed to `width` characters either side."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    left = text[max(line_start, start - width) : start]
    right = text[end : min(line_end, end + width)]
    prefix = "…" if start - width > line_start else ""
    suffix = "…" if end + width < line_end else ""
    return f"{prefix}{left}»{text[start:end]}«{right}{suffix}".strip()
