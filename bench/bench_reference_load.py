"""Loading a reference set: time and peak memory at 10k, 100k and 1M facts, cold and warm,
and the cost of a lookup once loaded (it should not grow with the set).

cold: a fresh process, empty cache (parse + validate the TOML and build the cached store);
warm: a fresh process, the cache of the same files present (the usual case: a desk edits the
set rarely and checks stories often). Each measurement runs in its own process, so its peak
RSS is its own (it includes Python and the imports: see the "import only" row). Lookups are
timed in a fresh process on the warm set: 2,000 at random places right after opening it, then
2,000 at other places.

Run: python bench/bench_reference_load.py [SIZES...]     (default 10000 100000 1000000)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_reference import town_name, write  # noqa: E402

CHILD = r"""
import json, sys, time


def peak_mb():
    # VmHWM: this process's peak resident memory (ru_maxrss would carry the parent's over exec)
    with open("/proc/self/status") as status:
        return next(int(l.split()[1]) for l in status if l.startswith("VmHWM")) / 1024


start = time.perf_counter()
from factcheck.reference import load_reference
imported = time.perf_counter() - start
folder, lookups = sys.argv[1], int(sys.argv[2])
out = {"import_s": imported, "import_rss_mb": peak_mb()}
if folder != "-":
    start = time.perf_counter()
    ref = load_reference(folder)
    out["load_s"] = time.perf_counter() - start
    out["load_rss_mb"] = peak_mb()
if folder != "-" and lookups:
    sys.path.insert(0, sys.argv[3])
    from bench.make_reference import town_name
    import random
    places = len(ref.places)
    start = time.perf_counter()
    gazetteer = ref.gazetteer()
    out["gazetteer_s"] = time.perf_counter() - start
    sentence = "around 1,017 people live in the town, officials said on tuesday after the vote"
    def one_pass(seed):
        rng = random.Random(seed)
        timings = {"candidates": 0.0, "by_context": 0.0, "scope + source": 0.0, "exact place": 0.0,
                   "fuzzy place": 0.0, "alias key": 0.0}
        for _ in range(lookups):
            p = rng.randrange(places)
            t0 = time.perf_counter()
            facts = ref.candidates("count", "people", f"place-{p}")
            t1 = time.perf_counter()
            ref.by_context("count", sentence)
            t2 = time.perf_counter()
            for fact in facts:
                ref.scope.get(fact.id, frozenset())
                ref.source_of(fact)
                fact.interval
            t3 = time.perf_counter()
            assert gazetteer.lookup(f"Town {p}").id == f"place-{p}"
            t4 = time.perf_counter()
            name = town_name(p)
            gazetteer.lookup(name[:-1] + "x" + name[-1] if len(name) >= 6 else name)
            t5 = time.perf_counter()
            gazetteer.keys.get(name.lower())
            t6 = time.perf_counter()
            for key, took in zip(timings, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5)):
                timings[key] += took
        return {k: v / lookups * 1e6 for k, v in timings.items()}

    out["lookup_us"] = one_pass(7)  # the first lookups after opening the set
    out["repeat_us"] = one_pass(8)  # then as many at other places
    out["end_rss_mb"] = peak_mb()
print(json.dumps(out))
"""


def child(folder: str, cache: Path, lookups: int = 0) -> dict:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    result = subprocess.run([sys.executable, "-c", CHILD, folder, str(lookups), str(ROOT)],
                            capture_output=True, text=True, env=env, cwd=ROOT)
    if result.returncode:
        raise SystemExit(result.stderr)
    return json.loads(result.stdout)


def main(sizes: list[int]) -> None:
    print(f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
    base = child("-", Path(tempfile.mkdtemp()))
    print(f"import only: {base['import_s']:.2f} s, {base['import_rss_mb']:.0f} MB\n")
    print("| facts | TOML size | cold load | cold peak RSS | warm load | warm peak RSS | cache size |")
    print("|---|---|---|---|---|---|---|")
    lookups = {}
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder, cache = Path(tmp) / "claims", Path(tmp) / "cache"
            start = time.perf_counter()
            write(folder, size)
            made = time.perf_counter() - start
            toml_mb = sum(p.stat().st_size for p in folder.glob("*.toml")) / 1e6
            cold = child(str(folder), cache)
            warm = [child(str(folder), cache) for _ in range(3)]
            best = min(warm, key=lambda w: w["load_s"])
            stored = sum(p.stat().st_size for p in cache.rglob("*") if p.is_file()) / 1e6
            runs = ", ".join(f"{w['load_s']:.2f}" for w in warm)
            print(f"| {size:,} | {toml_mb:.0f} MB | {cold['load_s']:.2f} s | {cold['load_rss_mb']:.0f} MB "
                  f"| {best['load_s']:.2f} s (of 3: {runs}) "
                  f"| {best['load_rss_mb']:.0f} MB | {stored:.0f} MB |", flush=True)
            lookups[size] = child(str(folder), cache, lookups=2000)
            print(f"<!-- {size}: generated in {made:.1f} s; lookups {json.dumps(lookups[size])} -->", flush=True)
    print("\n| lookup (µs, mean of 2,000 at random places: the first after opening / 2,000 more) | "
          + " | ".join(f"{s:,} facts" for s in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for key in next(iter(lookups.values()))["lookup_us"]:
        print(f"| {key} | " + " | ".join(
            f"{lookups[s]['lookup_us'][key]:.1f} / {lookups[s]['repeat_us'][key]:.1f}" for s in sizes) + " |")
    print("| place index, first use (ms) | " + " | ".join(f"{lookups[s]['gazetteer_s'] * 1000:.0f}" for s in sizes) + " |")
    print("| peak RSS after 2,000 lookups | " + " | ".join(f"{lookups[s]['end_rss_mb']:.0f} MB" for s in sizes) + " |")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 100_000, 1_000_000])
