"""`change-mismatch` from the frames' links: a level, the earlier level it is compared with
(`previous_of`) and the change stated for it (`change_of`), in one sentence: "Profits jumped 114%
to $1.13bn from $639m", "rose by 32,000 to 1.72 million from 1.65 million", "fell to 5.2%, down
from 5.9%, a drop of 1.7 percentage points", "doubled to 412 from 206". The change may be a
percentage, percentage points, an amount or a factor; the level and the earlier level must sit
next to each other ("A from B", "from B to A", "A, up from B"), so a link the parse got wrong
across a clause is not judged."""

from __future__ import annotations

import re

from .common import INF, bounds, by_sentence, disjoint, finding, money, percent_bounds, show

_A_FROM_B = re.compile(r"^[^\S\n]*,?[^\S\n]*(?:(?:in|on|for|at|by)[^\S\n]+[^\d.;,]{1,25}?[^\S\n]*(?:\d{4})?[^\S\n]*,?[^\S\n]*)?"
                       r"(?:(?:up|down|rising|falling|rose|fell|increasing|decreasing)[^\S\n]+"
                       r"(?:by[^\S\n]+)?(?:[+-]?\d[\d.,]*[^\S\n]*(?:%|per[^\S\n]?cent|percentage[^\S\n]+points?)[^\S\n]+)?)?"
                       r"(?:from|compared (?:with|to)|against|versus)[^\S\n]+(?:the[^\S\n]+|a[^\S\n]+)?$", re.I)
_FROM_B_TO_A = re.compile(r"^[^\S\n]*,?[^\S\n]*(?:(?:in|on|for|at)[^\S\n]+[^\d.;,]{1,25}?[^\S\n]*(?:\d{4})?[^\S\n]*,?[^\S\n]*)?"
                          r"to[^\S\n]+$", re.I)
_CHANGE_BEFORE = re.compile(r"^[^\d,;:.]{0,30}$")
_CHANGE_AFTER = re.compile(r"^[^\S\n]*(?:(?:in|on|for|at)[^\S\n]+[^\d.;,]{1,25}?[^\S\n]*(?:\d{4})?[^\S\n]*)?"
                           r"[,(\u2014\u2013-]?[^\S\n]*(?:a|an|or)[^\S\n]+(?:[a-z]+[^\S\n]+){0,2}$", re.I)
_FROM = re.compile(r"\bfrom\s+$", re.I)  # "doubled to 412 from 206": an earlier level the frame may not mark
_RISE = re.compile(r"\b(?:rose|risen|rise|rises|rising|increase[sd]?|increasing|grew|grow|grown|growth|"
                   r"climb(?:ed|s)?|jump(?:ed|s)?|gain(?:ed|s)?|up|higher|more|surge[sd]?|soar(?:ed|s)?|doubled|tripled)\b",
                   re.I)
_FALL = re.compile(r"\b(?:fell|fall|falls|fallen|falling|drop(?:ped|s)?|declin(?:e|ed|es|ing)|decrease[sd]?|"
                   r"down|cut|lower|less|fewer|slump(?:ed|s)?|shrank|shrunk|plunged?|tumbled?|lost|halved)\b", re.I)


def check(claims, text: str) -> list:
    out = []
    for group in by_sentence([c for c in claims if c.kind != "date"]).values():
        out += _amount_and_percent(group, text) + _more_than(group, text)
        linked: dict[tuple[str, str], list] = {}
        for claim in group:
            for link in claim.frame.links if claim.frame else ():
                linked.setdefault((link.claim, link.relation), []).append(claim)
        loose = [c for c in group if _role(c) == "change" and not (c.frame and c.frame.links)]
        earlier = [c for c in group if _role(c) == "previous" or loose and _FROM.search(text[max(0, c.start - 6) : c.start])]
        pairs = [(level, previous) for previous in earlier
                 for level in [_level_of(previous, group, text)] if level is not None]
        for level, previous in pairs:
            changes = linked.get((level.id, "change_of"), []) + [
                c for c in loose if len(pairs) == 1 and _close(c, level, previous, text)]
            for change in _nearest_of_each_kind(changes, level):
                out += _judge(change, level, previous, text)
    return out


_OR_PERCENT = re.compile(r"^[^\S\n]*(?:,[^\S\n]*or|\()[^\S\n]*$", re.I)
_AMOUNT_TO = re.compile(r"^[^\S\n]*(?:\)|,)?[^\S\n]*to[^\S\n]+$", re.I)


def _amount_and_percent(group, text: str) -> list:
    """ "Shares rose 5p, or 2.3%, to 221p": the amount and the percentage are one change, from the
    level less the amount (more, for a fall) to the level; the percentage must follow from them."""
    out = []
    for amount, percent, level in zip(group, group[1:], group[2:]):
        if percent.kind != "percent" or "point" in (percent.unit or "") or amount.kind not in ("money", "count") \
                or level.kind != amount.kind or level.unit != amount.unit \
                or not _OR_PERCENT.match(text[amount.end : percent.start]) \
                or not _AMOUNT_TO.match(text[percent.end : level.start]):
            continue
        sign = _direction(percent, level, amount, text)
        if sign == 0:
            continue
        new, step = bounds(level), bounds(amount)
        old = (new[0] - step[1], new[1] - step[0]) if sign > 0 else (new[0] + step[0], new[1] + step[1])
        if old[0] <= 0 or INF in (new[1], step[1]):
            continue
        ratios = [100 * x / y for x in step for y in old]
        actual = (min(ratios), max(ratios))
        if disjoint(actual, percent_bounds(percent)):
            out.append(finding("change-mismatch", "error",
                               f"{show(amount)} {'up' if sign > 0 else 'down'} to {show(level)} is a change of "
                               f"{_percent_range(actual)} (allowing for rounding), not {percent.text}",
                               [percent, amount, level]))
    return out


def _percent_range(actual: tuple[float, float]) -> str:
    ends = [f"{x:.1f}%" for x in actual]
    return ends[0] if ends[0] == ends[1] else f"{ends[0]} to {ends[1]}"


_MORE_THAN = re.compile(r"^[^\S\n]*(?:[a-z]+[^\S\n]+){0,2}[a-z]*[^\S\n]*,?[^\S\n]*$", re.I)  # " a share, "
_THAN_EARLIER = re.compile(r"^[^\S\n]+(more|higher|greater|up|less|lower|fewer|down)[^\S\n]+(?:than|on)[^\S\n]+"
                           r"(?:the[^\S\n]+)?(?:[\w-]+(?:'s|\u2019s)?[^\S\n]+){0,3}$", re.I)


def _more_than(group, text: str) -> list:
    """ "an interim dividend of 6.1p a share, 7% more than last year's 5.7p": a level, the
    percentage it is above or below an earlier figure of its kind, and that figure."""
    out = []
    for level, percent, earlier in zip(group, group[1:], group[2:]):
        if percent.kind != "percent" or "point" in (percent.unit or "") or level.kind not in ("money", "count") \
                or earlier.kind != level.kind or earlier.unit != level.unit \
                or not _MORE_THAN.match(text[level.end : percent.start]):
            continue
        than = _THAN_EARLIER.match(text[percent.end : earlier.start])
        if not than:
            continue
        new, old = bounds(level), bounds(earlier)
        if old[0] <= 0 or INF in (new[1], old[1]):
            continue
        ratios = [100 * (y - x) / x for x in old for y in new]
        actual = (min(ratios), max(ratios))
        stated = percent_bounds(percent)
        if than.group(1).lower() in ("less", "lower", "fewer", "down"):
            stated = (-stated[1], -stated[0])
        if disjoint(actual, stated):
            out.append(finding("change-mismatch", "error",
                               f"from {show(earlier)} to {show(level)} is a change of {_shown(actual, '%', level)} "
                               f"(allowing for rounding), not {percent.text} {than.group(1).lower()}",
                               [percent, level, earlier]))
    return out


def _nearest_of_each_kind(changes, level) -> list:
    """One change of each kind for a level, the one nearest to it: in "sales dropped 6.5%, while
    online sales rose 12% to £410m" the 12% is the change to £410m, not the 6.5% the frame also
    links to it; "rose 5%, or £20m, to £420m" keeps both (a percentage and an amount)."""
    nearest: dict[str, object] = {}
    for change in changes:
        gap = level.start - change.end if change.end <= level.start else change.start - level.end
        kind = change.kind if change.kind != "percent" or "point" not in (change.unit or "") else "points"
        held = nearest.get(kind)
        if held is None or gap < held[0]:
            nearest[kind] = (gap, change)
    return [change for _, change in nearest.values()]


def _role(claim) -> str:
    return claim.frame.role if claim.frame else "level"


def _level_of(previous, group, text: str):
    """The level an earlier level is compared with: the one its frame links it to, else the figure
    of its kind right before it ("5.2%, down from 5.9%") or right after it ("from 206 to 412")."""
    links = [link.claim for link in previous.frame.links if link.relation == "previous_of"] if previous.frame else []
    for candidates in ([c for c in group if c.id in links],
                       [c for c in group if c is not previous and _role(c) in ("level", "total", "forecast", "share")]):
        before = [c for c in candidates if c.end <= previous.start]
        after = [c for c in candidates if c.start >= previous.end]
        for level in before[-1:] + after[:1]:
            if _adjacent(level, previous, text):
                return level
    return None


def _close(change, level, previous, text: str) -> bool:
    """A change its frame links to nothing belongs to the pair only in the pair's own clause: right
    before it ("rose by 32,000 to 1.72 million from 1.65 million", "doubled to 412 from 206") or
    right after it (", a drop of 1.7 percentage points", ", a 13% increase"), not across "after
    the operator doubled ..." or another figure."""
    start, end = min(level.start, previous.start), max(level.end, previous.end)
    if start <= change.start and change.end <= end:
        return True  # "A, up 16% from B": the pair's gap was read whole by _adjacent
    if change.end <= start:
        return bool(_CHANGE_BEFORE.match(text[change.end : start]))
    return bool(_CHANGE_AFTER.match(text[end : change.start]))


def _adjacent(level, previous, text: str) -> bool:
    """ "A from B", "A vehicles from B", "A, up 16% from B", "from B to A", "from B vehicles to A"."""
    if previous.kind != level.kind or (level.kind == "money" and previous.unit != level.unit):
        return False
    if previous.start > level.end:
        return bool(_A_FROM_B.match(_past_noun(text[level.end : previous.start], level)))
    return bool(_FROM_B_TO_A.match(_past_noun(text[previous.end : level.start], previous)))


def _past_noun(gap: str, figure) -> str:
    """The gap after a count without the count's own noun: " vehicles from " -> " from "."""
    noun = figure.unit if figure.kind == "count" and figure.unit else None
    if noun and re.match(rf"[^\S\n]+{re.escape(noun)}\b", gap, re.I):
        return gap[gap.lower().index(noun.lower()) + len(noun):]
    return gap


def _direction(change, level, previous, text: str) -> int:
    """+1 for a stated rise, -1 for a fall, 0 when the sentence does not say."""
    lo = min(c.start for c in (change, level, previous))
    before = text[max(change.sentence_start or 0, lo - 40) : max(c.end for c in (change, level, previous))]
    rise, fall = bool(_RISE.search(before)), bool(_FALL.search(before))
    return 0 if rise == fall else 1 if rise else -1


def _judge(change, level, previous, text: str) -> list:
    new, old = (percent_bounds(level), percent_bounds(previous)) if level.kind == "percent" else \
        (bounds(level), bounds(previous))
    if INF in (abs(new[0]), new[1], abs(old[0]), old[1]):
        return []
    sign = _direction(change, level, previous, text)
    stated = percent_bounds(change) if change.kind == "percent" else bounds(change)
    unit = change.unit or ""
    if change.kind == "percent" and "point" in unit:
        actual, shown = (new[0] - old[1], new[1] - old[0]), "percentage points"
    elif change.kind == "percent":
        if old[0] <= 0:
            return []
        ratios = [100 * (y - x) / x for x in old for y in new]
        actual, shown = (min(ratios), max(ratios)), "%"
    elif change.kind == "multiplier":
        if old[0] <= 0:
            return []
        actual, shown = (new[0] / old[1], new[1] / old[0]), "times"
        stated, sign = (change.value * 0.9, change.value * 1.1), 1  # "doubled": a factor, within 10%
    elif change.kind == level.kind and (change.kind != "money" or change.unit == level.unit):
        actual, shown = (new[0] - old[1], new[1] - old[0]), ""
    else:
        return []
    options = [stated] if sign > 0 else [(-stated[1], -stated[0])] if sign < 0 else \
        [stated, (-stated[1], -stated[0])]
    if not all(disjoint(actual, option) for option in options):
        return []
    what = _shown(actual, shown, level)
    return [finding("change-mismatch", "error",
                    f"from {show(previous)} to {show(level)} is {'a factor' if shown == 'times' else 'a change'} of "
                    f"{what} (allowing for rounding), "
                    f"not {change.text}", [change, level, previous])]


def _shown(actual: tuple[float, float], unit: str, level) -> str:
    """ "+75.9% to +77.8%", "-0.8 to -0.6 percentage points", "2.49 times", "+£400,000 to +£600,000" """
    if unit == "%":
        ends = [f"{x:+.1f}%" for x in actual]
    elif unit == "times":
        ends = [f"{x:.2f}" for x in actual]
        unit = ""
    elif unit:
        ends = [f"{x:+.1f}" for x in actual]
    elif level.kind == "money":
        ends = [("-" if x < 0 else "+") + money(abs(x), level.unit) for x in actual]
    else:
        ends = [f"{x:+,.0f}" for x in actual]
    shown = ends[0] if ends[0] == ends[1] else f"{ends[0]} to {ends[1]}"
    return shown if unit in ("", "%") else f"{shown} {unit}"
