"""`percent-mismatch`: a percentage that does not match the counts it restates ("372, or 13%"
of "the 1,200 staff"), or shares of one whole that pass 100% ("48% supported, 39% opposed and 16%
did not know")."""

from __future__ import annotations

import re

from .common import INF, bounds, by_sentence, disjoint, finding, is_point, percent_bounds, show_interval

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
