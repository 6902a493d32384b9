"""Shared helpers for the consistency rules: sentences, intervals, frames and findings."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from functools import lru_cache

from ..gazetteer import fold
from ..models import Claim, Finding
from ..normalize import describe_interval
from ..structure import BulletList, bullet_lists  # noqa: F401  (one owner: structure)

INF = math.inf


def bounds(claim) -> tuple[float, float]:
    """A numeric claim's interval with open ends as infinities."""
    low = claim.low if claim.low is not None else -INF
    high = claim.high if claim.high is not None else INF
    return low, high


def disjoint(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two intervals cannot share a value (with room for floating-point noise)."""
    eps = 1e-9 * max(1.0, *(abs(x) for x in (*a, *b) if x not in (INF, -INF)))
    return a[1] + eps < b[0] or b[1] + eps < a[0]


def total_of(parts) -> tuple[float, float]:
    low = sum(bounds(p)[0] for p in parts)
    high = sum(bounds(p)[1] for p in parts)
    return low, high


_SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€", "JPY": "¥", "INR": "₹"}
_CENTS = {"GBP": "p", "USD": "c", "EUR": "c"}


def money(value: float, currency: str | None) -> str:
    """ 49450000, "GBP" -> "£49.45m" """
    symbol = _SYMBOLS.get(currency or "", f"{currency} " if currency else "")
    for size, suffix in ((1e9, "bn"), (1e6, "m")):
        if abs(value) >= size:
            return f"{symbol}{value / size:,.4g}{suffix}"
    if 0 < abs(value) < 1 and currency in _CENTS:
        return f"{100 * value:.4g}{_CENTS[currency]}"  # "5.7p", not "£0.06"
    return f"{symbol}{value:,.2f}".replace(".00", "")


def show(claim) -> str:
    """ "Nearly 3,000 (2,700 to 3,000)" """
    return f"{claim.text!r} ({show_interval(bounds(claim), like=claim)})"


def show_interval(interval: tuple[float, float], like=None) -> str:
    low, high = interval
    if like is not None and like.kind == "money":
        if high == INF:
            return f"{money(low, like.unit)} or more"
        return money(low, like.unit) if low == high else f"{money(low, like.unit)} to {money(high, like.unit)}"
    return describe_interval(None if low == -INF else low, None if high == INF else high)


def percent_bounds(p) -> tuple[float, float]:
    """A percentage's interval widened by its rounding ("13%" is 12.5 to 13.5)."""
    low, high = bounds(p)
    slack = 0.5 if p.rounding >= 1 else p.rounding / 2
    return low - slack, high + slack


def by_sentence(claims: list[Claim]) -> dict[int, list[Claim]]:
    groups: dict[int, list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[claim.sentence_start if claim.sentence_start is not None else claim.start].append(claim)
    return dict(sorted(groups.items()))


def finding(rule: str, severity: str, message: str, involved: list) -> Finding:
    first = min(involved, key=lambda c: c.start)
    last = max(involved, key=lambda c: c.end)
    return Finding(rule=rule, severity=severity, message=message, claims=[c.id for c in involved],
                   start=first.start, end=last.end, line=first.line, column=first.column)


def is_point(claim) -> bool:
    return claim.qualifier in ("exact", "approx", "nearly", "range")


@lru_cache(maxsize=4096)
def unit_head(unit: str | None) -> str | None:
    from ..reference import head_word

    return head_word(unit) if unit else None


# ---------------------------------------------------------------- frames

# Heads that count people (as their frames singularise them): "people" is "person", "men" "man".
PEOPLE_GROUPS = frozenset({"man", "woman", "child", "boy", "girl", "adult", "male", "female"})
PEOPLE = PEOPLE_GROUPS | {
    "person", "victim", "death", "case", "patient", "casualty", "passenger", "resident", "worker", "student",
    "pupil", "refugee", "migrant", "employee", "member", "fatality", "survivor", "detainee", "prisoner",
    "inmate", "soldier", "civilian", "suspect", "protester", "vendor", "fighter", "villager", "volunteer",
}


def head(claim) -> str | None:
    """What a figure counts, as its frame's head noun (or the unit's head when it has no frame)."""
    if claim.frame is not None and claim.frame.measure_head:
        return claim.frame.measure_head
    return unit_head(claim.unit) if claim.kind == "count" else None


def stated_place(claim) -> str | None:
    """The folded place the figure's own sentence gives it; None when inherited or unknown."""
    frame = claim.frame
    return place_key(claim) if frame is not None and frame.place_source == "sentence" else None


def place_key(claim) -> str | None:
    """The figure's place as a key: its id when linked, else its folded name."""
    frame = claim.frame
    if frame is None or frame.place is None:
        return None
    return frame.place.id or fold(frame.place.name or frame.place.text) or frame.place.text.lower()


def places_match(a: str | None, b: str | None) -> bool:
    """Two folded place keys that name one place: equal, or one the initials of the other ("us" and
    "united states", "drc" and "democratic republic of the congo"; "of", "the" and dots left out)."""
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    short = short.replace(".", "").replace(" ", "")
    words = [w for w in re.findall(r"[a-z]+", long) if w not in ("of", "the", "and")]
    return 2 <= len(short) <= 5 and len(words) >= 2 and "".join(w[0] for w in words) == short


_ROLE_CLASS = {"change": "change", "previous": "previous", "share": "share", "forecast": "forecast"}


def role_class(claim) -> str:
    """A change, an earlier level, a share and a forecast ("could climb to €55m") are each their
    own kind of figure; every other role (level, total, part) states a level."""
    return _ROLE_CLASS.get(claim.frame.role if claim.frame else "level", "level")


def same_measure_kind(a, b) -> bool:
    """Figures that can be the same figure: one kind, one currency or unit."""
    if a.kind != b.kind:
        return False
    return a.kind == "count" or a.unit == b.unit


def frames_disagree(a, b, *, places: bool = True, roles: bool = True) -> bool:
    """Whether the frames say two figures are about different things: another role class (unless
    `roles` is False), two different places their sentences state (unless `places` is False), or
    two different periods."""
    if roles and role_class(a) != role_class(b):
        return True
    pa, pb = stated_place(a), stated_place(b)
    if places and pa and pb and pa != pb:
        return True
    fa, fb = a.frame, b.frame
    return bool(fa and fb and fa.period and fb.period and fa.period != fb.period)


# Heads that news copy uses for one count when it states it again ("515 facilities" ... "515
# permitted businesses"; "1,000 cases" ... "1,013 confirmed infections"; "cut 1,200 jobs" ... "the
# 1,200 roles"). Kept to words that name the same things in any story, never "people" (killed or ill).
_SAME_COUNT = [
    {"case", "infection", "illness"},
    {"death", "fatality"},
    {"facility", "business", "firm", "company"},
    {"job", "role", "post", "position"},
    {"worker", "employee", "staff"},
    {"home", "house", "dwelling"},
    {"vote", "ballot"},
]
_COUNT_CLASS = {word: min(group) for group in _SAME_COUNT for word in group}


def same_head(ha: str | None, hb: str | None) -> bool:
    """Two heads that count the same things: the same word, or words news copy uses for one count."""
    return bool(ha and hb and (ha == hb or _COUNT_CLASS.get(ha, ha) == _COUNT_CLASS.get(hb, hb)))


def heads_agree(a, b) -> bool:
    return same_head(head(a), head(b))


def preceding(text: str, claim, width: int = 40) -> str:
    """The text right before a claim, back to its sentence start."""
    lo = max(claim.sentence_start or 0, claim.start - width)
    return text[lo : claim.start]


def following(text: str, claim, width: int = 40) -> str:
    hi = claim.sentence_end if claim.sentence_end is not None else len(text)
    return text[claim.end : min(hi, claim.end + width)]


def compound_modifier(claim, text: str) -> bool:
    """ "a two-handed stance", "an 18-hole course", "the four-course resort": a figure joined by a
    hyphen to the word after it describes the noun that follows; it is not a group the story can
    point back to ("Four of the officers", "the 36 holes") nor one that points back."""
    return bool(re.match(r"-[A-Za-z]", text[claim.end : claim.end + 2]))


def words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())
