"""Write a synthetic reference set of N facts (for the load and lookup benchmarks)."""

from __future__ import annotations

import sys
from pathlib import Path

NOUNS = ["people", "detainees", "homes", "pupils", "patients", "jobs", "votes", "beds", "schools",
         "trucks", "nurses", "teachers", "flights", "passengers", "cases", "deaths", "arrests"]


def write(folder: Path, facts: int, places: int | None = None) -> Path:
    """N facts over N/10 places (at least 10): ten facts per place at every size, so the work
    per claim stays the same and only the size of the set grows."""
    places = places or max(10, facts // 10)
    folder.mkdir(parents=True, exist_ok=True)
    out = ["# synthetic reference set for benchmarks", ""]
    for p in range(places):
        out += ["[[place]]", f'id = "place-{p}"', f'name = "Place {p}"', 'kind = "city"',
                f'aliases = ["Town {p}", "City of {p}"]', ""]
    out += ["[[source]]", 'id = "desk"', 'publisher = "Bench desk"', "date = 2026-01-01", ""]
    for f in range(facts):
        out += ["[[fact]]", f'id = "fact-{f}"', f'counts = "{NOUNS[f % len(NOUNS)]}"',
                f'place = "place-{f % places}"', f"value = {1000 + f}", 'qualifier = "approx"',
                f'as_of = "{2000 + f % 26}"', 'source = "desk"', ""]
    path = folder / "bench.toml"
    path.write_text("\n".join(out), encoding="utf-8")
    return path


if __name__ == "__main__":
    write(Path(sys.argv[1]), int(sys.argv[2]))
