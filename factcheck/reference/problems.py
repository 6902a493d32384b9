"""Validation problems in the desk's words, each as `file:line: message`, all of them at once."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import ValidationError
from rapidfuzz import fuzz, process

from ..errors import ReferenceSetError


@dataclass
class Problems:
    """Every problem found in a run, reported together (sorted by file, then line)."""

    found: list[tuple[int, int, str, str]] = field(default_factory=list)

    def add(self, file_order: int, path: str, line: int, message: str) -> None:
        self.found.append((file_order, line, path, message))

    def __bool__(self) -> bool:
        return bool(self.found)

    def error(self) -> ReferenceSetError:
        lines = [f"{path}:{line}: {message}" for _, line, path, message in sorted(self.found, key=lambda p: p[:2])]
        if len(lines) > 1:
            lines.append(f"{len(lines)} problems in the reference set; nothing was loaded")
        return ReferenceSetError("\n".join(lines))


SUGGEST_AMONG = 200_000  # beyond this many ids a suggestion costs more than it helps


def did_you_mean(word, choices) -> str:
    """ "; did you mean 'counts'?" when a choice is close to `word`."""
    if not isinstance(word, str) or not word or len(choices) > SUGGEST_AMONG:
        return ""
    close = process.extractOne(word, list(choices), scorer=fuzz.ratio, score_cutoff=75)
    return f"; did you mean {close[0]!r}?" if close else ""


def _shown(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return "a table" if isinstance(value, dict) else "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def messages(exc: ValidationError, item: dict, model) -> list[tuple[tuple, str]]:
    """(path inside the item, message) for each error pydantic found; a union's several
    complaints about one value become one."""
    out: dict[tuple, str] = {}
    for error in exc.errors(include_url=False):
        path, node = [], item
        for part in error["loc"]:  # keep the parts that are real keys and indexes of the item
            if isinstance(node, dict) and part in node or isinstance(node, list) and isinstance(part, int) \
                    and 0 <= part < len(node):
                path.append(part)
                node = node[part]
        message = _message(error, path, node, model)
        key = message.split(":", 1)[0]
        if not path and key in item:  # a check across fields names the key it is about
            path = [key]
        out.setdefault(tuple(path), message)
    # a union complains about a value as a whole and about what is wrong inside it: keep the latter
    return [(path, message) for path, message in out.items()
            if not any(len(other) > len(path) and other[: len(path)] == path for other in out)]


def _message(error: dict, path: list, node, model) -> str:
    kind, text = error["type"], error["msg"].removeprefix("Value error, ")
    name = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in path).replace(".[", "[")
    where = f"{name}: " if name else ""
    if kind == "extra_forbidden":
        key = str(error["loc"][-1])
        known = model.model_fields if len(path) <= 1 else {}
        hint = did_you_mean(key, known)
        return f"unknown key {key!r}{hint or '; ' + model.__name__.lower() + ' keys are ' + ', '.join(known)}" \
            if known else f"unknown key {key!r}"
    if kind == "missing":
        return f"missing key {str(error['loc'][-1])!r}"
    if kind == "greater_than":
        return f"{where}expected a number above {error['ctx']['gt']} (the unit the figure is rounded to, " \
               f"such as 1, 100 or 1000), got {_shown(node)}"
    if kind == "literal_error":
        return f"{where}expected one of {error['ctx']['expected']}, got {_shown(node)}" \
               f"{did_you_mean(node, [e.strip(chr(39)) for e in error['ctx']['expected'].replace(' or ', ', ').split(', ')])}"
    if kind == "string_pattern_mismatch":
        return f"{where}{_shown(node)} is not a valid id: use lower case letters, digits and hyphens" \
               f"{' (and . or _ for a fact)' if model.__name__ == 'Fact' else ''}, starting with a letter or digit"
    if kind in ("string_type", "tuple_type", "list_type", "date_type", "date_from_datetime_parsing",
                "date_parsing", "model_type", "model_attributes_type", "dict_type"):
        wanted = {"string_type": "text in quotes", "tuple_type": "a list like [\"a\", \"b\"]",
                  "list_type": "a list", "model_type": "a table", "dict_type": "a table",
                  "model_attributes_type": "a table"}.get(kind, "a date like 2026-01-15")
        return f"{where}expected {wanted}, got {_shown(node)}"
    if kind == "union_tag_invalid" or kind.startswith("union"):
        return f"{where}{text}"
    if name and not text.startswith(name + ":"):
        return f"{where}{text}"
    return text

