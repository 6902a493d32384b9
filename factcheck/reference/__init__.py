"""The curated reference set (claims/*.toml): places with aliases, sources, and sourced facts.

A desk edits these files by hand, so every problem is reported at once as `file:line: message`
saying what was expected. Loading compiles the set into a store (SQLite, standard library) kept
in the user's cache, so looking up a claim costs the same whatever the size of the set and an
unchanged set opens instantly.

- models.py   what a file may hold (pydantic), the JSON Schema
- locate.py   the line of every key of a TOML file
- problems.py validation errors in plain words
- load.py     files -> validated, compiled store (or the cached one)
- links.py    what items name must exist; no within loops
- store.py    the SQLite store
- view.py     ReferenceSet: mappings and lookups over a store
- index.py    facts by what they count and by context word (dictionaries for a small set)
- names.py    place names folded for matching
"""

from .links import Links, link_problems
from .load import SCHEMA_VERSION, load_reference, reference_digest
from .models import Fact, FactKind, Place, PlaceKind, ReferenceFile, Source, head_word, json_schema
from .view import ReferenceSet

__all__ = [
    "SCHEMA_VERSION", "Fact", "FactKind", "Links", "Place", "PlaceKind", "ReferenceFile", "ReferenceSet",
    "Source", "head_word", "json_schema", "link_problems", "load_reference", "reference_digest",
]
