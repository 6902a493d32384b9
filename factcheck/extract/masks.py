"""Stretches of a story where digits are not figures: URLs, handles, phone numbers, times of day,
list markers, page furniture and numbered names ("Section 106", "Covid-19")."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from .tokens import text_of

_PATTERNS = [
    # links, e-mail, social handles and hashtags
    r"https?://\S+|www\.\S+|pic\.twitter\.com/\S+",
    r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+",
    r"(?<!\w)[@#][A-Za-z0-9_]+",
    r"(?<![\w-])[\w-]++\.(?:com|org|net|gov|edu|io|co\.uk|org\.uk|gov\.uk|ly)\b(?:/\S*)?",
    # phone numbers: international, leading zero, North American
    r"\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}",
    r"(?<![\d,])\(?0\d{2,4}\)?[\s.-]?\d{3,4}[\s.-]?\d{3,4}(?!\d)",
    r"(?<![\d,])\(?\d{3}\)?[\s.-]\d{3}-\d{4}(?!\d)",
    # times of day and race times: 3pm, 10.30am, 7 p.m., 14:00, 2:01:09
    r"\b\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)",
    r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\b",
    r"\b\d{1,2}\s?o'clock\b",
    r"\b24/7\b",
    # list markers at the start of a line, and "1/3" thread counters
    r"(?<![^\n])[ \t]*\(?\d{1,2}[.)](?=\s)",
    r"(?<![\w/])\(?\d{1,2}/\d{1,2}\)?(?![\w/])",
    # emergency and service numbers: "call 999", "the 112 emergency alert"
    r"(?i:(?<=call )|(?<=dial )|(?<=ring )|(?<=text ))\d{2,4}\b(?![\s.-]?\d)",
    r"\b\d{3}(?= (?:emergency|helpline|hotline|non-emergency|number|line)\b)",
    # page furniture
    r"\bPage \d+(?: of \d+)?\b",
    r"\b\d+\s?(?:-\s?)?min(?:ute)?s? read\b",
    r"(?:©|\(c\)|Copyright)\s*\d{4}",
    r"\b(?:Updated|Published|Posted)\s*:?\s*\d{1,2}[:.]\d{2}",
]
# Only for counts: dates are read before these ("Jan. 21st", "Q3", "mid-2025").
_NAME_PATTERNS = [
    # numbered names: Section 106, Article 5, No. 10, Phase 3, Boeing 737, Year 6, M25, G7
    r"\b(?:Section|Article|Chapter|Route|Highway|Interstate|Room|Flight|Gate|Platform|Level|Phase|"
    r"Stage|Grade|Category|Cat|Class|Division|Clause|Apollo|Windows|iPhone|Pixel|Galaxy|Boeing|"
    r"Airbus|Terminal|Tier|Band|Zone|Ward|Block|Unit|Resolution|Amendment|Proposition|Prop|Episode|"
    r"Series|Vol|Volume|Part|Rule|Formula|Matchday|Week|Day|Game|Round|Year|Key Stage|Bus|"
    r"Channel|Studio|Number|No|Nos|Act|Title|Schedule|Paragraph|Regulation|Directive|Agenda|"
    r"Vision|Industry|Web|FTSE|Nasdaq|S&P|Dow|Stoxx|DAX|CAC|Nikkei|Euro Stoxx|Fortune|Russell|"
    r"Top|Group of)\.?\s+\d+[A-Za-z]?\b",
    # fractions: "two-thirds", "one quarter"
    r"(?i:\b(?<!and )(?:one|two|three|four|five|six|seven|eight|nine|a)[- ](?:half|halves|thirds?|quarters?|"
    r"fifths?|sixths?|eighths?|tenths?)\b)",
    r"\b(?!(?:mid|pre|post|early|late)-)[A-Za-z]+-\d+\b",
    r"\b[A-Za-z]{1,4}\d+[A-Za-z\d]*\b",
    r"\b\d+[A-Za-z]*(?:st|nd|rd|th)\b",
    r"\b\d+(?:G|D|K|x\d+)\b",
]
_MASK = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))
_NAME_MASK = re.compile("|".join(f"(?:{p})" for p in _NAME_PATTERNS))

# A few attached endings are units, scales or currencies, not names: keep "3.2m", "5km", "50p".
_KEEP_ATTACHED = re.compile(
    r"^\d+(?:\.\d+)?(?:m|bn|b|k|tn|mn|km|kg|cm|mm|mph|kph|ha|p|pc|C|F|GW|MW|GWh|MWh|TWh|kWh|ppm|s|lb|lbs|ft|mi)$"
)


def masked_ranges(doc: Doc, *, names: bool = False) -> list[tuple[int, int]]:
    """Sorted character ranges of `doc.text` where no figure is read (cached on the Doc).
    With `names`, numbered names and ordinals are masked too (for counts, not dates)."""
    key = "factcheck_masks_names" if names else "factcheck_masks"
    cached = doc.user_data.get(key)
    if cached is None:
        cached = find_masks(text_of(doc), names=names)
        doc.user_data[key] = cached
    return cached


def find_masks(text: str, *, names: bool = False) -> Ranges:
    ranges = [m.span() for m in _MASK.finditer(text)]
    if names:
        ranges.extend(_names(text))
    return Ranges(ranges)


def _names(text: str):
    for match in _NAME_MASK.finditer(text):
        if _KEEP_ATTACHED.match(match.group()):
            continue
        yield match.span()


class Ranges(list):
    """Sorted, possibly overlapping character ranges with the running maximum of their ends, so
    that `overlaps` takes logarithmic time however many ranges there are."""

    def __init__(self, ranges=()):
        super().__init__(sorted(ranges))
        self.reach = []
        furthest = -1
        for _, high in self:
            furthest = max(furthest, high)
            self.reach.append(furthest)


def overlaps(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) touches any of the sorted, possibly overlapping `ranges`."""
    if not isinstance(ranges, Ranges):
        ranges = Ranges(ranges)
    index = bisect.bisect_left(ranges, (end, 0))
    return index > 0 and ranges.reach[index - 1] > start
