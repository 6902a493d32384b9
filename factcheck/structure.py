"""A story's shape, read from its plain text: headline, lede, paragraphs, headings and bullet
lists. Pure Python: the frame (extract/) and the rules (verify/) read the same structure."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from .source import line_starts

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?:.*\n)*?---[ \t]*(?:\n|\Z)")
_BULLET = re.compile(r"^[ \t]*(?:[-*•·–]|\d{1,2}[.)])[ \t]+")
_HEADING = re.compile(r"^(?:#{1,6}\s.*|[A-Z0-9\"“][^\n.!;:,]{0,90}[^\s.!;:,\"”])$")


@dataclass(frozen=True)
class BulletList:
    """A run of bullet lines: each bullet's character range, the line just before the list
    (`lead`, None when blank) and, when that line is blank, the line before it (Markdown puts a
    blank line between a lead sentence and its list)."""

    bullets: tuple[tuple[int, int], ...]
    lead: tuple[int, int] | None
    lead_beyond_blank: tuple[int, int] | None

    @property
    def end(self) -> int:
        return self.bullets[-1][1]

    @property
    def lead_line(self) -> tuple[int, int] | None:
        return self.lead or self.lead_beyond_blank


def bullet_lists(text: str) -> list[BulletList]:
    lines = text.split("\n")
    starts = line_starts(text)

    def span(k: int) -> tuple[int, int]:
        return starts[k], starts[k] + len(lines[k])

    out, i = [], 0
    while i < len(lines):
        if not _BULLET.match(lines[i]):
            i += 1
            continue
        first = i
        while i < len(lines) and _BULLET.match(lines[i]):
            i += 1
        lead = span(first - 1) if first > 0 and lines[first - 1].strip() else None
        beyond = None
        if lead is None and first > 1 and lines[first - 2].strip():
            beyond = span(first - 2)
        out.append(BulletList(tuple(span(k) for k in range(first, i)), lead, beyond))
    return out


class Structure:
    """Paragraphs (runs of non-blank lines), the headline (a short first line with no full stop),
    the lede (the first paragraph of body copy), headings and bullet lists, as character ranges."""

    def __init__(self, text: str):
        self.text = text

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """Runs of non-blank lines, after a YAML front matter block (which is metadata, not copy)."""
        front = _FRONT_MATTER.match(self.text)
        body = front.end() if front else 0
        return [m.span() for m in re.finditer(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*", self.text)
                if m.start() >= body]

    @cached_property
    def headline(self) -> tuple[int, int] | None:
        if not self.paragraphs:
            return None
        start, end = self.paragraphs[0]
        first_line_end = self.text.find("\n", start, end)
        end = end if first_line_end == -1 else first_line_end
        line = self.text[start:end].strip().lstrip("#").strip()
        if 0 < len(line) <= 160 and not line.endswith((".", "!", ":")) or self.text[start] == "#":
            return (start, end)
        return None

    @cached_property
    def lede(self) -> tuple[int, int] | None:
        body = [p for p in self.paragraphs if (not self.headline or p[0] > self.headline[1])
                and not self.text.startswith("#", p[0])]  # a subheading is not body copy
        if self.headline and self.paragraphs and self.paragraphs[0][1] > self.headline[1] + 1:
            body.insert(0, (self.headline[1] + 1, self.paragraphs[0][1]))  # headline glued to the lede
        return body[0] if body else None

    @cached_property
    def lists(self) -> list[BulletList]:
        return bullet_lists(self.text)

    @cached_property
    def headings(self) -> list[tuple[int, int]]:
        """Lines that head a section: Markdown headings, or short lines with no full stop that
        stand as a paragraph of their own, after the headline."""
        out = []
        for start, end in self.paragraphs:
            if self.headline and start <= self.headline[0]:
                continue
            if "\n" not in self.text[start:end] and _HEADING.match(self.text[start:end].strip()) \
                    and len(self.text[start:end].split()) <= 12:
                out.append((start, end))
        return out

    @cached_property
    def _list_spans(self) -> list[tuple[int, int]]:
        return [(listing.bullets[0][0], listing.end) for listing in self.lists]

    @cached_property
    def _heading_ends(self) -> list[int]:
        return [end for _, end in self.headings]

    def paragraph_of(self, offset: int) -> tuple[int, int] | None:
        index = _containing(self.paragraphs, offset)
        return None if index is None else self.paragraphs[index]

    def list_of(self, offset: int) -> BulletList | None:
        index = _containing(self._list_spans, offset)
        return None if index is None else self.lists[index]

    def heading_before(self, offset: int) -> tuple[int, int] | None:
        index = bisect.bisect_right(self._heading_ends, offset)
        return self.headings[index - 1] if index else None


def _containing(spans: list[tuple[int, int]], offset: int) -> int | None:
    """The index of the sorted, non-overlapping span that holds `offset`, in log time."""
    index = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    if index >= 0 and offset < spans[index][1]:
        return index
    return None
