"""A story as readers see it, every shown character traced back to its offset in the original file.

The report page highlights figures by their offsets in the original text, so the story is not
rendered by a library that forgets where its words came from: it is read into a small tree of
`Element`s (a fixed set of tags, nothing from the story becomes markup) whose `Text` leaves say
which stretch of the original they show. Markdown is read by `markdown.py`; HTML stories are shown
as their text (paragraphs, headings and list items; scripts, styles, the head and comments
dropped, entities decoded); plain text as paragraphs with their line breaks.

Each story also has a headline: Markdown front matter `title`, the HTML `<title>`, or else the
first line of the copy.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

# tags a document may contain; the page renders no other
BLOCK_TAGS = frozenset({"p", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "hr", "pre"})
INLINE_TAGS = frozenset({"em", "strong", "code", "a", "br", "span"})


@dataclass(frozen=True, slots=True)
class Text:
    """Shown text from `original[start:end]`. When `shown` is as long as the stretch, character i
    comes from offset start + i; otherwise it is a decoded escape or entity and all of it comes from
    `start`."""

    shown: str
    start: int
    end: int

    def offset(self, index: int) -> int:
        return self.start + index if len(self.shown) == self.end - self.start else self.start


@dataclass(slots=True)
class Element:
    tag: str
    children: list = field(default_factory=list)
    attrs: dict = field(default_factory=dict)


@dataclass(slots=True)
class Document:
    headline: str | None
    blocks: list[Element]


def read(text: str, format: str) -> Document:
    """The story as readers see it; `format` is the report's source format."""
    if format == "markdown":
        from .markdown import parse

        document = parse(text)
    elif format == "html":
        document = _html(text)
    else:
        document = _plain(text)
    if not document.headline:
        document.headline = first_line(document.blocks)
    return document


def texts(node) -> list[Text]:
    """The Text leaves under a node (or a list of nodes), in order."""
    found: list[Text] = []
    stack = [node] if not isinstance(node, list) else list(reversed(node))
    while stack:
        item = stack.pop()
        if isinstance(item, Text):
            found.append(item)
        else:
            stack.extend(reversed(item.children))
    return found


def first_line(blocks: list[Element], limit: int = 200) -> str | None:
    """The first line of the first block that shows any text."""
    for block in blocks:
        shown = "".join(t.shown for t in texts(block)).strip()
        if shown:
            line = " ".join(shown.split("\n", 1)[0].split())
            return line[:limit]
    return None


def spans(text: str, start: int, end: int) -> list[Text]:
    return [Text(text[start:end], start, end)] if end > start else []


# plain text: paragraphs at blank lines, their line breaks kept

_PARAGRAPH = re.compile(r"\S(?:.*?)(?=\n[ \t\r]*\n|\Z)", re.S)


def _plain(text: str) -> Document:
    blocks = []
    for match in _PARAGRAPH.finditer(text):
        end = match.end()
        while end > match.start() and text[end - 1] in " \t\r\n":
            end -= 1
        blocks.append(Element("p", spans(text, match.start(), end), {"class": "plain"}))
    return Document(None, blocks)


# HTML: the text, in paragraphs, headings and list items

_HTML_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(script|style|head|title|template|noscript|nav|svg|object|iframe)\b.*?(?:</\1\s*>|\Z)"
    r"|<[A-Za-z/!?][^>]*>?"
    r"|&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);",
    re.S | re.I,
)
_TAG_NAME = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9]*)")
_BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol tr td th table section article blockquote header footer "
    "figure figcaption main aside hr dl dt dd pre address body html form fieldset details summary "
    "caption thead tbody tfoot".split()
)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.S | re.I)


def _html(text: str) -> Document:
    blocks: list[Element] = []
    current: list = []
    kind = "p"

    def flush(next_kind: str, opening: bool = False) -> None:
        nonlocal current, kind
        if any(t.shown.strip() for t in texts(current)):
            blocks.append(Element(kind, current))
        elif opening and next_kind == "p":
            next_kind = kind  # <li><p>: the paragraph is the item
        current, kind = [], next_kind

    position = 0
    for match in _HTML_TOKEN.finditer(text):
        current.extend(spans(text, position, match.start()))
        position = match.end()
        token = match.group()
        if token.startswith("&"):
            decoded = html.unescape(token)
            current.append(Text(decoded, match.start(), match.end()) if decoded != token
                           else Text(token, match.start(), match.end()))
            continue
        name = _TAG_NAME.match(token)
        if match.group(1) or not name:
            continue  # comment, doctype, or an element that is not copy
        tag = name.group(1).lower()
        if tag == "br":
            current.append(Element("br"))
        elif tag in _BLOCKS:
            closing = token.startswith("</")
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and not closing:
                flush(f"h{min(int(tag[1]) + 2, 6)}")
            elif tag == "li" and not closing:
                flush("li")
            else:
                flush("p", opening=not closing)
    current.extend(spans(text, position, len(text)))
    flush("p")
    title = _TITLE.search(text)
    headline = " ".join(html.unescape(re.sub(r"<[^>]*>", "", title.group(1))).split()) if title else None
    return Document(headline or None, _group_items(blocks))


def _group_items(blocks: list[Element]) -> list[Element]:
    """Consecutive list items into one list."""
    grouped: list[Element] = []
    for block in blocks:
        if block.tag == "li":
            if not grouped or grouped[-1].tag != "ul":
                grouped.append(Element("ul"))
            grouped[-1].children.append(block)
        else:
            grouped.append(block)
    return grouped
