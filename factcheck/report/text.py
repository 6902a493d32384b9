"""Human-readable report: each figure in its sentence, with what factcheck read from it.

Rich markup, one item a line; given a `width`, long lines wrap to it with their continuation
indented under the item's text. Snippets and messages are one line each (no raw newlines)."""

from __future__ import annotations

import re
from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from ..models import DateClaim, Report
from ..normalize import describe_interval

_VERDICT_MARKS = {"supported": "[green]✓[/green]", "contradicted": "[red]✗[/red]", "unverified": " "}
_QUALIFIER_WORDS = {
    "exact": "", "approx": "approximately", "nearly": "just below", "more_than": "more than",
    "at_least": "at least", "at_most": "at most", "less_than": "less than", "up_to": "up to",
    "range": "range",
}


_DETAIL = 14  # the indent of a claim's snippet and verdict lines
_SPACE = re.compile(r"\s+")


def render(reports: list[Report], texts: list[str] | None = None, *, width: int | None = None) -> str:
    """Rich markup; the CLI prints it in colour on a terminal and plain when piped, and passes the
    terminal's `width` (None: no wrapping)."""
    blocks = []
    for index, report in enumerate(reports):
        text = texts[index] if texts else None
        lines = _story(report, text)
        blocks.append("\n".join(_wrap(indent, head, body, width) for indent, head, body in lines))
    return "\n\n".join(blocks)


_SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


def render_flags(reports: list[Report], texts: list[str] | None = None) -> str:
    """Only what is flagged, one line each, as ruff's concise output: `path:line:col: severity
    rule: message`, the severity and rule coloured (error red, warning yellow, info blue), then
    one line of totals. Findings and contradicted figures in story order; suppressed ones left
    out, as in the summary and the exit code. Rich markup: plain when piped or with NO_COLOR."""
    from .line import escape_path
    from .sarif import contradiction_message

    lines, counts = [], Counter()
    for report in reports:
        path = escape(escape_path(report.source.path or "<stdin>"))
        flags = [(f.start, f.line, f.column, f.severity, f.rule, f.message) for f in report.findings if not f.suppressed]
        flags += [(c.start, c.line, c.column, "error", "contradicted", contradiction_message(c))
                  for c in report.claims if c.verdict == "contradicted" and not c.suppressed]
        for _, line, column, severity, rule, message in sorted(flags, key=lambda flag: flag[0]):
            colour = _SEVERITY_COLOURS[severity]
            lines.append(f"[bold]{path}[/bold]:{line}:{column}: [{colour}]{severity}[/{colour}] "
                         f"[bold {colour}]{rule}[/bold {colour}]: {escape(one_line(message))}")
            counts[severity] += 1
    total = sum(counts.values())
    if not total:
        lines.append(f"[green]No flags[/green] in {plural(len(reports), 'story', 'stories')}.")
    else:
        parts = ", ".join(plural(counts[s], s) for s in _SEVERITY_COLOURS if counts[s])
        lines.append(f"Found {plural(total, 'flag')} ({parts}) in {plural(len(reports), 'story', 'stories')}.")
    return "\n".join(lines)


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """'1 claim', '2 claims' ('1 story', '2 stories' with `nouns`)."""
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"


def one_line(text: str) -> str:
    """`text` with every run of whitespace (newlines, tabs, line separators) as one space."""
    return _SPACE.sub(" ", text).strip()


def _story(report: Report, text: str | None) -> list[tuple[int, str, str]]:
    """(indent, head, body) for each line: a long body wraps under itself, after the head."""
    path = report.source.path or "<stdin>"
    published = report.source.published or "unknown (relative dates unresolved; use --published)"
    out = [(0, "", f"[bold]{escape(one_line(path))}[/bold]  published {published}")]
    for claim in report.claims:
        where = f"{claim.line}:{claim.column}"
        muted = claim.verdict == "contradicted" and claim.suppressed
        mark = "[dim]✗[/dim]" if muted else _VERDICT_MARKS[claim.verdict]
        head = f"  [cyan]{where:>8}[/cyan]  {mark} {claim.kind:<8} "
        out.append((2, head, f"[bold]{escape(one_line(claim.text))}[/bold]  {escape(_reading(claim))}"))
        if text is not None:
            out.append((_DETAIL, "", f"[dim]{escape(_context(text, claim.start, claim.end))}[/dim]"))
        if claim.verdict != "unverified" and claim.reference:
            colour = "dim" if muted else ("green" if claim.verdict == "supported" else "red")
            ref = claim.reference
            source = f"; source: {ref.source}" if ref.source else ""
            note = " (suppressed)" if muted else ""
            detail = escape(one_line(f"{claim.verdict}{note}: {claim.reason or ''} [{ref.id}{source}]"))
            out.append((_DETAIL, "", f"[{colour}]{detail}[/{colour}]"))
    for finding in report.findings:
        colour = "dim" if finding.suppressed else {"error": "red", "warning": "yellow", "info": "blue"}[finding.severity]
        muted = " (suppressed)" if finding.suppressed else ""
        head = f"  [cyan]{finding.line}:{finding.column}[/cyan]  [{colour}]{finding.severity}[/{colour}]  "
        out.append((2, head, f"{finding.rule}{muted}: {escape(one_line(finding.message))}"))
        if text is not None:
            out.append((_DETAIL, "", f"[dim]{escape(_context(text, finding.start, finding.end))}[/dim]"))
    out.append((2, "", escape(_summary(report))))
    return out


def _summary(report: Report) -> str:
    kinds = Counter(c.kind for c in report.claims)
    breakdown = ", ".join(f"{n} {k}" for k, n in kinds.most_common())
    s = report.summary
    suppressed = (sum(f.suppressed for f in report.findings)
                  + sum(c.suppressed and c.verdict == "contradicted" for c in report.claims))
    muted = f" ({suppressed} suppressed)" if suppressed else ""
    return (f"{plural(s.claims, 'claim')} ({breakdown or 'none'}); {s.checked} checked against the reference set"
            f" ({s.supported} supported, {s.contradicted} contradicted); {plural(s.findings, 'finding')}{muted}")


def _wrap(indent: int, head: str, body: str, width: int | None) -> str:
    """One item as markup: `head` then `body`, the body wrapped to `width` with its continuation
    lines indented to where it starts (the head's width, or `indent` for a line with no head)."""
    start = Text.from_markup(head).cell_len if head else indent
    first = head or " " * indent
    if width is None or start + Text.from_markup(body).cell_len <= width:
        return first + body
    room = max(width - start, 20)
    lines = [line.rstrip() or line for line in Text.from_markup(body).wrap(Console(width=room), room)]
    pieces = [line.markup for line in lines]
    return "\n".join([first + pieces[0], *(" " * start + piece for piece in pieces[1:])])


def _reading(claim) -> str:
    if isinstance(claim, DateClaim):
        if claim.value is None:
            return f"date ({claim.granularity}), unresolved: {claim.reason or 'no publication date'}"
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
    """The line around a claim, trimmed to `width` characters either side, on one line: a span
    that runs over several lines (a list and its total) shows its start and end."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    left = text[max(line_start, start - width) : start]
    right = text[end : min(line_end, end + width)]
    prefix = "…" if start - width > line_start else ""
    suffix = "…" if end + width < line_end else ""
    middle = one_line(text[start:end])
    if len(middle) > 2 * width:
        middle = f"{middle[:width].rstrip()} … {middle[-width // 2:].lstrip()}"
    return one_line(f"{prefix}{left}»{middle}«{right}{suffix}")
