"""One batch job in a worker: the model loaded once per process, one story read and checked, and
whatever goes wrong with that story (a bad file, a bug) returned as its outcome, never raised."""

from __future__ import annotations

import hashlib
import os
import signal
import threading
import time
from dataclasses import dataclass

from .errors import FactcheckError
from .models import Report


@dataclass(frozen=True)
class Job:
    path: str
    published: str | None
    model: str
    refs: str | None
    disable: tuple[str, ...]
    max_bytes: int | None = None


@dataclass(frozen=True)
class Outcome:
    path: str
    report: Report | None = None
    text: str | None = None
    error: str | None = None
    cached: bool = False
    digest: str | None = None  # sha256 of the bytes that were checked: the cache key is made from it


_STATE: dict = {}
_LOCK = threading.Lock()  # one model per process; threads of a worker take turns


def init_worker(model: str, refs: str | None) -> None:
    from .extract import build_pipeline
    from .reference import load_reference

    build_pipeline(model)
    _STATE["reference"] = load_reference(refs) if refs else None
    _STATE["key"] = (model, refs)


def init_pool_worker(model: str, refs: str | None, parent: int) -> None:
    """A pool worker: Ctrl-C is the parent's to handle (it stops the pool), SIGTERM ends the
    worker, and the worker ends itself when its parent dies (even by SIGKILL)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True, name="parent-watch").start()
    try:
        init_worker(model, refs)
    except Exception:
        pass  # check_one tries again and reports what went wrong against each story


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def check_one(job: Job) -> Outcome:
    """Check one story in a worker. Whatever goes wrong with it becomes the outcome's error, naming
    the story: a user error as it is, anything unexpected as a bug to report."""
    from .api import check_story
    from .source import MAX_BYTES, parse_date, read_bytes, story_from_bytes

    try:
        with _LOCK:
            if _STATE.get("key") != (job.model, job.refs):
                init_worker(job.model, job.refs)
            published = parse_date(job.published, "--published") if job.published else None
            data = read_bytes(job.path, job.max_bytes or MAX_BYTES)
            story = story_from_bytes(data, job.path, published=published)
            report = check_story(story, model=job.model, reference=_STATE["reference"], disable=job.disable)
        return Outcome(job.path, report, story.text, digest=hashlib.sha256(data).hexdigest())
    except FactcheckError as exc:
        return Outcome(job.path, error=str(exc))
    except Exception as exc:  # a bug must cost one story, not the run
        return Outcome(job.path, error=unexpected(job.path, exc))


def unexpected(path: str, exc: BaseException) -> str:
    return (f"{path}: could not be checked: {type(exc).__name__}: {exc} "
            f"(a bug in factcheck; please report it with the story)")
