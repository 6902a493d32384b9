"""What a report means for publishing: block it, warn about it, or let it pass.

One rule for every front end (serve's decision, the exit codes): a report blocks when an
unsuppressed finding reaches the `fail_on` level ("error", "warning" or "info") or an unsuppressed
claim is contradicted. Flags an editor suppressed inline stay in the report but decide nothing.
"""

from __future__ import annotations

from typing import Literal

from .errors import ConfigError
from .models import Report

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
FAIL_ON = tuple(SEVERITY_RANK)


def blocks(report: Report, fail_on: str = "error") -> bool:
    """Whether `report` has an unsuppressed contradicted claim or an unsuppressed finding at or
    above `fail_on`."""
    threshold = _rank(fail_on)
    return any(c.verdict == "contradicted" and not c.suppressed for c in report.claims) or any(
        SEVERITY_RANK[f.severity] >= threshold and not f.suppressed for f in report.findings
    )


def decision(report: Report, fail_on: str = "error") -> Literal["block", "warn", "pass"]:
    """"block" when `blocks`, "warn" for any other unsuppressed finding, else "pass"."""
    if blocks(report, fail_on):
        return "block"
    return "warn" if any(not f.suppressed for f in report.findings) else "pass"


def _rank(fail_on: str) -> int:
    if fail_on not in SEVERITY_RANK:
        raise ConfigError(f"fail_on: expected one of {', '.join(FAIL_ON)}, got {fail_on!r}")
    return SEVERITY_RANK[fail_on]
