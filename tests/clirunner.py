"""The command line run in this process, through typer's CliRunner: `factcheck.cli.main` with
stdin, stdout, stderr and the environment swapped, so a test sees what a user sees (the exit
code, the one-line errors) without starting Python and loading the model again."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Result:
    code: int
    stdout: str
    stderr: str


def invoke(*args, stdin: str | bytes | None = None, env: dict | None = None, cwd: str | Path = ROOT) -> Result:
    """Run `factcheck ARGS` in-process, in `cwd`, with `stdin` piped in and `env` added."""
    runner = CliRunner()
    with contextlib.chdir(cwd), runner.isolation(input=stdin, env=env) as (out, err, _):
        try:
            main([str(arg) for arg in args])
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        sys.stdout.flush()
        sys.stderr.flush()
        return Result(code, out.getvalue().decode(), err.getvalue().decode())


def run(*args, stdin: bytes | None = None, cwd: str | Path = ROOT, env: dict | None = None):
    """Run `python -m factcheck ARGS` as a separate process (the smoke tests)."""
    return subprocess.run([sys.executable, "-m", "factcheck", *map(str, args)], input=stdin, capture_output=True,
                          cwd=cwd, timeout=300, env={**os.environ, **(env or {})})
