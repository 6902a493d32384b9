"""`change-mismatch` for running totals: "138 newly confirmed cases has brought the total to 871",
"eleven people had been reported dead, taking the country's death toll up to 212", "increased the
number of incidents to 51, with seventeen new cases". What a day adds cannot be more than the total
it brings the count to. A sentence that also takes something away ("cut", "fell") is left alone:
"cut 500 jobs, bringing the workforce to 300" is true. Across two sentences: a total reached ("bringing
the total number of infected people in the country to 5,648") and, in the next sentence, the rise
that led to it ("This week, the number of affected people has increased by 1104"), at one place:
the rise cannot pass the total (a warning: the two are tied by frames, not one clause)."""

from __future__ import annotations

import re

from .common import by_sentence, finding, head, place_key, show
from .parts import compared, part_bounds, same_kind

_TO_TOTAL = re.compile(
    r"\b(?:bring|brings|brought|bringing|take|takes|took|taking|push|pushes|pushed|pushing|raise|raises|"
    r"raised|raising|increase|increases|increased|increasing|lift|lifts|lifted|lifting)\b"
    r"[^.;:\d]{0,80}?\bto\s+$", re.I)
_TALLY = re.compile(r"\b(?:total|toll|tally|count|number)\b", re.I)
_ADDED_AFTER = re.compile(r"^\s+(?:new|newly|more|additional|further|extra)\b", re.I)
_ADDED_BEFORE = re.compile(r"\b(?:another|a further|an additional|an extra)\s+$", re.I)
_TAKEN_AWAY = re.compile(r"\b(?:cut|cuts|fell|fall|falls|fallen|lost|lose|loses|down|reduc\w*|drop\w*|declin\w*|"
                         r"clos\w*|shed|removed|recovered|discharged|released|left)\b", re.I)


def check(claims, text: str) -> list:
    out = []
    sentences = by_sentence([c for c in claims if c.kind in ("count", "money")])
    out += _across(sentences, text)
    for key, group in sentences.items():
        sentence = text[key : group[-1].sentence_end or group[-1].end]
        if _TAKEN_AWAY.search(sentence):
            continue
        for total in group:
            lead_in = _TO_TOTAL.search(text[max(key, total.start - 120) : total.start])
            if lead_in is None:
                continue
            added = _added(group, total, text)
            if added is None or part_bounds(added)[0] <= part_bounds(total)[1]:
                continue
            tally = bool(_TALLY.search(lead_in.group(0)))
            out.append(finding(
                "change-mismatch", "error" if tally or _marked(added, text) else "warning",
                f"{show(added)} added cannot bring the total to {show(total)}: the total is smaller than "
                f"what was added to it", [added, total]))
    return out


_INCREASED_BY = re.compile(r"\b(?:increased|rose|risen|grown|grew|climbed|jumped|gone up|went up)\s+by\s+$", re.I)


def _across(sentences: dict, text: str) -> list:
    """A total reached in one sentence against the rise the next sentence gives, at one place."""
    out, keys = [], list(sentences)
    for index, key in enumerate(keys[:-1]):
        totals = [c for c in sentences[key]
                  if _TO_TOTAL.search(text[max(key, c.start - 120) : c.start]) and place_key(c)]
        if not totals or _TAKEN_AWAY.search(text[key : sentences[key][-1].sentence_end or sentences[key][-1].end]):
            continue
        total = totals[-1]
        for rise in sentences[keys[index + 1]]:
            if not same_kind(rise, total) or place_key(rise) != place_key(total) \
                    or not _INCREASED_BY.search(text[max(0, rise.start - 25) : rise.start]):
                continue
            if part_bounds(rise)[0] > part_bounds(total)[1]:
                out.append(finding(
                    "change-mismatch", "warning",
                    f"a rise of {show(rise)} cannot have brought the count to {show(total)}: the total is "
                    f"smaller than the rise", [total, rise]))
    return out


def _added(group, total, text: str):
    """What the sentence adds: the figure of its kind before the total ("138 newly confirmed
    cases has brought the total to 871"), or one marked new after it ("to 51, with seventeen new
    cases")."""
    def fits(c) -> bool:
        return c is not total and same_kind(c, total) and not compared(text, c) and not (
            head(c) and head(total) and head(c) != head(total))

    before = [c for c in group if c.end <= total.start and fits(c)]
    if before:
        return before[-1]
    after = [c for c in group if c.start >= total.end and fits(c) and _marked(c, text)]
    return after[0] if after else None


def _marked(claim, text: str) -> bool:
    """ "seventeen new cases", "a further 16": a figure the wording says was added."""
    return bool(_ADDED_AFTER.match(text[claim.end : claim.end + 15])
                or _ADDED_BEFORE.search(text[max(0, claim.start - 20) : claim.start]))
