"""Importing a data desk's spreadsheet of facts (CSV) into the reference set's TOML format."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pydantic import ValidationError

from .errors import ReferenceSetError
from .reference import Fact, Links, ReferenceSet, Source, link_problems

REQUIRED = ("id", "counts", "value", "source_publisher")
OPTIONAL = ("kind", "place", "qualifier", "rounding", "low", "high", "value_end", "as_of", "synonyms",
            "context", "parts", "source_title", "source_url", "source_date", "note", "unit", "event",
            "subject", "subject_aliases", "role", "places", "period_from", "fiscal_year", "includes_parts",
            "current_until_replaced")
_NUMBERS = ("value", "value_end", "low", "high", "rounding")
_LISTS = ("synonyms", "context", "parts", "subject_aliases", "places")
_FLAGS = ("includes_parts", "current_until_replaced")


def read_csv(path: str | Path) -> list[Fact]:
    """Facts from a CSV with a header row; every bad row is reported as file:line."""
    rows, errors = read_csv_rows(path)
    if errors:
        raise ReferenceSetError("\n".join(f"{path}:{line}: {message}" for line, message in errors))
    return [fact for _, fact in rows]


def read_csv_rows(path: str | Path) -> tuple[list[tuple[int, Fact]], list[tuple[int, str]]]:
    """(line, fact) for every good row of a CSV with a header row, and (line, message) for every
    bad one (a bad value, an id used twice). A file that cannot be read, or a header without the
    required columns, raises ReferenceSetError."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ReferenceSetError(f"{path}: no such file") from None
    except OSError as exc:
        raise ReferenceSetError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        raise ReferenceSetError(f"{path}:1: not a readable CSV header ({exc})") from None
    errors = [f"{path}:1: missing column {c!r}; expected at least {', '.join(REQUIRED)}"
              for c in REQUIRED if c not in header]
    errors += [f"{path}:1: unknown column {c!r}; known: {', '.join(REQUIRED + OPTIONAL)}"
               for c in header if c not in REQUIRED + OPTIONAL]
    if errors:
        raise ReferenceSetError("\n".join(errors))
    rows, seen = [], {}
    try:
        for row in reader:
            line = reader.line_num
            try:
                fact = _fact(row)
            except (ValueError, ValidationError) as exc:
                errors += [(line, message) for message in _messages(exc)]
                continue
            if fact.id in seen:
                errors.append((line, f"fact {fact.id}: id already used on line {seen[fact.id]}"))
                continue
            seen[fact.id] = line
            rows.append((line, fact))
    except csv.Error as exc:
        errors.append((reader.line_num, f"not readable as CSV ({exc})"))
    return rows, errors


def check_rows(path, rows: list[tuple[int, Fact]], errors: list[tuple[int, str]],
               reference: ReferenceSet | None) -> None:
    """Raise ReferenceSetError with every problem of an import: the rows' own (`errors`), and
    what the facts name that neither the set nor the spreadsheet has (places are checked only
    against a set)."""
    reference_facts = reference.facts if reference is not None else {}
    ids = {fact.id for _, fact in rows}

    class _Known:  # the facts of the set and of the spreadsheet
        def __contains__(self, ident):
            return ident in ids or ident in reference_facts

        def __iter__(self):
            return iter([*ids, *reference_facts])

        def __len__(self):
            return len(ids) + len(reference_facts)

    errors = list(errors)
    for line, fact in rows:
        if fact.id in reference_facts:
            errors.append((line, f"fact {fact.id}: id already in {reference.origin['fact:' + fact.id]}"))
        errors += [(line, message) for message in link_problems(
            Links.of(fact), reference.places if reference is not None else None,
            reference.sources if reference is not None else (), _Known(), fact.counts or fact.unit or "anything")]
    if errors:
        raise ReferenceSetError("\n".join(f"{path}:{line}: {message}"
                                          for line, message in sorted(errors, key=lambda error: error[0])))


def _messages(exc: Exception) -> list[str]:
    if not isinstance(exc, ValidationError):
        return [str(exc)]
    out = []
    for error in exc.errors(include_url=False):
        message = error["msg"].removeprefix("Value error, ")
        key = ".".join(str(p) for p in error["loc"] if isinstance(p, str) and p not in ("str", "Source"))
        out.append(f"{key}: {message}" if key and not message.startswith(key.split(".")[0] + ":") else message)
    return out


def _fact(row: dict) -> Fact:
    if None in row:
        raise ValueError(f"more cells than columns ({len(row) - 1 + len(row[None])} for {len(row) - 1})")
    data = {k: v.strip() for k, v in row.items() if k and v and v.strip()}
    for key in _NUMBERS:
        if key in data:
            try:
                data[key] = float(data[key].replace(",", ""))
            except ValueError:
                raise ValueError(f"{key}: expected a number, got {data[key]!r}") from None
            if data[key].is_integer():
                data[key] = int(data[key])
    for key in _LISTS:
        if key in data:
            data[key] = [w.strip() for w in data[key].split(";") if w.strip()]
    for key in _FLAGS:
        if key in data:
            flag = data[key].lower()
            if flag not in ("true", "false", "yes", "no", "1", "0"):
                raise ValueError(f"{key}: expected true or false, got {data[key]!r}")
            data[key] = flag in ("true", "yes", "1")
    source = {"publisher": data.pop("source_publisher", None), "title": data.pop("source_title", None),
              "url": data.pop("source_url", None), "date": data.pop("source_date", None)}
    try:
        source = Source.model_validate(source)
    except ValidationError as exc:
        raise ValueError("; ".join(f"source_{e['loc'][0]}: {e['msg'].removeprefix('Value error, ')}"
                                   for e in exc.errors(include_url=False))) from None
    return Fact.model_validate({**data, "source": source})


def to_toml(facts: list[Fact]) -> str:
    out = ["# Imported by `factcheck refs import`; edit freely.", ""]
    for fact in facts:
        out.append("[[fact]]")
        for key, value in fact.model_dump(exclude_none=True, exclude_defaults=True).items():
            if key == "source":
                continue
            out.append(f"{key} = {_toml_value(value)}")
        source = fact.source
        parts = [f"publisher = {_toml_value(source.publisher)}"]
        for key in ("title", "url"):
            if getattr(source, key):
                parts.append(f"{key} = {_toml_value(getattr(source, key))}")
        if source.date:
            parts.append(f"date = {source.date.isoformat()}")
        out.append("source = { " + ", ".join(parts) + " }")
        out.append("")
    return "\n".join(out)


def _toml_value(value) -> str:
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)
