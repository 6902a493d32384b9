"""How the check's time and memory grow with a story's length, on realistic copy and on inputs
built to be pathological (issue 9). Each case runs in its own process with a time budget.

    python bench/bench_complexity.py                 # 10k, 100k, 1M characters, --fast
    python bench/bench_complexity.py --model full    # the statistical model
    python bench/bench_complexity.py --sizes 10000 30000 --cases digits-dashes

Prints a Markdown table (seconds, peak RSS in MB) for bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PATTERNS = {
    "digits-dashes": "1-",
    "dotted-letters": "a.",
    "repeated-counts": "5 people ",
    "repeated-dates": "March 12, 2026 ",
    "angle-brackets": "<",
    "open-parens": "(",
    "emails": "x@y.",
    "long-word": "a",
}


def realistic(size: int) -> str:
    """The project's own dev stories, repeated to the size."""
    parts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora" / "dev").glob("*.txt"))]
    text = "\n\n".join(parts)
    return (text * (size // len(text) + 1))[:size]


def make(case: str, size: int) -> str:
    if case == "realistic":
        return realistic(size)
    unit = PATTERNS[case]
    return (unit * (size // len(unit) + 1))[:size]


def _child(case: str, size: int, model: str) -> None:
    import resource

    from factcheck import check_text
    from factcheck.extract import DEFAULT_MODEL, FAST_MODEL, build_pipeline

    name = FAST_MODEL if model == "fast" else DEFAULT_MODEL
    build_pipeline(name)
    text = make(case, size)
    started = time.perf_counter()
    report = check_text(text, model=name)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "claims": len(report.claims)}))


def run(case: str, size: int, model: str, budget: float) -> dict:
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--child", case, str(size), model],
            capture_output=True, text=True, timeout=budget, cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        return {"seconds": None, "note": f">{budget:g} s"}
    if out.returncode != 0:
        return {"seconds": None, "note": "error: " + out.stderr.strip().splitlines()[-1][:80]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--cases", nargs="+", default=["realistic", *PATTERNS])
    parser.add_argument("--model", choices=["fast", "full"], default="fast")
    parser.add_argument("--budget", type=float, default=300)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        case, size, model = args.child
        _child(case, int(size), model)
        return
    print(f"| input ({args.model}) | " + " | ".join(f"{s:,} chars" for s in args.sizes) + " |")
    print("|---|" + "---|" * len(args.sizes))
    for case in args.cases:
        cells = []
        for size in args.sizes:
            result = run(case, size, args.model, args.budget)
            if result["seconds"] is None:
                cells.append(result["note"])
            else:
                cells.append(f"{result['seconds']:.2f} s, {result['peak_mb']:.0f} MB")
        print(f"| {case} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
