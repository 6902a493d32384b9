"""Memory of `factcheck serve` over many requests with varied text.

spaCy keeps every new word it meets in the pipeline's vocabulary (its StringStore and lexemes), so
a long-running service that checks fresh copy grows a little with each story. This benchmark
starts `factcheck serve` as its own process, sends it stories made of dev-corpus paragraphs plus
invented words (every request brings words the pipeline has never seen), and reads the resident
memory (RSS) of the server and of every process it started, from /proc, as it goes.

Run: python bench/bench_serve_memory.py [--requests 10000] [--model factcheck:fast]
(about 10 minutes with the default model on 2 cores; paste the table into bench/RESULTS.md)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import string
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def paragraphs() -> list[str]:
    out = []
    for path in sorted((ROOT / "corpora" / "dev").glob("*.*")):
        if path.suffix in (".txt", ".md"):
            out += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 80]
    return out


def story(rng: random.Random, pool: list[str]) -> str:
    """Two real paragraphs and a sentence of words nobody has written before."""
    def word() -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(4, 10)))

    invented = " ".join(word() for _ in range(25))
    name = f"{word().title()} {word().title()}"
    return (f"{rng.choice(pool)}\n\n{name} said about {rng.randint(2, 99)},{rng.randint(100, 999)} "
            f"{word()}s were counted in {word().title()}, {invented}.\n\n{rng.choice(pool)}")


def memory_mb(pid: int) -> tuple[float, float, float]:
    """(the process's RSS, the summed RSS of its descendants, the summed PSS of both) in MB.
    RSS counts pages the processes share (a fork server's imports) once per process; PSS splits them."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))

    def field(p: int, file: str, name: str) -> float:
        try:
            for line in Path(f"/proc/{p}/{file}").read_text().splitlines():
                if line.startswith(name):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    below, pss, stack = 0.0, field(pid, "smaps_rollup", "Pss:"), list(children.get(pid, []))
    while stack:
        p = stack.pop()
        below += field(p, "status", "VmRSS:")
        pss += field(p, "smaps_rollup", "Pss:")
        stack += children.get(p, [])
    return field(pid, "status", "VmRSS:"), below, pss


def post(url: str, text: str) -> int:
    data = json.dumps({"body": text, "published": "2026-01-22"}).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        response.read()
        return response.status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--warmup", type=int, default=500)
    parser.add_argument("--every", type=int, default=1_000)
    parser.add_argument("--model", default=None, help="spaCy pipeline for the server (default: its default)")
    parser.add_argument("--serve-arg", action="append", default=[], help="an extra option for factcheck serve")
    args = parser.parse_args()

    command = [sys.executable, "-m", "factcheck", "serve", "--port", "0", "--refs", str(ROOT / "claims"),
               *(["--model", args.model] if args.model else []), *args.serve_arg]
    log = tempfile.NamedTemporaryFile("w+", prefix="factcheck-serve-", suffix=".log", delete=False)
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=log, text=True)
    try:
        line = server.stdout.readline()
        if "serving on" not in line:
            raise SystemExit(f"the server did not start; its log is {log.name}")
        url = line.split("serving on ", 1)[1].strip() + "/check"
        rng, pool = random.Random(2026), paragraphs()
        for _ in range(args.warmup):
            post(url, story(rng, pool))
        base, base_below, base_pss = memory_mb(server.pid)
        print(f"model: {args.model or 'default'}; serve options: {' '.join(args.serve_arg) or 'none'}; "
              f"{args.warmup} warm-up requests, then {args.requests:,}")
        print("| requests | server RSS MB | child processes RSS MB | RSS total MB | RSS growth since warm-up MB "
              "| PSS total MB | ms/request |")
        print("|---|---|---|---|---|---|---|")
        print(f"| 0 | {base:.0f} | {base_below:.0f} | {base + base_below:.0f} | 0 | {base_pss:.0f} | |")
        start = time.perf_counter()
        for i in range(1, args.requests + 1):
            status = post(url, story(rng, pool))
            if status != 200:
                raise SystemExit(f"request {i}: status {status}; the server's log is {log.name}")
            if i % args.every == 0:
                own, below, pss = memory_mb(server.pid)
                per = (time.perf_counter() - start) / args.every * 1000
                print(f"| {i:,} | {own:.0f} | {below:.0f} | {own + below:.0f} | "
                      f"{own + below - base - base_below:+.0f} | {pss:.0f} | {per:.0f} |", flush=True)
                start = time.perf_counter()
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    os.unlink(log.name)  # kept when something failed


if __name__ == "__main__":
    main()
