"""Reading stories: plain text, Markdown with front matter, HTML.

Parts that are not copy (front matter, code blocks, HTML tags, scripts) are blanked with spaces,
never removed, so every offset in the text we read is the offset in the original file.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import SourceError

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
    """Read a story file, decoding UTF-8 or, failing that, Windows-1252 / Latin-1."""
    path = Path(path)
    if not path.exists():
        raise SourceError(f"{path}: no such file")
    if path.is_dir():
        raise SourceError(f"{path}: is a directory; expected a story file (use `factcheck batch` for folders)")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise SourceError(
                f"{path}: {size:,} bytes is larger than the {max_bytes:,} bytes a story may have"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot be read ({exc.strerror})") from None
    text, encoding = decode(data, str(path))
    return story_from_text(text, str(path), published=published, encoding=encoding)


def decode(data: bytes, where: str) -> tuple[str, str]:
    if not data.strip():
        raise SourceError(f"{where}: the file is empty; expected the text of a story")
    if b"\x00" in data[:8192]:
        raise SourceError(f"{where}: looks like a binary file; expected text (.txt, .md or .html)")
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding), encoding.replace("-sig", "")
        except UnicodeDecodeError:
            continue
    raise SourceError(f"{where}: cannot be decoded as text")  # pragma: no cover (latin-1 never fails)


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
        return decoded + " " * (len(m.group()) - len(decoded)) if len(decoded) <= len(m.group()) else m.group()

    return _ENTITY.sub(entity, text)


def line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
    return starts
