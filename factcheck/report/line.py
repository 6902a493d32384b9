"""`path:line:col: rule: message`, the format grep, editors and CI read.

One finding is one line, whatever the file is called: control characters and the line and
paragraph separators in a path are written as escapes (a newline as `\\n`, U+2028 as `\\u2028`).
Backslashes are left alone, so Windows paths read as they are."""

from __future__ import annotations

import re

from ..models import Report
from .sarif import contradiction_message

_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape_path(path: str) -> str:
    def escape(match: re.Match) -> str:
        char = match.group()
        code = ord(char)
        return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")

    return _UNSAFE.sub(escape, path)


def render(reports: list[Report], texts: list[str] | None = None) -> str:
    lines = []
    for report in reports:
        path = escape_path(report.source.path) if report.source.path else "<stdin>"
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
