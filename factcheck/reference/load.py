"""Loading a reference set: every *.toml file of a folder parsed, validated and compiled into a
store, or the store of the same bytes taken from the user's cache.

Every problem in every file is reported in one run, each as `file:line: message`; a set with
any problem is not loaded (a broken set stops the run, it never turns into "unverified").
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import re
import secrets
import sqlite3
import stat
import tomllib
from pathlib import Path

from pydantic import ValidationError

from ..errors import ReferenceSetError
from .links import check_links
from .locate import key_lines, line_of
from .models import Fact, Place, Source, content_heads, head_word
from .names import fold
from .problems import Problems, did_you_mean, messages
from .store import Builder, check
from .view import ReferenceSet

# the key of everything derived from a set: bump it when the models, the store or fold() change
SCHEMA_VERSION = "factcheck.reference/2 (store 4)"
TABLES = {"source": Source, "place": Place, "fact": Fact}
_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*(fact|place|source)[ \t]*\]\][ \t]*(?:#.*)?\r?$", re.M)


def load_reference(folder: str | Path, *, cache: bool = True) -> ReferenceSet:
    """Load and validate every *.toml file in `folder` (recursively).

    The compiled set is kept in the user's cache (keyed by the files' bytes), so loading an
    unchanged set of any size only reads and hashes the files and opens the store."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ReferenceSetError(f"{folder}: no such folder; expected a reference set (a claims/ folder)")
    problems = Problems()
    target = None
    if cache:  # the usual case: hash the files as they are read, keep nothing, open the store
        target = _target(folder, _digest(snapshot(folder, Problems(), keep=False)))
        store = check(target)
        if store is not None:
            return ReferenceSet(store, folder)
    with _building(target):  # one process builds; others starting at once wait, then open it
        files = snapshot(folder, problems)  # what is compiled is what is hashed
        target = _target(folder, _digest(files)) if cache else None
        store = check(target) if target is not None else None
        if store is None:
            store = _build(folder, files, problems, target)
    return ReferenceSet(store, folder)


def _target(folder: Path, digest: str) -> Path:
    return _cache_dir() / f"reference-{_folder_key(folder)}-{digest[:32]}.sqlite"


def _build(folder: Path, files, unreadable: Problems, target: Path | None):
    problems = Problems(list(unreadable.found))  # the files that could not be read, then the rest
    builder, temporary = _builder(target)
    try:
        compile_files(folder, files, builder, problems)
        if problems:
            raise problems.error()
        store = builder.finish()
    except (sqlite3.OperationalError, OSError):
        builder.abandon()
        if temporary is None:
            raise
        return _build(folder, files, unreadable, None)  # a full or failing cache disk: build in memory
    except BaseException:
        builder.abandon()
        raise
    if temporary is not None:
        store = _publish(temporary, target)
        if store is None:  # it could not be moved into place (and is gone): build in memory
            return _build(folder, files, unreadable, None)
    return store


@contextlib.contextmanager
def _building(target: Path | None):
    """An exclusive lock beside the store while it is built (none when there is no cache)."""
    handle = None
    if target is not None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle = open(target.with_name(target.name + ".lock"), "a")
            fcntl.flock(handle, fcntl.LOCK_EX)
        except OSError:
            if handle is not None:
                handle.close()
            handle = None
    try:
        yield
    finally:
        if handle is not None:
            handle.close()  # the lock file stays (removing it would race); _publish prunes old ones


def reference_digest(folder: str | Path) -> str:
    """A hash of every file of a reference set (paths and bytes): the key of anything derived
    from it, such as the compiled store and batch's report cache."""
    return _digest(snapshot(Path(folder), Problems(), keep=False))


# ---------------------------------------------------------------- files and cache


def snapshot(folder: Path, problems: Problems, keep: bool = True) -> list[tuple[Path, bytes | None, bytes]]:
    """(path, bytes, hash of the bytes) of the set's files, read once: what is hashed is what is
    compiled (with `keep` false, only the hash is kept). A file that cannot be read (a dangling
    link, a FIFO, no permission) is a problem, never a hang; its bytes are None."""
    out = []
    for path in sorted(folder.rglob("*.toml")):
        try:
            mode = path.stat().st_mode
            if stat.S_ISDIR(mode):
                continue  # a folder named x.toml: its files are found by the walk
            if not stat.S_ISREG(mode):
                problems.add(len(out), str(path), 1, "not a regular file; a reference set holds TOML files")
                out.append((path, None, b""))
                continue
            data = path.read_bytes()
            out.append((path, data if keep else None, hashlib.sha256(data).digest()))
        except OSError as exc:
            reason = "a link to nothing" if path.is_symlink() and not path.exists() else (exc.strerror or str(exc))
            problems.add(len(out), str(path), 1, f"cannot be read: {reason}")
            out.append((path, None, b""))
    return out


def _digest(files) -> str:
    """One hash of the files' paths and contents."""
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    for path, _, hashed in files:
        digest.update(str(path.resolve()).encode() + b"\0" + hashed + b"\0")
    return digest.hexdigest()


def _folder_key(folder: Path) -> str:
    return hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:12]


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factcheck"


def _builder(target: Path | None) -> tuple[Builder, Path | None]:
    """A builder writing next to `target` under a unique name, or in memory when there is no
    cache or its folder cannot be written."""
    if target is not None:
        temporary = target.with_name(f".{target.stem}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            return Builder(temporary), temporary
        except (OSError, sqlite3.Error):  # a read-only or full cache folder: build in memory
            try:
                temporary.unlink(missing_ok=True)
            except OSError:
                pass
    return Builder(None), None


def _publish(temporary: Path, target: Path):
    """Move a finished store into place (atomically) and remove this folder's older stores."""
    try:
        os.replace(temporary, target)
    except OSError:
        temporary.unlink(missing_ok=True)
        return None
    prefix = target.name.rsplit("-", 1)[0]
    for pattern in (f"{prefix}-*.sqlite", f"{prefix}-*.sqlite.lock"):
        for old in target.parent.glob(pattern):
            if old.name not in (target.name, target.name + ".lock"):
                old.unlink(missing_ok=True)
    for old in target.parent.glob("reference-*.pickle"):  # the cache format before the store
        old.unlink(missing_ok=True)
    return check(target)


# ---------------------------------------------------------------- compiling


def compile_files(folder: Path, files, builder: Builder, problems: Problems) -> None:
    invalid: dict[str, set[str]] = {table: set() for table in TABLES}  # ids of items with problems
    for order, (path, data, _) in enumerate(files):
        builder.file(order, path.relative_to(folder).as_posix())
        if data is not None:
            _File(order, folder, path, data, builder, problems, invalid).compile()
    check_links(folder, builder, problems, invalid)


class _File:
    def __init__(self, order: int, folder: Path, path: Path, data: bytes, builder: Builder, problems: Problems,
                 invalid: dict[str, set[str]]):
        self.order, self.path, self.data, self.builder, self.problems = order, path, data, builder, problems
        self.folder, self.invalid = folder, invalid
        self.text = ""
        self._lines: dict[tuple, int] | None = None
        self._headers: dict[str, list[int]] = {}

    def problem(self, line: int, message: str) -> None:
        self.problems.add(self.order, str(self.path), line, message)

    def lines(self) -> dict[tuple, int]:
        """Every key's line (scanned only when a problem needs one, or tables are unusual)."""
        if self._lines is None:
            self._lines = key_lines(self.text)
        return self._lines

    def item_line(self, table: str, index: int, count: int) -> int:
        headers = self._headers.get(table, [])
        if len(headers) == count:  # the usual layout: one [[fact]] header per fact
            return headers[index]
        return line_of(self.lines(), (table, index))

    def decode(self) -> bool:
        data = self.data
        try:
            if data.startswith((b"\xff\xfe", b"\xfe\xff")):
                self.text = data.decode("utf-16")
            else:
                self.text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            self.problem(line, f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8")
            return False
        return True

    def compile(self) -> None:
        if not self.decode():
            return
        try:
            parsed = tomllib.loads(self.text)
        except tomllib.TOMLDecodeError as exc:
            self.problem(*_toml_problem(self.text, exc))
            return
        self._header_lines()
        for key, value in parsed.items():
            if key not in TABLES:
                self.problem(line_of(self.lines(), (key,)),
                             f"unexpected {'table' if isinstance(value, (dict, list)) else 'key'} {key!r}"
                             f"{did_you_mean(key, TABLES)}; expected [[place]], [[source]] and [[fact]] tables")
        for table in ("source", "place", "fact"):
            items = parsed.get(table, [])
            if not isinstance(items, list):
                self.problem(line_of(self.lines(), (table,)),
                             f"expected [[{table}]] tables (two brackets: each {table} is one table of a list), "
                             f"got {'a single [' + table + '] table' if isinstance(items, dict) else repr(items)}")
                continue
            for index, item in enumerate(items):
                line = self.item_line(table, index, len(items))
                if not isinstance(item, dict):
                    self.problem(line_of(self.lines(), (table, index)), f"{table}: expected a table, got {item!r}")
                    continue
                self._item(table, index, item, line)
                items[index] = None  # free what is stored

    def _header_lines(self) -> None:
        line, last = 1, 0
        for match in _HEADER.finditer(self.text):
            line += self.text.count("\n", last, match.start())
            last = match.start()
            self._headers.setdefault(match.group(1), []).append(line)

    def _item(self, table: str, index: int, item: dict, line: int) -> None:
        ident = item.get("id")
        label = f"{table} {ident}" if isinstance(ident, str) and ident else f"{table} #{index + 1}"
        try:
            obj = TABLES[table].model_validate(item)
        except ValidationError as exc:
            for path, message in messages(exc, item, TABLES[table]):
                self.problem(line_of(self.lines(), (table, index, *path), line), f"{label}: {message}")
            if isinstance(ident, str):
                self.invalid[table].add(ident)  # reported here; links to it are not reported again
            return
        if table == "source" and obj.id is None:
            self.problem(line, "a [[source]] needs an id (facts name it: source = \"...\")")
            return
        added, first = self.builder.add(*_row(table, obj, self.order, line))
        if first is not None:
            where = self.builder.query("SELECT path FROM files WHERE n = ?", (first[0],)).fetchone()[0]
            self.problem(line, f"duplicate {table} id {obj.id!r} (first defined at {self.folder / where}:{first[1]})")
            return
        if table == "place":
            _index_place(self.builder, obj)
        elif table == "fact":
            _index_fact(self.builder, obj, added)


def _toml_problem(text: str, exc: tomllib.TOMLDecodeError) -> tuple[int, str]:
    where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
    reason = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))
    line = int(where.group(1)) if where else text.count("\n") + 1
    if where and reason.startswith("Invalid date or datetime"):
        token = re.match(r"[0-9T:.+\-Z ]+", text.splitlines()[line - 1][int(where.group(2)) - 1:])
        shown = token.group().strip() if token else "it"
        return line, f"{shown} is not a real date or time (check the year, month and day)"
    return line, f"not valid TOML: {reason[:1].lower()}{reason[1:]}"


def _row(table: str, obj, file: int, line: int) -> tuple[str, tuple]:
    json = obj.model_dump_json(exclude_defaults=True)
    if table == "source":
        return "sources", (obj.id, file, line, json)
    if table == "place":
        return "places", (obj.id, obj.within, file, line, json)
    source = obj.source if isinstance(obj.source, str) else None
    return "facts", (obj.id, obj.kind, obj.place, source, "\n".join(obj.parts), int(bool(obj.context)),
                     file, line, json)


def _index_place(builder: Builder, place: Place) -> None:
    """Every folded name of a place (the first place to claim a name keeps it), and the two-letter
    pieces of its one-word names by position, for fuzzy linking."""
    for name in (place.name, place.id.replace("-", " "), *place.aliases):
        key = fold(name)
        if not key:
            continue
        cursor = builder.query("INSERT OR IGNORE INTO place_keys VALUES (NULL, ?, ?, ?, ?, ?)",
                               (key, place.id, key[0], len(key), int(" " not in key)))
        if cursor.rowcount == 1 and " " not in key:
            builder.many("INSERT INTO place_grams VALUES (?, ?, ?, ?)",
                         [(key[0], key[at : at + 2], at, cursor.lastrowid) for at in range(len(key) - 1)])


def _index_fact(builder: Builder, fact: Fact, number: int) -> None:
    words = [fact.counts or fact.event or fact.unit or "", *fact.synonyms]
    heads = {head_word(w) for w in words if w} | {h for w in words for h in content_heads(w)}
    builder.many("INSERT INTO thing VALUES (?, ?, ?, ?)",
                 [(fact.kind, word, place, number) for word in sorted(heads)
                  for place in (fact.places or (fact.place or "",))])
    firsts = {phrase.lower().split()[0] for phrase in {*fact.context, *([fact.event] if fact.event else [])}
              if phrase.strip()}
    builder.many("INSERT INTO context VALUES (?, ?, ?)", [(fact.kind, word, number) for word in firsts])
