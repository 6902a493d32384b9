"""The loaded reference set: read-only mappings and indexed lookups over a compiled store.

`facts`, `places` and `sources` behave like dictionaries of validated models keyed by id;
`candidates` and `by_context` are indexed queries, flat in the size of the set.
"""

from __future__ import annotations

from collections.abc import ItemsView, Iterator, Mapping, ValuesView
from pathlib import Path

from .index import Index
from .models import Fact, Place, Source, head_word
from .store import Store

MEMO = 50_000  # models kept per table; the memo is emptied when it fills
PAGE = 2_000  # rows read at a time when walking a whole table


class _Table(Mapping):
    """id -> model, read from the store and memoised."""

    def __init__(self, store: Store, table: str, model):
        self._store, self._table, self._model = store, table, model
        self._memo: dict = {}
        self._len: int | None = None

    def _build(self, ident: str, json: str):
        if len(self._memo) >= MEMO:
            self._memo.clear()
        item = self._memo[ident] = self._model.model_validate_json(json)
        return item

    def __getitem__(self, ident):
        item = self._memo.get(ident)
        if item is not None:
            return item
        row = self._store.one(f"SELECT json FROM {self._table} WHERE id = ?", (ident,)) if isinstance(ident, str) else None
        if row is None:
            raise KeyError(ident)
        return self._build(ident, row[0])

    def __contains__(self, ident) -> bool:
        return ident in self._memo or (
            isinstance(ident, str) and self._store.one(f"SELECT 1 FROM {self._table} WHERE id = ?", (ident,)) is not None)

    def __len__(self) -> int:
        if self._len is None:
            self._len = self._store.one(f"SELECT count(*) FROM {self._table}")[0]
        return self._len

    def _pages(self, columns: str) -> Iterator[tuple]:
        """Every row in the set's order, a page at a time: memory stays flat over a million
        facts, and no lock is held between pages."""
        last = 0
        while True:
            rows = self._store.all(f"SELECT n, {columns} FROM {self._table} WHERE n > ? ORDER BY n LIMIT ?",
                                   (last, PAGE))
            yield from rows
            if len(rows) < PAGE:
                return
            last = rows[-1][0]

    def __iter__(self) -> Iterator[str]:
        return (ident for _, ident in self._pages("id"))

    def models(self) -> Iterator:
        """Every model in the set's order (built as the iteration reaches it, not memoised)."""
        return (self._memo.get(ident) or self._model.model_validate_json(json)
                for _, ident, json in self._pages("id, json"))

    def values(self) -> ValuesView:
        return _Values(self)

    def items(self) -> ItemsView:
        return _Items(self)

    def by_rows(self, sql: str, args: tuple) -> list:
        """Models for a query that selects (id, json) rows."""
        return [self._memo.get(ident) or self._build(ident, json) for ident, json in self._store.all(sql, args)]


class _Values(ValuesView):
    def __iter__(self):
        return self._mapping.models()


class _Items(ItemsView):
    def __iter__(self):
        return ((item.id, item) for item in self._mapping.models())


class _Origin(Mapping):
    """"fact:<id>" / "place:<id>" / "source:<id>" -> "file:line"."""

    def __init__(self, reference: "ReferenceSet"):
        self._reference = reference

    def __getitem__(self, key: str) -> str:
        table, _, ident = key.partition(":") if isinstance(key, str) else ("", "", "")
        if table not in ("fact", "place", "source"):
            raise KeyError(key)
        row = self._reference._store.one(f"SELECT file, line FROM {table}s WHERE id = ?", (ident,))
        if row is None:
            raise KeyError(key)
        return f"{self._reference.file(row[0])}:{row[1]}"

    def __iter__(self):
        for table in ("source", "place", "fact"):
            for (ident,) in self._reference._store.all(f"SELECT id FROM {table}s ORDER BY n"):
                yield f"{table}:{ident}"

    def __len__(self) -> int:
        return sum(self._reference._store.one(f"SELECT count(*) FROM {t}s")[0] for t in ("source", "place", "fact"))


class _Scope(Mapping):
    """fact id -> the places of its file, plus its own place: where a fact with no place of its
    own applies (a story naming a place of the running story it belongs to)."""

    def __init__(self, reference: "ReferenceSet"):
        self._reference = reference
        self._by_file: dict[int, frozenset[str]] = {}
        self._memo: dict[str, frozenset[str]] = {}

    def __getitem__(self, ident: str) -> frozenset[str]:
        scope = self._memo.get(ident) if isinstance(ident, str) else None
        if scope is None:
            if len(self._memo) >= MEMO:
                self._memo.clear()
            scope = self._memo[ident] = self._read(ident)
        return scope

    def _read(self, ident: str) -> frozenset[str]:
        row = self._reference._store.one("SELECT file, place FROM facts WHERE id = ?", (ident,)) \
            if isinstance(ident, str) else None
        if row is None:
            raise KeyError(ident)
        file, place = row
        if file not in self._by_file:
            self._by_file[file] = frozenset(
                p for (p,) in self._reference._store.all("SELECT id FROM places WHERE file = ?", (file,)))
        scope = self._by_file[file]
        return scope | {place} if place and place not in scope else scope

    def __iter__(self):
        return iter(self._reference.facts)

    def __len__(self) -> int:
        return len(self._reference.facts)


class ReferenceSet:
    """A validated reference set. `ReferenceSet()` is the empty set."""

    def __init__(self, store: Store | None = None, folder: str | Path | None = None):
        self._store = store if store is not None else Store()
        self.folder = Path(folder) if folder is not None else None
        self.facts = _Table(self._store, "facts", Fact)
        self.places = _Table(self._store, "places", Place)
        self.sources = _Table(self._store, "sources", Source)
        self.origin = _Origin(self)
        self.scope = _Scope(self)
        self._files: dict[int, str] = {}
        self._gazetteer = None
        self._index = Index(self._store, self.facts)

    def __getstate__(self):
        return {"store": self._store, "folder": self.folder}

    def __setstate__(self, state):
        self.__init__(state["store"], state["folder"])

    def __repr__(self) -> str:
        return f"ReferenceSet({str(self.folder)!r}: {len(self.facts)} facts, {len(self.places)} places)"

    def file(self, number: int) -> str:
        """The path of file `number` as the set was named (relative paths stay relative)."""
        if number not in self._files:
            row = self._store.one("SELECT path FROM files WHERE n = ?", (number,))
            relative = row[0] if row else "?"
            self._files[number] = str(self.folder / relative) if self.folder is not None else relative
        return self._files[number]

    def gazetteer(self):
        """The place index for linking, built once per reference set."""
        if self._gazetteer is None:
            from ..gazetteer import Gazetteer

            self._gazetteer = Gazetteer(self)
        return self._gazetteer

    def place_key(self, key: str) -> str | None:
        """The place id a folded name belongs to (exactly)."""
        row = self._store.one("SELECT place FROM place_keys WHERE key = ?", (key,))
        return row[0] if row else None

    def place_keys(self) -> Iterator[tuple[str, str]]:
        return iter(self._store.all("SELECT key, place FROM place_keys ORDER BY n"))

    def count_place_keys(self) -> int:
        return self._store.one("SELECT count(*) FROM place_keys")[0]

    def fuzzy_keys(self, initial: str, shortest: int, longest: int,
                   pairs: list[tuple[str, int, int]] | None = None, needed: int = 1) -> list[tuple[str, str]]:
        """One-word folded names starting with `initial`, of a length in [shortest, longest], in
        the set's order; with `pairs` ((letter pair, lowest start, highest start) each), only
        those holding at least `needed` of them (a pair found twice in one name counts twice:
        that can keep a name the caller then rejects, never drop one it would take)."""
        if pairs is None:
            return self._store.all(
                "SELECT key, place FROM place_keys WHERE single = 1 AND initial = ? AND length BETWEEN ? AND ? "
                "ORDER BY n", (initial, shortest, longest))
        found = " UNION ALL ".join(
            ["SELECT key FROM place_grams WHERE initial = ? AND gram = ? AND pos BETWEEN ? AND ?"] * len(pairs))
        return self._store.all(
            f"SELECT key, place FROM place_keys WHERE n IN (SELECT key FROM ({found}) GROUP BY key "
            "HAVING count(*) >= ?) AND length BETWEEN ? AND ? ORDER BY n",
            (*(x for gram, first, last in pairs for x in (initial, gram, first, last)), needed, shortest, longest))

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
        at every place when `place` is "*". Flat in the size of the set (see index.py)."""
        if thing is None:
            return []
        return self._index.by_thing(kind, head_word(thing), place)

    def by_context(self, kind: str, sentence: str) -> list[Fact]:
        """Facts of `kind` whose context words (or event) begin a word of `sentence`."""
        return self._index.by_context(kind, sentence)
