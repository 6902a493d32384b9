"""The curated reference set (claims/*.toml): places with aliases, sources, and sourced facts.

A desk edits these files by hand, so errors point at `file:line` and say what was expected.
Loading builds an index, so looking up a claim costs the same whatever the size of the set.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import ReferenceSetError
from .normalize import interval

PlaceKind = Literal[
    "country", "region", "province", "governorate", "state", "county", "district", "city",
    "town", "village", "camp", "prison", "facility", "border-crossing", "river", "sea", "other",
]
FactKind = Literal["count", "money", "percent", "quantity", "date"]
_PERIOD = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?|-Q[1-4]|-W\d{2})?$")


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(_Strict):
    id: str | None = None
    publisher: str
    title: str | None = None
    url: str | None = None
    date: dt.date | None = None

    def describe(self) -> str:
        parts = [self.publisher, self.title and f"\u201c{self.title}\u201d",
                 self.date and self.date.isoformat()]
        return ", ".join(p for p in parts if p)


class Place(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    kind: PlaceKind = "other"
    aliases: tuple[str, ...] = ()
    within: str | None = None


class Fact(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")
    kind: FactKind = "count"
    counts: str | None = None  # what is counted: "detainees"
    synonyms: tuple[str, ...] = ()  # other words the desk accepts for it: "prisoners"
    event: str | None = None  # for dated facts: "defeat"
    place: str | None = None
    value: int | float | str | None = None
    value_end: int | float | None = None
    low: int | float | None = None
    high: int | float | None = None
    qualifier: Literal["exact", "approx", "nearly", "more_than", "at_least", "at_most",
                       "less_than", "up_to", "range"] = "exact"
    rounding: int | float = 1
    unit: str | None = None  # currency code for money, "percent"
    as_of: str | None = None  # the period the figure holds for: "2026-01", "2025"
    context: tuple[str, ...] = ()  # words one of which the claim's sentence must contain
    parts: tuple[str, ...] = ()  # ids of facts that make up this total
    source: str | Source
    note: str | None = None

    @field_validator("as_of", mode="before")
    @classmethod
    def _period(cls, value):
        if value is None:
            return None
        value = value.isoformat() if isinstance(value, dt.date) else str(value)
        if not _PERIOD.match(value):
            raise ValueError(f"as_of: expected a period like 2026, 2026-01 or 2026-01-21, got {value!r}")
        return value

    @model_validator(mode="after")
    def _consistent(self):
        if self.kind == "date":
            if self.value is None or not _PERIOD.match(str(self.value)):
                raise ValueError("a date fact needs value: a date like 2017, 2017-10 or 2017-10-17")
            if not self.event:
                raise ValueError("a date fact needs event: what happened (e.g. \"defeat\")")
            return self
        if self.kind != "date" and not self.counts and self.kind in ("count", "quantity"):
            raise ValueError("a count needs counts: what is counted (e.g. \"detainees\")")
        if self.value is None and (self.low is None or self.high is None):
            raise ValueError("a fact needs value, or both low and high")
        if isinstance(self.value, str):
            raise ValueError(f"value: expected a number, got {self.value!r}")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low ({self.low:g}) is above high ({self.high:g})")
        return self

    @property
    def interval(self) -> tuple[float | None, float | None]:
        if self.kind == "date":
            return None, None
        if self.value is None:
            return self.low, self.high
        low, high = interval(self.value, self.qualifier, self.rounding, self.value_end, self.rounding)
        return (self.low if self.low is not None else low, self.high if self.high is not None else high)


@dataclass
class ReferenceSet:
    places: dict[str, Place] = field(default_factory=dict)
    facts: dict[str, Fact] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)  # id -> "file:line"
    _by_thing: dict[tuple[str, str], list[Fact]] = field(default_factory=lambda: defaultdict(list))
    _by_place: dict = field(default_factory=lambda: defaultdict(list))
    _by_context: dict = field(default_factory=lambda: defaultdict(list))
    _cache: dict = field(default_factory=dict)
    scope: dict[str, frozenset[str]] = field(default_factory=dict)  # fact id -> places of its file

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_cache"] = {}  # the gazetteer is rebuilt on demand
        return state

    def gazetteer(self):
        """The place index for linking, built once per reference set."""
        if "gazetteer" not in self._cache:
            from .gazetteer import Gazetteer

            self._cache["gazetteer"] = Gazetteer(self)
        return self._cache["gazetteer"]

    def source_of(self, fact: Fact) -> Source:
        return fact.source if isinstance(fact.source, Source) else self.sources[fact.source]

    def ancestors(self, place_id: str) -> list[str]:
        chain, seen = [], set()
        while place_id in self.places and place_id not in seen:
            seen.add(place_id)
            place_id = self.places[place_id].within
            if place_id:
                chain.append(place_id)
        return chain

    def candidates(self, kind: str, thing: str | None, place: str | None = "*") -> list[Fact]:
        """Facts counting `thing` (by head noun or synonym): at `place` and place-free ones, or
        at every place when `place` is "*". A dictionary lookup: flat in the size of the set."""
        if thing is None:
            return []
        head = head_word(thing)
        if place == "*":
            return self._by_thing.get((kind, head), [])
        found = self._by_place.get((kind, head, None), [])
        return found + self._by_place.get((kind, head, place), []) if place else found

    def by_context(self, kind: str, sentence: str) -> list[Fact]:
        """Facts of `kind` whose context words (or event) begin a word of `sentence`."""
        seen: dict[str, Fact] = {}
        for word in set(re.findall(r"[a-z0-9][a-z0-9'-]*", sentence.lower())):
            for end in range(3, len(word) + 1):
                for fact in self._by_context.get((kind, word[:end]), ()):
                    seen[fact.id] = fact
        return list(seen.values())

    def index(self) -> None:
        self._by_thing = defaultdict(list)
        self._by_place = defaultdict(list)
        self._by_context = defaultdict(list)
        for fact in self.facts.values():
            words = [fact.counts or fact.event or fact.unit or "", *fact.synonyms]
            for word in {head_word(w) for w in words if w}:
                self._by_thing[(fact.kind, word)].append(fact)
                self._by_place[(fact.kind, word, fact.place)].append(fact)
            for phrase in {*fact.context, *([fact.event] if fact.event else [])}:
                first = phrase.lower().split()[0] if phrase.strip() else ""
                if first:
                    self._by_context[(fact.kind, first)].append(fact)


def head_word(text: str) -> str:
    """ "IS operatives" -> "operative": the last word, lower case, singular."""
    words = re.findall(r"[\w-]+", text.lower())
    if not words:
        return ""
    word = words[-1]
    for suffix, replacement in (("ies", "y"), ("ves", "f"), ("sses", "ss"), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2 and not word.endswith("ss"):
            return word[: -len(suffix)] + replacement
    return word


# ---------------------------------------------------------------- loading

_TABLE = re.compile(r"^\s*\[\[\s*(fact|place|source)\s*\]\]\s*(?:#.*)?$")


def load_reference(folder: str | Path, *, cache: bool = True) -> ReferenceSet:
    """Load and validate every *.toml file in `folder` (recursively).

    A validated set is kept in the user's cache (keyed by the files' bytes), so loading an
    unchanged set of 100,000 facts skips parsing and validation."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ReferenceSetError(f"{folder}: no such folder; expected a reference set (a claims/ folder)")
    files = sorted(folder.rglob("*.toml"))
    stored = _cache_dir() / f"reference-{reference_digest(folder)}.pickle" if cache else None
    if stored is not None and stored.is_file():
        try:
            with stored.open("rb") as handle:
                return pickle.load(handle)
        except Exception:  # a stale or damaged cache entry is rebuilt
            pass
    reference = ReferenceSet()
    for path in files:
        _load_file(path, reference)
    _check_links(reference)
    _scope(reference)
    reference.index()
    if stored is not None:
        _store(stored, reference)
    return reference


SCHEMA_VERSION = "factcheck.reference/1 (cache 2)"


def reference_digest(folder: str | Path) -> str:
    """A hash of every file of a reference set (paths and bytes): the key of anything derived
    from it, such as the validated-set cache and batch's report cache."""
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    for path in sorted(Path(folder).rglob("*.toml")):
        digest.update(str(path.resolve()).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factcheck"


def _store(path: Path, reference: ReferenceSet) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(reference, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only home is fine: the set is simply parsed again next time


def _table_lines(text: str) -> dict[str, list[int]]:
    lines: dict[str, list[int]] = defaultdict(list)
    for number, line in enumerate(text.splitlines(), start=1):
        match = _TABLE.match(line)
        if match:
            lines[match.group(1)].append(number)
    return lines


def _key_line(text: str, start_line: int, key: str) -> int:
    """The 1-based line of `key = ...` in the table starting at 0-based `start_line`, or the
    table's own line when the key is missing."""
    lines = text.splitlines()
    for number in range(start_line, len(lines)):
        if number > start_line and _TABLE.match(lines[number]):
            break
        if re.match(rf"^\s*{re.escape(key)}\s*=", lines[number]):
            return number + 1
    return start_line + 1


def _load_file(path: Path, reference: ReferenceSet) -> None:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ReferenceSetError(f"{path}: not UTF-8 text") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        raise ReferenceSetError(f"{path}:{line.group(1) if line else 1}: not valid TOML: {exc}") from None
    unknown = set(data) - {"fact", "place", "source"}
    if unknown:
        raise ReferenceSetError(
            f"{path}: unexpected table {sorted(unknown)[0]!r}; expected [[place]], [[source]] and [[fact]]"
        )
    table_lines = _table_lines(text)
    for table, model, store in (("source", Source, reference.sources), ("place", Place, reference.places),
                                ("fact", Fact, reference.facts)):
        for index, item in enumerate(data.get(table, [])):
            line = table_lines[table][index] if index < len(table_lines[table]) else 1
            try:
                obj = model.model_validate(item)
            except ValidationError as exc:
                error = exc.errors()[0]
                message = error["msg"].removeprefix("Value error, ")
                named = re.match(r"^(\w+):", message)
                key = str(error["loc"][0]) if error["loc"] else (named.group(1) if named else "")
                where = _key_line(text, line - 1, key) if key else line
                what = f"{key}: " if key and not message.startswith(key) else ""
                raise ReferenceSetError(f"{path}:{where}: {table} {item.get('id', '')!s}: {what}{message}") from None
            if obj.id is None:
                if table == "source":
                    raise ReferenceSetError(f"{path}:{line}: a [[source]] needs an id")
            if obj.id in store:
                raise ReferenceSetError(
                    f"{path}:{line}: duplicate {table} id {obj.id!r} (first defined at {reference.origin[table + ':' + obj.id]})"
                )
            store[obj.id] = obj
            reference.origin[f"{table}:{obj.id}"] = f"{path}:{line}"


def _scope(reference: ReferenceSet) -> None:
    """A fact with no place applies to stories that name a place of its own file (the running
    story it belongs to), never to every story that mentions, say, "people"."""
    by_file: dict[str, set[str]] = defaultdict(set)
    for key, where in reference.origin.items():
        table, _, ident = key.partition(":")
        if table == "place":
            by_file[where.rsplit(":", 1)[0]].add(ident)
    shared = {file: frozenset(places) for file, places in by_file.items()}
    for fact in reference.facts.values():
        file = reference.origin["fact:" + fact.id].rsplit(":", 1)[0]
        scope = shared.get(file, frozenset())
        if fact.place and fact.place not in scope:
            scope = scope | {fact.place}
        reference.scope[fact.id] = scope


def _check_links(reference: ReferenceSet) -> None:
    for place in reference.places.values():
        if place.within and place.within not in reference.places:
            raise ReferenceSetError(
                f"{reference.origin['place:' + place.id]}: place {place.id}: within {place.within!r} is not a known place"
            )
    for fact in reference.facts.values():
        where = reference.origin["fact:" + fact.id]
        if fact.place and fact.place not in reference.places:
            raise ReferenceSetError(f"{where}: fact {fact.id}: unknown place {fact.place!r}")
        if not fact.place and not fact.context and fact.kind != "date":
            raise ReferenceSetError(
                f"{where}: fact {fact.id}: needs a place or context words; otherwise it would apply "
                f"to every story that counts {fact.counts or fact.unit or 'anything'}"
            )
        if isinstance(fact.source, str) and fact.source not in reference.sources:
            raise ReferenceSetError(f"{where}: fact {fact.id}: unknown source {fact.source!r}")
        for part in fact.parts:
            if part not in reference.facts:
                raise ReferenceSetError(f"{where}: fact {fact.id}: part {part!r} is not a known fact")


class ReferenceFile(_Strict):
    """One file of the reference set (the JSON Schema editors and CI can validate against)."""

    place: list[Place] = []
    source: list[Source] = []
    fact: list[Fact] = []


def json_schema() -> dict:
    schema = ReferenceFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "factcheck reference set file (claims/*.toml)"
    return schema
