"""The command line. It only wraps the library: library errors become one line on stderr and
exit code 2; findings at or above --fail-on give exit code 1."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console

from .errors import FactcheckError, ModelError, SourceError
from .extract import DEFAULT_MODEL, FAST_MODEL
from .policy import SEVERITY_RANK

app = typer.Typer(
    add_completion=False, no_args_is_help=True, rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="Catch wrong numbers in news copy before it is published.\n\n"
    "Example: factcheck check story.md",
)
FORMATS = ("text", "json", "jsonl", "line", "sarif", "rdjsonl", "github", "html")


def _published(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FactcheckError(f"--published: expected a date as YYYY-MM-DD, got {value!r}") from None


_LOADED: dict = {}


def _reference_for(refs: Optional[Path], story_path: Optional[str]):
    """The reference set named by --refs, or the nearest claims/ upward from the story."""
    from .api import find_reference
    from .reference import load_reference

    folder = refs if refs is not None else find_reference(story_path)
    if folder is None:
        return None
    key = str(Path(folder).resolve())
    if key not in _LOADED:
        _LOADED[key] = load_reference(folder)
    return _LOADED[key]


def _err(message: str) -> None:
    print(f"factcheck: error: {message}", file=sys.stderr)


def _config(config_path: Optional[Path], near: Optional[str]):
    from .config import find_config, load_config

    return load_config(config_path if config_path is not None else find_config(near))


def flagged(reports, fail_on: str) -> bool:
    """Whether any report blocks (one rule for every front end: `policy.blocks`)."""
    from .policy import blocks

    return any(blocks(report, fail_on) for report in reports)


def _print(output: str, format: str, color: Optional[bool]) -> None:
    if format == "text":
        Console(highlight=False, soft_wrap=True, force_terminal=color, no_color=color is False).print(output)
    elif output:
        print(output)


def _check_options(format, fail_on, config):
    from .report import RENDERERS

    format = format or config.format or "text"
    fail_on = fail_on or config.fail_on
    if format not in RENDERERS:
        raise FactcheckError(f"--format: expected one of {', '.join(RENDERERS)}, got {format!r}")
    if fail_on not in SEVERITY_RANK:
        raise FactcheckError(f"--fail-on: expected error, warning or info, got {fail_on!r}")
    return format, fail_on


@app.command()
def check(
    files: List[str] = typer.Argument(None, help="Story files (.txt, .md, .html); '-' or none on a pipe reads stdin."),
    format: Optional[str] = typer.Option(None, "--format", "-f", help=f"Output format: {', '.join(FORMATS)} (default text)."),
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD (overrides front matter)."),
    model: Optional[str] = typer.Option(None, help=f"spaCy pipeline to load (default {DEFAULT_MODEL})."),
    fail_on: Optional[str] = typer.Option(None, help="Exit 1 on findings at or above: error (default), warning, info."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour (default: on a terminal)."),
    refs: Optional[Path] = typer.Option(None, "--refs", help="Reference set folder (default: nearest claims/ upward from the story)."),
    config: Optional[Path] = typer.Option(None, "--config", help="Config file (default: nearest factcheck.toml or [tool.factcheck])."),
    fast: bool = typer.Option(False, "--fast", help="Rules only, no statistical model: several times faster, less exact about what is counted."),
) -> None:
    """Read every figure in a story: value, interval, what is counted, where and when; check it
    against the reference set and against the story itself.

    Example: factcheck check corpora/dev/iraq-detainee-transfers.md --format json
    """
    from .api import check_stories
    from .report import RENDERERS
    from .source import MAX_BYTES, read_stdin, read_story, story_from_text

    files = list(files or [])
    settings = _config(config, files[0] if files and files[0] != "-" else None)
    format, fail_on = _check_options(format, fail_on, settings)
    date = _published(published)
    if not files:
        if sys.stdin is not None and sys.stdin.isatty():
            raise FactcheckError("no story given: name a file, or pipe a story in (factcheck check - < story.txt)")
        files = ["-"]
    stories, failed = [], 0
    for name in files:
        try:
            if name == "-":
                text, _ = read_stdin(sys.stdin, settings.max_bytes or MAX_BYTES)
                stories.append(story_from_text(text, None, published=date))
            else:
                kwargs = {"max_bytes": settings.max_bytes} if settings.max_bytes else {}
                stories.append(read_story(name, published=date, **kwargs))
        except SourceError as exc:
            _err(str(exc))
            failed += 1
    reports, texts = [], []
    for story in stories:
        reference = _reference_for(refs or settings.refs, story.path)
        try:
            reports.extend(check_stories([story], model=FAST_MODEL if fast else (model or settings.model or DEFAULT_MODEL),
                                         reference=reference, disable=settings.disable))
        except ModelError:
            raise
        except FactcheckError as exc:  # this story only; the others are still checked
            _err(str(exc))
            failed += 1
            continue
        texts.append(story.text)
    options = {"array": len(files) > 1} if format == "json" else {}
    _print(RENDERERS[format](reports, texts, **options), format, color)
    raise typer.Exit(2 if failed else (1 if flagged(reports, fail_on) else 0))


@app.command()
def hook(
    files: List[str] = typer.Argument(..., help="The stories a commit or publishing step is about to publish."),
    fail_on: Optional[str] = typer.Option(None, help="Block on findings at or above: error (default), warning, info."),
    format: str = typer.Option("line", "--format", "-f", help="Output format (default line: path:line:col: rule: message)."),
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD (overrides front matter)."),
    refs: Optional[Path] = typer.Option(None, "--refs", help="Reference set folder (default: nearest claims/ upward from the story)."),
    config: Optional[Path] = typer.Option(None, "--config", help="Config file (default: nearest factcheck.toml or [tool.factcheck])."),
) -> None:
    """The pre-publish hook: print only what blocks or warns, one line each; exit 1 to block.

    Example: factcheck hook stories/*.md --fail-on warning
    """
    check(files=files, format=format, published=published, model=None, fail_on=fail_on, color=False,
          refs=refs, config=config, fast=False)


@app.command()
def batch(
    folders: List[Path] = typer.Argument(..., help="Folders (searched recursively) or story files."),
    glob: List[str] = typer.Option(["*.txt", "*.md", "*.markdown", "*.html", "*.htm"], "--glob", help="File name patterns to check (repeatable)."),
    exclude: List[str] = typer.Option([], "--exclude", help="Patterns to skip, on the name or the path below the folder (repeatable)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Write reports.jsonl, summary.csv and report.html here."),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Processes (default: every core)."),
    published: Optional[str] = typer.Option(None, help="Publication date for every story (default: each story's own)."),
    model: Optional[str] = typer.Option(None, help=f"spaCy pipeline to load (default {DEFAULT_MODEL})."),
    refs: Optional[Path] = typer.Option(None, "--refs", help="Reference set folder (default: nearest claims/ upward from the first folder)."),
    fail_on: Optional[str] = typer.Option(None, help="Exit 1 on findings at or above: error (default), warning, info."),
    cache: bool = typer.Option(True, "--cache/--no-cache", help="Re-check only stories that changed since the last run."),
    cache_dir: Path = typer.Option(Path(".factcheck-cache"), "--cache-dir", help="Where the cache lives."),
    config: Optional[Path] = typer.Option(None, "--config", help="Config file (default: nearest factcheck.toml or [tool.factcheck])."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary table."),
    fast: bool = typer.Option(False, "--fast", help="Rules only, no statistical model (several times faster)."),
    engine: str = typer.Option("local", "--engine", help="local (this machine's cores) or dask (a Dask cluster; optional extra)."),
    scheduler: str = typer.Option("local", "--scheduler", help="Dask scheduler address (tcp://host:8786), or 'local' for a local cluster."),
) -> None:
    """Check a folder of stories on every core (or a Dask cluster); print a summary table, write
    JSON Lines, CSV and an HTML page; go on past unreadable files and list them.

    Example: factcheck batch stories/ --out reports/ --exclude 'drafts/*'
    """
    import signal
    from contextlib import closing

    from . import batch as batching
    from .api import find_reference
    from .batch_output import Outputs
    from .report import RENDERERS

    settings = _config(config, str(folders[0]))
    _, fail_on = _check_options("json", fail_on, settings)
    if published:
        _published(published)
    if engine not in ("local", "dask"):
        raise FactcheckError(f"--engine: expected local or dask, got {engine!r}")
    refs = refs or settings.refs or find_reference(folders[0])
    paths = batching.collect(folders, glob, [*exclude, *settings.exclude])
    if not paths:
        raise FactcheckError(f"no stories matching {', '.join(glob)} under {', '.join(map(str, folders))}")
    model_name = FAST_MODEL if fast else (model or settings.model or DEFAULT_MODEL)
    refs_text = str(refs) if refs else None
    job_list = (batching.Job(str(p), published, model_name, refs_text, tuple(settings.disable), settings.max_bytes)
                for p in paths)
    store = batching.Cache(cache_dir, batching.reference_fingerprint(refs_text)) if cache else None
    executor = None
    if engine == "dask":
        from .dask_engine import executor as dask_executor

        executor = dask_executor(scheduler)
    keep_pages = out is not None and len(paths) <= 2000  # the HTML page needs every report at once
    rows, pages, bad, any_flagged = [], [], [], False
    previous = _on_sigterm(_raise_terminated)
    try:
        with Outputs(out) as sink:  # the files replace the previous ones only if the run completes
            console = Console(stderr=True, highlight=False)
            bar = None
            if sys.stderr.isatty() and not quiet:
                from rich.progress import Progress

                bar = Progress(console=console, transient=True)
                bar.start()
                task = bar.add_task("checking", total=len(paths))
            try:
                with closing(batching.run(job_list, processes=jobs, cache=store, executor=executor)) as outcomes:
                    for outcome in outcomes:
                        if bar is not None:
                            bar.advance(task)
                        sink.write(outcome)
                        if outcome.error:
                            bad.append(outcome)
                            continue
                        rows.append((outcome.path, outcome.report.summary, outcome.cached))
                        any_flagged = any_flagged or flagged([outcome.report], fail_on)
                        if keep_pages:
                            pages.append((outcome.report, outcome.text))
            finally:
                if bar is not None:
                    bar.stop()
            if keep_pages and "html" in RENDERERS:
                pages.sort(key=lambda page: page[0].source.path or "")
                sink.page(RENDERERS["html"]([r for r, _ in pages], [t for _, t in pages]))
    except _Terminated:
        raise typer.Exit(128 + signal.SIGTERM) from None
    finally:
        _on_sigterm(previous)
    if not quiet:
        _summary_table(sorted(rows, key=lambda row: row[0]), Console(highlight=False, soft_wrap=True))
    cached = sum(row[2] for row in rows)
    print(f"{len(rows)} stories checked ({cached} from cache), {len(bad)} failed", file=sys.stderr)
    if store is not None and store.problem:
        print(f"factcheck: warning: the cache is incomplete: {store.problem}", file=sys.stderr)
    for o in sorted(bad, key=lambda o: o.path):
        _err(o.error)
    raise typer.Exit(2 if bad else (1 if any_flagged else 0))


class _Terminated(BaseException):
    """SIGTERM during a batch: raised where the run is, so it stops like Ctrl-C (workers stopped,
    the unfinished outputs discarded, the previous reports kept)."""


def _raise_terminated(signum, frame):
    raise _Terminated


def _on_sigterm(handler):
    """Install `handler` for SIGTERM and return the one it replaces (None off the main thread)."""
    import signal

    if handler is None:
        return None
    try:
        return signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread: leave signals alone
        return None


def _summary_table(rows, console) -> None:
    from rich.table import Table

    table = Table("story", "claims", "checked", "contradicted", "findings", box=None, pad_edge=False)
    for path, s, _ in rows:
        table.add_row(path, str(s.claims), str(s.checked), str(s.contradicted), str(s.findings))
    console.print(table)


@app.command("config")
def config_command(
    path: Optional[Path] = typer.Argument(None, help="A story or folder to discover the config from (default: here)."),
    config: Optional[Path] = typer.Option(None, "--config", help="A config file to read instead."),
) -> None:
    """Show the configuration that applies, and the file it came from.

    Example: factcheck config stories/today.md
    """
    from .api import find_reference
    from .config import describe

    settings = _config(config, str(path) if path else None)
    print(describe(settings))
    refs = settings.refs or find_reference(path)
    print(f"reference set: {refs or 'none found (every claim stays unverified)'}")


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to bind (default: this machine only; others need a token)."),
    port: int = typer.Option(8765, help="Port."),
    refs: Optional[Path] = typer.Option(None, "--refs", help="Reference set folder (default: nearest claims/ from here)."),
    model: Optional[str] = typer.Option(None, help=f"spaCy pipeline to load (default {DEFAULT_MODEL})."),
    fast: bool = typer.Option(False, "--fast", help="Rules only, no statistical model (several times faster)."),
    fail_on: str = typer.Option("error", help="Findings at or above this level make the decision 'block'."),
    token: Optional[str] = typer.Option(None, "--token", envvar="FACTCHECK_TOKEN", show_envvar=True,
                                        help="Require 'Authorization: Bearer TOKEN' on every request (prefer the "
                                        "environment variable: a flag shows in the process list)."),
    max_bytes: int = typer.Option(1_000_000, "--max-bytes", help="Largest request body accepted (413 beyond)."),
    timeout: float = typer.Option(30.0, "--timeout", help="Seconds a request may take, reading and checking "
                                  "(408 when it does not arrive in time, 503 when the check does not finish)."),
    max_connections: int = typer.Option(64, "--max-connections", help="Open connections served at once (503 beyond)."),
    workers: int = typer.Option(2, "--workers", help="Checker processes, each with the pipeline loaded."),
) -> None:
    """Answer POST /check with a report and a decision (block, warn, pass) for a CMS.

    Stops on SIGTERM or Ctrl-C after finishing the requests in flight.

    Example: factcheck serve --port 8765   (then: curl -d '{"body": "..."}' -H 'Content-Type: application/json' localhost:8765/check)
    """
    from .api import find_reference
    from .reference import load_reference
    from .serve import serve as run_server

    folder = refs or find_reference(None)
    run_server(host, port, model=FAST_MODEL if fast else (model or DEFAULT_MODEL),
               reference=load_reference(folder) if folder else None, fail_on=fail_on, token=token,
               max_bytes=max_bytes, timeout=timeout, max_connections=max_connections, workers=workers)


@app.command("eval")
def eval_command(
    path: Path = typer.Argument(Path("corpora"), help="A gold file or a folder searched for *.gold.json."),
    model: str = typer.Option(DEFAULT_MODEL, help="spaCy pipeline to score."),
    errors: bool = typer.Option(False, "--errors", help="List every miss, false figure and wrong value."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Score extraction against gold annotations, beside the spaCy model's own NER.

    Example: factcheck eval corpora/dev --errors
    """
    from .evaluation import (evaluate, evaluate_corruption, evaluate_findings, render_corruption,
                           render_findings, render_score)

    score = evaluate(path, model=model, show_errors=errors)
    rules = evaluate_findings(path, model=model, show_errors=errors)
    corruption = evaluate_corruption(path, model=model, show_errors=errors)
    if as_json:
        print(json.dumps({**score.as_dict(), "consistency": rules.as_dict(),
                          "verification": corruption.as_dict()}, indent=2))
    else:
        print(render_score(score, model))
        if rules.expected or rules.clean_stories:
            print(render_findings(rules))
        if corruption.stories:
            print(render_corruption(corruption))
    if errors:
        print("\n".join(["", *score.errors, *rules.errors, *corruption.errors]))


from .cli_refs import refs_app  # noqa: E402  (the `refs` commands live in their own module)

app.add_typer(refs_app, name="refs")


def main(argv: Optional[list[str]] = None) -> None:
    try:
        code = app(args=argv, prog_name="factcheck", standalone_mode=False)
    except FactcheckError as exc:
        _err(str(exc))
        code = 2
    except KeyboardInterrupt:
        code = 130
    except Exception as exc:
        # typer carries its own copy of click: recognise its errors by what they offer
        if type(exc).__name__ == "NoArgsIsHelpError":
            print(exc.format_message())
            code = 0
        elif hasattr(exc, "format_message") and hasattr(exc, "exit_code"):
            _err(exc.format_message())
            code = 2
        elif type(exc).__name__ == "Abort":
            code = 130
        else:
            raise
    sys.exit(code if isinstance(code, int) else 0)
