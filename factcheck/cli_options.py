"""The options several commands share, declared once (typer `Annotated` aliases), and the
`Flags` they make for `factcheck.settings.resolve`.

This module is imported with the command line itself, so it imports nothing of the library:
`factcheck --version` and `-h` start without spaCy. The formats named in the help are the
settings' FORMATS (a test pins them)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, List, Optional

import typer

FORMATS_HELP = "text, json, jsonl, line, sarif, rdjsonl, github, html"

Refs = Annotated[Optional[Path], typer.Option(
    "--refs", help="Reference set folder (default: refs in the config, else the nearest claims/ upward from the story).")]
ConfigFile = Annotated[Optional[Path], typer.Option(
    "--config", help="Config file (default: the nearest factcheck.toml, or pyproject.toml with [tool.factcheck], "
    "upward from the story).")]
Model = Annotated[Optional[str], typer.Option(
    "--model", help="spaCy pipeline to load (default: model in the config, else the bundled English model; "
    "`factcheck config` shows which).")]
Published = Annotated[Optional[str], typer.Option(
    "--published", help="Publication date YYYY-MM-DD (overrides front matter).")]
FailOn = Annotated[Optional[str], typer.Option(
    "--fail-on", help="Exit 1 (block) on findings at or above: error (default), warning, info.")]
Fast = Annotated[bool, typer.Option(
    "--fast", help="Rules only, no statistical model: several times faster, less exact about what is counted.")]
Format = Annotated[Optional[str], typer.Option(
    "--format", "-f", help=f"Output format: {FORMATS_HELP} (default: format in the config, else text; "
    "line for hook).")]
Select = Annotated[Optional[List[str]], typer.Option(
    "--select", help="Only these rules (repeatable or comma-separated; see README 'What gets flagged').")]
Ignore = Annotated[Optional[List[str]], typer.Option(
    "--ignore", help="Not these rules (repeatable or comma-separated), on top of disable in the config.")]
Exclude = Annotated[Optional[List[str]], typer.Option(
    "--exclude", help="Patterns to skip, on the file name or the path below the folder (repeatable; adds to "
    "exclude in the config).")]


def flags(*, refs=None, config=None, model=None, published=None, fail_on=None, fast=False, format=None,
          select=None, ignore=None, exclude=None):
    from .settings import Flags

    return Flags(refs=refs, config=config, model=model, published=published, fail_on=fail_on, fast=fast,
                 format=format, select=tuple(select or ()), ignore=tuple(ignore or ()),
                 exclude=tuple(exclude or ()))
