"""`part-exceeds-total` for a group followed on in one sentence: "Seven Singaporean patients remained
in a coma ..., and four subsequently died"; "6,610 people with symptoms of swine flu were admitted
to hospitals on Monday, but only 29 had remained hospitalised". The later figure has no noun of its
own (its frame takes the earlier figure's measure) and the wording tells what then became of the
group ("subsequently", "later", "eventually", "still", "only ... remained"), so it counts some of
them and cannot pass them. Not a figure marked as added ("and five more later"), nor one with its
own noun ("12 people were killed and 30 injured" stays two groups: no follow-on word). Likewise a
figure after "with" that takes the noun of the figure before it ("the 4 million who have been made
homeless, hungry, and cold with 1 million in acute need"; not "raised the toll to 152, with at least
1,614 suspected cases", whose figure has its own noun). A warning: the subset is read from the
wording, not stated with "of them"."""

from __future__ import annotations

import re

from .common import by_sentence, finding, is_point, show
from .parts import compared, part_bounds, same_kind
from .running import _marked

_FOLLOW_ON = re.compile(
    r"^\s+(?:(?:have|had|has|were|was|are|is)\s+)?(?:subsequently|later|eventually|since|then|still)\b|"
    r"^\s+(?:(?:have|had|has)\s+)?(?:remained|remain|remains)\b", re.I)
_ONLY_BEFORE = re.compile(r"\bonly\s+$", re.I)
_MORE_AFTER = re.compile(r"^\s+(?:more|others?|further|additional|new)\b", re.I)


_WITH_BEFORE = re.compile(r"\bwith\s+$", re.I)
_DEAD = re.compile(r"\b(?:died|dead|killed|deaths?|fatalit\w*|perished|lost their lives)\b", re.I)
_NO_NOUN_AFTER = re.compile(r"^\s+(?:in|at|on|under|still|already|now|of them|of those)\b", re.I)


def check(claims, text: str) -> list:
    out = _with_some(claims, text)
    for _, group in by_sentence([c for c in claims if c.kind == "count"]).items():
        for i, later in enumerate(group):
            after = text[later.end : later.end + 40]
            follow = _FOLLOW_ON.match(after)
            if follow is None or _MORE_AFTER.match(after) or compared(text, later) or _marked(later, text):
                continue
            if follow.group(0).strip().lower().startswith("remain") and not _ONLY_BEFORE.search(
                    text[max(0, later.start - 10) : later.start]):
                continue  # "10 recovered, while 12 remain in hospital" is two groups; "only 29 remained" is not
            whole = _group(group[:i], later, text)
            if whole is not None and part_bounds(later)[0] > part_bounds(whole)[1]:
                out.append(finding(
                    "part-exceeds-total", "warning",
                    f"{show(later)} ({follow.group(0).strip()}) follows on {show(whole)} {whole.frame.measure} "
                    f"and cannot be more of them", [whole, later]))
    return out


def _with_some(claims, text: str) -> list:
    """ "4 million ... with 1 million in acute need": a figure after "with" and without a noun of its
    own is some of the figure of its kind before it in the sentence."""
    out = []
    for _, group in by_sentence([c for c in claims if c.kind in ("count", "money")]).items():
        for i, part in enumerate(group):
            if not _WITH_BEFORE.search(text[max(0, part.start - 8) : part.start]) \
                    or not _NO_NOUN_AFTER.match(text[part.end : part.end + 15]) or compared(text, part):
                continue
            earlier = [c for c in group[:i] if same_kind(c, part) and is_point(c) and not compared(text, c)]
            if earlier and _DEAD.search(text[earlier[-1].end : part.start]):
                continue  # "Twelve people died, with 30 in hospital": the dead and the injured are two groups
            if earlier and part_bounds(part)[0] > part_bounds(earlier[-1])[1]:
                whole = earlier[-1]
                out.append(finding("part-exceeds-total", "warning",
                                   f"{show(part)} after \u201cwith\u201d is some of {show(whole)} and cannot be "
                                   f"more than it", [whole, part]))
    return out


def _group(earlier, later, text: str):
    """The figure whose noun the later one takes: the nearest before it with the same measure in its
    frame, written with that noun of its own, a point figure."""
    if later.frame is None or not later.frame.measure:
        return None
    measure = later.frame.measure
    if measure.lower() in text[later.end : later.end + 30].lower():
        return None  # the later figure names its noun itself
    for claim in reversed(earlier):
        if not same_kind(claim, later) or claim.frame is None or claim.frame.measure != measure or not is_point(claim):
            continue
        return claim if measure.lower() in text[claim.end : claim.end + 40].lower() else None
    return None
