"""Batch: nothing lost, nothing stale. The cache holds what was really checked, survives
concurrent writers and corrupted entries; a killed, failed or out-of-space run keeps the previous
complete reports; a story that crashes the checker costs that story only."""

import csv
import errno
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck import api, atomic
from factcheck.batch import Cache, Job, Outcome, check_one, run
from factcheck.cli import main
from factcheck.errors import ConfigError
from factcheck.extract import FAST_MODEL

from .conftest import ROOT

OUTPUTS = ("reports.jsonl", "summary.csv", "report.html")
OLD = "Around 150 detainees were moved on Wednesday.\n"
NEW = "Around 160 detainees were moved on Thursday, and 12 more on Friday.\n"


def story_text(i: int) -> str:
    paragraph = (f"Around {100 + i} people attended the meeting in the town hall on Tuesday. "
                 f"The council said {i + 5} new homes would be built in the next year. ")
    return f"Meeting {i}\n\n" + "\n\n".join([paragraph] * 6) + "\n"


def make_stories(folder: Path, first: int, count: int) -> None:
    folder.mkdir(exist_ok=True)
    for i in range(first, first + count):
        (folder / f"s{i:03}.txt").write_text(story_text(i), encoding="utf-8")


def job(path, published=None) -> Job:
    return Job(str(path), published, FAST_MODEL, None, ())


def entries(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.json"))


def leftovers(*folders: Path) -> list[Path]:
    return [p for folder in folders for p in folder.rglob("*") if p.name.endswith(".tmp")]


def batch(*args, capsys=None) -> tuple[int, str]:
    """The batch command in this process (one worker): exit code and stderr."""
    with pytest.raises(SystemExit) as done:
        main(["batch", *map(str, args), "--fast", "-j", "1", "-q"])
    return done.value.code, capsys.readouterr().err if capsys else ""


def command(*args) -> list[str]:
    return [sys.executable, "-m", "factcheck", "batch", *map(str, args), "--fast", "-q"]


# ---------------------------------------------------------------- the cache


def test_batch_cache_key_is_the_bytes_the_worker_checked(tmp_path):
    story = tmp_path / "a.txt"
    story.write_text(OLD, encoding="utf-8")
    cache = Cache(tmp_path / "cache", "no-reference")

    def editing_executor(jobs):  # the story is edited after the run read it, before the worker does
        for j in jobs:
            story.write_text(NEW, encoding="utf-8")
            yield check_one(j)

    [first] = run([job(story)], cache=cache, executor=editing_executor)
    assert first.text == NEW and not first.cached
    story.write_text(OLD, encoding="utf-8")
    [second] = run([job(story)], cache=cache, processes=1)
    assert second.text == OLD and not second.cached  # never the edited text's report
    assert [c.value for c in second.report.claims][:1] == [150]
    story.write_text(NEW, encoding="utf-8")
    [third] = run([job(story)], cache=cache, processes=1)
    assert third.cached and third.text == NEW


def test_batch_two_writers_of_one_key_do_not_collide(tmp_path, monkeypatch):
    story = tmp_path / "a.txt"
    story.write_text(OLD, encoding="utf-8")
    [outcome] = run([job(story)], processes=1)
    value = {"report": outcome.report.to_json_dict(), "text": outcome.text}
    folder, key = tmp_path / "cache", "ab" + "0" * 62
    real_replace = os.replace
    calls = []

    def replace(src, dst):  # a second run writes the same entry between our write and our rename
        calls.append(src)
        if len(calls) == 1:
            Cache(folder, "no-reference").put(key, value)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    Cache(folder, "no-reference").put(key, value)
    assert len(calls) == 2 and calls[0] != calls[1]
    report, text = Cache(folder, "no-reference").get(key)
    assert text == OLD and report == outcome.report
    assert leftovers(folder) == []


CORRUPTIONS = {
    "truncated": lambda p: p.write_bytes(p.read_bytes()[:40]),
    "empty": lambda p: p.write_bytes(b""),
    "binary": lambda p: p.write_bytes(b"\x00\xff\xfe" * 20),
    "a list": lambda p: p.write_text("[1, 2, 3]"),
    "a number": lambda p: p.write_text("42"),
    "report not a report": lambda p: p.write_text('{"report": 5, "text": "x"}'),
    "text not a string": lambda p: p.write_text(json.dumps({**json.loads(p.read_text()), "text": 5})),
    "report missing fields": lambda p: p.write_text(json.dumps(
        {"report": {k: v for k, v in json.loads(p.read_text())["report"].items() if k != "summary"}, "text": "x"})),
    "deeply nested": lambda p: p.write_text("[" * 100_000 + "]" * 100_000),
    "a folder": lambda p: (p.unlink(), p.mkdir()),
}


@pytest.mark.parametrize("corruption", list(CORRUPTIONS))
def test_batch_corrupted_cache_entry_is_a_miss(tmp_path, corruption):
    story = tmp_path / "a.txt"
    story.write_text(OLD, encoding="utf-8")
    cache = Cache(tmp_path / "cache", "no-reference")
    list(run([job(story)], cache=cache, processes=1))
    [entry] = entries(tmp_path / "cache")
    CORRUPTIONS[corruption](entry)
    [outcome] = run([job(story)], cache=cache, processes=1)
    assert outcome.error is None and not outcome.cached and outcome.text == OLD
    if corruption != "a folder":  # rewritten whole, so the next run is a hit
        [again] = run([job(story)], cache=cache, processes=1)
        assert again.cached and again.report == outcome.report
    else:
        assert cache.problem.startswith(f"{entry}: cannot be written")


def test_batch_cache_dir_that_is_a_file_is_a_clear_error(tmp_path, capsys):
    make_stories(tmp_path / "stories", 0, 1)
    (tmp_path / "cache").write_text("not a folder")
    with pytest.raises(ConfigError, match="is a file; expected a folder for the batch cache"):
        Cache(tmp_path / "cache", "no-reference")
    code, err = batch(tmp_path / "stories", "--cache-dir", tmp_path / "cache", capsys=capsys)
    assert code == 2
    assert err == (f"factcheck: error: {tmp_path / 'cache'}: is a file; expected a folder for the batch cache "
                   f"(--cache-dir), or --no-cache\n")


def test_batch_cache_that_cannot_be_written_warns_and_the_reports_are_complete(tmp_path, capsys, monkeypatch):
    make_stories(tmp_path / "stories", 0, 2)
    out, cache = tmp_path / "out", tmp_path / "cache"
    real_open = atomic._open
    monkeypatch.setattr(atomic, "_open", lambda fd, path, **kw: _FullDisk(real_open(fd, path, **kw))
                        if path.suffix == ".json" else real_open(fd, path, **kw))
    code, err = batch(tmp_path / "stories", "--out", out, "--cache-dir", cache, capsys=capsys)
    assert code == 0
    assert "factcheck: warning: the cache is incomplete: " in err and "no space left on device" in err
    assert len((out / "reports.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    assert entries(cache) == [] and leftovers(cache) == []


# ---------------------------------------------------------------- a story that crashes the checker


def test_batch_unexpected_exception_fails_that_story_only(tmp_path, capsys, monkeypatch):
    make_stories(tmp_path / "stories", 0, 3)
    real = api.check_story

    def crashing(story, **kwargs):
        if story.path.endswith("s001.txt"):
            raise RuntimeError("boom")
        return real(story, **kwargs)

    monkeypatch.setattr(api, "check_story", crashing)
    [crashed] = [o for o in run([job(tmp_path / "stories" / "s001.txt")], processes=1)]
    assert crashed.report is None
    assert crashed.error.startswith(f"{tmp_path / 'stories' / 's001.txt'}: could not be checked: RuntimeError: boom")
    out = tmp_path / "out"
    code, err = batch(tmp_path / "stories", "--out", out, "--no-cache", capsys=capsys)
    assert code == 2
    bad = tmp_path / "stories" / "s001.txt"
    assert [line for line in err.splitlines() if line.startswith("factcheck: error:")] == [
        f"factcheck: error: {crashed.error}"]
    assert "2 stories checked (0 from cache), 1 failed" in err
    paths = [json.loads(line)["source"]["path"] for line in (out / "reports.jsonl").read_text().splitlines()]
    assert sorted(Path(p).name for p in paths) == ["s000.txt", "s002.txt"]
    with (out / "summary.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["story", "published", "claims", "checked", "supported", "contradicted", "findings", "error"]
    assert [row for row in rows if row[0] == str(bad)] == [[str(bad), "", "", "", "", "", "", crashed.error]]
    assert len(rows) == 4


@pytest.mark.skipif(os.name != "posix", reason="FIFOs and symbolic links")
def test_batch_lists_each_file_it_cannot_read_and_checks_the_rest(tmp_path, capsys):
    stories = tmp_path / "stories"
    make_stories(stories, 0, 2)
    os.mkfifo(stories / "pipe.txt")
    (stories / "loop.txt").symlink_to(stories / "loop.txt")
    (stories / "gone.md").symlink_to(stories / "deleted.md")
    out = tmp_path / "out"
    code, err = batch(stories, "/dev/zero", "--out", out, "--no-cache", capsys=capsys)
    assert code == 2
    assert "2 stories checked (0 from cache), 4 failed" in err
    assert [line for line in err.splitlines() if line.startswith("factcheck: error:")] == [
        "factcheck: error: /dev/zero: is a character device, not a regular file; expected a story file",
        f"factcheck: error: {stories / 'gone.md'}: is a dangling symbolic link (to {stories / 'deleted.md'}, "
        "which does not exist); expected a story file",
        f"factcheck: error: {stories / 'loop.txt'}: is a symbolic link loop; expected a story file",
        f"factcheck: error: {stories / 'pipe.txt'}: is a FIFO (named pipe), not a regular file; expected a story file",
    ]
    assert len((out / "reports.jsonl").read_text(encoding="utf-8").splitlines()) == 2


# ---------------------------------------------------------------- output files


class _FullDisk:
    """A file that takes 100 bytes, then fails as a full disk does."""

    def __init__(self, file):
        self.file, self.written = file, 0

    def write(self, text):
        self.written += len(text)
        if self.written > 100:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return self.file.write(text)

    def __getattr__(self, name):
        return getattr(self.file, name)


def test_batch_full_disk_is_a_clear_error_and_keeps_the_previous_reports(tmp_path, capsys, monkeypatch):
    make_stories(tmp_path / "stories", 0, 3)
    out = tmp_path / "out"
    assert batch(tmp_path / "stories", "--out", out, "--no-cache", capsys=capsys)[0] == 0
    before = {name: (out / name).read_bytes() for name in OUTPUTS}
    make_stories(tmp_path / "stories", 3, 2)
    real_open = atomic._open
    monkeypatch.setattr(atomic, "_open", lambda fd, path, **kw: _FullDisk(real_open(fd, path, **kw)))
    code, err = batch(tmp_path / "stories", "--out", out, "--no-cache", capsys=capsys)
    assert code == 2
    assert err == f"factcheck: error: {out / 'reports.jsonl'}: cannot be written (no space left on device)\n"
    assert {name: (out / name).read_bytes() for name in OUTPUTS} == before
    assert leftovers(out) == []


def test_batch_failed_run_keeps_the_previous_reports(tmp_path, capsys, monkeypatch):
    make_stories(tmp_path / "stories", 0, 3)
    out = tmp_path / "out"
    assert batch(tmp_path / "stories", "--out", out, "--no-cache", capsys=capsys)[0] == 0
    before = {name: (out / name).read_bytes() for name in OUTPUTS}
    make_stories(tmp_path / "stories", 3, 2)
    real = api.check_story
    seen = []

    def interrupted(story, **kwargs):  # Ctrl-C on the fourth story
        seen.append(story.path)
        if len(seen) == 4:
            raise KeyboardInterrupt
        return real(story, **kwargs)

    monkeypatch.setattr(api, "check_story", interrupted)
    assert batch(tmp_path / "stories", "--out", out, "--no-cache", capsys=capsys)[0] == 130
    assert {name: (out / name).read_bytes() for name in OUTPUTS} == before
    assert leftovers(out) == []


def test_batch_out_that_is_a_file_is_a_clear_error(tmp_path, capsys):
    make_stories(tmp_path / "stories", 0, 1)
    (tmp_path / "out").write_text("not a folder")
    code, err = batch(tmp_path / "stories", "--out", tmp_path / "out", "--no-cache", capsys=capsys)
    assert code == 2
    assert err == f"factcheck: error: {tmp_path / 'out'}: is a file; expected a folder for the reports (--out)\n"


def _wait_for(condition, proc, what):
    deadline = time.monotonic() + 120
    while not condition():
        assert proc.poll() is None, f"the run ended before {what}: {proc.stderr.read().decode()}"
        assert time.monotonic() < deadline, f"no {what} after 120 s"
        time.sleep(0.02)


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize("sig, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143), (getattr(signal, "SIGKILL", 9), -9)],
                         ids=["SIGINT", "SIGTERM", "SIGKILL"])
@pytest.mark.slow
def test_batch_killed_run_keeps_the_previous_reports_and_a_rerun_completes(tmp_path, sig, code):
    stories, out, cache = tmp_path / "stories", tmp_path / "out", tmp_path / "cache"
    make_stories(stories, 0, 3)
    args = command(stories, "--out", out, "--cache-dir", cache, "-j", "2")
    first = subprocess.run(args, capture_output=True, cwd=ROOT, timeout=300)
    assert first.returncode == 0, first.stderr.decode()
    before = {name: (out / name).read_bytes() for name in OUTPUTS}
    make_stories(stories, 3, 150)
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    try:
        _wait_for(lambda: len(entries(cache)) > 3, proc, "new cache entry")
        workers = _children(proc.pid)
        proc.send_signal(sig)
        assert proc.wait(timeout=60) == code, proc.stderr.read().decode()
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stderr.close()
    _wait_for_exit(workers)  # no worker outlives the run, however it ended
    assert {name: (out / name).read_bytes() for name in OUTPUTS} == before
    if sig != signal.SIGKILL:
        assert leftovers(out) == []
    rerun = subprocess.run(args, capture_output=True, cwd=ROOT, timeout=600)
    assert rerun.returncode == 0, rerun.stderr.decode()
    summary = re.search(r"(\d+) stories checked \((\d+) from cache\), 0 failed", rerun.stderr.decode())
    assert int(summary.group(1)) == 153 and int(summary.group(2)) > 3, summary.group()
    assert len((out / "reports.jsonl").read_text(encoding="utf-8").splitlines()) == 153
    assert leftovers(out) == []


def _children(pid: int) -> list:
    import psutil

    return psutil.Process(pid).children(recursive=True)


def _wait_for_exit(processes, timeout=30) -> None:
    import psutil

    _, alive = psutil.wait_procs(processes, timeout=timeout)
    for process in alive:
        process.kill()
    assert alive == [], f"worker processes still running after the batch ended: {alive}"


@pytest.mark.skipif(os.name != "posix", reason="two processes started side by side")
def test_batch_two_concurrent_runs_share_one_cache_and_one_output_folder(tmp_path):
    stories, out, cache = tmp_path / "stories", tmp_path / "out", tmp_path / "cache"
    make_stories(stories, 0, 40)
    args = command(stories, "--out", out, "--cache-dir", cache, "-j", "1")
    runs = [subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT) for _ in range(2)]
    for proc in runs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err.decode()
    lines = (out / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(Path(json.loads(line)["source"]["path"]).name for line in lines) == sorted(
        p.name for p in stories.iterdir())
    assert len(entries(cache)) == 40 and leftovers(out, cache) == []
    store = Cache(cache, "no-reference")
    for entry in entries(cache):
        assert store.get(entry.stem) is not None


@pytest.mark.skipif(os.name != "posix", reason="worker processes are forked")
def test_batch_worker_that_dies_fails_its_story_only(tmp_path, monkeypatch):
    make_stories(tmp_path / "stories", 0, 5)
    real = api.check_story

    def killing(story, **kwargs):  # what the kernel's out-of-memory killer does to a worker
        if story.path.endswith("s002.txt"):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(story, **kwargs)

    monkeypatch.setattr(api, "check_story", killing)  # the workers are forked after this
    outcomes = {Path(o.path).name: o for o in run([job(p) for p in sorted((tmp_path / "stories").iterdir())],
                                                 processes=2)}
    assert sorted(outcomes) == ["s000.txt", "s001.txt", "s002.txt", "s003.txt", "s004.txt"]
    assert outcomes["s002.txt"].report is None
    assert outcomes["s002.txt"].error == (f"{tmp_path / 'stories' / 's002.txt'}: the worker process checking it "
                                          f"died (killed, or out of memory); expected it to finish")
    assert all(o.report is not None for name, o in outcomes.items() if name != "s002.txt")


def test_batch_dask_task_that_fails_on_the_cluster_fails_its_story_only():
    from factcheck.dask_engine import outcome_of

    class Lost:  # a future whose worker died: distributed raises KilledWorker from result()
        def result(self):
            raise RuntimeError("Attempted to run task on 3 different workers, all of which died")

    outcome = outcome_of(Lost(), job("a.txt"))
    assert outcome.report is None and outcome.error.startswith(
        "a.txt: could not be checked: RuntimeError: Attempted to run task on 3 different workers")


@pytest.mark.skipif(os.name != "posix", reason="process ids are probed with POSIX signals")
@pytest.mark.slow
def test_batch_rerun_sweeps_temporary_files_of_killed_runs_only(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    stale = tmp_path / f".reports.jsonl.{int(dead.stdout)}.0123abcd.tmp"
    live = tmp_path / f".reports.jsonl.{os.getpid()}.0123abcd.tmp"
    other = tmp_path / ".notes.txt.1.0123abcd.tmp"
    for path in (stale, live, other):
        path.write_text("partial")
    atomic.sweep(tmp_path / "reports.jsonl")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, other.name])
