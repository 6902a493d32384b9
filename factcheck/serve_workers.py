"""The processes that check stories for `serve`: each loads the pipeline once and checks one story
at a time.

A check runs in a worker process so that the server stays in charge of it: a check that outlives
its time budget is killed and its worker replaced, and a crash (even one that kills the process)
costs one request, not the service. Each check runs inside spaCy's memory zone
(`Language.memory_zone`, spaCy 3.8), so the strings and lexemes of words first met in a story leave
the vocabulary when its check ends; outside a zone spaCy keeps every new word, and a service that
reads fresh copy all day grows without end.

Outcomes of `Pool.check`, as (kind, value):
    ("report", Report)        the check finished
    ("invalid", message)      the story cannot be checked as sent (too long, broken characters, ...)
    ("crashed", message)      the checker raised unexpectedly (a bug); the worker goes on
    ("lost", message)         the worker process died; it is replaced
    ("busy", message)         no worker was free within the time budget
    ("over-budget", message)  the check did not finish within the time budget; its worker is replaced
"""

from __future__ import annotations

import multiprocessing
import pickle
import queue
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable

from .api import check_story
from .errors import CheckError, FactcheckError, ModelError
from .extract import build_pipeline
from .models import Report
from .reference import ReferenceSet
from .source import parse_date, story_from_text

START_SECONDS = 120  # a worker that has not loaded its pipeline by then is given up on

Checker = Callable[[dict, str, "ReferenceSet | None"], Report]


def check_fields(fields: dict, model: str, reference: ReferenceSet | None) -> Report:
    """The report for one request's fields (body, format, published, path; already type-checked)."""
    published = fields.get("published")
    date = parse_date(published, '"published"') if published is not None else None
    story = story_from_text(fields["body"], fields.get("path"), published=date, format=fields.get("format") or "text")
    return check_story(story, model=model, reference=reference)


def _work(conn, model: str, reference_bytes: bytes | None, checker: Checker) -> None:
    """A worker's life: load, say "ready", then answer one request at a time until the pipe closes."""
    # the server decides when workers stop: a Ctrl-C or a SIGTERM sent to the whole process group
    # must not kill a check in flight during a graceful shutdown
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        reference = pickle.loads(reference_bytes) if reference_bytes is not None else None
        nlp = build_pipeline(model)
    except Exception as exc:  # noqa: BLE001 - reported to the server, which raises it
        conn.send(("failed", str(exc) if isinstance(exc, FactcheckError) else f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            fields = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(answer(nlp, checker, fields, model, reference))
        except (OSError, ValueError):
            return


def answer(nlp, checker: Checker, fields: dict, model: str, reference: ReferenceSet | None) -> tuple[str, object]:
    """One check inside spaCy's memory zone, as ("report", Report), ("invalid", message) or
    ("crashed", message). Nothing of spaCy's may outlive the zone: the report is plain data."""
    try:
        with nlp.memory_zone():
            return "report", checker(fields, model, reference)
    except CheckError as exc:  # api's wrapper around an unexpected exception: still a bug
        traceback.print_exc(file=sys.stderr)
        return "crashed", str(exc)
    except FactcheckError as exc:
        return "invalid", str(exc)
    except Exception as exc:  # noqa: BLE001 - a bug costs this request, not the worker
        traceback.print_exc(file=sys.stderr)
        return "crashed", f"{type(exc).__name__}: {exc}"


def _context():
    """Workers come from a fork server that has imported factcheck and spaCy once, so a new worker
    only loads its pipeline (forking the threaded server itself is unsafe); spawn elsewhere."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        return context
    return multiprocessing.get_context("spawn")


class Worker:
    """One worker process and the server's end of its pipe."""

    def __init__(self, context, model: str, reference_bytes: bytes | None, checker: Checker):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_work, args=(child, model, reference_bytes, checker),
                                       name="factcheck-worker", daemon=True)
        self.process.start()
        child.close()

    def wait_ready(self, seconds: float = START_SECONDS) -> None:
        """Return once the pipeline is loaded; ModelError when the worker could not load it."""
        try:
            if not self.conn.poll(seconds):
                raise ModelError(f"the checker process did not load its pipeline within {seconds:.0f} s")
            kind, message = self.conn.recv()
        except (EOFError, OSError):
            self.process.join(5)
            raise ModelError(f"the checker process stopped while loading (exit code {self.process.exitcode})") from None
        if kind != "ready":
            self.stop()
            raise ModelError(message)

    def stop(self, grace: float = 0.0) -> None:
        """Close the pipe (the worker exits when idle); kill it if it is still there after `grace`."""
        self.conn.close()
        self.process.join(grace)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)


class Pool:
    """`size` workers with one pipeline each; a request takes a free one for one story."""

    def __init__(self, size: int, model: str, reference: ReferenceSet | None, checker: Checker = check_fields):
        self.size, self.model, self.checker = size, model, checker
        self._reference = pickle.dumps(reference) if reference is not None else None
        self._context = _context()
        self._idle: queue.Queue[Worker] = queue.Queue()
        self._workers: set[Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        workers = [self._new() for _ in range(size)]
        try:
            for worker in workers:
                worker.wait_ready()
        except ModelError:
            self.close()
            raise
        for worker in workers:
            self._idle.put(worker)

    def check(self, fields: dict, deadline: float) -> tuple[str, object]:
        """The outcome of checking one request's fields by `deadline` (time.monotonic())."""
        try:
            worker = self._idle.get(timeout=max(deadline - time.monotonic(), 0))
        except queue.Empty:
            return "busy", (f"every checker ({self.size}) stayed busy for the whole time budget; "
                            f"try again shortly")
        if deadline <= time.monotonic():  # no time left to check: keep the worker, not kill it
            self._idle.put(worker)
            return "busy", "the time budget ran out while waiting for a free checker; try again shortly"
        try:
            worker.conn.send(fields)
            if not worker.conn.poll(max(deadline - time.monotonic(), 0)):
                self._replace(worker)
                return "over-budget", "the check did not finish within the time budget and was stopped"
            kind, value = worker.conn.recv()
        except (EOFError, OSError):
            worker.process.join(1)
            code = worker.process.exitcode
            self._replace(worker)
            return "lost", (f"the checker process stopped while checking this story (exit code {code}); "
                            f"it has been restarted")
        self._idle.put(worker)
        return kind, value

    def close(self, grace: float = 2.0) -> None:
        """Stop every worker: idle ones exit at once, busy ones are killed after `grace` seconds."""
        with self._lock:
            self._closed = True
            workers = list(self._workers)
            self._workers.clear()
        for worker in workers:
            worker.conn.close()
        deadline = time.monotonic() + grace
        for worker in workers:
            worker.stop(max(deadline - time.monotonic(), 0))

    def _new(self) -> Worker:
        worker = Worker(self._context, self.model, self._reference, self.checker)
        with self._lock:
            self._workers.add(worker)
        return worker

    def _replace(self, worker: Worker) -> None:
        """Kill `worker` and start another in the background; requests wait for it on the queue."""
        with self._lock:
            self._workers.discard(worker)
        worker.stop()
        threading.Thread(target=self._restart, name="factcheck-worker-restart", daemon=True).start()

    def _restart(self) -> None:
        pause = 1.0
        while not self._closed:
            worker = self._new()
            try:
                worker.wait_ready()
            except ModelError as exc:
                with self._lock:
                    self._workers.discard(worker)
                if self._closed:
                    return
                print(f"factcheck: error: restarting a checker: {exc}; retrying in {pause:.0f} s", file=sys.stderr)
                time.sleep(pause)
                pause = min(pause * 2, 60)
                continue
            if self._closed:
                worker.stop()
            else:
                self._idle.put(worker)
            return
