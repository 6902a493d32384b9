"""Claims checked against the reference set: supported, contradicted or unverified, with the
reason. A claim is compared only when exactly one fact (or several that agree) applies: the same
thing counted, a compatible place and date, and the fact's context words in the sentence."""

from __future__ import annotations

import datetime as dt
import re

from ..dating import period_bounds
from ..gazetteer import TYPE_WORDS, Gazetteer, fold, kind_group
from ..models import Claim, PlaceMention, PlaceRef, ReferenceRef
from ..normalize import describe_interval, interval, tidy
from ..ranges import Ranges, overlaps
from ..reference.names import fold_words, folded_words
from ..reference import Fact, ReferenceSet
from .common import bounds, bullet_lists

_DEFINITE = re.compile(r"\bthe (" + "|".join(TYPE_WORDS) + r")\b", re.I)


def link_places(
    claims: list[Claim], places: list[PlaceMention], text: str, reference: ReferenceSet
) -> tuple[list[Claim], list[PlaceMention]]:
    """Give place mentions their reference ids, find aliases the model missed, and attach each
    claim to its place: a figure's frame decides (read from the parse and the story; no place
    when it settles none), unless its sentence names a place only the reference set knows (an
    alias the parse could not see); a date takes a place in its sentence, through "the camp", or
    from its bullet list."""
    gazetteer = reference.gazetteer()
    linked = []
    for mention in places:
        place = gazetteer.lookup(mention.text)
        linked.append(mention.model_copy(update={"id": place.id, "name": place.name}) if place else mention)
    linked = _add_alias_mentions(linked, text, gazetteer)
    out = []
    groups = _list_groups(text)
    aliases = {m.text for m in linked if m.label == "ALIAS"}  # names only the reference set knows
    for claim in claims:
        claim = _link_frame(claim, gazetteer, linked)
        if claim.frame is not None and claim.frame.place is not None:
            out.append(claim.model_copy(update={"place": claim.frame.place}))  # the frame decides
            continue
        attached = _attach(claim, linked, text, reference, groups, out)
        if claim.frame is not None and not (attached.place and attached.place.text in aliases):
            attached = claim.model_copy(update={"place": None})  # the frame settled no place
        out.append(attached)
    return out, linked


def _link_frame(claim, gazetteer: Gazetteer, mentions=()):
    """The frame's place gets its reference id and name, as mentions do; a piece of a longer name
    the set knows, said in the claim's sentence ("Democratic Republic of" of "the Democratic
    Republic of the Congo", "Kashmir" of "Jammu and Kashmir"), gets that name's place."""
    frame = claim.frame
    if frame is None or frame.place is None or frame.place.id:
        return claim
    place = gazetteer.lookup(frame.place.text)
    if place is None:
        place = _whole_name(claim, frame.place.text, gazetteer, mentions)
    if place is None:
        return claim
    linked = frame.place.model_copy(update={"id": place.id, "name": place.name})
    return claim.model_copy(update={"frame": frame.model_copy(update={"place": linked})})


def _whole_name(claim, piece: str, gazetteer: Gazetteer, mentions):
    """The one linked place of the claim's sentence (of the story, for a place the frame inherited
    from it) whose mention holds `piece` as whole words."""
    lo, hi = claim.sentence_start or 0, claim.sentence_end or 10 ** 9
    if claim.frame.place_source in ("story", "section"):
        lo, hi = 0, 10 ** 9
    pattern = re.compile(rf"(?<!\w){re.escape(piece.strip())}(?!\w)", re.I)
    found = {m.id for m in mentions if m.id and lo <= m.start < hi and len(m.text) > len(piece.strip())
             and pattern.search(m.text)}
    return gazetteer.reference.places[found.pop()] if len(found) == 1 else None


_WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
_MAX_WORDS = 5


def _add_alias_mentions(mentions, text, gazetteer: Gazetteer):
    """Place names the model missed ("al-Hawl", "Ghwayran"): every run of up to five words that
    starts with a capital (or "al-"), looked up exactly among the set's folded names. The cost
    depends on the story's length, not on the number of places."""
    from ..source import Positions

    position = Positions(text)
    words = list(_WORD.finditer(text))
    folded = [folded_words(word.group()) for word in words]  # a run's fold is made from its words'
    taken = Ranges((m.start, m.end) for m in mentions)
    extra, covered = [], set()
    i = 0
    while i < len(words):
        first = words[i].group()
        if not (first[:1].isupper() or first[:3].lower() in ("al-", "el-")):
            i += 1
            continue
        found = None
        for n in range(min(_MAX_WORDS, len(words) - i), 0, -1):
            start, end = words[i].start(), words[i + n - 1].end()
            if "\n" in text[start:end]:
                continue
            place_id = gazetteer.keys.get(fold_words([w for part in folded[i : i + n] for w in part]))
            if not place_id:
                continue
            if not overlaps(taken, start, end):
                found = (start, end, place_id, n)
                break
            # a longer name of the set over a piece the model took for a place it could not link
            # ("West" of "West and Central African"): the set's name wins
            inside = [k for k, m in enumerate(mentions) if m.start < end and start < m.end]
            if n > 1 and all(start <= mentions[k].start and mentions[k].end <= end and mentions[k].id is None
                             for k in inside):
                found = (start, end, place_id, n)
                covered.update(inside)
                break
        if found is None:
            i += 1
            continue
        start, end, place_id, n = found
        place = gazetteer.reference.places[place_id]
        extra.append(PlaceMention(id=place.id, name=place.name, text=text[start:end], start=start, end=end,
                                  label="ALIAS", **position(start)))
        i += n
    kept = [m for k, m in enumerate(mentions) if k not in covered]
    return sorted([*kept, *extra], key=lambda m: m.start)


def _list_groups(text: str) -> list[tuple[int, int]]:
    """Character ranges of bullet lists with the line that leads into them."""
    return [((listing.lead or listing.bullets[0])[0], listing.end) for listing in bullet_lists(text)]


def _attach(claim, mentions, text, reference, groups, done) -> Claim:
    """The place a claim is about: the nearest place named in its sentence (linked or not: a
    figure next to an unknown camp is not about a known one); else "the camp" names the last
    camp mentioned before it; else a bullet takes the place of its list."""
    lo, hi = claim.sentence_start or 0, claim.sentence_end or len(text)
    in_sentence = [m for m in mentions if lo <= m.start and m.end <= hi]
    place = None
    if in_sentence:
        if claim.kind == "date":
            before = [m for m in in_sentence if m.end <= claim.start]
            place = before[-1] if before else None
        else:
            place = min(in_sentence, key=lambda m: (m.start < claim.end, abs(m.start - claim.end)))
    if place is None:
        definite = _DEFINITE.search(text, lo, hi)
        if definite:
            kind = kind_group(TYPE_WORDS[definite.group(1).lower()])
            earlier = [m for m in mentions if m.end <= claim.start and _mention_kind(m, reference) == kind]
            place = earlier[-1] if earlier else None
    if place is not None:
        if place.id is None:
            return claim.model_copy(update={"place": PlaceRef(text=place.text)})
        return claim.model_copy(update={"place": PlaceRef(id=place.id, name=place.name, text=place.text)})
    for start, end in groups:
        if start <= claim.start < end:
            for other in done:
                if start <= other.start < end and other.place and other.place.id:
                    return claim.model_copy(update={"place": other.place})
    return claim


def _mention_kind(mention, reference) -> str | None:
    if mention.id:
        return kind_group(reference.places[mention.id].kind)
    words = re.findall(r"[a-z]+", mention.text.lower())
    stated = next((TYPE_WORDS[w] for w in reversed(words) if w in TYPE_WORDS), None)
    return kind_group(stated) if stated else None


# ---------------------------------------------------------------- verification


def verify_claims(claims: list[Claim], text: str, reference: ReferenceSet,
                  published: dt.date | None = None, places: list[PlaceMention] = ()) -> list[Claim]:
    spans = sections(text)
    story = frozenset(p.id for p in places if p.id) | frozenset(c.place.id for c in claims if c.place and c.place.id)
    named = [frozenset(p.id for p in places if p.id and lo <= p.start < hi)
             | frozenset(c.place.id for c in claims if c.place and c.place.id and lo <= c.start < hi)
             for lo, hi in spans]
    lead_end = _lead_end(text)
    by_sentence: dict = {}  # the figures of each sentence, and the claims at each place: read once
    at_place: dict = {}
    for claim in claims:
        if claim.kind != "date":
            by_sentence.setdefault(claim.sentence_start, []).append(claim)
        if claim.place is not None and claim.place.id:
            at_place.setdefault(claim.place.id, []).append(claim)
    out = []
    for claim in claims:
        index = next((k for k, (lo, hi) in enumerate(spans) if lo <= claim.start < hi), 0)
        sentence = frozenset(p.id for p in places if p.id and (claim.sentence_start or 0) <= p.start
                             < (claim.sentence_end or len(text)))
        scope = _Scope(story, named[index] if named else frozenset(), sentence,
                       tuple(by_sentence.get(claim.sentence_start, ())),
                       lead=(claim.sentence_start or 0) < lead_end, at_place=at_place)
        checked = _verify(claim, text, reference, published, scope)
        if checked.verdict == "contradicted":
            checked = _stated_elsewhere(checked, claim, claims, reference)
        out.append(checked)
    return out


class _Scope:
    """The places named in the story, the claim's section and its sentence. A fact with no place
    of its own applies when the sentence names a place of the fact's file, or when the story names
    two of them (its only one, for a file of one place) and the section one: a story about the
    same running event, not one that merely mentions England once."""

    def __init__(self, story: frozenset, section: frozenset, sentence: frozenset, figures: tuple = (),
                 lead: bool = False, at_place=None):
        self.story, self.section, self.sentence = story, section, sentence
        self.figures = figures  # the figures of the claim's sentence (itself included)
        self.lead = lead  # the claim is in the headline or the lede, which name a wider place
        self.at_place = at_place or {}  # place id -> the story's claims placed there

    def admits(self, places: frozenset) -> bool:
        if places & self.sentence:
            return True
        return len(places & self.story) >= min(2, len(places)) and bool(places & self.section)


def _lead_end(text: str) -> int:
    """Where the story's headline and lede end: the first line when it reads as a headline (short,
    no full stop), and the first sentence after it (front matter skipped). 0 when the story opens
    with no headline."""
    matter = re.match(r"\s*(?:---|\+\+\+)\s*\n.*?\n(?:---|\+\+\+)\s*\n", text, re.S)
    first = re.compile(r"\s*([^\n]*)").match(text, matter.end() if matter else 0)
    line = first.group(1).strip()
    if not line or len(line) > 150 or line.endswith("."):
        return 0
    body = re.compile(r"\S").search(text, first.end())
    if body is None:
        return first.end()
    stop = re.compile(r"[.!?][\"”’)]?(?=\s|$)").search(text, body.start())
    return stop.end() if stop else len(text)


_HEADING = re.compile(r"^(?:#{1,6}\s.*|[^\n]{1,100}\?\s*|[A-Z0-9\"“][^\n.!;:,]{0,90}[^\s.!;:,\"”])$")


def sections(text: str) -> list[tuple[int, int]]:
    """The story cut at its headings (Markdown headings, question lines, short lines without a
    full stop): the stretch a place-free fact needs one of its places named in."""
    starts, offset = [0], 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        stripped = line.strip()
        previous_blank = index == 0 or not lines[index - 1].strip()
        if index and stripped and previous_blank and not re.match(r"^[-*•]", stripped) and _HEADING.match(stripped):
            starts.append(offset)
        offset += len(line) + 1
    ends = starts[1:] + [len(text) + 1]
    return list(zip(starts, ends))


def _unverified(claim, reason: str):
    return claim.model_copy(update={"verdict": "unverified", "reason": reason})


def _verify(claim, text, reference: ReferenceSet, published, scope: "_Scope | None" = None) -> Claim:
    if claim.kind == "date" and not claim.resolved and claim.reason:
        return _unverified(claim, claim.reason)  # why the date could not be resolved comes first
    if not reference.facts:
        return _unverified(claim, "no reference set loaded")
    sentence = text[claim.sentence_start or 0 : claim.sentence_end or len(text)].lower()
    place_id = claim.place.id if claim.place else None
    if claim.kind == "date":
        candidates = [f for f in reference.by_context("date", sentence) if _mentions(sentence, [f.event, *f.context])]
        candidates = [f for f in candidates
                      if (f.place is not None and claim.place and f.place == claim.place.id)
                      or (scope is not None and scope.admits(reference.scope.get(f.id, frozenset())))]
        if not candidates:
            return _unverified(claim, "no fact in the reference set is about this")
        candidates = [f for f in candidates if _place_fits(f, place_id, reference)]
        if place_id is None:
            candidates = [f for f in candidates if f.place is None]
        if not candidates:
            return _unverified(claim, f"no fact about this for {claim.place.name if claim.place else 'this place'}")
        if len({f.value for f in candidates}) > 1:
            ids = ", ".join(sorted(f.id for f in candidates))
            return _unverified(claim, f"ambiguous: several facts could apply ({ids})")
        return _compare(claim, candidates[0], reference)
    return match_figure(claim, text, sentence, reference, published, scope)


def match_figure(claim, text, sentence, reference: ReferenceSet, published, scope) -> Claim:
    """A figure against the facts whose frame agrees with its own (see match.py)."""
    from .match import match_figure as match

    return match(claim, text, sentence, reference, published, scope)


def _bound(qualifier: str) -> str:
    if qualifier in ("up_to", "at_most", "less_than"):
        return "ceiling"
    if qualifier in ("more_than", "at_least"):
        return "floor"
    return "point"


def _mentions(sentence: str, words) -> bool:
    return any(w and re.search(rf"\b{re.escape(w.lower())}", sentence) for w in words)


def _place_fits(fact: Fact, place_id: str | None, reference: ReferenceSet) -> bool:
    return fact.place is None or place_id == fact.place


def _overlaps(a, b) -> bool:
    return a is None or b is None or (a[0] <= b[1] and b[0] <= a[1])


def _stated_elsewhere(checked, claim, claims, reference: ReferenceSet) -> Claim:
    """A contradiction stands only if the fact's figure is not stated by another figure of the
    sentence: "6,000 of the 13 million pigs" is not a wrong 13 million, and "84 in Rio, 327 in
    Sao Paulo" not a wrong 327. Then the fact is that other figure's, and this one is unverified."""
    ref = checked.reference
    if ref is None or claim.kind == "date" or ref.low is None and ref.high is None:
        return checked
    low = ref.low if ref.low is not None else float("-inf")
    high = ref.high if ref.high is not None else float("inf")
    fact_place = reference.facts[ref.id].place
    for other in claims:
        if other.id == claim.id or other.kind != claim.kind or other.sentence_start != claim.sentence_start:
            continue
        if fact_place is not None and (other.place is None or other.place.id not in (
                fact_place, claim.place.id if claim.place else None)):
            continue  # the other figure is not at the fact's place (or this one's) either
        if other.qualifier not in ("exact", "approx", "nearly") or other.unit != claim.unit:
            continue  # an open-ended figure, or one of another thing, states no particular figure
        other_low, other_high = bounds(other)
        if other_low <= high and low <= other_high:
            return checked.model_copy(update={
                "verdict": "unverified", "reference": None,
                "reason": f"the reference figure ({ref.id}) is stated by {other.text!r} in this "
                          f"sentence; {claim.text!r} is another figure"})
    return checked


def _compare(claim, fact: Fact, reference: ReferenceSet) -> Claim:
    source = reference.source_of(fact)
    if fact.kind == "date":
        fact_period, claim_period = period_bounds(str(fact.value)), period_bounds(claim.value)
        if claim_period is None:
            return _unverified(claim, "the date could not be resolved")
        ok = _overlaps(fact_period, claim_period)
        ref = ReferenceRef(id=fact.id, value=str(fact.value), source=source.describe(), url=source.url,
                           as_of=fact.as_of)
        reason = (f"{claim.value} is {'within' if ok else 'not'} {fact.value}"
                  f" ({fact.event}{', ' + fact.place if fact.place else ''})")
    else:
        low, high = fact.interval
        ok = _overlaps((low if low is not None else float("-inf"), high if high is not None else float("inf")),
                       bounds(claim))
        if ok and _bound(claim.qualifier) == _bound(fact.qualifier) != "point":
            # "up to 14,000" against "up to 7,000": two ceilings, compared as figures
            fact_figure = interval(fact.value, "exact", fact.rounding)
            claim_figure = interval(claim.value, "exact", claim.rounding)
            ok = _overlaps(fact_figure, claim_figure)
        ref = ReferenceRef(id=fact.id, value=tidy(fact.value) if fact.value is not None else None,
                           low=low, high=high, source=source.describe(),
                           url=source.url, as_of=fact.as_of)
        reason = (f"stated {describe_interval(claim.low, claim.high)}; reference {fact.value:,g}"
                  f" ({describe_interval(low, high)}){' as of ' + fact.as_of if fact.as_of else ''}")
    return claim.model_copy(update={"verdict": "supported" if ok else "contradicted", "reference": ref,
                                    "reason": reason})
