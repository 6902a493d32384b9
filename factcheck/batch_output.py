"""Where a batch's reports go: a folder (reports.jsonl, summary.csv, report.html) or JSON Lines on
a stream.

The folder's files are written under temporary names and renamed over the previous ones only when
the run completes, so a run that is interrupted, killed or fails (a full disk) leaves the previous
complete reports; a story that failed has its row in summary.csv with the reason.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

from .atomic import AtomicFile, sweep
from .errors import FactcheckError
from .report.json import render_lines

CSV_HEADER = ["story", "published", "claims", "checked", "supported", "contradicted", "findings", "error"]
FILES = ("reports.jsonl", "summary.csv", "report.html")


class Outputs:
    """Reports streamed to `out` as they arrive, or JSON Lines on `stream` when `out` is None.
    Use as a context manager: the files replace the previous ones when the block ends without an
    exception, and are discarded when it raises."""

    def __init__(self, out: Path | None, stream=None):
        self.out = out
        self.stream = stream
        self.files: dict[str, AtomicFile] = {}
        self.html: str | None = None

    def __enter__(self) -> Outputs:
        if self.out is None:
            self.stream = self.stream or sys.stdout
            return self
        if self.out.exists() and not self.out.is_dir():
            raise FactcheckError(f"{self.out}: is a file; expected a folder for the reports (--out)")
        try:
            self.out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise FactcheckError(f"{self.out}: cannot be created ({exc.strerror or exc}); expected a folder "
                                 f"for the reports (--out)") from None
        for name in FILES:
            sweep(self.out / name)
        try:
            self.files["reports.jsonl"] = AtomicFile(self.out / "reports.jsonl")
            self.files["summary.csv"] = AtomicFile(self.out / "summary.csv", newline="")
            self._row(CSV_HEADER)
        except BaseException:
            self._abort()
            raise
        return self

    def write(self, outcome) -> None:
        """One story's outcome: its report, or the reason it failed (summary.csv only)."""
        if outcome.report is None:
            if self.out is not None:
                self._row([outcome.path, "", "", "", "", "", "", outcome.error])
            return
        report = outcome.report
        line = render_lines([report]) + "\n"  # strict JSON, as every JSON the checker writes
        if self.out is None:
            try:
                self.stream.write(line)
            except OSError as exc:
                raise FactcheckError(f"<stdout>: cannot be written ({(exc.strerror or str(exc)).lower()})") from None
            return
        self.files["reports.jsonl"].write(line)
        s = report.summary
        self._row([outcome.path, report.source.published or "", s.claims, s.checked, s.supported,
                   s.contradicted, s.findings, ""])

    def page(self, html: str | None) -> None:
        """The HTML page of every report, written with the rest at the end (None: no page this
        run, and the previous one, which no longer matches, is removed)."""
        self.html = html

    def __exit__(self, kind, value, traceback) -> None:
        if self.out is None:
            if kind is None:
                try:
                    self.stream.flush()
                except OSError as exc:
                    raise FactcheckError(f"<stdout>: cannot be written ({(exc.strerror or str(exc)).lower()})") from None
            return
        if kind is not None:
            self._abort()
            return
        try:
            if self.html is not None:
                self.files["report.html"] = AtomicFile(self.out / "report.html")
                self.files["report.html"].write(self.html)
            for file in list(self.files.values()):
                file.commit()
                del self.files[file.path.name]
        except BaseException:
            self._abort()
            raise
        if self.html is None:
            (self.out / "report.html").unlink(missing_ok=True)

    def _row(self, values: list) -> None:
        buffer = io.StringIO()
        csv.writer(buffer).writerow(values)
        self.files["summary.csv"].write(buffer.getvalue())

    def _abort(self) -> None:
        for file in self.files.values():
            file.abort()
        self.files.clear()
