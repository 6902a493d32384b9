"""The two lookups verification makes for every claim: facts by what they count (kind, head noun,
place) and facts by context word. For a set of a desk's usual size the index is read into
dictionaries once (a few microseconds a lookup); for a large one each lookup is an indexed query
on the store. Either way the cost of a lookup does not grow with the set.
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict

IN_MEMORY = 50_000  # index rows up to which lookups use dictionaries rather than the store


class Index:
    def __init__(self, store, facts):
        self._store, self._facts = store, facts  # facts: id -> Fact (memoised)
        self._lock = threading.Lock()
        self._memory: tuple[dict, dict, dict] | None = None
        self._decided = False

    def _dictionaries(self) -> tuple[dict, dict, dict] | None:
        """(kind, head) -> ids, (kind, head, place) -> ids, (kind, word) -> (n, id)s; None for a
        large set."""
        if not self._decided:
            with self._lock:
                if not self._decided:
                    rows = self._store.one("SELECT (SELECT count(*) FROM thing) + (SELECT count(*) FROM context)")[0]
                    self._memory = self._read() if rows <= IN_MEMORY else None
                    self._decided = True
        return self._memory

    def _read(self) -> tuple[dict, dict, dict]:
        by_thing, by_place, by_word = defaultdict(list), defaultdict(list), defaultdict(list)
        for kind, head, place, ident in self._store.all(
                "SELECT t.kind, t.head, t.place, f.id FROM thing t JOIN facts f ON f.n = t.fact ORDER BY t.fact"):
            by_thing[(kind, head)].append(ident)
            by_place[(kind, head, place)].append(ident)
        for kind, word, number, ident in self._store.all(
                "SELECT c.kind, c.word, c.fact, f.id FROM context c JOIN facts f ON f.n = c.fact ORDER BY c.fact"):
            by_word[(kind, word)].append((number, ident))
        return dict(by_thing), dict(by_place), dict(by_word)

    def by_thing(self, kind: str, head: str, place: str | None) -> list:
        """Facts of `kind` counting `head`: at every place ("*"), place-free ones (None), or the
        place-free ones and then those at `place`."""
        memory = self._dictionaries()
        if memory is not None:
            by_thing, by_place, _ = memory
            if place == "*":
                ids = by_thing.get((kind, head), [])
            else:
                ids = by_place.get((kind, head, ""), []) + (by_place.get((kind, head, place), []) if place else [])
            return [self._facts[ident] for ident in ids]
        sql = "SELECT f.id, f.json FROM thing t JOIN facts f ON f.n = t.fact WHERE t.kind = ? AND t.head = ?"
        if place == "*":
            return self._facts.by_rows(sql + " ORDER BY t.fact", (kind, head))
        if not place:
            return self._facts.by_rows(sql + " AND t.place = '' ORDER BY t.fact", (kind, head))
        return self._facts.by_rows(sql + " AND t.place IN ('', ?) ORDER BY t.place != '', t.fact",
                                   (kind, head, place))

    def by_context(self, kind: str, sentence: str) -> list:
        """Facts of `kind` whose context words (or event) begin a word of `sentence`, in the
        set's order."""
        prefixes = sorted({word[:end] for word in re.findall(r"[a-z0-9][a-z0-9'-]*", sentence.lower())
                           for end in range(3, len(word) + 1)})
        memory = self._dictionaries()
        if memory is not None:
            found = {pair for prefix in prefixes for pair in memory[2].get((kind, prefix), ())}
            return [self._facts[ident] for _, ident in sorted(found)]
        found: dict[str, object] = {}
        for start in range(0, len(prefixes), 500):  # SQLite's limit on parameters
            chunk = prefixes[start : start + 500]
            rows = self._facts.by_rows(
                "SELECT f.id, f.json FROM context c JOIN facts f ON f.n = c.fact "
                f"WHERE c.kind = ? AND c.word IN ({', '.join('?' * len(chunk))}) ORDER BY c.fact",
                (kind, *chunk))
            for fact in rows:
                found.setdefault(fact.id, fact)
        return list(found.values())
