"""Each figure's frame: what it measures, whose it is, where, when, and its role, read from the
dependency parse and the story's structure (headline, lede, lists, headings), not from the
nearest word. A field the text does not settle stays null.

- measure: the counted noun, or for money, percentages and changes the noun the figure is
  "of", or the subject of the verb that carries it ("the jobless total rose by 32,000").
- place: a place attached to the figure's clause in the parse ("in Hasakah", "Japan's exports",
  "the UK jobless total", "Ethiopian farmers"); a place that acts ("US forces detained", "backed by
  the US", "two US soldiers") is an actor, not where the figure is. With none in the sentence, a
  bullet takes its list's lead line, a figure its heading's or its paragraph's single place, and
  then the story's (headline, dateline, lede) when exactly one place competes.
- role: change, previous, forecast, share, part, total or level, with links between the claims.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token

from ..gazetteer import fold
from ..models import Frame, FrameLink, PlaceMention, PlaceRef
from ..structure import Structure
from .attach import nounish
from .demonyms import place_of
from .tokens import annotated

# Nouns whose place names say who acts abroad, not where a figure is: "US soldiers", "British
# troops". A government, ministry or police force counts at home: "the Canadian government
# reported 51 cases" is about Canada.
_ACTOR_NOUNS = {
    "soldier", "troop", "force", "personnel", "diplomat", "militant", "fighter", "agent", "army",
    "navy", "marine", "jet", "aircraft", "warship", "drone", "embassy", "coalition", "investor",
    "company", "firm", "team", "player", "delegate", "envoy",
}
# Verbs whose subject acts on something elsewhere: "the US struck 12 targets", "Japan donated $5m".
_ACTING_VERBS = {
    "detain", "detained", "detains", "arrest", "arrested", "kill", "killed", "kills", "capture", "captured",
    "strike", "struck", "strikes", "attack", "attacked", "bomb", "bombed", "shoot", "shot", "deport",
    "deported", "expel", "expelled", "send", "sent", "sends", "deploy", "deployed", "back", "backed",
    "fund", "funded", "donate", "donated", "donates", "give", "gave", "given", "pledge", "pledged",
    "lend", "lent", "sell", "sold", "export", "exported", "transfer", "transferred", "fly", "flew",
    "evacuate", "evacuated", "repatriate", "repatriated", "offer", "offered", "provide", "provided",
    "shift", "shifting", "shifted", "move", "moving", "moved", "transferring", "sending", "deploying",
}
_RIGHT_AFTER = re.compile(r"^%?[^\S\n]+(?:[A-Za-z'-]+[^\S\n]+){0,5}?(?:in|at|across|from|inside|within|throughout)"
                         r"[^\S\n]+(?:the[^\S\n]+)?$", re.I)
_SAYS_WHERE = re.compile(r"^%?[^\S\n]+(?:[A-Za-z'-]+[^\S\n]+){0,5}?(?:in|at|from)[^\S\n]+(?:the[^\S\n]+|an?[^\S\n]+)?"
                         r"(?:[a-z-]+[^\S\n]+){0,3}?[A-Z]")
_DEFINITE = re.compile(r"\bthe (camp|prison|jail|province|governorate|district|city|town|region|county|"
                       r"state|village|country|facility|centre|center|island|capital)\b", re.I)
# People or things a nationality describes without placing them: "Sudanese refugees in Chad".
_ABROAD_NOUNS = {"refugee", "migrant", "national", "citizen", "tourist", "visitor", "expatriate", "immigrant",
                 "emigrant", "restaurant", "exile", "pilgrim", "passenger", "sailor", "hostage", "diaspora"}
_BODY_NOUNS = {"police", "ministry", "government", "laboratory", "agency", "department", "authority",
               "council", "court", "hospital", "company", "bureau", "organisation", "organization",
               "commission", "army", "military", "office", "committee", "board", "service"}
_SOURCE_NOUNS = {"official", "spokesman", "spokeswoman", "spokesperson", "source", "diplomat", "minister",
                 "officer", "analyst", "researcher", "scientist", "expert", "media", "newspaper"}
_NOWHERE = re.compile(r"\b(?:worldwide|world-wide|globally|around the (?:world|globe)|across the (?:world|globe)|"
                      r"throughout the world|all over the world|in the world|internationally|"
                      r"world's|global)\b", re.I)
# A count of countries: "76 countries", "two dozen donor countries", "214 countries and territories".
_COUNTRIES = re.compile(r"[^\S\n]+(?:[\w-]+[^\S\n]+){0,2}?(?:countries|nations|territories|continents)\b", re.I)
# Places that hold countries: a figure spread over countries may still be about one of these.
_REGION = re.compile(r"\b(?:Africa|Asia|Europe|America|Americas|Oceania|Middle East|Caribbean|Balkans|Pacific|"
                     r"Scandinavia|Sahel|Gulf|Arctic|Antarctica|continent|region)\b", re.I)
# Percentages that are rates, not shares of a stated whole.
_RATE_NOUNS = {"rate", "sensitivity", "specificity", "efficacy", "effectiveness", "accuracy", "mortality",
               "turnout", "probability", "chance", "likelihood", "risk", "yield", "inflation", "unemployment",
               "lethality", "prevalence", "incidence", "coverage", "occupancy", "approval"}
# A figure added to a running total the sentence then gives: "..., bringing the total to 81".
_BRINGS_TOTAL = re.compile(r"[^.;]*?\b(?:bring|brings|bringing|brought|take|takes|taking|took|push|pushes|pushing|pushed)"
                           r"\b[^.;\d]{0,60}?\b(?:total|toll|tally|number|count)\b[^.;\d]{0,50}?\bto\b", re.I)
# A span of time a court gives: "sentenced to 35 years", "25 years in prison", "12 months imprisonment".
_JAILED_AFTER = re.compile(r"[^\S\n]+(?:(?:in|behind)[^\S\n]+(?:a[^\S\n]+)?(?:[A-Z][\w-]*[^\S\n]+)?(prison|jail|bars)|(imprisonment))\b",
                           re.I)
_JAILED_BEFORE = re.compile(r"\b(?:sentenced|jailed|imprisoned|sentence of)[^\S\n]+(?:to[^\S\n]+|for[^\S\n]+)?"
                            r"(?:up[^\S\n]+to[^\S\n]+|between[^\S\n]+)?$", re.I)
# A sentence about no place in particular: what usually happens ("typically", "on average")
# or what a study found ("in the study of 124 children", "researchers found"). Its figures take a
# place the sentence names, never the story's.
_UNPLACED = re.compile(r"\b(?:typically|usually|generally|normally|on average|in general|"
                       r"stud(?:y|ies)|researchers?)\b")
_OUTSIDE = re.compile(r"\b(?:outside|excluding|except|beyond)(?:[^\S\n]+of)?[^\S\n]+(?:the[^\S\n]+)?$", re.I)
# Verbs whose subject is where the figure is: "Chile has 2,335 cases", "Zambia reported 160 deaths".
_HOLDING = {"have", "record", "report", "confirm", "suffer", "see", "register", "count", "account",
            "experience", "host", "house", "lose", "reach", "top", "pass", "exceed", "total"}
_ACTOR_DEPS = {"nsubj", "nsubjpass", "agent", "csubj"}
_PLACE_PREPS = {"in", "at", "across", "inside", "within", "throughout", "near", "around", "from",
                "on", "for", "among", "outside", "into", "to", "of"}
_CHANGE_WORDS = {
    "rise", "rose", "risen", "rising", "rises", "fall", "fell", "fallen", "falling", "falls",
    "increase", "increased", "increases", "increasing", "decrease", "decreased", "decreasing",
    "drop", "dropped", "drops", "dropping", "climb", "climbed", "climbing", "jump", "jumped",
    "grow", "grew", "grown", "growing", "growth", "surge", "surged", "soar", "soared", "plunge",
    "plunged", "decline", "declined", "declining", "slip", "slipped", "gain", "gained", "lose",
    "lost", "cut", "cuts", "raise", "raised", "reduce", "reduced", "reduction", "up", "down",
    "boost", "boosted", "shrank", "shrink", "widened", "narrowed", "tumbled", "slumped", "added",
    "add", "adds", "lifted", "lowered", "rebound", "rebounded", "leap", "leapt", "leaped",
}
_CHANGE_WORD = re.compile(r"\b(?:" + "|".join(sorted(_CHANGE_WORDS)) + r")\b", re.I)
_CHANGE_NOUNS = {"rise", "increase", "fall", "drop", "decrease", "growth", "decline", "cut", "gain",
                 "jump", "surge", "reduction", "loss", "boost", "climb", "change"}
# Verbs whose object is the level their subject reaches: "sales hit £3.2bn", "deaths topped 100".
_LEVEL_VERBS = {"hit", "reach", "top", "total", "exceed", "pass", "surpass", "near", "approach", "equal",
                "cross", "break", "number"}
# Verbs whose subject a modal projects: "60,000 people could become affected", "2,000 could die".
_OUTCOME_VERBS = {"be", "become", "die", "reach", "rise", "fall", "grow", "increase", "exceed", "top", "get",
                  "need", "lose", "face", "suffer", "follow", "come", "arrive", "join"}
# Verbs done to people: their bare object counts people ("the storm kills seven").
_PEOPLE_VERBS = {"kill", "infect", "sicken", "injure", "wound", "hospitalise", "hospitalize", "evacuate",
                 "displace", "arrest", "rescue", "poison", "affect", "claim", "strike", "hurt"}
_MODALS = {"would", "could"}  # "may"/"might" hedge a present figure; "will" is often a schedule
_PROJECTING = {"plan", "expect", "project", "forecast", "predict", "aim", "intend", "urge", "propose"}
_FUTURE = re.compile(
    r"\b(?:will|'ll|shall|expected to|expects|forecast|forecasts|projected|projects|predicted to|"
    r"set to|plans? to|planned|target|targets|aims? to|goal|likely to|by (?:the end of )?20\d\d)\b", re.I)
_PREVIOUS_BEFORE = re.compile(
    r"(?:\b(?:up|down|rising|falling|rose|fell|increase[sd]?|decrease[sd]?|grew|dropped|climbed|jumped)"
    r"(?:\s+[\w%.,$£€-]+){0,4}\s+from|\bcompared (?:with|to)|\bagainst|\bfrom|\bbefore)\s+(?:the\s+|a\s+)?$", re.I)
_PREVIOUS_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,3}?(?:a year|the year|a month|the previous \w+|"
                             r"last year|a decade) (?:earlier|before|ago)\b", re.I)
# The "from" side said to be a year (a quarter, a month) before the figure it is compared with.
_EARLIER = re.compile(r"[^\S\n]*,?[^\S\n]*(?:[\w-]+[^\S\n]+){0,4}?(?:(?:a|one|the)[^\S\n]+(year|quarter|month)"
                      r"[^\S\n]+(?:earlier|before)|the[^\S\n]+(?:previous|preceding)[^\S\n]+(year|quarter|month))\b", re.I)
_CHANGE_BEFORE = re.compile(
    r"(?:\b(?:by|another|an extra|an additional|a further)\s+(?:a\s+|an\s+)?$|"
    r"(?:^|[,;(]\s*|\b(?:is|was|were|are|been|be|or|and|while)\s+)(?:up|down)\s+$|"
    r"\b(?:rise|increase|fall|drop|decrease|growth|decline|cut|gain|jump|surge|reduction|loss|boost)"
    r"s? of\s+(?:about\s+|around\s+|nearly\s+|some\s+)?$)", re.I)
_CHANGE_AFTER = re.compile(r"^\s*(?:more|extra|additional|further|rise|increase|fall|drop|decrease|"
                           r"jump|gain|loss|cut|higher|lower|up|down|fewer|less)\b", re.I)
_OF_THE = re.compile(r"\b(?:of|among)\s+(?:the|these|those|them|whom|which|its|their)\b[^.;,]*,[^.;]*$", re.I)
_INCLUDING = re.compile(r"\b(?:including|includ(?:es|ed)|of whom|of which|among them|such as)\b", re.I)
_TOTAL_BEFORE = re.compile(r"\b(?:a total of|in total|total(?:led|ed|s|ing)?|altogether|overall|"
                           r"combined|in all)\s+$", re.I)
_REPORTING = {"said", "says", "say", "reported", "reports", "report", "announced", "announces",
              "estimated", "estimates", "confirmed", "confirms", "told", "stated", "revealed",
              "showed", "shows", "according", "recorded", "counted", "registered", "states", "state",
              "noted", "notes", "added", "adds", "suggest", "suggests", "found", "finds"}
# Nouns for what a body says or finds: their author is the figure's body ("a report by MSF").
_DOCUMENT_NOUNS = {"report", "statement", "estimate", "release", "survey", "study", "analysis", "announcement",
                   "letter", "tally", "count", "figure", "data", "bulletin", "update", "assessment", "review"}
# A news outlet relays a figure; the figure is not its own ("Reuters reports that nine people died").
_OUTLET = re.compile(r"\b(?:news|newspapers?|paper|magazine|broadcaster|wire|Times|Post|Guardian|Herald|"
                     r"Journal|Telegraph|Tribune|Gazette|media|Reuters|Associated Press|AFP|Xinhua)\b", re.I)
_PEOPLE = {"people": "person", "persons": "person", "men": "man", "women": "woman",
           "children": "child", "teeth": "tooth", "feet": "foot", "mice": "mouse", "geese": "goose",
           "lives": "life", "wives": "wife", "knives": "knife", "halves": "half", "leaves": "leaf"}


_AGE = re.compile(r"(?i)\b(?:aged?|ages)\b|(?:year|month|week|day)s?[- ]old\b")
_DURATIONS = {"years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades", "centuries"}


_AGE_AFTER = re.compile(r"^[^\S\n]*(?:(?:years?|months?)[^\S\n]+)?of[^\S\n]+age\b", re.I)
_AGE_BEFORE = re.compile(r"(?:\b(?:children|child|kids|babies|infants|adults|people|those|patients)[^\S\n]+"
                         r"(?:under|over|aged|below|above|younger than|older than)|\bin[^\S\n]+(?:his|her|their))[^\S\n]+$",
                         re.I)
_NAMED_AGE = re.compile(r"(?:^|[^\w])[A-Z][\w'’-]+,[^\S\n]+$")


def _is_age(text: str, claim) -> bool:
    """ "a 45-year-old", "aged 45", "at the age of 36", "18 years of age", "children under five",
    "a suspect in his 40s", "Misbah, 20, ...": the claim or the words around it."""
    if claim.kind not in ("quantity", "count") or claim.kind == "count" and getattr(claim, "unit", None):
        return False
    before, after = text[max(0, claim.start - 40) : claim.start], text[claim.end : claim.end + 20]
    if claim.kind == "quantity" and _AGE.search(text[max(0, claim.start - 6) : claim.end + 6]):
        return True
    if getattr(claim, "unit", None) in _DURATIONS - {"years", "months"}:
        return False  # "200,000 people over four days"
    if re.match(r"(?i)(?:under|over|below|above)\b", claim.text):
        before += claim.text.split()[0] + " "  # "children under five": the qualifier is the claim's
    return bool(_AGE_AFTER.match(after) or _AGE_BEFORE.search(before) or (
        claim.kind == "quantity" and _NAMED_AGE.search(before) and after.startswith(",")))


def singular(word: str) -> str:
    """ "detainees" -> "detainee", "people" -> "person": the head a measure is matched on."""
    word = word.lower()
    if word in _PEOPLE:
        return _PEOPLE[word]
    for suffix, replacement in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"),
                                ("xes", "x"), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2 and not word.endswith(("ss", "us", "is")):
            return word[: -len(suffix)] + replacement
    return word


class Framer:
    """Frames for one story's claims."""

    def __init__(self, doc: Doc, text: str, claims: list, places: list[PlaceMention]):
        self.doc, self.text, self.claims = doc, text, claims
        self.places = sorted(places, key=lambda p: p.start)
        self._place_starts = [p.start for p in self.places]
        self._claim_starts = [c.start for c in claims]
        self.owners = self._date_owners()
        self._norps: list[tuple[int, str]] | None = None
        self._sentence_subjects: dict[int, str | None] = {}
        self._placed: dict[int, list[tuple[str, int]]] = {}
        self._tokens: dict[str, Token | None] = {}
        self._ages: dict[str, bool] = {}
        self.structure = Structure(text)
        self.parsed = annotated(doc, "DEP")
        self.mentioned = list(dict.fromkeys(p.text for p in places))
        self.story_place, self.story_stated = self._story_place()

    # ------------------------------------------------------------------ entry point
    def frames(self) -> list:
        roles = {}
        for claim in self.claims:
            if claim.kind != "date":
                roles[claim.id] = self._role(claim)
        links = self._links(roles)
        periods = self._periods(roles, links)
        earlier = {link.claim: periods[claim.id] for claim in self.claims if claim.id in links
                   for link in links[claim.id] if link.relation == "previous_of" and periods.get(claim.id)}
        out = []
        measured: dict[int | None, str] = {}  # the last measure named in each sentence
        for claim in self.claims:
            if claim.kind == "date":
                out.append(claim)
                continue
            token = self._token(claim)
            measure, head_token = self._measure(claim, token)
            if measure is not None and any(ch.isdigit() for ch in measure.split()[-1]):
                measure, head_token = None, None  # "voted 22–0": a tally, not a thing counted
            if measure is None and claim.kind == "count" and self._elliptical(claim):
                measure = measured.get(claim.sentence_start)  # "327 deaths, and Rio de Janeiro 84"
            elif measure is not None and claim.kind == "count":
                measured[claim.sentence_start] = measure
            place, source = self._place(claim, token, head_token)
            frame = Frame(
                measure=measure, measure_head=singular(measure.split()[-1]) if measure else None,
                subject=self._subject(claim, token, head_token), place=place, place_source=source,
                period=periods[claim.id], previous_period=earlier.get(claim.id), role=roles[claim.id],
                links=links.get(claim.id, []),
            )
            out.append(claim.model_copy(update={"frame": frame}))
        return out

    # ------------------------------------------------------------------ tokens
    def _token(self, claim) -> Token | None:
        """The figure's number token (found once per claim: the role and the frame both ask)."""
        if claim.id not in self._tokens:
            span = self.doc.char_span(claim.start, claim.end, alignment_mode="expand")
            numbers = [t for t in span if t.like_num or t.pos_ == "NUM"] if span is not None else []
            self._tokens[claim.id] = numbers[-1] if numbers else (span.root if span is not None and len(span) else None)
        return self._tokens[claim.id]

    def _age(self, claim) -> bool:
        """Whether the figure is an age (read once per claim: measure, place and subject ask)."""
        if claim.id not in self._ages:
            self._ages[claim.id] = _is_age(self.text, claim)
        return self._ages[claim.id]

    def _sentence(self, claim) -> tuple[int, int]:
        return claim.sentence_start or 0, claim.sentence_end or len(self.text)

    # ------------------------------------------------------------------ measure
    def _measure(self, claim, token: Token | None) -> tuple[str | None, Token | None]:
        if self._age(claim):
            return "age", None  # "aged 45", "at the age of 36", "a 45-year-old woman"
        if claim.kind == "count" and claim.unit:
            unit = self._unit_token(claim)
            if unit is not None and unit.dep_ == "poss" and nounish(unit.head) and unit.head.i > unit.i:
                return _phrase(unit.head), unit.head  # "eleven of the country's residents": residents
            return claim.unit, unit
        if claim.kind == "quantity":
            return self._quantity_measure(claim, token)
        if token is None or not self.parsed:
            return None, None
        noun = self._measured_noun(claim, token)
        if noun is None or claim.start <= noun.idx < claim.end or any(ch.isdigit() for ch in noun.text):
            return ("people", None) if claim.kind == "count" and self._people_verb(token) else (None, None)
        return _phrase(noun), noun

    def _people_verb(self, token: Token) -> bool:
        """A bare count that a verb done to people governs: "the storm kills seven", "sickens
        nearly 100" (seven people, 100 people)."""
        root = _figure_root(token)
        return root.head.i != root.i and root.dep_ in ("dobj", "advmod", "npadvmod", "conj") \
            and _verb_in(root.head, _PEOPLE_VERBS) and not any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children)

    def _elliptical(self, claim) -> bool:
        """A bare count that leaves its noun to the one before it: "eight in Alberta", "and Rio de
        Janeiro 84", "Sri Lanka - 28,500, India - 7,700"."""
        after = self.text[claim.end : claim.end + 30]
        return bool(re.match(r"[^\S\n]*(?:[,;.)]|$|(?:in|at|from|for|and|or|each|respectively)\b)", after))

    def _quantity_measure(self, claim, token) -> tuple[str | None, Token | None]:
        """ "a 10km zone", "a five-year sentence" measure the noun they modify; a bare span of
        time or distance measures nothing the text names (an age was read before)."""
        if token is None or not self.parsed:
            return None, None
        span = self.doc.char_span(claim.start, claim.end, alignment_mode="expand")
        if span is None:
            return None, None
        outside = [t.head for t in span if not (span.start <= t.head.i < span.end)]
        if outside and outside[0].i >= span.end and nounish(outside[0]):
            noun = outside[0]  # "a 10km zone", "a five-year sentence", "a 30-day needle exchange program"
            while noun.dep_ == "compound" and noun.head.i > noun.i and nounish(noun.head):
                noun = noun.head  # "a three kilometre protection zone": the zone
            return _phrase(noun, after=span.end), noun
        if claim.unit in _DURATIONS:
            jailed = _JAILED_AFTER.match(self.text, claim.end)
            if jailed or _JAILED_BEFORE.search(self.text[max(0, claim.start - 40) : claim.start]):
                return ("imprisonment" if jailed and jailed.group(2) else "sentence"), None
        unit = span.root
        for prep in unit.children:  # "eighteen tons of supplies", "three days of artesunate"
            if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i >= span.end:
                objects = [c for c in prep.children if c.dep_ == "pobj" and nounish(c) and c.pos_ != "PRON"]
                if objects:
                    return _phrase(objects[0]), objects[0]
        # "a zone of 10km", "a magnitude of 7.7", "a period of six months", "the incubation period is two days"
        if claim.unit in _DURATIONS and not (  # a span of time measures a noun only through "of" or a copula
                unit.dep_ == "pobj" and unit.head.lower_ == "of" or unit.dep_ == "attr" and _verb_in(unit.head, {"be"})):
            return None, None  # not "200,000 people over four days", "available within seven days"
        noun = self._measured_noun(claim, unit if nounish(unit) else token)
        if noun is not None and not (claim.start <= noun.idx < claim.end):
            return _phrase(noun), noun
        return None, None

    def _unit_token(self, claim) -> Token | None:
        lo, hi = self._sentence(claim)
        for token in self.doc.char_span(lo, hi, alignment_mode="expand") or ():
            if token.idx >= claim.end and token.text == claim.unit.split()[-1]:
                return token
        return None

    def _measured_noun(self, claim, token: Token) -> Token | None:
        root = _figure_root(token)
        for child in root.children:  # "35% of homes", "$2bn of aid", "$65m in revenue"
            if child.dep_ == "prep" and (child.lower_ == "of" or child.lower_ == "in" and claim.kind == "money"):
                objects = [c for c in child.children if c.dep_ == "pobj" and (
                    nounish(c) or c.lower_ == "those" and claim.kind == "percent")]
                if objects and objects[0].lower_ not in ("which", "them", "whom", "these"):  # "half of those infected"
                    return objects[0]
        if root.dep_ == "pobj" and root.head.dep_ == "prep":
            prep = root.head
            governor = prep.head
            if prep.lower_ in ("of", "at", "to", "from", "by", "for") and nounish(governor) \
                    and governor.lower_ not in _CHANGE_NOUNS:
                return _contained(governor)  # "revenue of $51bn", "a rate of 5%"
            if nounish(governor) and governor.lower_ in _CHANGE_NOUNS:
                return _changed_noun(governor)
            if governor.pos_ in ("VERB", "AUX"):
                if prep.lower_ == "to":  # "limit the number of deaths to 1%": what the verb acts on
                    objects = [c for c in governor.children if c.dep_ == "dobj" and nounish(c)]
                    if objects:
                        return self._named(_contained(objects[0]))
                subject = _verb_subject(governor)  # "cases rose to 97"
                return self._named(_contained(subject)) if subject is not None else None
        if root.dep_ in ("nummod", "compound", "amod", "nmod", "quantmod", "predet") and nounish(root.head):
            noun = root.head
            if noun.lower_ in _CHANGE_NOUNS:
                return _changed_noun(noun) or noun
            if claim.kind in ("money", "quantity") or noun.lower_ not in ("%", "percent"):
                return noun
        if root.dep_ in ("dobj", "attr", "npadvmod", "advmod", "oprd", "acomp", "appos", "nsubj",
                         "conj", "ROOT", "pobj") and root.head.pos_ in ("VERB", "AUX") and (
                root.dep_ not in ("dobj", "advmod", "npadvmod", "conj", "pobj") or _verb_in(root.head, _LEVEL_VERBS)
                or root.head.lower_ in _CHANGE_WORDS or _verb_in(root.head, {"be", "stand", "remain"})):
            # "sales hit £3.2bn", "exports rose 5%", "the toll stands at 40"; not "the storm kills
            # seven" or "the outbreak sickens nearly 100" (the subject acts on what is counted)
            subject = _verb_subject(root.head)
            if subject is not None and subject.i != root.i:
                return self._named(_contained(subject))
        return None

    def _named(self, noun: Token | None) -> Token | None:
        """A measure is a thing counted, never a place or a person: "Sweden has 17 dead" does
        not count Swedens."""
        if noun is None or noun.pos_ == "PROPN" and (self._is_place(noun) or noun.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")):
            return None
        return noun

    # ------------------------------------------------------------------ subject
    def _subject(self, claim, token: Token | None, noun: Token | None) -> str | None:
        if not self.parsed or token is None or self._age(claim):
            return None  # an age is a person's, whoever reports it
        if noun is not None:
            for child in noun.children:
                if child.dep_ == "poss" and child.ent_type_ in ("ORG", "PERSON", "NORP") or (
                        child.dep_ == "poss" and child.pos_ == "PROPN" and not self._is_place(child)):
                    return _entity_text(child)
        acting = self._acting_body(token)
        if acting is not None:
            return acting  # "Local police arrested four vendors", "the laboratory confirmed 16 cases"
        sentence = token.sent
        if sentence.start not in self._sentence_subjects:
            self._sentence_subjects[sentence.start] = self._attributed(sentence, token)
        return self._sentence_subjects[sentence.start]

    def _attributed(self, sentence, token: Token) -> str | None:
        """The body a sentence credits: "according to WHO", "according to a statement by the
        Health Department", "the ministry said", "a report by the Treatment Action Campaign states",
        "WHO says two further women are infected; the UN agency says ..." (the reporting verb above
        the figure when there are several)."""
        for t in sentence:
            if t.lower_ == "according" and t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ == "to":
                for obj in self.doc[t.i + 1].children:
                    body = self._body_of(obj) if obj.dep_ == "pobj" else None
                    if body is not None:  # not "according to these figures"
                        return body
        reporting = [t for t in sentence if t.lower_ in _REPORTING and t.pos_ in ("VERB", "AUX")]
        above = [t for t in reporting if t in token.ancestors]
        for verb in above + [t for t in reporting if t not in above]:
            for child in verb.children:
                body = self._body_of(child) if child.dep_ == "nsubj" else None
                if body is not None:
                    return body
        return None

    def _body_of(self, noun: Token) -> str | None:
        """The organisation or person a noun names as the one whose act or word the figure is:
        the body itself ("the laboratory", "WHO"), the person a title stands beside ("its chief
        executive, Maria Okafor"), the antecedent of "who" ("Rotary International, who have
        provided $30 million"), the author of a document ("a report by MSF", "a statement made by
        the Health Department", "UNICEF estimates", "MSF's survey") or the holder of an office
        ("the office of President Sarkozy"). None for a news outlet that relays the figure, and
        for unnamed "authorities"."""
        if noun.text in ("who", "which", "that"):  # not "WHO"
            antecedent = noun.head.head if noun.head.dep_ == "relcl" else None
            if antecedent is None or not (antecedent.ent_type_ in ("ORG", "PERSON")
                                          or singular(antecedent.lower_) in _BODY_NOUNS):
                return None  # "the virus, which has killed sixteen people": no body
            noun = antecedent  # "MSF, who now have 14 experts": MSF
        if singular(noun.lower_) in _DOCUMENT_NOUNS and not noun.ent_type_:
            for child in noun.children:
                if child.dep_ in ("poss", "compound") and child.i < noun.i and self._is_body(child) \
                        and child.ent_type_ in ("ORG", "PERSON"):
                    return self._body_of(child)  # "MSF's survey", "UNICEF estimates"
            for child in noun.children:
                if child.dep_ == "acl":  # "a statement made by the Health Department"
                    child = next((c for c in child.children if c.dep_ == "agent"), child)
                if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from", "of"):
                    for obj in child.children:
                        if obj.dep_ == "pobj" and self._is_body(obj):
                            return self._body_of(obj)
            return None
        if not noun.ent_type_ and noun.pos_ == "NOUN":
            for child in noun.children:
                if child.dep_ == "appos" and child.ent_type_ in ("PERSON", "ORG") and not self._is_place(child):
                    return _entity_text(child)  # "its chief executive, Maria Okafor"
        if not self._is_body(noun) or noun.lower_ in ("authorities", "officials") or _outlet(noun):
            return None
        if not noun.ent_type_:
            if noun.lower_ in ("office", "spokesman", "spokeswoman", "spokesperson"):
                for prep in noun.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
                        for obj in prep.children:
                            named = next((t for t in obj.subtree if t.ent_type_ in ("PERSON", "ORG")), None)
                            if obj.dep_ == "pobj" and named is not None and not self._is_place(named):
                                return _entity_text(named)  # "the office of France's president Nicolas Sarkozy"
        return _entity_text(noun) if noun.ent_type_ else _phrase(noun)

    def _acting_body(self, token: Token) -> str | None:
        """The organisation or person whose act the figure counts: the subject of the figure's
        own verb when it names a body, not a place ("Local police arrested four vendors"), or of
        the verb it completes or joins ("Tabcorp expects to lose $150m", "police arrested four
        vendors and seized 3,000 kilos")."""
        root = _figure_root(token)
        verb = next((a for a in [root, *root.ancestors][1:4] if a.pos_ == "VERB"), None)
        if verb is None or verb.lower_ in _REPORTING:
            return None
        for _ in range(3):
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
            for child in subjects:
                if child.dep_ == "nsubjpass":
                    continue
                subject = child if child.dep_ == "nsubj" else next(
                    (c for c in child.children if c.dep_ == "pobj"), None)
                if subject is None or subject.i == root.i:
                    continue
                if subject.text in ("who", "which", "that") or subject.ent_type_ in ("ORG", "PERSON") \
                        or singular(subject.lower_) in _BODY_NOUNS | _DOCUMENT_NOUNS:
                    body = self._body_of(subject)
                    if body is not None:
                        return body
            passive = any(c.dep_ == "auxpass" for c in verb.children)  # "pleaded guilty and was convicted"
            if subjects or passive or verb.dep_ not in ("xcomp", "conj") or verb.head.pos_ != "VERB" \
                    or verb.head.lower_ in _REPORTING:
                return None
            verb = verb.head  # "Tabcorp expects to lose", "police arrested ... and seized"
        return None

    def _is_body(self, token: Token) -> bool:
        return (token.ent_type_ in ("ORG", "PERSON") or token.pos_ == "PROPN" or
                singular(token.lower_) in _BODY_NOUNS) and not self._is_place(token)

    def _is_place(self, token: Token) -> bool:
        return any(p.start <= token.idx < p.end for p in self._places_in(max(0, token.idx - 200), token.idx + 200))

    # ------------------------------------------------------------------ place
    def _place(self, claim, token, noun) -> tuple[PlaceRef | None, str | None]:
        lo, hi = self._sentence(claim)
        if self._age(claim):
            return self._person_place(claim, token, lo, hi)
        if _NOWHERE.search(self.text[lo:hi]):
            return None, None  # "worldwide", "around the globe": about no one place
        in_sentence = [p for p in self._places_in(lo, hi) if not (p.start < claim.end and claim.start < p.end)]
        demonyms = self._demonyms(lo, hi, claim)
        candidates = [(p.text, p.start) for p in in_sentence] + demonyms
        spread = self._spread(claim, lo, hi)
        if any(_OUTSIDE.search(self.text[max(lo, p.start - 25) : p.start]) for p in in_sentence):
            return None, None  # "55 deaths outside of China": everywhere but a place is no one place
        if spread is not None:
            candidates = [c for c in candidates if _REGION.search(c[0])]  # "eleven countries across Asia"
        if candidates:
            chosen, score = self._choose(claim, token, noun, candidates)
            if chosen is not None:
                return PlaceRef(text=chosen), "sentence"
        if spread is not None:  # "36,000 cases in 76 countries": spread over many places, none inherited
            return (PlaceRef(text=self.story_place), "story") if self.story_place and self.story_stated \
                and _REGION.search(self.story_place) else (None, None)
        if candidates:
            if in_sentence and not self.parsed:
                nearest = min(in_sentence, key=lambda p: abs(p.start - claim.start))
                return PlaceRef(text=nearest.text), "sentence"
            if claim.kind == "quantity" or any(self._owned_by_other(claim, start) for _, start in candidates):
                return None, None  # the sentence's places belong to its other figures
            return (None, None) if self._unplaced(token, lo, hi) else self._inherited(claim)
        if claim.kind == "quantity" and claim.unit in _DURATIONS:
            return None, None  # "three days", "six months": a span of time inherits no place
        if self._unplaced(token, lo, hi):
            return None, None  # "E. coli typically affects 75,000 a year", "in the study of 124 children"
        return self._inherited(claim)

    def _unplaced(self, token, lo: int, hi: int) -> bool:
        """A sentence about no place in particular: what usually happens or what a study found
        (`_UNPLACED`), or a figure whose own verb says what can happen ("can kill as many as 60",
        "may be as high as 95%"; not "may have died")."""
        if _UNPLACED.search(self.text, lo, hi):
            return True
        if token is None or not self.parsed:
            return False
        verb = next((t for t in [_figure_root(token), *_figure_root(token).ancestors][:4] if t.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            return False
        auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        return bool(auxes & {"can", "may"}) and "have" not in auxes

    def _person_place(self, claim, token, lo: int, hi: int) -> tuple[PlaceRef | None, str | None]:
        """An age describes a person: it is at a place only where the sentence places that person
        ("a 22-month-old boy in Houston", "the 39-year-old Las Vegas woman"); it inherits none."""
        if token is None or not self.parsed:
            return None, None
        person = _figure_root(token)
        while person.dep_ in ("amod", "compound", "nummod", "npadvmod", "appos", "quantmod") and person.head.i != person.i \
                and person.head.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
            person = person.head
        candidates = [(p.text, p.start) for p in self._places_in(lo, hi)
                      if not (p.start < claim.end and claim.start < p.end)
                      and not re.search(r"\bfrom[^\S\n]+(?:the[^\S\n]+)?$", self.text[max(lo, p.start - 12) : p.start])]
        if not candidates:  # "a girl from Buffalo" says where she comes from, not where the figure is
            return None, None
        chosen, score = self._choose(claim, token, person, candidates)
        return (PlaceRef(text=chosen), "sentence") if chosen is not None and score >= 3 else (None, None)

    def _demonyms(self, lo: int, hi: int, claim) -> list[tuple[str, int]]:
        """ "Ethiopian farmers": the places the sentence's nationality words stand for."""
        if not self.parsed:
            return []
        if self._norps is None:
            self._norps = [(ent.start_char, ent.text) for ent in self.doc.ents if ent.label_ == "NORP"]
        out = []
        for start, text in self._norps:
            if lo <= start < hi and not self._nationality(start):
                name = place_of(text, self.mentioned)
                if name:
                    out.append((name, start))
        return out

    def _nationality(self, start: int) -> bool:
        """A nationality word that says who someone is, not where: "Sudanese refugees", "three
        Mexican restaurants", "an American and an Australian" ("Ethiopian farmers" is a place)."""
        span = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None or not len(span):
            return False
        word = span[0]
        if (word.pos_ in ("NOUN", "PROPN") or word.dep_ in ("pobj", "conj", "dobj", "nsubj", "appos")) \
                and word.dep_ not in ("amod", "compound"):
            return True  # "an American", "the Swiss", "including an American and an Australian"
        return word.head.i != word.i and singular(word.head.lower_) in _ABROAD_NOUNS

    def _spread(self, claim, lo: int, hi: int) -> str | None:
        """The id of the sentence's figure that counts countries ("in 76 countries", "214 countries
        and territories"): such a sentence's figures are spread over many places, not one."""
        for other in self._claims_in(lo, hi):
            if other.kind == "count" and _COUNTRIES.match(self.text, other.end):
                return other.id
        return None

    def _choose(self, claim, token, noun, candidates) -> tuple[str | None, int]:
        if not self.parsed or token is None:
            return min(candidates, key=lambda c: abs(c[1] - claim.start))[0], 1
        scored = []
        root = _figure_root(token)
        anchors = {t.i for t in (token, noun, root) if t is not None}
        if root.dep_ == "pobj" and root.head.lower_ == "of" and nounish(root.head.head):
            anchors.add(root.head.head.i)  # "Vietnam's total of 93 cases"
        path = _clause_path(root)
        for name, start in candidates:
            if self._owned_by_other(claim, start):
                continue  # "47.6% in Manchester to 73.1% in Surrey": Manchester is the 47.6%'s
            span = self.doc.char_span(start, start + 1, alignment_mode="expand")
            if span is None or not len(span):
                continue
            place_token = span[0]
            head = _phrase_head(place_token)
            if self._acts(head, place_token, anchors) or self._locates_other_place(head, token) \
                    or self._not_where(claim, start, head):
                continue
            score = 1
            if start >= claim.end and _RIGHT_AFTER.match(self.text[claim.end : start]):
                score = 4  # "two in Kansas", "12 cases at the camp"
            elif start < claim.start and re.fullmatch(r"[^\S\n]*[-–—:]?[^\S\n]*", self._between(start, claim.start)):
                score = 4  # "Sri Lanka - approximately 28,500", "and Rio de Janeiro 84"
            elif root.i in {a.i for a in head.ancestors} or token.i in {a.i for a in head.ancestors}:
                score = 3  # inside the figure's own phrase: "2,500 at its depot in Daventry"
            elif head.i in anchors or head.head.i in anchors:
                score = 3  # "Japan's exports", "the UK jobless total", "Ethiopian farmers"
            elif head.dep_ in ("nsubj", "nsubjpass") and head.head.i in path and _verb_in(head.head, _HOLDING):
                score = 3  # "Chile has 2,335 cases", "Sub-Saharan Africa suffered three-quarters"
            elif head.dep_ == "pobj" and head.head.lower_ in _PLACE_PREPS and head.head.head.i in path:
                score = 2  # "in Hasakah" on the figure's verb or noun
            elif any(a.i in path for a in head.ancestors):
                score = 2 if head.dep_ == "pobj" else 1
            before = 1 if start < claim.start else 0  # "in Hasakah, 150 ..." reads back to the place
            scored.append((score, before, -abs(start - claim.start), name))
        if not scored:
            return None, 0
        scored.sort(reverse=True)
        return scored[0][-1], scored[0][0]

    def _not_where(self, claim, start: int, head: Token) -> bool:
        """A place named in the sentence that is not where the figure is: the point a distance is measured from ("70 km from Johannesburg"), the
        name of an agency or paper ("news agency Xinhua"), or where a source is based ("the
        Kedaulatan Rakyat, a newspaper based in Yogyakarta, reports ...")."""
        before = self.text[max(claim.sentence_start or 0, start - 25) : start]
        if claim.kind == "quantity" and claim.unit not in _DURATIONS and start >= claim.end \
                and re.fullmatch(r"[^\S\n]+(?:away[^\S\n]+)?from[^\S\n]+(?:the[^\S\n]+)?", self.text[claim.end : start]):
            return True
        if re.search(r"\b(?:agency|newspaper|paper|broadcaster|daily|magazine|network|channel|station|wire)[^\S\n]+$",
                     before, re.I):
            return True
        for ancestor in head.ancestors:
            if ancestor.dep_ in ("acl", "relcl") and ancestor.head.i not in {a.i for a in self._token(claim).ancestors} \
                    and singular(ancestor.head.lower_) in _BODY_NOUNS | _SOURCE_NOUNS | {"newspaper", "paper", "agency"}:
                return True  # "a newspaper based in Yogyakarta"
            if ancestor.dep_ in ("ROOT", "ccomp", "advcl", "conj"):
                break
        return False

    def _between(self, place_start: int, claim_start: int) -> str:
        """The text from the end of the place mention at `place_start` to a figure after it."""
        index = bisect.bisect_left(self._place_starts, place_start)
        end = self.places[index].end if index < len(self.places) and self.places[index].start == place_start \
            else place_start
        return self.text[end:claim_start] if end <= claim_start else "x"

    def _owned_by_other(self, claim, place_start: int) -> bool:
        """Whether another figure of the sentence sits right before this place ("N in X") while
        the sentence shares its figures out among places: after this figure, always ("8 cases, 7
        from Suva and 1 from Nadi"); before it, only when this figure says where it is itself
        ("47.6% in Manchester to 73.1% in a seat in Surrey"). One "N in X" alone does not share
        anything out: "81 cases including 63 deaths in Indonesia" are both Indonesia's."""
        if len(self._placed_figures(claim)) < 2:
            return False
        if place_start > claim.end:
            between = [c for c in self._claims_in(claim.end, place_start) if c.kind != "date" and c.end <= place_start]
            if between and _RIGHT_AFTER.match(self.text[between[-1].end : place_start]):
                return True
        if not re.match(r"^%?[^\S\n]+(?:in|at)[^\S\n]", self.text[claim.end : claim.end + 6]):
            return False  # only a figure that says where it is itself ("73.1% in ...") gives way
        lo, hi = self._sentence(claim)
        previous = [c for c in self._claims_in(lo, place_start) if c.kind != "date" and c.end <= place_start]
        if not previous or previous[-1].id == claim.id:
            return False
        return bool(_RIGHT_AFTER.match(self.text[previous[-1].end : place_start]))

    def _locates_other_place(self, head: Token, figure: Token) -> bool:
        """A place that only says where another place is: "the town of Beitbridge, which is on the
        border with South Africa, has 3,546 cases" (the cases are Beitbridge's)."""
        for ancestor in head.ancestors:
            if ancestor.dep_ in ("relcl", "acl") and figure not in ancestor.subtree:
                described = ancestor.head
                return self._is_place(described) or any(
                    self._is_place(obj) for prep in described.children if prep.lower_ == "of"
                    for obj in prep.children if obj.dep_ == "pobj")
        return False

    def _placed_figures(self, claim) -> list[tuple[str, int]]:
        """The sentence's figures that name their own place right after them ("7 from Suva"),
        as (claim id, place start); cached per sentence."""
        lo, hi = self._sentence(claim)
        if lo not in self._placed:
            pairs = []
            for other in self._claims_in(lo, hi):
                if other.kind == "date":
                    continue
                after = self.text[other.end : min(hi, other.end + 80)]
                said = _SAYS_WHERE.match(after)
                if said:  # a place named right after, or one the model does not know ("in a seat in Surrey")
                    found = [m for m in self._places_in(other.end, other.end + said.end() + 40)
                             if _RIGHT_AFTER.match(self.text[other.end : m.start])]
                    pairs.append((other.id, found[0].start if found else -1))
            self._placed[lo] = pairs
        return self._placed[lo]

    def _acts(self, head: Token, place_token: Token, anchors: set[int]) -> bool:
        """A place that is an actor: a place modifying people who act abroad ("US forces",
        "two US soldiers"), the subject of a verb that acts elsewhere ("the US struck 12 targets"),
        or the agent of a passive ("backed by the US")."""
        noun = head
        while noun.dep_ in ("compound", "amod", "poss", "conj", "nmod", "appos") and noun.head.i != noun.i:
            noun = noun.head
        if noun.i != head.i and singular(noun.lower_) in _ACTOR_NOUNS:
            return True  # "US soldiers", "American troops"
        if noun.dep_ in _ACTOR_DEPS and noun.i not in anchors and (noun.head.lower_ in _ACTING_VERBS or any(
                c.dep_ == "xcomp" and c.lower_ in _ACTING_VERBS for c in noun.head.children)):
            return True  # "the US struck", "the US began shifting prisoners"
        if head.dep_ == "pobj" and head.head.lower_ == "by" and head.head.dep_ == "agent":
            return True
        if any(a.lower_ == "according" for a in head.ancestors):
            return True  # "according to US officials": the source, not the place
        if noun.dep_ == "nsubj" and noun.head.lower_ in _REPORTING and noun.i not in anchors \
                and singular(noun.lower_) in _SOURCE_NOUNS | _ACTOR_NOUNS:
            return True  # "US officials said ...": who speaks, not where
        return False

    def _definite(self, claim) -> PlaceMention | None:
        """ "the camp", "the province": the last place of that kind named before the figure."""
        return self._definite_in(*self._sentence(claim), before=claim.start)

    def _inherited(self, claim) -> tuple[PlaceRef | None, str | None]:
        definite = self._definite(claim)
        if definite is not None:
            return PlaceRef(text=definite.text), "sentence"
        listing = self.structure.list_of(claim.start)
        if listing and listing.lead_line:
            names = self._names_in(*listing.lead_line)
            if len(names) == 1:
                return PlaceRef(text=names[0]), "section"
            if not names:  # a lead line with no place of its own: the place it follows on from
                for item in listing.bullets:
                    definite = self._definite_in(*item)
                    if definite is not None:
                        return PlaceRef(text=definite.text), "section"
                before = self.structure.paragraph_of(listing.lead_line[0])
                lead_para = before[0] if before else listing.lead_line[0]
                previous = self._last_place(max(0, lead_para - 2000), lead_para)
                if previous is not None:
                    return PlaceRef(text=previous.text), "section"
        heading = self.structure.heading_before(claim.start)
        if heading:
            names = self._names_in(*heading)
            if len(names) == 1:
                return PlaceRef(text=names[0]), "section"
        if self.story_place and self.story_stated:
            return PlaceRef(text=self.story_place), "story"
        paragraph = self.structure.paragraph_of(claim.start)
        if paragraph:
            last = self._last_place(paragraph[0], claim.sentence_start or claim.start)
            if last is not None:
                return PlaceRef(text=last.text), "story"  # the place the paragraph is at
        if self.story_place and self._named_before(claim):
            return PlaceRef(text=self.story_place), "story"
        return None, None

    def _definite_in(self, lo: int, hi: int, before: int | None = None) -> PlaceMention | None:
        """The place "the camp" in [lo, hi) refers to: the last place of that kind named before
        `before` (default `lo`)."""
        match = _DEFINITE.search(self.text, lo, hi)
        if not match:
            return None
        kind = match.group(1).lower()
        index = bisect.bisect_left(self._place_starts, lo if before is None else before)
        for mention in reversed(self.places[max(0, index - 30) : index]):
            if kind in mention.text.lower():
                return mention
        return None

    def _last_place(self, lo: int, hi: int, look_back: int = 20) -> PlaceMention | None:
        """The last place in [lo, hi) that is not an actor, looking back a bounded way."""
        index = bisect.bisect_left(self._place_starts, hi)
        for mention in reversed(self.places[max(0, index - look_back) : index]):
            if mention.start < lo:
                break
            if mention.end <= hi and not self._acting(mention):
                return mention
        return None

    def _acting(self, mention: PlaceMention) -> bool:
        if not self.parsed:
            return False
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        head = _phrase_head(span[0])
        return self._acts(head, span[0], set())

    def _names_in(self, lo: int, hi: int) -> list[str]:
        """The distinct place names (folded) mentioned in [lo, hi), in order, actors excluded."""
        seen: dict[str, str] = {}
        for p in self._places_in(lo, hi):
            seen.setdefault(fold(p.text) or p.text.lower(), p.text)
        return list(seen.values())

    def _places_in(self, lo: int, hi: int) -> list[PlaceMention]:
        first = bisect.bisect_left(self._place_starts, lo)
        last = bisect.bisect_left(self._place_starts, hi)
        return [p for p in self.places[first:last] if p.end <= hi]

    def _claims_in(self, lo: int, hi: int) -> list:
        return self.claims[bisect.bisect_left(self._claim_starts, lo) : bisect.bisect_left(self._claim_starts, hi)]

    def _story_place(self) -> tuple[str | None, bool]:
        """The story's place, and whether the story states it: the place its headline is about
        (a place after "in", else its first place or nationality: "Peruvians sue ...") or its
        dateline. Failing both, a place only the story's weight of evidence gives, which a
        paragraph's own place then overrides: the lede's place among those named most often, or
        else one place named clearly more often than any other (at least twice, twice as often as
        the next). Several places named as often, none in the lede ("2,300 jobs in Leeds and
        3,200 jobs in York"), give none: competing places mean no inheritance."""
        self.story_first = None
        headline = self.structure.headline
        if headline:
            named = self._headline_place(*headline)
            if named:
                return named, True
        datelines = [p for p in self.places if p.label == "DATELINE"]
        if datelines:
            return datelines[0].text, True
        counts: dict[str, int] = {}
        first: dict[str, PlaceMention] = {}
        for mention in self.places:
            key = fold(mention.text) or mention.text.lower()
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, mention)
        if not counts:
            return None, False
        ranked = sorted(counts.values(), reverse=True)
        best, runner_up = ranked[0], (ranked[1] if len(ranked) > 1 else 0)
        lede = self.structure.lede
        lede_names = [fold(n) or n.lower() for n in self._names_in(*lede)] if lede else []
        chosen = next((key for key in lede_names if counts.get(key) == best), None)
        if chosen is None and best >= 2 and best >= 2 * runner_up:
            chosen = next(key for key in first if counts[key] == best)
        if chosen is None:
            return None, False
        self.story_first = first[chosen]
        return first[chosen].text, False

    def _named_before(self, claim) -> bool:
        """Whether an unstated story place reaches this figure: named before it, or in its own
        paragraph; never only later, in a paragraph the figure is not in. A headline summarises
        its lede, so a headline's figure takes the lede's place."""
        mention = self.story_first
        if mention is None or mention.start < claim.start:
            return True
        headline, lede = self.structure.headline, self.structure.lede
        if headline and lede and headline[0] <= claim.start < headline[1] and lede[0] <= mention.start < lede[1]:
            return True
        paragraph = self.structure.paragraph_of(claim.start)
        return paragraph is not None and paragraph[0] <= mention.start < paragraph[1]

    def _headline_place(self, lo: int, hi: int) -> str | None:
        if _NOWHERE.search(self.text[lo:hi]):
            return None  # "World AIDS Day events held around the globe"
        candidates = [(p.text, p.start) for p in self._places_in(lo, hi)] + self._demonyms(lo, hi, None)
        seen = {start for _, start in candidates}

        def add(name: str, start: int) -> None:
            if start not in seen:
                seen.add(start)
                candidates.append((name, start))

        for name in self.mentioned:  # a place the body names, missed in the headline ("... hits Angola")
            for match in re.finditer(rf"\b{re.escape(name)}\b", self.text[lo:hi]):
                add(name, lo + match.start())
        if self.parsed:  # the model often misses a headline's nationality ("Peruvians sue ...")
            for token in self.doc.char_span(lo, hi, alignment_mode="expand") or ():
                name = place_of(token.text, self.mentioned, people=True) if token.text[:1].isupper() else None
                if name:
                    add(name, token.idx)
        if not candidates:
            return None
        if self.parsed:
            for name, start in sorted(candidates, key=lambda c: c[1]):
                span = self.doc.char_span(start, start + 1, alignment_mode="expand")
                head = _phrase_head(span[0]) if span is not None and len(span) else None
                if head is not None and head.dep_ == "pobj" and head.head.lower_ in _PLACE_PREPS - {"of", "from", "to"}:
                    return name  # "Hong Kong flu kills six in Japan": the place after "in"
        for name, start in sorted(candidates, key=lambda c: c[1]):
            span = self.doc.char_span(start, start + 1, alignment_mode="expand") if self.parsed else None
            if span is None or not len(span) or not self._acts(_phrase_head(span[0]), span[0], set()):
                return name  # "US starts shifting prisoners from Syria": the US acts, the story is in Syria
        return None

    # ------------------------------------------------------------------ period
    def _period(self, claim, token, role: str | None = None) -> str | None:
        lo, hi = self._sentence(claim)
        dates = [c for c in self._claims_in(lo, hi) if c.kind == "date" and c.value
                 and self.owners.get(c.id) in (None, claim.id)]
        if role == "previous":
            # the "from" side: only a date of its own ("from £2.1bn in October"); a date the sentence
            # gives the change ("In 2024, sales rose to £212m from £187m") is the later period's
            owned = [d for d in dates if self.owners.get(d.id) == claim.id]
            return owned[0].value if len(owned) == 1 else None
        span = self._span_of(dates)
        if span:
            return span  # "from 1971 to 2006", "the 1998–2001 epidemics", "between January and May 2008"
        dates = [d for d in dates if not re.search(r"\b(?:since|until|till|before|after)\s+$",
                                                    self.text[max(lo, d.start - 12) : d.start], re.I)]
        if len(dates) == 1:
            return dates[0].value
        if len(dates) > 1 and token is not None and self.parsed:
            path = _clause_path(_figure_root(token))
            for d in dates:
                span = self.doc.char_span(d.start, d.end, alignment_mode="expand")
                if span is not None and len(span) and any(a.i in path for a in span.root.ancestors) \
                        and span.root.head.i in path:
                    return d.value
        return None

    def _periods(self, roles: dict[str, str], links: dict[str, list[FrameLink]]) -> dict[str, str | None]:
        """Each figure's period; the "from" side of a change said to be "a year earlier" (or "a
        month", "a quarter", "the previous year") takes the period of the figure it is the earlier
        side of, moved back by that much: "£212m in 2024, from £187m a year earlier" -> 2023."""
        periods = {c.id: self._period(c, self._token(c), roles[c.id]) for c in self.claims if c.kind != "date"}
        for claim in self.claims:
            if claim.kind == "date" or roles[claim.id] != "previous":
                continue
            back = _EARLIER.match(self.text, claim.end, claim.sentence_end or len(self.text))
            target = next((link.claim for link in links.get(claim.id, []) if link.relation == "previous_of"), None)
            if back and target and periods.get(target):
                periods[claim.id] = _moved_back(periods[target], (back.group(1) or back.group(2)).lower())
        return periods

    def _span_of(self, dates: list) -> str | None:
        """The one span of time the sentence's dates write, as "start/end" (ISO 8601 intervals)."""
        spans = []
        for first, second in zip(dates, dates[1:]):
            between = self.text[first.end : second.start]
            opened = self.text[max(0, first.start - 9) : first.start]
            if re.fullmatch(r"[^\S\n]*[-–—][^\S\n]*", between) or (
                    re.fullmatch(r"[^\S\n]+(?:to|until|till|through|and)[^\S\n]+", between)
                    and re.search(r"\b(?:from|between)[^\S\n]+$", opened, re.I)) or (
                    re.fullmatch(r"[^\S\n]+and[^\S\n]+", between)  # "in 1968 and 1969": both years
                    and re.search(r"\b(?:in|during)[^\S\n]+$", opened, re.I)
                    and re.fullmatch(r"\d{4}", str(first.value)) and str(second.value) == str(int(first.value) + 1)):
                spans.append(f"{first.value}/{second.value}")
        return spans[0] if len(spans) == 1 else None

    def _date_owners(self) -> dict[str, str]:
        """The figure each date is glued to: "from $41bn in 2022" (the $41bn), "1,200 in March"."""
        owners, last = {}, None
        for claim in self.claims:
            if claim.kind != "date":
                last = claim
                continue
            if last is not None and (last.sentence_start or 0) <= claim.start and re.fullmatch(
                    r"[^\S\n]*(?:[\w-]+[^\S\n]+)?(?:in|on|for|during|by|as of|at the end of)[^\S\n]+(?:the[^\S\n]+)?",
                    self.text[last.end : claim.start], re.I):
                owners[claim.id] = last.id
        return owners

    # ------------------------------------------------------------------ role
    def _role(self, claim) -> str:
        role = self._role_of(claim)
        if claim.kind == "percent" and role in ("part", "total"):
            role = "share"  # "85% of cases", "99 percent of these": a percentage is a share, never a count's part
        if claim.kind == "percent" and role == "share":
            measure, _ = self._measure(claim, self._token(claim))
            if measure and singular(measure.split()[-1]) in _RATE_NOUNS and not any(
                    c.kind == "count" for c in self._claims_in(*self._sentence(claim))):
                return "level"  # "a 25% rate of failure", "91.8% sensitivity": a rate, no whole stated
        return role

    def _role_of(self, claim) -> str:
        before = self.text[max(claim.sentence_start or 0, claim.start - 60) : claim.start]
        after = self.text[claim.end : min(claim.sentence_end or len(self.text), claim.end + 40)]
        clause_before = re.split(r"[;:]|,\s+(?:and|but|while|which)\b", before)[-1]
        if _PREVIOUS_BEFORE.search(before) and not re.search(r"\bfrom\s+$", before, re.I) or (
                re.search(r"\bfrom\s+$", before, re.I) and self._has_change_context(claim, before)):
            return "previous"
        if _PREVIOUS_AFTER.match(after) and not self._changed_by_verb(claim, before, after):
            return "previous"  # "$639m a year earlier", not "rose 35.4% from a year earlier" (a change)
        if claim.kind == "multiplier":
            return "change"
        if claim.kind in ("count", "money") and _BRINGS_TOTAL.match(self.text, claim.end, claim.sentence_end or len(self.text)):
            return "change"  # "144 people were diagnosed, bringing the total to 5,648": the 144 is added
        if claim.kind == "quantity":  # a span of time, an age, a distance: not a part of a count
            return "change" if self._changed_by_verb(claim, before, after) or _CHANGE_BEFORE.search(before) \
                else "forecast" if _FUTURE.search(clause_before) else "level"
        enumeration = self._enumeration(claim)
        if enumeration == "total":
            return "total"  # "All 16 of the cases ... were from Suva, 8 men and 8 women"
        if re.match(r"^[^\S\n]+of[^\S\n]+(?:them|those|these|whom|which)\b", after, re.I) or (
                claim.kind == "count" and re.match(r"^[^\S\n]+of[^\S\n]+the(?![^\S\n]+\w+est\b)\b", after, re.I)) or re.search(
                r"\b(?:the remaining|the rest|the other|a further|the others?)[^\S\n]+$", before, re.I) \
                or re.match(r"\s*among\b", clause_before, re.I):
            return "part"  # "300 of them in Texas", "14 of the infected", "a further 62", "Among the dead were four"
        if enumeration == "part":
            return "part"  # "All 16 ... were from Suva, 8 men and 8 women"
        if self._has_parts_after(claim):
            return "total"
        placed = self._placed_figures(claim)
        if len({start for _, start in placed}) >= 2 and claim.id in {cid for cid, _ in placed}:
            return "part"  # "7 from Suva and 1 from Nadi": the sentence shares its figures out
        changing = self._has_change_context(claim, clause_before)
        change_before = _CHANGE_BEFORE.search(before)
        if change_before and not re.search(r"\ba further[^\S\n]+$", before, re.I) and (
                changing or not re.match(r"(?i)by|another|an", change_before.group().lstrip(",;( "))) or (
                claim.kind == "percent" and re.match(r"^\s+(?:rise|increase|fall|drop|decrease|jump|"
                                                     r"gain|cut|reduction|higher|lower|up|down)\b", after, re.I)):
            return "change"  # "rose by 12", "another 30" after a rise; not "conducted by 20 scientists"
        if _CHANGE_AFTER.match(after) and claim.kind in ("count", "money", "percent") and \
                re.match(r"^\s*(?:more|extra|additional|further)\b", after, re.I) and changing:
            return "change"
        if self._changed_by_verb(claim, before, after):
            return "change"
        if _TOTAL_BEFORE.search(before) and self._figures_after(claim) or (
                re.match(r"^\s*(?:[\w-]+\s+){0,3}?(?:including|in total|altogether|of whom|of which)\b",
                         after, re.I)):
            return "total"
        if re.match(r"^[\w\s-]{0,40}?\b(?:out of|of)\s+(?:the\s+|a total of\s+|all\s+)?[\d,.]+\b", after) \
                or re.search(r"\b(?:including|of whom|of which|among them|of (?:the|these|those))\s+(?:[\w-]+\s+){0,2}$",
                             clause_before, re.I) or _OF_THE.search(clause_before[-40:]):
            return "part"
        if re.search(r"\d[\w\s-]{0,40}?\b(?:out of|of)\s+(?:the\s+|a total of\s+|all\s+|its\s+|their\s+)?$", clause_before) \
                or re.search(r"\bout of\s+(?:the\s+|a total of\s+|all\s+)?$", before, re.I) \
                or self._out_of_figure(claim, clause_before):
            return "total"  # "9 out of 10", "nine out of 10", "..., out of 316,000", "nine million of its 94 million"
        if self._in_list_under_total(claim):
            return "part"
        if _FUTURE.search(clause_before) or self._projected(claim):
            return "forecast"
        if claim.kind == "percent":
            return "share"
        return "level"

    def _enumeration(self, claim) -> str | None:
        """A sentence that ends by listing counts after a comma or colon ("..., 8 men and 8
        women"): the listed counts are parts and the first count of the sentence before the
        list, of the same kind, is their total."""
        if claim.kind != "count":
            return None
        lo, hi = self._sentence(claim)
        counts = [c for c in self._claims_in(lo, hi) if c.kind == "count"]
        tail = []
        for c in reversed(counts):  # the run of counts the sentence ends with
            rest = self.text[c.end : tail[0].start if tail else hi]
            joiner = r"[^\S\n]+[A-Za-z'-]+(?:[^\S\n]+[A-Za-z'-]+)?" + (r"[^\S\n]*(?:,[^\S\n]*)?(?:and|or)?[^\S\n]*"
                                                                       if tail else r"[^\S\n]*[.;]?[^\S\n]*")
            if re.fullmatch(joiner, rest):
                tail.insert(0, c)
            else:
                break
        if len(tail) < 2 or not re.search(r"[,:][^\S\n]*$", self.text[lo : tail[0].start]):
            return None
        before = [c for c in counts if c.end <= tail[0].start]
        if not before:
            return None
        if claim in tail:
            return "part"
        return "total" if claim is before[0] else None

    def _figures_after(self, claim) -> bool:
        """Whether the sentence goes on to give figures of the same kind: a total has parts
        ("a total of 243 victims: 121 men ..."); "a total of 20 children died" alone is a level."""
        hi = claim.sentence_end or len(self.text)
        return any(c.kind == claim.kind and c.start >= claim.end for c in self._claims_in(claim.end, hi))

    def _out_of_figure(self, claim, clause_before: str) -> bool:
        """ "nine out of 10 regions": a figure written in words before "out of" this one."""
        match = re.search(r"\b(?:out of|of)\s+(?:the\s+|all\s+)?$", clause_before, re.I)
        if not match:
            return False
        cut = claim.start - (len(clause_before) - match.start())
        lo = claim.sentence_start or 0
        previous = [c for c in self._claims_in(lo, cut) if c.kind == claim.kind and c.end <= cut]
        return bool(previous) and re.fullmatch(r"[^\S\n]*(?:[A-Za-z-]+[^\S\n]+){0,3}", self.text[previous[-1].end : cut]) is not None

    def _projected(self, claim) -> bool:
        """A figure its clause only projects: "could become affected", "would not be available
        for four months", "plan to immunise 100 million", "asked for funds to treat 30,000"."""
        if claim.kind not in ("count", "money", "percent") or not self.parsed:
            return False
        token = self._token(claim)
        if token is None:
            return False
        root = _figure_root(token)
        hops = [root, *root.ancestors]
        first_verb = next((i for i, t in enumerate(hops) if t.pos_ in ("VERB", "AUX")), None)
        if first_verb is None or first_verb > 3 or any(t.dep_ == "poss" for t in hops[:first_verb]):
            return False  # the figure sits deep in a noun phrase ("Mexico's 107 million people")
        if any(t.dep_ == "pobj" and t.head.lower_ not in ("to", "at") for t in hops[:first_verb]):
            return False  # "would be repeated for all 19 countries": the 19 is not projected
        if hops[first_verb - 1].dep_ == "nsubj" and not _verb_in(hops[first_verb], _OUTCOME_VERBS):
            return False  # "the plant's 3,200 workers would strike": they exist; the strike is to come
        verbs = [t for t in hops[first_verb:] if t.pos_ in ("VERB", "AUX")][:3]
        for verb in verbs:
            if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
                return True
            if _verb_in(verb, _PROJECTING):
                return True
            if verb.dep_ not in ("xcomp", "advcl", "ccomp", "acl", "relcl", "conj"):
                break
        return False

    def _has_parts_after(self, claim) -> bool:
        """ "400 schools have shut, 300 of them in Texas": a figure whose parts follow in its
        sentence."""
        hi = claim.sentence_end or len(self.text)
        rest = self.text[claim.end : hi]
        return bool(re.search(r"\d[\d,.]*(?:[^\S\n]+\w+)?[^\S\n]+of[^\S\n]+(?:them|those|these|whom|which)\b"
                              r"|\b(?:including|of whom|of which|among them)\b", rest[:200], re.I)) and \
            claim.kind in ("count", "money")

    def _has_change_context(self, claim, before: str) -> bool:
        return bool(_CHANGE_WORD.search(before))

    def _changed_by_verb(self, claim, before: str, after: str) -> bool:
        """ "rose 5%", "fell 1,400 to 8,600": a figure right after a change verb, with a "to"
        figure after it or none at all (then the figure is the change, not the level)."""
        words = re.findall(r"[\w']+", before[-25:].lower())
        if not words or words[-1] not in _CHANGE_WORDS - {"up", "down", "cut", "lost", "lose"}:
            return False
        return claim.kind in ("percent", "count", "money", "quantity")

    def _in_list_under_total(self, claim) -> bool:
        listing = self.structure.list_of(claim.start)
        if not listing or not listing.lead_line:
            return False
        lo, hi = listing.lead_line
        if any(c.kind == claim.kind for c in self._claims_in(lo, hi)):
            return True
        first = listing.bullets[0]
        return not (first[0] <= claim.start < first[1]) and any(
            c.kind == claim.kind for c in self._claims_in(*first))

    # ------------------------------------------------------------------ links
    def _links(self, roles: dict[str, str]) -> dict[str, list[FrameLink]]:
        links: dict[str, list[FrameLink]] = {}
        numeric = [c for c in self.claims if c.kind != "date"]
        by_sentence: dict[int | None, list] = {}
        for claim in numeric:
            by_sentence.setdefault(claim.sentence_start, []).append(claim)
        for group in by_sentence.values():
            levels = [c for c in group if roles[c.id] in ("level", "forecast", "total")]
            for claim in group:
                role = roles[claim.id]
                relation = {"change": "change_of", "previous": "previous_of", "part": "part_of",
                            "share": "share_of"}.get(role)
                if relation is None:
                    continue
                target = self._link_target(claim, role, levels)
                if target is not None:
                    links[claim.id] = [FrameLink(relation=relation, claim=target.id)]
        return links

    def _link_target(self, claim, role, levels):
        if role == "part":
            totals = [c for c in levels if c.kind == claim.kind and c.id != claim.id
                      and (c.value_end or c.value) >= claim.value]
            return totals[0] if totals else None
        if role == "share":
            return None
        same = [c for c in levels if c.id != claim.id and (c.kind == claim.kind or claim.kind == "percent")]
        after = [c for c in same if c.start > claim.start]
        return (after or same or [None])[0]


# ---------------------------------------------------------------------- parse helpers
_IRREGULAR_VERBS = {
    "is": "be", "are": "be", "was": "be", "were": "be", "been": "be", "being": "be", "'s": "be",
    "has": "have", "had": "have", "having": "have", "stood": "stand", "struck": "strike", "lost": "lose",
    "grew": "grow", "grown": "grow", "fell": "fall", "fallen": "fall", "rose": "rise", "risen": "rise",
    "became": "become", "got": "get", "gotten": "get", "saw": "see", "seen": "see", "met": "meet",
    "hit": "hit", "broke": "break", "broken": "break", "took": "take", "taken": "take", "gave": "give",
    "given": "give", "hurt": "hurt", "put": "put", "said": "say", "told": "tell", "led": "lead",
}


def _moved_back(period: str, unit: str) -> str | None:
    """An ISO-like period moved back a year, a quarter or a month: "2024" -> "2023",
    "2025-03" -> "2024-03" (a year) or "2025-02" (a month), "2025-Q3" -> "2025-Q2" (a quarter),
    "2024-25" -> "2023-24"; a span moves both ends; None where the unit does not fit."""
    if "/" in period:
        ends = [_moved_back(end, unit) for end in period.split("/")]
        return None if None in ends else "/".join(ends)
    if m := re.fullmatch(r"(\d{4})", period):
        return str(int(m[1]) - 1) if unit == "year" else None
    if m := re.fullmatch(r"(\d{4})-(\d{2})", period):
        year, second = int(m[1]), int(m[2])
        if second > 12:  # a financial year "2024-25"
            return f"{year - 1}-{(second - 1) % 100:02d}" if unit == "year" else None
        months = {"year": 12, "quarter": 3, "month": 1}[unit]
        index = year * 12 + second - 1 - months
        return f"{index // 12}-{index % 12 + 1:02d}"
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", period):
        year, quarter = int(m[1]), int(m[2])
        if unit == "month":
            return None
        index = year * 4 + quarter - 1 - (4 if unit == "year" else 1)
        return f"{index // 4}-Q{index % 4 + 1}"
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", period):
        return f"{int(m[1]) - 1}-{m[2]}-{m[3]}" if unit == "year" and m[2] + m[3] != "0229" else None
    return None


def _verb_in(token: Token, words: set[str] | frozenset[str]) -> bool:
    """Whether a verb is one of `words` (given as lemmas). The pipeline runs without spaCy's
    lemmatizer, so the lemma is the parse's when it has one, else read from the form: "killed",
    "topped", "hospitalised", "planning", "has"."""
    if token.lemma_:
        return token.lemma_ in words
    word = token.lower_
    if word in _IRREGULAR_VERBS:
        return _IRREGULAR_VERBS[word] in words
    candidates = [word]
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            candidates += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                candidates.append(stem[:-1])  # "topped", "planning"
    return any(c in words for c in candidates)


def _figure_root(token: Token) -> Token:
    """The token that stands for the whole figure in the parse ("$" in "$51.2bn", "%" in "5%")."""
    current = token
    for _ in range(4):
        if current.dep_ in ("nummod", "quantmod", "compound") and current.head.i != current.i and (
                current.head.pos_ in ("NUM", "SYM") or current.head.text in ("%", "$", "£", "€")
                or current.head.lower_ in ("percent", "cent", "million", "billion", "bn", "m", "thousand")
                or current.head.tag_ == "$"):
            current = current.head
        else:
            break
    return current


def _clause_path(token: Token) -> set[int]:
    """The figure's token and its ancestors up to the clause's verb."""
    path = {token.i}
    for ancestor in token.ancestors:
        path.add(ancestor.i)
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.dep_ in ("ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp"):
            break
    return path


def _verb_subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and nounish(child):
            return child
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _verb_subject(verb.head)
    return None


def _contained(noun: Token) -> Token:
    """ "the number of cases" -> cases: a container noun stands for what it contains."""
    if noun.lower_ in ("number", "total", "amount", "count", "tally", "figure"):
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj" and nounish(obj):
                        return obj
    return noun


def _changed_noun(noun: Token) -> Token | None:
    """ "a 5% rise in sales" -> sales."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "of"):
            for obj in child.children:
                if obj.dep_ == "pobj" and nounish(obj):
                    return obj
    return None


def _phrase(noun: Token, after: int = 0) -> str:
    """The noun with its compound and adjective modifiers, without determiners or possessives
    (nor, with `after`, anything before that token: the figure's own words): "the UK jobless
    total" -> "UK jobless total", "GM's revenues" -> "revenues"."""
    left = noun.i
    doc = noun.doc
    while left - 1 >= after and doc[left - 1].head.i in range(left, noun.i + 1) and doc[left - 1].dep_ in (
            "compound", "amod", "nmod") and not doc[left - 1].like_num:
        left -= 1
    return doc[left : noun.i + 1].text


def _phrase_head(token: Token) -> Token:
    """A place name's head word: the last token of "New York" or "Hasakah province"."""
    current = token
    while current.dep_ == "compound" and current.head.i > current.i and current.head.pos_ == "PROPN":
        current = current.head
    return current


def _outlet(noun: Token) -> bool:
    """Whether a noun names a news outlet: "The New York Times", "Reuters", "official news agency"."""
    words = [t.text for t in noun.subtree if t.i <= noun.i and t.dep_ in ("compound", "amod") or t.i == noun.i]
    return bool(_OUTLET.search(" ".join(words)) or _OUTLET.search(_entity_text(noun)))


def _entity_text(token: Token) -> str:
    if token.ent_type_:
        for ent in token.doc.ents:
            if ent.start <= token.i < ent.end:
                return re.sub(r"^the\s+", "", ent.text, flags=re.I).removesuffix("'s").removesuffix("’s")
    left = min([t.i for t in token.subtree if t.dep_ in ("compound", "amod")] + [token.i])
    return token.doc[left : token.i + 1].text


def build_frames(doc: Doc, text: str, claims: list, places: list[PlaceMention]) -> list:
    """Claims with their frames (dates keep none)."""
    return Framer(doc, text, claims, places).frames()
