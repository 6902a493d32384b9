"""Links between the items of a set: what a fact names (a place, a source, its parts) must
exist, and places must not be `within` themselves through a loop. Shared by the loader and by
`refs import`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .models import Fact
from .problems import Problems, did_you_mean
from .store import Builder



@dataclass(frozen=True)
class Links:
    """What a fact names elsewhere in the set."""

    id: str
    kind: str
    place: str | None
    source: str | None  # a [[source]] id; None for an inline source
    parts: tuple[str, ...]
    has_context: bool
    places: tuple[str, ...] = ()

    @classmethod
    def of(cls, fact: Fact) -> "Links":
        return cls(fact.id, fact.kind, fact.place, fact.source if isinstance(fact.source, str) else None,
                   fact.parts, bool(fact.context), fact.places)


def link_problems(fact: Links, places, sources, facts, what: str = "anything") -> list[str]:
    """What a fact names that the set lacks (`places`, `sources`, `facts`: containers of ids;
    `places` None when there is no set to check places against)."""
    out = []
    if fact.place and places is not None and fact.place not in places:
        out.append(f"fact {fact.id}: unknown place {fact.place!r}{did_you_mean(fact.place, places)}")
    for place in fact.places:
        if places is not None and place not in places:
            out.append(f"fact {fact.id}: unknown place {place!r} in places{did_you_mean(place, places)}")
    if not fact.place and not fact.places and not fact.has_context and fact.kind != "date":
        out.append(f"fact {fact.id}: needs a place or context words; otherwise it would apply to every "
                   f"story that counts {what}")
    if fact.source is not None and fact.source not in sources:
        out.append(f"fact {fact.id}: unknown source {fact.source!r}{did_you_mean(fact.source, sources)}")
    for part in fact.parts:
        if part not in facts:
            out.append(f"fact {fact.id}: part {part!r} is not a known fact{did_you_mean(part, facts)}")
    return out


class _Known:
    """Ids the set has (as stored) or meant to have (items already reported as invalid)."""

    def __init__(self, builder: Builder, table: str, invalid: set[str]):
        self.builder, self.table, self.invalid = builder, table, invalid

    def __contains__(self, ident) -> bool:
        return ident in self.invalid or self.builder.query(
            f"SELECT 1 FROM {self.table} WHERE id = ?", (ident,)).fetchone() is not None

    def __iter__(self):
        return (ident for (ident,) in self.builder.query(f"SELECT id FROM {self.table}"))

    def __len__(self) -> int:
        return self.builder.query(f"SELECT count(*) FROM {self.table}").fetchone()[0]


def check_links(folder: Path, builder: Builder, problems: Problems, invalid: dict[str, set[str]]) -> None:
    paths = dict(builder.query("SELECT n, path FROM files"))
    places = {ident: (within, file, line) for ident, within, file, line
              in builder.query("SELECT id, within, file, line FROM places ORDER BY n")}
    known_places = places.keys() | invalid["place"]
    sources = {ident for (ident,) in builder.query("SELECT id FROM sources")} | invalid["source"]

    def add(file: int, line: int, message: str) -> None:
        problems.add(file, str(folder / paths[file]), line, message)

    for ident, (within, file, line) in places.items():
        if within and within not in known_places:
            add(file, line, f"place {ident}: within {within!r} is not a known place{did_you_mean(within, places)}")
    for cycle in _cycles({ident: within for ident, (within, _, _) in places.items()}):
        _, file, line = places[cycle[0]]
        add(file, line, f"place {cycle[0]}: within makes a loop ({' -> '.join([*cycle, cycle[0]])}); "
                        f"a place cannot be inside itself")

    facts = _Known(builder, "facts", invalid["fact"])  # parts are rare: ask the store about each
    rows = builder.query("SELECT id, kind, place, source, parts, context, file, line, json FROM facts ORDER BY n")
    for ident, kind, place, source, parts, context, file, line, json in rows:
        links = Links(ident, kind, place, source, tuple(parts.split("\n")) if parts else (), bool(context))
        if '"places"' in json:
            links = Links.of(Fact.model_validate_json(json))
        if (place and place not in known_places) or (not place and not context and kind != "date" and not links.places) \
                or (source and source not in sources) or links.parts or links.places:
            what = Fact.model_validate_json(json)
            for message in link_problems(links, known_places, sources, facts, what.counts or what.unit or "anything"):
                add(file, line, message)


def _cycles(within: dict[str, str | None]) -> list[list[str]]:
    """Each loop of `within` links once, from its first place in the set's order."""
    state: dict[str, int] = {}  # 1: on the current walk, 2: done
    order = {place: number for number, place in enumerate(within)}
    loops = []
    for start in within:
        walk = []
        place = start
        while place in within and place not in state:
            state[place] = 1
            walk.append(place)
            place = within[place]
        if place in state and state[place] == 1:
            loop = walk[walk.index(place):]
            first = min(loop, key=order.__getitem__)
            at = loop.index(first)
            loops.append(loop[at:] + loop[:at])
        for visited in walk:
            state[visited] = 2
    return loops
