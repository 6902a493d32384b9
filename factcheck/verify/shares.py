"""`percent-mismatch`: a percentage that does not match the counts it restates ("372, or 13%"
of "the 1,200 staff"; "103 reported deaths from a total of 217 patients, for a mortality rate of
nearly 50 percent"; "only 46 ... were admitted on Thursday, less than a fourth of the 212 patients"),
"3,500 new homes, 35% of which would be affordable, about 1,225 homes"; "of which 1,225, or 35%"),
or shares of one whole that pass 100% ("48% supported, 39% opposed and 16% did not know")."""

from __future__ import annotations

import re

from .common import (
    INF, bounds, by_sentence, disjoint, finding, head, heads_agree, is_point, percent_bounds, show, show_interval,
    stated_place,
)
from .wholes import part_of_gap

_CHANGE_VERB = re.compile(r"\b(?:rose|risen|rises|rising|increased|grew|grown|climbed|jumped|fell|fallen|"
                          r"falls|dropped|declined|decreased|went|gone|up|down|doubled|tripled|trebled|"
                          r"quadrupled|halved|cut|reduced|raised)\b", re.I)


def check(claims, text: str) -> list:
    return _shares([c for c in claims if c.kind != "date"], text)


def _shares(claims, text: str) -> list:
    out = []
    sentences = by_sentence(claims)
    keys = list(sentences)
    for index, key in enumerate(keys):
        group = sentences[key]
        sentence_text = text[key : group[-1].sentence_end or group[-1].end]
        percents = [c for c in group if c.kind == "percent" and c.unit == "percent"]
        # "372, or 13%," / "212 patients (17%)"
        for p in percents:
            count = _count_before_share(group, p, text)
            if count is None:
                continue
            # the whole must be named as such: "Of the 1,200 staff ...", "372 of the 1,200"
            wholes = [c for c in group if c.kind == "count" and c.value > count.value
                      and re.search(r"\bof\s+(?:the\s+|its\s+|their\s+|all\s+)?$",
                                    text[max(0, c.start - 12) : c.start], re.I)]
            if not wholes:
                continue
            whole = wholes[-1] if wholes[-1].start < count.start else wholes[0]
            share = _share(count, whole)
            if disjoint(share, percent_bounds(p)):
                out.append(finding("percent-mismatch", "error",
                                   f"{count.text} of {whole.text} is {show_interval(share)}%, not {p.text}",
                                   [p, count, whole]))
        out += _rate_of_pair(group, percents, text)
        out += _share_of_which(group, percents, text)
        out += _share_of_whole(group, percents, text)
        # "48% supported, 39% opposed and 16% did not know": one whole cannot pass 100%
        if _CHANGE_VERB.search(sentence_text) or re.search(r"\bfrom\b", sentence_text):
            continue
        for clause in _clauses([p for p in percents if is_point(p)], text):
            shares = _parts_of_one_whole(clause, text)
            low = sum(bounds(p)[0] - _half_point(p) for p in shares)
            if len(shares) >= 3 and low > 100:
                out.append(finding(
                    "percent-mismatch", "error",
                    f"shares {' + '.join(p.text for p in shares)} add up to more than 100% "
                    f"(at least {low:g}% allowing for rounding)", shares))
    return out


# "Clinton leads 49 percent to 39 percent", "89%-6%": two figures of one contest
_PAIR_GAP = re.compile(r"^\s*[-\u2013]\s*$|^[^\d,;.()]{0,25}?\bto\b[^\d,;.()]{0,12}$", re.I)
# "while Sanders would beat him ...", "; ...", "though 32 percent said ...": another clause, another question
_CONTRAST = re.compile(r";|\b(?:while|whereas|though|although|but)\b", re.I)
# "including 16% who would be enthusiastic": a share of a share; "the top 10 percent": a group
_INCLUDED = re.compile(r"\b(?:including|includes|among them|of whom|of them)\s+(?:[a-z]+\s+){0,3}$", re.I)
_GROUP = re.compile(r"\b(?:top|bottom|richest|poorest|wealthiest|highest|lowest)\s+$", re.I)
# "nearly four in 10 likely voters \u2014 39 percent \u2014": the same share again
_RESTATED = re.compile(r"(?:\u2014|\u2013|--|\s-|\(|,\s*or)\s*$")


def _clauses(shares, text: str) -> list[list]:
    """The runs of a sentence's shares that may be parts of one whole: none when its shares come in
    pairs, each pair a contest of its own ("leading 66 percent to 27 percent among the young, while
    Clinton leads, 59 percent to 28 percent"); shares of shares, group names and a share restated in
    apposition left out; and the rest cut where a clause turns ("; ...", "while", "though")."""
    if any(p.value > 100 for p in shares):
        return []  # a price, a level or a growth rate beside them: "a fresh high of 104.52%"
    pairs = sum(p.qualifier == "range" for p in shares) + sum(
        bool(_PAIR_GAP.match(text[a.end : b.start])) for a, b in zip(shares, shares[1:]))
    if pairs >= 2:
        return []
    kept = []
    for p in shares:
        before = text[max(0, p.start - 40) : p.start]
        if _INCLUDED.search(before) or _GROUP.search(before):
            continue
        if kept and _RESTATED.search(text[kept[-1].end : p.start]) and not disjoint(bounds(kept[-1]), bounds(p)):
            continue
        kept.append(p)
    clauses = [[]]
    for p in kept:
        if clauses[-1] and _CONTRAST.search(text[clauses[-1][-1].end : p.start]):
            clauses.append([])
        clauses[-1].append(p)
    return clauses


_GENERIC_HEADS = {"percent", "percentage", "point", "per", "cent"}
_LABELLED = re.compile(r"[A-Za-z]\s*\(\s*$")


def _parts_of_one_whole(shares, text: str) -> list:
    """The percentages of a sentence that can be shares of one whole, or [] when the frames or the
    wording say they are not: a figure over 100% is a price, a level or a growth rate, not a share
    ("a fresh high of 104.52%"), so the sentence's percentages are not a breakdown; 100% is a whole
    of its own ("with 100 percent of precincts reporting"); shares whose sentence states different
    places ("two-thirds in Texas, 7 in 10 in Tennessee") or that count different things ("72 percent
    of Democrats ... 44 percent of Independents") are of different wholes; shares each set in
    brackets after its own label ("women (61 percent), nonwhite voters (67 percent)") may each be of
    the group the label names."""
    shares = [p for p in shares if p.value < 100]
    places = {stated_place(p) for p in shares} - {None}
    heads = {head(p) for p in shares} - {None} - _GENERIC_HEADS
    wholes = {_own_whole(p, text) for p in shares} - {None}
    if len(places) > 1 or len(heads) > 1 or len(wholes) > 1:
        return []
    if all(_LABELLED.search(text[max(0, p.start - 30) : p.start]) for p in shares):
        return []
    return shares


_OWN_WHOLE = re.compile(r"^\s+(?:(?:of|among)\s+(?:the\s+|all\s+)?([A-Za-z][\w-]*)|in\s+(?:the\s+)?([A-Z][\w-]*))")


def _own_whole(p, text: str) -> str | None:
    """The group or place a share names right after it, as the wording gives it when the frame has
    none (the statistical model off): "70 percent of Labour voters" -> "labour", "7 in 10 in Devon"."""
    match = _OWN_WHOLE.match(text[p.end : p.end + 40])
    return (match.group(1) or match.group(2)).lower() if match else None


_RATE_AFTER = re.compile(r"^[^.;:\d]{0,40}?(?:\b(?:rate|share|proportion|percentage)\b[^.;:\d]{0,12}|[,(\u2014\u2013]\s*or\s+|\s*\()$",
                         re.I)
_APPOSITION = re.compile(r"(?:,|\(|\u2014|\u2013|\s-)\s*(?:only\s+|just\s+|or\s+)?(?:an?\s+)?$")
_OF_WHOLE = re.compile(r"^\s+(?:share\s+|proportion\s+)?of\s+(?:the\s+|all\s+|its\s+|their\s+)?$", re.I)


def _judged(p, part, whole, severity: str, cue: str) -> list:
    share = _share(part, whole)
    if not disjoint(share, percent_bounds(p)):
        return []
    return [finding("percent-mismatch", severity,
                    f"{show(part)} of {show(whole)} is {show_interval(share)}%, not {p.text} ({cue})", [p, part, whole])]


def _rate_of_pair(group, percents, text: str) -> list:
    """ "103 reported deaths from a total of 217 patients, for a mortality rate of nearly 50 percent":
    a part and its whole in the wording, then the rate they make."""
    counts = [c for c in group if c.kind == "count"]
    out = []
    for part, whole in zip(counts, counts[1:]):
        if not part_of_gap(text[part.end : whole.start]):
            continue
        rate = next((p for p in percents if p.start >= whole.end), None)
        if rate is not None and _RATE_AFTER.match(text[whole.end : rate.start]):
            out += _judged(rate, part, whole, "error", "the rate of a part of its whole")
    return out


def _share_of_whole(group, percents, text: str) -> list:
    """ "only 46 persons ... were admitted on Thursday, less than a fourth of the 212 patients": a
    share set beside the clause with the sentence's one count, of a whole it names (a warning: the
    part is the count before it)."""
    out = []
    for p in percents:
        lo = p.sentence_start if p.sentence_start is not None else 0
        whole = next((c for c in group if c.kind == "count" and c.start >= p.end), None)
        if whole is None or not _OF_WHOLE.match(text[p.end : whole.start]) or not _APPOSITION.search(text[lo : p.start]):
            continue
        parts = [c for c in group if c.kind == "count" and c.end <= p.start]
        if len(parts) == 1:
            out += _judged(p, parts[0], whole, "warning", "the share stands beside the count")
    return out


_OF_WHICH = re.compile(r"^[^\S\n]+of[^\S\n]+(?:which|them|these|those|whom)\b", re.I)
_WHICH_BEFORE = re.compile(r",[^\S\n]*of[^\S\n]+(?:which|them|these|those|whom)[^\S\n]+$", re.I)
_BESIDE = re.compile(r"^[^\S\n]*(?:,|\(|\u2014|\u2013|[^\S\n]-)[^\S\n]*(?:or[^\S\n]+)?$")


def _share_of_which(group, percents, text: str) -> list:
    """A whole, then its share and the count the share comes to, each beside the other:
    "3,500 new homes, 35% of which would be affordable, about 1,225 homes"; "3,500 new homes,
    of which 1,225, or 35%, ...". The wording makes the relation explicit; the part must count what
    the whole counts (its frame's measure)."""
    out = []
    counts = [c for c in group if c.kind == "count"]
    for p in percents:
        before = [c for c in counts if c.end <= p.start]
        after = [c for c in counts if c.start >= p.end]
        if _OF_WHICH.match(text[p.end : p.end + 20]) and before:
            whole = _whole_before(before, p, text)
            part = next((c for c in after if _BESIDE.match(_clause_end(text, p.end, c))), None)
        elif after and _OF_WHOLE.match(text[p.end : after[0].start]):
            whole = after[0]  # "35% of the 3,500 new homes would be affordable, some 1,225 homes"
            part = next((c for c in after[1:] if _BESIDE.match(_clause_end(text, whole.end, c))), None)
        elif before and _BESIDE.match(text[before[-1].end : p.start]) and len(before) >= 2 \
                and _WHICH_BEFORE.search(text[before[-2].end : before[-1].start]):
            whole, part = before[-2], before[-1]  # "3,500 homes, of which 1,225, or 35%"
        else:
            continue
        if whole is None or part is None or part is whole or not heads_agree(part, whole):
            continue
        out += _judged(p, part, whole, "error", "the share of the whole the sentence names, and its count")
    return out


def _whole_before(before, p, text: str):
    """The count "35% of which" refers to: the last one before it, set off by a comma ("3,500
    new homes, 35% of which")."""
    whole = before[-1]
    return whole if re.search(r",[^\S\n]*$", text[whole.end : p.start]) else None


def _clause_end(text: str, start: int, part) -> str:
    """The words between the end of the share's clause and the count after it: ", about 1,225"
    reads as ",": the clause "of which would be affordable" is skipped up to its last comma."""
    gap = text[start : part.start]
    comma = gap.rfind(",")
    return gap[comma:] if comma >= 0 else gap


def _half_point(p) -> float:
    return 0.5 if p.rounding >= 1 and p.low == p.high else 0


def _share(count, whole) -> tuple[float, float]:
    c, w = bounds(count), bounds(whole)
    if w[0] <= 0 or w[1] == INF:
        return (0, INF)
    return (100 * c[0] / w[1], 100 * c[1] / w[0])


def _count_before_share(group, p, text):
    """The count a percentage restates: "372, or 13%", "212 patients (17%)"."""
    earlier = [c for c in group if c.kind == "count" and c.end <= p.start]
    if not earlier:
        return None
    count = earlier[-1]
    between = text[count.end : p.start]
    if re.fullmatch(r"(?:\s+\w+){0,2}\s*[,—–-]?\s*or\s+|(?:\s+\w+){0,2}\s+\(", between):
        return count
    return None
