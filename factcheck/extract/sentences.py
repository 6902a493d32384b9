"""The `factcheck_sentences` component: every line starts a sentence.

The model's parser merges a lead line and its bullets into one sentence ("Current figures show:\n-
Around 24,000 people ..."); headlines, bullets and pasted tweets are lines of their own in news copy.
Runs before the parser, which keeps the boundaries set here.

No sentence runs past MAX_SENTENCE_TOKENS: every later step relates the figures of a sentence to
each other, so an endless "sentence" (a table pasted as text, a run of figures with no full stop)
would cost time in the square of its length. Real sentences in copy stay far below the cap."""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc


MAX_SENTENCE_TOKENS = 150
_FINAL = {".", "!", "?", "…"}


class SentenceMarker:
    def __init__(self, name: str = "factcheck_sentences", *, max_tokens: int = MAX_SENTENCE_TOKENS):
        self.name = name
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        starts = numpy.zeros((len(doc), 1), dtype="uint64")  # 0: left to the parser / sentencizer
        last = 0  # where the current sentence may have started: a line, a full stop, a forced break
        for i in range(1, len(doc)):
            if _after_newline(doc, i) or self._too_long(doc, i, last):
                starts[i, 0] = 1
                last = i
            elif doc[i - 1].text in _FINAL:
                last = i  # the parser or sentencizer decides; the cap only counts from here
        if len(doc):
            starts[0, 0] = 1
            # one write for the whole Doc: setting token.is_sent_start scans the Doc on every call
            doc.from_array([SENT_START], starts)
        return doc

    def _too_long(self, doc: Doc, i: int, last: int) -> bool:
        """Past the cap, break after the next punctuation mark, or 50 tokens later regardless."""
        length = i - last
        return length >= self.max_tokens and (doc[i - 1].is_punct or length >= self.max_tokens + 50)


def _after_newline(doc: Doc, i: int) -> bool:
    previous = doc[i - 1]
    if doc[i].is_space:
        return False
    if previous.is_space:
        return "\n" in previous.text or "\n" in previous.whitespace_
    return "\n" in previous.whitespace_


@Language.factory(
    "factcheck_sentences", assigns=["token.is_sent_start"],
    default_config={"max_tokens": MAX_SENTENCE_TOKENS},
)
def make_sentence_marker(nlp: Language, name: str, max_tokens: int) -> SentenceMarker:
    return SentenceMarker(name, max_tokens=max_tokens)
