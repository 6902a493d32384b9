"""The `factcheck_dates` component: finds written dates ("Jan. 21", "January 2026", "2012-13",
"last year", "on Wednesday") and stores them, unresolved, as `doc._.fc_dates`."""

from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc

from ..dating import MONTHS, DateExpr
from ..normalize import SMALL, TENS
from .masks import masked_ranges, overlaps
from .tokens import annotated, text_of

WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
MON_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
YEAR_AT_END = rf"(?P<year>{YEAR})(?!\d|[-/–]\d)"
DAYN = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d,.]\d)"
_COUNT_WORDS = "|".join(["a", "an", *SMALL, *TENS, r"\d+"])
_NOT_YEAR_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?:about|around|nearly|almost|over|than|up to|some|at least|roughly|approximately|"
    r"estimated|just|only|US\$|Rs\.?)|[$£€¥])\s*$",
    re.I,
)
_NOT_YEAR_AFTER = re.compile(
    r"^(?:\s*(?:%|per ?cent|percent|million|billion|bn\b|m\b|k\b|years?\b|km\b|miles?\b|metres?|"
    r"people|residents|homes|jobs|staff|workers|students|pupils|patients|cases|deaths|troops|"
    r"votes|seats|members|cars|units|feet|tonnes|kg\b)|[-/.,]\d)"
)
_NAMED_DAYS = re.compile(r"(?:Black|Good|Super|Ash|Cyber|Easter|Holy|Bloody|Maundy|Shrove)\s+$")

# Each pattern: (form, compiled regex). Earlier patterns win ties between equally long matches.
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("day", re.compile(
        rf"\b(?:(?P<weekday>{WD}),?\s+)?(?:the\s+)?(?P<day>{DAYN})\s+(?:of\s+)?(?P<month>{MON})"
        rf"(?:,?\s+{YEAR_AT_END})?(?!\w)")),
    ("day", re.compile(
        rf"\b(?:(?P<weekday>{WD}),?\s+)?(?P<month>{MON})\s+(?P<day>{DAYN})(?!\w)"
        rf"(?:,?\s+{YEAR_AT_END})?")),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d)\b")),
    ("slash", re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>(?:19|20)\d\d)\b")),
    ("month", re.compile(
        rf"\b(?:(?P<mod>early|mid|late|the end of|the start of|the beginning of|the middle of|"
        rf"end of|start of|Early|Late|Mid)[\s-]+)?(?P<month>{MON})(?:,?\s+(?:of\s+)?"
        rf"{YEAR_AT_END})")),
    ("month_alone", re.compile(
        rf"(?:\b(?P<shift>last|next|this|Last|Next|This)\s+|\b(?P<mod>early|late|mid|Early|Late|"
        rf"Mid)[\s-]+|\b(?P<prep>in|In|since|Since|until|Until|by|By|from|From|of|during|During|"
        rf"before|after|through|between|and|to|till|or|for|on)\s+)?(?P<month>{MON_FULL})"
        rf"(?!\w|\s+\d)")),
    ("quarter", re.compile(
        rf"\b(?:Q(?P<quarter>[1-4])|the (?P<qword>first|second|third|fourth) quarter)"
        rf"(?:,?\s+(?:of\s+)?{YEAR_AT_END})?\b")),
    ("fiscal", re.compile(
        rf"(?<![\d-])(?:FY\s?)?(?P<year>{YEAR})(?P<sep>[-/–])(?P<year2>{YEAR}|\d\d)(?![\d-])")),
    ("decade", re.compile(
        r"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<year>(?:1[89]|20)\d0)s\b")),
    ("decade", re.compile(
        r"\b(?:the\s+)(?:(?P<mod>early|mid|late)[\s-]+)?(?:['’](?P<short>[2-9]0)s|"
        r"(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b", re.I)),
    ("offset_day", re.compile(
        r"\b(?P<word>yesterday|today|tomorrow|tonight|last night)(?:\s+(?:morning|afternoon|"
        r"evening|night))?\b|\bthis (?P<part>morning|afternoon|evening)\b", re.I)),
    ("relative", re.compile(
        r"\b(?P<mod>(?:earlier|later) )?(?P<rel>last|this|next) (?P<unit>week|month|year|quarter)\b",
        re.I)),
    ("ago", re.compile(
        rf"\b(?P<n>{_COUNT_WORDS}) (?P<unit>day|week|month|year|decade)s? ago\b", re.I)),
    # dated from another event of the story, not from publication: "two days later", "the
    # previous year", "the past week", "earlier in the week"
    ("anchored", re.compile(
        rf"\b(?P<n>{_COUNT_WORDS}) (?P<unit>day|week|month)s? (?:later|earlier|afterwards)\b", re.I)),
    # ("seven years later" stays a span of years, which change-mismatch holds against the years named)
    ("anchored", re.compile(
        r"\b(?:the\s+)?(?:previous|past|preceding|following) (?P<unit>day|week|month|year)\b", re.I)),
    ("anchored", re.compile(r"\b(?:earlier|later) in the (?P<unit>week|month|year)\b", re.I)),
    ("weekday", re.compile(
        rf"(?:\b(?P<shift>last|next|this|Last|Next|This) )?(?P<weekday>{WD})(?:\s+(?:morning|"
        rf"afternoon|evening|night))?\b")),
    ("year", re.compile(
        rf"(?<![\d$£€¥.,/-])(?:(?P<mod>early|mid|late|pre|post|Early|Late|Mid)[\s-]+)?"
        rf"(?P<year>{YEAR})(?![\d%])")),
]


_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                 "seventies": 70, "eighties": 80, "nineties": 90}
_SPAN_JOIN = re.compile(r"\s*(?:-|–|—|to|until|till|through|and)\s*")


def _share_years(found: list[DateExpr], text: str) -> list[DateExpr]:
    """ "Nov 18-Dec 19, 2015", "between January and May 2008": a day or month without a year
    takes the year written after the range."""
    out = list(found)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if (first.form in ("day", "month") and first.get("year") is None and second.form == first.form
                and second.get("year") is not None and _SPAN_JOIN.fullmatch(text[first.end : second.start])):
            year = second.get("year") - (1 if first.get("month") > second.get("month") else 0)
            fields = tuple((k, v) for k, v in first.fields if k != "year") + (("year", year),)
            out[i] = DateExpr(first.start, first.end, first.text, first.form, fields, first.future)
    return out


def find_dates(text: str, masks: list[tuple[int, int]] = ()) -> list[DateExpr]:
    """All date expressions in `text`, longest first where they overlap, in text order."""
    candidates = []
    for priority, (form, pattern) in enumerate(_PATTERNS):
        for match in pattern.finditer(text):
            for expr in _build(form, match, text):
                if not overlaps(masks, expr.start, expr.end):
                    candidates.append((expr, priority))
    candidates.sort(key=lambda c: (-(c[0].end - c[0].start), c[1], c[0].start))
    chosen: list[DateExpr] = []
    starts: list[int] = []  # the chosen, which never overlap, kept in text order
    for expr, _ in candidates:
        i = bisect.bisect_left(starts, expr.start)
        if (i < len(starts) and chosen[i].start < expr.end) or (i > 0 and chosen[i - 1].end > expr.start):
            continue
        starts.insert(i, expr.start)
        chosen.insert(i, expr)
    return _share_years(sorted(chosen, key=lambda e: e.start), text)


def _expr(match: re.Match, form: str, start: int | None = None, end: int | None = None, **fields):
    start = match.start() if start is None else start
    end = match.end() if end is None else end
    text = match.string[start:end]
    return DateExpr(start, end, text, form, tuple((k, v) for k, v in fields.items() if v is not None))


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _build(form: str, m: re.Match, text: str):
    g = m.groupdict()
    if form == "day":
        yield _expr(m, "day", month=_month(g["month"]), day=int(re.sub(r"\D", "", g["day"])),
                    year=int(g["year"]) if g["year"] else None,
                    weekday=g["weekday"].lower() if g["weekday"] else None)
    elif form == "iso":
        yield _expr(m, "day", year=int(g["year"]), month=int(g["month"]), day=int(g["day"]))
    elif form == "slash":
        a, b = int(g["a"]), int(g["b"])
        d, mo = (b, a) if b > 12 else (a, b)
        if 1 <= mo <= 12:
            yield _expr(m, "day", year=int(g["year"]), month=mo, day=d)
    elif form == "month":
        mod = g["mod"].lower().split()[-1] if g["mod"] else None
        yield _expr(m, "month", month=_month(g["month"]), year=int(g["year"]), mod=mod)
    elif form == "month_alone":
        if g["month"] == "May" and not (g["shift"] or g["mod"] or g["prep"] in ("in", "In", "since", "until", "by", "from", "during", "of")):
            return  # "May" is a name or a verb more often than a month
        start = m.start() if (g["shift"] or g["mod"]) else m.start("month")
        mod = g["mod"].lower() if g["mod"] else None
        shift = {"last": -1, "next": 1, "this": 0}.get((g["shift"] or "").lower())
        expr = _expr(m, "month", start=start, month=_month(g["month"]), mod=mod)
        if shift == 1:
            expr = _with_future(expr, True)
        yield expr
    elif form == "quarter":
        q = int(g["quarter"]) if g["quarter"] else {"first": 1, "second": 2, "third": 3,
                                                    "fourth": 4}[g["qword"]]
        yield _expr(m, "quarter", quarter=q, year=int(g["year"]) if g["year"] else None)
    elif form == "fiscal":
        first, second = int(g["year"]), g["year2"]
        follows = int(second) == first + 1 if len(second) == 4 else int(second) == (first + 1) % 100
        if follows:
            yield _expr(m, "fiscal", year=first)
        elif len(second) == 4:  # "2019-2021": two years
            yield _expr(m, "year", end=m.end("year"), year=first)
            yield _expr(m, "year", start=m.start("year2"), year=int(second))
    elif form == "decade":
        if g.get("year"):
            year = int(g["year"])
        else:  # "the '70s", "the seventies": the 20th century, as news copy means it
            tens = int(g["short"]) if g.get("short") else _DECADE_WORDS[g["word"].lower()]
            year = 1900 + tens
        yield _expr(m, "decade", year=year, mod=g["mod"])
    elif form == "offset_day":
        word = (g["word"] or "today").lower()
        offset = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "last night": -1}[word]
        yield _expr(m, "offset_day", offset=offset)
    elif form == "relative":
        offset = {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
        yield _expr(m, "relative", unit=g["unit"].lower(), offset=offset,
                    mod=g["mod"].strip().lower() if g["mod"] else None)
    elif form == "ago":
        n = g["n"].lower()
        count = int(n) if n.isdigit() else (1 if n in ("a", "an") else SMALL[n] if n in SMALL else TENS[n])
        yield _expr(m, "ago", unit=g["unit"].lower(), offset=-count)
    elif form == "anchored":
        yield _expr(m, "anchored", unit=g["unit"].lower())
    elif form == "weekday":
        if _NAMED_DAYS.search(text[max(0, m.start() - 10) : m.start()]):
            return
        shift = {"last": -1, "next": 1, "this": 0}.get((g["shift"] or "").lower(), 0)
        yield _expr(m, "weekday", weekday=g["weekday"].lower(), shift=shift)
    elif form == "year":
        if _NOT_YEAR_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
            return
        if _NOT_YEAR_AFTER.match(text[m.end() : m.end() + 12]):
            return
        yield _expr(m, "year", year=int(g["year"]), mod=g["mod"].lower() if g["mod"] else None)


def _with_future(expr: DateExpr, future: bool) -> DateExpr:
    return DateExpr(expr.start, expr.end, expr.text, expr.form, expr.fields, future)


_FUTURE_AUX = {"will", "shall", "'ll", "wo", "must", "should", "could", "might", "may", "would", "ca", "can"}
_FORWARD_PREPS = {"from", "by", "until", "till", "starting", "before", "next", "to"}
_FORWARD_VERBS = {"starting", "beginning", "due", "expected", "scheduled", "effective"}
_PLANNED = {"forecast", "booked", "scheduled", "planned", "expected", "set", "due", "likely", "slated"}
_HEDGES = {"at", "least", "the", "latest", "earliest", "late", "early"}


def _is_future(doc: Doc, expr: DateExpr) -> bool:
    """Whether the clause around a date is about the future, read from its verb: "will add 60
    places from September", "is forecast for Wednesday", "must register by Monday"; "were due in
    January" is past."""
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    if not annotated(doc, "DEP"):
        return _future_words(span)
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in _HEDGES:
        i -= 1  # "until at least Thursday", "until late on Tuesday"
    previous = doc[i].lower_ if i >= 0 else ""
    before_that = doc[i - 1].lower_ if i > 0 else ""
    for depth, clause in enumerate((verb, verb.head)):
        if depth and verb.dep_ not in ("advcl", "conj", "xcomp", "ccomp", "relcl", "pcomp"):
            break
        verdict = _clause_tense(clause, previous, before_that, span.sent)
        if verdict is not None:
            return verdict
    return False


_FUTURE_WORDS = re.compile(
    r"\b(?:will|'ll|shall|must|should|could|would|might|due|expected|scheduled|forecast|set to|"
    r"plans? to|is to|are to|from|until|by|starting|booked|next)\b", re.I)
_PAST_WORDS = re.compile(r"\b(?:was|were|had|did|said|ago|last|since|\w+ed)\b", re.I)


def _future_words(span) -> bool:
    """Without a parse (fast mode): future words in the clause before the date, and no past verb
    between them and the date."""
    sentence = span.sent
    before = text_of(span.doc)[sentence.start_char : span.start_char]
    clause = re.split(r"[,;:]", before)[-1]
    future = list(_FUTURE_WORDS.finditer(clause))
    return bool(future) and not _PAST_WORDS.search(clause[future[-1].end() :])


def _clause_tense(verb, previous: str, before_that: str, sentence) -> bool | None:
    """True for future, False for past, None when the verb does not say."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    past_aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD"}
    if auxiliaries & _FUTURE_AUX:
        return True
    if verb.lower_ in _PLANNED and not past_aux:
        return True  # "is forecast for Wednesday", "medical booked for Saturday"
    if "to" in auxiliaries:  # "is set to rise", "plans to open" ... unless it reports the past
        governor = verb.head
        return governor.tag_ not in ("VBD", "VBN") or governor.lower_ in _PLANNED
    if verb.tag_ in ("VBD", "VBN") or past_aux:
        return False
    if previous in _FORWARD_PREPS or (previous in ("in", "on") and before_that in _FORWARD_VERBS):
        return True
    if verb.tag_ in ("VBZ", "VBP") and sentence.text.rstrip()[-1:] in ".!?\"'”":
        return True  # present tense in body copy: "bills go up in July", "the window shuts on Monday"
    return None


class DateFinder:
    """Finds date expressions; resolution against the publication date happens later."""

    def __init__(self, name: str = "factcheck_dates"):
        self.name = name
        if not Doc.has_extension("fc_dates"):
            Doc.set_extension("fc_dates", default=None)

    def __call__(self, doc: Doc) -> Doc:
        found = find_dates(text_of(doc), masked_ranges(doc))
        doc._.fc_dates = [
            expr if expr.future else _with_future(expr, _is_future(doc, expr))
            for expr in found
        ]
        return doc


@Language.factory("factcheck_dates", requires=["token.is_sent_start"], assigns=["doc._.fc_dates"])
def make_date_finder(nlp: Language, name: str) -> DateFinder:
    return DateFinder(name)
