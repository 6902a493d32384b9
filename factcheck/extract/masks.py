"""Stretches of a story where digits are not figures: URLs, handles, phone numbers, times of day,
list markers, page furniture and numbered names ("Section 106", "Covid-19"). Fractions are not
masked here: `ratios` reads the ones that state a proportion and hides the rest from the counts."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..ranges import Ranges, overlaps  # noqa: F401  (re-exported for the components)
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
    r"\b1-8\d\d-[A-Z0-9][A-Z0-9-]*\b",  # 1-800-CDC-INFO
    # street addresses: "68 Court Street", "1405 Monterey Highway"
    r"\b\d{1,5}(?=[^\S\n]+(?:[A-Z][a-z]+[^\S\n]+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Highway|"
    r"Boulevard|Blvd|Lane|Drive|Way|Place|Square|Parkway|Terrace|Crescent)\b)",
    # a block of a street, as police reports give an address: "in the 500 block of Taylor Street"
    r"\b\d{1,5}(?=[^\S\n]+block[^\S\n]+of\b)",
    # times of day and race times: 3pm, 10.30am, 7 p.m., 14:00, 2:01:09
    r"\b\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)",
    r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\b",
    r"\b\d{1,2}\s?o'clock\b",
    # "9:00 pm (1200 GMT)", "at 0600 local time": 24-hour clock times with a zone
    r"\b(?:[01]\d|2[0-3])[0-5]\d\s?(?:GMT|UTC|BST|CET|CEST|EET|EEST|WAT|EAT|MSK|IST|JST|KST|HKT|SGT|"
    r"AEST|AEDT|ACST|AWST|NZST|NZDT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|Zulu|local time|hrs|hours GMT)\b",
    r"(?i:\b(?:a\s+)?quarter\s+(?:past|to)\s+|\bhalf\s+past\s+|\b(?:five|ten|twenty|twenty-five)\s+past\s+)"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\b",
    r"\b24/7\b",
    # list markers at the start of a line, and "1/3" thread counters
    r"(?<![^\n])[ \t]*\(?\d{1,2}[.)](?=\s)",
    r"(?<![\w/])\(?\d{1,2}/\d{1,2}\)?(?![\w/])",
    # emergency and service numbers: "call 999", "the 112 emergency alert"
    r"(?=\d)(?i:(?<=\bcall )|(?<=\bcalled )|(?<=\bcalling )|(?<=\bdial )|(?<=\bdialled )|(?<=\bdialed )|"
    r"(?<=\bring )|(?<=\btext )|(?<=\bcall to )|(?<=\bplaced to ))\d{2,4}\b(?![\s.-]?\d)",
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
    r"Top|Group of|Region|District|School|Precinct|Sector|Camp|Building|Station|Bill|Bills|Form|Forms|"
    r"Standard|Stand)\.?\s+\d+[A-Za-z]?\b",
    r"(?i:\b(?:phase|stage|chromosome|category|grade|form|standard)\s+\d+[A-Za-z]?\b)",
    r"(?=[dD])(?i:(?<=\bat )|(?<=\bon )|(?<=\bby ))day\s+\d+\b",  # "failure at day 42"
    r"\b[A-Z]{2,}-TV\s+\d+\b",  # "WNEM-TV 5"
    r"(?i:\b\w*virus\s+(?:type\s+)?\d+\b)",  # "adenovirus 36"
    r"\b\d{5,6}\b(?=[^\S\n]+[A-Z][A-Za-z]*\b)",  # "Mandela's 46664 AIDS campaign"
    # levels and scales named by number: "phase six", "Forms One and Two", "a scale of one to six"
    r"(?i:\b(?:forms?|phases?|stages?|levels?|categor(?:y|ies)|grades?|scale)\s+(?:of\s+|from\s+)?"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten)(?:\s+(?:and|or|to)\s+(?:phase\s+|level\s+|"
    r"stage\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?\b)",
    r"(?i:\bscale\s+of\s+\d+\s+to\s+\d+\b)",
    r"(?i:\bnumber\s+(?:one|two|three|four|five|six|seven|eight|nine|ten)\b)",  # "Number two, ...": a rank
    r"(?i:\ban?\s+(?:day|week|month|year|hour|minute|decade)\s+or\s+two\b)",  # "a week or two"
    r"(?i:\b(?:phases?|stages?)\s+\d+\s+(?:and|or|to)\s+(?:phase\s+|stage\s+)?\d+\b)",
    r"\b(?!(?:mid|pre|post|early|late|magnitude|Magnitude)-)[A-Za-z]+-\d+[a-z]?\b",
    r"\b[A-Za-z]+\d+[A-Za-z]*-\d+[A-Za-z]*\b",  # "K2-18b"
    r"\b(?!(?:USD|GBP|EUR|CHF|JPY|INR|AUD|CAD|CNY|RMB|HKD|NZD|SGD|ZAR|NGN|KES|MXN|BRL|RUB|SEK|NOK|DKK|"
    r"PLN|THB|MYR|IDR|Rs)\d)[A-Za-z]{1,4}\d+[A-Za-z\d]*\b",
    r"\b\d+[A-Za-z]*(?:st|nd|rd|th)\b",
    # a campaign or body named with its number: "the Fight for 15 protesters", "the Committee of 100"
    r"(?<=\bthe )[A-Z][a-z]+ (?:for|of) \d+\b(?![.,]\d)",
    # dates written in figures: "(3/30/18)", "2018/03/30"
    r"(?<![\w/.])\d{1,4}/\d{1,2}/\d{1,4}(?![\w/])",
    r"\b\d+(?:G|D|K|x\d+)\b",
]

def _alternation(patterns: list[str]) -> str:
    """One regex for many patterns, with those that can only start at a digit, "(" or "+" behind
    one cheap look-ahead: most positions of a story start no figure and fail there at once
    instead of trying every pattern. Where a pattern of each kind matches at one position, the
    one not led by a digit wins (links and e-mail addresses before phone numbers)."""
    digit_led = (r"\+\d", r"(?<![\d,])", r"\b1-8", r"\b\d", r"(?<![\w/])\(?\d", r"(?=\d)", r"\b(?:[01]\d", r"\b24/7")
    led = [p for p in patterns if p.startswith(digit_led)]
    rest = [p for p in patterns if not p.startswith(digit_led)]
    return "|".join([f"(?:{p})" for p in rest] + ["(?=[\\d(+])(?:" + "|".join(f"(?:{p})" for p in led) + ")"])


_MASK = re.compile(_alternation(_PATTERNS))
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
        base = doc.user_data.get("factcheck_mask_spans")  # the common part is read once per Doc
        if base is None:
            base = doc.user_data["factcheck_mask_spans"] = _spans(text_of(doc))
        cached = Ranges(base + list(_names(text_of(doc)))) if names else Ranges(base)
        doc.user_data[key] = cached
    return cached


def find_masks(text: str, *, names: bool = False) -> Ranges:
    ranges = _spans(text)
    if names:
        ranges.extend(_names(text))
    return Ranges(ranges)


def _spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _MASK.finditer(text)]


def _names(text: str):
    for match in _NAME_MASK.finditer(text):
        if _KEEP_ATTACHED.match(match.group()):
            continue
        yield match.span()


