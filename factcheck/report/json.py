"""The JSON report (`factcheck.report/1`): one object per story; an array for several."""

from __future__ import annotations

import json

from ..models import Report


def render(reports: list[Report], texts: list[str] | None = None) -> str:
    data = [r.to_json_dict() for r in reports]
    return json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2)


def render_lines(reports: list[Report], texts: list[str] | None = None) -> str:
    """JSON Lines: one compact report per line (for batches)."""
    return "\n".join(json.dumps(r.to_json_dict(), ensure_ascii=False) for r in reports)
