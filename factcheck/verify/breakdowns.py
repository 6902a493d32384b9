"""Breakdowns in sentences (`sum-mismatch`, `part-exceeds-total`): a total and the parts that
make it, where the wording says so:
- a sentence opening "Of these", "Among them", "Among the dead" breaks down the figure of the
  sentence before ("Six people have died ... Among the dead were four men and two women");
- "Of the 1,200 staff who responded, 372 ...";
- one sentence with its total first: "The £48.6m programme sets aside £21.4m for housing, £15.8m
  for roads and £12.4m for schools"; "The 8 cases confirmed on Wednesday were all men, 7 from
  Suva and 1 from Nadi";
- one sentence with its total last, said to be one: "2,300 jobs in Leeds and 3,200 in York, 5,500
  in total".
Parts may fall short of their total unless the wording makes them the whole of it ("the
remaining", "made up of", "of whom ... the rest", "A men, B women and C children")."""

from __future__ import annotations

import re

from .common import by_sentence, head, is_point
from .parts import compared, judge, plausible, same_kind
from .wholes import exhaustive_groups, part_of_gap

_OF_THESE = re.compile(r"^\s*(?:Of|Among) (?:these|them|those|whom|which|the (?:total|rest)|"
                       r"the (?:[a-z]+ ){0,2}(?:dead|victims|injured|casualties|patients|cases|deaths))\b"
                       r"(?:[^,]*,|\s+(?:were|was|are|is)\b)", re.I)
_OF_THE_N = re.compile(r"^\s*(?:Of|Among) (?:the|its|their) $", re.I)
_EXHAUSTIVE = re.compile(
    r"\b(?:the remaining|the rest|the other|remainder|split (?:between|into|across)|made up of|"
    r"comprising|consisting of|broken down|divided (?:between|into)|of which|of whom|while)\b", re.I
)
# between a total that comes first and its first part: "N cases were ...", "N jobs: ...", "£2.5m, with"
_TOTAL_CUE = re.compile(r"\b(?:were|are|was|is|include[sd]?|including|comprising|made up of|consisting of|"
                        r"of whom|of which|split|divided|broken down|with)\b|[:\u2014\u2013]", re.I)
_INCLUDED = re.compile(r"\b(?:including|includes|included|among them|such as)\b", re.I)
_PEOPLE_GROUPS = {"man", "woman", "child", "boy", "girl", "adult", "male", "female"}


def check(claims, text: str) -> list:
    out = []
    sentences = by_sentence([c for c in claims if c.kind in ("count", "money", "quantity")])
    keys = list(sentences)
    for index, key in enumerate(keys):
        group = [c for c in sentences[key] if not compared(text, c)]
        if not group:
            continue
        sentence = text[key : group[0].sentence_end or group[-1].end]
        exhaustive = bool(_EXHAUSTIVE.search(sentence))
        # "Of the 1,200 staff who responded, 372 ..."
        if _OF_THE_N.match(text[key : group[0].start]):
            parts = _own_parts(group[1:], text)
            if parts:
                out += judge(group[0], parts, exhaustive or exhaustive_groups(parts), "\u201cOf the\u201d")
            continue
        # "Of these, 651 were admitted, 391 ... and the remaining 234 ..."; "Among the dead were ..."
        if _OF_THESE.match(sentence):
            previous = [c for c in sentences[keys[index - 1]] if not compared(text, c)] if index else []
            total, severity = _total_before(previous, group, text)
            complete = exhaustive or len(group) > 2 or exhaustive_groups(group)
            cue = f"the sentence opens \u201c{sentence.split(',')[0].strip()[:30]}\u201d"
            if total is not None and (severity == "error" or all(
                    judge(other, group, complete, cue) for other in _main_figures(previous, group, text))):
                out += judge(total, group, complete, cue, severity)
            continue
        out += _total_first(group, sentence, exhaustive, text) or _total_last(group, text)
    return out


_IN_TOTAL = re.compile(r"^[^\S\n]*(?:[A-Za-z-]+[^\S\n]+){0,2}?(?:in total|in all|altogether|combined|between them)\b",
                       re.I)
_TOTAL_LEAD = re.compile(r"(?:[,:\u2014\u2013]|\bmaking|\bbringing (?:the total|it) to|\ba total of)[^\S\n]*$", re.I)
_LISTED = re.compile(r"^[^\d.;:]{0,40}$")


def _total_last(group, text: str) -> list:
    """ "2,300 jobs in Leeds and 3,200 in York, 5,500 in total": the figures listed right before a
    figure said to be their total ("in total", "in all", "altogether", "between them") make it,
    the last of them joined by "and"."""
    for i, total in enumerate(group):
        if i < 2 or not _IN_TOTAL.match(text[total.end : total.end + 40]) or not is_point(total):
            continue
        parts = [group[i - 1]]
        for candidate in reversed(group[: i - 1]):
            if not _LISTED.match(text[candidate.end : parts[0].start]):
                break
            parts.insert(0, candidate)
        if len(parts) < 2 or not _TOTAL_LEAD.search(text[parts[-1].end : total.start]) \
                or not re.search(r"\band\b", text[parts[-2].end : parts[-1].start]):
            continue
        if all(is_point(p) and same_kind(p, total) for p in parts) and _parts_of(total, parts):
            # a shortfall is a warning: "in total" may count what the list leaves out ("300 stores in
            # France and 200 in Spain, 1,200 in total" may mean worldwide)
            return judge(total, parts, False, "the parts, then their total") or \
                judge(total, parts, True, "the parts, then their total", severity="warning")
    return []


_GOVERNED = re.compile(r"\b(?:in|at|across|from|of|for|with|by|on|into|over|among)\s+(?:the\s+|its\s+|their\s+)?$", re.I)


def _total_before(previous, parts, text: str):
    """The figure of the sentence before that "Of these" breaks down: the one that counts what the
    parts count; else its only figure of their kind; else the figure the sentence is about, not one
    hanging from a preposition ("900 pupils in 30 classes. Of these, 120 ..."), as a warning."""
    totals = [c for c in previous if same_kind(c, parts[0])]
    named = [c for c in totals if head(c) and head(c) in {head(p) for p in parts}]
    if named:
        return named[-1], "error"
    if len(totals) == 1:
        return totals[0], "error"
    main = _main_figures(previous, parts, text)
    return (main[0], "warning") if main else (None, "error")


def _main_figures(previous, parts, text: str) -> list:
    """The figures of the sentence before that it is about (not hanging from a preposition), of
    the parts' kind: when "Of these" could break down several ("two people died and 55 others were
    injured ... Among those hurt, 12"), the parts are judged against each, and only parts that fit
    none of them are wrong."""
    return [c for c in previous
            if same_kind(c, parts[0]) and not _GOVERNED.search(text[max(0, c.start - 15) : c.start])]


def _own_parts(parts, text: str) -> list:
    """The parts of "Of the 12 colleges, two met the goal, while six of the 58 boards ..." up to the
    first figure that is itself a part of another whole ("six of the 58"): it and what follows
    break down that whole, not the first."""
    for i, (a, b) in enumerate(zip(parts, parts[1:])):
        if part_of_gap(text[a.end : b.start]):
            return parts[:i]
    return parts


def _total_first(group, sentence: str, exhaustive: bool, text: str) -> list:
    """One sentence, the first figure of a kind the total of the figures of that kind listed after
    it (the last one joined by "and"): "It plans to open 20 new sites and invest £150m, of which
    £90m ... and £60m ..." reads the money apart from the count."""
    for kind in dict.fromkeys(c.kind for c in group):
        found = _kind_total_first([c for c in group if c.kind == kind], exhaustive, text)
        if found:
            return found
    return []


def _kind_total_first(same, exhaustive: bool, text: str) -> list:
    if len(same) < 3 or not is_point(same[0]):
        return []
    total, parts = same[0], same[1:]
    if not all(is_point(p) and same_kind(p, total) for p in parts) or not plausible(total, parts):
        return []
    # the last part joined by "and"; or "and" right after the last figure read, whose partner the
    # extraction missed ("..., one in New Brunswick and one in Quebec"): then the parts may fall short
    complete = bool(re.search(r"\band\b", text[parts[-2].end : parts[-1].start]))
    if not complete and not re.match(r"^[^\d.;:]{0,30}?\band\b", text[parts[-1].end : parts[-1].end + 35]):
        return []
    if _siblings(total, parts, text) or _own_subjects(total, parts) or _bracketed_apart(total, parts, text):
        return []
    if re.fullmatch(r"\s*(?:[\w'-]+\s+){0,3}and\s+", text[total.end : parts[0].start]):
        return []  # "four nieces and three nephews": a figure joined to the next by "and" is its sibling
    if _INCLUDED.search(text[total.end : parts[0].start]):
        return []  # "243 victims, including 121 men and 81 women": parts that may fall short (wholes)
    larger = all(p.value < total.value for p in parts)
    if not larger and not (_TOTAL_CUE.search(text[total.end : parts[0].start]) and _parts_of(total, parts)):
        return []  # a first figure is read as the total only when it is larger, or the wording says so
    # "Canada has 51 cases: fifteen in British Columbia, ...": a colon right after the total's noun
    # introduces the whole of it
    colon = bool(re.fullmatch(r"[^\S\n]*[A-Za-z][\w\s-]{0,40}:[^\S\n]*", text[total.end : parts[0].start]))
    cue = "one sentence, the total first"
    found = judge(total, parts, complete and (exhaustive or exhaustive_groups(parts)), cue)
    if not found and complete and colon:  # a shortfall read from a colon alone is a warning
        found = judge(total, parts, True, cue + ", the parts after a colon", severity="warning")
    return found


def _siblings(total, parts, text: str) -> bool:
    """ "fifteen in British Columbia, fourteen in Nova Scotia, twelve in Ontario ...": the first
    figure is worded like the others, one of them, not their total."""
    def opening(claim) -> str:
        following = re.match(r"\s*([a-z]+)", text[claim.end : claim.end + 15], re.I)
        return following.group(1).lower() if following else ""

    def verb(claim) -> str:  # "Cruz has 11, Rubio has 10, Kasich has five": the word before
        before = re.search(r"\b([a-z]+)[^\S\n]+$", text[max(0, claim.start - 20) : claim.start])
        return before.group(1) if before else ""

    first, before = opening(total), verb(total)
    alike = max(2, len(parts) - 1)
    return bool(first) and sum(opening(p) == first for p in parts) >= alike or \
        bool(before) and before not in _SHARED_BEFORE and sum(verb(p) == before for p in parts) >= alike


# words that may stand before a total and its parts alike: "of 300 staff, of 120 nurses"
_SHARED_BEFORE = {"of", "and", "or", "to", "with", "about", "around", "some", "nearly", "almost", "over",
                  "than", "least", "most", "only", "just", "the", "a", "an"}


def _own_subjects(total, parts) -> bool:
    """Each figure with a subject of its own ("Ted Cruz has 11 delegates, Marco Rubio has 10"): the
    frames make them figures of different owners side by side, not a total and its parts."""
    subjects = [p.frame.subject for p in (total, *parts) if p.frame is not None and p.frame.subject]
    owner = total.frame.subject if total.frame is not None else None
    # "Allman had 17 points, Ayers scored 15 and Wischmeier added 11": the total's owner is not its parts'
    if len(subjects) >= 2 and len(set(subjects)) == len(subjects) and (bool(owner) or len(subjects) >= 3):
        return True
    # the total's owner owns none of the parts, which have owners of their own (the parse may give two
    # parts one owner: "Sam ward scored 14 and Leo Price added 9")
    part_owners = {p.frame.subject for p in parts if p.frame is not None and p.frame.subject}
    return bool(owner) and len(part_owners) >= 1 and owner not in part_owners and len(parts) >= 2


def _bracketed_apart(total, parts, text: str) -> bool:
    """A bracket that opens or closes between the parts: "156 members (155 states and the EU) and
    24 countries in accession" lists the members inside the brackets and adds another figure after."""
    spans = [text[a.end : b.start] for a, b in zip((total, *parts[:-1]), parts)]
    opened = spans[0].count("(") + spans[0].count("[") > spans[0].count(")") + spans[0].count("]")
    return any(re.search(r"[()\[\]]", gap) for gap in spans[1:]) or \
        opened and not re.match(r"[^()\[\]]{0,40}[)\]]", text[parts[-1].end : parts[-1].end + 40])


def _parts_of(total, parts) -> bool:
    """Parts that count what the total counts, an unknown measure, or people by sex or age."""
    return all(not head(p) or not head(total) or head(p) == head(total) or head(p) in _PEOPLE_GROUPS
               for p in parts)
