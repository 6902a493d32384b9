"""Batch jobs on a pool of worker processes (one model each), handed out a few at a time so an
archive is never held in memory.

A worker that dies (killed, out of memory, a crash in native code) breaks the pool: the stories
it held are checked again one at a time in a fresh pool, so only the story that kills a worker is
reported as failed and the rest go on. Leaving early (Ctrl-C, an error, a closed generator) stops
the workers at once.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from .batch_worker import Job, Outcome, check_one, init_pool_worker, unexpected


def pooled(jobs: Iterator[Job], processes: int, model: str, refs: str | None) -> Iterator[Outcome]:
    suspects: deque[Job] = deque()
    while True:
        alone = bool(suspects)
        source = _drain(suspects) if alone else jobs
        size, window = (1, 1) if alone else (processes, 2 * processes)
        broken = yield from _pool_run(source, size, window, model, refs)
        if alone and broken:  # one story at a time: the one running when the pool broke killed it
            for job in broken:
                yield Outcome(job.path, error=f"{job.path}: the worker process checking it died (killed, or "
                                              f"out of memory); expected it to finish")
        else:
            suspects.extend(broken)
        if not alone and not broken:
            return


def _drain(queue: deque[Job]) -> Iterator[Job]:
    while queue:
        yield queue.popleft()


def _pool_run(jobs: Iterable[Job], size: int, window: int, model: str,
              refs: str | None) -> Generator[Outcome, None, list[Job]]:
    """Outcomes of `jobs` on a pool of `size` workers, `window` jobs handed out at a time, until
    the jobs run out, or the pool breaks: then the jobs it held are returned."""
    context = multiprocessing.get_context("spawn" if os.name == "nt" else "fork")
    pool = ProcessPoolExecutor(size, mp_context=context, initializer=init_pool_worker,
                               initargs=(model, refs, os.getpid()))
    running: dict[Future, Job] = {}
    broken: list[Job] = []

    def submit(batch: Iterable[Job]) -> None:
        for job in batch:
            try:
                running[pool.submit(check_one, job)] = job
            except BrokenProcessPool:
                broken.append(job)

    finished = False
    try:
        submit(islice(jobs, window))
        while running:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                job = running.pop(future)
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    broken.append(job)
                    continue
                except Exception as exc:  # the job or its outcome could not cross between processes
                    outcome = Outcome(job.path, error=unexpected(job.path, exc))
                yield outcome
            if not broken:
                submit(islice(jobs, len(done)))
        finished = True
        return broken
    finally:
        if not finished or broken:
            _terminate(pool)
        pool.shutdown(wait=True, cancel_futures=True)


def _terminate(pool: ProcessPoolExecutor) -> None:
    stop = getattr(pool, "terminate_workers", None)  # Python 3.14
    if stop is not None:
        stop()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        if process.is_alive():
            process.terminate()
