"""One figure rewritten in its own surface form to a value outside an interval: digits stay digits
with the same grouping and decimals ("£3.2m" -> "£4.0m", "1 250 000" -> "1 570 000"), number words
stay number words ("six" -> "eight"), fractions stay fractions ("a fourth" -> "a fifth"). Every
candidate is read back with the project's own reader (`find_figures`) and its interval taken from
`normalize.interval`, so the new figure means what the check says it means."""

from __future__ import annotations

import math
import re

from ..extract.figures import Figure, find_figures
from ..normalize import SMALL, TENS, describe_interval, interval, parse_numeral, word_rounding

INF = math.inf
Bounds = tuple[float, float]


def figure_bounds(f: Figure) -> Bounds:
    """The interval a figure allows, open ends as infinities."""
    low, high = interval(f.value, f.qualifier, f.rounding, f.value_end, f.end_rounding)
    return (-INF if low is None else low), (INF if high is None else high)


def show_bounds(bounds: Bounds) -> str:
    """(1200, inf) -> '1,200 or more'"""
    low, high = bounds
    return describe_interval(None if low == -INF else low, None if high == INF else high)


def tolerance(f: Figure) -> float:
    """Half the width a figure's rounding and qualifier give it (0 for an exact '7')."""
    half = f.rounding / 2 if f.rounding > 1 else 0
    return max(half, abs(f.value) * 0.1) if f.qualifier in ("approx", "nearly") else half


def rewrite(text: str, ref: dict, f: Figure, allowed: Bounds, *, cap: float | None = None):
    """(new text of the gold figure, what it now allows) for the nearest written value outside
    `allowed`, or None when the figure's form cannot reach one."""
    low, high = allowed
    tol = tolerance(f)
    move = max(0.25 * abs(f.value), 3 * tol)
    form = _form(text[f.core_start : f.core_end], f)
    if form is None:
        return None
    options = []
    for direction in (1, -1):
        edge = high if direction > 0 else low
        if math.isinf(edge):
            continue
        misreads = 0
        for value, written, rounding in form(direction, f.value + direction * move, edge):
            if value <= 0 or (cap is not None and value > cap):
                break
            gap = max(tol, 0.05 * abs(edge))
            if not _outside(interval(value, f.qualifier, rounding), direction, allowed, gap):
                continue
            checked = _reread(text, ref, f, written, value)
            if checked is None or not _outside(interval(checked.value, checked.qualifier, checked.rounding),
                                               direction, allowed, gap):
                misreads += 1
                if misreads > 25:
                    break
                continue
            same_size = _digits(value) == _digits(f.value)
            options.append((not same_size, abs(value - f.value) / abs(f.value), -direction,
                            _new_text(text, ref, f, written), show_bounds(figure_bounds(checked))))
            break
    return min(options)[3:] if options else None


def _outside(bounds, direction: int, allowed: Bounds, gap: float) -> bool:
    """Whether a figure's interval lies wholly above (direction 1) or below `allowed`, by `gap`."""
    low, high = bounds
    if direction > 0:
        return low is not None and low > allowed[1] + gap
    return high is not None and high < allowed[0] - gap


def _digits(value: float) -> int:
    return len(str(int(abs(value))))


def _new_text(text: str, ref: dict, f: Figure, core: str) -> str:
    gold = ref["text"]
    at = f.core_start - ref["start"]
    return gold[:at] + core + gold[at + f.core_end - f.core_start :]


def _reread(text: str, ref: dict, f: Figure, core: str, value: float) -> Figure | None:
    """The figure as the project's reader sees it once rewritten, or None when it reads as
    something else (another qualifier, kind or value)."""
    lo = max(0, ref["start"] - 300)
    new = _new_text(text, ref, f, core)
    window = text[lo : ref["start"]] + new + text[ref["start"] + len(ref["text"]) : ref["start"] + len(ref["text"]) + 300]
    at = f.core_start - lo
    for g in find_figures(window):
        if g.core_start == at and g.core_end == at + len(core):
            same = (g.kind, g.qualifier, g.value_end) == (f.kind, f.qualifier, f.value_end)
            return g if same and math.isclose(g.value, value, rel_tol=1e-6) else None
    return None


_GROUPED = re.compile(r"^(\d{1,3})((?:[,\s\u00a0\u202f]\d{3})+)(?:\.(\d+))?$|^(\d+)(?:\.(\d+))?$")


def _form(core: str, f: Figure):
    """A generator of (value, written core, its rounding) beyond a start value in one direction,
    or None when the figure's form is not one this module writes."""
    if f.ratio:
        return _fraction_form(core, f) if f.kind == "percent" else None
    if _GROUPED.match(core):
        return _digit_form(core, f)
    if f.words and _number_words(core):
        return _word_form(core, f)
    return None


def _grid(unit: float, direction: int, start: float, edge: float, limit: int = 100_000):
    """Values on a grid of `unit`, from the first past `start` (or past `edge`, if further) on."""
    first = max(start, edge) if direction > 0 else min(start, edge)
    k = math.ceil(first / unit - 1e-9) if direction > 0 else math.floor(first / unit + 1e-9)
    for _ in range(limit):
        if k * unit <= 0:
            return
        yield round(k * unit, 10)
        k += direction


def _digit_form(core: str, f: Figure):
    whole, _, fraction = core.partition(".")
    separator = next((ch for ch in whole if ch in ", \u00a0\u202f"), None)
    decimals = len(fraction)
    digits = len(re.sub(r"\D", "", whole))
    _, rounding = parse_numeral(core)
    unit = rounding if decimals else max(1, min(rounding, 10 ** (digits - 2)))
    scale = f.scale or 1

    def write(x: float) -> str:
        body = f"{x:,.{decimals}f}"
        if separator is None and digits >= 4:
            return body.replace(",", "")
        return body.replace(",", separator) if separator else body

    def generate(direction: int, start: float, edge: float):
        for x in _grid(unit, direction, start / scale, edge / scale):
            written = write(x)
            yield x * scale, written, parse_numeral(written)[1] * scale

    return generate


_WORD_RE = re.compile(r"[A-Za-z]+|-")
_ONES = [*SMALL]  # zero .. nineteen, in order
_TENS_WORDS = {v // 10: k for k, v in TENS.items()}
_SCALES = ((10**9, "billion"), (10**6, "million"), (1000, "thousand"))


def _number_words(core: str) -> bool:
    words = [w.lower() for w in _WORD_RE.findall(core) if w != "-"]
    allowed = {*SMALL, *TENS, "hundred", "thousand", "million", "billion", "and"}
    return bool(words) and all(w in allowed for w in words)


def say(n: int, *, hyphen: bool = True, with_and: bool = False) -> str:
    """42 -> 'forty-two'; 109 -> 'one hundred and nine' with `with_and`."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS_WORDS[tens] + (("-" if hyphen else " ") + _ONES[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        tail = (" and " if with_and else " ") + say(rest, hyphen=hyphen) if rest else ""
        return _ONES[hundreds] + " hundred" + tail
    for size, name in _SCALES:
        if n >= size:
            head, rest = divmod(n, size)
            tail = ""
            if rest:
                tail = " " + ("and " if with_and and rest < 100 else "") + say(rest, hyphen=hyphen, with_and=with_and)
            return say(head, hyphen=hyphen, with_and=with_and) + " " + name + tail
    raise ValueError(f"expected a whole number, got {n}")


def _word_form(core: str, f: Figure):
    lower = core.lower()
    hyphen = "-" in core or not re.search(r"(?:" + "|".join(TENS) + r") (?:" + "|".join(list(SMALL)[1:10]) + r")\b", lower)
    with_and = " and " in lower
    capital = core[:1].isupper()
    n = int(f.value)
    unit = word_rounding(n)

    def generate(direction: int, start: float, edge: float):
        for x in _grid(unit, direction, start, edge):
            if x < 1 or x >= 10**12:
                return
            words = say(int(x), hyphen=hyphen, with_and=with_and)
            yield x, (words[:1].upper() + words[1:]) if capital else words, word_rounding(int(x))

    return generate


_DENOMINATORS = {2: ("half", "halves"), 3: ("third", "thirds"), 4: ("quarter", "quarters"), 5: ("fifth", "fifths"),
                 6: ("sixth", "sixths"), 8: ("eighth", "eighths"), 10: ("tenth", "tenths")}
_FRACTION = re.compile(r"^(?P<num>an?|one|two|three|four|A|An|One|Two|Three|Four)?(?P<sep>[\s-]?)"
                       r"(?P<den>half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|eighths?|tenths?)$")


def _fraction_form(core: str, f: Figure):
    """ 'a fourth' -> 'a fifth', 'two-thirds' -> 'two-fifths': the numerator kept, the denominator
    changed; 'half' alone becomes 'a third', 'a quarter' ..."""
    match = _FRACTION.match(core)
    if not match:
        return None
    num, sep, den = match.group("num"), match.group("sep"), match.group("den")
    count = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}.get((num or "a").lower(), 1)
    fourth = den.startswith("fourth")

    def written(d: int) -> str:
        name = _DENOMINATORS[d][count > 1]
        if fourth and d == 4:
            name = "fourths" if count > 1 else "fourth"
        if num is None:
            return name if d == 2 else f"a {name}"
        if num.lower() in ("a", "an"):  # 'a fifth', 'an eighth'
            article = "an" if name[0] in "aeiou" else "a"
            return f"{article.title() if num[0].isupper() else article}{sep or ' '}{name}"
        return f"{num}{sep or ' '}{name}"

    def generate(direction: int, start: float, edge: float):
        values = sorted(((100 * count / d, written(d)) for d in _DENOMINATORS if count < d),
                        reverse=direction < 0)
        for value, text in values:
            if (value - start) * direction >= 0 and (value - edge) * direction > 0:
                yield value, text, f.rounding

    return generate
