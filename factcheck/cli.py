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

from .errors import FactcheckError, SourceError
from .extract import DEFAULT_MODEL

app = typer.Typer(
    add_completion=False, no_args_is_help=True, rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="Catch wrong numbers in news copy before it is published.\n\n"
    "Example: factcheck check story.md",
)
FORMATS = ("text", "json", "jsonl", "line", "sarif", "rdjsonl", "github")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


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


@app.command()
def check(
    files: List[str] = typer.Argument(None, help="Story files (.txt, .md, .html); '-' or none on a pipe reads stdin."),
    format: str = typer.Option("text", "--format", "-f", help=f"Output format: {', '.join(FORMATS)}."),
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD (overrides front matter)."),
    model: str = typer.Option(DEFAULT_MODEL, help="spaCy pipeline to load."),
    fail_on: str = typer.Option("error", help="Exit 1 on findings at or above: error, warning, info."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour (default: on a terminal)."),
    refs: Optional[Path] = typer.Option(None, "--refs", help="Reference set folder (default: nearest claims/ upward from the story)."),
) -> None:
    """Read every figure in a story: value, interval, what is counted, where and when.

    Example: factcheck check corpora/dev/iraq-detainee-transfers.md --format json
    """
    from .api import check_stories
    from .report import RENDERERS
    from .source import read_story, story_from_text

    if format not in RENDERERS:
        raise FactcheckError(f"--format: expected one of {', '.join(RENDERERS)}, got {format!r}")
    if fail_on not in SEVERITY_RANK:
        raise FactcheckError(f"--fail-on: expected error, warning or info, got {fail_on!r}")
    date = _published(published)
    files = list(files or [])
    if not files:
        if sys.stdin.isatty():
            raise FactcheckError("no story given: name a file, or pipe a story in (factcheck check - < story.txt)")
        files = ["-"]
    stories, failed = [], 0
    for name in files:
        try:
            if name == "-":
                data = sys.stdin.buffer.read()
                from .source import decode

                text, _ = decode(data, "<stdin>")
                stories.append(story_from_text(text, None, published=date))
            else:
                stories.append(read_story(name, published=date))
        except SourceError as exc:
            _err(str(exc))
            failed += 1
    reports = []
    for story in stories:
        reference = _reference_for(refs, story.path)
        reports.extend(check_stories([story], model=model, reference=reference))
    output = RENDERERS[format](reports, [s.text for s in stories])
    if format == "text":
        Console(highlight=False, soft_wrap=True, force_terminal=color, no_color=color is False).print(output)
    elif output:
        print(output)
    threshold = SEVERITY_RANK[fail_on]
    flagged = any(
        SEVERITY_RANK[f.severity] >= threshold for r in reports for f in r.findings
    ) or any(c.verdict == "contradicted" for r in reports for c in r.claims)
    raise typer.Exit(2 if failed else (1 if flagged else 0))


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
    from .evaluate import (evaluate, evaluate_corruption, evaluate_findings, render_corruption,
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


refs_app = typer.Typer(
    no_args_is_help=True, rich_markup_mode=None,
    help="The reference set: validate, list, show and import facts.\n\nExample: factcheck refs validate claims",
)
app.add_typer(refs_app, name="refs")


@refs_app.command("validate")
def refs_validate(folder: Path = typer.Argument(Path("claims"), help="The reference set folder.")) -> None:
    """Check every file of a reference set; errors are file:line.

    Example: factcheck refs validate claims
    """
    from .reference import load_reference

    reference = load_reference(folder)
    print(f"{folder}: {len(reference.facts)} facts, {len(reference.places)} places, "
          f"{len(reference.sources)} sources: valid")


@refs_app.command("list")
def refs_list(folder: Path = typer.Option(Path("claims"), "--refs", help="The reference set folder.")) -> None:
    """List the facts: id, what, where, figure, as of.

    Example: factcheck refs list --refs claims
    """
    from .reference import load_reference

    reference = load_reference(folder)
    for fact in reference.facts.values():
        what = fact.counts or fact.event or fact.unit or fact.kind
        figure = fact.value if fact.value is not None else f"{fact.low}-{fact.high}"
        qualifier = "" if fact.qualifier == "exact" else f" ({fact.qualifier})"
        print(f"{fact.id}\t{what}\t{fact.place or '-'}\t{figure}{qualifier}\t{fact.as_of or '-'}")


@refs_app.command("show")
def refs_show(
    fact_id: str = typer.Argument(..., help="A fact or place id."),
    folder: Path = typer.Option(Path("claims"), "--refs", help="The reference set folder."),
) -> None:
    """Show one fact (or place) in full, with its source and where it is defined.

    Example: factcheck refs show al-hol.population
    """
    from .errors import ReferenceSetError
    from .reference import load_reference

    reference = load_reference(folder)
    item = reference.facts.get(fact_id) or reference.places.get(fact_id)
    if item is None:
        raise ReferenceSetError(f"no fact or place with id {fact_id!r} in {folder}")
    kind = "fact" if fact_id in reference.facts else "place"
    print(f"{kind} {fact_id}  ({reference.origin[kind + ':' + fact_id]})")
    for key, value in item.model_dump(exclude_none=True).items():
        if key == "source":
            source = reference.source_of(item)
            value = source.describe() + (f" <{source.url}>" if source.url else "")
        print(f"  {key}: {value}")
    if kind == "fact":
        low, high = item.interval
        print(f"  interval: {low} to {high}")


@refs_app.command("import")
def refs_import(
    csv_file: Path = typer.Argument(..., help="A CSV of facts (columns: id, counts, value, source_publisher, ...)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Write TOML here (default: print it)."),
    folder: Path = typer.Option(Path("claims"), "--refs", help="Check places against this reference set."),
) -> None:
    """Turn a data desk's spreadsheet (CSV) into reference-set TOML; bad rows are file:line.

    Example: factcheck refs import figures.csv --out claims/figures.toml
    """
    from .errors import ReferenceSetError
    from .reference import load_reference
    from .refs_csv import read_csv, to_toml

    facts = read_csv(csv_file)
    if folder.is_dir():
        reference = load_reference(folder)
        for fact in facts:
            if fact.place and fact.place not in reference.places:
                raise ReferenceSetError(f"{csv_file}: fact {fact.id}: unknown place {fact.place!r}")
            if fact.id in reference.facts:
                raise ReferenceSetError(f"{csv_file}: fact {fact.id}: id already in {reference.origin['fact:' + fact.id]}")
    text = to_toml(facts)
    if out:
        out.write_text(text, encoding="utf-8")
        print(f"{out}: {len(facts)} facts written")
    else:
        print(text)


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
