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
from .masks import Ranges, overlaps
from .ratios import Ratio, find_ratios


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
    ratio: bool = False  # a proportion or multiplier in words ("a third of", "doubled")


_DIGITS = re.compile(
    r"(?:(?<![\w.,:/])|(?<=\b(?:USD|GBP|EUR|CHF|JPY|INR|AUD|CAD|CNY|RMB|HKD|NZD|SGD|ZAR))|(?<=\bRs))(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:(?: *[\u00a0\u202f\u2009]| )\d{3})+(?![\d,])|\d+)"
    r"(?:\.\d+)?(?!\d|[.,]\d)"
)
# Digit groups may be split by a space, a no-break, narrow no-break or thin space ("12\u2009000"); an
# HTML entity for one ("12&#8201;000") reads as padding spaces then the character, same length.
_GAP = re.compile(r" +(?=[\u00a0\u202f\u2009])")
_W = "|".join([*SMALL, *TENS, "hundred", "thousand", "million", "billion", "trillion", "dozen"])
_WORDS = re.compile(
    rf"\b(?:half an? |an? )?(?:{_W})(?:(?:-|\s+|(?:(?<=hundred)|(?<=thousand)|(?<=million)"
    rf"|(?<=billion))\s+and\s+)(?:{_W}))*(?:\s+and\s+a\s+half(?=\s+(?:million|billion|thousand|trillion)\b)"
    rf"(?:\s+(?:million|billion|thousand|trillion)))?(?:\s+dozens)?\b",
    re.I,
)
_MAGNITUDES = re.compile(
    r"\b(?:(?P<tens>tens|hundreds) of (?P<of>thousands|millions|billions)|"
    r"(?P<several>several) (?P<scale>hundred|thousand|million|billion)|"
    r"(?P<plural>dozens|scores(?= of)|(?<=\bkills )scores|(?<=\bkilled )scores|(?<=\binjured )scores|"
    r"hundreds|thousands|millions|billions))\b",
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
    "AUD$": "AUD", "NZD$": "NZD", "CAD$": "CAD", "USD$": "USD", "HKD$": "HKD", "SGD$": "SGD",
    "$US": "USD", "US $": "USD", "$A": "AUD", "$NZ": "NZD", "$C": "CAD", "RMB": "CNY", "HKD": "HKD",
    "NZD": "NZD", "SGD": "SGD", "ZAR": "ZAR", "NGN": "NGN", "KES": "KES", "MXN": "MXN",
    "BRL": "BRL", "RUB": "RUB", "SEK": "SEK", "NOK": "NOK", "DKK": "DKK", "PLN": "PLN",
    "THB": "THB", "MYR": "MYR", "IDR": "IDR",
}
_CODES = "USD|GBP|EUR|CHF|JPY|INR|AUD|CAD|CNY|RMB|HKD|NZD|SGD|ZAR|NGN|KES|MXN|BRL|RUB|SEK|NOK|DKK|PLN|THB|MYR|IDR"
_CURRENCY_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?P<sym>(?:AUD|NZD|CAD|USD|HKD|SGD)\$|US ?\$|A\$|AU\$|C\$|CA\$|NZ\$|HK\$|S\$|R\$|"
    r"\$(?:US|A|NZ|C)|\$|£|€|¥|₹)[^\S\n]?|"
    rf"\b(?P<code>Rs\.?|{_CODES})[^\S\n]?)$"
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
    ("mg/kg", r"[^\S\n]?mg/kg"), ("mg", r"[^\S\n]?(?:mg|milligrams?|milligrammes?)"), ("ml", r"[^\S\n]?(?:ml|millilit(?:re|er)s?)"),
    ("grams", r"[^\S\n](?:grams?|g)"), ("lb", r"[^\S\n]?lbs?|(?:[^\S\n]|-)pound(?=[^\S\n]+(?!(?:note|coin|fine|fee|ticket|bill|"
               r"charge|tax|levy|voucher|payment|bet|prize|stake|deal|loan|sum|the|a|an|his|her|their|its|our|"
               r"on|at|away|into|through|down|out)s?\b)[a-z])"), ("oz", r"(?:[^\S\n]|-)(?:oz|ounces?)"),
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
_CURRENCY_RANGE_BEFORE = re.compile(r"[£$€¥₹][^\S\n]?[\d.,]+[^\S\n]?(?:[-–]|to)[^\S\n]?$")  # "£20-30m"
_HALF_A_MEASURE = re.compile(
    r"\b[Hh]alf an? (?P<unit>year|month|week|day|hour|minute|second|decade|century|mile|kilometre|"
    r"kilometer|metre|meter|litre|liter|kilo|tonne|ton|pound|ounce|gallon)\b"
)
_HALF_UNITS = {"kilometer": "km", "kilometre": "km", "meter": "metres", "metre": "metres", "liter": "litres",
               "litre": "litres", "kilo": "kg", "ton": "tonnes", "tonne": "tonnes", "pound": "lb", "ounce": "oz",
               "century": "centuries"}
_AND_A_HALF = re.compile(r"^[^\S\n]+and a half(?=[^\S\n]+[a-z])")
_PER_BODY_WEIGHT = re.compile(
    r"^(?:[^\S\n]+(?:per|a|for each)[^\S\n]+(?:[\w'’-]+[^\S\n]+){0,3}?(?:kg|kilo(?:gram)?)\b)"
)  # "2 mg per kilogram of body weight"
_HEIGHT = re.compile(r"[12]\.\d\d")  # "1.91m": a person's height
_METRES_AFTER = re.compile(
    r"^\s*(?:tall|high|long|wide|deep|above|below|higher|lower|taller|short|of (?:water|rain|snow)|"
    r"rise|in (?:height|length|depth)|\)|,|\.|;)"
)
_UNIT_BEFORE = re.compile(
    r"\b(?:(?P<aged>[Aa]ged(?:\s+(?:over|under|between|at least))?)|(?P<mag>[Mm]agnitude)(?:-| of )?|"
    r"(?P<the>the\s+)?(?P<age>[Aa]ge)(?:\s+of)?)\s*$"
)
_QUALIFIED_THE = re.compile(r"\b(?:over|under|above|below)\s+$", re.I)  # "over the age of 65"
_DECADE_OF_LIFE = re.compile(r"\b(?:his|her|their|in the)\s+(?:early\s+|mid-?|late\s+)?$", re.I)
_MINUS = re.compile(r"(?:\bminus[^\S\n]+|(?<![\w\d)%])[-−])$")  # not "89%-6%", a tally
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
    + r")[^\S\n]+(?:(?:an?[^\S\n]+)?(?:additional|further|extra)[^\S\n]+|another[^\S\n]+)?|(?P<more_than_sign>>[^\S\n]?)|(?P<less_than_sign><[^\S\n]?))$",
    re.I,
)
_QUALIFIER_AFTER = re.compile(
    r"^(?:[^\S\n]+or (?P<at_least>more|over|above|older)\b|[^\S\n]+or (?P<at_most>fewer|less|under|younger)\b|"
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
_PASSED = re.compile(
    r"\b(?:rose|risen|rising|rises|climbed|climbing|went|gone|moved|pushed|crept|jumped|surged|soared|"
    r"edged)\s+(?P<past>past)\s+$",
    re.I,
)
_ESTIMATED = re.compile(
    r"\b(?:estimated|estimates?|put|reckoned|thought|believed)\s+(?:at|to be|to have been|to number|"
    r"to total|to reach)\s+$",
    re.I,
)
_BROUGHT = re.compile(
    r"\b(?:taking|takes|took|take|bringing|brings|brought|bring|pushing|pushed|push|driving|drove|raised|"
    r"raising|raises|lifted|lifting|lifts|putting|puts|put)\s+"
    r"(?:[\w'’-]+\s+){0,4}?(?:toll|total|tally|number|count|figure)\s+$",
    re.I,
)
# "took over three minutes", "lasted over an hour": more than; "over nine days" alone is during
_LASTED_BEFORE = re.compile(
    r"\b(?:t(?:ook|akes?|aking|aken)|last(?:ed|s|ing)?|wait(?:ed|s|ing)?|sp(?:ent|end|ends|ending)|"
    r"for|after|within|of)\s*$",
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
        value, rounding = parse_numeral(_GAP.sub("", match.group()))
        cores.append(Figure(*match.span(), match.group(), "count", value, rounding=rounding,
                            core_start=match.start(), core_end=match.end()))
    for match in _MAGNITUDES.finditer(text):
        if overlaps(masks, *match.span()):
            continue
        if match.group("plural"):
            base = PLURAL_MAGNITUDES[match.group("plural").lower()]
        elif match.group("several"):  # "several thousand": at least two thousand
            base = SCALE_WORDS[match.group("scale").lower()]
        else:
            base = 10 * (1 if match.group("tens").lower() == "tens" else 10)
            base *= PLURAL_MAGNITUDES[match.group("of").lower()]
        cores.append(Figure(*match.span(), match.group(), "count", tidy(2 * base),
                            "at_least", rounding=base, core_start=match.start(),
                            core_end=match.end(), words=True, scaled=True))
    for match in _HALF_A_MEASURE.finditer(text):  # "half a year": a measure
        if overlaps(masks, *match.span()):
            continue
        unit = match.group("unit").lower()
        cores.append(Figure(*match.span(), match.group(), "quantity", 0.5,
                            unit=_HALF_UNITS.get(unit, unit + "s"), core_start=match.start(),
                            core_end=match.end(), words=True, own_unit=True))
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


def _ratio_figure(text: str, r: Ratio) -> Figure:
    unit = "percent" if r.kind == "percent" else None
    return Figure(r.start, r.end, text[r.start : r.end], r.kind, r.value, rounding=r.rounding,
                  unit=unit, core_start=r.start, core_end=r.end, words=True,
                  scaled=r.kind == "count", own_unit=unit is not None, ratio=r.kind != "count")


def _extend(text: str, core: Figure) -> Figure:
    """Add scale, currency, percent or measure, and a qualifier, to a bare number."""
    f = core
    half = _AND_A_HALF.match(text[f.end : f.end + 20]) if not f.scaled else None
    if half:  # "two and a half hours": a measure, or nothing more than the number
        longer = _extend(text, replace(f, end=f.end + half.end(), value=tidy(f.value + 0.5)))
        if longer.kind != "count":
            return longer
    after = text[f.end : f.end + 40]
    scale = _SCALE_AFTER.match(after) if not f.scaled else None
    if scale and scale.group("abbr") == "m" and not _CURRENCY_BEFORE.search(text[max(0, f.start - 6) : f.start]) \
            and not _CURRENCY_RANGE_BEFORE.search(text[max(0, f.start - 20) : f.start]) \
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
    of_money = _CURRENCY_AFTER.match(after[3:]) if f.words and f.scaled and after.startswith(" of") else None
    if of_money and of_money.group("word") and not re.match(r"^ of\b", after[3 + of_money.end() :]):
        # "tens of millions of dollars": money
        code = _CURRENCY_WORDS.get(of_money.group("word").lower(), "USD")
        f = replace(f, end=f.end + 3 + of_money.end(), kind="money", unit=code, own_unit=True)
    elif currency:
        code = CURRENCY_PREFIXES[(currency.group("sym") or currency.group("code")).strip()]
        f = replace(f, start=f.start - (len(before) - currency.start()), kind="money", unit=code,
                    own_unit=True)
    else:
        f = _suffix_unit(text, f, after)
    if f.kind == "count" and not f.scaled and f.value < 120 and _is_age(text, f):
        f = replace(f, kind="quantity", unit="years", own_unit=True)
    if f.kind == "count" and f.value in range(10, 100, 10) and not f.words \
            and re.match(r"s\b", after) and _DECADE_OF_LIFE.search(before):  # "a suspect in his 40s"
        f = replace(f, end=f.end + 1, kind="quantity", unit="years", own_unit=True,
                    qualifier="range", value_end=f.value + 9, end_rounding=1)
    if f.kind == "count" or f.unit == "magnitude":
        unit_before = _UNIT_BEFORE.search(before)
        if unit_before and unit_before.group("mag"):
            f = replace(f, kind="quantity", unit="magnitude", own_unit=True,
                        start=f.start - (len(before) - unit_before.start()))
        elif unit_before and unit_before.group("age"):  # "at the age of 36", "at age 73"
            start = unit_before.start("age")
            if unit_before.group("the") and _QUALIFIED_THE.search(before[: unit_before.start("the")]):
                start = unit_before.start("the")
            f = replace(f, kind="quantity", unit="years", own_unit=True,
                        start=f.start - (len(before) - start))
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
    r"son|daughter|grandmother|grandfather|teenager|driver|victim|resident|neighbour|seller|farmer|"
    r"worker|teacher|doctor|nurse|student|patient|soldier|officer|activist|vendor|trader|labourer|"
    r"fisherman|owner|journalist|employee|player|singer|actor|actress|writer|suspect|survivor|"
    r"passenger|pilot|guard|engineer|mechanic|lawyer|miner|butcher|husband|wife|brother|sister),\s*$"
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


_WEIGHT_CONTEXT = re.compile(
    r"\b(?:weigh\w*|weight|heavier|lighter|overweight|obese|obesity|pounds? of (?:flesh|fat|meat|"
    r"beef|pork|chicken|fish|food|produce|cocaine|heroin|marijuana|drugs)|(?:lost|lose|losing|gained|gain|"
    r"gaining|shed|put on)\s+(?:about |around |some |nearly |almost |more than |over )?[\d.,]+ pounds)\b",
    re.I,
)
_KG_AFTER = re.compile(r"^\s*[(\[]\s*(?:about |around |some )?[\d.,]+\s?(?:kg|kilograms?|kilos)\b")


def _weight_in_pounds(text: str, f: Figure, end: int) -> bool:
    """ "80 pounds (36kg)", "weighed 50 pounds more", "lost 35 pounds": pounds of weight."""
    if _KG_AFTER.match(text[end : end + 30]):
        return True
    window = text[max(0, f.start - 120) : end + 120]
    offset = f.start - max(0, f.start - 120)
    left = max(window.rfind(".", 0, offset), window.rfind("\n", 0, offset))
    right = [i for i in (window.find(".", offset), window.find("\n", offset)) if i >= 0]
    sentence = window[left + 1 : min([*right, len(window)])]
    return bool(_WEIGHT_CONTEXT.search(sentence))


def _suffix_unit(text: str, f: Figure, after: str) -> Figure:
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
        if word == "pounds" and _weight_in_pounds(text, f, f.end + money.end()):
            return replace(f, end=f.end + money.end(), kind="quantity", unit="lb", own_unit=True)
        if money.group("word") and money.group("word")[0].isupper() and f.words and f.text.islower():
            return f  # "the one Pence signed": a name
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
        dose = _PER_BODY_WEIGHT.match(after[unit.end() :]) if name in ("mg", "grams", "ml") else None
        if dose:  # "2 mg per kilogram of body weight", "5mg/kg": a dose by weight
            name = f"{'g' if name == 'grams' else name}/kg"
        return replace(f, end=f.end + unit.end(), kind="quantity", unit=name, own_unit=True)
    return f


def _qualify(text: str, f: Figure) -> Figure:
    after = _QUALIFIER_AFTER.match(text[f.end : f.end + 20])
    if after and f.qualifier == "exact":
        name = after.lastgroup.rstrip("2")
        f = replace(f, end=f.end + after.end(), qualifier=name)
    passed = _PASSED.search(text[max(0, f.start - 30) : f.start])
    if passed and f.qualifier == "exact":  # "rose past 140"
        return replace(f, start=passed.start("past") + max(0, f.start - 30), qualifier="more_than")
    before = _QUALIFIER_BEFORE.search(text[max(0, f.start - 40) : f.start])
    if before is None and f.qualifier == "exact" and _ESTIMATED.search(text[max(0, f.start - 40) : f.start]):
        return replace(f, qualifier="approx")  # "estimated at 6,800": the figure is an estimate
    if before:
        name = before.lastgroup.removesuffix("_sign")
        ahead = text[max(0, f.start - 60) : f.start - (len(before.string) - before.start())]
        if name == "more_than" and before.group().lower().startswith("over") and _PARTICLE_OVER.search(ahead) \
                and f.unit not in _TIME_UNITS:
            return f  # "handed over £62,000": the verb's particle
        if name == "up_to" and (_MOTION_VERB.search(ahead) or _BROUGHT.search(ahead)):
            return f  # "crept up to 27.4", "taking the toll up to 212": the verb's particle
        if (name == "more_than" and before.group().lower().startswith("over")
                and f.unit in _TIME_UNITS and not ahead.rstrip().lower().endswith("aged")
                and not re.search(r"old\b", text[max(f.start, f.end - 8) : f.end])
                and not re.match(r"(?i)(?:the )?age\b", text[f.start : f.end])
                and not _LASTED_BEFORE.search(ahead)):
            return f  # "over nine days": during, not more than
        if name == "approx" and f.words and f.qualifier == "at_least":
            return f  # "talking about millions of people"
        if name in ("more_than", "less_than") and _NEGATED.search(ahead):
            name = "at_most" if name == "more_than" else "at_least"  # "neither winning more than 50%"
        f = replace(f, start=f.start - (len(before.string) - before.start()),
                    qualifier=_combine(f.qualifier, name))
    return f


_NEGATED = re.compile(r"\b(?:neither|nor|not|no|none|nobody|never|without)\b(?:[^\S\n]+[\w'-]+){0,2}[^\S\n]*$|"
                      r"n't(?:[^\S\n]+[\w'-]+){0,2}[^\S\n]*$", re.I)


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
        proportion = _proportion(text, f, nxt) if nxt is not None else None
        if proportion is not None:
            out.append(proportion)  # "six in ten", "1 in 10,000", "13 out of 100"
            i += 2
            continue
        if nxt is not None and f.qualifier == "exact" and nxt.qualifier == "exact" \
                and not (f.ratio or nxt.ratio):
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


# "one in five", "1 in every 200", and hyphenated as a modifier: "a one-in-five chance"
_RATIO_GAP = re.compile(r"(?:[^\S\n]+|-)(?P<word>in|out of)(?P<every>[^\S\n]+every)?(?:[^\S\n]+|-)", re.I)
# after "13 out of 600": a word that is not the counted noun
_NOT_A_NOUN = re.compile(
    r"^[^\S\n]+(?:[a-z]+ly|of|in|at|on|who|which|that|and|or|but|to|for|from|with|by|were|are|was|"
    r"is|have|had|has|will|would|could|can|may|might|say|said|says|agree|agreed|believe|think|"
    r"thought|support|supported|voted|back|backed|did|do|does)\b"
)


def _proportion(text: str, a: Figure, b: Figure) -> Figure | None:
    """ "one in five" (20%), "one in every 200" (0.5%), "13 out of 100" (13%). "360 out of 600
    votes" and "5 out of 11 birds" count a named thing on both sides: two counts."""
    gap = _RATIO_GAP.fullmatch(text[a.end : b.start])
    if gap is None or not (a.kind == b.kind == "count") or a.scaled or b.value <= 1 or a.value > b.value:
        return None
    if gap.group("word").lower() == "out of" and not gap.group("every") and b.value != 100:
        noun = re.match(r"^[^\S\n]+[a-z]", text[b.end : b.end + 3]) and not _NOT_A_NOUN.match(text[b.end : b.end + 20])
        if noun or b.value not in (10, 1000):
            return None
    value = tidy(round(a.value / b.value * 100, 2))
    rounding = 2 if b.value <= 20 else 1
    return Figure(a.start, b.end, text[a.start : b.end], "percent", value, rounding=rounding,
                  unit="percent", core_start=a.core_start, core_end=b.core_end,
                  words=a.words and b.words, own_unit=True, ratio=True)


_CHANGED_JUST_BEFORE = re.compile(
    r"\b(?:rose|risen|rising|rises|rise|fell|fallen|falling|falls|fall|increased|increases|increase|"
    r"decreased|decrease|dropped|drop|climbed|climb|jumped|jump|grew|grown|growing|grow|grows|"
    r"declined|decline|surged|soared|slumped|slipped|gained|gain|lost|added|shed|cut|"
    r"(?<!make )(?<!makes )(?<!made )(?<!making )up|down)"
    r"(?:[^\S\n]+(?:by|some|about|around|nearly|almost|another|a further))?[^\S\n]+$",
    re.I,
)
_VOTE_BEFORE = re.compile(
    r"\b(?:vot\w*|passed|pass|approv\w*|reject\w*|ballot\w*|margin|senators?|representatives|"
    r"lawmakers|legislators|MPs|councillors|councilors|jurors|judges|justices)\b",
    re.I,
)


def _clause_before(text: str, start: int, reach: int) -> str:
    """Up to `reach` characters before `start`, not past the end of the previous sentence."""
    before = text[max(0, start - reach) : start]
    end = max(before.rfind(". "), before.rfind("\n"), before.rfind("? "), before.rfind("! "))
    return before[end + 1 :]


_PAIR_TO = re.compile(r"[^\S\n]+to[^\S\n]+\d+[-\u2013]\d")
_PAIR_TO_BEFORE = re.compile(r"\d+[-\u2013]\d+[^\S\n]+to[^\S\n]+$")


def _range(text: str, a: Figure, b: Figure):
    gap = text[a.end : b.start]
    before = text[max(0, a.start - 40) : a.start]
    between = re.search(r"\bbetween\s+$", before, re.I)
    from_ = re.search(r"\bfrom\s+$", before, re.I)
    if between and re.fullmatch(r"[^\S\n]+and[^\S\n]+", gap):
        if a.own_unit and b.own_unit and a.unit != b.unit:
            return None  # "between six months and 18 years": two figures
        return _make_range(text, a, b, start=a.start - (len(before) - between.start()))
    if not re.fullmatch(r"[^\S\n]*[-–—][^\S\n]*|[^\S\n]+to[^\S\n]+", gap):
        return None
    hyphen = "to" not in gap
    if hyphen and a.kind == b.kind == "count" and (
            _PAIR_TO.match(text[b.end : b.end + 20]) or _PAIR_TO_BEFORE.search(before)):
        return "drop"  # "about 5-9 to 5-10" (heights in feet and inches): pairs, not a range of counts
    if not hyphen and re.search(r"\bby\s+$", before, re.I):
        return None  # "fell by 1,400 to 8,600": a change and a new level
    if from_ and not hyphen and _CHANGE_VERB.search(before[: from_.start()]):
        return None  # "rose from 20 to 30": two figures
    if not hyphen and _CHANGED_JUST_BEFORE.search(before) and a.kind == b.kind == "count" \
            and b.value >= 10 * a.value:
        return None  # "rose 11,000 to 813,200": a change and a new level
    aged = a.kind == b.kind == "quantity" and a.unit == b.unit == "years" and a.end == a.core_end
    # "account for around 70 percent to 80 percent": an estimate's range (not "from 9% to 14%")
    shares = a.kind == b.kind == "percent" and a.unit == b.unit and not from_ \
        and not _CHANGED_JUST_BEFORE.search(before)
    if (a.own_unit and b.own_unit and not (aged or shares) or (a.scaled and b.scaled and not a.words)) and not hyphen:
        return None  # "$1.2 million to $23.5 million": two figures; "£20m-£30m" is a range
    if a.kind != "count" and b.kind == "count" and (
            not a.own_unit or (a.end > a.core_end and not (hyphen or b.scaled))):
        return None  # "grow 16% to 250,000": a change and a level; "£20-30m", "aged 8 to 18" are ranges
    if a.value >= b.value:
        if hyphen and a.kind == b.kind == "count" and _VOTE_BEFORE.search(_clause_before(text, a.start, 80)):
            return None  # "passed the bill 80–19": a vote, two counts
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


_DOLLAR_CODES = {"A$": "AUD", "AU$": "AUD", "AUD$": "AUD", "$A": "AUD", "C$": "CAD", "CA$": "CAD",
                 "CAD$": "CAD", "$C": "CAD", "NZ$": "NZD", "NZD$": "NZD", "$NZ": "NZD", "HK$": "HKD",
                 "HKD$": "HKD", "S$": "SGD", "SGD$": "SGD"}
_DOLLAR_PREFIX = re.compile(r"(?<![A-Za-z])(?:AUD|NZD|CAD|HKD|SGD|USD|AU|CA|NZ|HK|A|C|S)\$|\bUS ?\$|\$(?:US|A|NZ|C)\b")
_BARE_DOLLAR = re.compile(r"(?<![A-Za-z$])\$[^\S\n]?$")


def _story_dollars(text: str, figures: list[Figure]) -> list[Figure]:
    """A story that writes its dollars once as A$ (or C$, NZ$...) and never as US$ means the same
    dollars by a bare "$" ("The AUD$1 million race... losing $65 million")."""
    codes = {_DOLLAR_CODES.get(m.group().replace(" ", "")) for m in _DOLLAR_PREFIX.finditer(text)}
    if len(codes) != 1 or None in codes:
        return figures
    (code,) = codes
    return [replace(f, unit=code) if f.kind == "money" and f.unit == "USD"
            and _BARE_DOLLAR.search(text[max(0, f.core_start - 3) : f.core_start]) else f
            for f in figures]


_RELATIVE_AFTER = re.compile(r"^[^\S\n]+(?:later|earlier|afterwards|before that)\b", re.I)
_YEAR_BEFORE = re.compile(r"\b(?:around|about|circa|c\.|since|until|till|by|before|after|in|from)\s+$", re.I)
_YEAR_AFTER = re.compile(r"^(?:[,.;:)]|\s+(?:in|on|at|and|or|when|after|before|until|to|as|with|while|but)\b|\s*$)")


def _not_a_figure(text: str, f: Figure) -> bool:
    """ "one day", "one year" (a manner of speaking, not a measure; "one year later" stays for
    the rules that check intervals), "around 1908 in Africa" (a year, not a count)."""
    if f.kind == "quantity" and f.unit in _TIME_UNITS and f.qualifier == "exact":
        if text[f.start : f.end].lower() in ("one day", "one year", "one week", "one month") \
                and not _RELATIVE_AFTER.match(text[f.end : f.end + 20]):
            return True
    if f.kind == "count" and not f.words and re.fullmatch(r"1[89]\d\d|20\d\d", text[f.core_start : f.core_end]):
        ahead = text[max(0, f.core_start - 15) : f.core_start]
        return bool(_YEAR_BEFORE.search(ahead) and _YEAR_AFTER.match(text[f.end : f.end + 10]))
    return False


_SHARED_QUALIFIERS = ("up_to", "at_most", "less_than", "more_than", "at_least", "approx", "nearly")


def _shared_qualifiers(text: str, figures: list[Figure]) -> list[Figure]:
    """ "fines of up to $44,000 and 12 months in jail", "up to one tenth or nine million": one
    qualifier before two figures joined with nothing else between them qualifies both."""
    out = list(figures)
    for i in range(1, len(out)):
        p, f = out[i - 1], out[i]
        if f.qualifier == "exact" and p.qualifier in _SHARED_QUALIFIERS \
                and re.fullmatch(r"[^\S\n]+(?:and|or)[^\S\n]+", text[p.end : f.start]) \
                and not (p.kind == "count" and p.qualifier == "at_least" and p.words and p.scaled):
            out[i] = replace(f, qualifier=p.qualifier)
    return out


_SHARED_GAP = re.compile(r"[^\S\n]+(?:and|or)[^\S\n]+|,[^\S\n]*")


def _share_units(text: str, figures: list[Figure]) -> list[Figure]:
    """ "10 and 16 ounce bags", "3 or 4 percent": the bare first number has the second's unit."""
    out = list(figures)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if a.kind == "count" and not a.scaled and a.qualifier == "exact" and b.kind in ("quantity", "percent") \
                and b.own_unit and not b.ratio and b.end > b.core_end and _SHARED_GAP.fullmatch(text[a.end : b.start]) \
                and a.value <= b.value:
            out[i] = replace(a, kind=b.kind, unit=b.unit, own_unit=True)
    return out


def find_figures(text: str, masks=()) -> list[Figure]:
    """Every figure in `text` outside `masks` (sorted, possibly overlapping character ranges)."""
    masks = masks if isinstance(masks, Ranges) else Ranges(masks)
    ratios, fractions = find_ratios(text)
    ratios = [r for r in ratios if not overlaps(masks, r.start, r.end)]
    core_masks = Ranges([*masks, *fractions, *((r.start, r.end) for r in ratios)])
    figures = [_extend(text, core) for core in _cores(text, core_masks)]
    figures += [_ratio_figure(text, r) for r in ratios]
    figures.sort(key=lambda f: f.start)
    figures = _shared_qualifiers(text, [_qualify(text, f) for f in _merge_ranges(text, figures)])
    out = []
    for f in _share_units(text, figures):
        if not (plausible(f.value) and plausible(f.value_end)):
            continue  # too large to be a figure anyone writes: a serial number or noise
        if _not_a_figure(text, f):
            continue
        f = replace(f, text=text[f.start : f.end])
        if out and f.start < out[-1].end:  # a qualifier or currency reached into the previous one
            continue
        out.append(f)
    return _story_dollars(text, out)
