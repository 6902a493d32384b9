"""`factcheck refs ...`: validate, list, show, export the schema of, and import into the
reference set."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from .cli_options import ConfigFile, Refs, flags

refs_app = typer.Typer(
    no_args_is_help=True, rich_markup_mode=None, context_settings={"help_option_names": ["-h", "--help"]},
    help="The reference set: validate, list, show and import facts.\n\nExample: factcheck refs validate claims",
)


def reference_folder(refs: Optional[Path], config: Optional[Path], *, required: bool = True) -> Optional[Path]:
    """The folder named by --refs or the config, else the nearest claims/ upward from here, as
    `check` finds it (factcheck.settings); none found is an error naming where we looked."""
    from .errors import ReferenceSetError
    from .settings import no_reference_message, resolve

    folder = resolve(flags(refs=refs, config=config), Path.cwd()).refs
    if folder is None and required:
        raise ReferenceSetError(no_reference_message(Path.cwd()))
    return folder


@refs_app.command("validate")
def refs_validate(
    folder: Optional[Path] = typer.Argument(None, help="The reference set folder (default: --refs, the config's "
                                            "refs, or the nearest claims/ upward from here)."),
    refs: Refs = None, config: ConfigFile = None,
) -> None:
    """Check every file of a reference set; every problem is printed as file:line: message.

    Example: factcheck refs validate claims
    """
    from .errors import ReferenceSetError
    from .reference import load_reference

    folder = folder or reference_folder(refs, config)
    try:
        reference = load_reference(folder)
    except ReferenceSetError as exc:
        print(str(exc), file=sys.stderr)  # one problem a line, each file:line: message
        raise typer.Exit(2) from None
    print(f"{folder}: {len(reference.facts)} facts, {len(reference.places)} places, "
          f"{len(reference.sources)} sources: valid")
    undated = sorted(f.id for f in reference.facts.values()
                     if not f.as_of and not f.series and f.kind != "date")  # a date fact is its own date
    if undated:  # valid, but a desk should know: such a fact judges a figure of any date
        shown = ", ".join(undated[:5]) + (f" and {len(undated) - 5} more" if len(undated) > 5 else "")
        many = len(undated) != 1
        print(f"note: {len(undated)} fact{'s' if many else ''} {'have' if many else 'has'} no as_of, so "
              f"{'they are' if many else 'it is'} compared with figures of any date "
              f"(a figure from another year can be contradicted): {shown}. Give each the period "
              f"it is for, e.g. as_of = \"2026-01\".")


@refs_app.command("list")
def refs_list(refs: Refs = None, config: ConfigFile = None) -> None:
    """List the facts: id, what, where, figure, as of.

    Example: factcheck refs list --refs claims
    """
    from .reference import load_reference

    reference = load_reference(reference_folder(refs, config))
    for fact in reference.facts.values():
        what = fact.counts or fact.event or fact.unit or fact.kind
        figure = fact.value if fact.value is not None else f"{fact.low}-{fact.high}"
        qualifier = "" if fact.qualifier == "exact" else f" ({fact.qualifier})"
        print(f"{fact.id}\t{what}\t{fact.place or '-'}\t{figure}{qualifier}\t{fact.as_of or '-'}")


@refs_app.command("show")
def refs_show(
    fact_id: str = typer.Argument(..., help="A fact or place id."),
    refs: Refs = None, config: ConfigFile = None,
) -> None:
    """Show one fact (or place) in full, with its source and where it is defined.

    Example: factcheck refs show al-hol.population
    """
    from .errors import ReferenceSetError
    from .reference import load_reference

    folder = reference_folder(refs, config)
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


@refs_app.command("schema")
def refs_schema() -> None:
    """Print the JSON Schema of a reference-set file, generated from the models that validate it.

    Example: factcheck refs schema > claims/schema.json
    """
    from .reference import json_schema

    print(json.dumps(json_schema(), indent=2))


@refs_app.command("import")
def refs_import(
    csv_file: Path = typer.Argument(..., help="A CSV of facts (columns: id, counts, value, source_publisher, ...)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Write TOML here (default: print it)."),
    refs: Refs = None, config: ConfigFile = None,
) -> None:
    """Turn a data desk's spreadsheet (CSV) into reference-set TOML; every bad row is reported
    as file:line, and nothing is written unless every row is valid.

    Example: factcheck refs import figures.csv --out claims/figures.toml
    """
    from .reference import load_reference
    from .refs_csv import check_rows, read_csv_rows, to_toml

    folder = reference_folder(refs, config, required=False)  # places are checked against it when there is one
    rows, errors = read_csv_rows(csv_file)
    check_rows(csv_file, rows, errors, load_reference(folder) if folder is not None and folder.is_dir() else None)
    facts = [fact for _, fact in rows]
    text = to_toml(facts)
    if out:
        out.write_text(text, encoding="utf-8")
        print(f"{out}: {len(facts)} facts written")
    else:
        print(text)
