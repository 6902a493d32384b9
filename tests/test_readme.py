"""The README's JSON example is the real output of the bundled sample story, trimmed: every key of
the report, its source and summary as they are, and some of its claims, places and findings, each
whole and exactly as `factcheck check corpora/dev/iraq-detainee-transfers.md --format json` gives
them.

When the report changes, regenerate the example (for the claims and places it shows now) with
`python tests/test_readme.py` and paste it into the README."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
SAMPLE = "corpora/dev/iraq-detainee-transfers.md"  # as the README's quickstart names it
SECTION = "## The JSON report"
WIDTH = 100


def readme_example(readme: str) -> tuple[str, dict]:
    """The first ```json block of the JSON report's section: its text and its value."""
    start = readme.index(SECTION)
    block = re.compile(r"^```json\n(.*?)^```$", re.S | re.M).search(readme, start)
    assert block, f"no ```json block after {SECTION!r} in README.md"
    text = block.group(1)
    try:
        return text, json.loads(text)
    except json.JSONDecodeError as exc:
        raise AssertionError(f"README.md's JSON example is not JSON: {exc}") from None


def real_report() -> dict:
    # the project's own reference set (the sample's folder has its test fixtures, corpora/dev/claims)
    result = subprocess.run([sys.executable, "-m", "factcheck", "check", SAMPLE, "--refs", "claims", "--format", "json"],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def excerpt(report: dict, claims: list[str], places: list[int]) -> dict:
    """The report with only the claims of these ids and the places starting at these offsets."""
    trimmed = dict(report)
    trimmed["claims"] = [c for c in report["claims"] if c["id"] in claims]
    trimmed["places"] = [p for p in report["places"] if p["start"] in places]
    return trimmed


def dumps(value, column: int = 0) -> str:
    """JSON laid out for reading: what fits on a line stays on it, the rest wraps under its key."""
    flat = json.dumps(value, ensure_ascii=False)
    if column + len(flat) <= WIDTH or not isinstance(value, (dict, list)) or not value:
        return flat
    opening, closing = ("{", "}") if isinstance(value, dict) else ("[", "]")
    items = value.items() if isinstance(value, dict) else ((None, v) for v in value)
    inner = column + 1
    lines, line = [], ""
    for key, item in items:
        prefix = "" if key is None else json.dumps(key, ensure_ascii=False) + ": "
        piece = prefix + json.dumps(item, ensure_ascii=False)
        if line and inner + len(line) + 2 + len(piece) + 1 <= WIDTH:
            line += ", " + piece
            continue
        if line:
            lines.append(line)
        line = piece if inner + len(piece) + 1 <= WIDTH else prefix + dumps(item, inner + len(prefix))
    lines.append(line)
    return opening + (",\n" + " " * inner).join(lines) + closing


def test_readme_json_example_is_the_sample_story_s_real_report():
    text, example = readme_example(README.read_text(encoding="utf-8"))
    report = real_report()
    assert list(example) == list(report), "the example has every key of the report, in order"
    for key in ("schema", "source", "summary"):
        assert example[key] == report[key], key
    assert example["claims"] and example["places"], "the example shows claims and places"
    by_id = {c["id"]: c for c in report["claims"]}
    for claim in example["claims"]:
        assert claim == by_id.get(claim["id"]), f"claim {claim['id']} differs from the real report"
    for key in ("places", "findings"):
        for item in example[key]:
            assert item in report[key], f"{key}: {item} is not in the real report"
    assert not report["findings"] or example["findings"], "the example shows a finding when there is one"
    kinds = {c["kind"] for c in example["claims"]}
    assert "date" in kinds and kinds - {"date"}, "the example shows a date and a figure"
    assert any(c.get("frame") for c in example["claims"]) and any(c.get("reference") for c in example["claims"])
    # and it is laid out as the generator lays it out, so regenerating it changes nothing else
    expected = excerpt(report, [c["id"] for c in example["claims"]], [p["start"] for p in example["places"]])
    expected["findings"] = example["findings"]
    assert text.rstrip("\n") == dumps(expected), "regenerate it with: python tests/test_readme.py"


if __name__ == "__main__":  # regenerate README.md's example in place from the real report
    readme = README.read_text(encoding="utf-8")
    old, shown = readme_example(readme)
    fresh = excerpt(real_report(), [c["id"] for c in shown.get("claims", [])] or ["c2", "c3"],
                    [p["start"] for p in shown.get("places", [])])
    fresh["findings"] = [f for f in fresh["findings"] if f in shown.get("findings", [])] or fresh["findings"][:1]
    start = readme.index(old, readme.index(SECTION))
    README.write_text(readme[:start] + dumps(fresh) + "\n" + readme[start + len(old):], encoding="utf-8")
    print("README.md's JSON example regenerated")
