"""The scale benchmarks of the speed issue, in one run on this machine:

- throughput of factcheck (default and --fast) and of the raw spaCy model on the dev corpus;
- cold start of `factcheck check` on a 1,000-word story, process start to exit, and its peak memory;
- batch throughput on 1 and 2 processes;
- reference-set load time and lookup time per claim at 100, 10,000 and 1,000,000 facts.

Run: python bench/bench_scale.py   (takes a few minutes; paste the output into bench/RESULTS.md)
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_extract import thousand_word_story  # noqa: E402
from bench.make_reference import write as write_reference  # noqa: E402


def stories() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora" / "dev").glob("*.*"))
            if p.suffix in (".txt", ".md")]


def throughput() -> None:
    import spacy

    from factcheck import story_from_text
    from factcheck.api import check_stories
    from factcheck.extract import DEFAULT_MODEL, FAST_MODEL, build_pipeline

    texts = stories() * 4
    words = sum(len(t.split()) for t in texts)
    raw = spacy.load(DEFAULT_MODEL, exclude=["lemmatizer"])
    build_pipeline(DEFAULT_MODEL)
    build_pipeline(FAST_MODEL)
    docs = [story_from_text(t, "s.txt") for t in texts]

    def best(fn, runs=3):
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        return min(times)

    t_raw = best(lambda: list(raw.pipe(texts)))
    t_ours = best(lambda: list(check_stories(docs)))
    t_fast = best(lambda: list(check_stories(docs, model=FAST_MODEL)))
    print(f"## Throughput ({len(texts)} stories, {words:,} words, one process)")
    print("| pipeline | seconds | words/s | vs raw model |")
    print("|---|---|---|---|")
    print(f"| raw spaCy model | {t_raw:.2f} | {words / t_raw:,.0f} | 1.00 |")
    print(f"| factcheck (default) | {t_ours:.2f} | {words / t_ours:,.0f} | {t_ours / t_raw:.2f} |")
    print(f"| factcheck --fast | {t_fast:.2f} | {words / t_fast:,.0f} | {t_fast / t_raw:.2f} ({t_ours / t_fast:.1f}x faster than default) |")
    print()


def cold_start() -> None:
    story = Path(tempfile.mkdtemp()) / "story.txt"
    story.write_text(thousand_word_story(), encoding="utf-8")
    exe = shutil.which("factcheck") or f"{sys.executable} -m factcheck"
    print("## Cold start: `factcheck check` on a 1,000-word story, process start to exit")
    print("| mode | median of 5 | peak memory |")
    print("|---|---|---|")
    for label, extra in (("default", []), ("--fast", ["--fast"])):
        times, peaks = [], []
        for _ in range(5):
            start = time.perf_counter()
            result = subprocess.run(["/usr/bin/time", "-f", "%M", *exe.split(), "check", str(story),
                                     "--format", "json", *extra], capture_output=True, text=True)
            times.append(time.perf_counter() - start)
            peaks.append(int(result.stderr.strip().splitlines()[-1]))
        print(f"| {label} | {statistics.median(times):.2f} s | {max(peaks) / 1024:.0f} MB |")
    print()


def batch() -> None:
    folder = Path(tempfile.mkdtemp())
    for i in range(10):
        for p in (ROOT / "corpora" / "dev").glob("*.*"):
            if p.suffix in (".txt", ".md"):
                shutil.copy(p, folder / f"{i}-{p.name}")
    count = len(list(folder.iterdir()))
    exe = shutil.which("factcheck") or f"{sys.executable} -m factcheck"
    print(f"## Batch: {count} stories, no cache")
    print("| processes | seconds | stories/s |")
    print("|---|---|---|")
    timings = {}
    for jobs in (1, 2):
        start = time.perf_counter()
        subprocess.run([*exe.split(), "batch", str(folder), "--no-cache", "-j", str(jobs), "-q",
                        "--out", str(folder / "out")], capture_output=True)
        timings[jobs] = time.perf_counter() - start
        print(f"| {jobs} | {timings[jobs]:.1f} | {count / timings[jobs]:.1f} |")
    print(f"\nspeed-up on 2 processes: {timings[1] / timings[2]:.2f}x\n")


def reference() -> None:
    from factcheck import check_text
    from factcheck.reference import load_reference
    from factcheck.verify.facts import link_places, verify_claims

    text = "Around 1,017 people live in Place 7, and 1,009 homes were built in Place 9."
    claims = check_text(text).claims
    print("## Reference set: load and lookup")
    print("| facts | first load (parse + validate) | cached load | lookup per claim |")
    print("|---|---|---|---|")
    for size in (100, 10_000, 1_000_000):
        folder = Path(tempfile.mkdtemp()) / "claims"
        write_reference(folder, size)
        cache = Path(tempfile.mkdtemp())
        os.environ["XDG_CACHE_HOME"] = str(cache)
        start = time.perf_counter()
        ref = load_reference(folder)
        first = time.perf_counter() - start
        start = time.perf_counter()
        ref = load_reference(folder)
        cached = time.perf_counter() - start
        linked, _ = link_places(claims, [], text, ref)
        assert any(c.place and c.place.id for c in linked), "bench claims should link to places"
        start = time.perf_counter()
        for _ in range(200):
            verify_claims(linked, text, ref)
        per_claim = (time.perf_counter() - start) / (200 * len(linked))
        print(f"| {size:,} | {first:.2f} s | {cached:.2f} s | {per_claim * 1e6:.0f} µs |")
    print()


if __name__ == "__main__":
    print(f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
    throughput()
    cold_start()
    batch()
    reference()
