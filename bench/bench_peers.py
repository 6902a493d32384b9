"""factcheck's number and date readers beside peer libraries, on the peers' own public test data.

Run: python bench/bench_peers.py [--failures DIR]   (results go in bench/PEERS.md by hand)

The test data is read at run time from ../shared/eval/peer-specs (beside the repo; see its
README.md) and never copied into the repo. The peers are optional and are not project
dependencies: install them into the dev environment with
    pip install number-parser text2num dateparser quantulum3
and any that is missing is skipped with a note.

Benchmarks (same inputs for every library):
1. number-parser's CSVs (number,text): the value of a number written in words.
2. Recognizers-Text NumberModel (numbers in sentences) and NumberRangeModel (qualified figures).
3. Recognizers-Text PercentModel and CurrencyModel: value and unit.
4. Recognizers-Text dates: DateExtractor / DatePeriodExtractor (spans only), DateParser /
   DatePeriodParser / DateTimeModel (spans and resolved values against the case's reference date).
Speed is the time spent inside each library's calls, per 1,000 inputs, after a warm-up.
"""

from __future__ import annotations

import argparse
import collections
import csv
import datetime as dt
import importlib.metadata
import json
import math
import os
import platform
import re
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT.parent / "shared" / "eval" / "peer-specs"
sys.path.insert(0, str(ROOT))

from factcheck.dating import resolve  # noqa: E402
from factcheck.extract.dates import find_dates  # noqa: E402
from factcheck.extract.figures import find_figures  # noqa: E402
from factcheck.extract.masks import find_masks  # noqa: E402
from factcheck.normalize import parse_number_words  # noqa: E402

# ---------------------------------------------------------------------------------------------
# Peers, imported optionally

NOTES: list[str] = []
try:
    import number_parser
except ImportError:
    number_parser = None
    NOTES.append("number-parser is not installed: skipped (pip install number-parser)")
try:
    import text_to_num
except ImportError:
    text_to_num = None
    NOTES.append("text2num is not installed: skipped (pip install text2num)")
try:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates
except ImportError:
    DateDataParser = search_dates = None
    NOTES.append("dateparser is not installed: skipped (pip install dateparser)")
try:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "classifier dependencies not installed"
        from quantulum3 import parser as quantulum
except ImportError:
    quantulum = None
    NOTES.append("quantulum3 is not installed: skipped (pip install quantulum3)")


def version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


# ---------------------------------------------------------------------------------------------
# Helpers

class Clock:
    """Time spent inside library calls, per (benchmark, library)."""

    def __init__(self):
        self.seconds = collections.defaultdict(float)
        self.inputs = collections.defaultdict(int)

    def call(self, key, fn, *args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            self.seconds[key] += time.perf_counter() - start

    def count(self, key, n=1):
        self.inputs[key] += n

    def ms_per_1000(self, key) -> str:
        n = self.inputs.get(key)
        if not n:
            return "–"
        return f"{self.seconds[key] / n * 1000 * 1000:,.0f}"


CLOCK = Clock()
FAILURES: dict[str, list[str]] = collections.defaultdict(list)


def load_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8-sig"))


def same(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def pct(n: int, d: int) -> str:
    return f"{n / d * 100:.1f}% ({n})" if d else "–"


_NUM_IN_TEXT = re.compile(r"-?\d+(?:,\d{3})*(?:\.\d+)?")


def numbers_in(text: str) -> list[float]:
    """Every number in a peer's rewritten text ("I have 250 apples" -> [250])."""
    return [float(m.group().replace(",", "")) for m in _NUM_IN_TEXT.finditer(text)]


def table(title: str, header: list[str], rows: list[list[str]]) -> None:
    print(f"\n#### {title}\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for row in rows:
        print("| " + " | ".join(str(c) for c in row) + " |")


# ---------------------------------------------------------------------------------------------
# Our readers, as the spaCy components call them (without the parse-based filters)

def our_figures(text: str):
    masks = find_masks(text, names=True)
    dates = find_dates(text, find_masks(text))
    return find_figures(text, sorted(masks + [(d.start, d.end) for d in dates]))


def our_dates(text: str, published: dt.date | None):
    exprs = find_dates(text, find_masks(text))
    return [(e, resolve(e, published)) for e in exprs]


def q_parse(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return quantulum.parse(text)


# ---------------------------------------------------------------------------------------------
# 1. number-parser CSVs

def bench_number_words() -> None:
    folder = SPECS / "number-parser"
    groups = {"cardinals": [], "ordinals": []}
    for path in sorted(folder.glob("en_*.csv")):
        with path.open(encoding="utf-8") as f:
            rows = [(int(r["number"]), r["text"].strip()) for r in csv.DictReader(f)]
        groups["ordinals" if "ordinal" in path.name else "cardinals"].extend(
            (path.name, n, t) for n, t in rows
        )

    def ours_figures(text):
        figs = our_figures(text)
        return figs[0].value if len(figs) == 1 else None

    def ours_words(text):
        return parse_number_words(re.findall(r"[A-Za-z]+", text))

    def np_number(text):
        return number_parser.parse_number(text)

    def np_ordinal(text):
        return number_parser.parse_ordinal(text)

    def t2n_number(text):
        try:
            return text_to_num.text2num(text, "en")
        except ValueError:
            return None

    def t2n_ordinal(text):
        m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", text_to_num.alpha2digit(text, "en", threshold=0))
        return int(m.group(1)) if m else None

    def q_value(text):
        qs = q_parse(text)
        return qs[0].value if len(qs) == 1 else None

    libs = {
        "cardinals": [
            ("factcheck `find_figures`", ours_figures),
            ("factcheck `parse_number_words`", ours_words),
            ("number-parser `parse_number`", np_number if number_parser else None),
            ("text2num `text2num`", t2n_number if text_to_num else None),
            ("quantulum3 `parse`", q_value if quantulum else None),
        ],
        "ordinals": [
            ("factcheck", None),
            ("number-parser `parse_ordinal`", np_ordinal if number_parser else None),
            ("text2num `alpha2digit`", t2n_ordinal if text_to_num else None),
            ("quantulum3 `parse`", q_value if quantulum else None),
        ],
    }
    for group, cases in groups.items():
        rows = []
        for name, fn in libs[group]:
            if fn is None:
                why = "not read, by design" if name == "factcheck" else "not installed"
                rows.append([name, len(cases), "–", f"– ({why})", "–"])
                continue
            fn("one hundred and twenty")  # warm up
            key = ("words", group, name)
            best = None
            for _ in range(3):  # the fastest of three passes
                CLOCK.seconds[key] = 0.0
                right = found = 0
                for file, expected, text in cases:
                    value = CLOCK.call(key, fn, text)
                    found += value is not None
                    if value is not None and same(value, expected):
                        right += 1
                    elif best is None and name.startswith("factcheck"):
                        FAILURES[f"1-{group}-{name.split()[1].strip(chr(96))}"].append(f"{file}: {text!r} -> {value} (want {expected})")
                best = CLOCK.seconds[key] if best is None else min(best, CLOCK.seconds[key])
            CLOCK.seconds[key] = best
            CLOCK.inputs[key] = len(cases)
            rows.append([name, len(cases), pct(found, len(cases)), pct(right, len(cases)),
                         CLOCK.ms_per_1000(key)])
        table(f"1. number-parser CSVs: {group} ({len(cases)} rows, text -> number)",
              ["library", "cases", "found (a number came back)", "value accuracy", "ms per 1,000"], rows)


# ---------------------------------------------------------------------------------------------
# 2. Recognizers-Text NumberModel and NumberRangeModel

def expected_results(case, typename=None):
    for r in case.get("Results") or []:
        if typename is None or r.get("TypeName") == typename:
            yield r


def span_of(r) -> tuple[int, int]:
    return r["Start"], r["End"] + 1  # End is inclusive in the Recognizers specs


def readings(lib: str, text: str, key):
    """(span or None, value, extra) for each number a library reads in `text`."""
    if lib == "factcheck":
        out = []
        for f in CLOCK.call(key, our_figures, text):
            out.append(((f.start, f.end), f.value, f))
            if f.value_end is not None:
                out.append(((f.start, f.end), f.value_end, f))
        return out
    if lib == "number-parser":
        return [(None, v, None) for v in numbers_in(CLOCK.call(key, number_parser.parse, text))]
    if lib == "text2num":
        rewritten = CLOCK.call(key, text_to_num.alpha2digit, text, "en", threshold=0)
        return [(None, v, None) for v in numbers_in(rewritten)]
    if lib == "quantulum3":
        return [(tuple(q.span), q.value, q) for q in CLOCK.call(key, q_parse, text)]
    raise ValueError(lib)


def installed_libs():
    libs = ["factcheck"]
    libs += ["number-parser"] if number_parser else []
    libs += ["text2num"] if text_to_num else []
    libs += ["quantulum3"] if quantulum else []
    return libs


SPANLESS = {"number-parser", "text2num"}  # they rewrite the text: no spans, matched by value only


NUMBER_CATEGORIES = [
    # (name, test on the expected text); the first that matches wins. Heuristics, for a breakdown.
    ("negative (-1, minus five)", lambda t: re.match(r"\s*(?:-|minus\b|negative\b)", t, re.I)),
    ("power or scientific (1e10, 1.1^23)", lambda t: re.search(r"\^|\d[eE][+-]?\d|x10", t)),
    ("fraction or decimal in words (two thirds, 1 over 3, ½, point five, and a half)",
     lambda t: re.search(r"half|quarter|thirds?\b|fourths?|[a-z]ths?\b|\bover\b|out of|\bin\b|/|"
                         r"[½⅓⅔¼¾⅕⅙⅛]|\bpoint\b", t, re.I)),
    ("digits with a scale word or suffix (3 hundred, 10M, 2mil, 10 bln, 13 lakh, 3 dozens)",
     lambda t: re.search(r"\d\s*[A-Za-z]", t)),
    ("plain digits (1,234,567, 4.800, 40 000)", lambda t: re.search(r"\d", t)),
    ("plain words (one hundred and six, a dozen, nought)", lambda t: True),
]


def number_category(text: str) -> str:
    return next(name for name, test in NUMBER_CATEGORIES if test(text))


def bench_number_model() -> None:
    cases = load_json(SPECS / "recognizers-text" / "Number" / "NumberModel.json")
    cases = [c for c in cases if list(expected_results(c, "number"))]
    libs = installed_libs()
    for lib in libs:
        readings(lib, "one hundred and twenty-three", ("warm", lib))
    rows = []
    by_category = collections.defaultdict(collections.Counter)  # category -> lib -> right
    category_total = collections.Counter()
    for lib in libs:
        key = ("numbermodel", lib)
        total = found = right = 0
        for case in cases:
            got = readings(lib, case["Input"], key)
            CLOCK.count(key)
            for r in expected_results(case, "number"):
                want = float(r["Resolution"]["value"])
                span = span_of(r)
                hit = [g for g in got if g[0] is None or overlap(g[0], span)]
                ok = any(same(v, want) for _, v, _ in hit)
                total += 1
                found += bool(hit) and lib not in SPANLESS
                right += ok
                category = number_category(r["Text"])
                by_category[category][lib] += ok
                if lib == libs[0]:
                    category_total[category] += 1
                if lib == "factcheck" and not ok:
                    FAILURES["2-numbermodel"].append(
                        f"[{category}] {case['Input']!r}: want {r['Text']!r}={want:g}; got "
                        f"{[(g[2].text, g[1]) for g in got]}")
        rows.append([lib, total, "– (no spans)" if lib in SPANLESS else pct(found, total),
                     pct(right, total), CLOCK.ms_per_1000(key)])
    table(f"2a. Recognizers-Text NumberModel.json: {len(cases)} inputs with a number result",
          ["library", "cases", "found (span overlaps)", "value accuracy", "ms per 1,000"], rows)
    rows = [[name, category_total[name]] + [pct(by_category[name][lib], category_total[name]) for lib in libs]
            for name, _ in NUMBER_CATEGORIES if category_total[name]]
    table("2a. NumberModel value accuracy by form of the expected number (first matching category)",
          ["form", "cases"] + libs, rows)


_INTERVAL = re.compile(r"([\[(])\s*([^,]*)\s*,\s*([^,\])]*)\s*([\])])")


def parse_interval(s: str):
    m = _INTERVAL.fullmatch(s.strip())
    low = float(m.group(2)) if m.group(2) else None
    high = float(m.group(3)) if m.group(3) else None
    return low, high, m.group(1) == "[", m.group(4) == "]"


def our_interval(f):
    """Our qualifier and value as an interval (low, high, low closed, high closed), or None."""
    q, v = f.qualifier, f.value
    return {
        "exact": (v, v, True, True),
        "more_than": (v, None, False, False),
        "at_least": (v, None, True, False),
        "less_than": (None, v, False, False),
        "at_most": (None, v, False, True),
        "up_to": (None, v, False, True),
        "range": (v, f.value_end, True, True),
    }.get(q)


def bench_number_range() -> None:
    cases = load_json(SPECS / "recognizers-text" / "Number" / "NumberRangeModel.json")
    cases = [c for c in cases if list(expected_results(c))]
    libs = ["factcheck"] + (["quantulum3"] if quantulum else [])
    rows = []
    for lib in libs:
        key = ("numberrange", lib)
        total = found = ends = strict = 0
        for case in cases:
            if lib == "factcheck":
                got = [((f.start, f.end), our_interval(f)) for f in CLOCK.call(key, our_figures, case["Input"])]
            else:
                got = []
                for q in CLOCK.call(key, q_parse, case["Input"]):
                    u = q.uncertainty
                    iv = (q.value - u, q.value + u, True, True) if u else (q.value, q.value, True, True)
                    got.append((tuple(q.span), iv))
            CLOCK.count(key)
            for r in expected_results(case):
                want = parse_interval(r["Resolution"]["value"])
                hit = [iv for span, iv in got if overlap(span, span_of(r))]
                total += 1
                found += bool(hit)
                good = [iv for iv in hit if iv and same(iv[0], want[0]) and same(iv[1], want[1])]
                ends += bool(good)
                strict += any(iv == want for iv in good)
                if lib == "factcheck" and not good:
                    FAILURES["2-numberrange"].append(
                        f"{case['Input']!r}: want {r['Text']!r} {r['Resolution']['value']}; got "
                        f"{[(f.text, f.qualifier, f.value, f.value_end) for f in our_figures(case['Input'])]}")
        rows.append([lib, total, pct(found, total), pct(ends, total), pct(strict, total),
                     CLOCK.ms_per_1000(key)])
    for lib in ("number-parser", "text2num"):
        rows.append([lib, "–", "–", "– (no qualifiers or ranges)", "–", "–"])
    table(f"2b. Recognizers-Text NumberRangeModel.json: {len(cases)} inputs with a range result",
          ["library", "cases", "found (span overlaps)", "value accuracy (interval ends)",
           "ends and open/closed brackets", "ms per 1,000"], rows)


# ---------------------------------------------------------------------------------------------
# 3. PercentModel and CurrencyModel

# Recognizers' unit names without an ISO code, and the codes that stand for them
_UNIT_CODES = {
    "dollar": {"USD", "AUD", "CAD", "NZD", "HKD", "SGD"}, "pound": {"GBP"}, "pence": {"GBP"},
    "cent": {"USD"}, "euro": {"EUR"}, "rupee": {"INR"}, "yen": {"JPY"}, "bitcoin": {"BTC", "XBT"},
}


def currency_ok(unit_code: str | None, unit_name: str | None, r) -> bool:
    res = r["Resolution"]
    iso = res.get("isoCurrency")
    if iso:
        return unit_code == iso
    wanted = _UNIT_CODES.get(res["unit"].lower(), set())
    if unit_code in wanted:
        return True
    # quantulum3 names units instead ("united states dollar", "pound sterling")
    return bool(unit_name) and res["unit"].lower() in unit_name.lower() and unit_code is None


def amount(r) -> float | None:
    try:
        return float(str(r["Resolution"].get("value")).rstrip("%"))
    except ValueError:
        return None  # None or "null": a unit named with no amount ("dollar")


def spaced_symbol(text: str) -> bool:
    """ "$ 75 million", "us $ 10 billion", "£ 60,000": the symbol split from the number, as in
    the tokenised newswire and Wikipedia sentences much of CurrencyModel comes from."""
    return bool(re.search(r"[$£€¥₹]\s+\d", text))


def bench_percent_currency() -> None:
    percent = load_json(SPECS / "recognizers-text" / "Number" / "PercentModel.json")
    currency = load_json(SPECS / "recognizers-text" / "NumberWithUnit" / "CurrencyModel.json")
    for title, cases, kind in (("3a. Recognizers-Text PercentModel.json", percent, "percent"),
                               ("3b. Recognizers-Text NumberWithUnit/CurrencyModel.json", currency, "money")):
        cases = [c for c in cases if any(amount(r) is not None for r in expected_results(c))]
        subsets = {"all": lambda r: True}
        if kind == "money":
            subsets["symbol spaced from the number ($ 75 million)"] = lambda r: spaced_symbol(r["Text"])
            subsets["the rest"] = lambda r: not spaced_symbol(r["Text"])
        rows = []
        for lib in installed_libs():
            key = (kind, lib)
            count = {name: collections.Counter() for name in subsets}
            for case in cases:
                got = readings(lib, case["Input"], key)
                CLOCK.count(key)
                for r in expected_results(case):
                    want = amount(r)
                    if want is None:
                        continue  # a unit named with no amount ("dollar")
                    wants = [want]
                    if kind == "money" and r["Resolution"]["unit"].lower() in ("pence", "cent"):
                        wants.append(want / 100)  # we give 50p as 0.5 GBP
                    hit = [g for g in got if g[0] is None or overlap(g[0], span_of(r))]
                    valued = [g for g in hit if any(same(g[1], w) for w in wants)]
                    if lib == "factcheck":
                        good = [g for g in valued if g[2].kind == kind and (
                            kind == "percent" or currency_ok(g[2].unit, None, r))]
                    elif lib == "quantulum3":
                        good = [g for g in valued if (
                            g[2].unit.name == "percentage" if kind == "percent"
                            else currency_ok(getattr(g[2].unit, "currency_code", None), g[2].unit.name, r))]
                    else:
                        good = []
                    for name, test in subsets.items():
                        if test(r):
                            c = count[name]
                            c["total"] += 1
                            c["found"] += bool(hit) and lib not in SPANLESS
                            c["value"] += bool(valued)
                            c["unit"] += bool(good)
                    if lib == "factcheck" and not good:
                        FAILURES[f"3-{kind}"].append(
                            f"{case['Input'][:120]!r}: want {r['Text']!r} {r['Resolution']}; got "
                            f"{[(g[2].text, g[2].kind, g[1], g[2].unit) for g in got]}")
            for name, c in count.items():
                rows.append([lib] + ([name] if len(subsets) > 1 else []) + [
                    c["total"], "– (no spans)" if lib in SPANLESS else pct(c["found"], c["total"]),
                    pct(c["value"], c["total"]),
                    "– (no units)" if lib in SPANLESS else pct(c["unit"], c["total"]),
                    CLOCK.ms_per_1000(key) if name == "all" else ""])
        table(f"{title}: {len(cases)} inputs",
              ["library"] + (["subset"] if len(subsets) > 1 else []) +
              ["cases", "found (span overlaps)", "value accuracy", "value and unit", "ms per 1,000"], rows)


# ---------------------------------------------------------------------------------------------
# 4. Dates

def _d(s: str) -> dt.date | None:
    try:
        d = dt.date.fromisoformat(s[:10])
    except (ValueError, TypeError):
        return None
    return None if d.year < 2 else d  # "0001-01-01": Recognizers' "no such day"


def timex_interval(timex: str | None):
    """A concrete timex as (first day, last day): 2016, 2016-11, 2016-11-07, 2016-W45,
    (2016-01-01,2016-04-01,P3M). None for unanchored ones (XXXX-10-02) and anything else."""
    if not timex or "X" in timex:
        return None
    try:
        if m := re.fullmatch(r"\d{4}", timex):
            y = int(timex)
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", timex):
            y, mo = int(m[1]), int(m[2])
            nxt = dt.date(y + (mo == 12), mo % 12 + 1, 1)
            return dt.date(y, mo, 1), nxt - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", timex):
            d = dt.date.fromisoformat(timex)
            return d, d
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", timex):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + dt.timedelta(days=6)
        if m := re.fullmatch(r"\((\d{4}-\d{2}-\d{2}),(\d{4}-\d{2}-\d{2}),P[^)]*\)", timex):
            return dt.date.fromisoformat(m[1]), dt.date.fromisoformat(m[2]) - dt.timedelta(days=1)
    except ValueError:
        return None
    return None


def add_interval(out: list, start, end=None) -> None:
    """`end` is exclusive in the Recognizers resolutions (February: 02-01 to 03-01)."""
    a = _d(start) if start else None
    if end is None:
        if a:
            out.append((a, a))
        return
    b = _d(end)
    if a and b:
        out.append((a, b - dt.timedelta(days=1)))


class Expected:
    def __init__(self, file, text, ref, span, label, intervals):
        self.file, self.text, self.ref, self.span, self.label = file, text, ref, span, label
        self.intervals = intervals  # acceptable (first day, last day) readings; [] = span only


def date_cases(name: str) -> list[Expected]:
    path = SPECS / "recognizers-text" / "DateTime" / name
    out = []
    for case in load_json(path):
        ref = (case.get("Context") or {}).get("ReferenceDateTime")
        ref = dt.datetime.fromisoformat(ref) if ref else None
        for r in case.get("Results") or []:
            if "Length" in r:
                span = (r["Start"], r["Start"] + r["Length"])
            else:
                span = (r["Start"], r["End"] + 1)
            intervals = []
            if "Value" in r:  # DateParser / DatePeriodParser
                value = r["Value"]
                for res in (value.get("FutureResolution") or {}, value.get("PastResolution") or {}):
                    if "date" in res:
                        add_interval(intervals, res["date"])
                    elif "startDate" in res and "endDate" in res:
                        add_interval(intervals, res["startDate"], res["endDate"])
                if iv := timex_interval(value.get("Timex")):
                    intervals.append(iv)
                label = r["Type"]
            elif "Resolution" in r:  # DateTimeModel
                if (r.get("TypeName") or r.get("Typename")) not in ("datetimeV2.date", "datetimeV2.daterange") or ref is None:
                    continue
                for v in r["Resolution"]["values"]:
                    if "value" in v:
                        add_interval(intervals, v["value"])
                    elif "start" in v and "end" in v:
                        add_interval(intervals, v["start"], v["end"])
                    if iv := timex_interval(v.get("timex")):
                        intervals.append(iv)
                label = (r.get("TypeName") or r.get("Typename")).split(".")[1]
            else:  # extractor files: a span only
                label = r.get("Type", "")
            out.append(Expected(name, case["Input"], ref, span, label, sorted(set(intervals))))
    return out


def period_interval(d: dt.date, period: str):
    """dateparser's date and period as (first day, last day)."""
    if period == "year":
        return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)
    if period == "month":
        nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return dt.date(d.year, d.month, 1), nxt - dt.timedelta(days=1)
    if period == "quarter":
        q = (d.month - 1) // 3
        first = dt.date(d.year, 3 * q + 1, 1)
        nxt = dt.date(d.year + (q == 3), (3 * q + 3) % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    if period == "week":
        monday = d - dt.timedelta(days=d.weekday())
        return monday, monday + dt.timedelta(days=6)
    return d, d  # day, time


_DDP: dict = {}


def date_parser_for(ref: dt.datetime):
    if ref not in _DDP:
        _DDP[ref] = DateDataParser(languages=["en"], settings={
            "RELATIVE_BASE": ref, "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False})
    return _DDP[ref]


_FAST = []


def our_fast_dates(text: str, published: dt.date | None):
    """The dates as `factcheck check --fast` reads them: the same finder, plus the tense of the
    clause ("I'll go back on Friday": the next Friday), which `find_dates` alone does not see."""
    if not _FAST:
        from factcheck.extract import FAST_MODEL, build_pipeline
        nlp = build_pipeline(FAST_MODEL)
        nlp.select_pipes(enable=["factcheck_sentences", "sentencizer", "factcheck_dates"])
        _FAST.append(nlp)
    return [(e, resolve(e, published)) for e in _FAST[0](text)._.fc_dates]


OURS = "factcheck"
OURS_FAST = "factcheck, fast pipeline (+ tense)"
OURS_DDP = "factcheck spans + DateDataParser"
SEARCH = "dateparser search_dates"


def date_readings(lib: str, text: str, ref: dt.datetime | None, key):
    """(span, (first day, last day) or None) for each date a library finds in `text`."""
    published = ref.date() if ref else None
    if lib in (OURS, OURS_FAST):
        fn = our_dates if lib == OURS else our_fast_dates
        return [((e.start, e.end), (v.low, v.high) if v.low else None)
                for e, v in CLOCK.call(key, fn, text, published)]
    if lib == OURS_DDP:
        exprs = CLOCK.call(key, find_dates, text, CLOCK.call(key, find_masks, text))
        out = []
        for e in exprs:
            iv = None
            if ref is not None:
                data = CLOCK.call(key, date_parser_for(ref).get_date_data, e.text)
                if data.date_obj is not None:
                    iv = period_interval(data.date_obj.date(), data.period)
            out.append(((e.start, e.end), iv))
        return out
    if lib == SEARCH:
        base = ref or dt.datetime(2016, 11, 7)
        found = CLOCK.call(key, search_dates, text, languages=["en"],
                           settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or []
        out, cursor = [], 0
        for sub, when in found:
            at = text.find(sub, cursor)
            if at < 0:
                at = text.find(sub)
            if at < 0:
                continue
            cursor = at + len(sub)
            out.append(((at, at + len(sub)), ("point", when.date())))
        return out
    raise ValueError(lib)


def date_value_ok(reading, intervals) -> tuple[bool, bool]:
    """(exact, within): the reading is the expected period to the day, or lies inside it."""
    if reading is None or not intervals:
        return False, False
    if reading[0] == "point":  # search_dates: a datetime, no granularity, so never "exact"
        return False, any(a <= reading[1] <= b for a, b in intervals)
    return reading in intervals, any(a <= reading[0] and reading[1] <= b for a, b in intervals)


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
DATE_CATEGORIES = [
    # (name, test on the expected text); the first that matches wins. Heuristics, for a breakdown.
    ("holiday or named day (Easter, black friday, Juneteenth)", lambda t: re.search(
        r"christmas|easter|halloween|thanksgiving|independence|labou?r day|new year|\beid\b|juneteenth|"
        r"black friday|valentine|memorial|mother|father|veteran|martin luther|patrick|boxing day|"
        r"columbus|president|inauguration|election|april fool|tax day|ramadan|diwali|hanukkah|"
        r"kwanzaa|yom kippur|rosh|passover|lent\b|ash wednesday|otd|today in history", t, re.I)),
    ("range between two dates (from 4 to 22 this month, Nov-Feb 2017)", lambda t: re.search(
        r"\b(?:from|between|till|until|through|thru|to)\b|\w\s*[–~]\s*\w|[a-z]{3}\s*-\s*[a-z]{3}|"
        r"\d/\d+\s*-\s*\d", t, re.I)),
    ("date arithmetic (in 2 weeks, 3 days from now, within 10 months)", lambda t: re.search(
        r"\b(?:within|ago|later|after|before|from now|hence|upcoming|coming|previous \w+ (?:days|weeks|"
        r"months|years|quarters)|(?:next|last|past) (?:\d+|few|couple|two|three|four|five)|rest of|"
        r"remaining|fortnight|in (?:a|an|\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|few) "
        r"(?:business )?(?:days?|weeks?|months?|years?))\b", t, re.I)),
    ("part of a period or week number (week 31, weekend, end of year, 3rd week of, H2, mid next week)",
     lambda t: re.search(
        r"\bweek\s*\d|weekend|\b(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|\d+th)\s+(?:week|"
        r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|month|quarter|day)\b|\b(?:early|mid|"
        r"late|end of|beginning|start of|middle|half|h[12]\b|to date|working week|business|same)",
        t, re.I)),
    ("month name in lower case (april 9th, 14 nov 2023)", lambda t: re.search(rf"\b{_MONTH}\b", t)),
    ("numeric or coded form (5/12, 2015.5.13, 05-Aug-2016, 2015-12, 2019 q1)", lambda t: re.search(
        r"\d\s*[/.]\s*\d|\d{4}\s*-\s*\d|\d{1,2}-\d{1,2}|\d-[a-z]|/[a-z]{3}/|\d{4}\s*/|\bq[1-4]\b|"
        r"\d\s*q[1-4]|\d+\s+\d+\s+\d+", t, re.I)),
    ("day or year in words or ordinal alone (twenty second, the 27th, two thousand and five)",
     lambda t: re.search(
        r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
        r"thirteenth|twentieth|thirtieth|twenty|thirty|thousand|nineteen|seventeen|one|two|three)\b|"
        r"^(?:(?:on|for|the)\s+)*\d{1,2}(?:st|nd|rd|th)?$", t, re.I)),
    ("plain (Jan 2019, 4th Jan, Friday, next week, yesterday, 1970s)", lambda t: True),
]


def date_category(text: str) -> str:
    return next(name for name, test in DATE_CATEGORIES if test(text))


def bench_dates() -> None:
    files = ["DateExtractor.json", "DatePeriodExtractor.json", "DateParser.json",
             "DatePeriodParser.json", "DateTimeModel.json"]
    libs = [OURS, OURS_FAST]
    if DateDataParser is not None:
        libs += [OURS_DDP, SEARCH]
    for lib in libs:  # warm up (dateparser's first call loads its language data)
        date_readings(lib, "I'll go back 04th Jan 2019 or next Friday.", dt.datetime(2016, 11, 7), ("warm", lib))
    by_category = collections.defaultdict(collections.Counter)  # category -> (lib, measure) -> n
    category_total = collections.Counter()
    for name in files:
        expected = date_cases(name)
        by_input = collections.OrderedDict()
        for e in expected:
            by_input.setdefault((e.text, e.ref), []).append(e)
        valued = any(e.intervals for e in expected)
        rows = []
        for lib in libs:
            key = ("dates", name, lib)
            total = found = exact = within = 0
            for (text, ref), wants in by_input.items():
                got = date_readings(lib, text, ref, key)
                CLOCK.count(key)
                for want in wants:
                    hit = [iv for span, iv in got if overlap(span, want.span)]
                    verdicts = [date_value_ok(iv, want.intervals) for iv in hit]
                    is_exact = any(v[0] for v in verdicts)
                    is_within = any(v[1] for v in verdicts)
                    total += 1
                    found += bool(hit)
                    exact += is_exact
                    within += is_within
                    if valued:
                        category = date_category(text[want.span[0]:want.span[1]])
                        c = by_category[category]
                        c[lib, "found"] += bool(hit)
                        c[lib, "exact"] += is_exact
                        c[lib, "within"] += is_within
                        if lib == OURS:
                            category_total[category] += 1
                    if lib == OURS and (not hit or (valued and not is_exact)):
                        FAILURES[f"4-{name}"].append(
                            f"{text!r} ref {ref and ref.date()}: want {text[want.span[0]:want.span[1]]!r} "
                            f"{[(str(a), str(b)) for a, b in want.intervals]}; got "
                            f"{[(text[s:e], iv and tuple(map(str, iv))) for (s, e), iv in got]}")
            CLOCK.seconds["dates", lib] += CLOCK.seconds[key]
            CLOCK.inputs["dates", lib] += CLOCK.inputs[key]
            if valued:
                rows.append([lib, total, pct(found, total),
                             "– (no granularity)" if lib == SEARCH else pct(exact, total),
                             pct(within, total), CLOCK.ms_per_1000(key)])
            else:
                rows.append([lib, total, pct(found, total), CLOCK.ms_per_1000(key)])
        scope = " (date and daterange results with a ReferenceDateTime)" if name == "DateTimeModel.json" else ""
        header = ["library", "cases", "found (span overlaps)"]
        if valued:
            header += ["value exact (first and last day)", "value within the expected period"]
        table(f"4. Recognizers-Text DateTime/{name}{scope}: {len(by_input)} inputs",
              header + ["ms per 1,000"], rows)
    if DateDataParser is not None:
        columns = [(OURS, "found"), (SEARCH, "found"), (OURS, "exact"), (OURS_DDP, "exact"),
                   (OURS, "within"), (SEARCH, "within")]
    else:
        columns = [(OURS, "found"), (OURS, "exact"), (OURS, "within")]
    rows = [[name, category_total[name]] + [pct(by_category[name][col], category_total[name]) for col in columns]
            for name, _ in DATE_CATEGORIES if category_total[name]]
    table("4. By form of the expected date (DateParser + DatePeriodParser + DateTimeModel; "
          "first matching category)", ["form", "cases"] + [f"{m}: {lib}" for lib, m in columns], rows)
    rows = [[lib, CLOCK.inputs[("dates", lib)], CLOCK.ms_per_1000(("dates", lib))] for lib in libs]
    table("4. Speed over all the date inputs above", ["library", "inputs", "ms per 1,000"], rows)


# ---------------------------------------------------------------------------------------------

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--failures", type=Path, help="write factcheck's misses, one file per benchmark, here")
    args = ap.parse_args()
    if not (SPECS / "README.md").exists():
        sys.exit(f"peer test data not found at {SPECS}\n"
                 f"(it lives beside the repo, in shared/eval/peer-specs; it is not copied into the repo)")
    started = time.perf_counter()
    print(f"## Peer benchmark, {dt.date.today().isoformat()}\n")
    print(f"- machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}")
    print("- versions: " + ", ".join(f"{d} {version(d)}" for d in (
        "newsroom-factcheck", "number-parser", "text2num", "dateparser", "quantulum3")))
    print(f"- data: {os.path.relpath(SPECS, ROOT)} (relative to the repo root)")
    for note in NOTES:
        print(f"- note: {note}")
    bench_number_words()
    bench_number_model()
    bench_number_range()
    bench_percent_currency()
    bench_dates()
    print(f"\n(total run time {time.perf_counter() - started:.0f} s)")
    if args.failures:
        args.failures.mkdir(parents=True, exist_ok=True)
        for name, lines in FAILURES.items():
            (args.failures / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"factcheck's misses written to {args.failures}", file=sys.stderr)


if __name__ == "__main__":
    main()
