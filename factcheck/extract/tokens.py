"""Token helpers shared by the components: bounded tokenizing of unbroken runs, the Doc's text
and the token at a character offset, each in constant or logarithmic time per call.

spaCy's tokenizer peels prefixes and suffixes off each whitespace-free chunk one at a time, which
is quadratic in the chunk's length: 10,000 '<' took 31 s. No word in copy is hundreds of
characters long, so a chunk longer than LONG_CHUNK is cut into pieces before it reaches the
tokenizer; every other chunk is tokenized as spaCy would. The text is never changed.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

LONG_CHUNK = 200
_LONG = re.compile(rf"\S{{{LONG_CHUNK + 1},}}")
_PIECE = re.compile(r"\w{1,50}|[^\w\s]{1,50}")


class GuardedTokenizer:
    """Wraps a spaCy tokenizer; texts with no over-long chunk go straight through."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        if not _LONG.search(text):
            return self.tokenizer(text)
        words: list[str] = []
        spaces: list[bool] = []
        position = 0
        for match in _LONG.finditer(text):
            self._normal(text[position : match.start()], words, spaces)
            pieces = _PIECE.findall(match.group())
            words.extend(pieces)
            spaces.extend([False] * len(pieces))
            position = match.end()
        self._normal(text[position:], words, spaces)
        return Doc(self.tokenizer.vocab, words=words, spaces=spaces)

    def _normal(self, part: str, words: list[str], spaces: list[bool]) -> None:
        if not part:
            return
        if words and not spaces[-1] and part[0].isspace():
            # the whitespace after a long chunk belongs to its last piece when it is one space
            if part[0] == " ":
                spaces[-1], part = True, part[1:]
            if not part:
                return
        for token in self.tokenizer(part):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name):  # rules, vocab, to_disk ... of the wrapped tokenizer
        return getattr(self.tokenizer, name)


def text_of(doc: Doc) -> str:
    """`doc.text`, built once per Doc (spaCy joins every token on each access)."""
    text = doc.user_data.get("fc_text")
    if text is None:
        text = doc.user_data["fc_text"] = doc.text
    return text


def token_at(doc: Doc, char: int) -> int:
    """The index of the token holding character `char`, or of the first token after it
    (len(doc) past the last token)."""
    starts = doc.user_data.get("fc_token_starts")
    if starts is None:
        starts = doc.user_data["fc_token_starts"] = [t.idx for t in doc]
    i = bisect.bisect_right(starts, char) - 1
    if i >= 0 and starts[i] + len(doc[i].text) > char:
        return i
    return i + 1


def annotated(doc: Doc, attr: str) -> bool:
    """`doc.has_annotation(attr)`, asked once per Doc (spaCy scans every token on each call)."""
    key = f"fc_has_{attr}"
    known = doc.user_data.get(key)
    if known is None:
        known = doc.user_data[key] = doc.has_annotation(attr)
    return known
