"""`part-exceeds-total` across time: "Around 18,500 people attended across the weekend ...
Saturday was the busiest day, with 21,300": one day cannot exceed the whole period (in the
figure's sentence or the next)."""

from __future__ import annotations

import re

from .common import by_sentence, finding, is_point, show, unit_head
from .parts import part_bounds

_WHOLE_PERIOD = re.compile(
    r"\b(?:across|over|during|throughout|for)\s+(?:the\s+)?(?:whole\s+|entire\s+|bank holiday\s+|"
    r"[\w-]+-day\s+)?(?:weekend|week|fortnight|month|year|season|festival|event|tournament|campaign)\b|"
    r"\bin total\b|\baltogether\b", re.I)
_ONE_DAY = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|busiest day|a single day|"
    r"one day|the first day|the last day|the final day|on its own)\b", re.I)


def check(claims, text: str) -> list:
    out = []
    sentences = by_sentence([c for c in claims if c.kind == "count" and c.unit])
    keys = list(sentences)
    for index, key in enumerate(keys):
        for total in sentences[key]:
            if not is_point(total) or not _WHOLE_PERIOD.search(text[key : total.sentence_end or total.end]):
                continue
            nearby = sentences[key] + (sentences[keys[index + 1]] if index + 1 < len(keys) else [])
            for part in nearby:
                if part is total or part.start < total.end or unit_head(part.unit) != unit_head(total.unit):
                    continue
                lo = part.sentence_start if part.sentence_start is not None else part.start
                part_sentence = text[lo : part.sentence_end or part.end]
                if _ONE_DAY.search(part_sentence) and not _WHOLE_PERIOD.search(part_sentence) \
                        and part_bounds(part)[0] > part_bounds(total)[1]:
                    out.append(finding("part-exceeds-total", "warning",
                                       f"{show(part)} for one day is more than {show(total)} for the "
                                       f"whole period", [total, part]))
    return out
