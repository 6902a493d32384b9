"""Files that appear whole or not at all.

Text is written to a temporary file with a unique name beside the target, then renamed over it
(`os.replace`, atomic on POSIX and Windows): a reader sees the old file or the new one, never a
half-written one; a run that is killed or fails leaves the old file as it was; two writers of
one file do not collide (the last rename wins, and both files were whole). A failed write (a full
disk, a missing permission) is a FactcheckError naming the target and why.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from .errors import FactcheckError

_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


def _open(fd: int, path: Path, *, newline: str | None = None):
    """The one place a temporary file is opened for `path` (tests simulate a full disk here)."""
    return open(fd, "w", encoding="utf-8", newline=newline)


class AtomicFile:
    """A text file written under a temporary name and renamed over `path` by `commit()`;
    `abort()` removes it. As a context manager: commit on success, abort on an exception."""

    def __init__(self, path: str | Path, *, newline: str | None = None, durable: bool = True):
        self.path = Path(path)
        self.durable = durable
        self.tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(self.tmp, _CREATE, 0o666)  # 0o666 less the umask, as for any new file
        except OSError as exc:
            raise self._error(exc) from None
        try:
            self.file = _open(fd, self.path, newline=newline)
        except BaseException:
            os.close(fd)
            self._remove()
            raise

    def write(self, text: str) -> None:
        try:
            self.file.write(text)
        except OSError as exc:
            self.abort()
            raise self._error(exc) from None

    def commit(self) -> None:
        try:
            self.file.flush()
            if self.durable:
                os.fsync(self.file.fileno())
            self.file.close()
            os.replace(self.tmp, self.path)
        except OSError as exc:
            self.abort()
            raise self._error(exc) from None

    def abort(self) -> None:
        try:
            self.file.close()
        except (OSError, ValueError):
            pass  # the close failed for the reason we are aborting (a full disk); the name goes anyway
        self._remove()

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            self.commit()
        else:
            self.abort()

    def _remove(self) -> None:
        try:
            os.unlink(self.tmp)
        except OSError:
            pass

    def _error(self, exc: OSError) -> FactcheckError:
        reason = exc.strerror.lower() if exc.strerror else str(exc)
        return FactcheckError(f"{self.path}: cannot be written ({reason})")


def sweep(path: str | Path) -> None:
    """Remove the temporary files of `path` left by runs that were killed (SIGKILL, a power cut):
    those whose process no longer runs. POSIX only (elsewhere a process cannot be probed safely)."""
    path = Path(path)
    if os.name != "posix":
        return
    for tmp in path.parent.glob(f".{path.name}.*.tmp"):
        pid = tmp.name[len(path.name) + 2 :].split(".", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it runs, as someone else
    return True


def write_atomic(path: str | Path, text: str, *, durable: bool = True) -> None:
    with AtomicFile(path, durable=durable) as file:
        file.write(text)
