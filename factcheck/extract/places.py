"""The `factcheck_places` component: place mentions as `doc._.fc_places`.

The model's NER finds countries and cities (GPE, LOC, FAC) but tags "al-Hol" as a person and
splits "Gweiran (Panorama) Prison"; a pattern for a name followed by its type word ("camp",
"prison", "province") reads those whole."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from .masks import Ranges, masked_ranges, overlaps
from .tokens import text_of

_TYPES = (
    "refugee camp|displacement camp|detention camp|camp|prison|jail|detention centre|"
    "detention center|province|governorate|district|region|county|state|city|town|village|"
    "airport|border crossing|crossing|valley|river|island|peninsula|oblast|prefecture|borough|"
    "estuary|estate"
)
# "Kettleford City Council" is an organisation, not the city
_ORG_AFTER = (
    r"(?!\s+(?:Council|Hall|Football|FC|University|College|Police|Fire|Commission|Authority|"
    r"Board|Court|Hospital|School|Academy|United|Rovers|Wanderers|Athletic|Rangers|Club))"
)
_DATELINE = re.compile(r"(?<![^\n])(?P<name>[A-Z][A-Z'’-]{2,}(?: [A-Z][A-Z'’-]+)*)(?=,| —| –| -| \()")
_NOT_PLACE_NAMES = {"AI", "IS", "ISIS", "ISIL", "Ebola", "Tsunami"}
_COMPANY_WORDS = {"mining", "company", "corporation", "corp", "inc", "ltd", "group", "holdings", "airways",
                  "airlines", "bank", "motors", "energy", "oil", "foods", "pharmaceuticals", "plc"}
_NAME = r"(?:(?:al|el|ad|as|ash|ar|an|at|az|Al|El|Ad|As|Ar)[-‑])?[A-Z][\w'’]+(?:[- ](?:al-)?[A-Z][\w'’]+)*"
_TYPED = re.compile(
    rf"\b(?P<name>{_NAME})(?:\s+\([A-Z][\w'’ -]+\))?\s+(?P<type>(?i:{_TYPES}))\b{_ORG_AFTER}"
)
_OF_TYPED = re.compile(rf"\b(?i:the)\s+(?:[A-Z][\w'’]+\s+)?(?:city|town|village|province|region|district|"
                       rf"island|state|county|prefecture|capital) of (?P<name>{_NAME})")
_LABELS = {"GPE", "LOC", "FAC"}


@dataclass(frozen=True)
class PlaceMatch:
    start: int
    end: int
    text: str
    label: str


def find_typed_places(text: str, masks=()) -> list[PlaceMatch]:
    out = []
    for match in _TYPED.finditer(text):
        first = match.group("name").split()[0].split("-")[-1].lower()
        if first in STOP_WORDS or overlaps(masks, *match.span()) or re.match(r"\s+of\s+[A-Z]", text[match.end():]):
            continue  # "the Indonesian island of Java": the name follows the type word
        out.append(PlaceMatch(*match.span(), match.group(), "PLACE"))
    for match in _OF_TYPED.finditer(text):
        out.append(PlaceMatch(*match.span("name"), match.group("name"), "PLACE"))
    for match in _DATELINE.finditer(text):
        if match.group("name").lower() not in STOP_WORDS and not overlaps(masks, *match.span()):
            out.append(PlaceMatch(*match.span("name"), match.group("name"), "DATELINE"))
    return out


def _names_of_people(doc: Doc) -> set[str]:
    """Single words the story uses as a person's surname or a company's name elsewhere ("Anna Ayala",
    "Newmont Mining Company"): when the model tags one of them alone as a place ("after Ayala
    found the finger", "a legal battle with Newmont"), it is the person or the company."""
    words = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) >= 2:
            if ent[-1].is_title:
                words.add(ent[-1].lower_)  # a surname: "Anna Ayala" ... "after Ayala found"
        elif ent.label_ == "ORG" and len(ent) >= 2 and ent[0].is_title and ent[0].ent_iob_ == "B" \
                and ent[1].lower_ in _COMPANY_WORDS:
            words.add(ent[0].lower_)
    return words


class PlaceFinder:
    def __init__(self, name: str = "factcheck_places"):
        self.name = name
        if not Doc.has_extension("fc_places"):
            Doc.set_extension("fc_places", default=None)

    def __call__(self, doc: Doc) -> Doc:
        masks = masked_ranges(doc)
        found = find_typed_places(text_of(doc), masks)
        typed = Ranges((p.start, p.end) for p in found)
        people = _names_of_people(doc)
        for ent in doc.ents:
            if ent.label_ not in _LABELS or overlaps(masks, ent.start_char, ent.end_char):
                continue
            span = ent[1:] if ent[0].lower_ == "the" else ent
            if (not span.text or any(c.isdigit() for c in span.text) or span.text[0] in "@#"
                    or span.text in _NOT_PLACE_NAMES or span.text.lower() in people):
                continue
            if overlaps(typed, span.start_char, span.end_char):
                continue
            found.append(PlaceMatch(span.start_char, span.end_char, span.text, ent.label_))
        doc._.fc_places = sorted(found, key=lambda p: p.start)
        return doc


@Language.factory("factcheck_places", requires=["token.is_sent_start"], assigns=["doc._.fc_places"])
def make_place_finder(nlp: Language, name: str) -> PlaceFinder:
    return PlaceFinder(name)
