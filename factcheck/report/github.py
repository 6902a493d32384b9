"""GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per flagged figure,
which GitHub shows as an annotation on the file and line (in the run summary and the pull request).

    ::error file=story.md,line=3,col=7,endLine=3,endColumn=18,title=sum-mismatch::message
"""

from __future__ import annotations

from ..models import Report
from .sarif import collect

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """The message after `::`."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A `key=value` property: as data, and `:` and `,` too."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(reports: list[Report], texts: list[str] | None = None) -> str:
    lines = []
    for issue in collect(reports, texts):
        properties = ",".join(
            f"{key}={escape_property(str(value))}"
            for key, value in (
                ("file", issue.path), ("line", issue.line), ("col", issue.column),
                ("endLine", issue.end_line), ("endColumn", issue.end_column), ("title", issue.rule),
            )
        )
        lines.append(f"::{COMMANDS[issue.severity]} {properties}::{escape_data(issue.message)}")
    return "\n".join(lines)
