"""A figure against the facts whose frame agrees with its own: what is counted (the fact's whole
phrase, not its last word), the role (a change is not a level), the subject when the fact names
one, the place and the period.

Places are tried in tiers. A fact at the claim's own place, or a place-free fact of the story,
applies directly: it may support or contradict. A fact at a place inside the claim's (Pandi
when the claim reads "the Philippines"), or at a containing place (Angola for a Luanda figure),
or at a place the story names when the claim's place is not a place of the set, is related: it
may support the figure, and contradicts it only when the fact says it covers its parts
(`includes_parts`) and the claim's place is one of them. A contradiction never stands when
another fact of the same measure at a place the story names agrees with the figure: then the
figure is probably that one, and the reason says so.
"""

from __future__ import annotations

import datetime as dt
import re

from ..dating import period_bounds
from ..reference import Fact, ReferenceSet
from ..reference.models import content_heads, head_word
from .common import bounds
from .facts import _bound, _compare, _mentions, _overlaps, _unverified

_LEVELS = {"level", "part", "total", "previous", "range-end"}


_FLOOR_VERBS = re.compile(r"\b(?:topped|tops|topping|exceeded|exceeds|exceeding|surpassed|surpasses|passed|"
                          r"broke through|crossed|beyond)\s+$", re.I)
_CEILING_VERBS = re.compile(r"\b(?:(?:fell|fallen|dipped|dropped|slipped) (?:below|under)|short of)\s+$", re.I)


def match_figure(claim, text: str, sentence: str, reference: ReferenceSet, published, scope):
    """The verdict for `claim`; a verb that makes the figure a floor or a ceiling ("topped 9%",
    "fell below 5%") is read as one for the comparison."""
    work = _implied_bound(claim, text)
    checked = _match(work, text, sentence, reference, published, scope)
    frame = claim.frame
    if (checked.verdict != "unverified" and frame is not None and frame.place_source in ("story", "section")
            and claim.place is not None and checked.reason and "named in the story" not in checked.reason):
        where = "a heading or list lead" if frame.place_source == "section" else "the story"
        checked = checked.model_copy(update={
            "reason": f"{checked.reason}; place {claim.place.name or claim.place.text} inherited from {where}"})
    if work is claim:
        return checked
    return claim.model_copy(update={"verdict": checked.verdict, "reference": checked.reference,
                                    "reason": checked.reason})


def _implied_bound(claim, text: str):
    if claim.qualifier != "exact" or claim.value is None:
        return claim
    before = text[max(claim.sentence_start or 0, claim.start - 40): claim.start]
    qualifier = "more_than" if _FLOOR_VERBS.search(before) else "less_than" if _CEILING_VERBS.search(before) else None
    if qualifier is None:
        return claim
    from ..normalize import interval

    low, high = interval(claim.value, qualifier, claim.rounding or 1)
    return claim.model_copy(update={"qualifier": qualifier, "low": low, "high": high})


def _match(claim, text: str, sentence: str, reference: ReferenceSet, published, scope):
    frame = claim.frame
    place_id = claim.place.id if claim.place else None
    if frame is not None and frame.role == "previous" and not (claim.date or frame.period):
        return _unverified(claim, "an earlier figure with no date of its own is not compared with current facts")
    figures = scope.figures if scope is not None else ()
    heads = _heads(claim)
    pool = _pool(claim, sentence, reference, scope, place_id, heads)
    fitting = [f for f in pool if _measure_agrees(claim, f, text, sentence, figures)]
    if claim.kind == "count" and not fitting and not _counts_noun_beside(claim, text):
        # what is counted may be said by the words beside the figure rather than the noun the
        # frame read ("the 4 million who have been made homeless", "kills 1"): facts that those
        # words describe in full; not when the figure plainly counts a noun ("600-plus companies")
        pool = _pool(claim, sentence, reference, scope, place_id, _near_heads(claim, text, figures) - heads)
        fitting = [f for f in pool if _measure_agrees(claim, f, text, sentence, figures)]
        if not heads and not fitting:
            return _unverified(claim, "the sentence does not say what is counted")
    wide = [f for f in pool if claim.kind != "count" or _same_increment(claim, f)]
    pool = fitting
    role_stopped = [f for f in pool if not _role_agrees(claim, f)]
    pool = [f for f in pool if _role_agrees(claim, f) and _subject_agrees(claim, f)]
    if not pool:
        if role_stopped:
            return _unverified(claim, f"a {frame.role} is not compared with the reference set's "
                                      f"{_fact_role(role_stopped[0])}s ({_ids(role_stopped)})")
        return _unverified(claim, "no fact in the reference set is about this")
    tiers = {"direct": [], "related": []}
    for fact in pool:
        relation = _relation(fact, place_id, reference, scope)
        if relation:
            tiers["direct" if relation in ("same", "free") else "related"].append((fact, relation))
    direct = [f for f, _ in tiers["direct"]]
    if direct:
        if place_id is None:
            direct = [f for f in direct if f.place is None]  # no place named: no place-bound fact
    if direct:
        chosen = _by_period(claim, direct, published)
        if isinstance(chosen, str):
            return _unverified(claim, chosen)
        stated = frame is not None and frame.place_source == "sentence"
        own = [f for f in chosen if place_id and f.place == place_id]
        if stated and own and len({f.interval for f in chosen}) > 1:
            # the place the sentence states wins over no place, when its fact is described as fully
            fullest = _particular(claim, chosen, text, figures)
            chosen = [f for f in own if f in fullest] or chosen
        chosen = _one(claim, _particular(claim, _owned(claim, chosen, text, scope), text, figures))
        if isinstance(chosen, str):
            agreeing = [f for f in direct if _agrees(claim, f)]
            if agreeing and len({f.interval for f in agreeing}) == 1:
                return _compare(claim, agreeing[0], reference)
            return _unverified(claim, chosen)
        return _judge(claim, chosen, pool, wide, reference, place_id, scope)
    related = tiers["related"]
    if not related:
        shown = claim.place.name or claim.place.text if claim.place else "this place"
        return _unverified(claim, f"no fact about this for {shown} ({_ids(pool)} are for other places)")
    point = _bound(claim.qualifier) == "point" and not _VAGUE.match(claim.text.strip())
    agreeing = [(f, r) for f, r in related if _bound(f.qualifier) == "point" and _agrees(claim, f)] if point else []
    if agreeing:
        fact, relation = agreeing[0]
        checked = _compare(claim, fact, reference)
        return checked.model_copy(update={"reason": f"{checked.reason}; {_describe(relation, fact, claim, reference)}"})
    covering = [f for f, r in related if r == "contains" and f.includes_parts]
    if len(covering) == 1 and len(related) == 1:
        return _judge(claim, covering[0], pool, wide, reference, place_id, scope)
    clear = _clearly_applies(claim, related, published, scope, text)
    if clear is not None:
        fact, relation = clear
        checked = _judge(claim, fact, pool, wide, reference, place_id, scope)
        return checked.model_copy(update={"reason": f"{checked.reason}; {_describe(relation, fact, claim, reference)}"
                                                    f"; the only fact for this at the places the story names"})
    fact, relation = related[0]
    return _unverified(claim, f"not compared: {_describe(relation, fact, claim, reference)}"
                              f"{' (and ' + str(len(related) - 1) + ' more)' if len(related) > 1 else ''}")


def _clearly_applies(claim, related, published, scope, text: str = ""):
    """The one related fact a figure can be held against: (fact, relation), or None.

    A fact at a place inside the claim's (Kitaakita for "six in Japan") or containing it clearly
    applies when it is the only fitting fact at the places the story names (no other figure for
    the same thing competes; context words and fuller descriptions tell several apart as in
    the direct case), its place is named in the story and its period fits, and the
    claim's place is not one the sentence chose: it was inherited from the story (the sentence
    names none), or it is a wider place stated in the headline or lede, which name the country of
    a local event. A place the sentence states in the body is the figure's own: a fact for a
    place around it contradicts it only with `includes_parts`, one inside it never."""
    if scope is None or claim.frame is None or _VAGUE.match(claim.text.strip()):
        return None  # "dozens" gives no figure of its own to hold against a related place's fact
    facts = [f for f, r in related if r in ("inside", "contains", "story")]
    chosen = _by_period(claim, facts, published) if facts else None
    if not chosen or isinstance(chosen, str):
        return None
    chosen = _particular(claim, _owned(claim, chosen, text, scope), text, scope.figures)
    if len({f.interval for f in chosen}) != 1:
        return None
    fact = chosen[0]
    relation = next(r for f, r in related if f.id == fact.id)
    if fact.place not in scope.story or relation == "story":
        return None
    inherited = claim.frame.place_source in ("story", "section")
    if inherited and not scope.lead and _stated_at_its_place(claim, fact, scope, text):
        return None  # the story gives the fact's figure where it belongs: this one is another
    if inherited or (relation == "inside" and scope.lead):
        return fact, relation
    return None


def _stated_at_its_place(claim, fact: Fact, scope, text: str = "") -> bool:
    """Another figure of the story, in a sentence that names the fact's place, agrees with the
    fact ("roughly 6,500 hogs at a farm in Pandi"): a body figure with no place of its own that
    differs from it ("after three hours we disposed of 442 hogs") is another figure."""
    for other in scope.at_place.get(fact.place, ()):
        if (other.id != claim.id and other.kind == claim.kind and other.frame is not None
                and other.frame.place_source == "sentence" and _agrees(other, fact)
                and (other.kind != "count" or _measure_fits(other, fact, text) or _frame_fits(other, fact))):
            return True  # ("two hospitals" in Pingliang does not state the fact of two dairy farms)
    return False


def _judge(claim, chosen: Fact, pool, wide, reference, place_id, scope):
    """The claim against the one fact that applies; a contradiction stands down when the figure
    is vague, agrees with another fitting fact nearby, or is too far off to be a slip."""
    checked = _compare(claim, chosen, reference)
    if checked.verdict != "contradicted":
        return checked
    if _VAGUE.match(claim.text.strip()):
        return _unverified(claim, f"{claim.text!r} gives no figure of its own to hold against "
                                  f"{chosen.id} ({checked.reason})")
    other = _agreeing_elsewhere(claim, chosen, pool, wide, reference, place_id, scope)
    if other is not None:
        where = reference.places[other.place].name if other.place in reference.places else "no place"
        return _unverified(claim, f"{claim.text!r} disagrees with {chosen.id} but agrees with {other.id} "
                                  f"({where}); the figure may be that one")
    ratio = _ratio(claim, chosen)
    if ratio >= _FAR and not _scale_slip(ratio):
        return _unverified(claim, f"{claim.text!r} is {ratio:,.0f} times off {chosen.id} ({checked.reason}): "
                                  f"more likely another figure than a wrong one; check it by hand")
    return checked


def _owned(claim, facts: list[Fact], text: str, scope) -> list[Fact]:
    """Several facts fit a figure whose sentence holds other figures ("A further 16 cases were
    confirmed, one day after it had confirmed 8 cases to bring the total to 81"): a fact's context
    word belongs to the figure it stands nearest. The facts whose context words this figure owns
    are the ones that apply; failing any, a fact whose context words all belong to other figures
    that fit it too is theirs, not this one's."""
    figures = scope.figures if scope is not None else ()
    if len(facts) < 2 or len(figures) < 2 or len({f.interval for f in facts}) == 1:
        return facts
    lo, hi = claim.sentence_start or 0, claim.sentence_end or len(text)
    said = text[lo:hi].lower()
    here, elsewhere = [], set()
    for fact in facts:
        owners = [_nearest(figures, lo + m.start(), lo + m.end())
                  for word in fact.context for m in re.finditer(rf"\b{re.escape(word.lower())}", said)]
        if any(o is not None and o.id == claim.id for o in owners):
            here.append(fact)
        elif owners and all(o is not None and o.kind == claim.kind and o.id != claim.id
                            and (_measure_fits(o, fact, text, figures) or _frame_fits(o, fact)) for o in owners):
            elsewhere.add(fact.id)
    if here:  # the fact that more of its context words the sentence says is the more particular
        said_words = {f.id: sum(1 for w in f.context if re.search(rf"\b{re.escape(w.lower())}", said)) for f in here}
        most = max(said_words.values())
        return [f for f in here if said_words[f.id] == most]
    return [f for f in facts if f.id not in elsewhere] or facts


def _particular(claim, facts: list[Fact], text: str, figures) -> list[Fact]:
    """Of several facts that fit, those whose description the figure meets most fully: "patients
    died" (two words said) over "patients" (one) for "of which eight have died"."""
    if len(facts) < 2 or len({f.interval for f in facts}) == 1:
        return facts
    said = _said(claim, text, figures).lower()
    scores = {f.id: _words_met(f, said) for f in facts}
    best = max(scores.values())
    return [f for f in facts if scores[f.id] == best]


def _words_met(fact: Fact, said: str) -> int:
    """The content words of the fullest phrase of the fact that `said` says entirely."""
    best = 0
    for phrase in (fact.counts or "", *(fact.synonyms or ())):
        words = [w for w in re.findall(r"[a-z]+", phrase.lower()) if w not in _FILLER]
        if words and all(re.search(rf"\b{re.escape(_stem(w))}", said) for w in words):
            best = max(best, len(words))
    return best


def _nearest(figures, start: int, end: int):
    """The figure standing nearest the words at [start, end); None on a tie."""
    def distance(figure) -> int:
        return max(figure.start - end, start - figure.end, 0)

    ranked = sorted(figures, key=distance)
    if len(ranked) > 1 and distance(ranked[0]) == distance(ranked[1]):
        return None
    return ranked[0]


def _ids(facts) -> str:
    return ", ".join(sorted({f.id for f in facts})[:4])


def _describe(relation: str, fact: Fact, claim, reference) -> str:
    where = reference.places[fact.place].name if fact.place and fact.place in reference.places else fact.place
    said = claim.place.name or claim.place.text if claim.place else "no place"
    if relation == "inside":
        return f"the fact ({fact.id}) is for {where}, within {said}"
    if relation == "contains":
        return f"the fact ({fact.id}) is for {where}, which contains {said} and does not say it covers its parts"
    return f"the fact ({fact.id}) is for {where}, named in the story; the sentence's place is {said}"


def _heads(claim) -> set[str]:
    """What the figure counts, as index heads: its unit and its frame's measure and head."""
    frame = claim.frame
    words = [claim.unit] if claim.kind == "count" else []
    if frame is not None and claim.kind == "count":
        words += [frame.measure, frame.measure_head]
    heads = {head_word(w) for w in words if w} | {h for w in words if w for h in content_heads(w)}
    return {h for h in heads if h and not h[0].isdigit()}


def _counts_noun_beside(claim, text: str) -> bool:
    """The frame's counted noun, a common noun, follows the figure ("600-plus companies")."""
    measure = claim.frame.measure if claim.frame is not None else None
    head = (claim.frame.measure_head or "") if claim.frame is not None else ""
    if not measure or not measure[:1].islower():
        return False
    after = text[claim.end: claim.end + 30].lower()
    word = measure.split()[-1].lower()
    return bool(re.search(rf"\b{re.escape(word[:4])}", after)) or bool(head and head[:4] in after)


def _cut(text: str, left: int, right: int) -> int:
    """Where the words between two figures part: midway, a word cut there going whole to the
    figure it stands nearer ("kills 1, sickens nearly 100": "sickens" is the second's)."""
    middle = (left + right) // 2
    start, end = middle, middle
    while start > left and (text[start - 1].isalnum() or text[start - 1] in "-'"):
        start -= 1
    while end < right and (text[end].isalnum() or text[end] in "-'"):
        end += 1
    return start if right - end <= start - left else end


def _near_heads(claim, text: str, figures) -> set[str]:
    """Lookup keys of the words beside the figure (nearer it than any other figure), leaving out
    names ("United States" counts no states)."""
    words = re.findall(r"(?<![\w-])[a-z][\w-]*", _said(claim, text, figures, _NEAR))
    return content_heads(" ".join(words))


def _pool(claim, sentence: str, reference: ReferenceSet, scope, place_id, heads) -> list[Fact]:
    """Facts that count what the figure counts at the claim's place, the places containing it and
    the places the story names (and place-free ones): flat in the size of the set."""
    if claim.kind != "count":
        return [point for f in reference.by_context(claim.kind, sentence) if f.context
                and _mentions(sentence, f.context) and (f.unit is None or f.unit == claim.unit)
                for point in f.points()]
    places = {place_id} if place_id else set()
    if place_id:
        places.update(reference.ancestors(place_id))
    if scope is not None:
        places.update(scope.story)
    found: dict[str, Fact] = {}
    for head in sorted(heads):
        for place in sorted(places) or [None]:
            for fact in reference.candidates("count", head, place):
                found.setdefault(fact.id, fact)
    return [point for fact in found.values() for point in fact.points()]


def _measure_agrees(claim, fact: Fact, text: str, sentence: str, figures=()) -> bool:
    if fact.context and not _mentions(sentence, fact.context):
        return False
    if claim.kind == "count":
        return _same_increment(claim, fact) and (_measure_fits(claim, fact, text, figures) or _frame_fits(claim, fact))
    return True


def _frame_fits(claim, fact: Fact) -> bool:
    """The frame's measure says the fact's whole phrase (or one synonym's): "confirmed cases"
    fits "cases", "swine flu cases" fits "swine flu cases", wherever the words stand."""
    said = " ".join(w for w in ((claim.frame.measure if claim.frame else None), claim.unit) if w).lower()
    return bool(said) and _says_measure(fact, said)


def _fact_role(fact: Fact) -> str:
    return fact.role or "level"


def _role_agrees(claim, fact: Fact) -> bool:
    """A change is compared only with a change fact (or, for a count of things added, a level fact
    whose context words name them), a forecast only with a forecast (or a fact that names no role),
    a share with a share; levels, parts and totals are levels."""
    role = claim.frame.role if claim.frame is not None else "level"
    fact_role = fact.role
    if role == "change":
        # things added are a count of their own ("A further 16 cases were confirmed"): a level fact
        # whose context words the desk gave ("further") says which count it is
        return fact_role == "change" or (claim.kind == "count" and fact_role in (None, "level") and bool(fact.context))
    if fact_role is None:
        return True
    if role in _LEVELS:
        return fact_role in ("level", "share")
    return role == fact_role


def _subject_agrees(claim, fact: Fact) -> bool:
    """A fact that names whose figure it is applies only when the claim's subject is that one (or
    the sentence names it)."""
    if not fact.subject:
        return True
    names = [fact.subject, *fact.subject_aliases]
    subject = (claim.frame.subject or "") if claim.frame is not None else ""
    return any(_words(name) <= _words(subject) for name in names if _words(name))


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", (text or "").lower())) - {"the", "of", "s"}


def _relation(fact: Fact, place_id, reference: ReferenceSet, scope) -> str | None:
    if fact.places:  # a figure between places: the claim's place is one and the sentence names the others
        named = (set(scope.sentence) if scope is not None else set()) | ({place_id} if place_id else set())
        return "same" if place_id in fact.places and set(fact.places) <= named else None
    if fact.place is None:
        if scope is None or scope.admits(reference.scope.get(fact.id, frozenset())):
            return "free"
        return None
    if place_id and fact.place == place_id:
        return "same"
    if place_id and place_id in reference.ancestors(fact.place):
        return "inside"
    if place_id and fact.place in reference.ancestors(place_id):
        return "contains"
    if scope is not None and fact.place in scope.story:
        return "story"  # may support the figure, never contradict it
    return None


def _agrees(claim, fact: Fact) -> bool:
    low, high = fact.interval
    low = float("-inf") if low is None else low
    high = float("inf") if high is None else high
    claim_low, claim_high = bounds(claim)
    return low <= claim_high and claim_low <= high


_VAGUE = re.compile(r"^(?:(?:tens|hundreds) of )?(?:dozens|hundreds|thousands|millions|billions)\b", re.I)


_FAR = 20  # a figure this many times off the fact is another figure, not a slip of the keys


def _ratio(claim, fact: Fact) -> float:
    if not fact.value or not claim.value or fact.kind != "count" or fact.value < 0 or claim.value < 0:
        return 1.0
    return max(fact.value / claim.value, claim.value / fact.value)


def _scale_slip(ratio: float) -> bool:
    """816 for 816,000, millions for billions: a power of ten off is a slip worth flagging."""
    import math

    power = round(math.log10(ratio))
    return power >= 1 and abs(ratio / 10 ** power - 1) <= 0.05


def _agreeing_elsewhere(claim, chosen: Fact, pool, wide, reference, place_id, scope) -> Fact | None:
    """Another fact that fits the figure as well and agrees with it, when both are figures of
    their own (not floors or ceilings, which agree with too much): place-free in the story, at a
    place the sentence names, inside the claim's place, or containing it when the claim's place
    was inherited rather than stated."""
    if _bound(claim.qualifier) != "point":
        return None
    near = set(scope.sentence) if scope is not None else set()
    inherited = claim.frame is not None and claim.frame.place_source in ("story", "section")
    fitting = {f.id for f in pool}
    for fact in wide:
        if fact.id == chosen.id or _bound(fact.qualifier) != "point" or not _agrees(claim, fact):
            continue
        if fact.place is None:
            where = fact.id in fitting and _relation(fact, place_id, reference, scope) == "free"
        else:
            relation = _relation(fact, place_id, reference, None) if place_id else None
            where = fact.place in near or relation == "inside" or (relation == "contains" and inherited)
        if where:
            return fact
    return None


def _by_period(claim, facts: list[Fact], published):
    """The facts for the claim's period: its date, else the latest (a fact current until replaced
    stays current; any other is too old half a year after its period, and the reason says so)."""
    claim_period = period_bounds(claim.date.value) if claim.date else None
    if claim_period is None and claim.frame is not None and claim.frame.period:
        claim_period = period_bounds(claim.frame.period)  # the period the frame read ("in the year to March")
    if claim_period:
        dated = [f for f in facts if _overlaps(_fact_period(f), claim_period)]
        if not dated:
            return (f"the reference facts are for another date ({_ids(facts)}: "
                    f"{', '.join(sorted({f.as_of or 'undated' for f in facts}))}; the sentence: {claim.date.value})")
        return dated
    if len({(f.interval, f.as_of) for f in facts}) > 1:
        facts = _latest(facts, published)
    if published is not None:
        current = [f for f in facts if _still_current(f, published)]
        if not current:
            f = facts[0]
            return (f"the reference figure ({f.id}, for {f.as_of}) is older than six months at publication "
                    f"({published.isoformat()}) and the sentence gives no date; a fact that holds until "
                    f"replaced says current_until_replaced = true")
        facts = current
    return facts


def _fact_period(fact: Fact):
    return fact.period


def _still_current(fact: Fact, published) -> bool:
    return fact.current_until_replaced or _current(fact, published)


def _one(claim, facts: list[Fact]):
    """The one fact that applies, or why there is none: several facts with different figures."""
    distinct = {f.interval for f in facts}
    if len(distinct) > 1:
        same_kind = [f for f in facts if _bound(f.qualifier) == _bound(claim.qualifier)]
        if same_kind and len({f.interval for f in same_kind}) == 1:
            return same_kind[0]
        return f"ambiguous: several facts could apply ({', '.join(sorted(f.id for f in facts))})"
    return facts[0]


_INCREMENT = {"new", "additional", "more", "further", "extra", "another"}


def _same_increment(claim, fact: Fact) -> bool:
    """ "6 new cases" is an increment: it matches only a fact that counts new cases."""
    measure = (claim.frame.measure or "") if claim.frame else ""
    words = set(re.findall(r"[a-z]+", f"{measure} {claim.unit or ''}".lower()))
    fact_words = set(re.findall(r"[a-z]+", " ".join([fact.counts or "", *(fact.synonyms or [])]).lower()))
    return not (words & _INCREMENT) or bool(fact_words & _INCREMENT)


_MEASURE_WINDOW = (100, 100)  # characters before and after the figure that say what it counts
_NEAR = (40, 60)  # the words beside the figure whose facts are looked up when its noun finds none
_FILLER = {"the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "a", "an", "who", "that",
           "which", "have", "has", "had", "been", "were", "was", "are", "is"}


def _measure_fits(claim, fact: Fact, text: str, figures=()) -> bool:
    """The fact's whole description must fit the figure, not only its last word: "patients
    admitted" does not apply to "eight patients died". Every content word of the fact's `counts`
    (or of one synonym) must be said near the figure or in its frame's measure ("25 patients
    admitted ..., of which eight have died": "patients" from the frame, "died" beside it). A word
    nearer another figure of the sentence is that figure's ("kills 1, sickens nearly 100")."""
    return _says_measure(fact, _said(claim, text, figures).lower()) or not fact.counts


def _said(claim, text: str, figures=(), window=None) -> str:
    """What is said of the figure: the words around it that stand nearer to it than to another
    figure of its sentence, and its frame's measure (the counted noun may stand far off)."""
    before, after = window or _MEASURE_WINDOW
    lo = max(claim.sentence_start or 0, claim.start - before)
    hi = min(claim.sentence_end or len(text), claim.end + after)
    for other in figures:
        if other.id == claim.id:
            continue
        if other.end <= claim.start:
            lo = max(lo, _cut(text, other.end, claim.start))
        elif other.start >= claim.end:
            hi = min(hi, _cut(text, claim.end, other.start))
    return " ".join(w for w in (text[lo:hi], claim.frame.measure if claim.frame else None) if w)


def _says_measure(fact: Fact, said: str) -> bool:
    """Every content word of the fact's `counts` (or of one synonym) is in `said`, inflected as
    it may be."""
    for phrase in (fact.counts or "", *(fact.synonyms or ())):
        words = [w for w in re.findall(r"[a-z]+", phrase.lower()) if w not in _FILLER]
        if words and all(re.search(rf"\b{re.escape(_stem(w))}", said) for w in words):
            return True
    return False


def _stem(word: str) -> str:
    """A prefix that the word's inflections share: "admitted" -> "admit", "children" -> "child"."""
    if word in ("people", "persons"):
        return "pe"
    if word.startswith("child"):
        return "child"
    return word[: max(4, len(word) - 3)] if len(word) > 5 else word.rstrip("s")


def _current(fact: Fact, published: dt.date) -> bool:
    """An undated figure in a story is the one current at publication: a fact whose period ended
    more than six months before publication does not apply to it."""
    period = fact.period
    return period is None or period[1] >= published - dt.timedelta(days=183)


def _latest(facts: list[Fact], published: dt.date | None) -> list[Fact]:
    """With no date in the sentence, a story states the figure current at publication."""
    dated = [(f.period, f) for f in facts]
    usable = [(p, f) for p, f in dated if p and (published is None or p[0] <= published)]
    if not usable:
        return facts
    latest = max(p[1] for p, _ in usable)
    return [f for p, f in usable if p[1] == latest]
