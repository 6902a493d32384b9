"""The `factcheck_sentences` component: every line starts a sentence.

The model's parser merges a lead line and its bullets into one sentence ("Current figures show:\n-
Around 24,000 people ..."); headlines, bullets and pasted tweets are lines of their own in news copy.
Runs before the parser, which keeps the boundaries set here."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class SentenceMarker:
    def __init__(self, name: str = "factcheck_sentences"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        starts = [i for i, token in enumerate(doc) if i and _after_newline(doc, i)]
        for i in starts:
            doc[i].is_sent_start = True
        if len(doc):
            doc[0].is_sent_start = True
        return doc


def _after_newline(doc: Doc, i: int) -> bool:
    previous = doc[i - 1]
    if doc[i].is_space:
        return False
    if previous.is_space:
        return "\n" in previous.text or "\n" in previous.whitespace_
    return "\n" in previous.whitespace_


@Language.factory("factcheck_sentences", assigns=["token.is_sent_start"])
def make_sentence_marker(nlp: Language, name: str) -> SentenceMarker:
    return SentenceMarker(name)
