"""The JSON report (`factcheck.report/1`): one object per story; an array for several."""

from __future__ import annotations

import json

from ..models import Report


def render(reports: list[Report], texts: list[str] | None = None, *, array: bool | None = None) -> str:
    """One object for one story, an array for several; `array` forces the choice (the CLI asks
    for an array whenever several files were named, even if only one could be read)."""
    data = [r.to_json_dict() for r in reports]
    as_array = len(data) != 1 if array is None else array
    return json.dumps(data if as_array else data[0], ensure_ascii=False, indent=2, allow_nan=False)


def render_lines(reports: list[Report], texts: list[str] | None = None) -> str:
    """JSON Lines: one compact report per line (for batches)."""
    return "\n".join(json.dumps(r.to_json_dict(), ensure_ascii=False, allow_nan=False) for r in reports)
