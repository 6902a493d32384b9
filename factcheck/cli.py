"""The command line. It only wraps the library: flags and the config become one `Settings`
(factcheck.settings), library errors become one line on stderr and exit code 2, and findings at
or above --fail-on give exit code 1."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path
from typing import Annotated, List, Optional

import typer

from ._version import __version__
from .cli_options import (ConfigFile, Exclude, FailOn, Fast, Format, Ignore, Model, Published, Refs, Select,
                          flags)
from .errors import FactcheckError, ModelError, SourceError

# Each command imports what it needs when it runs (the library, spaCy, rich): `--version`, `-h`
# and `config` start without the model, and the hook imports no batch, server or HTML machinery.

HELP = {"help_option_names": ["-h", "--help"]}
app = typer.Typer(
    add_completion=False, no_args_is_help=True, rich_markup_mode=None,
    pretty_exceptions_enable=False, context_settings=HELP,
    help="Catch wrong numbers in news copy before it is published.\n\n"
    "Example: factcheck check story.md",
)


def _show_version(value: bool) -> None:
    if value:
        print(f"factcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", is_eager=True, callback=_show_version,
                                                help="Print the version and exit.")] = False) -> None:
    """Catch wrong numbers in news copy before it is published.

    Example: factcheck check story.md
    """


_LOADED: dict = {}


def _reference(folder: Optional[Path]):
    """The reference set in `folder` (None: none), loaded once per run."""
    from .reference import load_reference

    if folder is None:
        return None
    key = str(Path(folder).resolve())
    if key not in _LOADED:
        _LOADED[key] = load_reference(folder)
    return _LOADED[key]


def _import_spacy() -> None:
    """The extraction stage and spaCy, without spaCy's own command line, for the commands an
    editor waits on (factcheck.spacy_startup)."""
    from . import spacy_startup

    try:
        with spacy_startup.without_its_cli():
            from .extract import pipeline  # noqa: F401
    except ImportError:  # a spaCy that wants its command line at import: import it as it is
        spacy_startup.forget()
        from .extract import pipeline  # noqa: F401


def resolve(flags, near):
    from .settings import resolve as resolve_settings

    return resolve_settings(flags, near)


def no_reference_message(near) -> str:
    from .settings import no_reference_message as message

    return message(near)


def _err(message: str) -> None:
    print(f"factcheck: error: {message}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"factcheck: warning: {message}", file=sys.stderr)


def flagged(reports, fail_on: str) -> bool:
    """Whether any report blocks (one rule for every front end: `policy.blocks`)."""
    from .policy import blocks

    return any(blocks(report, fail_on) for report in reports)


def _console(color: Optional[bool], file=None, **options):
    """A console that honours --color/--no-color, and NO_COLOR (or FORCE_COLOR) when neither is given."""
    from rich.console import Console

    return Console(file=file, highlight=False, force_terminal=True if color else None,
                   no_color=None if color is None else not color, **options)


def _terminal_width(color: Optional[bool]) -> Optional[int]:
    """The width text output wraps to: the terminal's (or COLUMNS), None when piped."""
    console = _console(color)
    return console.width if console.is_terminal or os.environ.get("COLUMNS") else None


def _emit(output: str, format: str, color: Optional[bool], to: Optional[Path]) -> None:
    """Print the rendered report (markup for text), or write it to `to` as plain text."""
    if to is not None:
        from .atomic import write_atomic

        if format == "text":
            from rich.console import Console

            buffer = io.StringIO()
            Console(file=buffer, highlight=False, force_terminal=False, no_color=True, soft_wrap=True,
                    width=10_000).print(output)
            output = buffer.getvalue()
        write_atomic(to, output if output.endswith("\n") or not output else output + "\n", durable=False)
    elif format == "text":
        _console(color, soft_wrap=True).print(output)
    elif output:
        print(output)


@app.command()
def check(
    files: List[str] = typer.Argument(None, help="Story files (.txt, .md, .html, .docx); '-' or none on a pipe reads stdin."),
    format: Format = None, published: Published = None, model: Model = None, fail_on: FailOn = None,
    refs: Refs = None, config: ConfigFile = None, fast: Fast = False, select: Select = None, ignore: Ignore = None,
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour (default: on a terminal, unless NO_COLOR is set)."),
    stdin_filename: Optional[str] = typer.Option(
        None, "--stdin-filename", metavar="PATH", help="The name piped text is reported under; its config, reference "
        "set and format are found from it."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when something is flagged (2 still "
                                   "means a usage or input problem)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE", help="Write the report to FILE "
                                          "instead of standard output."),
    statistics: bool = typer.Option(False, "--statistics", help="Print how many flags each rule raised, instead "
                                    "of the report."),
    flags_only: bool = typer.Option(False, "--flags-only", "--concise", help="Only the findings and contradicted "
                                    "figures, one coloured line each (as ruff's concise output), then the totals."),
) -> None:
    """Read every figure in a story: value, interval, what is counted, where and when; check it
    against the reference set and against the story itself.

    Example: factcheck check corpora/dev/iraq-detainee-transfers.md --format json
    """
    _import_spacy()
    files = list(files or [])
    if flags_only and format not in (None, "text"):
        raise FactcheckError(f"--flags-only is a view of the text output; it cannot be used with --format {format} "
                             f"(--format line gives the same lines, plain)")
    settings = resolve(flags(refs=refs, config=config, model=model, published=published, fail_on=fail_on,
                             fast=fast, format="text" if flags_only else format, select=select, ignore=ignore),
                       files[0] if files and files[0] != "-" else stdin_filename)
    run_check(files, settings, color=color, stdin_filename=stdin_filename, exit_zero=exit_zero, output=output,
              statistics=statistics, flags_only=flags_only)


def run_check(files: list[str], settings, *, color: Optional[bool] = None,
              stdin_filename: Optional[str] = None, exit_zero: bool = False, output: Optional[Path] = None,
              statistics: bool = False, hook: bool = False, flags_only: bool = False,
              server: Optional[str] = None, token: Optional[str] = None) -> None:
    """check and hook: read the stories, check each against its reference set (or hand each to the
    running server at `server`), print, exit."""
    from .docx_reader import is_docx
    from .source import MAX_BYTES, read_stdin, read_stdin_bytes, read_story, story_from_bytes, story_from_text

    if not files:
        if sys.stdin is not None and sys.stdin.isatty():
            raise FactcheckError("no story given: name a file, or pipe a story in (factcheck check - < story.txt)")
        files = ["-"]
    limit = settings.max_bytes or MAX_BYTES
    stories, failed = [], 0
    for name in files:
        try:
            if name == "-" and is_docx(stdin_filename):  # a Word document piped in
                stories.append(story_from_bytes(read_stdin_bytes(sys.stdin, limit), stdin_filename,
                                                published=settings.published))
            elif name == "-":
                text, _ = read_stdin(sys.stdin, limit)
                stories.append(story_from_text(text, stdin_filename, published=settings.published))
            else:
                stories.append(read_story(name, published=settings.published, max_bytes=limit))
        except SourceError as exc:
            _err(str(exc))
            failed += 1
    reports, texts, unreferenced = [], [], None
    for story in stories:
        folder = settings.reference_folder(story.path) if server is None else None
        if folder is None and unreferenced is None and server is None and "contradicted" not in settings.disable:
            unreferenced = story.path or "."
        try:
            if server is not None:
                from .remote import check_remote

                reports.append(check_remote(story, server, token=token))
            else:
                from .api import check_stories

                reports.extend(check_stories([story], model=settings.model, reference=_reference(folder),
                                             disable=settings.disable))
        except ModelError:
            raise
        except FactcheckError as exc:  # this story only; the others are still checked
            _err(str(exc))
            failed += 1
            continue
        texts.append(story.text)
    if unreferenced is not None:
        _warn(no_reference_message(unreferenced))
    format = settings.format
    if statistics:
        from .statistics import render as render_statistics

        format = "json" if format in ("json", "jsonl") else "text"
        rendered = render_statistics(reports, format)
        format = format if format == "json" else "plain"
    elif flags_only:
        from .report.text import render_flags

        rendered = render_flags(reports, texts)
    else:
        extra = {"array": len(files) > 1} if format == "json" else {}
        if format == "text" and output is None:
            extra["width"] = _terminal_width(color)
        rendered = _renderer(format)(reports, texts, **extra)
    _emit(rendered, format, color, output)
    blocked = flagged(reports, settings.fail_on)
    if hook and blocked:
        _suppression_hint(reports, settings)
    raise typer.Exit(2 if failed else (0 if exit_zero else int(blocked)))


def _renderer(format: str):
    """The renderer of one format (the hook's `line` without the HTML page's templates)."""
    if format == "line":
        from .report.line import render
    elif format == "text":
        from .report.text import render
    else:
        from .report import RENDERERS

        render = RENDERERS[format]
    return render


def _suppression_hint(reports, settings) -> None:
    """How an editor marks a flag as checked, for the formats the blocking stories are in."""
    from .policy import blocks

    formats = {report.source.format for report in reports if blocks(report, settings.fail_on)}
    forms = []
    if formats & {"markdown", "html"}:
        forms.append("<!-- factcheck ignore-next RULE --> on the line before its paragraph "
                     "(or <!-- factcheck ignore RULE --> on its line)")
    if "text" in formats:
        forms.append("a line 'factcheck: ignore-next RULE' before its paragraph (.txt)")
    print(f"factcheck: a flag an editor has checked can be suppressed: {'; or '.join(forms)}; "
          f"RULE is the name after the position, or all (README: Inline suppression)", file=sys.stderr)


@app.command()
def hook(
    files: List[str] = typer.Argument(..., help="The stories a commit or publishing step is about to publish."),
    fail_on: FailOn = None, format: Format = None, published: Published = None, refs: Refs = None,
    config: ConfigFile = None, model: Model = None, fast: Fast = False, select: Select = None,
    ignore: Ignore = None, exclude: Exclude = None,
    server: Optional[str] = typer.Option(None, "--server", envvar="FACTCHECK_SERVER", help=(
        "Hand the stories to a running 'factcheck serve' at this address (http://127.0.0.1:8765) "
        "instead of loading spaCy here: the server's reference set, model and rules judge them.")),
    token: Optional[str] = typer.Option(None, "--token", envvar="FACTCHECK_TOKEN",
                                        help="The server's bearer token, if it was started with one."),
) -> None:
    """The pre-publish hook: print only what blocks or warns, one line each; exit 1 to block.
    README, CHANGELOG and LICENSE-style files and the config's exclude patterns are skipped.

    Example: factcheck hook stories/*.md --fail-on warning
    """
    if server is None:
        _import_spacy()
    from .batch import skipped

    settings = resolve(flags(refs=refs, config=config, model=model, published=published, fail_on=fail_on,
                             fast=fast, format=format or "line", select=select, ignore=ignore, exclude=exclude),
                       files[0])
    kept = [name for name in files if not skipped(name, settings.exclude)]
    if not kept:
        raise typer.Exit(0)
    run_check(kept, settings, color=False, hook=True, server=server, token=token)


@app.command()
def batch(
    folders: List[Path] = typer.Argument(..., help="Folders (searched recursively) or story files."),
    glob: Optional[List[str]] = typer.Option(None, "--glob", help="File name patterns to check (repeatable; "
                                             "default: .txt, .md, .markdown, .html, .htm and .docx files)."),
    exclude: Exclude = None,
    out: Optional[Path] = typer.Option(None, "--out", help="Write reports.jsonl, summary.csv and report.html here."),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Processes (default: every core)."),
    published: Published = None, model: Model = None, refs: Refs = None, fail_on: FailOn = None,
    cache: bool = typer.Option(True, "--cache/--no-cache", help="Re-check only stories that changed since the last run."),
    cache_dir: Path = typer.Option(Path(".factcheck-cache"), "--cache-dir", help="Where the cache lives (it ignores itself in git)."),
    config: ConfigFile = None,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary table."),
    fast: Fast = False, select: Select = None, ignore: Ignore = None,
    engine: str = typer.Option("local", "--engine", help="local (this machine's cores) or dask (a Dask cluster; optional extra)."),
    scheduler: str = typer.Option("local", "--scheduler", help="Dask scheduler address (tcp://host:8786), or 'local' for a local cluster."),
) -> None:
    """Check a folder of stories on every core (or a Dask cluster); print a summary table, write
    JSON Lines, CSV and an HTML page; go on past unreadable files and list them. README,
    CHANGELOG and LICENSE-style files are skipped.

    Example: factcheck batch stories/ --out reports/ --exclude 'drafts/*'
    """
    import signal
    from contextlib import closing

    from . import batch as batching
    from .batch_output import Outputs
    from .report import RENDERERS
    from .report.text import plural

    settings = resolve(flags(refs=refs, config=config, model=model, published=published, fail_on=fail_on,
                             fast=fast, select=select, ignore=ignore, exclude=exclude), folders[0])
    glob = list(glob or batching.DEFAULT_GLOBS)
    if engine not in ("local", "dask"):
        raise FactcheckError(f"--engine: expected local or dask, got {engine!r}")
    paths = batching.collect(folders, glob, settings.exclude)
    if not paths:
        raise FactcheckError(f"no stories matching {', '.join(glob)} under {', '.join(map(str, folders))}")
    refs_text = str(settings.refs) if settings.refs else None
    date = settings.published.isoformat() if settings.published else None
    job_list = (batching.Job(str(p), date, settings.model, refs_text, tuple(sorted(settings.disable)),
                             settings.max_bytes) for p in paths)
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
            from rich.console import Console

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
                        any_flagged = any_flagged or flagged([outcome.report], settings.fail_on)
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
        _summary_table(sorted(rows, key=lambda row: row[0]))
    cached = sum(row[2] for row in rows)
    print(f"{plural(len(rows), 'story', 'stories')} checked ({cached} from cache), {len(bad)} failed", file=sys.stderr)
    if refs_text is None and "contradicted" not in settings.disable:
        _warn(no_reference_message(folders[0]))
    if store is not None and store.problem:
        _warn(f"the cache is incomplete: {store.problem}")
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


def _summary_table(rows) -> None:
    """Story, claims, checked, contradicted, findings. Names are never cut: on a terminal a long
    one folds onto the next line; piped, the table is as wide as its longest row."""
    from rich.console import Console
    from rich.table import Column, Table

    console = Console(highlight=False, soft_wrap=True)
    if not console.is_terminal:
        longest = max((len(path) for path, _, _ in rows), default=0)
        console = Console(highlight=False, soft_wrap=True, width=max(80, longest + 50))
    table = Table(Column("story", overflow="fold"), "claims", "checked", "contradicted", "findings",
                  box=None, pad_edge=False)
    for path, s, _ in rows:
        table.add_row(path, str(s.claims), str(s.checked), str(s.contradicted), str(s.findings))
    console.print(table)


@app.command("config")
def config_command(
    path: Optional[Path] = typer.Argument(None, help="A story or folder to discover the config from (default: here)."),
    config: ConfigFile = None, refs: Refs = None,
) -> None:
    """Show the configuration that applies, and the file it came from, and the reference set.

    Example: factcheck config stories/today.md
    """
    from .config import describe

    settings = resolve(flags(config=config, refs=refs), path)
    print(describe(settings.config))
    print(f"resolved: model {settings.model}, fail_on {settings.fail_on}, format {settings.format}, "
          f"rules off: {', '.join(sorted(settings.disable)) or 'none'}")
    if settings.refs is not None:
        how = "named" if settings.refs_named else "found upward"
        print(f"reference set: {settings.refs} ({how})")
    else:
        print(f"reference set: none; {no_reference_message(path)}")


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to bind (default: this machine only; others need a token)."),
    port: int = typer.Option(8765, help="Port."),
    refs: Refs = None, config: ConfigFile = None, model: Model = None, fast: Fast = False,
    fail_on: FailOn = None, select: Select = None, ignore: Ignore = None,
    token: Optional[str] = typer.Option(None, "--token", envvar="FACTCHECK_TOKEN", show_envvar=True,
                                        help="Require 'Authorization: Bearer TOKEN' on every request (prefer the "
                                        "environment variable: a flag shows in the process list)."),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help="Largest request body accepted (413 beyond; "
                                            "default: max_bytes in the config, else 1000000)."),
    timeout: float = typer.Option(30.0, "--timeout", help="Seconds a request may take, reading and checking "
                                  "(408 when it does not arrive in time, 503 when the check does not finish)."),
    max_connections: int = typer.Option(64, "--max-connections", help="Open connections served at once (503 beyond)."),
    workers: int = typer.Option(2, "--workers", help="Checker processes, each with the pipeline loaded."),
) -> None:
    """Answer POST /check with a report and a decision (block, warn, pass) for a CMS. The config
    (found upward from here, or --config) gives the model, reference set, fail_on and rules.

    Stops on SIGTERM or Ctrl-C after finishing the requests in flight.

    Example: factcheck serve --port 8765   (then: curl -d '{"body": "..."}' -H 'Content-Type: application/json' localhost:8765/check)
    """
    from functools import partial

    from .serve import serve as run_server
    from .serve_workers import check_fields

    settings = resolve(flags(refs=refs, config=config, model=model, fast=fast, fail_on=fail_on, select=select,
                             ignore=ignore), None)
    if settings.refs is None and "contradicted" not in settings.disable:
        _warn(no_reference_message(None))
    checker = partial(serve_checker, disable=tuple(sorted(settings.disable))) if settings.disable else check_fields
    run_server(host, port, model=settings.model, reference=_reference(settings.refs), fail_on=settings.fail_on,
               token=token, max_bytes=max_bytes or settings.max_bytes or 1_000_000, timeout=timeout,
               max_connections=max_connections, workers=workers, checker=checker)


def serve_checker(fields: dict, model: str, reference, *, disable: tuple[str, ...] = ()):
    """serve's checker with the settings' rules turned off (a module-level function, so that it
    can be sent to a worker process)."""
    from .api import check_story
    from .source import parse_date, story_from_text

    published = fields.get("published")
    date = parse_date(published, '"published"') if published is not None else None
    story = story_from_text(fields["body"], fields.get("path"), published=date, format=fields.get("format") or "text")
    return check_story(story, model=model, reference=reference, disable=disable)


@app.command("eval")
def eval_command(
    path: Path = typer.Argument(Path("corpora"), help="A gold file or a folder searched for *.gold.json."),
    model: Optional[str] = typer.Option(None, help="spaCy pipeline to score (default: the bundled English model)."),
    errors: bool = typer.Option(False, "--errors", help="List every miss, false figure and wrong value."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Score extraction (with each figure's frame) against gold annotations, beside the spaCy
    model's own NER; the consistency rules on planted stories and on planted copies of real copy's
    relations; verification by corruption.

    Example: factcheck eval corpora/dev --errors
    """
    from .evaluation import (evaluate, evaluate_corruption, evaluate_findings, render_corruption,
                           render_findings, render_score)

    from .evaluation.relations import evaluate_relations, render_relations
    from .extract.pipeline import DEFAULT_MODEL

    model = model or DEFAULT_MODEL
    score = evaluate(path, model=model, show_errors=errors)
    rules = evaluate_findings(path, model=model, show_errors=errors)
    corruption = evaluate_corruption(path, model=model, show_errors=errors)
    relations = evaluate_relations(path, model=model, show_errors=errors)
    from .evaluation.verification_real import evaluate_real_verification, render_real_verification
    real = evaluate_real_verification(path, model=model, show_errors=errors)
    if as_json:
        print(json.dumps({**score.as_dict(), "consistency": rules.as_dict(),
                          "verification": corruption.as_dict(), "relations": relations.as_dict(),
                          "verification_real": real.as_dict()}, indent=2))
    else:
        print(render_score(score, model))
        if rules.expected or rules.clean_stories:
            print(render_findings(rules))
        if corruption.stories:
            print(render_corruption(corruption))
        if relations.splits:
            print(render_relations(relations))
        if real.splits:
            print(render_real_verification(real))
    if errors:
        print("\n".join(["", *score.errors, *rules.errors, *corruption.errors, *relations.errors, *real.errors]))


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
