"""Bulleted breakdowns: a total in the lead line ("18,400 people in 64 shelters:"), in the first
bullet, or stated shortly before a lead line ending in ':', and its parts one per bullet."""

from __future__ import annotations

import re

from .common import bounds, bullet_lists, disjoint, is_point, total_of
from .parts import compared, judge, plausible, same_kind


def check(claims, text: str) -> list:
    claims = [c for c in claims if c.kind in ("count", "money", "quantity")]
    out = []
    for listing in bullet_lists(text):
        bullets = listing.bullets
        lead = listing.lead or listing.lead_beyond_blank
        heads = []
        for lo, hi in bullets:
            inside = [c for c in claims if lo <= c.start < hi and not compared(text, c)]
            heads.append(inside[0] if inside and _leading(text, lo, inside[0]) else None)
        if any(h is None for h in heads) or len(heads) < 2:
            continue
        candidates = []
        if lead:
            candidates = [c for c in claims if lead[0] <= c.start < lead[1] and c.kind == heads[0].kind
                          and not compared(text, c) and is_point(c)]
        # a total in the lead line comes first; else the first bullet may be the total
        lead_options = _usable([(c, heads) for c in candidates])
        if lead_options:
            total, parts = min(lead_options, key=lambda o: abs(sum(p.value for p in o[1]) - o[0].value))
            out += judge(total, parts, True, "a bulleted breakdown")
            continue
        earlier = _total_before_list(claims, heads, text, bullets[0][0], lead)
        if earlier is not None:
            # "will create 480 jobs ... The roles include: - 210 operatives - 95 engineers ..."
            out += judge(earlier, heads, True, "a bulleted breakdown; the total was read from before the list",
                         severity="warning")
            continue
        options = _usable([(heads[0], heads[1:])])
        if not options or _sums_to_earlier_figure(claims, heads, bullets[0][0]):
            continue  # "around 350 jobs ... - 140 operatives - 96 drivers ...": siblings, not a total
        total, parts = options[0]
        out += judge(total, parts, True, "a bulleted breakdown; the first bullet was read as the total",
                     severity="warning")
    return out


def _usable(options):
    """(total, parts) readings whose parts come near the total and are all point figures."""
    return [(t, parts) for t, parts in options if len(parts) >= 2 and plausible(t, parts)
            and all(same_kind(p, t) and is_point(p) for p in parts)]


def _total_before_list(claims, heads, text, list_start, lead):
    """A list introduced by a lead line ending in ':' breaks down the nearest figure of its
    kind stated shortly before it, when the bullets come within a factor of two of it."""
    if lead is None or not text[lead[0] : lead[1]].rstrip().endswith(":"):
        return None
    if any(c for c in claims if lead[0] <= c.start < lead[1]):
        return None  # the lead line has its own figures: handled as a lead total
    if not all(is_point(h) for h in heads):
        return None
    together = sum(h.value for h in heads)
    before = [c for c in claims if c.kind == heads[0].kind and c.end <= list_start
              and list_start - c.end < 700 and is_point(c) and not compared(text, c)
              and c.value > 0 and 0.5 <= together / c.value <= 2 and same_kind(c, heads[0])]
    return before[-1] if before else None


def _sums_to_earlier_figure(claims, heads, list_start: int) -> bool:
    """Whether the bullets together make a figure stated before the list (then the first
    bullet is one of the parts, not their total)."""
    together = total_of(heads)
    return any(c.kind == heads[0].kind and c.end <= list_start and is_point(c) and not disjoint(bounds(c), together)
               for c in claims)  # not "Thousands of relatives ...": an open figure matches any sum


def _leading(text: str, line_start: int, claim) -> bool:
    """Whether a claim is the first words of its bullet (qualifier words included)."""
    before = text[line_start : claim.start]
    return not re.search(r"[A-Za-z]{3,}", re.sub(r"^[\s\-*•·–]+", "", before))
