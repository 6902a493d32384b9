"""`change-mismatch`: a stated change that does not follow from its figures: "rose from 3.8
million to 4.3 million, an increase of 31%", "doubled from 206 to 412", "fell by 1,400 to 8,600
... from 9,800", "up 24%" against "£3.7m, compared with £3.2m", "in 2014 ... 2019, seven years
later"."""

from __future__ import annotations

import bisect
import re

from ..normalize import grouped
from .common import INF, bounds, by_sentence, disjoint, finding, money, percent_bounds
from .parts import same_kind as _same_kind

_CHANGE_NOUN = re.compile(
    r"\b(?:increase|rise|jump|growth|gain|climb|up|fall|drop|decline|decrease|down|cut|reduction|"
    r"higher|lower|more|less|fewer)\b", re.I
)
_FALL = re.compile(r"\b(?:fall|fell|fallen|drop|dropped|decline|declined|decrease|decreased|down|cut|"
                   r"reduction|lower|less|fewer|slump|slumped|shrank|halved)\b", re.I)


def check(claims, text: str) -> list:
    return _changes(claims, text)


def _changes(claims, text: str) -> list:
    out = []
    sentences = by_sentence(claims)
    keys = list(sentences)
    years = [c for c in claims if c.kind == "date" and c.granularity == "year" and c.value and c.value.isdigit()]
    for index, key in enumerate(keys):
        group = sentences[key]
        end = group[-1].sentence_end or group[-1].end
        sentence = text[key:end]
        numbers = [c for c in group if c.kind != "date"]
        previous = sentences[keys[index - 1]] if index else []
        out += _from_to(numbers, previous, sentence, text)
        following = sentences[keys[index + 1]] if index + 1 < len(keys) else []
        out += _compared_pair(numbers, [c for c in following if c.kind != "date"], text)
        out += _by_to_from(numbers, text)
        out += _years_apart(years, group, text)
    return out


def _from_to(numbers, previous, sentence, text):
    """ "rose from 3.8 million to 4.3 million, an increase of 31%"; "up from 148, a rise of 43%".
    A factor ("doubled from 206 to 412") is read from its multiplier claim (linked_changes)."""
    out = []
    for i, a in enumerate(numbers):
        if not re.search(r"\bfrom\s+$", text[max(0, a.start - 8) : a.start], re.I) or a.kind == "percent":
            continue
        b = _to_figure(numbers, i, a, text)
        if b is None and re.search(r"\bup\s+from\s+$|\bdown\s+from\s+$", text[max(0, a.start - 12) : a.start], re.I):
            before = [c for c in numbers[:i] if _same_kind(c, a)]
            b = before[-1] if before else None
        if b is None or a.value <= 0:
            continue
        percent = _stated_change(numbers, max(a.end, b.end), text)
        if percent is None:
            continue
        low_a, high_a = bounds(a)
        low_b, high_b = bounds(b)
        if low_a <= 0 or INF in (high_a, high_b):
            continue
        changes = [100 * (y - x) / x for x in (low_a, high_a) for y in (low_b, high_b)]
        actual = (min(changes), max(changes))
        stated = percent_bounds(percent)
        if _FALL.search(text[percent.start - 25 : percent.end + 25]) and stated[1] > 0:
            stated = (-stated[1], -stated[0])
        if disjoint(actual, stated) and disjoint(actual, (-stated[1], -stated[0])):
            middle = 100 * (b.value - a.value) / a.value
            out.append(finding("change-mismatch", "error",
                               f"from {a.text} to {b.text} is a change of {middle:+.1f}%, not {percent.text} "
                               f"(allowing for rounding: {actual[0]:+.1f}% to {actual[1]:+.1f}%)", [a, b, percent]))
    return out


_STATED_CHANGE = re.compile(
    r"(?:\b(?:up|down|rose|fell|rise|fall|increase|decrease|growth|drop|jump|climb)(?:\s+\w+){0,2}\s*$)", re.I)
_PAIR_GAP = re.compile(r"^[^.;]{0,60}?\b(?:compared with|compared to|against|versus|vs\.?|up from|down from)\s+$", re.I)


def _compared_pair(numbers, following, text):
    """ "sales up 24% ..." then "reached £3.7m, compared with £3.2m a year earlier": the stated
    change must follow from the pair (in its sentence or the next)."""
    out = []
    changes = [p for p in numbers if p.kind == "percent" and p.unit == "percent"
               and _STATED_CHANGE.search(text[max(0, p.start - 30) : p.start])]
    if len(changes) != 1:
        return out
    percent = changes[0]
    if _own_pair(percent, numbers):
        following = []  # "253,400, up 16% from 201,700": its own sentence holds its pair
    for group, severity in ((numbers, "error"), (following, "warning")):
        pairs = [(a, b) for a in group for b in group if a.start < b.start and _same_kind(a, b)
                 and a.kind in ("count", "money") and _PAIR_GAP.match(text[a.end : b.start])]
        if len(pairs) != 1:
            continue
        new, old = pairs[0]
        low_old, high_old = bounds(old)
        low_new, high_new = bounds(new)
        if low_old <= 0 or INF in (high_old, high_new):
            return out
        changes_ = [100 * (y - x) / x for x in (low_old, high_old) for y in (low_new, high_new)]
        actual = (min(changes_), max(changes_))
        stated = percent_bounds(percent)
        if _FALL.search(text[max(0, percent.start - 30) : percent.end + 10]):
            stated = (-stated[1], -stated[0])
        if disjoint(actual, stated):
            middle = 100 * (new.value - old.value) / old.value
            out.append(finding("change-mismatch", severity,
                               f"{old.text} to {new.text} is a change of {middle:+.1f}%, not {percent.text} "
                               f"(allowing for rounding: {actual[0]:+.1f}% to {actual[1]:+.1f}%)",
                               [percent, new, old]))
        return out
    return out


def _own_pair(percent, numbers) -> bool:
    """Whether the frame links the change to a level of its own sentence that has an earlier level
    of its own ("reached 253,400, up 16% from 201,700"); not a level alone ("rose 8% in the six
    months": the pair may follow in the next sentence)."""
    levels = {link.claim for link in (percent.frame.links if percent.frame else ()) if link.relation == "change_of"}
    return any(link.relation == "previous_of" and link.claim in levels
               for c in numbers for link in (c.frame.links if c.frame else ()))


def _to_figure(numbers, i, a, text):
    for b in numbers[i + 1 : i + 3]:
        if _same_kind(a, b) and re.fullmatch(r"(?:\s+in\s+\S+(?:\s+\S+)?)?\s+to\s+", text[a.end : b.start]):
            return b
    return None


def _stated_change(numbers, after: int, text: str):
    for p in numbers:
        if p.kind == "percent" and p.start >= after and p.start - after < 40:
            context = text[after : p.end + 15]
            if _CHANGE_NOUN.search(context):
                return p
    return None


def _by_to_from(numbers, text):
    """ "fell by 1,400 to 8,600 ... from 9,800": the difference must match."""
    out = []
    for i, d in enumerate(numbers):
        if not re.search(r"\bby\s+$", text[max(0, d.start - 4) : d.start]):
            continue
        rest = [c for c in numbers[i + 1 :] if _same_kind(c, d)]
        to = next((c for c in rest if re.search(r"\bto\s+$", text[max(0, c.start - 4) : c.start])), None)
        if to is None:
            continue
        after_to = [c for c in rest if c.start > to.start]
        # the next figure must be the starting level: "by 1,400 to 8,600 ... from 9,800"
        frm = after_to[0] if after_to and re.search(r"\bfrom\s+$", text[max(0, after_to[0].start - 6) : after_to[0].start]) else None
        if frm is None:
            continue
        lo = abs(bounds(frm)[0] - bounds(to)[1])
        hi = abs(bounds(frm)[1] - bounds(to)[0])
        actual = (min(lo, hi), max(lo, hi))
        if disjoint(actual, bounds(d)):
            difference = abs(frm.value - to.value)
            shown = money(difference, to.unit) if to.kind == "money" else grouped(difference)
            out.append(finding("change-mismatch", "error",
                               f"from {frm.text} to {to.text} is a change of {shown}, not {d.text}", [d, to, frm]))
    return out


_LATER = re.compile(r"^\s+(?:later|afterwards|on(?=\s*[,.;:)])|after(?=\s*[,.;:)]))", re.I)


def _years_apart(years, group, text):
    """ "opened in 2014 ... followed in 2019, seven years later": the gap must match. `years`:
    the story's year dates in text order."""
    out = []
    for q in group:
        if q.kind != "quantity" or q.unit != "years" or not _LATER.match(text[q.end : q.end + 12]):
            continue  # "seven years later", not "for fifteen years after the collapse of ..."
        first_index = bisect.bisect_left([y.end for y in years], q.start - 400)
        before = [y for y in years[first_index:] if y.end <= q.start and q.start - y.end < 400]
        if len(before) < 2:
            continue
        second, first = before[-1], before[-2]
        if second.sentence_start != q.sentence_start:
            continue  # "In 2007, Mexico agreed ... But when Congress cut funding two years later": the
            # later event's own year is not given; its sentence must date it both ways
        gap = int(second.value) - int(first.value)
        if abs(gap - q.value) > 1:
            out.append(finding("change-mismatch", "error",
                               f"{first.text} to {second.text} is {gap} years, not {q.text}", [first, second, q]))
    return out
