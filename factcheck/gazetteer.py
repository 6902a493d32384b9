"""Linking place mentions to the reference set's places: aliases first, then rapidfuzz on folded
names (case, diacritics, "al-" and type words removed). "The camp" takes the last camp named."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .reference import Place, ReferenceSet

_ARTICLES = {"al", "el", "ad", "as", "ash", "ar", "an", "at", "az", "the"}
TYPE_WORDS = {
    "camp": "camp", "prison": "prison", "jail": "prison", "province": "province",
    "governorate": "province", "district": "district", "city": "city", "town": "town",
    "region": "region", "county": "county", "state": "state", "village": "village",
    "country": "country", "facility": "facility", "centre": "facility", "center": "facility",
}
_KIND_GROUPS = {"governorate": "province", "facility": "prison"}
FUZZY_CUTOFF = 88


def fold(text: str) -> str:
    """ "Al-Ḩasakah Governorate" -> "hasakah": no case, accents, articles or type words."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = re.findall(r"[a-z0-9]+", text.replace("'", "").replace("\u2019", ""))
    while words and words[0] in _ARTICLES:
        words = words[1:]
    while len(words) > 1 and words[-1] in TYPE_WORDS:
        words = words[:-1]
    return " ".join(words)


@dataclass
class Gazetteer:
    reference: ReferenceSet

    def __post_init__(self):
        self.keys: dict[str, str] = {}
        for place in self.reference.places.values():
            for name in (place.name, place.id.replace("-", " "), *place.aliases):
                key = fold(name)
                if key:
                    self.keys.setdefault(key, place.id)
        self._choices = list(self.keys)
        self._single = [k for k in self._choices if " " not in k]

    def lookup(self, text: str) -> Place | None:
        """The place a mention names: exactly (after folding), by the first word of a longer name
        ("Gweiran (Panorama) Prison"), or by a close spelling of a one-word name ("Hasakeh").
        A type word that contradicts the place's kind ("Hassakeh city" is not the province)
        links nothing."""
        key = fold(text)
        if not key:
            return None
        place = None
        if key in self.keys:
            place = self.reference.places[self.keys[key]]
        elif " " in key and len(key.split()[0]) > 4 and key.split()[0] in self.keys:
            place = self.reference.places[self.keys[key.split()[0]]]
        elif " " not in key and len(key) >= 5 and self._choices:
            match = process.extractOne(key, self._single, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if match and match[0][0] == key[0]:
                place = self.reference.places[self.keys[match[0]]]
        if place is not None and not _kind_fits(text, place):
            return None
        return place


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
