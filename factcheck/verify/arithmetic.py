"""Arithmetic the story does itself: breakdowns that must add up (`sum-mismatch`), parts larger
than their whole (`part-exceeds-total`), shares that must match their counts or stay within 100%
(`percent-mismatch`) and changes that must follow from their figures (`change-mismatch`).

Every comparison uses the claims' intervals (qualifier and rounding), so a breakdown of "about
24,000" into 14,500 + "nearly 3,000" + "about 6,500" holds. A rule stays silent unless the story's
wording makes the relation explicit ("Of these", a bulleted breakdown, "or 13%", "a rise of 43%").
"""

from __future__ import annotations

import bisect
import re

from .common import (
    INF, bounds, bullet_lists, by_sentence, disjoint, finding, is_point, show, show_interval, total_of,
)

_COMPARISON_BEFORE = re.compile(
    r"(?:\bfrom|\bthan|\bcompared (?:with|to)|\bagainst|\bversus|\bvs\.?|\bup|\bdown|\bby|"
    r"\bincrease of|\brise of|\bfall of)\s+(?:\w+\s+)?$", re.I
)
_OF_THESE = re.compile(r"^\s*(?:Of|Among) (?:these|them|those|whom|which|the (?:total|rest))\b[^,]*,", re.I)
_OF_THE_N = re.compile(r"^\s*(?:Of|Among) (?:the|its|their) $", re.I)
_N_OF_THEM = re.compile(r"^\s+of (?:them|those|these|whom|which)\b", re.I)
_INCLUDING = re.compile(r"\b(including|includes|included|among them|of which|of whom)\s+(?:\w+\s+){0,2}$", re.I)
_EXHAUSTIVE = re.compile(
    r"\b(?:the remaining|the rest|the other|remainder|split (?:between|into|across)|made up of|"
    r"comprising|consisting of|broken down|divided (?:between|into)|of which|of whom|while)\b", re.I
)
_CHANGE_NOUN = re.compile(
    r"\b(?:increase|rise|jump|growth|gain|climb|up|fall|drop|decline|decrease|down|cut|reduction|"
    r"higher|lower|more|less|fewer)\b", re.I
)
_FALL = re.compile(r"\b(?:fall|fell|fallen|drop|dropped|decline|declined|decrease|decreased|down|cut|"
                   r"reduction|lower|less|fewer|slump|slumped|shrank|halved)\b", re.I)
_MULTIPLE = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "halved": 0.5}
_CHANGE_VERB = re.compile(r"\b(?:rose|risen|rises|rising|increased|grew|grown|climbed|jumped|fell|fallen|"
                          r"falls|dropped|declined|decreased|went|gone|up|down|doubled|tripled|trebled|"
                          r"quadrupled|halved|cut|reduced|raised)\b", re.I)


def check(claims, text: str) -> list:
    numbers = [c for c in claims if c.kind != "date"]
    findings = []
    findings += _breakdowns([c for c in numbers if c.kind in ("count", "money", "quantity")], text)
    findings += _shares(numbers, text)
    findings += _changes(claims, text)
    return _dedupe(findings)


def _dedupe(findings):
    seen, out = set(), []
    for f in findings:
        key = (f.rule, tuple(sorted(f.claims)))
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


# ---------------------------------------------------------------- breakdowns


def _compared(text: str, claim) -> bool:
    """ "up from 1,402", "than 300": a figure given for comparison, not a part."""
    return bool(_COMPARISON_BEFORE.search(text[max(0, claim.start - 30) : claim.start]))


def _same_thing(a, b) -> bool:
    """Both count the same unit, or one of them does not say."""
    from .common import unit_head

    return a.unit is None or b.unit is None or unit_head(a.unit) == unit_head(b.unit)


def _same_kind(a, b) -> bool:
    return a.kind == b.kind and (a.kind not in ("money", "quantity") or a.unit == b.unit)


def _breakdown_bounds(claim) -> tuple[float, float]:
    """A figure's interval inside a breakdown: a plain "210" among exact parts is 210, not
    205-215; only figures written rounded to the thousand ("24,000") keep their rounding."""
    if claim.qualifier == "exact" and claim.rounding < 1000 and claim.kind == "count":
        return claim.value, claim.value
    return bounds(claim)


def _judge(total, parts, text, exhaustive: bool, cue: str) -> list:
    """A finding when the parts cannot make the total (or one part exceeds it)."""
    parts = [p for p in parts if _same_kind(p, total)]
    if not parts or total.qualifier in ("up_to", "at_most", "less_than"):
        return []
    t = _breakdown_bounds(total)
    for part in parts:
        if _breakdown_bounds(part)[0] > t[1]:
            return [finding("part-exceeds-total", "error",
                            f"{show(part)} is larger than its total {show(total)} ({cue})", [total, part])]
    if len(parts) < 2:
        return []
    s = (sum(_breakdown_bounds(p)[0] for p in parts), sum(_breakdown_bounds(p)[1] for p in parts))
    if s[0] > t[1]:
        return [finding("sum-mismatch", "error",
                        f"the parts {' + '.join(p.text for p in parts)} add up to {show_interval(s, like=total)}, "
                        f"more than the total {show(total)} ({cue})", [total, *parts])]
    if exhaustive and s[1] < t[0] and t[1] != INF:
        return [finding("sum-mismatch", "error",
                        f"the parts {' + '.join(p.text for p in parts)} add up to {show_interval(s, like=total)}, "
                        f"less than the total {show(total)} ({cue})", [total, *parts])]
    return []


def _plausible(total, parts) -> bool:
    """A list is a breakdown of a figure only if its parts come near it (within a factor of 3)."""
    s = sum(p.value for p in parts)
    return total.value > 0 and s > 0 and 1 / 3 <= s / total.value <= 3


def _breakdowns(claims, text: str) -> list:
    out = []
    sentences = by_sentence(claims)
    keys = list(sentences)
    for index, key in enumerate(keys):
        group = [c for c in sentences[key] if not _compared(text, c)]
        sentence = text[key : group[0].sentence_end if group and group[0].sentence_end else key]
        # "Of these, 651 were admitted, 391 ... and the remaining 234 ..."
        if _OF_THESE.match(sentence) and index > 0 and group:
            previous = [c for c in sentences[keys[index - 1]] if not _compared(text, c)]
            totals = [c for c in previous if _same_kind(c, group[0])]
            if totals:
                out += _judge(totals[-1], group, text, bool(_EXHAUSTIVE.search(sentence)) or len(group) > 2,
                              "the sentence starts \u201cOf these\u201d")
            continue
        # "Of the 1,200 staff who responded, 372 ..."
        if group and _OF_THE_N.match(text[key : group[0].start]) and len(group) > 1:
            out += _judge(group[0], group[1:], text, bool(_EXHAUSTIVE.search(sentence)), "\u201cOf the\u201d")
            continue
        # "about 3,400 hectares, including 4,100 hectares of national park"
        for i, claim in enumerate(group):
            cue = _INCLUDING.search(text[max(0, claim.start - 25) : claim.start])
            if cue:
                earlier = [c for c in group[:i] if _same_kind(c, claim) and _same_thing(c, claim)]
                if earlier:
                    out += _judge(earlier[-1], [claim], text, False, f"\u201c{cue.group(1)}\u201d")
        # "1,486 pupils sat exams ... 1,512 of them passed"
        for i, claim in enumerate(group):
            if _N_OF_THEM.match(text[claim.end : claim.end + 20]):
                earlier = [c for c in group[:i] if _same_kind(c, claim)]
                if not earlier and index > 0:
                    earlier = [c for c in sentences[keys[index - 1]] if _same_kind(c, claim) and not _compared(text, c)]
                if earlier:
                    out += _judge(earlier[-1], [claim], text, False, "\u201cof them\u201d")
        # one sentence: "The £48.6m programme ... sets aside £21.4m for housing, £15.8m ... and £12.4m ..."
        same = [c for c in group if c.kind == group[0].kind] if group else []
        if len(same) >= 3 and is_point(same[0]) and all(c.value < same[0].value for c in same[1:]):
            parts = same[1:]
            joined = re.search(r"\band\s+(?:\S+\s+){0,3}$", text[parts[-2].end : parts[-1].start]) or \
                re.search(r"\band\b", text[parts[-2].end : parts[-1].start])
            if joined and _plausible(same[0], parts) and all(is_point(p) for p in parts):
                out += _judge(same[0], parts, text, bool(_EXHAUSTIVE.search(sentence)), "one sentence")
    out += _lists(claims, text)
    out += _period_parts(claims, text)
    return out


_WHOLE_PERIOD = re.compile(
    r"\b(?:across|over|during|throughout|for)\s+(?:the\s+)?(?:whole\s+|entire\s+|bank holiday\s+|"
    r"[\w-]+-day\s+)?(?:weekend|week|fortnight|month|year|season|festival|event|tournament|campaign)\b|"
    r"\bin total\b|\baltogether\b", re.I)
_ONE_DAY = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|busiest day|a single day|"
    r"one day|the first day|the last day|the final day|on its own)\b", re.I)


def _period_parts(claims, text: str) -> list:
    """ "Around 18,500 people attended across the weekend ... Saturday was the busiest day, with
    21,300": one day cannot exceed the whole period (next sentence at most)."""
    from .common import unit_head

    out = []
    sentences = by_sentence(claims)
    keys = list(sentences)
    for index, key in enumerate(keys):
        for total in sentences[key]:
            if total.kind != "count" or not total.unit or not is_point(total):
                continue
            end = total.sentence_end or total.end
            if not _WHOLE_PERIOD.search(text[key:end]):
                continue
            nearby = sentences[key] + (sentences[keys[index + 1]] if index + 1 < len(keys) else [])
            for part in nearby:
                if part is total or part.kind != "count" or not part.unit or part.start < total.end:
                    continue
                if unit_head(part.unit) != unit_head(total.unit):
                    continue
                part_sentence = text[part.sentence_start or part.start : part.sentence_end or part.end]
                if _ONE_DAY.search(part_sentence) and not _WHOLE_PERIOD.search(part_sentence) \
                        and _breakdown_bounds(part)[0] > _breakdown_bounds(total)[1]:
                    out.append(finding("part-exceeds-total", "warning",
                                       f"{show(part)} for one day is more than {show(total)} for the "
                                       f"whole period", [total, part]))
    return out


def _lists(claims, text: str) -> list:
    """A bulleted breakdown under a lead line or as the first bullet: "18,400 people in 64
    shelters:" then "- 9,200 in Kesra district" ..."""
    out = []
    for listing in bullet_lists(text):
        bullets = listing.bullets
        lead = listing.lead or listing.lead_beyond_blank
        heads = []
        for lo, hi in bullets:
            inside = [c for c in claims if lo <= c.start < hi and not _compared(text, c)]
            heads.append(inside[0] if inside and _leading(text, lo, inside[0]) else None)
        if any(h is None for h in heads) or len(heads) < 2:
            continue
        candidates = []
        if lead:
            candidates = [c for c in claims if lead[0] <= c.start < lead[1] and c.kind == heads[0].kind
                          and not _compared(text, c) and is_point(c)]
        # a total in the lead line comes first; else the first bullet may be the total
        lead_options = _usable([(c, heads) for c in candidates])
        if lead_options:
            total, parts = min(lead_options, key=lambda o: abs(sum(p.value for p in o[1]) - o[0].value))
            out += _judge(total, parts, text, True, "a bulleted breakdown")
            continue
        earlier = _total_before_list(claims, heads, text, bullets[0][0], lead)
        if earlier is not None:
            # "will create 480 jobs ... The roles include: - 210 operatives - 95 engineers ..."
            out += [f.model_copy(update={"severity": "warning",
                                         "message": f.message + "; the total was read from before the list"})
                    for f in _judge(earlier, heads, text, True, "a bulleted breakdown")]
            continue
        options = _usable([(heads[0], heads[1:])])
        if not options or _sums_to_earlier_figure(claims, heads, bullets[0][0]):
            continue  # "around 350 jobs ... - 140 operatives - 96 drivers ...": siblings, not a total
        total, parts = options[0]
        out += [f.model_copy(update={"severity": "warning",
                                     "message": f.message + "; the first bullet was read as the total"})
                for f in _judge(total, parts, text, True, "a bulleted breakdown")]
    return out


def _usable(options):
    """(total, parts) readings whose parts come near the total and are all point figures."""
    return [(t, parts) for t, parts in options if len(parts) >= 2 and _plausible(t, parts)
            and all(_same_kind(p, t) and is_point(p) for p in parts)]


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
              and list_start - c.end < 700 and is_point(c) and not _compared(text, c)
              and c.value > 0 and 0.5 <= together / c.value <= 2 and _same_kind(c, heads[0])]
    return before[-1] if before else None


def _sums_to_earlier_figure(claims, heads, list_start: int) -> bool:
    """Whether the bullets together make a figure stated before the list (then the first
    bullet is one of the parts, not their total)."""
    together = total_of(heads)
    return any(c.kind == heads[0].kind and c.end <= list_start and not disjoint(bounds(c), together)
               for c in claims)


def _leading(text: str, line_start: int, claim) -> bool:
    """Whether a claim is the first words of its bullet (qualifier words included)."""
    before = text[line_start : claim.start]
    return not re.search(r"[A-Za-z]{3,}", re.sub(r"^[\s\-*•·–]+", "", before))


# ---------------------------------------------------------------- percentages


def _shares(claims, text: str) -> list:
    out = []
    sentences = by_sentence(claims)
    keys = list(sentences)
    for index, key in enumerate(keys):
        group = sentences[key]
        sentence_text = text[key : group[-1].sentence_end or group[-1].end]
        percents = [c for c in group if c.kind == "percent" and c.unit == "percent"]
        # "372, or 13%," / "212 patients (17%)"
        for p in percents:
            count = _count_before_share(group, p, text)
            if count is None:
                continue
            # the whole must be named as such: "Of the 1,200 staff ...", "372 of the 1,200"
            wholes = [c for c in group if c.kind == "count" and c.value > count.value
                      and re.search(r"\bof\s+(?:the\s+|its\s+|their\s+|all\s+)?$",
                                    text[max(0, c.start - 12) : c.start], re.I)]
            if not wholes:
                continue
            whole = wholes[-1] if wholes[-1].start < count.start else wholes[0]
            share = _share(count, whole)
            if disjoint(share, _percent_bounds(p)):
                out.append(finding("percent-mismatch", "error",
                                   f"{count.text} of {whole.text} is {show_interval(share)}%, not {p.text}",
                                   [p, count, whole]))
        # "48% supported, 39% opposed and 16% did not know": one whole cannot pass 100%
        shares = [p for p in percents if is_point(p)]
        if len(shares) >= 3 and not _CHANGE_VERB.search(sentence_text) and not re.search(r"\bfrom\b", sentence_text):
            low = sum(bounds(p)[0] - _half_point(p) for p in shares)
            if low > 100:
                out.append(finding(
                    "percent-mismatch", "error",
                    f"shares {' + '.join(p.text for p in shares)} add up to more than 100% "
                    f"(at least {low:g}% allowing for rounding)", shares))
    return out


def _half_point(p) -> float:
    return 0.5 if p.rounding >= 1 and p.low == p.high else 0


def _percent_bounds(p) -> tuple[float, float]:
    low, high = bounds(p)
    slack = 0.5 if p.rounding >= 1 else p.rounding / 2
    return low - slack, high + slack


def _share(count, whole) -> tuple[float, float]:
    c, w = bounds(count), bounds(whole)
    if w[0] <= 0 or w[1] == INF:
        return (0, INF)
    return (100 * c[0] / w[1], 100 * c[1] / w[0])


def _count_before_share(group, p, text):
    """The count a percentage restates: "372, or 13%", "212 patients (17%)"."""
    earlier = [c for c in group if c.kind == "count" and c.end <= p.start]
    if not earlier:
        return None
    count = earlier[-1]
    between = text[count.end : p.start]
    if re.fullmatch(r"(?:\s+\w+){0,2}\s*[,—–-]?\s*or\s+|(?:\s+\w+){0,2}\s+\(", between):
        return count
    return None


# ---------------------------------------------------------------- changes


def _changes(claims, text: str) -> list:
    out = []
    sentences = by_sentence(claims)
    keys = list(sentences)
    years = [c for c in claims if c.kind == "date" and c.granularity == "year" and c.value and c.value.isdigit()]
    for index, key in enumerate(keys):
        group = sentences[key]
        end = group[-1].sentence_end or group[-1].end
        sentence = text[key:end]
        numbers = [c for c in group if c.kind != "date"]
        previous = sentences[keys[index - 1]] if index else []
        out += _from_to(numbers, previous, sentence, text)
        following = sentences[keys[index + 1]] if index + 1 < len(keys) else []
        out += _compared_pair(numbers, [c for c in following if c.kind != "date"], text)
        out += _by_to_from(numbers, text)
        out += _years_apart(years, group, text)
    return out


def _from_to(numbers, previous, sentence, text):
    """ "rose from 3.8 million to 4.3 million, an increase of 31%"; "up from 148, a rise of 43%";
    "doubled from 206 to 412"."""
    out = []
    for i, a in enumerate(numbers):
        if not re.search(r"\bfrom\s+$", text[max(0, a.start - 8) : a.start], re.I) or a.kind == "percent":
            continue
        b = _to_figure(numbers, i, a, text)
        if b is None and re.search(r"\bup\s+from\s+$|\bdown\s+from\s+$", text[max(0, a.start - 12) : a.start], re.I):
            before = [c for c in numbers[:i] if _same_kind(c, a)]
            b = before[-1] if before else None
        if b is None or a.value <= 0:
            continue
        lead_in = text[max(0, a.start - 70) : a.start]
        for word, factor in _MULTIPLE.items():
            if re.search(rf"\b{word}\b(?:\s+[^\s\d£$€]+){{0,7}}\s+from\s+$", lead_in, re.I):
                ratio = b.value / a.value
                if abs(ratio - factor) > 0.1 * factor:
                    out.append(finding("change-mismatch", "error",
                                       f"{word} from {a.text} to {b.text} is a factor of {ratio:.2f}, not {factor:g}",
                                       [a, b]))
        percent = _stated_change(numbers, max(a.end, b.end), text)
        if percent is None:
            continue
        low_a, high_a = bounds(a)
        low_b, high_b = bounds(b)
        if low_a <= 0 or INF in (high_a, high_b):
            continue
        changes = [100 * (y - x) / x for x in (low_a, high_a) for y in (low_b, high_b)]
        actual = (min(changes), max(changes))
        stated = _percent_bounds(percent)
        if _FALL.search(text[percent.start - 25 : percent.end + 25]) and stated[1] > 0:
            stated = (-stated[1], -stated[0])
        if disjoint(actual, stated) and disjoint(actual, (-stated[1], -stated[0])):
            middle = 100 * (b.value - a.value) / a.value
            out.append(finding("change-mismatch", "error",
                               f"from {a.text} to {b.text} is a change of {middle:+.1f}%, not {percent.text} "
                               f"(allowing for rounding: {actual[0]:+.1f}% to {actual[1]:+.1f}%)", [a, b, percent]))
    return out


_STATED_CHANGE = re.compile(
    r"(?:\b(?:up|down|rose|fell|rise|fall|increase|decrease|growth|drop|jump|climb)(?:\s+\w+){0,2}\s*$)", re.I)
_PAIR_GAP = re.compile(r"^[^.;]{0,60}?\b(?:compared with|compared to|against|versus|vs\.?|up from|down from)\s+$", re.I)


def _compared_pair(numbers, following, text):
    """ "sales up 24% ..." then "reached £3.7m, compared with £3.2m a year earlier": the stated
    change must follow from the pair (in its sentence or the next)."""
    out = []
    changes = [p for p in numbers if p.kind == "percent" and p.unit == "percent"
               and _STATED_CHANGE.search(text[max(0, p.start - 30) : p.start])]
    if len(changes) != 1:
        return out
    percent = changes[0]
    for group, severity in ((numbers, "error"), (following, "warning")):
        pairs = [(a, b) for a in group for b in group if a.start < b.start and _same_kind(a, b)
                 and a.kind in ("count", "money") and _PAIR_GAP.match(text[a.end : b.start])]
        if len(pairs) != 1:
            continue
        new, old = pairs[0]
        low_old, high_old = bounds(old)
        low_new, high_new = bounds(new)
        if low_old <= 0 or INF in (high_old, high_new):
            return out
        changes_ = [100 * (y - x) / x for x in (low_old, high_old) for y in (low_new, high_new)]
        actual = (min(changes_), max(changes_))
        stated = _percent_bounds(percent)
        if _FALL.search(text[max(0, percent.start - 30) : percent.end + 10]):
            stated = (-stated[1], -stated[0])
        if disjoint(actual, stated):
            middle = 100 * (new.value - old.value) / old.value
            out.append(finding("change-mismatch", severity,
                               f"{old.text} to {new.text} is a change of {middle:+.1f}%, not {percent.text} "
                               f"(allowing for rounding: {actual[0]:+.1f}% to {actual[1]:+.1f}%)",
                               [percent, new, old]))
        return out
    return out


def _to_figure(numbers, i, a, text):
    for b in numbers[i + 1 : i + 3]:
        if _same_kind(a, b) and re.fullmatch(r"(?:\s+in\s+\S+(?:\s+\S+)?)?\s+to\s+", text[a.end : b.start]):
            return b
    return None


def _stated_change(numbers, after: int, text: str):
    for p in numbers:
        if p.kind == "percent" and p.start >= after and p.start - after < 40:
            context = text[after : p.end + 15]
            if _CHANGE_NOUN.search(context):
                return p
    return None


def _by_to_from(numbers, text):
    """ "fell by 1,400 to 8,600 ... from 9,800": the difference must match."""
    out = []
    for i, d in enumerate(numbers):
        if not re.search(r"\bby\s+$", text[max(0, d.start - 4) : d.start]):
            continue
        rest = [c for c in numbers[i + 1 :] if _same_kind(c, d)]
        to = next((c for c in rest if re.search(r"\bto\s+$", text[max(0, c.start - 4) : c.start])), None)
        if to is None:
            continue
        after_to = [c for c in rest if c.start > to.start]
        # the next figure must be the starting level: "by 1,400 to 8,600 ... from 9,800"
        frm = after_to[0] if after_to and re.search(r"\bfrom\s+$", text[max(0, after_to[0].start - 6) : after_to[0].start]) else None
        if frm is None:
            continue
        lo = abs(bounds(frm)[0] - bounds(to)[1])
        hi = abs(bounds(frm)[1] - bounds(to)[0])
        actual = (min(lo, hi), max(lo, hi))
        if disjoint(actual, bounds(d)):
            out.append(finding("change-mismatch", "error",
                               f"from {frm.text} to {to.text} is a change of {abs(frm.value - to.value):,g}, not {d.text}",
                               [d, to, frm]))
    return out


def _years_apart(years, group, text):
    """ "opened in 2014 ... followed in 2019, seven years later": the gap must match. `years`:
    the story's year dates in text order."""
    out = []
    for q in group:
        if q.kind != "quantity" or q.unit != "years" or not re.match(r"^\s+(?:later|after|on)\b", text[q.end : q.end + 8]):
            continue
        first_index = bisect.bisect_left([y.end for y in years], q.start - 400)
        before = [y for y in years[first_index:] if y.end <= q.start and q.start - y.end < 400]
        if len(before) < 2:
            continue
        second, first = before[-1], before[-2]
        gap = int(second.value) - int(first.value)
        if abs(gap - q.value) > 1:
            out.append(finding("change-mismatch", "error",
                               f"{first.text} to {second.text} is {gap} years, not {q.text}", [first, second, q]))
    return out
