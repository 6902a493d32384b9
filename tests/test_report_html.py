"""The HTML report page and the story renderers behind it, on reports built by hand: no spaCy
model and no browser needed (tests/test_report_browser.py renders the real page in Chromium)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.models import (
    CountClaim, DateClaim, Finding, Frame, FrameLink, PlaceRef, ReferenceRef, Report, SourceInfo, Summary,
)
from factcheck.report import RENDERERS
from factcheck.report.document import read, texts

TEXT = (
    "Officials said 1,000 detainees moved.\n"
    "  On Tuesday, 3 May 2022, 600 of them left Camp Ñandú.\n"
    "\n"
    "\tThe ministry later said 150 detainees.\n"
)
VOID = {"meta", "br", "hr", "img", "input", "link"}


# a small DOM, enough to ask what the page shows

class Node:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent, self.children = tag, attrs, parent, []

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    @property
    def text(self) -> str:
        """The text shown in place: a figure's details and flag numbers inside are left out."""
        return "".join(c if isinstance(c, str) else "" if {"why", "flag-ref"} & set(c.classes) else c.text
                       for c in self.children)

    def all(self, tag=None, cls=None, **attrs) -> list["Node"]:
        found = []
        for child in self.children:
            if isinstance(child, Node):
                if ((tag is None or child.tag == tag) and (cls is None or cls in child.classes)
                        and all(child.attrs.get(k) == v for k, v in attrs.items())):
                    found.append(child)
                found.extend(child.all(tag, cls, **attrs))
        return found

    def one(self, tag=None, cls=None, **attrs) -> "Node":
        found = self.all(tag, cls, **attrs)
        assert len(found) == 1, (tag, cls, attrs, len(found))
        return found[0]

    def ancestor(self, cls) -> "Node | None":
        node = self.parent
        while node is not None and cls not in node.classes:
            node = node.parent
        return node


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#root", {})
        self.errors = []

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag):
        if self.current.tag != tag:
            self.errors.append(f"</{tag}> closes <{self.current.tag}>")
            return
        self.current = self.current.parent

    def handle_data(self, data):
        self.current.children.append(data)


def dom(page: str) -> Node:
    builder = _Builder()
    builder.feed(page)
    builder.close()
    assert not builder.errors, builder.errors[:5]
    assert builder.current is builder.root, "every element is closed"
    return builder.root


def _copy_text(section: Node) -> str:
    """What a reader reads in a story's copy, a paragraph a line."""
    return "\n".join(div.text for div in section.all("div", "copy"))


# reports built by hand

def _span(text: str, needle: str, start: int | None = None) -> dict:
    start = text.index(needle) if start is None else start
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return {"start": start, "end": start + len(needle), "line": line, "column": column}


def _count(id_, needle, value, text=TEXT, start=None, **extra):
    return CountClaim(id=id_, text=needle, value=value, low=value, high=value, qualifier="exact",
                      **_span(text, needle, start), **extra)


def _report(path, claims=(), findings=(), published="2022-05-04", format="text"):
    claims, findings = list(claims), list(findings)
    verdicts = [c.verdict for c in claims]
    return Report(
        source=SourceInfo(path=path, published=published, format=format),
        claims=claims, places=[], findings=findings,
        summary=Summary(claims=len(claims), checked=len(claims) - verdicts.count("unverified"),
                        supported=verdicts.count("supported"),
                        contradicted=verdicts.count("contradicted"), findings=len(findings)),
    )


def _flagged() -> Report:
    claims = [
        _count("c1", "1,000 detainees", 1000, verdict="supported", unit="detainees",
               reference=ReferenceRef(id="transfers-total", value=1000, source="UN OCHA",
                                      url="https://www.unocha.org/transfers", as_of="2022-05"),
               reason="stated 1,000; reference 1,000",
               frame=Frame(measure="detainees", measure_head="detainee", role="total", period="2022-05")),
        DateClaim(id="c2", text="Tuesday, 3 May 2022", value="2022-05-03", granularity="day",
                  weekday="Tuesday", **_span(TEXT, "Tuesday, 3 May 2022")),
        _count("c3", "600", 600, place=PlaceRef(id="camp", name="Camp Ñandú", text="Camp Ñandú"),
               frame=Frame(measure="them", place=PlaceRef(id="camp", name="Camp Ñandú", text="Camp Ñandú"),
                           place_source="sentence", role="part",
                           links=[FrameLink(relation="part_of", claim="c1")])),
        _count("c4", "150 detainees", 150, verdict="contradicted", unit="detainees",
               reference=ReferenceRef(id="camp-transfers-2022", value=120, low=110, high=130,
                                      source="Ministry <of> Justice", url="javascript:alert(1)"),
               reason="stated 150; reference 120 (110 to 130)"),
    ]
    findings = [
        Finding(rule="part-exceeds-total", severity="error", message="600 is more than <half> of 1,000",
                claims=["c3", "c1"], **_span(TEXT, "600")),
        Finding(rule="weekday-mismatch", severity="info", message="no claim of its own",
                **_span(TEXT, "The ministry")),
    ]
    return _report("news/a&b.txt", claims, findings)


def _render(reports, texts=None) -> str:
    return RENDERERS["html"](reports, texts)


def _section(page: Node, anchor: str) -> Node:
    return page.one("section", id=anchor)


def _marks(section: Node) -> dict[str, Node]:
    return {m.text: m for m in section.all("mark", "claim") if "id" in m.attrs}


# the page

def test_report_html_is_one_self_contained_document_without_script():
    page = _render([_flagged()], [TEXT])
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    root = dom(page)
    assert not [n for n in root.all() if "src" in n.attrs]
    assert "<script" not in page and "<link" not in page and "@import" not in page and "url(" not in page
    outside = [n.attrs["href"] for n in root.all("a") if not n.attrs["href"].startswith("#")]
    assert outside == ["https://www.unocha.org/transfers"]  # a source, in its figure's details
    ids = [n.attrs["id"] for n in root.all() if "id" in n.attrs]
    assert len(ids) == len(set(ids))
    for link in root.all("a"):
        if link.attrs["href"].startswith("#"):
            assert link.attrs["href"][1:] in ids, link.attrs["href"]


def test_report_html_stories_with_problems_first_under_their_headlines():
    clean = _report("news/clean.md", [_count("c1", "7 people", 7, text="# Seven came\n\nOnly 7 people came.\n",
                                             verdict="supported")], format="markdown")
    warned = _report("news/warned.txt", [_count("c1", "9", 9, text="Nine\n\n9 left.")],
                     [Finding(rule="restated-differently", severity="warning", message="9 and 8",
                              claims=["c1"], **_span("Nine\n\n9 left.", "9"))])
    page = _render([clean, warned, _flagged()],
                   ["# Seven came\n\nOnly 7 people came.\n", "Nine\n\n9 left.", TEXT])
    root = dom(page)
    sections = root.all("section", "story")
    assert [s.attrs["id"] for s in sections] == ["s3", "s2", "s1"]  # errors, then warnings, then clean
    heads = [(s.one("h2").text, s.one("span", "path").text) for s in sections]
    assert heads == [("Officials said 1,000 detainees moved.", "news/a&b.txt"),
                     ("Nine", "news/warned.txt"), ("Seven came", "news/clean.md")]
    rows = root.one("table", "summary").all("tr")[1:]
    assert [r.all("a")[0].attrs["href"] for r in rows] == ["#s3", "#s2", "#s1"]
    assert [r.all("td")[1].text for r in rows] == ["2 errors, 1 info", "1 warning", "none"]
    header = root.all("header")[0]
    totals = [li.text for li in header.one("ul", "totals").all("li")]
    assert totals[:2] == ["3stories", "2with flags"]


def test_report_html_marks_every_claim_with_its_verdict_and_keeps_the_copy():
    report = _flagged()
    section = _section(dom(_render([report], [TEXT])), "s1")
    marks = _marks(section)
    assert set(marks) == {c.text for c in report.claims}
    for claim in report.claims:
        verdicts = [c for c in marks[claim.text].classes if c.startswith("verdict-")]
        assert verdicts == [f"verdict-{claim.verdict}"]
        assert marks[claim.text].attrs["tabindex"] == "0"
    assert "flagged" in marks["600"].classes and "flagged" in marks["1,000 detainees"].classes
    assert "flagged" not in marks["150 detainees"].classes  # a contradiction is its own colour
    # plain text: paragraphs at blank lines, every character of the copy shown
    assert [p.attrs.get("class") for p in section.all("p", "plain")] == ["plain", "plain"]
    assert re.sub(r"\s+", " ", _copy_text(section)).strip() == re.sub(r"\s+", " ", TEXT).strip()


def test_report_html_details_give_reason_reference_source_and_frame():
    section = _section(dom(_render([_flagged()], [TEXT])), "s1")
    marks = _marks(section)

    def details(text):
        mark = marks[text]
        why = section.one("span", "why", id=mark.attrs["id"] + "-why")
        assert mark.attrs["aria-describedby"] == why.attrs["id"]
        siblings = [c for c in mark.parent.children if isinstance(c, Node)]
        assert siblings[siblings.index(mark) + 1] is why  # right after its figure
        return why

    supported = details("1,000 detainees")
    text = supported.text
    for part in ("supported", "stated 1,000; reference 1,000", "transfers-total", "as of 2022-05",
                 "measure", "detainees (detainee)", "period", "2022-05", "role", "total"):
        assert part in text, part
    assert supported.one("a", href="https://www.unocha.org/transfers").text == "UN OCHA"
    part = details("600").text
    assert "Camp Ñandú, named in the sentence" in part and "part of" in part and "role" in part
    assert details("600").one("a", href=f"#{marks['1,000 detainees'].attrs['id']}").text == "1,000 detainees"
    contradicted = details("150 detainees")
    assert "stated 150; reference 120 (110 to 130)" in contradicted.text
    assert "120 (110 to 130)" in contradicted.text and "Ministry <of> Justice" in contradicted.text
    assert all(a.attrs["href"].startswith("#") for a in contradicted.all("a"))  # javascript: is no link
    date = details("Tuesday, 3 May 2022").text
    assert "2022-05-03 (day)" in date and "unverified" in date


def test_report_html_flags_sit_beside_their_figures_with_the_arithmetic_once():
    page = _render([_flagged()], [TEXT])
    section = _section(dom(page), "s1")
    marks = _marks(section)
    notes = section.all("li", "flag")
    assert [(n.one("code", "rule").text, n.one("span", "flag-num").text) for n in notes] == [
        ("part-exceeds-total", "1"), ("weekday-mismatch", "2"), ("contradicted", "3")]
    exceeds, weekday, contradicted = notes
    # beside the paragraph of its first figure, linking to every figure; each figure has its number
    row = exceeds.ancestor("row")
    assert marks["1,000 detainees"].ancestor("row") is row and marks["600"].ancestor("row") is row
    assert [a.attrs["href"] for a in exceeds.one("span", "figs").all("a")] == [
        "#" + marks["600"].attrs["id"], "#" + marks["1,000 detainees"].attrs["id"]]
    for figure in ("600", "1,000 detainees"):
        mark = marks[figure]
        after = [c for c in mark.parent.children if isinstance(c, Node)]
        after = after[after.index(mark) + 1:]
        assert "why" in after[0].classes
        assert after[1].attrs["href"] == "#" + exceeds.attrs["id"] and after[1].text == "1"
    assert page.count("600 is more than &lt;half&gt; of 1,000") == 1
    # the contradiction's note: its reason, the reference and source, beside its figure
    assert contradicted.ancestor("row") is marks["150 detainees"].ancestor("row")
    assert "stated 150; reference 120 (110 to 130)" in contradicted.text
    assert "camp-transfers-2022" in contradicted.text and "Ministry <of> Justice" in contradicted.text
    # a finding with no figure sits beside the paragraph it starts in
    assert weekday.ancestor("row") is marks["150 detainees"].ancestor("row")
    assert "sev-info" in weekday.classes
    index = section.one("p", "flag-index")
    assert [a.attrs["href"] for a in index.all("a")] == ["#" + n.attrs["id"] for n in notes]


def test_report_html_suppressed_flags_are_shown_muted():
    claims = [_count("c3", "600", 600),
              _count("c4", "150 detainees", 150, verdict="contradicted", suppressed=True)]
    findings = [Finding(rule="part-exceeds-total", severity="error", message="muted", claims=["c3"],
                        suppressed=True, **_span(TEXT, "600"))]
    root = dom(_render([_report("news/muted.txt", claims, findings)], [TEXT]))
    notes = root.all("li", "flag")
    assert len(notes) == 2 and all("suppressed" in n.classes for n in notes)
    assert all("(suppressed)" in n.text for n in notes)
    marks = _marks(root)
    assert "flagged" not in marks["600"].classes
    assert "verdict-contradicted" in marks["150 detainees"].classes
    assert root.one("table", "summary").all("tr")[1].all("td")[1].text == "none"


def test_report_html_renders_markdown_as_readers_see_it():
    story = (
        "---\ntitle: \"Camp holds 24,000\"\ndate: 2026-01-22\n---\n\n"
        "# Al-Hol *camp*\n\n"
        "<!-- factcheck off -->Around **24,000 people** live at the [camp](https://example.org/camp).\n"
        "A second line, with <b>raw</b> tags and a [bad](javascript:alert(1)) link.\n\n"
        "## The figures\n\n"
        "- 14,500 are *Syrians*\n- Nearly 3,000 are Iraqis\n\n"
        "> Quoted: 6,500 more.\n\n"
        "1. First\n2. Second\n\n"
        "```\ncode 99\n```\n"
    )
    claims = [_count("c1", "24,000 people", 24000, text=story, start=story.index("24,000 people")),
              _count("c2", "14,500", 14500, text=story), _count("c3", "Nearly 3,000", 2999, text=story),
              _count("c4", "6,500", 6500, text=story), _count("c5", "24,000", 24000, text=story),
              _count("c6", "14,500 are *Syrians*", 14500, text=story)]
    page = _render([_report("news/camp.md", claims, format="markdown")], [story])
    section = _section(dom(page), "s1")
    assert section.one("h2").text == "Camp holds 24,000"  # the front matter title
    copy = _copy_text(section)
    for hidden in ("title:", "date:", "factcheck off", "<b>", "**", "#", "```", "](", "- 14,500"):
        assert hidden not in copy, hidden
    copy_divs = section.all("div", "copy")
    assert copy_divs[0].one("h3").one("em").text == "camp"
    assert copy_divs[2].one("h4").text == "The figures"
    items = copy_divs[3].one("ul").all("li")
    assert [li.text for li in items if li.parent.tag == "ul"][0].startswith("14,500 are")
    assert copy_divs[4].one("blockquote")
    assert [li.text for li in copy_divs[5].one("ol").all("li")] == ["First", "Second"]
    assert copy_divs[6].one("pre").text == "code 99"
    assert copy_divs[1].one("a", href="https://example.org/camp").text == "camp"
    assert copy_divs[1].one("span", "link").attrs["title"] == "javascript:alert(1)"
    marks = _marks(section)
    assert marks["24,000 people"].parent.tag == "strong"
    assert "verdict-unverified" in marks["Nearly 3,000"].classes
    # a claim that runs out of the emphasis is highlighted in pieces, the last one with its details
    pieces = [m for m in section.all("mark", "claim") if "part" in m.classes]
    assert [p.text for p in pieces] == ["14,500 are "]
    assert marks["Syrians"].parent.tag == "em" and marks["Syrians"].attrs["id"] == "s1-c6"
    # the 14,500 inside it overlaps and the 24,000 in the front matter is not shown: both are listed
    table = section.one("table", "claims")
    assert sorted(m.text for m in table.all("mark", "claim")) == ["14,500", "24,000"]


def test_report_html_renders_an_html_story_as_its_text():
    story = (
        "<!DOCTYPE html><html><head><title>Costs &amp; camps</title><style>p{color:red}</style></head>"
        "<body><nav>Home 5</nav><h1>Costs rose</h1>"
        "<p>Costs rose to &pound;3.2m from <b>2.1</b>&nbsp;million.</p><!-- 99 -->"
        "<ul><li>14,500 Syrians</li><li>3,000 Iraqis</li></ul><script>var x = 12;</script></body></html>"
    )
    claims = [_count("c1", "&pound;3.2m", 3.2, text=story),
              _count("c2", "2.1</b>&nbsp;million", 2.1, text=story),
              _count("c3", "14,500", 14500, text=story)]
    section = _section(dom(_render([_report("news/costs.html", claims, format="html")], [story])), "s1")
    assert section.one("h2").text == "Costs & camps"
    copy = _copy_text(section)
    assert "Costs rose to £3.2m from 2.1\xa0million." in copy
    for hidden in ("color:red", "var x", "99", "Home 5", "<b>", "&pound;", "Costs & camps"):
        assert hidden not in copy, hidden
    assert section.one("h3").text == "Costs rose"
    assert [li.text for li in section.one("ul").all("li")] == ["14,500 Syrians", "3,000 Iraqis"]
    marks = {m.attrs.get("id"): m.text for m in section.all("mark", "claim")}
    assert marks == {"s1-c1": "£3.2m", "s1-c2": "2.1\xa0million", "s1-c3": "14,500"}  # one mark each


def test_report_html_escapes_the_story_and_the_report():
    text = '<script>alert(1)</script> 5 people said "<b>hi</b>" & left'
    claim = _count("c1", "5 people", 5, text=text)
    finding = Finding(rule="x<y>", severity="warning", message="<img src=x onerror=alert(1)>",
                      claims=["c1"], **_span(text, "5 people"))
    report = _report('<i>story</i>".txt', [claim], [finding])
    page = _render([report], [text])
    assert "<script>" not in page and "<img" not in page and "<b>hi" not in page and "<i>story" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    section = _section(dom(page), "s1")
    assert list(_marks(section)) == ["5 people"]
    assert _copy_text(section) == text
    # in Markdown, raw HTML is not shown at all (and never runs)
    page = _render([_report("x.md", [], format="markdown")], ['Hi <script>alert(1)</script> <img src=x onerror=alert(1)>'])
    assert "<script>alert" not in page and "<img" not in page and "alert(1)" in page


def test_report_html_overlapping_and_unshown_spans_are_listed_under_the_story():
    text = "About 1,500 to 2,000 people, or 2,000, fled.\r\n\n  Indented   line.\n"
    wide = CountClaim(id="wide", text="1,500 to 2,000 people", value=1500, value_end=2000,
                      low=1500, high=2000, qualifier="range", **_span(text, "1,500 to 2,000 people"))
    inner = _count("inner", "2,000", 2000, text=text)  # inside `wide`
    same = _count("same", "1,500", 1500, text=text)  # same start as `wide`, shorter
    later = _count("later", "2,000", 2000, text=text, start=text.index("2,000,"))
    beyond = CountClaim(id="beyond", text="9", value=9, low=9, high=9, qualifier="exact",
                        start=len(text) + 5, end=len(text) + 6, line=9, column=1)
    empty = CountClaim(id="empty", text="", value=0, low=0, high=0, qualifier="exact",
                       start=3, end=3, line=1, column=4)
    finding = Finding(rule="sum-mismatch", severity="warning", message="inside a mark",
                      claims=["inner"], **_span(text, "2,000"))
    root = dom(_render([_report("news/overlap.txt", [inner, wide, same, later, beyond, empty], [finding])],
                       [text]))
    section = _section(root, "s1")
    in_copy = [m.text for m in section.all("mark", "claim") if m.ancestor("copy")]
    assert in_copy == ["1,500 to 2,000 people", "2,000"]
    listed = {m.attrs["id"] for m in section.one("table", "claims").all("mark", "claim")}
    assert listed == {"s1-c1", "s1-c3", "s1-c5", "s1-c6"}  # all but `wide` and `later`
    # the finding's figure is not in the copy: its note sits beside the paragraph it starts in
    note = section.one("li", "flag")
    assert note.ancestor("row") is section.all("mark", "claim")[0].ancestor("row")
    assert re.sub(r"\s+", " ", _copy_text(section)).strip() == re.sub(r"\s+", " ", text).strip()


def test_report_html_without_texts_shows_tables_and_flags():
    report = _flagged()
    root = dom(_render([report, _report("news/empty.txt")]))
    assert not root.all("div", "copy")
    sections = root.all("section", "story")
    table = _section(root, "s1").one("table", "claims")
    assert {m.text for m in table.all("mark", "claim")} == {c.text for c in report.claims}
    assert len(_section(root, "s1").all("li", "flag")) == 3
    assert "No claims." in _section(root, "s2").text and len(sections) == 2


def test_report_html_no_reports():
    root = dom(_render([], []))
    assert "No stories." in root.text
    assert root.one("ul", "totals").all("li")[0].text == "0stories"


def test_report_html_print_stylesheet_shows_details_inline():
    page = _render([_flagged()], [TEXT])
    style = dom(page).one("style").text
    screen, printed = style.split("@media print", 1)
    assert re.search(r"\.why \{[^}]*visibility: hidden", screen)
    assert re.search(r"mark\.claim:focus \+ \.why[^{]*\{[^}]*visibility: visible", screen)
    assert re.search(r"\.why \{[^}]*visibility: visible[^}]*position: static", printed)
    assert 'attr(href)' in printed


# the story readers

def test_report_document_headlines():
    assert read("---\ntitle: 'A: b'\n---\nBody\n", "markdown").headline == "A: b"
    assert read("+++\ntitle = \"Toml\"\n+++\nBody\n", "markdown").headline == "Toml"
    assert read("\n\n## *First* line\nmore\n", "markdown").headline == "First line"
    assert read("<title> T &amp; t </title><p>x</p>", "html").headline == "T & t"
    assert read("<h1>Big</h1><p>x</p>", "html").headline == "Big"
    items = read("<ul><li><p>One 1</p></li><li>\n<div>Two 2</div></li></ul><p>After</p>", "html").blocks
    assert [b.tag for b in items] == ["ul", "p"]
    assert ["".join(t.shown for t in texts(li)).strip() for li in items[0].children] == ["One 1", "Two 2"]
    assert read("\n  First line  \nsecond\n\nthird", "text").headline == "First line"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 5,\n*_[]()<>!`#->&;\\:/h1.")), max_size=120),
       st.sampled_from(["markdown", "html", "text"]))
def test_report_document_shows_only_text_from_the_story(text, format):
    """Whatever the input, the readers end, and each shown character comes from where it says."""
    document = read(text, format)
    for leaf in texts(document.blocks):
        assert 0 <= leaf.start <= leaf.end <= len(text)
        if len(leaf.shown) == leaf.end - leaf.start:
            assert leaf.shown == text[leaf.start:leaf.end]
