"""The batch's HTML page: the editor's view of every story.

One self-contained document (inline CSS, no script, no external asset; the only outside links are
reference sources). Stories with flags come first, the worst first; each sits under its headline
with its path beside it. The story is shown as readers see it (Markdown rendered, HTML as its text;
see `document.py`), each figure a `<mark>` coloured by verdict. A figure opens its details on click
or keyboard focus (and on hover): verdict and reason, the reading, the reference figure and its
source as a link, the frame (measure, subject, place and where it came from, period, role, links)
and the flags it is in; the print stylesheet prints them inline. Each flag is a note beside the
paragraph of the first figure it involves, with its arithmetic once and links to every figure; the
figures carry the flag's number. Suppressed flags are listed muted and outline nothing.

The copy is never altered: a figure whose span is outside the text, empty, overlapping one already
highlighted, or in a part that is not shown (front matter, a link's address) is listed in a table
under the story, so links to it still land. Everything from the story or the report is escaped.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache

from markupsafe import Markup, escape

from ..models import DateClaim, Report
from ..normalize import grouped
from .document import Element, Text, read, texts

_QUALIFIER_WORDS = {
    "exact": "", "approx": "approximately", "nearly": "just below", "more_than": "more than",
    "at_least": "at least", "at_most": "at most", "less_than": "less than", "up_to": "up to",
    "range": "",
}
_VERDICTS = ("supported", "contradicted", "unverified")
_SEVERITIES = ("error", "warning", "info")
_PLACE_SOURCES = {"sentence": "named in the sentence", "section": "from the section heading or list lead",
                  "story": "from the story (headline, lede or dateline)"}
_RELATIONS = {"change_of": "change of", "share_of": "share of", "part_of": "part of",
              "previous_of": "earlier figure of", "total_of": "total of"}
_VOID = {"br", "hr"}


@dataclass
class _Row:
    html: Markup
    flags: list[dict] = field(default_factory=list)


@dataclass
class _Story:
    anchor: str
    path: str
    headline: str
    published: str
    summary: object
    rows: list[_Row]
    flags: list[dict]
    unplaced: list[dict]
    unmarked: list[dict]
    problems: dict[str, int]
    order: int

    @property
    def problem_words(self) -> str:
        return ", ".join(f"{n} {sev}{'s' if n != 1 and sev != 'info' else ''}"
                         for sev, n in self.problems.items() if n)

    @property
    def sort_key(self) -> tuple:
        return (not self.problems, *(-self.problems.get(s, 0) for s in _SEVERITIES), self.order)


def render(reports: list[Report], texts: list[str] | None = None) -> str:
    from .._version import __version__

    stories = []
    for index, report in enumerate(reports):
        text = texts[index] if texts is not None and index < len(texts) else None
        stories.append(_story(index, report, text))
    stories.sort(key=lambda story: story.sort_key)
    totals = {
        "stories": len(reports), "flagged": sum(1 for s in stories if s.problems),
        **{key: sum(getattr(r.summary, key) for r in reports)
           for key in ("claims", "checked", "supported", "contradicted", "findings")},
    }
    return _templates()["page"].render(stories=stories, totals=totals, version=__version__)


def _story(index: int, report: Report, text: str | None) -> _Story:
    prefix = f"s{index + 1}"
    claims = [_claim_info(claim, n, f"{prefix}-c{n}") for n, claim in enumerate(report.claims, 1)]
    by_id: dict[str, dict] = {}
    for info in claims:
        by_id.setdefault(info["id"], info)
    for info in claims:
        info["links"] = [{"relation": _RELATIONS.get(link["relation"], link["relation"]),
                          "anchor": by_id[link["claim"]]["anchor"], "text": by_id[link["claim"]]["text"]}
                         for link in info["links"] if link["claim"] in by_id]

    document = read(text, report.source.format) if text is not None else None
    marks = _Marks(_choose_spans(claims, len(text)) if text is not None else [])
    blocks = document.blocks if document is not None else []
    block_of, ranges = marks.survey(blocks)
    for info in claims:
        info["marked"] = info["anchor"] in block_of

    flags = _flags(report, claims, by_id, prefix)
    placed: dict[int, list[dict]] = {}
    unplaced = []
    for flag in flags:
        row = _place(flag, block_of, ranges)
        flag["row"] = row
        (unplaced if row is None else placed.setdefault(row, [])).append(flag)
    ordered = [f for row in sorted(placed) for f in sorted(placed[row], key=lambda f: f["start"])] + unplaced
    templates = _templates()
    for number, flag in enumerate(ordered, 1):
        flag["number"], flag["anchor"] = number, f"{prefix}-f{number}"
        for info in flag["figures"]:
            info["flags"].append(flag)
    for flag in ordered:
        flag["html"] = Markup(templates["flag"].render(f=flag))
    for info in claims:
        info["why"] = _why(info)
        info["html"] = _figure(info, info["text"]) if not info["marked"] else None

    rows = [_Row(Markup("".join(marks.html(block))),
                 placed.get(number, []))
            for number, block in enumerate(blocks)]
    problems = {sev: 0 for sev in _SEVERITIES}
    for flag in ordered:
        if not flag["suppressed"]:
            problems[flag["severity"]] += 1
    headline = (document.headline if document is not None else None) or report.source.path or "<stdin>"
    return _Story(
        anchor=prefix, path=report.source.path or "<stdin>", headline=headline,
        published=report.source.published or "unknown", summary=report.summary, rows=rows,
        flags=ordered, unplaced=unplaced, unmarked=[c for c in claims if not c["marked"]],
        problems={s: n for s, n in problems.items() if n}, order=index,
    )


def _flags(report: Report, claims: list[dict], by_id: dict[str, dict], prefix: str) -> list[dict]:
    from ..rules import RULES

    flags = []
    for finding in report.findings:
        figures = [by_id[c] for c in dict.fromkeys(finding.claims) if c in by_id]
        rule = RULES.get(finding.rule)
        flags.append({
            "kind": "finding", "rule": finding.rule, "severity": finding.severity,
            "description": rule.description if rule else "", "message": finding.message,
            "where": f"{finding.line}:{finding.column}", "start": finding.start,
            "figures": figures, "reference": None, "suppressed": _suppressed(finding),
        })
    for info in claims:
        if info["verdict"] == "contradicted":
            flags.append({
                "kind": "contradicted", "rule": "contradicted", "severity": "error",
                "description": RULES["contradicted"].description if "contradicted" in RULES else "",
                "message": f"{info['text']}: {info['reason'] or 'contradicted by the reference set'}",
                "where": info["where"], "start": info["start"], "figures": [info],
                "reference": info["reference"], "suppressed": info["suppressed"],
            })
    return flags


def _place(flag: dict, block_of: dict[str, int], ranges: list[tuple[int, int] | None]) -> int | None:
    """The row a flag's note sits beside: that of its first highlighted figure, else the paragraph
    its position is in (or the next one)."""
    rows = [block_of[c["anchor"]] for c in flag["figures"] if c["anchor"] in block_of]
    if rows:
        return min(rows)
    for number, extent in enumerate(ranges):
        if extent is not None and flag["start"] < extent[1]:
            return number
    return None


def _choose_spans(claims: list[dict], length: int) -> list[dict]:
    """The claims to highlight: in range, not empty, and not overlapping one chosen before
    (claims are taken by start, the longer first)."""
    candidates = sorted(
        (c for c in claims if 0 <= c["start"] < c["end"] <= length),
        key=lambda c: (c["start"], -(c["end"] - c["start"]), c["order"]),
    )
    chosen, last_end = [], 0
    for claim in candidates:
        if claim["start"] >= last_end:
            chosen.append(claim)
            last_end = claim["end"]
    return chosen


class _Marks:
    """Highlights chosen claims in a document's text: each claim is one `<mark>`, or several when
    it runs across inline markup; the last piece carries its id, focus and details."""

    def __init__(self, chosen: list[dict]):
        self.chosen = chosen
        self.starts = [c["start"] for c in chosen]
        self.left: dict[str, int] = {}

    def pieces(self, text: Text):
        """(claim or None, shown text) for a Text leaf."""
        if len(text.shown) != text.end - text.start:  # a decoded escape or entity: all or nothing
            claim = self._at(text.start)
            return [(claim, text.shown)]
        out, position = [], text.start
        k = max(bisect.bisect_right(self.starts, text.start) - 1, 0)
        while k < len(self.chosen) and self.chosen[k]["start"] < text.end:
            claim = self.chosen[k]
            low, high = max(claim["start"], text.start), min(claim["end"], text.end)
            if low < high:
                if low > position:
                    out.append((None, text.shown[position - text.start:low - text.start]))
                out.append((claim, text.shown[low - text.start:high - text.start]))
                position = high
            k += 1
        if position < text.end:
            out.append((None, text.shown[position - text.start:]))
        return out

    def _at(self, offset: int) -> dict | None:
        k = bisect.bisect_right(self.starts, offset) - 1
        if k >= 0 and self.chosen[k]["start"] <= offset < self.chosen[k]["end"]:
            return self.chosen[k]
        return None

    def runs(self, children: list):
        """An element's children with each run of Text leaves cut into (claim or None, shown)
        pieces, neighbouring pieces of one claim joined (an entity inside a figure stays inside
        its mark)."""
        run: list[Text] = []
        for child in children:
            if isinstance(child, Text):
                run.append(child)
                continue
            if run:
                yield self._joined(run)
                run = []
            yield child
        if run:
            yield self._joined(run)

    def _joined(self, leaves: list[Text]) -> list[tuple[dict | None, str]]:
        out: list[tuple[dict | None, str]] = []
        for leaf in leaves:
            for claim, shown in self.pieces(leaf):
                if out and out[-1][0] is claim:
                    out[-1] = (claim, out[-1][1] + shown)
                else:
                    out.append((claim, shown))
        return out

    def survey(self, blocks: list[Element]) -> tuple[dict[str, int], list[tuple[int, int] | None]]:
        """Which block each claim is shown in, how many pieces it has, and each block's range of
        original offsets."""
        block_of: dict[str, int] = {}
        ranges = []

        def count(element: Element, number: int) -> None:
            for item in self.runs(element.children):
                if isinstance(item, Element):
                    count(item, number)
                    continue
                for claim, _ in item:
                    if claim is not None:
                        block_of.setdefault(claim["anchor"], number)
                        self.left[claim["anchor"]] = self.left.get(claim["anchor"], 0) + 1

        for number, block in enumerate(blocks):
            leaves = texts(block)
            ranges.append((min(t.start for t in leaves), max(t.end for t in leaves)) if leaves else None)
            count(block, number)
        return block_of, ranges

    def html(self, element: Element):
        tag, attrs = element.tag, dict(element.attrs)
        if tag == "a" and any(claim for leaf in texts(element) for claim, _ in self.pieces(leaf)):
            # a figure's details hold links, and links do not nest: the story's link becomes text
            tag, attrs = "span", {"class": "link", "title": attrs.get("href", "")}
        attributes = "".join(f' {name}="{escape(value)}"' for name, value in attrs.items())
        yield f"<{tag}{attributes}>"
        if tag in _VOID:
            return
        for item in self.runs(element.children):
            if isinstance(item, Element):
                yield from self.html(item)
                continue
            for claim, shown in item:
                if claim is None:
                    yield str(escape(shown))
                    continue
                self.left[claim["anchor"]] -= 1
                if self.left[claim["anchor"]]:
                    yield f'<mark class="{_mark_class(claim)} part">{escape(shown)}</mark>'
                else:
                    yield str(_figure(claim, shown))
        yield f"</{tag}>"


def _figure(info: dict, shown: str) -> Markup:
    """A highlighted figure: focusable, with its details right after it and its flags' numbers."""
    badges = "".join(
        f'<a class="flag-ref sev-{f["severity"]}{" suppressed" if f["suppressed"] else ""}" '
        f'href="#{f["anchor"]}" title="flag {f["number"]}: {escape(f["rule"])}">{f["number"]}</a>'
        for f in info["flags"]
    )
    return Markup(
        f'<mark class="{_mark_class(info)}" id="{info["anchor"]}" tabindex="0" '
        f'aria-describedby="{info["anchor"]}-why">{escape(shown)}</mark>{info["why"]}{badges}'
    )


def _why(info: dict) -> Markup:
    """A figure's details (Python, not Jinja: a page has thousands). Each line is a span, with no
    white space between them: printed inline, they are joined by "; "."""
    e = escape
    lines = [f'<b class="v v-{info["verdict"]}">{info["verdict"]}</b> {e(info["kind"])} &middot; '
             f'line {info["line"]}, column {info["column"]}{" &middot; suppressed" if info["suppressed"] else ""}']
    classes = ["why-head"]
    if info["reason"]:
        lines.append(str(e(info["reason"])))
        classes.append("why-reason")
    rows = [("read as", e(info["reading"]))]
    ref = info["reference"]
    if ref is not None:
        as_of = f", as of {e(ref['as_of'])}" if ref["as_of"] else ""
        rows.append(("reference", f"{e(ref['figure'])}{as_of} <code>{e(ref['id'])}</code>"))
        rows.append(("source", _source_link(ref)))
    rows.extend((name, e(value)) for name, value in info["frame"])
    rows.extend((link["relation"], f'<a href="#{link["anchor"]}">{e(link["text"])}</a>') for link in info["links"])
    rows.extend((f"flag {f['number']}", f'<a href="#{f["anchor"]}">{e(f["rule"])}</a> '
                 f'({f["severity"]}{", suppressed" if f["suppressed"] else ""})') for f in info["flags"])
    for name, value in rows:
        lines.append(f"<i>{e(name)}</i> {value}")
        classes.append("why-row")
    body = "".join(f'<span class="{cls}">{line}</span>' for cls, line in zip(classes, lines))
    return Markup(f'<span class="why" id="{info["anchor"]}-why" role="note" tabindex="-1">{body}</span>')


def _source_link(ref: dict) -> str:
    if ref["url"]:
        return f'<a href="{escape(ref["url"])}" rel="noopener noreferrer">{escape(ref["source"] or ref["url"])}</a>'
    return str(escape(ref["source"] or "not given"))


def _mark_class(info: dict) -> str:
    flagged = any(f["kind"] == "finding" and not f["suppressed"] for f in info["flags"])
    return f"claim verdict-{info['verdict']}{' flagged' if flagged else ''}"


def _claim_info(claim, order: int, anchor: str) -> dict:
    frame = claim.frame
    rows: list[tuple[str, str]] = []
    if isinstance(claim, DateClaim):
        value = claim.value if claim.value is not None else "unresolved"
        reading = f"{value} ({claim.granularity}{', relative' if claim.relative else ''})"
    else:
        figure = (f"{grouped(claim.value)} to {grouped(claim.value_end)}" if claim.value_end is not None
                  else grouped(claim.value))
        words = " ".join(w for w in (_QUALIFIER_WORDS.get(claim.qualifier, claim.qualifier), figure,
                                     claim.unit or "") if w)
        reading = f"{words} ({_interval(claim.low, claim.high)})"
    if frame is not None:
        if frame.measure:
            head = f" ({frame.measure_head})" if frame.measure_head and frame.measure_head != frame.measure else ""
            rows.append(("measure", frame.measure + head))
        if frame.subject:
            rows.append(("subject", frame.subject))
        place = frame.place
        if place is not None:
            where = _PLACE_SOURCES.get(frame.place_source or "", "")
            rows.append(("place", ", ".join(x for x in (_place_name(place), where) if x)))
        if frame.period:
            previous = f" (from {frame.previous_period})" if frame.previous_period else ""
            rows.append(("period", frame.period + previous))
        rows.append(("role", frame.role))
    else:
        if claim.place is not None:
            rows.append(("place", _place_name(claim.place)))
    if claim.date is not None and not isinstance(claim, DateClaim):
        rows.append(("date", f"{claim.date.value or 'unresolved'} ({claim.date.text})"))
    reference = None
    if claim.reference is not None:
        ref = claim.reference
        shown = grouped(ref.value) if ref.value is not None else "no single value"
        if ref.low is not None or ref.high is not None:
            interval = _interval(ref.low, ref.high)
            if interval != shown:
                shown += f" ({interval})"
        reference = {"id": ref.id, "figure": shown, "source": ref.source, "as_of": ref.as_of,
                     "url": ref.url if ref.url and ref.url.lower().startswith(("https://", "http://")) else None}
    return {
        "order": order, "id": claim.id, "anchor": anchor, "text": claim.text, "kind": claim.kind,
        "start": claim.start, "end": claim.end, "line": claim.line, "column": claim.column,
        "where": f"{claim.line}:{claim.column}", "reading": reading,
        "verdict": claim.verdict if claim.verdict in _VERDICTS else "unverified",
        "reason": claim.reason, "reference": reference, "frame": rows,
        "links": [{"relation": link.relation, "claim": link.claim} for link in (frame.links if frame else [])],
        "flags": [], "suppressed": _suppressed(claim),
    }


def _place_name(place) -> str:
    if place.name and place.name != place.text:
        return f"{place.name} (\u201c{place.text}\u201d)"
    return place.name or place.text


def _suppressed(item) -> bool:
    """Muted by a suppression comment in the story: still shown, but not counted as a flag."""
    return bool(getattr(item, "suppressed", False))


def _interval(low, high) -> str:
    if low is None and high is None:
        return "open"
    if high is None:
        return f"{grouped(low)} or more"
    if low is None:
        return f"{grouped(high)} or less"
    if low == high:
        return grouped(low)
    return f"{grouped(low)} to {grouped(high)}"


@lru_cache(maxsize=1)
def _templates() -> dict:
    from jinja2 import Environment, StrictUndefined

    from .templates.page import FLAG, PAGE

    env = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return {"page": env.from_string(PAGE), "flag": env.from_string(FLAG)}
