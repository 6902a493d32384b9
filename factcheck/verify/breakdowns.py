"""Breakdowns in sentences (`sum-mismatch`, `part-exceeds-total`): "Of these, 651 were admitted,
391 ... and the remaining 234"; "Of the 1,200 staff who responded, 372"; "about 3,400 hectares,
including 4,100"; "1,486 pupils ... 1,512 of them"; "The £48.6m programme sets aside £21.4m for
housing, £15.8m ... and £12.4m"; one day of an event against the whole of it."""

from __future__ import annotations

import re

from .common import by_sentence, finding, is_point, show, unit_head
from .parts import compared as _compared, judge, part_bounds as _breakdown_bounds, plausible as _plausible
from .parts import same_kind as _same_kind, same_thing as _same_thing

_OF_THESE = re.compile(r"^\s*(?:Of|Among) (?:these|them|those|whom|which|the (?:total|rest))\b[^,]*,", re.I)
_OF_THE_N = re.compile(r"^\s*(?:Of|Among) (?:the|its|their) $", re.I)
_N_OF_THEM = re.compile(r"^\s+of (?:them|those|these|whom|which)\b", re.I)
_INCLUDING = re.compile(r"\b(including|includes|included|among them|of which|of whom)\s+(?:\w+\s+){0,2}$", re.I)
_EXHAUSTIVE = re.compile(
    r"\b(?:the remaining|the rest|the other|remainder|split (?:between|into|across)|made up of|"
    r"comprising|consisting of|broken down|divided (?:between|into)|of which|of whom|while)\b", re.I
)


def check(claims, text: str) -> list:
    return _breakdowns([c for c in claims if c.kind in ("count", "money", "quantity")], text)


def _breakdowns(claims, text: str) -> list:
    out = []
    sentences = by_sentence(claims)
    keys = list(sentences)
    for index, key in enumerate(keys):
        group = [c for c in sentences[key] if not _compared(text, c)]
        sentence = text[key : group[0].sentence_end if group and group[0].sentence_end else key]
        # "Of these, 651 were admitted, 391 ... and the remaining 234 ..."
        if _OF_THESE.match(sentence) and index > 0 and group:
            previous = [c for c in sentences[keys[index - 1]] if not _compared(text, c)]
            totals = [c for c in previous if _same_kind(c, group[0])]
            if totals:
                out += judge(totals[-1], group, bool(_EXHAUSTIVE.search(sentence)) or len(group) > 2,
                              "the sentence starts \u201cOf these\u201d")
            continue
        # "Of the 1,200 staff who responded, 372 ..."
        if group and _OF_THE_N.match(text[key : group[0].start]) and len(group) > 1:
            out += judge(group[0], group[1:], bool(_EXHAUSTIVE.search(sentence)), "\u201cOf the\u201d")
            continue
        # "about 3,400 hectares, including 4,100 hectares of national park"
        for i, claim in enumerate(group):
            cue = _INCLUDING.search(text[max(0, claim.start - 25) : claim.start])
            if cue:
                earlier = [c for c in group[:i] if _same_kind(c, claim) and _same_thing(c, claim)]
                if earlier:
                    out += judge(earlier[-1], [claim], False, f"\u201c{cue.group(1)}\u201d")
        # "1,486 pupils sat exams ... 1,512 of them passed"
        for i, claim in enumerate(group):
            if _N_OF_THEM.match(text[claim.end : claim.end + 20]):
                earlier = [c for c in group[:i] if _same_kind(c, claim)]
                if not earlier and index > 0:
                    earlier = [c for c in sentences[keys[index - 1]] if _same_kind(c, claim) and not _compared(text, c)]
                if earlier:
                    out += judge(earlier[-1], [claim], False, "\u201cof them\u201d")
        # one sentence: "The £48.6m programme ... sets aside £21.4m for housing, £15.8m ... and £12.4m ..."
        same = [c for c in group if c.kind == group[0].kind] if group else []
        if len(same) >= 3 and is_point(same[0]) and all(c.value < same[0].value for c in same[1:]):
            parts = same[1:]
            joined = re.search(r"\band\s+(?:\S+\s+){0,3}$", text[parts[-2].end : parts[-1].start]) or \
                re.search(r"\band\b", text[parts[-2].end : parts[-1].start])
            if joined and _plausible(same[0], parts) and all(is_point(p) for p in parts):
                out += judge(same[0], parts, bool(_EXHAUSTIVE.search(sentence)), "one sentence")
    out += _period_parts(claims, text)
    return out


_WHOLE_PERIOD = re.compile(
    r"\b(?:across|over|during|throughout|for)\s+(?:the\s+)?(?:whole\s+|entire\s+|bank holiday\s+|"
    r"[\w-]+-day\s+)?(?:weekend|week|fortnight|month|year|season|festival|event|tournament|campaign)\b|"
    r"\bin total\b|\baltogether\b", re.I)
_ONE_DAY = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|busiest day|a single day|"
    r"one day|the first day|the last day|the final day|on its own)\b", re.I)


def _period_parts(claims, text: str) -> list:
    """ "Around 18,500 people attended across the weekend ... Saturday was the busiest day, with
    21,300": one day cannot exceed the whole period (next sentence at most)."""
    out = []
    sentences = by_sentence(claims)
    keys = list(sentences)
    for index, key in enumerate(keys):
        for total in sentences[key]:
            if total.kind != "count" or not total.unit or not is_point(total):
                continue
            end = total.sentence_end or total.end
            if not _WHOLE_PERIOD.search(text[key:end]):
                continue
            nearby = sentences[key] + (sentences[keys[index + 1]] if index + 1 < len(keys) else [])
            for part in nearby:
                if part is total or part.kind != "count" or not part.unit or part.start < total.end:
                    continue
                if unit_head(part.unit) != unit_head(total.unit):
                    continue
                part_sentence = text[part.sentence_start or part.start : part.sentence_end or part.end]
                if _ONE_DAY.search(part_sentence) and not _WHOLE_PERIOD.search(part_sentence) \
                        and _breakdown_bounds(part)[0] > _breakdown_bounds(total)[1]:
                    out.append(finding("part-exceeds-total", "warning",
                                       f"{show(part)} for one day is more than {show(total)} for the "
                                       f"whole period", [total, part]))
    return out
