"""Checking a folder of stories: every core (one model per process), a content-hash cache so a
re-run re-checks only changed stories, and unreadable files reported without stopping the rest."""

from __future__ import annotations

import fnmatch
import hashlib
import json
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .errors import FactcheckError
from .extract import DEFAULT_MODEL
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
    if not refs:
        return "no-reference"
    digest = hashlib.sha256()
    for path in sorted(Path(refs).rglob("*.toml")):
        digest.update(str(path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


# ---------------------------------------------------------------- workers

_STATE: dict = {}


def _init_worker(model: str, refs: str | None) -> None:
    from .extract import build_pipeline
    from .reference import load_reference

    build_pipeline(model)
    _STATE["reference"] = load_reference(refs) if refs else None


def check_one(job: Job) -> Outcome:
    """Check one story in a worker; a user error becomes the outcome's error, not an exception."""
    from .api import check_story
    from .source import parse_date, read_story

    try:
        if "reference" not in _STATE:
            _init_worker(job.model, job.refs)
        published = parse_date(job.published, "--published") if job.published else None
        story = read_story(job.path, published=published)
        report = check_story(story, model=job.model, reference=_STATE["reference"], disable=job.disable)
        return Outcome(job.path, report, story.text)
    except FactcheckError as exc:
        return Outcome(job.path, error=str(exc))


def run(jobs: list[Job], *, processes: int = 0, cache: Cache | None = None,
        progress: Callable[[Outcome], None] | None = None) -> Iterator[Outcome]:
    """Outcomes in the order of `jobs`; cached stories are not re-checked, and no model is
    loaded when every story is cached."""
    pending: list[tuple[int, Job, str | None]] = []
    done: dict[int, Outcome] = {}
    for index, job in enumerate(jobs):
        key = None
        if cache is not None:
            try:
                data = Path(job.path).read_bytes()
            except OSError:
                data = None
            if data is not None:
                key = cache.key(data, job)
                hit = cache.get(key)
                if hit is not None:
                    done[index] = Outcome(job.path, Report.model_validate(hit["report"]), hit["text"], cached=True)
                    continue
        pending.append((index, job, key))
    results = _execute([job for _, job, _ in pending], processes)
    order = iter(pending)
    next_index = 0
    for outcome in results:
        index, _, key = next(order)
        if cache is not None and key and outcome.report is not None:
            cache.put(key, {"report": outcome.report.to_json_dict(), "text": outcome.text})
        done[index] = outcome
        while next_index in done:
            item = done.pop(next_index)
            if progress:
                progress(item)
            yield item
            next_index += 1
    while next_index in done:
        item = done.pop(next_index)
        if progress:
            progress(item)
        yield item
        next_index += 1


def _execute(jobs: list[Job], processes: int) -> Iterator[Outcome]:
    if not jobs:
        return iter(())
    processes = processes or os.cpu_count() or 1
    processes = min(processes, len(jobs))
    if processes == 1:
        return map(check_one, jobs)
    context = multiprocessing.get_context("spawn" if os.name == "nt" else "fork")
    pool = context.Pool(processes, initializer=_init_worker, initargs=(jobs[0].model, jobs[0].refs))
    return _drain(pool, pool.imap(check_one, jobs, chunksize=1))


def _drain(pool, results):
    try:
        yield from results
    finally:
        pool.close()
        pool.join()
