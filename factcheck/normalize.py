"""Pure functions that turn written figures into values and the intervals they allow.

`interval()` is the one place that decides what a qualified, rounded figure admits: verification
and the arithmetic checks both go through it, so "around 24,000" means the same thing everywhere.
"""

from __future__ import annotations

import math
import re

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALE_WORDS = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "lakh": 100_000, "crore": 10_000_000,
}
SCALE_ABBREVIATIONS = {
    "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "b": 1_000_000_000,
    "bn": 1_000_000_000, "bln": 1_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000,
}
# Plural magnitudes: "thousands of women" says at least two thousand.
PLURAL_MAGNITUDES = {
    "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
    "billions": 1_000_000_000,
}

# The largest figure read as a claim: a quadrillion. Beyond it a number is an identifier, a
# serial or noise ("1" and a hundred ",000" groups), and floats would overflow to infinity.
MAX_FIGURE = 10**15

_DIGITS = re.compile(r"^(\d{1,3}(?:[,\s\u00a0\u202f]\d{3})+|\d+)(?:\.(\d+))?$")


def plausible(value: float | None) -> bool:
    """Whether `value` is a finite figure no larger than MAX_FIGURE either way (None passes)."""
    return value is None or (math.isfinite(value) and abs(value) <= MAX_FIGURE)


def tidy(value: float) -> int | float:
    """An integral float becomes an int, others are rounded to 10 significant digits."""
    if isinstance(value, int):
        return value
    if math.isfinite(value) and value == int(value):
        return int(value)
    return float(f"{value:.10g}")


def parse_numeral(text: str) -> tuple[int | float, int | float]:
    """ "24,000" -> (24000, 1000): the value and the unit it looks rounded to.

    >>> parse_numeral("3.25")
    (3.25, 0.01)
    """
    match = _DIGITS.match(text.strip())
    if not match:
        raise ValueError(f"expected digits such as '24,000' or '3.2', got {text!r}")
    whole = re.sub(r"[,\s\u00a0\u202f]", "", match.group(1))
    decimals = match.group(2)
    if decimals:
        return tidy(float(f"{whole}.{decimals}")), tidy(10.0 ** -len(decimals))
    value = int(whole)
    zeros = len(whole) - len(whole.rstrip("0")) if value else 0
    return value, 10**zeros


def parse_number_words(words: list[str]) -> int | None:
    """["two", "hundred", "and", "fifty"] -> 250; None when the words are not one number."""
    total, current, seen = 0, 0, False
    for raw in words:
        word = raw.lower()
        if word in ("and", "-", "a", "an"):
            if word in ("a", "an"):
                current = current or 1
            continue
        if word in SMALL:
            current += SMALL[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALE_WORDS:
            total += (current or 1) * SCALE_WORDS[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def word_rounding(value: int) -> int:
    """Number words are exact below a hundred; "three thousand" is rounded to the thousand."""
    if value < 100:
        return 1
    zeros = len(str(value)) - len(str(value).rstrip("0"))
    return 10**zeros


def interval(
    value: float,
    qualifier: str,
    rounding: float = 1,
    value_end: float | None = None,
    end_rounding: float | None = None,
) -> tuple[float | None, float | None]:
    """The interval a figure allows, given its qualifier and the unit it is rounded to.

    - exact: the rounding interval ("24,000" is 23,500 to 24,500; "7" is 7);
    - approx: 10% either side, or the rounding interval if wider;
    - nearly: up to 10% below, never above;
    - more_than / at_least: from the figure up, unbounded (None);
    - less_than / at_most / up_to: from zero to the figure (from below, unbounded, when the
      figure is negative: "below minus 10C");
    - range: from the first figure to the second, each widened by its rounding.

    A bound that is open is None. Negative figures mirror the positive ones ("nearly -3%" lies
    between -3% and -2.7%), so low never exceeds high.
    """
    half = rounding / 2 if rounding > 1 else 0
    spread = max(half, abs(value) * 0.1)
    if qualifier == "exact":
        low, high = value - half, value + half
    elif qualifier == "approx":
        low, high = value - spread, value + spread
    elif qualifier == "nearly":
        low, high = (value - spread, value) if value >= 0 else (value, value + spread)
    elif qualifier in ("more_than", "at_least"):
        low, high = value, None
    elif qualifier in ("less_than", "at_most", "up_to"):
        low, high = (0 if value >= 0 else None), value
    elif qualifier == "range":
        if value_end is None:
            raise ValueError("a range needs value_end")
        end_half = (end_rounding or 1) / 2 if (end_rounding or 1) > 1 else 0
        low, high = value - half, value_end + end_half
    else:
        raise ValueError(f"unknown qualifier {qualifier!r}")
    return (None if low is None else tidy(low)), (None if high is None else tidy(high))


def describe_interval(low: float | None, high: float | None) -> str:
    """[23500, 24500] -> '23,500 to 24,500'; an open end reads 'or more' / 'or less'."""
    if low is None:
        return f"{_fmt(high)} or less"
    if high is None:
        return f"{_fmt(low)} or more"
    if low == high:
        return _fmt(low)
    return f"{_fmt(low)} to {_fmt(high)}"


def _fmt(value: float | None) -> str:
    if value is None:
        return "?"
    value = tidy(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.4g}"


def grouped(value) -> str:
    """A figure for a message: 24000.0 -> '24,000', 75.1 -> '75.1'; anything else as text."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)
