"""The compiled reference set: one SQLite file (standard library), built once from the TOML and
then opened read-only by every process that checks stories.

Opening is instant whatever the size of the set: nothing is read until a lookup asks, and each
lookup is an indexed query, so its cost does not grow with the set. Batch workers and `serve`
threads share the file through the operating system's page cache instead of each holding a copy.
Facts, places and sources are stored as their validated JSON and rebuilt as pydantic models on
first use (a bounded memo keeps the hot ones).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

FORMAT = "factcheck.reference-store/2"
MMAP_BYTES = 1 << 32  # address space only: the operating system pages in what lookups touch

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE files (n INTEGER PRIMARY KEY, path TEXT NOT NULL);
CREATE TABLE sources (n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, file INT, line INT, json TEXT);
CREATE TABLE places (n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, within TEXT, file INT, line INT, json TEXT);
CREATE TABLE facts (n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT, place TEXT,
                    source TEXT, parts TEXT, context INT, file INT, line INT, json TEXT);
CREATE TABLE thing (kind TEXT, head TEXT, place TEXT, fact INT);
CREATE TABLE context (kind TEXT, word TEXT, fact INT);
CREATE TABLE place_keys (n INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, place TEXT,
                         initial TEXT, length INT, single INT);
CREATE TABLE place_grams (initial TEXT, gram TEXT, pos INT, key INT);
"""
INDEXES = """
CREATE INDEX thing_lookup ON thing (kind, head, place, fact);
CREATE INDEX context_lookup ON context (kind, word, fact);
CREATE INDEX fuzzy_lookup ON place_keys (single, initial, length, n);
CREATE INDEX gram_lookup ON place_grams (initial, gram, pos, key);
CREATE INDEX places_by_file ON places (file);
"""


class Store:
    """A connection to a compiled set: safe to share between threads (queries take a lock) and
    across fork (a child process opens its own connection to the same file)."""

    def __init__(self, path: str | None = None, image: bytes | None = None):
        self.path = path  # None: the set lives in memory (no cache, or a read-only cache folder)
        self._image = image
        self._lock = threading.RLock()
        self._pid = None
        self._conn: sqlite3.Connection | None = None

    @classmethod
    def in_memory(cls, conn: sqlite3.Connection) -> "Store":
        store = cls()
        store._conn, store._pid = conn, os.getpid()
        return store

    def _connect(self) -> sqlite3.Connection:
        if self._conn is None or self._pid != os.getpid():
            if self.path is not None:
                uri = Path(self.path).resolve().as_uri() + "?mode=ro&immutable=1"
                self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
                # pages are mapped, not copied: processes reading one store share them
                self._conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            else:
                conn = sqlite3.connect(":memory:", check_same_thread=False)
                if self._image is None:  # an inherited in-memory set: copy it into this process
                    self._image = self._conn.serialize() if self._conn is not None else None
                if self._image is not None:
                    conn.deserialize(self._image)
                else:
                    conn.executescript(SCHEMA + INDEXES)
                self._image = None
                self._conn = conn
            self._pid = os.getpid()
        return self._conn

    def all(self, sql: str, args: tuple = ()) -> list[tuple]:
        with self._lock:
            return self._connect().execute(sql, args).fetchall()

    def one(self, sql: str, args: tuple = ()) -> tuple | None:
        with self._lock:
            return self._connect().execute(sql, args).fetchone()

    def __getstate__(self):
        if self.path is not None:
            return {"path": self.path}
        with self._lock:
            return {"path": None, "image": self._connect().serialize()}

    def __setstate__(self, state):
        self.__init__(state["path"], state.get("image"))


def check(path: Path) -> Store | None:
    """The store at `path` when it is a complete store of this format; None (a cache miss) when it
    is missing, damaged or of another version."""
    if not path.is_file():
        return None
    store = Store(str(path))
    try:
        row = store.one("SELECT value FROM meta WHERE key = 'format'")
        complete = store.one("SELECT value FROM meta WHERE key = 'complete'")
    except sqlite3.Error:
        return None
    return store if row == (FORMAT,) and complete == ("yes",) else None


class Builder:
    """Writes a store: rows go in as the files are validated; indexes are built at the end."""

    def __init__(self, path: Path | None):
        self.path = path
        self.conn = sqlite3.connect(str(path) if path else ":memory:", check_same_thread=False)
        self.conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + SCHEMA)
        self.conn.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))

    def file(self, number: int, path: str) -> None:
        self.conn.execute("INSERT INTO files VALUES (?, ?)", (number, path))

    def add(self, table: str, row: tuple) -> tuple[int | None, tuple[int, int] | None]:
        """Insert a source, place or fact row: (its row number, None), or (None, the file and
        line of the first definition) when the id is already taken."""
        marks = ", ".join("?" * len(row))
        try:
            cursor = self.conn.execute(f"INSERT INTO {table} VALUES (NULL, {marks})", row)
        except sqlite3.IntegrityError:
            return None, self.conn.execute(f"SELECT file, line FROM {table} WHERE id = ?", (row[0],)).fetchone()
        return cursor.lastrowid, None

    def many(self, sql: str, rows) -> None:
        self.conn.executemany(sql, rows)

    def query(self, sql: str, args: tuple = ()):
        return self.conn.execute(sql, args)

    def finish(self) -> Store:
        self.conn.executescript(INDEXES)
        self.conn.execute("INSERT INTO meta VALUES ('complete', 'yes')")
        self.conn.commit()
        if self.path is None:
            return Store.in_memory(self.conn)
        self.conn.close()
        return Store(str(self.path))

    def abandon(self) -> None:
        self.conn.close()
        if self.path is not None:
            self.path.unlink(missing_ok=True)
