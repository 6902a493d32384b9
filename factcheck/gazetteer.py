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

    def lookup(self, text: str) -> Place | None:
        key = fold(text)
        if not key:
            return None
        if key in self.keys:
            return self.reference.places[self.keys[key]]
        for part in (key.split()[0], key.split()[-1]) if " " in key else ():
            if len(part) > 4 and part in self.keys:  # "Gweiran (Panorama) Prison" -> "gweiran"
                return self.reference.places[self.keys[part]]
        if len(key) < 5 or not self._choices:
            return None
        match = process.extractOne(key, self._choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        return self.reference.places[self.keys[match[0]]] if match else None


def kind_group(kind: str) -> str:
    return _KIND_GROUPS.get(kind, kind)
