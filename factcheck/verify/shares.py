"""`percent-mismatch`: a percentage that does not match the counts it restates ("372, or 13%"
of "the 1,200 staff"; "103 reported deaths from a total of 217 patients, for a mortality rate of
nearly 50 percent"; "only 46 ... were admitted on Thursday, less than a fourth of the 212 patients"),
"3,500 new homes, 35% of which would be affordable, about 1,225 homes"; "of which 1,225, or 35%"),
or shares of one whole that pass 100% ("48% supported, 39% opposed and 16% did not know")."""

from __future__ import annotations

import re

from .common import INF, bounds, by_sentence, disjoint, finding, heads_agree, is_point, percent_bounds, show, show_interval
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
        shares = [p for p in percents if is_point(p)]
        if len(shares) >= 3 and not _CHANGE_VERB.search(sentence_text) and not re.search(r"\bfrom\b", sentence_text):
            low = sum(bounds(p)[0] - _half_point(p) for p in shares)
            if low > 100:
                out.append(finding(
                    "percent-mismatch", "error",
                    f"shares {' + '.join(p.text for p in shares)} add up to more than 100% "
                    f"(at least {low:g}% allowing for rounding)", shares))
    return out


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
