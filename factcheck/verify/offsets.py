"""`restated-differently` for dates: a date tied to another by the wording ("told reporters March 25, the day before
Pence declared the public health emergency" ... "Pence declared the outbreak a public health
emergency on March 26"; "rose to 97 on Thursday. A further 16 cases were confirmed ..., one day
after it had confirmed 8 cases" ... "The 8 cases confirmed on Wednesday") whose days apart disagree
with the offset stated: the event's date is then given twice, differently.

The offset ("the day before", "two days later", "one day after") is explicit; the event it points
to is recognised by its words: the clause after the offset and the sentence of the other date must
share at least three content words and most of the clause's. So the pairing is inferred, and the
finding a warning. Dates are compared as days when both name a day of a month (no year needed when
none is written on either side; see days.py), or as weekdays when both are weekdays."""

from __future__ import annotations

import re

from .common import finding
from .days import WEEKDAYS, day_of, days_between, show_day

_COUNT = {"a": 1, "one": 1, "the": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_OFFSET = re.compile(
    r"\b(?P<n>a|one|the|two|three|four|five|six|seven|\d)\s+(?P<unit>days?|weeks?)\s+"
    r"(?P<dir>before|after|later|earlier)\b|\bthe (?P<next>next|following|previous) day\b", re.I)
_CLAUSE_END = re.compile(r"[.;:!?]|,\s|\s[–—-]\s")
_STOP = {
    "about", "after", "also", "been", "before", "being", "could", "from", "have", "into", "more", "said",
    "says", "some", "than", "that", "their", "them", "then", "there", "these", "they", "this", "those",
    "were", "what", "when", "where", "which", "while", "will", "with", "would", "later", "earlier",
    "days", "week", "weeks", "since", "until", "same", "time",
}
_MIN_SHARED = 3
_MIN_SHARE = 0.5


def check(claims, text: str) -> list:
    dates = sorted((c for c in claims if c.kind == "date" and _when(c) is not None), key=lambda c: c.start)
    out = []
    for match in _OFFSET.finditer(text):
        n, before = _offset(match)
        if n is None:
            continue
        anchor = _anchor(dates, match, text)
        if anchor is None:
            continue
        clause = _clause(text, match)
        if len(_content(clause)) < _MIN_SHARED:
            continue
        target = _event_date(dates, anchor, clause, text)
        if target is None:
            continue
        expected = n if before else -n  # days from the anchor's date to the event's date
        out += _judge(anchor, target, expected, match.group(0))
    return out


def _offset(match: re.Match) -> tuple[int | None, bool]:
    """(days, whether the anchor's date is before the event): "the day before X" puts the anchor
    a day before X; "two days later, X" puts X two days after the anchor."""
    if match.group("next"):
        word = match.group("next").lower()
        return 1, word != "previous"
    word = match.group("n").lower()
    n = int(word) if word.isdigit() else _COUNT[word]
    if match.group("unit").lower().startswith("week"):
        n *= 7
    direction = match.group("dir").lower()
    return n, direction in ("before", "later")


def _when(claim):
    """A date claim as ('day', (year, month, day)) or ('weekday', name), or None."""
    day = day_of(claim.text)
    if day is not None:
        return "day", day
    words = claim.text.lower().split()
    if claim.weekday and words and words[-1] in WEEKDAYS and not any(ch.isdigit() for ch in claim.text):
        return "weekday", claim.weekday
    return None


def _anchor(dates, match: re.Match, text: str):
    """The date the offset counts from: the nearest date before it in its sentence, else the last
    date of the sentence before."""
    before = [d for d in dates if d.end <= match.start()]
    if not before:
        return None
    last = before[-1]
    sentence = _sentence_of(text, match.start())
    if last.start >= sentence[0]:
        return last
    previous = _sentence_of(text, sentence[0] - 1) if sentence[0] > 0 else None
    if previous and last.start >= previous[0]:
        return last
    return None


def _sentence_of(text: str, at: int) -> tuple[int, int]:
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at))
    start = start + 2 if start >= 0 and text[start] == "." else start + 1
    end = min((i for i in (text.find(". ", at), text.find("\n", at)) if i >= 0), default=len(text))
    return start, end


def _clause(text: str, match: re.Match) -> str:
    """What happened at the other date: the clause after "the day before" / "one day after"; the
    rest of the sentence after "two days later"."""
    rest = text[match.end() : match.end() + 200]
    if match.group("dir") and match.group("dir").lower() in ("later", "earlier") or match.group("next"):
        end = re.search(r"[.;!?\n]", rest)
    else:
        end = _CLAUSE_END.search(rest)
    return rest[: end.start()] if end else rest


def _content(words_text: str) -> set[str]:
    return set(_sequence(words_text))


def _sequence(words_text: str) -> list[str]:
    words = re.findall(r"[A-Za-z]+|\d[\d,.]*\d|\d", words_text)
    return [_stem(w) for w in words if (w[0].isdigit() or len(w) >= 4) and w.lower() not in _STOP]


def _pairs(words_text: str) -> set[tuple[str, str]]:
    seq = _sequence(words_text)
    return set(zip(seq, seq[1:]))


def _stem(word: str) -> str:
    return word.lower()[:6] if word[0].isalpha() else word.replace(",", "")


def _event_date(dates, anchor, clause: str, text: str):
    """The one date whose sentence tells the event: most of the clause's content words, at least
    three of them, in a sentence other than the anchor's; between two such sentences, the one
    that also keeps more of the clause's word pairs ("confirmed 8 cases" / "The 8 cases
    confirmed" against "16 of the cases confirmed ..., 8 men")."""
    event, pairs = _content(clause), _pairs(clause)
    own = _sentence_of(text, anchor.start)
    best, best_shared = None, 0
    kind = _when(anchor)[0]
    for d in dates:
        if d is anchor or _when(d)[0] != kind:
            continue
        lo, hi = _sentence_of(text, d.start)
        if lo == own[0]:
            continue
        shared = len(event & _content(text[lo:hi]))
        if shared >= _MIN_SHARED and shared >= _MIN_SHARE * len(event):
            shared += len(pairs & _pairs(text[lo:hi]))
            if shared > best_shared:
                best, best_shared = d, shared
            elif shared == best_shared:
                best = None if best is not None and _when(best) != _when(d) else best
    return best


def _judge(anchor, target, expected: int, said: str) -> list:
    (kind, a), (_, b) = _when(anchor), _when(target)
    if kind == "day":
        apart = days_between(a, b)
        if apart is None or apart == expected:
            return []
        shown = f"{show_day(b)} is {abs(apart)} day{'s' * (abs(apart) != 1)} {'after' if apart >= 0 else 'before'} {show_day(a)}"
    else:
        apart = (WEEKDAYS.index(b) - WEEKDAYS.index(a)) % 7
        if apart == expected % 7:
            return []
        shown = f"a {b.title()} is {apart} weekday{'s' * (apart != 1)} after a {a.title()}"
    want = f"{abs(expected)} day{'s' * (abs(expected) != 1)} {'after' if expected >= 0 else 'before'}"
    return [finding("restated-differently", "warning",
                    f"{anchor.text!r} and {target.text!r}: the wording ({said!r}) puts the second "
                    f"{want} the first, but {shown} (no tolerance: days are exact)", [anchor, target])]
