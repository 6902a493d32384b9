"""Checking a folder of stories: every core (one model per process), a content-hash cache so a
re-run re-checks only changed stories, and unreadable files reported without stopping the rest."""

from __future__ import annotations

import fnmatch
import hashlib
import json
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .errors import FactcheckError
from .models import Report

DEFAULT_GLOBS = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm")
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".factcheck-cache"}


@dataclass(frozen=True)
class Job:
    path: str
    published: str | None
    model: str
    refs: str | None
    disable: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    path: str
    report: Report | None = None
    text: str | None = None
    error: str | None = None
    cached: bool = False


def collect(paths: Iterable[str | Path], globs: Iterable[str] = DEFAULT_GLOBS,
            exclude: Iterable[str] = ()) -> list[Path]:
    """Story files under `paths` (recursive), matching a glob and no exclude pattern."""
    globs, exclude = tuple(globs), tuple(exclude)
    found: list[Path] = []
    for root in map(Path, paths):
        if root.is_file() or not root.exists():
            found.append(root)  # a missing path is reported as unreadable, not dropped
            continue
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
            for name in sorted(files):
                path = Path(folder) / name
                relative = str(path.relative_to(root))
                if not any(fnmatch.fnmatch(name, g) for g in globs):
                    continue
                if any(fnmatch.fnmatch(relative, x) or fnmatch.fnmatch(name, x) for x in exclude):
                    continue
                found.append(path)
    return found


class Cache:
    """Reports keyed by the story's bytes and everything that shapes its report."""

    def __init__(self, folder: Path, fingerprint: str):
        self.folder = folder
        self.fingerprint = fingerprint

    def key(self, data: bytes, job: Job) -> str:
        digest = hashlib.sha256(data)
        digest.update(json.dumps([self.fingerprint, job.path, job.published, job.model, job.disable,
                                  __version__]).encode())
        return digest.hexdigest()

    def get(self, key: str) -> dict | None:
        path = self.folder / key[:2] / f"{key}.json"
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, key: str, value: dict) -> None:
        path = self.folder / key[:2] / f"{key}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)


def reference_fingerprint(refs: str | None) -> str:
    from .reference import reference_digest

    return reference_digest(refs) if refs else "no-reference"


# ---------------------------------------------------------------- workers

_STATE: dict = {}
_LOCK = threading.Lock()  # one model per process; threads of a worker take turns


def _init_worker(model: str, refs: str | None) -> None:
    from .extract import build_pipeline
    from .reference import load_reference

    build_pipeline(model)
    _STATE["reference"] = load_reference(refs) if refs else None
    _STATE["key"] = (model, refs)


def check_one(job: Job) -> Outcome:
    """Check one story in a worker; a user error becomes the outcome's error, not an exception."""
    from .api import check_story
    from .source import parse_date, read_story

    try:
        with _LOCK:
            if _STATE.get("key") != (job.model, job.refs):
                _init_worker(job.model, job.refs)
            published = parse_date(job.published, "--published") if job.published else None
            story = read_story(job.path, published=published)
            report = check_story(story, model=job.model, reference=_STATE["reference"], disable=job.disable)
        return Outcome(job.path, report, story.text)
    except FactcheckError as exc:
        return Outcome(job.path, error=str(exc))


def run(jobs: Iterable[Job], *, processes: int = 0, cache: Cache | None = None,
        progress: Callable[[Outcome], None] | None = None,
        executor: Callable[[Iterator[Job]], Iterator[Outcome]] | None = None) -> Iterator[Outcome]:
    """Outcomes as they complete. Cached stories are not re-checked (no model is loaded when
    every story is cached); `executor` runs the rest (default: a local pool of `processes`).
    Jobs are consumed lazily, so an archive is never held in memory."""
    keys: dict[str, str] = {}

    def pending() -> Iterator[Job]:
        for job in jobs:
            if cache is not None:
                try:
                    data = Path(job.path).read_bytes()
                except OSError:
                    data = None
                if data is not None:
                    key = cache.key(data, job)
                    hit = cache.get(key)
                    if hit is not None:
                        cached.append(Outcome(job.path, Report.model_validate(hit["report"]), hit["text"], cached=True))
                        continue
                    keys[job.path] = key
            yield job

    cached: list[Outcome] = []
    execute = executor or (lambda todo: _execute(todo, processes))
    for outcome in _interleave(execute(pending()), cached):
        if cache is not None and outcome.report is not None and not outcome.cached and outcome.path in keys:
            cache.put(keys.pop(outcome.path), {"report": outcome.report.to_json_dict(), "text": outcome.text})
        if progress:
            progress(outcome)
        yield outcome


def _interleave(results: Iterator[Outcome], cached: list[Outcome]) -> Iterator[Outcome]:
    """Fresh results, with cache hits (found while jobs are handed out) yielded as they appear."""
    for outcome in results:
        while cached:
            yield cached.pop(0)
        yield outcome
    while cached:
        yield cached.pop(0)


def _execute(jobs: Iterator[Job], processes: int) -> Iterator[Outcome]:
    first = next(jobs, None)
    if first is None:
        return
    processes = processes or os.cpu_count() or 1
    if processes == 1:
        yield check_one(first)
        yield from map(check_one, jobs)
        return
    context = multiprocessing.get_context("spawn" if os.name == "nt" else "fork")
    with context.Pool(processes, initializer=_init_worker, initargs=(first.model, first.refs)) as pool:
        yield from pool.imap_unordered(check_one, _chain(first, jobs), chunksize=1)
        pool.close()
        pool.join()


def _chain(first: Job, rest: Iterator[Job]) -> Iterator[Job]:
    yield first
    yield from rest
