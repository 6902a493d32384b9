"""How long factcheck takes on a story once the model is loaded, beside the raw spaCy model.

Run: python bench/bench_extract.py [REPEATS]   (results go in bench/RESULTS.md by hand)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import spacy

from factcheck import story_from_text
from factcheck.api import check_story
from factcheck.extract import DEFAULT_MODEL, build_pipeline

ROOT = Path(__file__).resolve().parent.parent


def thousand_word_story() -> str:
    """The dev stories, concatenated and cut at 1,000 words (a long news story)."""
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora" / "dev").glob("*.txt")))
    words = text.split(" ")
    return " ".join(words[:1000])


def timed(fn, repeats: int) -> list[float]:
    fn()  # warm up
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    text = thousand_word_story()
    t0 = time.perf_counter()
    build_pipeline(DEFAULT_MODEL)
    load = time.perf_counter() - t0
    raw = spacy.load(DEFAULT_MODEL, exclude=["lemmatizer"])
    story = story_from_text(text, "bench.txt")
    ours = timed(lambda: check_story(story), repeats)
    base = timed(lambda: raw(text), repeats)
    tokens = len(raw(text))
    print(f"story: 1,000 words, {tokens} tokens; pipeline load {load:.2f} s")
    print(f"factcheck check_story: median {statistics.median(ours)*1000:.0f} ms "
          f"(min {min(ours)*1000:.0f}, max {max(ours)*1000:.0f}) over {repeats} runs")
    print(f"raw spaCy model:       median {statistics.median(base)*1000:.0f} ms")
    print(f"overhead of factcheck's components and claims: "
          f"{(statistics.median(ours) / statistics.median(base) - 1) * 100:.0f}%")


if __name__ == "__main__":
    main()
