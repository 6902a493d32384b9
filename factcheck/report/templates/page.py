"""The report page and a flag's note (Jinja, autoescaped; a figure's details are built in html.py).

No script and no external asset: details open on click or keyboard focus (CSS `:focus`; each
figure has `tabindex="0"`) and stay open while focus is inside them, so their source link can be
clicked or reached with Tab. They hide with `visibility`, a moment late, not `display`: an element
that is not rendered cannot take focus, and focus leaves the figure before it reaches the link. The
print stylesheet shows every figure's details inline and each link's address."""

FLAG = """\
<li class="flag {{ f.kind }} sev-{{ f.severity }}{{ ' suppressed' if f.suppressed }}" id="{{ f.anchor }}">
<span class="flag-num">{{ f.number }}</span> <span class="sev">{{ f.severity }}</span> <code class="rule" title="{{ f.description }}">{{ f.rule }}</code> <span class="where">{{ f.where }}</span>{{ " (suppressed)" if f.suppressed }}
<span class="msg">{{ f.message }}</span>
{% if f.reference %}{% set r = f.reference %}<span class="ref">Reference <code>{{ r.id }}</code>: {{ r.figure }}{% if r.as_of %}, as of {{ r.as_of }}{% endif %}; source: {% if r.url %}<a href="{{ r.url }}" rel="noopener noreferrer">{{ r.source or r.url }}</a>{% else %}{{ r.source or "not given" }}{% endif %}.</span>
{% endif %}
{% if f.figures %}<span class="figs">{{ "Figure" if f.figures|length == 1 else "Figures" }}: {% for c in f.figures %}<a href="#{{ c.anchor }}">{{ c.text }}</a> <span class="at">{{ c.where }}</span>{{ ", " if not loop.last }}{% endfor %}</span>{% endif %}
</li>"""

PAGE = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="factcheck {{ version }}">
<title>factcheck report: {{ totals.stories }} {{ "story" if totals.stories == 1 else "stories" }}{% if totals.flagged %}, {{ totals.flagged }} with flags{% endif %}</title>
<style>
:root { --supported: #c6efcb; --contradicted: #ffc2c2; --unverified: #e9e9ee; --flag: #e8590c;
        --error: #c92a2a; --warning: #b35c00; --info: #1864ab; --muted: #6b6b73; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f;
       margin: 0 auto; max-width: 76rem; padding: 1rem 1.5rem 4rem; overflow-x: clip; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f4f4f6; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.totals { display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; list-style: none; }
.totals li { background: #f4f4f6; border-radius: 6px; padding: .4rem .8rem; }
.totals b { font-size: 1.2rem; display: block; }
.meta, .path, .at { color: var(--muted); }
.path { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.none { color: var(--muted); font-style: italic; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .92em; }
.sev-error .sev, .sev-error.flag-ref, span.sev-error { color: var(--error); }
.sev-warning .sev, .sev-warning.flag-ref, span.sev-warning { color: var(--warning); }
.sev-info .sev, .sev-info.flag-ref, span.sev-info { color: var(--info); }
.story { border-top: 2px solid #d0d0d6; margin-top: 2.5rem; padding-top: 1rem; }
.story-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem 1rem; }
.story-head h2 { font-size: 1.35rem; margin: 0; }
.story-head h2 a { color: inherit; text-decoration: none; }
.meta { margin: .25rem 0 .75rem; }
.flag-index a { margin-right: .6rem; }
.row { display: grid; grid-template-columns: minmax(0, 42rem) minmax(0, 1fr); column-gap: 2rem; }
.copy { font: 17px/1.65 Georgia, "Times New Roman", serif; }
.copy p { margin: 0 0 1rem; }
.copy p.plain { white-space: pre-line; }
.copy h3, .copy h4, .copy h5, .copy h6 { font-family: system-ui, sans-serif; margin: 1.2rem 0 .6rem; line-height: 1.3; }
.copy h3 { font-size: 1.45rem; } .copy h4 { font-size: 1.2rem; } .copy h5, .copy h6 { font-size: 1.05rem; }
.copy ul, .copy ol { margin: 0 0 1rem; padding-left: 1.5rem; }
.copy li > p { margin: 0 0 .25rem; }
.copy blockquote { margin: 0 0 1rem; padding-left: 1rem; border-left: 3px solid #ccc; color: #444; }
.copy pre { white-space: pre-wrap; font-size: 14px; background: #f6f6f8; padding: .5rem; }
.copy hr { border: 0; border-top: 1px solid #ccc; margin: 1.5rem 0; }
.copy .image::before { content: "[image: "; color: var(--muted); }
.copy .image::after { content: "]"; color: var(--muted); }
.copy .link { text-decoration: underline dotted; }
mark.claim { color: inherit; border-radius: 3px; padding: 0 1px; cursor: pointer; }
mark.verdict-supported { background: var(--supported); }
mark.verdict-contradicted { background: var(--contradicted); text-decoration: underline wavy var(--error); }
mark.verdict-unverified { background: var(--unverified); }
mark.flagged { box-shadow: 0 0 0 2px var(--flag); }
mark.claim:focus { outline: 3px solid #1c7ed6; outline-offset: 1px; }
mark.claim:target { outline: 3px solid #1c7ed6; }
.flag-ref { font: 600 11px/1 system-ui, sans-serif; vertical-align: super; text-decoration: none;
            margin-left: 1px; }
.flag-ref.suppressed { color: var(--muted); }
.why { visibility: hidden; position: absolute; z-index: 10; margin-top: 1.8em; width: max-content;
       max-width: min(26rem, 88vw); background: #fff; color: #1d1d1f; border: 1px solid #b9b9c2;
       border-radius: 6px; box-shadow: 0 4px 14px rgba(0, 0, 0, .18); padding: .45rem .65rem;
       font: 400 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       text-align: left; white-space: normal; transition: visibility 0s linear .3s; }
mark.claim:hover + .why, mark.claim:focus + .why, .why:hover, .why:focus-within { visibility: visible; transition: none; }
.why > span { display: block; }
.why i { color: var(--muted); font-style: normal; margin-right: .3rem; }
.why-reason { font-weight: 600; }
.v { text-transform: uppercase; font-size: 11px; letter-spacing: .03em; padding: 0 .3em; border-radius: 3px; }
.v-supported { background: var(--supported); }
.v-contradicted { background: var(--contradicted); }
.v-unverified { background: var(--unverified); }
.notes ol.flags { list-style: none; margin: 0 0 1rem; padding: 0; }
.flag { border-left: 4px solid currentColor; background: #fff8f0; padding: .4rem .6rem; margin: 0 0 .6rem;
        font-size: 14px; }
.flag.sev-error { border-left-color: var(--error); background: #fff3f3; }
.flag.sev-warning { border-left-color: var(--warning); }
.flag.sev-info { border-left-color: var(--info); background: #f2f7fc; }
.flag.suppressed { border-left-color: #bbb; background: #f6f6f8; color: var(--muted); }
.flag > span { display: block; }
.flag > .flag-num, .flag > .sev, .flag > .where { display: inline; }
.flag-num { font-weight: 700; }
.sev { font-weight: 600; }
.flag .msg { margin: .15rem 0; }
.flag:target { box-shadow: 0 0 0 3px #1c7ed6; }
.legend mark { margin-right: .5rem; }
@media (max-width: 72rem) { .why { left: .75rem; right: .75rem; width: auto; max-width: none; } }
@media (max-width: 60rem) { .row { grid-template-columns: minmax(0, 1fr); } }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .row { grid-template-columns: minmax(0, 1fr) 32%; column-gap: 1rem; break-inside: avoid; }
  .copy { font-size: 11pt; }
  mark.claim, .flag, .v { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .why { visibility: visible; transition: none; position: static; margin: 0; padding: 0; border: 0; box-shadow: none;
         background: none; font-size: 8pt; color: #333; width: auto; max-width: none; }
  .why::before { content: " ["; }
  .why::after { content: "]"; }
  .why > span { display: inline; }
  .why > span + span::before { content: "; "; }
  .why a[href^="http"]::after, .flag a[href^="http"]::after { content: " <" attr(href) ">"; }
  .story { break-before: page; }
}
</style>
</head>
<body>
<header>
<h1>factcheck report</h1>
<ul class="totals">
<li><b>{{ totals.stories }}</b>stories</li>
<li><b>{{ totals.flagged }}</b>with flags</li>
<li><b>{{ totals.claims }}</b>claims</li>
<li><b>{{ totals.checked }}</b>checked</li>
<li><b>{{ totals.supported }}</b>supported</li>
<li><b>{{ totals.contradicted }}</b>contradicted</li>
<li><b>{{ totals.findings }}</b>findings</li>
</ul>
<p class="legend"><mark class="claim verdict-supported">supported</mark><mark class="claim verdict-contradicted">contradicted</mark><mark class="claim verdict-unverified">unverified</mark><mark class="claim verdict-unverified flagged">in a flag</mark> Click a figure, or Tab to it, for its reading, reference and source.</p>
{% if stories %}
<table class="summary">
<thead><tr><th>Story</th><th>Flags</th><th class="num">Claims</th><th class="num">Checked</th><th class="num">Contradicted</th><th class="num">Findings</th></tr></thead>
<tbody>
{% for story in stories %}
<tr class="{{ 'problems' if story.problems else 'clean' }}"><td><a href="#{{ story.anchor }}">{{ story.headline }}</a><br><span class="path">{{ story.path }}</span></td><td>{{ story.problem_words or "none" }}</td><td class="num">{{ story.summary.claims }}</td><td class="num">{{ story.summary.checked }}</td><td class="num">{{ story.summary.contradicted }}</td><td class="num">{{ story.summary.findings }}</td></tr>
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
<thead><tr><th>Where</th><th>Figure</th><th>Reading</th><th>Verdict</th><th>Reason</th></tr></thead>
<tbody>
{% for c in claims %}
<tr><td>{{ c.where }}</td><td>{{ c.html }}</td><td>{{ c.reading }}</td><td>{{ c.verdict }}</td><td>{{ c.reason or "" }}</td></tr>
{% endfor %}
</tbody>
</table>
{% endmacro %}
{% for story in stories %}
<section class="story {{ 'problems' if story.problems else 'clean' }}" id="{{ story.anchor }}">
<header class="story-head"><h2><a href="#{{ story.anchor }}">{{ story.headline }}</a></h2><span class="path">{{ story.path }}</span></header>
<p class="meta">Published {{ story.published }} &middot; {{ story.summary.claims }} claims, {{ story.summary.checked }} checked ({{ story.summary.supported }} supported, {{ story.summary.contradicted }} contradicted) &middot; flags: {{ story.problem_words or "none" }}</p>
{% if story.flags %}
<p class="flag-index">{% for f in story.flags %}<a href="#{{ f.anchor }}" class="sev-{{ f.severity }}{{ ' suppressed' if f.suppressed }}">{{ f.number }}&nbsp;{{ f.rule }}</a> {% endfor %}</p>
{% endif %}
{% if story.rows %}
<div class="story-body">
{% for row in story.rows %}
<div class="row"><div class="copy">{{ row.html }}</div><div class="notes">{% if row.flags %}<ol class="flags">{% for f in row.flags %}{{ f.html }}{% endfor %}</ol>{% endif %}</div></div>
{% endfor %}
</div>
{% endif %}
{% if story.unplaced %}
<h3>{{ "Flags" if not story.rows else "Flags not beside the copy" }}</h3>
<ol class="flags">{% for f in story.unplaced %}{{ f.html }}{% endfor %}</ol>
{% elif not story.flags %}
<p class="none">Nothing flagged.</p>
{% endif %}
{% if story.unmarked %}
<h3>{{ "Figures" if not story.rows else "Figures not highlighted (overlapping another, or outside the copy shown)" }}</h3>
{{ claim_table(story.unmarked) }}
{% elif not story.rows %}
<p class="none">No claims.</p>
{% endif %}
</section>
{% endfor %}
</main>
<footer><p class="meta">Generated by factcheck {{ version }}.</p></footer>
</body>
</html>
"""
