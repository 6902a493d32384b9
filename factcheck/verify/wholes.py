"""A figure the wording makes part of another (`part-exceeds-total`, and `sum-mismatch` when
several are): "5 out of 11", "46 of the 50 states", "103 deaths from a total of 217 patients",
"395 people, including 160 deaths", "25 patients ..., of which eight have died", "109 cases ... resulting in 55 deaths", "400 schools,
300 of them in Texas and a further 62 in Alabama". Not "with": "raised the toll to 152, with at
least 1,614 suspected cases" adds a figure as often as it breaks one down. A part may fall short of its whole; it may not pass it, nor may the parts together. The
part's measure may differ from the whole's ("208 people died out of 8,454 suspected cases"); the
wording makes the relation, so it must sit in one sentence (or open the next: "Three of the
infected ...", a warning)."""

from __future__ import annotations

import re

from ..structure import Structure
from .common import PEOPLE, PEOPLE_GROUPS, by_sentence, compound_modifier, head, preceding, unit_head
from .parts import compared, judge, same_kind, same_thing

_OUT_OF = re.compile(r"^[^.;:!?\d]{0,80}?\b(?:out of|from a total of|of a total of)\s+(?:the\s+|a\s+|an\s+)?$", re.I)
_OF_THE = re.compile(r"^\s+(?:[a-z-]+\s+)?of\s+(?:the|all|all the|its|their)\s+$", re.I)
# up to two words between the cue and the part, no figure among them ("including 18 of 24": 18 is the part)
_INCLUDING = re.compile(r"\b(including|includes|included|among them|of which|of whom)\s+(?:[^\W\d]+\s+){0,2}$", re.I)
_OF_THEM = re.compile(r"^\s+of (?:them|those|these|whom|which)\b", re.I)
_FURTHER = re.compile(r"^[^.;:\d]{0,40}?\b(?:a further|another|and)\s+(?:\w+\s+)?$", re.I)
_LISTED = re.compile(r"^[^.;:\d]{0,40}?(?:,|\band\b)\s*(?:\w+\s+){0,2}$", re.I)
_FURTHER_OR_LISTED = re.compile(f"(?:{_FURTHER.pattern})|(?:{_LISTED.pattern})", re.I)
_REST = re.compile(r"\b(?:the rest|the remaining|the remainder|the others?|all the others)\b", re.I)
_LEADING_OF_THE = re.compile(r"^\s+of\s+(?:the|those|these)\s+([a-z]+)", re.I)
_PEOPLE_GROUPS, _PEOPLE = PEOPLE_GROUPS, PEOPLE
_PART_OF_ANOTHER = re.compile(r"^\s+of\s+(?:whom|which|them|those|these)\b", re.I)  # not "eleven of the residents"


def check(claims, text: str) -> list:
    out = []
    sentences = by_sentence([c for c in claims if c.kind in ("count", "money", "quantity")])
    keys = list(sentences)
    for index, key in enumerate(keys):
        group = [c for c in sentences[key] if not compared(text, c)]
        previous = [c for c in sentences[keys[index - 1]] if not compared(text, c)] if index else []
        out += _out_of(sentences[key], text)  # "compared with 3,172 deaths out of 78,882 cases" holds too
        out += _including(group, text)
        out += _of_them(group, previous, text)
        out += _resulting(sentences[key], text)  # "resulted from 117 cases" is not a comparison
        out += _opening_of_the(group, previous, text, key)
    out += _amount_of_the(claims, text)
    out += _of_those_in_the_story(sentences, text)
    return out


_OF_THOSE = re.compile(r"^\s+of (?:those|them|these)\s+(?:who\s+(?:were|have been|had been)\s+)?[a-z]+ed\b", re.I)


def _of_those_in_the_story(sentences: dict, text: str) -> list:
    """ "Six students in Ilocos Sur tested positive ... In the current case, five of those affected
    have recovered": "N of those <affected / infected / tested>" with no figure of its kind in its
    sentence or the one before points back to the people the story is about, the count of people
    in its first sentence of body copy. Only an excess is judged (a warning: the whole is inferred)."""
    structure = Structure(text)
    if structure.lede is None:
        return []
    first_end = text.find(". ", *structure.lede)
    first_end = structure.lede[1] if first_end < 0 else first_end
    keys = list(sentences)
    out = []
    for index, key in enumerate(keys):
        for i, part in enumerate(sentences[key]):
            if part.kind != "count" or key < first_end or not _OF_THOSE.match(text[part.end : part.end + 40]):
                continue
            previous = sentences[keys[index - 1]] if index else []
            adjacent = previous and (previous[-1].sentence_end or previous[-1].end) >= key - 2
            before = sentences[key][:i] + (previous if adjacent else [])
            if any(same_kind(c, part) for c in before):
                continue  # "of them" read against its own sentence or the one before (_of_them)
            story = [c for k in keys for c in sentences[k]
                     if c.kind == "count" and head(c) in _PEOPLE and structure.lede[0] <= c.start < first_end]
            if story:
                out += judge(story[0], [part], False,
                             f"\u201c{part.text} of those\u201d, the people the story's first sentence counts",
                             severity="warning")
    return out


_AMOUNT_OF_THE = re.compile(
    r"\b(?:amount|part|portion|share|bulk|most|majority|slice|chunk|tranche)\s+of\s+(?:the|this|that|its|their)\s+"
    r"([a-z]+)\b(?:\s+[a-z]+){0,2}\s*(?:[-\u2013\u2014,:(]|\b(?:is|was|were|are|of)\b)\s*$", re.I)


def _amount_of_the(claims, text: str) -> list:
    """ "The UN launched an appeal for US$42 million ... The largest amount of the appeal - ten million
    dollars - is for food aid": a part of a whole the story has already counted, named by the noun
    the whole's frame counts (the latest earlier figure of that measure and kind). A warning: the
    whole is found by its measure, not by the wording."""
    out = []
    numbers = [c for c in claims if c.kind in ("count", "money", "quantity")]
    for i, part in enumerate(numbers):
        lo = part.sentence_start if part.sentence_start is not None else max(0, part.start - 80)
        match = _AMOUNT_OF_THE.search(text[max(lo, part.start - 80) : part.start])
        if match is None:
            continue
        noun = unit_head(match.group(1))
        wholes = [c for c in numbers[:i] if same_kind(c, part) and head(c) == noun and c.end <= lo]
        if wholes:
            out += judge(wholes[-1], [part], False, f"\u201c{match.group(0).strip()} {part.text}\u201d",
                         severity="warning")
    return out


def part_of_gap(gap: str) -> bool:
    """Whether the words between two figures make the first part of the second ("out of", "of
    the", "from a total of")."""
    return bool(_OUT_OF.match(gap) or _OF_THE.match(gap))


def exhaustive_groups(parts) -> bool:
    """ "121 men, 81 women and 31 children": parts by sex or age are the whole."""
    return len({head(p) for p in parts} & _PEOPLE_GROUPS) >= 2


def _out_of(group, text: str) -> list:
    """ "5 out of 11", "46 of the 50 states", "103 reported deaths from a total of 217 patients" """
    out = []
    for i, part in enumerate(group):
        whole = next((c for c in group[i + 1 :] if same_kind(c, part)), None)
        if whole is None:
            continue
        gap = text[part.end : whole.start]
        if part_of_gap(gap):
            cue = "out of" if "out of" in gap.lower() else "of the" if _OF_THE.match(gap) else "a total of"
            out += judge(whole, [part], False, f"\u201c{part.text}{gap}{whole.text}\u201d" if len(gap) < 30
                         else f"\u201c{cue}\u201d")
    return out


def _including(group, text: str) -> list:
    """ "about 3,400 hectares, including 4,100 hectares of national park"; "a total of 243
    victims, including 121 men, 81 women and 31 children"; "25 patients ..., of which eight" """
    out = []
    for i, claim in enumerate(group):
        cue = _INCLUDING.search(text[max(0, claim.start - 25) : claim.start])
        if not cue:
            continue
        earlier = [c for c in group[:i] if same_kind(c, claim) and (same_thing(c, claim) or _of_people(c, claim))]
        if not earlier:
            continue
        verb_at = max(0, claim.start - 25) + cue.start(1)
        if _other_periods(earlier[-1], claim) or cue.group(1).lower() in ("includes", "included") \
                and "," in text[earlier[-1].end : verb_at]:
            continue  # "started three years ago with eight members, today includes more than 75": dated
            # apart, and the verb's subject is the club, not the figure set off before it
        parts = _run(group, i, text, _LISTED, whole=earlier[-1])
        exhaustive = cue.group(1).lower() in ("of which", "of whom") and (
            any(_REST.search(preceding(text, p, 25)) for p in parts[1:]) or exhaustive_groups(parts))
        out += judge(earlier[-1], parts, exhaustive, f"\u201c{cue.group(1)}\u201d")
    return out


def _of_people(whole, part) -> bool:
    """ "243 victims, including 121 men", "81 H5N1 cases including 63 deaths": people counted one way
    among people counted another."""
    return head(part) in _PEOPLE and head(whole) in _PEOPLE


def _run(group, i: int, text: str, joined, whole=None) -> list:
    """The figure at `i` and the figures of its kind listed right after it, up to one whose frame
    counts something else than the `whole` ("four children, including two boys and two girls, and
    now have five grandchildren": the grandchildren are not among the children)."""
    parts = [group[i]]
    for c in group[i + 1 :]:
        if not same_kind(c, parts[-1]):
            continue
        if not joined.match(text[parts[-1].end : c.start]) or whole is not None and _counts_other(whole, c):
            break
        parts.append(c)
    return parts


def _counts_other(whole, part) -> bool:
    """Both frames name what they count, and the part's is neither the whole's nor, among people,
    a kind of person."""
    hw, hp = head(whole), head(part)
    return bool(hw and hp and hw != hp and not _of_people(whole, part))


_RESULTING_IN = re.compile(r"^[^.;:\d]{0,60}?\bresult(?:ing|ed)? in\s+$", re.I)
_RESULTED_FROM = re.compile(r"^[^.;:\d]{0,60}?\b(?:result(?:ing|ed)?|came|arose|arising) from\s+$", re.I)


def _resulting(group, text: str) -> list:
    """ "109 cases of human infection have been confirmed resulting in 55 deaths"; "The five deaths
    resulted from 117 cases": people counted by an outcome among people counted by the cause (not
    "two crashes resulting in 15 deaths")."""
    out = []
    for a, b in zip(group, group[1:]):
        if not same_kind(a, b) or not _of_people(a, b) and not _of_people(b, a):
            continue
        gap = text[a.end : b.start]
        if _RESULTING_IN.match(gap):
            out += judge(a, [b], False, "\u201cresulting in\u201d")
        elif _RESULTED_FROM.match(gap):
            out += judge(b, [a], False, "\u201cresulted from\u201d")
    return out


def _of_them(group, previous, text: str) -> list:
    """ "1,486 pupils sat exams ... 1,512 of them passed"; "about 400 schools have been shut, 300 of
    them in Texas and a further 62 in Alabama"; "22 countries. In 13 of them ..., in nine ... and in
    three ..." (the parts may fall short: only an excess is wrong)"""
    out = []
    for i, claim in enumerate(group):
        if not _OF_THEM.match(text[claim.end : claim.end + 20]):
            continue
        # "them" is plural: a whole of one ("right about one thing") is not what it points back to
        earlier = [c for c in group[:i] if same_kind(c, claim) and _plural(c)]
        severity = "error"
        if not earlier:  # the whole inferred from the sentence before: a warning
            earlier, severity = [c for c in previous if same_kind(c, claim) and _plural(c)], "warning"
        if earlier:
            out += judge(earlier[-1], _run(group, i, text, _FURTHER_OR_LISTED), False, "\u201cof them\u201d",
                         severity=severity)
    return out


def _other_periods(whole, part) -> bool:
    """Frames that date a whole and its part differently: then the one is no part of the other."""
    pw = whole.frame.period if whole.frame is not None else None
    pp = part.frame.period if part.frame is not None else None
    return bool(pw and pp and pw != pp)


def _plural(claim) -> bool:
    return claim.high is None or claim.high >= 2


def _opening_of_the(group, previous, text: str, key: int) -> list:
    """ "eleven ... residents ... are showing symptoms. Three of the infected persons had been
    confirmed": a sentence opening with "N of the X" takes the whole from the sentence before,
    the figure that counts X or its only figure of the kind (a warning: the whole is inferred)."""
    if not group or not previous or re.search(r"[A-Za-z]{3,}", text[key : group[0].start]) and \
            not re.fullmatch(r"\s*(?:at least|at most|only|just|some|about|around|nearly|almost)\s*",
                             text[key : group[0].start], re.I):
        return []
    part = group[0]
    match = _LEADING_OF_THE.match(text[part.end : part.end + 40])
    if match is None or re.match(r"^\s+of\s+(?:the|those|these)\s+\d", text[part.end : part.end + 20]):
        return []
    noun = unit_head(match.group(1))
    # not a figure that is itself a part ("officers, two of whom were in uniform")
    wholes = [c for c in previous if same_kind(c, part) and not compound_modifier(c, text)
              and not _PART_OF_ANOTHER.match(text[c.end : c.end + 20])]
    named = [c for c in wholes if unit_head(c.unit) == noun]
    whole = named[-1] if named else wholes[0] if len(wholes) == 1 else None
    if whole is None:
        return []
    return judge(whole, [part], False, f"\u201c{part.text} of the {match.group(1)}\u201d", severity="warning")
