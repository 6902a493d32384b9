"""Place names folded for matching: no case, accents, leading articles or trailing type words.

The compiled store keeps every place name and alias folded, so this is part of its format: a
change here must bump the cache version in `load.py`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ARTICLES = {"al", "el", "ad", "as", "ash", "ar", "an", "at", "az", "the"}
TYPE_WORDS = {
    "camp": "camp", "prison": "prison", "jail": "prison", "province": "province",
    "governorate": "province", "district": "district", "city": "city", "town": "town",
    "region": "region", "county": "county", "state": "state", "village": "village",
    "country": "country", "facility": "facility", "centre": "facility", "center": "facility",
}


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """ "Al-Ḩasakah Governorate" -> "hasakah": no case, accents, articles or type words.
    Cached: linking places folds the same few thousand words of a story's capitalised runs again
    and again."""
    return fold_words(folded_words(text))


@lru_cache(maxsize=65536)
def folded_words(text: str) -> tuple[str, ...]:
    """The words `fold` reads in a text, before articles and type words are dropped: the words of
    a run of text are the words of its parts, so a run of words folds from its words' folds."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return tuple(re.findall(r"[a-z0-9]+", text.replace("'", "").replace("\u2019", "")))


def fold_words(words: tuple[str, ...] | list[str]) -> str:
    """`fold` of the text whose `folded_words` these are."""
    first, last = 0, len(words)
    while first < last and words[first] in _ARTICLES:
        first += 1
    while last - first > 1 and words[last - 1] in TYPE_WORDS:
        last -= 1
    return " ".join(words[first:last])
