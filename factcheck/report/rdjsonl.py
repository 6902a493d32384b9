"""reviewdog's rdjsonl: one `Diagnostic` (Reviewdog Diagnostic Format) per line, for
`reviewdog -f=rdjsonl`. Columns are counted in UTF-8 bytes, as the format asks, when the story's
text is known; the end position is exclusive."""

from __future__ import annotations

import json

from ..models import Report
from ..source import line_starts
from .sarif import Issue, collect

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def render(reports: list[Report], texts: list[str] | None = None) -> str:
    lines = []
    for index, report in enumerate(reports):
        text = texts[index] if texts is not None and index < len(texts) else None
        starts = line_starts(text) if text is not None else None
        for issue in collect([report], None if text is None else [text]):
            lines.append(json.dumps(_diagnostic(issue, text, starts), ensure_ascii=False))
    return "\n".join(lines)


def _diagnostic(issue: Issue, text: str | None, starts: list[int] | None) -> dict:
    return {
        "message": issue.message,
        "location": {
            "path": issue.path,
            "range": {
                "start": {"line": issue.line, "column": _column(text, starts, issue.line, issue.column)},
                "end": {"line": issue.end_line,
                        "column": _column(text, starts, issue.end_line, issue.end_column)},
            },
        },
        "severity": SEVERITIES[issue.severity],
        "source": {"name": "factcheck"},
        "code": {"value": issue.rule},
    }


def _column(text: str | None, starts: list[int] | None, line: int, column: int) -> int:
    """A 1-based character column as a 1-based UTF-8 byte column."""
    if text is None or line > len(starts):
        return column
    begin = starts[line - 1]
    return len(text[begin : begin + column - 1].encode("utf-8")) + 1
