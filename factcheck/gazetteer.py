"""Linking place mentions to the reference set's places: aliases first, then rapidfuzz on folded
names (case, diacritics, "al-" and type words removed). "The camp" takes the last camp named.

The folded names live in the compiled reference store, so an exact lookup is one indexed query.
A fuzzy one compares only the names that could reach the cut-off: one-word names that start with
the same letter, of a length close enough, and holding enough of the mention's letter pairs near
where the mention has them (`pairs`); the cost follows how many names look alike.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from rapidfuzz import fuzz, process

from .reference import Place, ReferenceSet
from .reference.names import TYPE_WORDS, fold

__all__ = ["FUZZY_CUTOFF", "TYPE_WORDS", "Gazetteer", "fold", "fold_words", "kind_group", "most_edits", "pairs"]

_KIND_GROUPS = {"governorate": "province", "facility": "prison"}
FUZZY_CUTOFF = 88


class _Keys(Mapping):
    """folded name -> place id, read from the store; answers (found or not) are remembered, as
    a story and the next ones name the same places again."""

    MEMO = 100_000

    def __init__(self, reference: ReferenceSet):
        self._reference = reference
        self._memo: dict[str, str | None] = {}

    def get(self, key, default=None):
        if not isinstance(key, str):
            return default
        try:
            place = self._memo[key]
        except KeyError:
            if len(self._memo) >= self.MEMO:
                self._memo.clear()
            place = self._memo[key] = self._reference.place_key(key)
        return default if place is None else place

    def __getitem__(self, key: str) -> str:
        place = self.get(key)
        if place is None:
            raise KeyError(key)
        return place

    def __contains__(self, key) -> bool:
        return self.get(key) is not None

    def __iter__(self):
        return (key for key, _ in self._reference.place_keys())

    def __len__(self) -> int:
        return self._reference.count_place_keys()


def length_window(length: int, cutoff: float = FUZZY_CUTOFF) -> tuple[int, int]:
    """The lengths a word can have and still reach `cutoff` against a word of `length`:
    rapidfuzz's ratio is 100 * (1 - indel distance / total length), and the indel distance is at
    least the difference in length."""
    share = cutoff / 100
    return math.floor(length * share / (2 - share)), math.ceil(length * (2 - share) / share)


def most_edits(length: int, longest: int, cutoff: float = FUZZY_CUTOFF) -> int:
    """The most insertions and deletions that keep two words of these lengths at the cut-off."""
    return math.floor((1 - cutoff / 100) * (length + longest) + 1e-9)


def pairs(key: str, edits: int) -> tuple[list[tuple[str, int, int]], int] | None:
    """(letter pair, lowest start, highest start) for each pair of neighbouring letters of `key`,
    and how many of them a word within `edits` insertions and deletions of `key` still holds.

    A deleted letter breaks at most the two pairs it is in, an inserted one the pair it falls in,
    and what survives shifts by at most `edits` places: so such a word holds at least
    len(key) - 1 - 2 * edits of the pairs, each near where `key` has it. None when that is none."""
    needed = len(key) - 1 - 2 * edits
    if needed < 1:
        return None
    return [(key[at : at + 2], max(0, at - edits), at + edits) for at in range(len(key) - 1)], needed


class Gazetteer:
    def __init__(self, reference: ReferenceSet):
        self.reference = reference
        self.keys = _Keys(reference)

    def lookup(self, text: str) -> Place | None:
        """The place a mention names: exactly (after folding), by the first word of a longer name
        ("Gweiran (Panorama) Prison"), or by a close spelling of a one-word name that starts with
        the same letter ("Hasakeh"). A type word that contradicts the place's kind ("Hassakeh
        city" is not the province) links nothing."""
        key = fold(text)
        if not key:
            return None
        place_id = self.keys.get(key)
        if place_id is None and " " in key and len(key.split()[0]) > 4:
            place_id = self.keys.get(key.split()[0])
        elif place_id is None and " " not in key and len(key) >= 5:
            place_id = self.fuzzy(key)
        place = self.reference.places[place_id] if place_id else None
        if place is not None and not _kind_fits(text, place):
            return None
        return place

    def fuzzy(self, key: str, *, every_candidate: bool = False) -> str | None:
        """The place of the closest one-word name to folded `key` at or above the cut-off (the
        first in the set's order on a tie); `every_candidate` skips the letter-pair filter."""
        shortest, longest = length_window(len(key))
        needs = None if every_candidate else pairs(key, most_edits(len(key), longest))
        names = self.reference.fuzzy_keys(key[0], shortest, longest, *(needs or ()))
        match = process.extractOne(key, [name for name, _ in names], scorer=fuzz.ratio,
                                   score_cutoff=FUZZY_CUTOFF) if names else None
        return names[match[2]][1] if match else None


def _kind_fits(text: str, place: Place) -> bool:
    words = re.findall(r"[a-z]+", text.lower())
    stated = next((TYPE_WORDS[w] for w in reversed(words) if w in TYPE_WORDS), None)
    if stated is None or place.kind in ("other",):
        return True
    if place.name and stated in fold_words(place.name) | {TYPE_WORDS.get(a, a) for a in _alias_types(place)}:
        return True
    return kind_group(stated) == kind_group(place.kind)


def fold_words(name: str) -> set[str]:
    return {TYPE_WORDS.get(w, w) for w in re.findall(r"[a-z]+", name.lower())}


def _alias_types(place: Place) -> set[str]:
    return {w for alias in place.aliases for w in re.findall(r"[a-z]+", alias.lower()) if w in TYPE_WORDS}


def kind_group(kind: str) -> str:
    return _KIND_GROUPS.get(kind, kind)
