"""The HTML report, on reports built by hand: no spaCy model needed."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from factcheck.models import (
    CountClaim, DateClaim, Finding, PlaceRef, ReferenceRef, Report, SourceInfo, Summary,
)
from factcheck.report import RENDERERS

TEXT = (
    "Officials said 1,000 detainees moved.\n"
    "  On Tuesday, 3 May 2022, 600 of them left Camp Ñandú.\n"
    "\tThe ministry later said 150 detainees.\n"
)
VOID = {"meta", "br", "hr", "img", "input", "link"}


def _span(text: str, needle: str, start: int | None = None) -> dict:
    start = text.index(needle) if start is None else start
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return {"start": start, "end": start + len(needle), "line": line, "column": column}


def _count(id_, needle, value, text=TEXT, **extra):
    return CountClaim(id=id_, text=needle, value=value, low=value, high=value, qualifier="exact",
                      **_span(text, needle), **extra)


def _report(path, claims=(), findings=(), published="2022-05-04"):
    claims, findings = list(claims), list(findings)
    verdicts = [c.verdict for c in claims]
    return Report(
        source=SourceInfo(path=path, published=published, format="text"),
        claims=claims, places=[], findings=findings,
        summary=Summary(claims=len(claims), checked=len(claims) - verdicts.count("unverified"),
                        supported=verdicts.count("supported"),
                        contradicted=verdicts.count("contradicted"), findings=len(findings)),
    )


def _flagged() -> Report:
    claims = [
        _count("c1", "1,000 detainees", 1000, verdict="supported", unit="detainees",
               reference=ReferenceRef(id="transfers-total", value=1000, source="UN OCHA"),
               reason="within the reference"),
        DateClaim(id="c2", text="Tuesday, 3 May 2022", value="2022-05-03", granularity="day",
                  weekday="Tuesday", **_span(TEXT, "Tuesday, 3 May 2022")),
        _count("c3", "600", 600, place=PlaceRef(id="camp", name="Camp Ñandú", text="Camp Ñandú")),
        _count("c4", "150 detainees", 150, verdict="contradicted", unit="detainees",
               reference=ReferenceRef(id="camp-transfers-2022", value=120, low=110, high=130,
                                      source="Ministry <of> Justice"),
               reason="150 is above 110 to 130"),
    ]
    findings = [
        Finding(rule="part-exceeds-total", severity="error", message="600 is more than <half>",
                claims=["c3", "c1"], **_span(TEXT, "600")),
        Finding(rule="weekday-mismatch", severity="info", message="no claim of its own",
                **_span(TEXT, "Officials")),
    ]
    return _report("news/a&b.md", claims, findings)


class _Page(HTMLParser):
    """Collects ids, links, marks (class, title, text) and each story text's characters, and
    checks that every tag closes in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.ids, self.hrefs, self.srcs = [], [], [], [], []
        self.marks, self.texts = [], []
        self._mark = self._in_text = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if "href" in attrs:
            self.hrefs.append(attrs["href"])
        if "src" in attrs:
            self.srcs.append(attrs["src"])
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag == "mark":
            if self._mark is not None:
                self.errors.append("nested mark")
            self._mark = {"class": attrs.get("class", "").split(), "title": attrs.get("title"),
                          "id": attrs.get("id"), "text": "", "in_story": self._in_text is not None}
        if tag == "div" and "story-text" in attrs.get("class", "").split():
            self._in_text = len(self.stack)
            self.texts.append("")

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}> with {self.stack[-3:]}")
            return
        if self._in_text == len(self.stack):
            self._in_text = None
        self.stack.pop()
        if tag == "mark":
            self.marks.append(self._mark)
            self._mark = None

    def handle_data(self, data):
        if self._mark is not None:
            self._mark["text"] += data
        if self._in_text is not None:
            self.texts[-1] += data


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    assert not parser.errors, parser.errors
    assert not parser.stack, parser.stack
    return parser


def _story_texts(page: str) -> list[str]:
    """Each story text as shown: the div's contents with the tags stripped and entities decoded."""
    return [html.unescape(re.sub(r"<[^>]*>", "", inner))
            for inner in re.findall(r'<div class="story-text">(.*?)</div>', page, re.S)]


def _render(reports, texts=None) -> str:
    return RENDERERS["html"](reports, texts)


def test_report_html_is_one_self_contained_document():
    page = _render([_flagged()], [TEXT])
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("<html") == 1 and page.rstrip().endswith("</html>")
    parsed = _parse(page)
    assert not parsed.srcs
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert "<script" not in page
    assert len(parsed.ids) == len(set(parsed.ids)), "ids are unique"


def test_report_html_header_and_summary_table():
    other = _report("news/other.md", [_count("c1", "600", 600, verdict="supported")])
    page = _render([_flagged(), other], [TEXT, TEXT])
    header = page[page.index("<header>"):page.index("</header>")]
    totals = dict((label, int(n)) for n, label in re.findall(r"<li><b>(\d+)</b>(\w+)</li>", header))
    assert totals == {"stories": 2, "claims": 5, "checked": 3, "supported": 2, "contradicted": 1,
                      "findings": 2}
    rows = re.findall(r'<tr><td><a href="#(s\d+)">(.*?)</a></td>((?:<td class="num">\d+</td>)+)</tr>',
                      header)
    assert [(anchor, html.unescape(path)) for anchor, path, _ in rows] == [
        ("s1", "news/a&b.md"), ("s2", "news/other.md")]
    assert re.findall(r"\d+", rows[0][2]) == ["4", "2", "1", "2"]  # claims, checked, contradicted, findings
    ids = _parse(page).ids
    assert "s1" in ids and "s2" in ids


def test_report_html_marks_every_claim_with_its_verdict_class():
    report = _flagged()
    parsed = _parse(_render([report], [TEXT]))
    marks = {m["text"]: m for m in parsed.marks if m["in_story"]}
    assert len(marks) == len(report.claims)
    for claim in report.claims:
        mark = marks[claim.text]
        assert f"verdict-{claim.verdict}" in mark["class"]
        assert [c for c in mark["class"] if c.startswith("verdict-")] == [f"verdict-{claim.verdict}"]
    assert "flagged" in marks["600"]["class"] and "flagged" in marks["1,000 detainees"]["class"]
    assert "flagged" not in marks["150 detainees"]["class"]
    assert _story_texts(_render([report], [TEXT])) == [TEXT]


def test_report_html_hover_title_shows_the_reading():
    parsed = _parse(_render([_flagged()], [TEXT]))
    titles = {m["text"]: m["title"] for m in parsed.marks if m["in_story"]}
    contradicted = titles["150 detainees"]
    for part in ("kind: count", "value: 150", "interval: 150", "qualifier: exact",
                 "unit: detainees", "verdict: contradicted", "reason: 150 is above 110 to 130"):
        assert part in contradicted
    assert "place: Camp Ñandú" in titles["600"]
    assert "kind: date" in titles["Tuesday, 3 May 2022"]
    assert "value: 2022-05-03" in titles["Tuesday, 3 May 2022"]


def test_report_html_escapes_html_in_the_story():
    text = '<script>alert(1)</script> 5 people said "<b>hi</b>" & left'
    claim = _count("c1", "5 people", 5, text=text)
    finding = Finding(rule="x<y>", severity="warning", message="<img src=x onerror=alert(1)>",
                      claims=["c1"], **_span(text, "5 people"))
    report = _report('<i>story</i>".md', [claim], [finding])
    page = _render([report], [text])
    assert "<script>" not in page and "<img" not in page and "<b>hi" not in page
    assert "<i>story" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    parsed = _parse(page)
    assert [m["text"] for m in parsed.marks if m["in_story"]] == ["5 people"]
    assert _story_texts(page) == [text]


def test_report_html_overlapping_and_out_of_range_spans_keep_the_text():
    text = "About 1,500 to 2,000 people, or 2,000, fled.\r\n\n  Indented   line.\n"
    wide = CountClaim(id="wide", text="1,500 to 2,000 people", value=1500, value_end=2000,
                      low=1500, high=2000, qualifier="range", **_span(text, "1,500 to 2,000 people"))
    inner = _count("inner", "2,000", 2000, text=text)  # inside `wide`
    same = _count("same", "1,500", 1500, text=text)  # same start as `wide`, shorter
    later = CountClaim(id="later", text="2,000", value=2000, low=2000, high=2000, qualifier="exact",
                       **_span(text, "2,000", text.index("2,000,")))
    beyond = CountClaim(id="beyond", text="9", value=9, low=9, high=9, qualifier="exact",
                        start=len(text) + 5, end=len(text) + 6, line=9, column=1)
    crossing = CountClaim(id="crossing", text="fled.\r\n\n  Ind", value=1, low=1, high=1,
                          qualifier="exact", start=len(text) - 25, end=len(text) + 2, line=1,
                          column=1)
    empty = CountClaim(id="empty", text="", value=0, low=0, high=0, qualifier="exact",
                       start=3, end=3, line=1, column=4)
    claims = [inner, wide, same, later, beyond, crossing, empty]
    finding = Finding(rule="sum-mismatch", severity="warning", message="inside a mark",
                      claims=["inner"], **_span(text, "2,000"))
    page = _render([_report("news/overlap.md", claims, [finding])], [text])
    parsed = _parse(page)
    assert _story_texts(page) == [text]
    assert "".join(parsed.texts) == text
    in_text = [m["text"] for m in parsed.marks if m["in_story"]]
    assert in_text == ["1,500 to 2,000 people", "2,000"]
    # the others are listed under the text, so links to them still land
    listed = {m["id"] for m in parsed.marks if not m["in_story"] and m["id"]}
    assert listed == {"s1-c1", "s1-c3", "s1-c5", "s1-c6", "s1-c7"}  # all but `wide` and `later`
    assert "white-space: pre-wrap" in page
    # the finding's claim is not highlighted; it links to the mark it starts inside
    target = re.search(r'<li class="flag finding"><a href="#([^"]+)">', page).group(1)
    assert {m["id"]: m["text"] for m in parsed.marks}[target] == "1,500 to 2,000 people"


def test_report_html_lists_findings_and_contradictions_with_working_anchors():
    page = _render([_flagged()], [TEXT])
    parsed = _parse(page)
    ids = set(parsed.ids)
    marks = {m["id"]: m for m in parsed.marks}
    flags = re.findall(r'<li class="flag (\w+)[^"]*"><a href="#([^"]+)">([^<]*)</a>(.*?)</li>', page, re.S)
    assert [(kind, where) for kind, _, where, _ in flags] == [
        ("finding", "2:27"), ("finding", "1:1"), ("contradicted", "3:26")]
    for _, target, _, _ in flags:
        assert target in ids
    finding, no_claim, contradicted = flags
    assert marks[finding[1]]["text"] == "600"
    assert "part-exceeds-total" in finding[3] and "600 is more than &lt;half&gt;" in finding[3]
    assert "error" in finding[3]
    # a finding without claims links to an anchor at its own offset, before "Officials"
    assert re.search(rf'<div class="story-text"><span class="anchor" id="{no_claim[1]}"></span>Officials',
                     page)
    assert marks[contradicted[1]]["text"] == "150 detainees"
    body = html.unescape(contradicted[3])
    for part in ("150 detainees", "camp-transfers-2022", "= 120", "expected 110 to 130",
                 "source: Ministry <of> Justice", "150 is above 110 to 130"):
        assert part in body


def test_report_html_gives_each_report_a_section():
    texts = [TEXT, "Only 7 people came.", "Nothing here."]
    reports = [
        _flagged(),
        _report("news/second.md", [_count("c1", "7 people", 7, text=texts[1])], published=None),
        _report(None),
    ]
    page = _render(reports, texts)
    sections = re.findall(r'<section class="story" id="(s\d+)">\s*<h2>(.*?)</h2>\s*<p class="meta">Published (\S+)',
                          page)
    assert sections == [("s1", "news/a&amp;b.md", "2022-05-04"), ("s2", "news/second.md", "unknown"),
                        ("s3", "&lt;stdin&gt;", "2022-05-04")]
    assert _story_texts(page) == texts
    parsed = _parse(page)
    assert len(parsed.ids) == len(set(parsed.ids))


def test_report_html_without_texts_shows_claim_tables():
    report = _flagged()
    page = _render([report, _report("news/empty.md")])
    parsed = _parse(page)
    assert 'class="story-text"' not in page
    assert page.count('<table class="claims">') == 1
    marks = {m["text"]: m for m in parsed.marks}
    for claim in report.claims:
        assert f"verdict-{claim.verdict}" in marks[claim.text]["class"]
    ids = set(parsed.ids)
    targets = re.findall(r'<li class="flag \w+[^"]*"><a href="#([^"]+)">', page)
    assert len(targets) == 3 and all(t in ids for t in targets)
    assert "No claims." in page


def test_report_html_no_reports():
    page = _render([], [])
    _parse(page)
    assert "No stories." in page
    assert re.search(r"<li><b>0</b>stories</li>", page)


def test_report_html_suppressed_flags_are_shown_muted():
    claims = [_count("c3", "600", 600),
              _count("c4", "150 detainees", 150, verdict="contradicted", suppressed=True)]
    findings = [Finding(rule="part-exceeds-total", severity="error", message="muted", claims=["c3"],
                        suppressed=True, **_span(TEXT, "600"))]
    page = _render([_report("news/muted.md", claims, findings)], [TEXT])
    parsed = _parse(page)
    assert page.count('<li class="flag finding suppressed">') == 1
    assert page.count('<li class="flag contradicted suppressed">') == 1
    assert page.count("(suppressed)</li>") == 2
    marks = {m["text"]: m for m in parsed.marks if m["in_story"]}
    assert "flagged" not in marks["600"]["class"]  # no orange outline for a suppressed finding
    assert "verdict-contradicted" in marks["150 detainees"]["class"]
