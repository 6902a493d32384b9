"""Write a synthetic reference set of N facts (for the load and lookup benchmarks).

Run: python bench/make_reference.py FOLDER FACTS [FILES]
"""

from __future__ import annotations

import sys
from pathlib import Path

NOUNS = ["people", "detainees", "homes", "pupils", "patients", "jobs", "votes", "beds", "schools",
         "trucks", "nurses", "teachers", "flights", "passengers", "cases", "deaths", "arrests"]
_ONSETS = ["b", "d", "f", "g", "h", "k", "l", "m", "n", "r", "s", "t", "v", "z", "sh", "kh"]
_VOWELS = ["a", "e", "i", "o", "u", "ai"]


def town_name(number: int) -> str:
    """A one-word, pronounceable and unique name for place `number` ("Dazemi"), so that fuzzy
    place linking has as many one-word names to search as the set has places."""
    syllables = []
    number += len(_ONSETS) * len(_VOWELS)  # at least two syllables
    while number:
        number, digit = divmod(number, len(_ONSETS) * len(_VOWELS))
        syllables.append(_ONSETS[digit // len(_VOWELS)] + _VOWELS[digit % len(_VOWELS)])
    return "".join(syllables).capitalize()


def write(folder: Path, facts: int, places: int | None = None, files: int = 1) -> Path:
    """N facts over N/10 places (at least 10): ten facts per place at every size, so the work
    per claim stays the same and only the size of the set grows. With `files` > 1 the places
    and facts are spread over that many files (place p and its facts in file p % files)."""
    places = places or max(10, facts // 10)
    folder.mkdir(parents=True, exist_ok=True)
    outs = [["# synthetic reference set for benchmarks", ""] for _ in range(files)]
    for p in range(places):
        outs[p % files] += ["[[place]]", f'id = "place-{p}"', f'name = "Place {p}"', 'kind = "city"',
                            f'aliases = ["Town {p}", "City of {p}", "{town_name(p)}"]', ""]
    outs[0] += ["[[source]]", 'id = "desk"', 'publisher = "Bench desk"', "date = 2026-01-01", ""]
    for f in range(facts):
        out = outs[(f % places) % files]
        out += ["[[fact]]", f'id = "fact-{f}"', f'counts = "{NOUNS[f % len(NOUNS)]}"',
                f'place = "place-{f % places}"', f"value = {1000 + f}", 'qualifier = "approx"',
                f'as_of = "{2000 + f % 26}"', 'source = "desk"', ""]
    for index, out in enumerate(outs):
        (folder / (f"bench-{index}.toml" if files > 1 else "bench.toml")).write_text("\n".join(out), encoding="utf-8")
    return folder / "bench.toml"


if __name__ == "__main__":
    write(Path(sys.argv[1]), int(sys.argv[2]), files=int(sys.argv[3]) if len(sys.argv) > 3 else 1)
