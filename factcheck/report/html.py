"""A self-contained HTML page for a desk's batch: every story's text with its figures highlighted.

One document, inline CSS, no external assets and no JavaScript. Each story gets a section with its
text (whitespace kept, `white-space: pre-wrap`) in which every claim is a `<mark>` coloured by
verdict, its reading in the hover title; findings' claims are outlined. Below the text, the flags
(every finding, then every contradicted claim) link to the marks they are about; suppressed ones are
listed muted, marked "(suppressed)", and do not outline their claims.

The text is never altered: a claim whose span is out of range, empty, or overlaps one already
highlighted is not marked but listed in a table under the text (so links to it still land). When
the texts are not given, each story's claims are shown as a table instead. Everything from the
story or the report is escaped by Jinja's autoescape.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..models import DateClaim, Report
from ..normalize import grouped

_QUALIFIER_WORDS = {
    "exact": "exact", "approx": "approximately", "nearly": "just below", "more_than": "more than",
    "at_least": "at least", "at_most": "at most", "less_than": "less than", "up_to": "up to",
    "range": "range",
}
_VERDICTS = ("supported", "contradicted", "unverified")


@dataclass
class _Piece:
    """A stretch of story text: plain (`claim` None), a highlighted claim, or an empty anchor."""

    text: str = ""
    claim: dict | None = None
    anchor: str | None = None


@dataclass
class _Story:
    index: int
    anchor: str
    path: str
    published: str
    summary: object
    pieces: list[_Piece] | None
    claims: list[dict]
    unmarked: list[dict]
    flags: list[dict] = field(default_factory=list)


def render(reports: list[Report], texts: list[str] | None = None) -> str:
    from .._version import __version__

    stories = []
    for index, report in enumerate(reports):
        text = texts[index] if texts is not None and index < len(texts) else None
        stories.append(_story(index, report, text))
    totals = {
        "stories": len(reports),
        **{key: sum(getattr(r.summary, key) for r in reports)
           for key in ("claims", "checked", "supported", "contradicted", "findings")},
    }
    return _template().render(stories=stories, totals=totals, version=__version__)


def _story(index: int, report: Report, text: str | None) -> _Story:
    prefix = f"s{index + 1}"
    flagged = {claim_id for f in report.findings if not _suppressed(f) for claim_id in f.claims}
    claims = []
    by_id: dict[str, dict] = {}
    for number, claim in enumerate(report.claims, 1):
        info = _claim_info(claim, number, f"{prefix}-c{number}", claim.id in flagged)
        claims.append(info)
        by_id.setdefault(claim.id, info)

    pieces = None
    unmarked = claims
    marked: list[dict] = []
    points: dict[int, str] = {}
    if text is not None:
        marked = _choose_spans(claims, len(text))
        unmarked = [c for c in claims if not c["marked"]]

    flags = []
    for number, finding in enumerate(report.findings, 1):
        target = _finding_target(finding, by_id)
        if target is None and text is not None and 0 <= finding.start <= len(text):
            # no highlighted claim: the mark the finding starts inside, or an anchor at its offset
            inside = [c for c in marked if c["start"] < finding.start < c["end"]]
            target = (inside[0]["anchor"] if inside
                      else points.setdefault(finding.start, f"{prefix}-f{number}"))
        if target is None:
            target = _finding_target(finding, by_id, marked_only=False) or prefix
        flags.append({
            "kind": "finding", "severity": finding.severity, "rule": finding.rule,
            "message": finding.message, "where": f"{finding.line}:{finding.column}",
            "target": target, "suppressed": _suppressed(finding),
        })
    if text is not None:
        pieces = _pieces(text, marked, points)
    for info in claims:
        if info["verdict"] == "contradicted":
            flags.append({"kind": "contradicted", "severity": "error", "rule": "contradicted",
                          "claim": info, "where": info["where"], "target": info["anchor"],
                          "suppressed": info["suppressed"]})

    return _Story(
        index=index + 1, anchor=prefix, path=report.source.path or "<stdin>",
        published=report.source.published or "unknown", summary=report.summary,
        pieces=pieces, claims=claims, unmarked=unmarked, flags=flags,
    )


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
            claim["marked"] = True
            chosen.append(claim)
            last_end = claim["end"]
    return chosen


def _pieces(text: str, marked: list[dict], points: dict[int, str]) -> list[_Piece]:
    """Cut the text at the marks and anchor points (none falls inside a mark); the pieces' texts
    join to `text` exactly."""
    pieces, position = [], 0
    anchors = sorted(points.items())

    def plain_until(stop: int) -> None:
        nonlocal position
        while anchors and anchors[0][0] <= stop:
            offset, anchor = anchors.pop(0)
            if offset > position:
                pieces.append(_Piece(text=text[position:offset]))
                position = offset
            pieces.append(_Piece(anchor=anchor))
        if stop > position:
            pieces.append(_Piece(text=text[position:stop]))
            position = stop

    for claim in marked:
        plain_until(claim["start"])
        pieces.append(_Piece(text=text[claim["start"]:claim["end"]], claim=claim))
        position = claim["end"]
    plain_until(len(text))
    return pieces


def _finding_target(finding, by_id: dict[str, dict], marked_only: bool = True) -> str | None:
    for claim_id in finding.claims:
        info = by_id.get(claim_id)
        if info is not None and (info["marked"] or not marked_only):
            return info["anchor"]
    return None


def _claim_info(claim, order: int, anchor: str, flagged: bool) -> dict:
    if isinstance(claim, DateClaim):
        value = claim.value if claim.value is not None else "unresolved"
    elif claim.value_end is not None:
        value = f"{grouped(claim.value)} to {grouped(claim.value_end)}"
    else:
        value = grouped(claim.value)
    interval = _interval(claim.low, claim.high)
    place = (claim.place.name or claim.place.text) if claim.place else None
    date = (claim.date.value or claim.date.text) if claim.date else None
    reading = [
        ("kind", claim.kind), ("value", value), ("interval", interval),
        ("qualifier", _QUALIFIER_WORDS.get(claim.qualifier, claim.qualifier)),
        ("unit", claim.unit), ("place", place), ("date", date),
        ("verdict", claim.verdict), ("reason", claim.reason),
    ]
    title = "\n".join(f"{name}: {item}" for name, item in reading if item not in (None, ""))
    ref = claim.reference
    reference = None
    if ref is not None:
        reference = {
            "id": ref.id,
            "value": grouped(ref.value) if ref.value is not None else None,
            "interval": (_interval(ref.low, ref.high)
                         if ref.low is not None or ref.high is not None else None),
            "source": ref.source, "url": ref.url, "as_of": ref.as_of,
        }
    return {
        "order": order, "id": claim.id, "anchor": anchor,
        "text": claim.text, "start": claim.start, "end": claim.end,
        "where": f"{claim.line}:{claim.column}", "kind": claim.kind, "value": value,
        "interval": interval, "qualifier": claim.qualifier, "unit": claim.unit, "place": place,
        "date": date, "verdict": claim.verdict if claim.verdict in _VERDICTS else "unverified",
        "reason": claim.reason, "reference": reference, "flagged": flagged, "title": title,
        "marked": False, "suppressed": _suppressed(claim),
    }


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
def _template():
    from jinja2 import Environment, StrictUndefined

    env = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True,
                      lstrip_blocks=True)
    return env.from_string(_TEMPLATE)


_TEMPLATE = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="factcheck {{ version }}">
<title>factcheck report: {{ totals.stories }} {{ "story" if totals.stories == 1 else "stories" }}</title>
<style>
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f;
       margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 4rem; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
h2 { font-size: 1.2rem; margin: 2.5rem 0 .25rem; border-top: 1px solid #ccc; padding-top: 1rem;
     word-break: break-all; }
h3 { font-size: 1rem; margin: 1.25rem 0 .5rem; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f4f4f6; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.totals { display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; list-style: none; }
.totals li { background: #f4f4f6; border-radius: 6px; padding: .4rem .8rem; }
.totals b { font-size: 1.2rem; display: block; }
.meta { color: #555; margin: 0; }
.story-text { white-space: pre-wrap; overflow-wrap: anywhere; font: 14px/1.6 ui-monospace,
              SFMono-Regular, Menlo, Consolas, monospace; background: #fbfbfc;
              border: 1px solid #e2e2e6; border-radius: 6px; padding: .75rem 1rem; }
mark.claim { color: inherit; border-radius: 3px; padding: 0 1px; cursor: help; }
mark.verdict-supported { background: #c9f2cf; }
mark.verdict-contradicted { background: #ffc4c4; }
mark.verdict-unverified { background: #e6e6ea; }
mark.flagged { outline: 2px solid #f08c00; outline-offset: 1px; }
:target { box-shadow: 0 0 0 3px #1c7ed6; }
.legend mark { margin-right: .5rem; }
.flags li { margin: .2rem 0; }
.sev { display: inline-block; min-width: 4.5em; font-weight: 600; }
.sev-error { color: #c92a2a; }
.sev-warning { color: #e67700; }
.sev-info { color: #1864ab; }
.flag.suppressed { color: #777; }
.flag.suppressed .sev { color: #777; }
.none { color: #777; font-style: italic; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
</style>
</head>
<body>
<header>
<h1>factcheck report</h1>
<ul class="totals">
<li><b>{{ totals.stories }}</b>stories</li>
<li><b>{{ totals.claims }}</b>claims</li>
<li><b>{{ totals.checked }}</b>checked</li>
<li><b>{{ totals.supported }}</b>supported</li>
<li><b>{{ totals.contradicted }}</b>contradicted</li>
<li><b>{{ totals.findings }}</b>findings</li>
</ul>
<p class="legend"><mark class="claim verdict-supported">supported</mark><mark class="claim verdict-contradicted">contradicted</mark><mark class="claim verdict-unverified">unverified</mark><mark class="claim verdict-unverified flagged">in a finding</mark></p>
{% if stories %}
<table class="summary">
<thead><tr><th>Story</th><th class="num">Claims</th><th class="num">Checked</th><th class="num">Contradicted</th><th class="num">Findings</th></tr></thead>
<tbody>
{% for story in stories %}
<tr><td><a href="#{{ story.anchor }}">{{ story.path }}</a></td><td class="num">{{ story.summary.claims }}</td><td class="num">{{ story.summary.checked }}</td><td class="num">{{ story.summary.contradicted }}</td><td class="num">{{ story.summary.findings }}</td></tr>
{% endfor %}
</tbody>
</table>
{% else %}
<p class="none">No stories.</p>
{% endif %}
</header>
<main>
{% macro claim_table(claims) %}
<table class="claims">
<thead><tr><th>Where</th><th>Figure</th><th>Kind</th><th>Value</th><th>Interval</th><th>Qualifier</th><th>Unit</th><th>Place</th><th>Date</th><th>Verdict</th><th>Reason</th></tr></thead>
<tbody>
{% for c in claims %}
<tr><td>{{ c.where }}</td><td><mark class="claim verdict-{{ c.verdict }}{{ ' flagged' if c.flagged }}" id="{{ c.anchor }}" title="{{ c.title }}">{{ c.text }}</mark></td><td>{{ c.kind }}</td><td>{{ c.value }}</td><td>{{ c.interval }}</td><td>{{ c.qualifier }}</td><td>{{ c.unit or "" }}</td><td>{{ c.place or "" }}</td><td>{{ c.date or "" }}</td><td>{{ c.verdict }}</td><td>{{ c.reason or "" }}</td></tr>
{% endfor %}
</tbody>
</table>
{% endmacro %}
{% for story in stories %}
<section class="story" id="{{ story.anchor }}">
<h2>{{ story.path }}</h2>
<p class="meta">Published {{ story.published }} &middot; {{ story.summary.claims }} claims, {{ story.summary.checked }} checked ({{ story.summary.supported }} supported, {{ story.summary.contradicted }} contradicted), {{ story.summary.findings }} findings</p>
{% if story.pieces is not none %}
<h3>Text</h3>
<div class="story-text">
{%- for p in story.pieces -%}
{%- if p.claim -%}<mark class="claim verdict-{{ p.claim.verdict }}{{ ' flagged' if p.claim.flagged }}" id="{{ p.claim.anchor }}" title="{{ p.claim.title }}">{{ p.text }}</mark>
{%- elif p.anchor -%}<span class="anchor" id="{{ p.anchor }}"></span>
{%- else -%}{{ p.text }}{%- endif -%}
{%- endfor -%}
</div>
{% if story.unmarked %}
<h3>Claims not highlighted (span overlapping another or outside the text)</h3>
{{ claim_table(story.unmarked) }}
{% endif %}
{% else %}
<h3>Claims</h3>
{% if story.claims %}
{{ claim_table(story.claims) }}
{% else %}
<p class="none">No claims.</p>
{% endif %}
{% endif %}
<h3>Flags</h3>
{% if story.flags %}
<ul class="flags">
{% for f in story.flags %}
{% if f.kind == "finding" %}
<li class="flag finding{{ ' suppressed' if f.suppressed }}"><a href="#{{ f.target }}">{{ f.where }}</a> <span class="sev sev-{{ f.severity }}">{{ f.severity }}</span> <code>{{ f.rule }}</code>: {{ f.message }}{{ " (suppressed)" if f.suppressed }}</li>
{% else %}
{% set c = f.claim %}
<li class="flag contradicted{{ ' suppressed' if f.suppressed }}"><a href="#{{ f.target }}">{{ f.where }}</a> <span class="sev sev-error">contradicted</span> <b>{{ c.text }}</b> (read as {{ c.value }}{{ " " ~ c.unit if c.unit }}, {{ c.interval }})
{%- if c.reference %}; reference <code>{{ c.reference.id }}</code>
{%- if c.reference.value is not none %} = {{ c.reference.value }}{% endif %}
{%- if c.reference.interval %}, expected {{ c.reference.interval }}{% endif %}
{%- if c.reference.source %}; source: {{ c.reference.source }}{% endif %}
{%- if c.reference.as_of %} (as of {{ c.reference.as_of }}){% endif %}
{%- if c.reference.url %} <code>{{ c.reference.url }}</code>{% endif %}
{%- endif %}
{%- if c.reason %}; {{ c.reason }}{% endif %}{{ " (suppressed)" if f.suppressed }}</li>
{% endif %}
{% endfor %}
</ul>
{% else %}
<p class="none">Nothing flagged.</p>
{% endif %}
</section>
{% endfor %}
</main>
<footer><p class="meta">Generated by factcheck {{ version }}.</p></footer>
</body>
</html>
"""
