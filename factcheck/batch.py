"""Checking a folder of stories: every core (one model per process), a content-hash cache so a
re-run re-checks only changed stories, and unreadable files reported without stopping the rest.

The cache is keyed by the bytes a worker actually checked (an edit during a run never files one
text's report under another's key); entries are written whole under unique names; an entry that
cannot be read or is the wrong shape is a miss."""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ._version import __version__
from .atomic import write_atomic
from .batch_worker import Job, Outcome, check_one
from .errors import ConfigError, FactcheckError
from .models import Report
from .source import MAX_BYTES, read_bytes

__all__ = ["Cache", "Job", "Outcome", "check_one", "collect", "reference_fingerprint", "run", "skipped"]

DEFAULT_GLOBS = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm", "*.docx")
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".factcheck-cache"}
CACHE_FORMAT = 2  # 2: keyed by the digest of the bytes checked
MAX_ENTRY_BYTES = 256_000_000
# A repository's own files, not stories: skipped by batch and the hook whatever their extension
# (README.md, CHANGELOG.txt, LICENSE ...); the name before its first dot, in any case.
NOT_STORIES = frozenset({"README", "CHANGELOG", "CHANGES", "HISTORY", "LICENSE", "LICENCE", "COPYING",
                         "CONTRIBUTING", "CODE_OF_CONDUCT", "AUTHORS", "NOTICE", "SECURITY"})
CACHE_GITIGNORE = "# Created by factcheck: the batch cache does not belong in version control.\n*\n"


def skipped(path: str | Path, exclude: Iterable[str] = (), root: str | Path | None = None) -> bool:
    """Whether `path` is left out: a README/CHANGELOG/LICENSE-style file, Word's lock file, or matched by an exclude
    pattern on its name, its path below `root`, or the tail of its path ("drafts/*" matches
    stories/drafts/a.md)."""
    path = Path(path)
    if path.name.split(".", 1)[0].upper() in NOT_STORIES or path.name.startswith("~$"):
        return True  # ~$story.docx: the lock file Word keeps beside an open document
    parts = path.relative_to(root).parts if root is not None else path.parts
    tails = {"/".join(parts[i:]) for i in range(len(parts))} | {path.name}
    return any(fnmatch.fnmatch(tail, pattern) for pattern in exclude for tail in tails)


def collect(paths: Iterable[str | Path], globs: Iterable[str] = DEFAULT_GLOBS,
            exclude: Iterable[str] = ()) -> list[Path]:
    """Story files under `paths` (recursive), matching a glob and no exclude pattern, and not a
    README/CHANGELOG/LICENSE-style file (`skipped`). A file named directly is always kept."""
    globs, exclude = tuple(globs), tuple(exclude)
    found: list[Path] = []
    for root in map(Path, paths):
        if not root.is_dir():
            found.append(root)  # a missing path, a device, a link loop: reported as unreadable, not dropped
            continue
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
            for name in sorted(files):
                path = Path(folder) / name
                if not any(fnmatch.fnmatch(name, g) for g in globs):
                    continue
                if skipped(path, exclude, root):
                    continue
                found.append(path)
    return found


class Cache:
    """Reports keyed by the digest of the story's bytes and everything that shapes its report."""

    def __init__(self, folder: str | Path, fingerprint: str):
        self.folder = Path(folder)
        self.fingerprint = fingerprint
        self.problem: str | None = None  # the first entry that could not be written
        if self.folder.exists() and not self.folder.is_dir():
            raise ConfigError(f"{self.folder}: is a file; expected a folder for the batch cache (--cache-dir), "
                              f"or --no-cache")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"{self.folder}: cannot be created ({(exc.strerror or str(exc)).lower()}); expected "
                              f"a folder for the batch cache (--cache-dir), or --no-cache") from None
        try:  # the cache ignores itself in git, as ruff's does; created once, never replaced
            with open(self.folder / ".gitignore", "x", encoding="utf-8") as ignore:
                ignore.write(CACHE_GITIGNORE)
        except OSError:
            pass  # there already, or the folder is not writable: the entries say so one by one

    def key(self, digest: str, job: Job) -> str:
        """The entry's name: `digest` is the sha256 of the story's bytes."""
        parts = [CACHE_FORMAT, digest, self.fingerprint, job.path, job.published, job.model, job.disable,
                 __version__]
        return hashlib.sha256(json.dumps(parts).encode()).hexdigest()

    def get(self, key: str) -> tuple[Report, str] | None:
        """The report and text filed under `key`, or None: a missing, unreadable, truncated or
        wrongly shaped entry is a miss, never an error."""
        try:
            entry = json.loads(read_bytes(self._path(key), MAX_ENTRY_BYTES, what="a cache entry"))
            text = entry["text"]
            if not isinstance(text, str):
                return None
            return Report.model_validate(entry["report"]), text
        except (FactcheckError, ValueError, TypeError, KeyError, RecursionError):
            return None

    def put(self, key: str, value: dict) -> None:
        """File `value` under `key`, whole or not at all. A write that fails leaves the cache
        incomplete, not the run: `problem` says which entry and why."""
        path = self._path(key)
        try:
            path.parent.mkdir(exist_ok=True)
        except OSError as exc:
            self.problem = self.problem or f"{path.parent}: cannot be created ({(exc.strerror or str(exc)).lower()})"
            return
        try:
            write_atomic(path, json.dumps(value, ensure_ascii=False), durable=False)
        except FactcheckError as exc:
            self.problem = self.problem or str(exc)

    def lookup(self, job: Job) -> Outcome | None:
        """The cached outcome of `job` when its file's bytes have a report, else None."""
        try:
            data = read_bytes(job.path, job.max_bytes or MAX_BYTES)
        except FactcheckError:
            return None  # the worker reads it again and reports why it cannot
        digest = hashlib.sha256(data).hexdigest()
        hit = self.get(self.key(digest, job))
        if hit is None:
            return None
        return Outcome(job.path, hit[0], hit[1], cached=True, digest=digest)

    def store(self, outcome: Outcome, job: Job) -> None:
        if outcome.report is not None and outcome.digest is not None and not outcome.cached:
            self.put(self.key(outcome.digest, job), {"report": outcome.report.to_json_dict(), "text": outcome.text})

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"


def reference_fingerprint(refs: str | None) -> str:
    from .reference import reference_digest

    return reference_digest(refs) if refs else "no-reference"


def run(jobs: Iterable[Job], *, processes: int = 0, cache: Cache | None = None,
        progress: Callable[[Outcome], None] | None = None,
        executor: Callable[[Iterator[Job]], Iterator[Outcome]] | None = None) -> Iterator[Outcome]:
    """Outcomes as they complete. Cached stories are not re-checked (no model is loaded when
    every story is cached); `executor` runs the rest (default: a local pool of `processes`).
    Jobs are consumed lazily, so an archive is never held in memory."""
    waiting: dict[str, Job] = {}
    cached: list[Outcome] = []

    def pending() -> Iterator[Job]:
        for job in jobs:
            hit = cache.lookup(job) if cache is not None else None
            if hit is not None:
                cached.append(hit)
                continue
            waiting[job.path] = job
            yield job

    execute = executor or (lambda todo: _execute(todo, processes))
    for outcome in _interleave(execute(pending()), cached):
        job = waiting.pop(outcome.path, None)
        if cache is not None and job is not None:
            cache.store(outcome, job)
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
    from .batch_pool import pooled

    yield from pooled(_chain(first, jobs), processes, first.model, first.refs)


def _chain(first: Job, rest: Iterator[Job]) -> Iterator[Job]:
    yield first
    yield from rest
