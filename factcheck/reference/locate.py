"""Where each key, table and array element of a TOML document is: its 1-based line, by path.

tomllib gives values without positions; a desk needs `file:line` for a bad value, also inside a
multi-line array or an inline table. This scanner reads a document tomllib has already accepted
and records the line of every path: ("fact", 3) is the fourth [[fact]] table, ("fact", 3,
"aliases", 1) its second alias, ("fact", 3, "source", "date") a key of an inline table or of a
[fact.source] sub-table.
"""

from __future__ import annotations

import re
import tomllib

_BLANK = re.compile(r"(?:[ \t\r\n]+|#[^\n]*)*")  # whitespace, newlines and comments
_SPACE = re.compile(r"[ \t]*")
_BARE = re.compile(r"[A-Za-z0-9_-]+")
_BASIC = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_LITERAL = re.compile(r"'[^'\n]*'")
_ML_BASIC = re.compile(r'"""(?:[^"\\]|\\[\s\S]|"{1,2}(?!"))*"{3,5}')
_ML_LITERAL = re.compile(r"'''(?:[^']|'{1,2}(?!'))*'{3,5}")
_SCALAR = re.compile(r"[^,\]}\n#]+")
_DOT = re.compile(r"[ \t]*\.[ \t]*")


class _Scanner:
    def __init__(self, text: str):
        self.text, self.pos = text, 0
        self._line, self._line_pos = 1, 0
        self.lines: dict[tuple, int] = {}
        self._arrays: dict[tuple, int] = {}  # array-of-tables path -> elements so far

    # -- positions
    def line(self) -> int:
        """The 1-based line of the current position (positions only move forward)."""
        self._line += self.text.count("\n", self._line_pos, self.pos)
        self._line_pos = self.pos
        return self._line

    def skip(self, pattern: re.Pattern) -> None:
        self.pos = pattern.match(self.text, self.pos).end()

    def record(self, path: tuple, line: int) -> None:
        self.lines.setdefault(path, line)

    # -- pieces
    def key(self) -> tuple[str, ...]:
        """A dotted key: bare, "basic" or 'literal' parts."""
        parts = []
        while True:
            for pattern in (_BARE, _BASIC, _LITERAL):
                match = pattern.match(self.text, self.pos)
                if match:
                    break
            else:
                raise ValueError(f"expected a key at offset {self.pos}")
            raw = match.group()
            parts.append(raw if pattern is _BARE else tomllib.loads(f"k = {raw}")["k"])
            self.pos = match.end()
            dot = _DOT.match(self.text, self.pos)
            if not dot:
                return tuple(parts)
            self.pos = dot.end()

    def value(self, path: tuple) -> None:
        char = self.text[self.pos : self.pos + 1]
        if char == "[":
            self.array(path)
        elif char == "{":
            self.inline_table(path)
        elif char in ('"', "'"):
            for pattern in ((_ML_BASIC, _BASIC) if char == '"' else (_ML_LITERAL, _LITERAL)):
                match = pattern.match(self.text, self.pos)
                if match:
                    self.pos = match.end()
                    return
            raise ValueError(f"unterminated string at offset {self.pos}")
        else:
            self.skip(_SCALAR)

    def advanced(self, before: int) -> None:
        """A document tomllib accepted always moves the scanner on; never loop in place."""
        if self.pos <= before:
            raise ValueError(f"the scanner is stuck at offset {self.pos}")

    def array(self, path: tuple) -> None:
        self.pos += 1
        index = 0
        while True:
            self.skip(_BLANK)
            before = self.pos
            if self.text.startswith("]", self.pos):
                self.pos += 1
                return
            self.record(path + (index,), self.line())
            self.value(path + (index,))
            self.skip(_BLANK)
            if self.text.startswith(",", self.pos):
                self.pos += 1
                index += 1
            self.advanced(before)

    def inline_table(self, path: tuple) -> None:
        self.pos += 1
        while True:
            self.skip(_BLANK)
            before = self.pos
            if self.text.startswith("}", self.pos):
                self.pos += 1
                return
            self.key_value(path)
            self.skip(_BLANK)
            if self.text.startswith(",", self.pos):
                self.pos += 1
            self.advanced(before)

    def key_value(self, table: tuple) -> None:
        line = self.line()
        keys = self.key()
        for end in range(1, len(keys) + 1):
            self.record(table + keys[:end], line)
        self.skip(_SPACE)
        self.pos += 1  # "="
        self.skip(_SPACE)
        self.value(table + keys)

    def header(self) -> tuple:
        """[a.b] or [[a.b]]: the concrete path of the table it opens."""
        line = self.line()
        many = self.text.startswith("[[", self.pos)
        self.pos += 2 if many else 1
        self.skip(_SPACE)
        keys = self.key()
        self.skip(_SPACE)
        self.pos += 2 if many else 1
        path: tuple = ()
        for key in keys[:-1] if many else keys:
            path += (key,)
            self.record(path, line)
            if path in self._arrays:
                path += (self._arrays[path] - 1,)
        if many:
            path += (keys[-1],)
            self.record(path, line)
            index = self._arrays.get(path, 0)
            self._arrays[path] = index + 1
            path += (index,)
        self.record(path, line)
        return path

    def document(self) -> dict[tuple, int]:
        table: tuple = ()
        while True:
            self.skip(_BLANK)
            if self.pos >= len(self.text):
                return self.lines
            before = self.pos
            if self.text.startswith("[", self.pos):
                table = self.header()
            else:
                self.key_value(table)
            self.advanced(before)


def key_lines(text: str) -> dict[tuple, int]:
    """The line of every path of `text`, a document tomllib accepts."""
    return _Scanner(text).document()


def line_of(lines: dict[tuple, int], path: tuple, default: int = 1) -> int:
    """The line of `path`, or of the nearest enclosing path that has one."""
    for end in range(len(path), 0, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return default
