"""Ratios written in words: proportions ("a third of the victims", "half those affected", "cut by
half") read as percentages, and multipliers ("doubled", "three times as many", "more than twice
the limit") read as factors. Pure, like `figures`: text in, spans out.

A fraction is a claim only when it is a proportion of something: "half of", "half the victims",
"by half", "a third were children". "Half an hour", "a quarter past six", "the second half",
"half-time" and "a two-thirds majority" say no proportion and are only masked, so their number
words are not read as counts."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..normalize import SCALE_WORDS, SMALL, tidy


class Ratio(NamedTuple):
    start: int
    end: int
    kind: str  # percent (a proportion), multiplier (a factor) or count ("a quarter of a million")
    value: float
    rounding: float = 1


_NUMERATORS = {"a": 1, "an": 1, **{w: v for w, v in SMALL.items() if 1 <= v <= 10}}
_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}
_FRACTION = re.compile(
    rf"\b(?:(?P<num>{'|'.join(_NUMERATORS)})[- ](?P<den>{'|'.join(_DENOMINATORS)})|(?P<half>half))\b",
    re.I,
)
# "the second half", "the last quarter", "and a half": a position or part of a number
_POSITION_BEFORE = re.compile(
    r"\b(?:first|second|third|fourth|last|latter|former|other|back|front|top|bottom|opening|"
    r"closing|early|earlier|later|final|next|previous)[\s-]+$",
    re.I,
)
_AND_BEFORE = re.compile(rf"(?:\d|\b(?:{'|'.join(SMALL)}|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
                         r"ninety|hundred|thousand|million|billion))\s+and\s+$", re.I)  # "two and a half"
_DETERMINER = r"(?:the|those|these|its|their|his|her|our|your|all|this|that|my)"
_OF_SCALE = re.compile(rf"^ of (?:a|an|one) (?P<scale>{'|'.join(SCALE_WORDS)})\b", re.I)
_OF_NOT_PROPORTION = re.compile(
    r"^ of (?:an? |one )|^ of (?:the |this |that |last |next )?(?:year|month|week|day|century|"
    r"decade|season|hour|game|match|term|way|mile|point)s?\b",
    re.I,
)
_OF = re.compile(r"^ of\b")
_HALF_DETERMINER = re.compile(
    rf"^ {_DETERMINER} (?!(?:time|battle|size|price|cost|speed|rate|length|distance|age|weight|"
    r"height|amount|level|story)\b)",
    re.I,
)
_PREDICATE = re.compile(
    r"^ (?:were|are|was|is|have|had|has|will|would|could|say|said|live|lived|died|voted|came|"
    r"come|remain|remained)\b",
    re.I,
)
_BY_BEFORE = re.compile(
    r"\b(?:by|to)\s+(?:(?:more than|less than|nearly|almost|about|around|roughly|some|over|"
    r"just over|just under|at least|up to)\s+)?$",
    re.I,
)
_BY_AFTER = re.compile(r"^(?:[,.;:)]|\s+(?:in|on|since|from|over|after|last|this|compared|and|or|as|to|by|"
                       r"between|during|within|while|with|but)\b|\s*$)")

_WORD_FACTORS = {w: v for w, v in SMALL.items() if v >= 2}
_WORD_FACTORS.update({"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
                      "thousand": 1000, "a hundred": 100, "a thousand": 1000})
# "twice as many", "three times as likely"; not "scores twice as Rovers beat"
_AS_COMPARISON = (r"as (?!(?:the|a|an|he|she|it|they|we|you|i|his|her|their|its|our|my|this|that|these|"
                  r"those|part|well|soon|if|though|of|in|to|one|usual|before|expected)\b)(?-i:[a-z]+)\b")
_FACTOR = rf"(?P<factor>\d+(?:\.\d+)?|{'|'.join(sorted(_WORD_FACTORS, key=len, reverse=True))})"
_TIMES = re.compile(
    rf"\b{_FACTOR}(?P<and_a_half> and a half)?[- ]times(?= (?:{_AS_COMPARISON}|more|higher|larger|bigger|greater|faster|longer|"
    r"lower|less|fewer|smaller|slower|heavier|stronger|likelier|the|that|those|what|its|their|"
    r"his|her|over|above|normal|usual|average)\b)(?! the (?:same|first|last|following|next|previous)\b)",
    re.I,
)
_FOLD = re.compile(rf"\b{_FACTOR}-?fold\b", re.I)
_TWICE = re.compile(
    rf"\b(?P<twice>twice)(?= (?:{_AS_COMPARISON}|the|that|those|what|its|their|his|her|more|over|higher|"
    r"larger|bigger|greater|normal|usual|average)\b)(?! the (?:same|first|last|following|next)\b)",
    re.I,
)
_HALF_AS = re.compile(r"\b(?P<half>half)(?= as (?:many|much|likely|large|big|high|long|fast)\b)", re.I)
_VERB_FACTORS = {"doubl": 2, "halv": 0.5, "tripl": 3, "trebl": 3, "quadrupl": 4}
_VERB = re.compile(r"\b(?P<stem>doubl|halv|tripl|trebl|quadrupl)(?P<ending>ed|ing|es|e)\b(?!-)", re.I)
# "doubled down", "doubled as", "doubled the lead" (a second goal)
_VERB_IDIOM = re.compile(
    r"^ (?:down|up|over|back|as|-)\b|^ (?:the|their|his|her|its) (?:lead|advantage|tally|account)\b", re.I
)
_MODAL_BEFORE = re.compile(
    r"\b(?:to|will|would|could|can|should|may|might|must|did|does|do|'ll|expected to|set to|"
    r"plans to|aims to|going to)\s+(?:\w+ly\s+)?(?:more than\s+)?$",
    re.I,
)
_OBJECT_AFTER = re.compile(rf"^ (?:{_DETERMINER}|what)\b", re.I)


def find_ratios(text: str) -> tuple[list[Ratio], list[tuple[int, int]]]:
    """The ratios in `text`, and the spans of fractions (claims or not) whose number words are
    not counts ("two-thirds majority"); "and a half" and "half a million" stay for the counts."""
    ratios: list[Ratio] = []
    taken: list[tuple[int, int]] = []
    for pattern, fixed in ((_TIMES, None), (_FOLD, None), (_TWICE, 2), (_HALF_AS, 0.5)):
        for match in pattern.finditer(text):
            factor = fixed or _factor(match.group("factor"))
            if match.groupdict().get("and_a_half"):
                factor += 0.5
            ratios.append(Ratio(*match.span(), "multiplier", factor))
            taken.append(match.span())
    for match in _VERB.finditer(text):
        if _is_multiplier_verb(text, match):
            ratios.append(Ratio(*match.span(), "multiplier", _VERB_FACTORS[match.group("stem").lower()]))
    fractions = []
    for match in _FRACTION.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        ratio = _proportion(text, match)
        if ratio is not None:
            ratios.append(ratio)
            fractions.append(ratio[:2])
        elif match.group("half") is None and not _AND_BEFORE.search(text[max(0, match.start() - 30) : match.start()]):
            fractions.append(match.span())  # "two-thirds majority": no count "two"
    return sorted(ratios), fractions


def _factor(written: str) -> float:
    factor = written.lower()
    return _WORD_FACTORS[factor] if factor in _WORD_FACTORS else tidy(float(factor))


def _is_multiplier_verb(text: str, match: re.Match) -> bool:
    """ "doubled", "halving", "to double", "will triple", "double the dose"; not "a double
    blow", "triple jump", "two halves", "men's doubles", "doubled down"."""
    after = text[match.end() : match.end() + 20]
    if _VERB_IDIOM.match(after):
        return False
    if match.group("ending").lower() in ("ed", "ing"):
        return not text[max(0, match.start() - 2) : match.start()].endswith("'s")
    before = text[max(0, match.start() - 40) : match.start()]
    return bool(_MODAL_BEFORE.search(before) or _OBJECT_AFTER.match(after))


def _proportion(text: str, match: re.Match) -> Ratio | None:
    start, end = match.span()
    before = text[max(0, start - 30) : start]
    after = text[end : end + 40]
    if after.startswith("-") or before.endswith("-"):
        return None  # "half-time", "half-life", "two-thirds-majority"
    half = match.group("half") is not None
    if _POSITION_BEFORE.search(before) or _AND_BEFORE.search(before):
        return None  # "the second half", "the last quarter", "two and a half"
    if half and re.match(r"^ an? \b", after, re.I):
        return None  # "half an hour", "half a million"
    numerator = 1 if half else _NUMERATORS[match.group("num").lower()]
    denominator = 2 if half else _DENOMINATORS[match.group("den").lower()]
    if numerator >= denominator:
        return None  # "three halves", "five thirds": not a share
    share = numerator / denominator
    scale = _OF_SCALE.match(after)
    if scale:  # "a quarter of a million": a count
        value = tidy(share * SCALE_WORDS[scale.group("scale").lower()])
        return Ratio(start, end + scale.end(), "count", value, tidy(value / 10))
    percent = tidy(round(share * 100, 2))
    if _OF_NOT_PROPORTION.match(after):
        return None  # "a quarter of an hour", "half of the year"
    stated = (
        _OF.match(after)
        or (half and _HALF_DETERMINER.match(after))
        or (_BY_BEFORE.search(before) and _BY_AFTER.match(after))
        or _PREDICATE.match(after)
    )
    if not stated:
        return None
    return Ratio(start, end, "percent", percent, 2)
