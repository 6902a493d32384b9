"""Reading figures from plain text, with no spaCy: "more than a dozen", "£3.2m", "10 per cent",
"between 20 and 30", "5km", "tens of thousands". `find_figures` is pure and testable by itself;
the `factcheck_numbers` component wraps it with what only the parse can tell."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..normalize import (
    PLURAL_MAGNITUDES, SCALE_ABBREVIATIONS, SCALE_WORDS, SMALL, TENS, parse_number_words,
    parse_numeral, plausible, tidy, word_rounding,
)
from .masks import overlaps


@dataclass(frozen=True)
class Figure:
    """One figure as written: the span with its qualifier and unit, and what it says."""

    start: int
    end: int
    text: str
    kind: str  # count, money, percent, quantity
    value: float
    qualifier: str = "exact"
    rounding: float = 1
    value_end: float | None = None
    end_rounding: float | None = None
    unit: str | None = None  # currency code, percent unit or measure; counts get theirs later
    core_start: int = 0
    core_end: int = 0
    words: bool = False
    scaled: bool = False
    scale: float = 1  # the factor a scale word or abbreviation applied ("3.2m": 1,000,000)
    own_unit: bool = False  # the figure carries its own currency, percent sign or measure


_DIGITS = re.compile(
    r"(?<![\w.,:/])(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d+)"
    r"(?:\.\d+)?(?!\d|[.,]\d)"
)
_W = "|".join([*SMALL, *TENS, "hundred", "thousand", "million", "billion", "trillion", "dozen"])
_WORDS = re.compile(
    rf"\b(?:half an? |an? )?(?:{_W})(?:(?:-|\s+|(?:(?<=hundred)|(?<=thousand)|(?<=million)"
    rf"|(?<=billion))\s+and\s+)(?:{_W}))*(?:\s+and\s+a\s+half(?=\s+(?:million|billion|thousand|trillion)\b)"
    rf"(?:\s+(?:million|billion|thousand|trillion)))?(?:\s+dozens)?\b",
    re.I,
)
_MAGNITUDES = re.compile(
    r"\b(?:(?P<tens>tens|hundreds) of (?P<of>thousands|millions|billions)|"
    r"(?P<plural>dozens|scores(?= of)|hundreds|thousands|millions|billions))\b",
    re.I,
)
_SCALE_AFTER = re.compile(
    r"^(?:(?P<abbr>m|M|bn|b|B|k|K|tn|trn|mn|mln|bln)\b|[^\S\n]?(?P<abbr2>bn|mn|tn|mln|bln)\b|"
    r"[^\S\n]+(?P<word>thousand|million|billion|trillion|crore|lakh)\b)"
)
_PERCENT_AFTER = re.compile(
    r"^(?:[^\S\n]?%|[^\S\n]?(?:per ?cent|percent|pc)\b|(?P<points>[^\S\n](?:percentage|per cent|percent) points?)\b)",
    re.I,
)
CURRENCY_PREFIXES = {
    "US$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD",
    "HK$": "HKD", "S$": "SGD", "R$": "BRL", "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY",
    "₹": "INR", "Rs": "INR", "Rs.": "INR", "USD": "USD", "GBP": "GBP", "EUR": "EUR",
    "CHF": "CHF", "JPY": "JPY", "INR": "INR", "AUD": "AUD", "CAD": "CAD", "CNY": "CNY",
}
_CURRENCY_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?P<sym>US\$|A\$|AU\$|C\$|CA\$|NZ\$|HK\$|S\$|R\$|\$|£|€|¥|₹)|"
    r"\b(?P<code>Rs\.?|USD|GBP|EUR|CHF|JPY|INR|AUD|CAD|CNY) ?)$"
)
_CURRENCY_AFTER = re.compile(
    r"^(?:(?P<pence>p)\b|[^\S\n](?P<word>(?:US |American |Australian |Canadian |Hong Kong )?dollars|"
    r"pounds(?: sterling)?|sterling|euros?|yen|rupees|yuan|renminbi|francs|pence|cents|soles|"
    r"naira|rand|shillings|pesos|lira|roubles|rubles|dinars|dirhams|riyals|kronor|kroner|krona|"
    r"zloty|baht|ringgit|rupiah|hryvnia|cedis)\b)",
    re.I,
)
_CURRENCY_WORDS = {
    "dollars": "USD", "us dollars": "USD", "american dollars": "USD", "australian dollars": "AUD",
    "canadian dollars": "CAD", "hong kong dollars": "HKD", "pounds": "GBP",
    "pounds sterling": "GBP", "sterling": "GBP", "euro": "EUR", "euros": "EUR", "yen": "JPY",
    "rupees": "INR", "yuan": "CNY", "renminbi": "CNY", "francs": "CHF", "soles": "PEN",
    "naira": "NGN", "rand": "ZAR", "shillings": "KES", "pesos": "MXN", "lira": "TRY",
    "roubles": "RUB", "rubles": "RUB", "dinars": "IQD", "dirhams": "AED", "riyals": "SAR",
    "kronor": "SEK", "kroner": "NOK", "krona": "SEK", "zloty": "PLN", "baht": "THB",
    "ringgit": "MYR", "rupiah": "IDR", "hryvnia": "UAH", "cedis": "GHS",
}
_UNITS = [
    ("years", r"-?years?-old|[^\S\n]+years? old"),
    ("km", r"[^\S\n]?(?:km|kilomet(?:re|er)s?)(?!/)"),
    ("sq km", r"[^\S\n]?(?:sq km|square kilomet(?:re|er)s?|km2|km²)"),
    ("sq miles", r"[^\S\n](?:sq miles|square miles)"),
    ("miles", r"(?:[^\S\n]|-)miles?"),
    ("metres", r"(?:[^\S\n]|-)met(?:re|er)s?"),
    ("cm", r"[^\S\n]?cm"), ("mm", r"[^\S\n]?mm"),
    ("feet", r"(?:[^\S\n]|-)(?:feet|foot|ft)"), ("inches", r"(?:[^\S\n]|-)inch(?:es)?"),
    ("kg", r"[^\S\n]?(?:kg|kilograms?|kilos)"), ("tonnes", r"(?:[^\S\n]|-)(?:tonnes?|tons?)"),
    ("grams", r"[^\S\n](?:grams?|g)"), ("lb", r"[^\S\n]?lbs?"),
    ("hectares", r"[^\S\n]?(?:hectares?|ha)"), ("acres", r"(?:[^\S\n]|-)acres?"),
    ("litres", r"(?:[^\S\n]|-)(?:lit(?:re|er)s?)"), ("gallons", r"(?:[^\S\n]|-)gallons?"),
    ("°C", r"[^\S\n]?(?:°C|C|degrees? (?:Celsius|centigrade|C))"),
    ("°F", r"[^\S\n]?(?:°F|F|degrees? Fahrenheit)"), ("degrees", r"[^\S\n]?(?:degrees?|°)"),
    ("mph", r"[^\S\n]?mph"), ("km/h", r"[^\S\n]?(?:km/h|kph|kmh)"), ("knots", r"[^\S\n] knots"),
    ("ppm", r"[^\S\n]?(?:ppm|parts per million)"),
    ("GW", r"[^\S\n]?(?:GW|gigawatts?)"), ("MW", r"[^\S\n]?(?:MW|megawatts?)"),
    ("TWh", r"[^\S\n]?TWh"), ("GWh", r"[^\S\n]?GWh"), ("MWh", r"[^\S\n]?MWh"), ("kWh", r"[^\S\n]?kWh"),
    ("magnitude", r"(?:[^\S\n]|-)magnitude"),
    ("decades", r"(?:[^\S\n]|-)decades?"), ("centuries", r"[^\S\n](?:century|centuries)"),
    ("years", r"(?:[^\S\n]|-)years?"), ("months", r"(?:[^\S\n]|-)months?"), ("weeks", r"(?:[^\S\n]|-)weeks?"),
    ("days", r"(?:[^\S\n]|-)days?"), ("hours", r"(?:[^\S\n]|-)(?:hours?|hrs?)"),
    ("minutes", r"(?:[^\S\n]|-)(?:minutes?|mins?)"), ("seconds", r"(?:[^\S\n]|-)(?:seconds?|secs?)"),
]
_UNIT_AFTER = re.compile(
    "^(?:" + "|".join(f"(?P<u{i}>{pattern})" for i, (_, pattern) in enumerate(_UNITS)) + r")(?![\w/])"
)
# Title Case headlines ("Jailed For Six Years"): long unit words match in any case
_UNIT_AFTER_TITLE = re.compile(
    r"^(?:[^\S\n]|-)(?P<unit>Years?|Months?|Weeks?|Days?|Hours?|Minutes?|Miles?|Decades?)(?![\w/])"
)
_HEIGHT = re.compile(r"[12]\.\d\d")  # "1.91m": a person's height
_METRES_AFTER = re.compile(
    r"^\s*(?:tall|high|long|wide|deep|above|below|higher|lower|taller|short|of (?:water|rain|snow)|"
    r"rise|in (?:height|length|depth)|\)|,|\.|;)"
)
_UNIT_BEFORE = re.compile(
    r"\b(?:(?P<aged>[Aa]ged(?:\s+(?:over|under|between|at least))?)|(?P<mag>[Mm]agnitude)(?:-| of )?)\s*$"
)
_MINUS = re.compile(r"(?:\bminus[^\S\n]+|(?<![\w\d)])[-−])$")
_TIME_UNITS = {"years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades"}
_QUALIFIERS = {
    "approx": "around|about|roughly|approximately|approx\\.|circa|c\\.|some|an estimated|"
    "estimated|an approximate|perhaps|an average of",
    "nearly": "nearly|almost|just under|just below|close to|just shy of|a little under|"
    "slightly under|slightly less than|slightly fewer than|not quite",
    "more_than": "more than|greater than|exceeding|over|upwards of|in excess of|just over|well over|above|a little over|"
    "slightly more than|far more than|well above|north of",
    "at_least": "at least|no fewer than|no less than|a minimum of|not less than|as few as|"
    "as little as|as low as",
    "at_most": "at most|no more than|a maximum of|not more than",
    "less_than": "fewer than|less than|lower than|under|below|just fewer than",
    "up_to": "up to|as many as|as much as|as high as|as long as",
}
_QUALIFIER_BEFORE = re.compile(
    r"(?:(?<![\w-])(?:"
    + "|".join(f"(?P<{name}>{words})" for name, words in _QUALIFIERS.items())
    + r")[^\S\n]+|(?P<more_than_sign>>[^\S\n]?)|(?P<less_than_sign><[^\S\n]?))$",
    re.I,
)
_QUALIFIER_AFTER = re.compile(
    r"^(?:[^\S\n]+or (?P<at_least>more|over|above)\b|[^\S\n]+or (?P<at_most>fewer|less|under)\b|"
    r"[^\S\n]+or (?P<approx>so|thereabouts)\b|(?P<approx2>-odd)\b|(?P<more_than>\+|-plus\b))",
    re.I,
)
_CHANGE_VERB = re.compile(
    r"\b(?:rose|risen|rising|rises|rise|fell|fallen|falling|falls|fall|increased|increasing|"
    r"increase|decreased|decreasing|decrease|dropped|dropping|drop|climbed|climbing|climb|jumped|"
    r"jump|grew|grown|growing|grow|cut|raised|reduced|up|down|went|gone|soared|plunged|slipped|"
    r"edged|declined|decline|surged|doubled|halved|lifted|lowered|moved|changed|shrank|swelled|"
    r"widened|narrowed|slumped|tumbled|leapt|leaped|improved|worsened|tripled|trebled|quadrupled)\b"
    r"(?:\s+[\w'-]+){0,6}\s*$",
    re.I,
)
_PARTICLE_OVER = re.compile(
    r"\b(?:hand(?:ed|ing|s)?|turn(?:ed|ing|s)?|pa(?:id|ying|ys?)|sign(?:ed|ing|s)?|pass(?:ed|ing|es)?|"
    r"t(?:ook|aken|ake|akes|aking)|g(?:ave|iven|ive|iving)|fork(?:ed|ing)?|shell(?:ed|ing)?|"
    r"stump(?:ed|ing)?|ha(?:nd)?ed)\s*$",
    re.I,
)
_MOTION_VERB = re.compile(
    r"\b(?:rose|risen|rising|rises|crept|creeping|climbed|climbing|went|gone|going|jumped|moved|"
    r"shot|edged|inched|crawled|came|come|adds|added|adding|totted|totalled|built|building|"
    r"stepped|ramped|scaled|revised|bumped|pushed)\s+$",
    re.I,
)


def _cores(text: str, masks) -> list[Figure]:
    cores = []
    for match in _DIGITS.finditer(text):
        if overlaps(masks, *match.span()):
            continue
        if re.fullmatch(r"\d{7,}", match.group()):
            continue  # a reference or account number, not a figure
        value, rounding = parse_numeral(match.group())
        cores.append(Figure(*match.span(), match.group(), "count", value, rounding=rounding,
                            core_start=match.start(), core_end=match.end()))
    for match in _MAGNITUDES.finditer(text):
        if overlaps(masks, *match.span()):
            continue
        if match.group("plural"):
            base = PLURAL_MAGNITUDES[match.group("plural").lower()]
        else:
            base = 10 * (1 if match.group("tens").lower() == "tens" else 10)
            base *= PLURAL_MAGNITUDES[match.group("of").lower()]
        cores.append(Figure(*match.span(), match.group(), "count", tidy(2 * base),
                            "at_least", rounding=base, core_start=match.start(),
                            core_end=match.end(), words=True, scaled=True))
    for match in _WORDS.finditer(text):
        if overlaps(masks, *match.span()):
            continue
        figure = _word_figure(match)
        if figure is not None:
            cores.append(figure)
    cores.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Figure] = []
    for core in cores:
        if kept and core.start < kept[-1].end:
            continue
        kept.append(core)
    return kept


def _well_formed(words: list[str]) -> bool:
    """Number words in an order English uses: no two units or tens in a row without a scale
    ("twenty twenty", "one twenty"), no unit before a ten ("five twenty")."""
    previous = None
    for word in words:
        if word in ("and", "a", "an", "half"):
            continue
        kind = "small" if word in SMALL else "ten" if word in TENS else "scale"
        if previous in ("small", "ten") and kind in ("small", "ten"):
            if not (previous == "ten" and kind == "small" and SMALL.get(word, 10) < 10):
                return False
        previous = kind
    return True


def _word_figure(match: re.Match) -> Figure | None:
    words = re.findall(r"[A-Za-z]+", match.group().lower())
    start = match.start()
    half = words[:2] in (["half", "a"], ["half", "an"])
    if half:
        words = words[2:]
    elif words[0] in ("a", "an"):
        if len(words) == 1:
            return None
        if words[1] not in SCALE_WORDS and words[1] != "dozen":  # "a seven-year-old"
            words = words[1:]
            start = match.start() + match.group().lower().index(words[0])
    elif words[0] in SCALE_WORDS or words[0] == "dozen":
        return None  # "hundred" alone: part of "several hundred", not a figure
    if words == ["zero"] and match.string[max(0, start - 4) : start].lower() == "net ":
        return None
    if not _well_formed(words):
        return None  # "twenty twenty" (a year or a name), "one twenty" (a time)
    and_a_half = "half" in words
    if and_a_half:  # "five and a half million"
        scale = SCALE_WORDS[words[-1]]
        value = parse_number_words(words[: words.index("and", 1)])
        if value is None:
            return None
        value = tidy((value + 0.5) * scale)
        return Figure(start, match.end(), match.string[start : match.end()], "count", value,
                      rounding=tidy(scale / 2), core_start=start, core_end=match.end(), words=True,
                      scaled=True, scale=scale)
    if words[-1] == "dozens":  # "three dozens"
        words = [*words[:-1], "dozen"]
    dozen = words[-1] == "dozen"
    value = parse_number_words(words[:-1] if dozen else words)
    if value is None and not dozen:
        return None
    if dozen:
        value = (value or 1) * 12
    rounding = word_rounding(value)
    if half:
        value, rounding = value / 2, max(1, value // 10)
    return Figure(start, match.end(), match.string[start : match.end()], "count", tidy(value),
                  rounding=rounding, core_start=start, core_end=match.end(), words=True,
                  scaled=any(w in SCALE_WORDS for w in words))


def _extend(text: str, core: Figure) -> Figure:
    """Add scale, currency, percent or measure, and a qualifier, to a bare number."""
    f = core
    after = text[f.end : f.end + 40]
    scale = _SCALE_AFTER.match(after) if not f.scaled else None
    if scale and scale.group("abbr") == "m" and not _CURRENCY_BEFORE.search(text[max(0, f.start - 6) : f.start]) \
            and (_METRES_AFTER.match(after[scale.end() :]) or _HEIGHT.fullmatch(f.text)) and f.value < 1000:
        # "0.2m short of the record", "1.91m tall": metres, not millions
        return replace(f, end=f.end + scale.end(), kind="quantity", unit="metres", own_unit=True)
    if scale:
        word = scale.group("abbr") or scale.group("abbr2") or scale.group("word")
        factor = SCALE_ABBREVIATIONS.get(word.lower()) or SCALE_WORDS[word]
        f = replace(f, end=f.end + scale.end(), value=tidy(f.value * factor),
                    rounding=tidy(f.rounding * factor), scaled=True, scale=factor)
        after = text[f.end : f.end + 40]
    before = text[max(0, f.start - 40) : f.start]
    currency = _CURRENCY_BEFORE.search(before)
    if currency:
        code = CURRENCY_PREFIXES[(currency.group("sym") or currency.group("code")).strip()]
        f = replace(f, start=f.start - (len(before) - currency.start()), kind="money", unit=code,
                    own_unit=True)
    else:
        f = _suffix_unit(f, after)
    if f.kind == "count" and not f.scaled and f.value < 120 and _is_age(text, f):
        f = replace(f, kind="quantity", unit="years", own_unit=True)
    if f.kind == "count" or f.unit == "magnitude":
        unit_before = _UNIT_BEFORE.search(before)
        if unit_before and unit_before.group("mag"):
            f = replace(f, kind="quantity", unit="magnitude", own_unit=True,
                        start=f.start - (len(before) - unit_before.start()))
        elif unit_before and unit_before.group("aged"):
            f = replace(f, kind="quantity", unit="years", own_unit=True)
            tail = re.match(r"^\s+(?:and|or) (?:over|above|older)\b", text[f.end : f.end + 20])
            if tail:
                f = replace(f, end=f.end + tail.end(), qualifier="at_least")
    if f.kind == "percent" or (f.kind == "quantity" and f.unit in ("°C", "°F")):
        minus = _MINUS.search(text[max(0, f.start - 6) : f.start])
        if minus:
            f = replace(f, start=f.start - len(minus.group()), value=-f.value)
    return f


_AGE_APPOSITION = re.compile(
    r"\b(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?|man|woman|widow|widower|boy|girl|pensioner|mother|father|"
    r"son|daughter|grandmother|grandfather|teenager|driver|victim|resident|neighbour),\s*$"
)
_AGE_COPULA = re.compile(r"\b(?:he|she|I|they|who)\s+(?:was|is|were|are|turned|turns)\s+$", re.I)
_AGE_GROUP = re.compile(
    r"\b(?:children|kids|babies|infants|toddlers|pupils|those|people|adults|men|women|anyone)\s+"
    r"(?:aged\s+)?(?:under|over|below|above)\s+$", re.I
)


def _is_age(text: str, f: Figure) -> bool:
    """ "Rui Paiva, 48, said", "since he was 17", "children under five": an age in years."""
    before = text[max(0, f.start - 40) : f.start]
    after = text[f.end : f.end + 2]
    if _AGE_APPOSITION.search(before) and after[:1] in (",", ")") and not re.search(r"\d,\s*$", before):
        return True
    if _AGE_COPULA.search(before) and not re.match(r"^\s*(?:\w+\s+)?(?:of|per|%)", text[f.end : f.end + 12]):
        return after[:1] in (".", ",", " ", ";", "") and not re.match(r"^ [a-z]+s\b", text[f.end : f.end + 20])
    return bool(_AGE_GROUP.search(before))


def _suffix_unit(f: Figure, after: str) -> Figure:
    percent = _PERCENT_AFTER.match(after)
    if percent:
        unit = "percentage points" if percent.group("points") else "percent"
        rounding = f.rounding if f.rounding < 1 else 1  # "10%" is not rounded to the ten
        return replace(f, end=f.end + percent.end(), kind="percent", unit=unit, own_unit=True,
                       rounding=rounding)
    money = _CURRENCY_AFTER.match(after)
    if money:
        word = (money.group("word") or "").lower()
        if money.group("pence") or word in ("pence", "cents"):
            code, factor = ("USD" if word == "cents" else "GBP"), 0.01
        else:
            code, factor = _CURRENCY_WORDS.get(word, "USD"), 1
        return replace(f, end=f.end + money.end(), kind="money", unit=code, own_unit=True,
                       value=tidy(f.value * factor), rounding=tidy(f.rounding * factor))
    title = _UNIT_AFTER_TITLE.match(after)
    if title:
        name = title.group("unit").lower().rstrip("s") + "s"
        return replace(f, end=f.end + title.end(), kind="quantity", unit=name, own_unit=True)
    unit = _UNIT_AFTER.match(after)
    if unit:
        name = _UNITS[int(unit.lastgroup[1:])][0]
        if name in ("°C", "°F") and not re.match(r"^\s?(?:°|degree|C\b|F\b)", after):
            return f
        return replace(f, end=f.end + unit.end(), kind="quantity", unit=name, own_unit=True)
    return f


def _qualify(text: str, f: Figure) -> Figure:
    after = _QUALIFIER_AFTER.match(text[f.end : f.end + 20])
    if after and f.qualifier == "exact":
        name = after.lastgroup.rstrip("2")
        f = replace(f, end=f.end + after.end(), qualifier=name)
    before = _QUALIFIER_BEFORE.search(text[max(0, f.start - 30) : f.start])
    if before:
        name = before.lastgroup.removesuffix("_sign")
        ahead = text[max(0, f.start - 60) : f.start - (len(before.string) - before.start())]
        if name == "more_than" and before.group().lower().startswith("over") and _PARTICLE_OVER.search(ahead):
            return f  # "handed over £62,000": the verb's particle
        if name == "up_to" and _MOTION_VERB.search(ahead):
            return f  # "crept up to 27.4": the verb's particle, not a ceiling
        if (name == "more_than" and before.group().lower().startswith("over")
                and f.unit in _TIME_UNITS and not ahead.rstrip().lower().endswith("aged")
                and not re.search(r"old\b", text[max(f.start, f.end - 8) : f.end])):
            return f  # "over nine days": during, not more than
        if name == "approx" and f.words and f.qualifier == "at_least":
            return f  # "talking about millions of people"
        f = replace(f, start=f.start - (len(before.string) - before.start()),
                    qualifier=_combine(f.qualifier, name))
    return f


def _combine(existing: str, new: str) -> str:
    # "more than thousands": keep the writer's explicit word
    return new if existing in ("exact", "at_least") else existing


def _merge_ranges(text: str, figures: list[Figure]) -> list[Figure]:
    """"between 20 and 30", "20-30", "£20-30m" become one range; two full figures stay two."""
    out: list[Figure] = []
    i = 0
    while i < len(figures):
        f = figures[i]
        nxt = figures[i + 1] if i + 1 < len(figures) else None
        if nxt is not None and re.fullmatch(r"(?i)\s+(?:in|out of)\s+", text[f.end : nxt.start]) \
                and f.kind == nxt.kind == "count" and not f.scaled:
            i += 2  # "six in ten", "1 in 10,000": a ratio, not two counts
            continue
        if nxt is not None and f.qualifier == "exact" and nxt.qualifier == "exact":
            merged = _range(text, f, nxt)
            if merged == "drop":
                i += 2
                continue
            if merged is not None:
                out.append(merged)
                i += 2
                continue
        out.append(f)
        i += 1
    return out


def _range(text: str, a: Figure, b: Figure):
    gap = text[a.end : b.start]
    before = text[max(0, a.start - 40) : a.start]
    between = re.search(r"\bbetween\s+$", before, re.I)
    from_ = re.search(r"\bfrom\s+$", before, re.I)
    if between and re.fullmatch(r"[^\S\n]+and[^\S\n]+", gap):
        return _make_range(text, a, b, start=a.start - (len(before) - between.start()))
    if not re.fullmatch(r"[^\S\n]*[-–—][^\S\n]*|[^\S\n]+to[^\S\n]+", gap):
        return None
    hyphen = "to" not in gap
    if not hyphen and re.search(r"\bby\s+$", before, re.I):
        return None  # "fell by 1,400 to 8,600": a change and a new level
    if from_ and not hyphen and _CHANGE_VERB.search(before[: from_.start()]):
        return None  # "rose from 20 to 30": two figures
    if (a.own_unit and b.own_unit or (a.scaled and b.scaled and not a.words)) and not hyphen:
        return None  # "$1.2 million to $23.5 million": two figures; "£20m-£30m" is a range
    if a.kind != "count" and not a.own_unit and b.kind == "count":
        return None
    if a.value >= b.value:
        # "won 3-1" is a score and "312 to 298" a tally: not a range
        return "drop" if hyphen and a.kind == b.kind == "count" and b.value < 100 else None
    start = a.start - (len(before) - from_.start()) if from_ else a.start
    return _make_range(text, a, b, start=start)


def _make_range(text: str, a: Figure, b: Figure, start: int) -> Figure | None:
    value, rounding = a.value, a.rounding
    if b.scale != 1 and not a.scaled:
        value, rounding = tidy(a.value * b.scale), tidy(a.rounding * b.scale)
    if value >= b.value:
        return None
    kind = b.kind if b.kind != "count" else a.kind
    unit = b.unit or a.unit
    return Figure(start, b.end, text[start : b.end], kind, value, "range", rounding,
                  value_end=b.value, end_rounding=b.rounding, unit=unit,
                  core_start=a.core_start, core_end=b.core_end, words=a.words and b.words,
                  scaled=True, own_unit=a.own_unit or b.own_unit)


def find_figures(text: str, masks=()) -> list[Figure]:
    """Every figure in `text` outside `masks` (sorted, possibly overlapping character ranges)."""
    figures = [_extend(text, core) for core in _cores(text, masks)]
    figures = [_qualify(text, f) for f in _merge_ranges(text, figures)]
    out = []
    for f in figures:
        if not (plausible(f.value) and plausible(f.value_end)):
            continue  # too large to be a figure anyone writes: a serial number or noise
        f = replace(f, text=text[f.start : f.end])
        if out and f.start < out[-1].end:  # a qualifier or currency reached into the previous one
            continue
        out.append(f)
    return out
