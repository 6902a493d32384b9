"""Reading stories: plain text, Markdown with front matter, HTML, and Word (.docx, through
factcheck.docx_reader and its optional extra).

Parts that are not copy (front matter, code blocks, HTML tags, scripts) are blanked with spaces,
never removed, so every offset in the text we read is the offset in the original file.
"""

from __future__ import annotations

import bisect
import codecs
import datetime as dt
import errno
import html
import os
import re
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import FactcheckError, SourceError

MAX_BYTES = 2_000_000
_DATE_KEYS = ("date", "publishdate", "pubdate", "published")
_JEKYLL = re.compile(r"^(\d{4}-\d{2}-\d{2})-")
_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n\1[ \t]*(?:\r?\n|\Z)", re.S)
_FENCE = re.compile(r"^(```|~~~)[^\n]*\n.*?(?:^\1[^\n]*$|\Z)", re.S | re.M)
_HTML_SKIP = re.compile(r"<(script|style|nav|pre|code|head)\b.*?</\1\s*>", re.S | re.I)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"<[^>]+>")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
_BLOCK_TAGS = re.compile(r"</?(?:p|div|h[1-6]|li|ul|ol|br|tr|td|th|section|article|blockquote)\b", re.I)


@dataclass(frozen=True)
class Story:
    """A story as read: the original text, the same-length text to analyse, and its metadata."""

    text: str
    plain: str
    path: str | None
    format: str
    published: dt.date | None
    encoding: str = "utf-8"


def parse_date(value: str, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise SourceError(f"{where}: expected a date as YYYY-MM-DD, got {value!r}") from None


def read_story(path: str | Path, published: dt.date | None = None, max_bytes: int = MAX_BYTES) -> Story:
    """Read a story file, decoding UTF-8 (or UTF-16/32 with a byte order mark) or, failing that,
    Windows-1252 / Latin-1."""
    path = Path(path)
    if path.is_dir():
        raise SourceError(f"{path}: is a directory; expected a story file (use `factcheck batch` for folders)")
    return story_from_bytes(read_bytes(path, max_bytes), str(path), published=published)


def story_from_bytes(data: bytes, path: str, *, published: dt.date | None = None) -> Story:
    """A story from a file's bytes: a Word document (.docx, one paragraph a line, so positions
    are paragraph:character) or text in any of the encodings `decode` knows."""
    from .docx_reader import docx_text, is_docx

    if is_docx(path):
        return story_from_text(docx_text(data, path), path, published=published, format="text")
    text, encoding = decode(data, path)
    return story_from_text(text, path, published=published, encoding=encoding)


def read_bytes(path: str | Path, max_bytes: int = MAX_BYTES, *, what: str = "a story file",
               error: type[FactcheckError] = SourceError) -> bytes:
    """The bytes of a regular file, reading at most `max_bytes` + 1 of them (a file that grows, or
    a /proc file that claims to be empty, is still bounded). Devices, FIFOs, sockets, folders, link
    loops and dangling links are refused before anything is read, with a message naming the path,
    what it is and `what` was expected; the error is raised as `error`."""
    path = Path(path)
    try:
        kind = _not_regular(os.stat(path).st_mode)  # stat first: opening a device can have effects
        if kind:
            raise error(f"{path}: {kind}; expected {what}")
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise error(f"{path}: {_why(path, exc)}; expected {what}") from None
    try:
        info = os.fstat(fd)
        kind = _not_regular(info.st_mode)  # it may have been replaced since the stat
        if kind:
            raise error(f"{path}: {kind}; expected {what}")
        if info.st_size > max_bytes:
            raise error(f"{path}: {info.st_size:,} bytes is larger than the {max_bytes:,} bytes {what} may have")
        data = _read_at_most(fd, max_bytes + 1)
    except OSError as exc:
        raise error(f"{path}: cannot be read ({_strerror(exc)}); expected {what}") from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise error(f"{path}: more than {max_bytes:,} bytes; {what} may have at most {max_bytes:,}")
    return data


def read_stdin(stream, max_bytes: int = MAX_BYTES) -> tuple[str, str]:
    """A story piped in (`stream` is sys.stdin; None when the process was started with it closed),
    at most `max_bytes`, decoded as `decode` does: (text, encoding)."""
    return decode(read_stdin_bytes(stream, max_bytes), "<stdin>")


def read_stdin_bytes(stream, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes piped in, at most `max_bytes` (a Word document piped with --stdin-filename)."""
    where = "<stdin>"
    if stream is None:
        raise SourceError(f"{where}: standard input is closed; expected a story piped in "
                          f"(factcheck check - < story.txt)")
    try:
        data = getattr(stream, "buffer", stream).read(max_bytes + 1)
    except (OSError, ValueError) as exc:
        reason = _strerror(exc) if isinstance(exc, OSError) else str(exc)
        raise SourceError(f"{where}: cannot be read ({reason}); expected a story piped in") from None
    if len(data) > max_bytes:
        raise SourceError(f"{where}: more than {max_bytes:,} bytes; a story may have at most {max_bytes:,}")
    return data


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO swapped in after the stat must not block the open
_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
)


def _not_regular(mode: int) -> str | None:
    """None for a regular file, else what the path is, in words."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a directory"
    kind = next((name for test, name in _KINDS if test(mode)), "something else")
    return f"is {kind}, not a regular file"


def _why(path: Path, exc: OSError) -> str:
    """What is wrong with a path that cannot be opened, in words."""
    if exc.errno == errno.ELOOP:
        return "is a symbolic link loop"
    if exc.errno == errno.ENOENT and path.is_symlink():
        return f"is a dangling symbolic link (to {os.readlink(path)}, which does not exist)"
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return "no such file"
    return f"cannot be read ({_strerror(exc)})"


def _strerror(exc: OSError) -> str:
    return exc.strerror.lower() if exc.strerror else str(exc)


def _read_at_most(fd: int, limit: int) -> bytes:
    chunks, size = [], 0
    while size < limit:
        chunk = os.read(fd, min(limit - size, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, where: str) -> tuple[str, str]:
    """(text, encoding): UTF-16/32 when a byte order mark says so, else UTF-8, Windows-1252 or
    Latin-1. Empty and binary data are refused."""
    text, encoding = decode_bom(data, where, SourceError)
    if text is None:
        if b"\x00" in data[:8192]:
            raise SourceError(f"{where}: looks like a binary file; expected text (.txt, .md or .html) or a Word .docx")
        for encoding in ("utf-8-sig", "cp1252", "latin-1"):
            try:
                text, encoding = data.decode(encoding), encoding.replace("-sig", "")
                break
            except UnicodeDecodeError:
                continue
    elif "\x00" in text[:8192]:
        raise SourceError(f"{where}: looks like a binary file; expected text (.txt, .md or .html) or a Word .docx")
    if not text.strip():
        raise SourceError(f"{where}: the file is empty; expected the text of a story")
    return text, encoding


def decode_bom(data: bytes, where: str, error: type[FactcheckError]) -> tuple[str | None, str]:
    """Text marked as UTF-16 or UTF-32 by a byte order mark, or (None, "") when there is no mark."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise error(f"{where}: starts with a {encoding.upper()} byte order mark but is not valid "
                            f"{encoding.upper()} (at byte {exc.start:,}); expected text") from None
    return None, ""


def decode_utf8(data: bytes, where: str, what: str, error: type[FactcheckError]) -> str:
    """Strict UTF-8 (or UTF-16/32 with a byte order mark) for files that must be UTF-8, such as
    TOML: a binary file or a stray byte is refused, naming the byte's line and column."""
    text, _ = decode_bom(data, where, error)
    if text is not None:
        return text
    if b"\x00" in data[:8192]:
        raise error(f"{where}: looks like a binary file; expected {what}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[start : exc.start].decode("utf-8", errors="replace")) + 1
        raise error(f"{where}:{line}:{column}: byte 0x{data[exc.start]:02x} is not UTF-8; expected {what} "
                    f"in UTF-8 (save it as UTF-8)") from None


def story_from_text(
    text: str, path: str | None = None, *, published: dt.date | None = None,
    format: str | None = None, encoding: str = "utf-8",
) -> Story:
    if not text.strip():
        raise SourceError(f"{path or '<stdin>'}: the story is empty")
    fmt = format or _format_of(path, text)
    where = path or "<stdin>"
    if fmt == "markdown":
        plain, front_date = _markdown(text, where)
    elif fmt == "html":
        plain, front_date = _html(text), _html_date(text, where)
    else:
        plain, front_date = text, None
    if published is None:
        published = front_date or _jekyll_date(path)
    return Story(text, plain, path, fmt, published, encoding)


def _format_of(path: str | None, text: str) -> str:
    suffix = Path(path).suffix.lower() if path else ""
    if suffix in (".md", ".markdown", ".mdx"):
        return "markdown"
    if suffix in (".html", ".htm"):
        return "html"
    if not path and _FRONT_MATTER.match(text):
        return "markdown"
    return "text"


def _blank(text: str) -> str:
    """Spaces for everything but line breaks, so lines and columns stay put."""
    return re.sub(r"[^\n]", " ", text)


def _markdown(text: str, where: str) -> tuple[str, dt.date | None]:
    published = None
    match = _FRONT_MATTER.match(text)
    if match:
        published = _front_matter_date(match.group(2), where)
        text = _blank(match.group()) + text[match.end() :]
    text = _FENCE.sub(lambda m: _blank(m.group()), text)
    text = _HTML_COMMENT.sub(lambda m: _blank(m.group()), text)
    return text, published


def _front_matter_date(block: str, where: str) -> dt.date | None:
    values = {}
    for number, line in enumerate(block.splitlines(), start=2):
        key, sep, value = line.partition("=" if "=" in line and ":" not in line else ":")
        key = key.strip().lower()
        if sep and key in _DATE_KEYS and key not in values:
            values[key] = (value.strip().strip("'\""), number)
    for key in _DATE_KEYS:
        if key in values:
            value, number = values[key]
            return parse_date(value, f"{where}:{number}: front matter {key}")
    return None


_META_DATE = re.compile(
    r"<meta\b(?=[^>]*\b(?:property|name|itemprop)\s*=\s*[\"'](?:article:published_time|datePublished|"
    r"pubdate|publishdate|date|dc\.date\.issued|sailthru\.date|parsely-pub-date)[\"'])"
    r"[^>]*\bcontent\s*=\s*[\"']([^\"']+)[\"']",
    re.I,
)


def _html_date(text: str, where: str) -> dt.date | None:
    """The publication date from an HTML page's meta tags (article:published_time and kin)."""
    match = _META_DATE.search(text)
    if not match:
        return None
    line = text.count("\n", 0, match.start()) + 1
    return parse_date(match.group(1), f"{where}:{line}: meta publication date")


def _jekyll_date(path: str | None) -> dt.date | None:
    if not path:
        return None
    match = _JEKYLL.match(Path(path).name)
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def _html(text: str) -> str:
    text = _HTML_SKIP.sub(lambda m: _blank(m.group()), text)
    text = _HTML_COMMENT.sub(lambda m: _blank(m.group()), text)

    def tag(m: re.Match) -> str:
        # a block tag ends a line of copy; keep its length with a newline then spaces
        blank = _blank(m.group())
        if _BLOCK_TAGS.match(m.group()) and "\n" not in blank:
            return "\n" + blank[1:]
        return blank

    text = _TAG.sub(tag, text)

    def entity(m: re.Match) -> str:
        decoded = html.unescape(m.group())
        # the padding goes before the character, so "&pound;3.2m" reads "£3.2m" with the same length
        return " " * (len(m.group()) - len(decoded)) + decoded if len(decoded) <= len(m.group()) else m.group()

    return _ENTITY.sub(entity, text)


@lru_cache(maxsize=16)
def line_starts(text: str) -> tuple[int, ...]:
    """Where each line starts: read once per text (the rules and positions ask again and again)."""
    starts, at = [0], text.find("\n")
    while at != -1:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return tuple(starts)


class Positions:
    """Offsets to 1-based line and column in the original text."""

    def __init__(self, text: str):
        self._starts = line_starts(text)

    def __call__(self, offset: int) -> dict:
        line = bisect.bisect_right(self._starts, offset)
        return {"line": line, "column": offset - self._starts[line - 1] + 1}


_ENTITY_END = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);\Z")


def entity_start(text: str, offset: int) -> int:
    """Where a figure starting at `offset` starts in the original: an HTML entity read as the
    figure's first character ("&pound;3.2m": the pound sign sits on the entity's ';') begins at
    its '&'."""
    match = _ENTITY_END.search(text, max(0, offset - 12), offset + 1)
    return match.start() if match else offset
