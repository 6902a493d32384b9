"""Importing a data desk's spreadsheet of facts (CSV) into the reference set's TOML format."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pydantic import ValidationError

from .errors import ReferenceSetError
from .reference import Fact, Source

REQUIRED = ("id", "counts", "value", "source_publisher")
OPTIONAL = ("kind", "place", "qualifier", "rounding", "low", "high", "as_of", "synonyms", "context",
            "source_title", "source_url", "source_date", "note", "unit", "event")
_NUMBERS = ("value", "low", "high", "rounding")


def read_csv(path: str | Path) -> list[Fact]:
    """Facts from a CSV with a header row; every bad row is reported as file:line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ReferenceSetError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        text = path.read_text(encoding="cp1252")
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ReferenceSetError(
            f"{path}:1: missing column {missing[0]!r}; expected at least {', '.join(REQUIRED)}"
        )
    unknown = [c for c in header if c not in REQUIRED + OPTIONAL]
    if unknown:
        raise ReferenceSetError(f"{path}:1: unknown column {unknown[0]!r}; known: {', '.join(REQUIRED + OPTIONAL)}")
    facts, errors = [], []
    for row in reader:
        line = reader.line_num
        try:
            facts.append(_fact(row))
        except (ValueError, ValidationError) as exc:
            message = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
            errors.append(f"{path}:{line}: {message.removeprefix('Value error, ')}")
    if errors:
        raise ReferenceSetError("\n".join(errors))
    return facts


def _fact(row: dict) -> Fact:
    data = {k: v.strip() for k, v in row.items() if k and v and v.strip()}
    for key in _NUMBERS:
        if key in data:
            try:
                data[key] = float(data[key].replace(",", ""))
            except ValueError:
                raise ValueError(f"{key}: expected a number, got {data[key]!r}") from None
    for key in ("synonyms", "context"):
        if key in data:
            data[key] = [w.strip() for w in data[key].split(";") if w.strip()]
    source = Source(
        publisher=data.pop("source_publisher"), title=data.pop("source_title", None),
        url=data.pop("source_url", None), date=data.pop("source_date", None),
    )
    return Fact.model_validate({**data, "source": source})


def to_toml(facts: list[Fact]) -> str:
    out = ["# Imported by `factcheck refs import`; edit freely.", ""]
    for fact in facts:
        out.append("[[fact]]")
        for key, value in fact.model_dump(exclude_none=True, exclude_defaults=True).items():
            if key == "source":
                continue
            out.append(f"{key} = {_toml_value(value)}")
        if "kind" not in fact.model_fields_set:
            pass
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
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)
