"""Markdown stories as readers see them, for the report page: paragraphs, headings, lists, block
quotes, rules, code, emphasis and links, with every shown character traced to its offset in the
original file (see `document.py`).

A small reader of the CommonMark that stories use, not a full implementation. Why not
markdown-it-py (already installed, through rich)? Its inline tokens carry no offsets, and the page
must highlight figures at their exact offsets in the original. Nothing from the story becomes
markup: raw HTML tags and comments are not shown, images show their alt text, and only absolute
http(s) and mailto links are links (a relative link would point nowhere from the report's folder).
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from dataclasses import dataclass

from .document import Document, Element, Text

FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n\1[ \t]*(?:\r?\n|\Z)", re.S)
_TITLE_KEY = re.compile(r"^title[ \t]*[:=][ \t]*(.*?)[ \t]*$", re.M | re.I)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_RAW_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")

_ATX = re.compile(r" {0,3}(#{1,6})(?=[ \t]|$)[ \t]*(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_QUOTE = re.compile(r" {0,3}> ?")
_ITEM = re.compile(r"( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)")
_DEFINITION = re.compile(r" {0,3}\[([^\]]+)\]:[ \t]*<?([^\s>]+)>?(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?[ \t]*$")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^\s<>]*)>", re.I)
_SAFE_URL = re.compile(r"(?:https?://|mailto:)", re.I)
_SPECIAL = re.compile(r"[\\\n`&<\[!*_]")
_LOOKAHEAD = 4000  # the longest link text or code span looked for
_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"


@dataclass(frozen=True, slots=True)
class _Line:
    start: int  # where this line's content starts (after any container markers)
    end: int  # before the line break


def parse(text: str) -> Document:
    headline, body = None, 0
    front = FRONT_MATTER.match(text)
    if front:
        body = front.end()
        title = _TITLE_KEY.search(front.group(2))
        if title:
            headline = _unquote(title.group(1)) or None
    # what readers never see, blanked (same length, so offsets hold): comments and raw tags
    view = _blank(_RAW_TAG, _blank(_COMMENT, text))
    lines, position = [], body
    while True:
        newline = view.find("\n", position)
        end = len(view) if newline < 0 else newline
        lines.append(_Line(position, end - 1 if end > position and view[end - 1] == "\r" else end))
        if newline < 0:
            break
        position = newline + 1
    definitions = {}
    for line in lines:
        found = _DEFINITION.fullmatch(view, line.start, line.end)
        if found:
            definitions.setdefault(_label(found.group(1)), found.group(2))
    return Document(headline, _Reader(view, definitions).blocks(lines))


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return " ".join(value.split())


def _blank(pattern: re.Pattern, text: str) -> str:
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def _label(label: str) -> str:
    return " ".join(label.split()).casefold()


class _Reader:
    def __init__(self, view: str, definitions: dict[str, str]):
        self.view = view
        self.definitions = definitions

    def text(self, line: _Line) -> str:
        return self.view[line.start:line.end]

    # blocks

    def blocks(self, lines: list[_Line]) -> list[Element]:
        out: list[Element] = []
        paragraph: list[_Line] = []

        def flush() -> None:
            if paragraph:
                out.append(Element("p", self.inline(paragraph)))
                paragraph.clear()

        i = 0
        while i < len(lines):
            line, text = lines[i], self.text(lines[i])
            if not text.strip():
                flush()
                i += 1
                continue
            fence = _FENCE.match(text)
            if fence and not (fence.group(1)[0] == "`" and "`" in text[fence.end():]):
                flush()
                i = self._code(lines, i, fence.group(1), out)
                continue
            atx = _ATX.match(text)
            if atx:
                flush()
                level = len(atx.group(1))
                start = line.start + atx.start(2)
                out.append(Element(f"h{min(level + 2, 6)}", self.inline([_Line(start, line.start + atx.end(2))])))
                i += 1
                continue
            setext = _SETEXT.match(text)
            if paragraph and setext:
                level = 1 if setext.group(1)[0] == "=" else 2
                out.append(Element(f"h{level + 2}", self.inline(paragraph)))
                paragraph.clear()
                i += 1
                continue
            if _RULE.match(text):
                flush()
                out.append(Element("hr"))
                i += 1
                continue
            if _QUOTE.match(text):
                flush()
                i = self._quote(lines, i, out)
                continue
            item = _ITEM.match(text)
            if item and (not paragraph or _interrupts(item, text)):
                flush()
                i = self._list(lines, i, out)
                continue
            if not paragraph and _DEFINITION.fullmatch(text):
                i += 1
                continue
            paragraph.append(line)
            i += 1
        flush()
        return out

    def _code(self, lines, i, fence: str, out: list[Element]) -> int:
        body, i = [], i + 1
        while i < len(lines):
            text = self.text(lines[i])
            closing = _FENCE.match(text)
            if closing and closing.group(1)[0] == fence[0] and len(closing.group(1)) >= len(fence) \
                    and not text[closing.end():].strip():
                i += 1
                break
            body.append(lines[i])
            i += 1
        children = []
        for number, line in enumerate(body):
            if number:
                children.append(Text("\n", body[number - 1].end, body[number - 1].end + 1))
            if line.end > line.start:
                children.append(Text(self.view[line.start:line.end], line.start, line.end))
        out.append(Element("pre", [Element("code", children)]))
        return i

    def _quote(self, lines, i, out: list[Element]) -> int:
        inner = []
        while i < len(lines):
            text = self.text(lines[i])
            marker = _QUOTE.match(text)
            if marker:
                inner.append(_Line(lines[i].start + marker.end(), lines[i].end))
            elif text.strip() and inner and self.text(inner[-1]).strip() and not self._starts_block(text):
                inner.append(lines[i])  # a lazy continuation of the quoted paragraph
            else:
                break
            i += 1
        out.append(Element("blockquote", self.blocks(inner)))
        return i

    def _starts_block(self, text: str) -> bool:
        return bool(_ATX.match(text) or _RULE.match(text) or _FENCE.match(text) or _QUOTE.match(text)
                    or _ITEM.match(text))

    def _list(self, lines, i, out: list[Element]) -> int:
        first = _ITEM.match(self.text(lines[i]))
        ordered = first.group(2)[-1] in ".)"
        kind = first.group(2)[-1]
        element = Element("ol" if ordered else "ul")
        if ordered and int(first.group(2)[:-1]) != 1:
            element.attrs["start"] = str(int(first.group(2)[:-1]))
        while i < len(lines):
            item = _ITEM.match(self.text(lines[i]))
            if not item or item.group(2)[-1] != kind or (item.group(2)[-1] in ".)") != ordered:
                break
            spaces = item.group(3)
            indent = item.end(2) + (1 if len(spaces) > 4 or not spaces else len(spaces))
            body = [_Line(min(lines[i].start + indent, lines[i].end), lines[i].end)]
            i += 1
            while i < len(lines):
                text = self.text(lines[i])
                leading = len(text) - len(text.lstrip(" \t"))
                if not text.strip():
                    following = i + 1
                    while following < len(lines) and not self.text(lines[following]).strip():
                        following += 1
                    if following < len(lines) and _indent(self.text(lines[following])) >= indent:
                        body.extend(lines[i:following])
                        i = following
                        continue
                    break
                if _indent(text) >= indent:
                    body.append(_Line(lines[i].start + min(indent, leading), lines[i].end))
                elif self._starts_block(text):
                    break
                elif body and self.text(body[-1]).strip():
                    body.append(_Line(lines[i].start + leading, lines[i].end))  # lazy continuation
                else:
                    break
                i += 1
            element.children.append(Element("li", self.blocks(body)))
            following = i
            while following < len(lines) and not self.text(lines[following]).strip():
                following += 1
            nxt = _ITEM.match(self.text(lines[following])) if following < len(lines) else None
            if nxt and nxt.group(2)[-1] == kind:
                i = following
            else:
                break
        out.append(element)
        return i

    # inline

    def inline(self, lines: list[_Line]) -> list:
        """A paragraph's lines (leading spaces dropped, trailing spaces a hard break if two or
        more) read as one run of inline content."""
        parts: list[str] = []
        offsets: list[int] = []
        breaks: set[int] = set()
        cuts: list[int] = []
        for number, line in enumerate(lines):
            text = self.text(line)
            stripped = text.lstrip(" \t")
            start = line.start + len(text) - len(stripped)
            body = stripped.rstrip(" \t")
            if number:
                if offsets and offsets[-1] + 1 != lines[number - 1].end:
                    cuts.append(len(offsets))
                offsets.append(lines[number - 1].end)
                parts.append("\n")
                if self.text(lines[number - 1]).endswith("  "):
                    breaks.add(len(offsets) - 1)
            if body and offsets and offsets[-1] + 1 != start:
                cuts.append(len(offsets))
            parts.append(body)
            offsets.extend(range(start, start + len(body)))
        joined = "".join(parts)
        return _Inline(joined, offsets, breaks, self.definitions, cuts).nodes(0, len(joined))


def _interrupts(item: re.Match, text: str) -> bool:
    """A list item ends a paragraph only if it has content, and an ordered one only from 1."""
    marker = item.group(2)
    return bool(text[item.end():].strip()) and (marker[-1] not in ".)" or marker[:-1] == "1")


def _indent(text: str) -> int:
    width = 0
    for ch in text:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += 4 - width % 4
        else:
            break
    return width


@dataclass(slots=True)
class _Delimiter:
    char: str
    start: int  # position in the joined paragraph of the characters still unused
    count: int
    original: int
    can_open: bool
    can_close: bool


class _Inline:
    """One paragraph's inline content: code spans, escapes, entities, autolinks, links, images,
    then emphasis by CommonMark's delimiter rules (without the rarer corners)."""

    def __init__(self, s: str, offsets: list[int], breaks: set[int], definitions: dict[str, str],
                 cuts: list[int]):
        self.s, self.offsets, self.breaks, self.definitions = s, offsets, breaks, definitions
        self.cuts = cuts  # the positions where the original stops being contiguous, in order

    def text(self, lo: int, hi: int) -> list[Text]:
        """Shown text for s[lo:hi], cut where the original is not contiguous."""
        out, run = [], lo
        for k in [*self.cuts[bisect.bisect_right(self.cuts, lo):bisect.bisect_left(self.cuts, hi)], hi]:
            out.append(Text(self.s[run:k], self.offsets[run], self.offsets[k - 1] + 1))
            run = k
        return out

    def nodes(self, lo: int, hi: int, in_link: bool = False) -> list:
        s = self.s
        items: list = []
        plain = lo
        i = lo

        def take_plain(until: int) -> None:
            if until > plain:
                items.extend(self.text(plain, until))

        while i < hi:
            found = _SPECIAL.search(s, i, hi)
            if found is None:
                break
            i = found.start()
            ch = s[i]
            special = None
            if ch == "\\" and i + 1 < hi and s[i + 1] in _PUNCT:
                special = (Text(s[i + 1], self.offsets[i], self.offsets[i + 1] + 1), i + 2)
            elif ch == "\\" and i + 1 < hi and s[i + 1] == "\n":
                special = (Element("br"), i + 2)
            elif ch == "\n":
                special = (Element("br") if i in self.breaks else Text("\n", self.offsets[i], self.offsets[i] + 1), i + 1)
            elif ch == "`":
                special = self._code(i, hi)
            elif ch == "&":
                entity = _ENTITY.match(s, i, hi)
                if entity and html.unescape(entity.group()) != entity.group():
                    special = (Text(html.unescape(entity.group()), self.offsets[i],
                                    self.offsets[entity.end() - 1] + 1), entity.end())
            elif ch == "<":
                auto = _AUTOLINK.match(s, i, hi)
                if auto:
                    special = (self._link(auto.group(1), self.text(auto.start(1), auto.end(1)), in_link), auto.end())
            elif ch == "[" or (ch == "!" and i + 1 < hi and s[i + 1] == "["):
                special = self._bracket(i, hi, in_link)
            elif ch in "*_":
                j = i
                while j < hi and s[j] == ch:
                    j += 1
                take_plain(i)
                items.append(self._delimiter(i, j, lo, hi))
                plain = i = j
                continue
            if special is None:
                i += 1
                continue
            take_plain(i)
            node, i = special
            items.append(node)
            plain = i
        take_plain(hi)
        return self._emphasis(items)

    def _code(self, i: int, hi: int):
        s = self.s
        j = i
        while j < hi and s[j] == "`":
            j += 1
        ticks = j - i
        k, hi = j, min(hi, j + _LOOKAHEAD)
        while k < hi:
            if s[k] == "`":
                m = k
                while m < hi and s[m] == "`":
                    m += 1
                if m - k == ticks:
                    lo, up = j, k
                    if up - lo >= 2 and s[lo] == " " and s[up - 1] == " " and s[lo:up].strip():
                        lo, up = lo + 1, up - 1
                    return Element("code", self.text(lo, up) if up > lo else []), m
                k = m
            else:
                k += 1
        return Text(s[i:j], self.offsets[i], self.offsets[j - 1] + 1), j  # no closing run: literal

    def _bracket(self, i: int, hi: int, in_link: bool):
        s = self.s
        image = s[i] == "!"
        open_at = i + 1 if image else i
        close = self._closing_bracket(open_at, hi)
        if close is None:
            return None
        after = close + 1
        href = None
        if after < hi and s[after] == "(":
            parsed = self._destination(after, hi)
            if parsed is not None:
                href, after = parsed
        if href is None:
            label_end = None
            if after + 1 < hi and s[after] == "[":
                label_end = s.find("]", after + 1, hi)
            if label_end is not None and label_end > after:
                label = s[after + 1:label_end] or s[open_at + 1:close]
                href = self.definitions.get(_label(label))
                after = label_end + 1 if href is not None else after
            else:
                href = self.definitions.get(_label(s[open_at + 1:close]))
        if href is None:
            return None
        inner = self.nodes(open_at + 1, close, in_link=True)
        if image:
            return Element("span", inner, {"class": "image"}), after
        return self._link(href, inner, in_link), after

    def _closing_bracket(self, open_at: int, hi: int) -> int | None:
        s, depth, k = self.s, 0, open_at
        hi = min(hi, open_at + _LOOKAHEAD)  # bounded, so a paragraph of stray brackets stays linear
        while k < hi:
            ch = s[k]
            if ch == "\\":
                k += 2
                continue
            if ch == "[":
                depth += 1
            elif ch == "]":
                depth -= 1
                if depth == 0:
                    return k
            k += 1
        return None

    def _destination(self, paren: int, hi: int):
        s = self.s
        k = paren + 1
        while k < hi and s[k] in " \t\n":
            k += 1
        if k < hi and s[k] == "<":
            end = s.find(">", k + 1, hi)
            if end < 0:
                return None
            href, k = s[k + 1:end], end + 1
        else:
            start, depth = k, 0
            while k < hi and not s[k].isspace():
                if s[k] == "(":
                    depth += 1
                elif s[k] == ")":
                    if depth == 0:
                        break
                    depth -= 1
                k += 1
            href = s[start:k]
        while k < hi and s[k] in " \t\n":
            k += 1
        if k < hi and s[k] in "\"'(":
            closer = ")" if s[k] == "(" else s[k]
            end = s.find(closer, k + 1, hi)
            if end < 0:
                return None
            k = end + 1
            while k < hi and s[k] in " \t\n":
                k += 1
        if k < hi and s[k] == ")":
            return href, k + 1
        return None

    def _link(self, href: str, children: list, in_link: bool) -> Element:
        href = html.unescape(href)
        if in_link or not _SAFE_URL.match(href):
            return Element("span", children, {"class": "link", "title": href})
        return Element("a", children, {"href": href, "rel": "noopener noreferrer nofollow"})

    def _delimiter(self, i: int, j: int, lo: int, hi: int) -> _Delimiter:
        s = self.s
        before = s[i - 1] if i > lo else " "
        after = s[j] if j < hi else " "
        left = not after.isspace() and (not _punct(after) or before.isspace() or _punct(before))
        right = not before.isspace() and (not _punct(before) or after.isspace() or _punct(after))
        if s[i] == "*":
            can_open, can_close = left, right
        else:
            can_open = left and (not right or _punct(before))
            can_close = right and (not left or _punct(after))
        return _Delimiter(s[i], i, j - i, j - i, can_open, can_close)

    def _emphasis(self, items: list) -> list:
        """CommonMark's `process emphasis`, on a flat list of nodes and delimiters."""
        closer_index = 0
        bottom: dict[tuple, int] = {}  # no opener below here for closers of this kind (keeps it linear)
        while closer_index < len(items):
            closer = items[closer_index]
            if not isinstance(closer, _Delimiter) or not closer.can_close:
                closer_index += 1
                continue
            key = (closer.char, closer.can_open, closer.original % 3)
            opener_index = None
            for k in range(closer_index - 1, bottom.get(key, -1), -1):
                opener = items[k]
                if isinstance(opener, _Delimiter) and opener.char == closer.char and opener.can_open:
                    both = opener.can_close or closer.can_open
                    if both and (opener.original + closer.original) % 3 == 0 \
                            and not (opener.original % 3 == 0 and closer.original % 3 == 0):
                        continue
                    opener_index = k
                    break
            if opener_index is None:
                bottom[key] = closer_index - 1
                closer_index += 1
                continue
            opener = items[opener_index]
            use = 2 if opener.count >= 2 and closer.count >= 2 else 1
            inner = [self._literal(x) if isinstance(x, _Delimiter) else x
                     for x in items[opener_index + 1:closer_index]]
            inner = [n for x in inner for n in (x if isinstance(x, list) else [x])]
            element = Element("strong" if use == 2 else "em", inner)
            opener.count -= use
            closer.start += use
            closer.count -= use
            replacement = ([opener] if opener.count else []) + [element] + ([closer] if closer.count else [])
            items[opener_index:closer_index + 1] = replacement
            closer_index = opener_index + len(replacement) - (1 if closer.count else 0)
        out = []
        for item in items:
            if isinstance(item, _Delimiter):
                out.extend(self._literal(item))
            else:
                out.append(item)
        return out

    def _literal(self, delimiter: _Delimiter) -> list[Text]:
        if not delimiter.count:
            return []
        return self.text(delimiter.start, delimiter.start + delimiter.count)


def _punct(ch: str) -> bool:
    return ch in _PUNCT or unicodedata.category(ch)[0] in "PS"
