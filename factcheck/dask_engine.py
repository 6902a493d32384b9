"""Checking an archive on a Dask cluster (optional extra: pip install 'newsroom-factcheck[dask]').

Each worker process loads the model once (the same `batch.check_one` as the local engine), jobs
are handed out in a bounded window and results stream back as they finish, so neither the
archive nor its reports are ever held in memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from .batch_worker import Job, Outcome, check_one, unexpected
from .errors import ConfigError


def executor(scheduler: str, *, window: int = 0):
    """An executor for `batch.run`: jobs -> outcomes, on the cluster at `scheduler`
    ("tcp://host:8786"), or on a local cluster of two worker processes when it is "local"."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise ConfigError(
            "--engine dask needs the optional extra: pip install 'newsroom-factcheck[dask]'"
        ) from None

    def run(jobs: Iterator[Job]) -> Iterator[Outcome]:
        cluster = None
        try:
            if scheduler == "local":
                cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
                client = Client(cluster)
            else:
                _refused(scheduler)  # a wrong address is said at once, not after the client's 20 s
                client = Client(scheduler, timeout="20s")
        except OSError as exc:
            raise ConfigError(f"--scheduler {scheduler}: cannot reach the Dask scheduler ({exc})") from None
        try:
            size = window or 4 * max(1, sum(client.nthreads().values()))
            running, held = as_completed(), {}

            def submit(job: Job) -> None:
                future = client.submit(check_one, job, pure=False)
                held[future.key] = job
                running.add(future)

            for job in islice(jobs, size):
                submit(job)
            for future in running:
                outcome = outcome_of(future, held.pop(future.key))
                future.release()
                for job in islice(jobs, 1):
                    submit(job)
                yield outcome
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    return run


def outcome_of(future, job: Job) -> Outcome:
    """A finished future's outcome; a task that failed on the cluster (its worker died, the job
    could not be sent) is that story's failure, not the run's."""
    try:
        return future.result()
    except Exception as exc:
        return Outcome(job.path, error=unexpected(job.path, exc))


def _refused(scheduler: str) -> None:
    """OSError when nothing listens at a tcp:// scheduler's address (the connection is refused or
    the host is unknown); a slow or busy scheduler is left to the client's own timeout."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(scheduler if "://" in scheduler else f"tcp://{scheduler}")
    if parts.scheme != "tcp" or not parts.hostname or not parts.port:
        return
    try:
        socket.create_connection((parts.hostname, parts.port), timeout=2).close()
    except socket.timeout:
        return
