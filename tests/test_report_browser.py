"""The batch's HTML page in a real browser: headless Chromium (the Debian package `chromium`; .ci/run
installs it) loads the page `factcheck batch --out` wrote, with a probe script appended to a copy of
it, and the probe reports what the browser shows: the highlights and their colours, the flags beside
their figures, a figure's details closed at rest and open on keyboard focus (and so on click: every
figure is focusable), and every figure's details inline under the print stylesheet.

Not skipped anywhere: without Chromium the test fails and says how to install it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpora" / "dev" / "iraq-detainee-transfers.md"
PLANTED = ROOT / "corpora" / "consistency" / "planted-01-flood-shelters.txt"

PROBE = r"""
<script>
(function () {
  const out = {};
  const style = (el, name) => getComputedStyle(el).getPropertyValue(name);
  const box = (el) => { const r = el.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height}; };
  out.sections = [...document.querySelectorAll("section.story")].map(s => ({
    id: s.id, headline: s.querySelector(".story-head h2").innerText,
    path: s.querySelector(".story-head .path").innerText,
    headBox: box(s.querySelector(".story-head h2")), pathBox: box(s.querySelector(".story-head .path")),
    copy: [...s.querySelectorAll(".copy")].map(c => c.innerText).join("\n"),
  }));
  out.marks = [...document.querySelectorAll(".copy mark.claim[id]")].map(m => ({
    id: m.id, text: m.innerText, classes: [...m.classList], background: style(m, "background-color"),
    tabIndex: m.tabIndex, section: m.closest("section.story").id,
  }));
  out.flags = [...document.querySelectorAll("li.flag")].map(li => {
    const row = li.closest(".row");
    const figures = [...li.querySelectorAll(".figs a")].map(a => a.getAttribute("href").slice(1));
    return {
      id: li.id, classes: [...li.classList], text: li.innerText, figures: figures,
      section: li.closest("section.story").id, box: box(li),
      copyBox: row ? box(row.querySelector(".copy")) : null,
      besideFigure: row ? figures.filter(f => row.querySelector(".copy").contains(document.getElementById(f))) : [],
      badges: [...document.querySelectorAll('a.flag-ref[href="#' + li.id + '"]')].map(a => {
        let e = a.previousElementSibling;
        while (e && e.tagName !== "MARK") e = e.previousElementSibling;
        return e && e.id;
      }),
    };
  });
  out.pageText = document.body.innerText;
  // details: closed at rest, open while the figure (or something inside its details) has focus
  out.details = {};
  for (const id of DETAILS) {
    const mark = document.getElementById(id), why = document.getElementById(id + "-why");
    const d = {rest: style(why, "visibility")};
    mark.focus();
    d.focused = document.activeElement === mark;
    d.open = style(why, "visibility");
    d.openBox = box(why);
    d.markBox = box(mark);
    d.text = why.innerText;
    const link = why.querySelector('a[href^="http"]');
    d.source = link ? {href: link.href, text: link.innerText} : null;
    if (link) {
      link.focus();
      d.linkFocused = document.activeElement === link;
      d.openWhileLinkFocused = style(why, "visibility");
    }
    why.style.transition = "none";  // the page hides details a moment late; see the end state now
    document.activeElement.blur();
    d.afterBlur = style(why, "visibility");
    out.details[id] = d;
  }
  // print: the @media print rules applied to the screen, as the printer would get them
  const rules = [];
  for (const sheet of document.styleSheets) for (const rule of sheet.cssRules)
    if (rule.media && [...rule.media].includes("print")) for (const inner of rule.cssRules) rules.push(inner.cssText);
  const printing = document.createElement("style");
  printing.textContent = rules.join("\n");
  document.head.appendChild(printing);
  out.print = [...document.querySelectorAll(".copy mark.claim[id]")].map(m => {
    const why = document.getElementById(m.id + "-why");
    return {id: m.id, display: style(why, "display"), visibility: style(why, "visibility"),
            position: style(why, "position"), height: box(why).height, text: why.innerText};
  });
  const pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


def _chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    pytest.fail("headless Chromium was not found on PATH (looked for 'chromium' and 'chromium-browser'); "
                "this test renders the report page in a real browser: install the Debian package with "
                "`apt-get install -y chromium` (.ci/run does this when it is missing)")


class _Probe(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inside, self.text = False, ""

    def handle_starttag(self, tag, attrs):
        self.inside = self.inside or (tag == "pre" and ("id", "probe") in attrs)

    def handle_endtag(self, tag):
        if tag == "pre":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.text += data


def _in_browser(page: Path, details: list[str], tmp: Path) -> dict:
    probed = tmp / "probed.html"
    html = page.read_text(encoding="utf-8")
    assert html.count("</body>") == 1
    probe = PROBE.replace("DETAILS", json.dumps(details))
    probed.write_text(html.replace("</body>", probe + "</body>"), encoding="utf-8")
    command = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
               f"--user-data-dir={tmp / 'profile'}", "--window-size=1400,2000", "--dump-dom",
               probed.as_uri()]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180,
                            env={**os.environ, "HOME": str(tmp)})
    assert result.returncode == 0, f"chromium exited {result.returncode}: {result.stderr[-2000:]}"
    parser = _Probe()
    parser.feed(result.stdout)
    assert parser.text, f"the probe wrote nothing; chromium said: {result.stderr[-2000:]}"
    return json.loads(parser.text)


@pytest.fixture(scope="module")
def batch_page(tmp_path_factory):
    """A batch over three stories: the bundled sample, a copy with one figure the reference set
    contradicts, and a story with a breakdown that does not add up."""
    stories = tmp_path_factory.mktemp("stories")
    (stories / "a-sample.md").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    wrong = SAMPLE.read_text(encoding="utf-8").replace("around 150 detainees", "around 250 detainees")
    assert wrong != SAMPLE.read_text(encoding="utf-8")
    (stories / "b-wrong.md").write_text(wrong, encoding="utf-8")
    (stories / "c-shelters.txt").write_text(PLANTED.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    result = subprocess.run(
        [sys.executable, "-m", "factcheck", "batch", stories.name, "--out", str(out), "--refs",
         str(ROOT / "claims"), "--jobs", "1", "--no-cache", "--quiet"],
        capture_output=True, text=True, cwd=stories.parent, timeout=600,  # paths as a desk gives them
    )
    assert result.returncode == 1, result.stderr  # flags at error level
    reports = {Path(r["source"]["path"]).name: r
               for r in map(json.loads, (out / "reports.jsonl").read_text(encoding="utf-8").splitlines())}
    return out / "report.html", reports


def test_report_browser_shows_highlights_flags_details_and_print(batch_page, tmp_path):
    page, reports = batch_page
    wrong = reports["b-wrong.md"]
    contradicted = [c for c in wrong["claims"] if c["verdict"] == "contradicted"]
    assert [c["text"] for c in contradicted] == ["around 250"]
    shelters = reports["c-shelters.txt"]
    assert [f["rule"] for f in shelters["findings"]] == ["sum-mismatch"]

    # the page numbers stories in the order they were given (a, b, c) and sorts them for showing
    anchor_of = {"a-sample.md": "s1", "b-wrong.md": "s2", "c-shelters.txt": "s3"}
    first_contradicted = next(n for n, c in enumerate(wrong["claims"], 1) if c["verdict"] == "contradicted")
    supported = next(n for n, c in enumerate(wrong["claims"], 1) if c["verdict"] == "supported")
    details = [f"s2-c{first_contradicted}", f"s2-c{supported}"]
    probe = _in_browser(page, details, tmp_path)

    # stories with problems first, each under its headline with its path beside it
    sections = probe["sections"]
    assert [s["id"] for s in sections] == ["s2", "s3", "s1"]
    headline = "US starts shifting Islamic State prisoners from Syria to Iraq"  # front matter title
    assert [s["headline"] for s in sections] == [
        headline, "Thousands still in shelters a week after Tarsa river floods", headline]
    for section in sections:
        assert section["path"].endswith(("b-wrong.md", "c-shelters.txt", "a-sample.md"))
        assert section["pathBox"]["left"] >= section["headBox"]["right"] - 1  # beside, not below
        assert section["pathBox"]["top"] < section["headBox"]["bottom"]
    # the copy as readers see it: no front matter, no Markdown syntax
    sample_copy = sections[2]["copy"]
    assert "title:" not in sample_copy and "date: 2026" not in sample_copy
    assert "## " not in sample_copy and "- Around 24,000" not in sample_copy
    assert "How many prisoners are involved?" in sample_copy

    # every figure highlighted with its verdict's colour, focusable
    marks = probe["marks"]
    for name, report in reports.items():
        shown = {m["id"]: m for m in marks if m["section"] == anchor_of[name]}
        assert len(shown) == len(report["claims"]), name
        for number, claim in enumerate(report["claims"], 1):
            mark = shown[f"{anchor_of[name]}-c{number}"]
            assert mark["text"] == claim["text"]
            assert f"verdict-{claim['verdict']}" in mark["classes"]
            assert mark["tabIndex"] == 0
    colours = {v: {m["background"] for m in marks if f"verdict-{v}" in m["classes"]}
               for v in ("supported", "contradicted", "unverified")}
    assert all(len(c) == 1 for c in colours.values()), colours
    assert len({c.pop() for c in colours.values()} - {"rgba(0, 0, 0, 0)"}) == 3

    # the flags: one note per flag, beside the paragraph of its first figure, right of the copy,
    # with its arithmetic once, linking to every figure it involves, each figure carrying its number
    flags = probe["flags"]
    kinds = [(f["section"], f["classes"][1]) for f in flags]
    # the wrong copy's changed figure is contradicted (and the rules may flag it too: "around 250"
    # detainees against "all 150 men"); the shelters story has its one sum mismatch
    assert ("s2", "contradicted") in kinds and kinds.count(("s3", "finding")) == 1
    assert all(section in ("s2", "s3") for section, _ in kinds)
    finding = shelters["findings"][0]
    note = next(f for f in flags if f["section"] == "s3")
    contradiction = next(f for f in flags if f["classes"][1] == "contradicted")
    ids = {c["id"]: f"s3-c{n}" for n, c in enumerate(shelters["claims"], 1)}
    assert note["figures"] == [ids[c] for c in finding["claims"]]
    assert note["besideFigure"]  # the note sits in the row of (at least) its first figure
    assert sorted(note["badges"]) == sorted(note["figures"])
    assert finding["message"] in note["text"] and "sum-mismatch" in note["text"]
    assert probe["pageText"].count(finding["message"]) == 1
    for flag in flags:
        assert flag["box"]["left"] > flag["copyBox"]["right"]
        assert flag["box"]["top"] < flag["copyBox"]["bottom"]
    assert contradiction["figures"] == [details[0]] and contradiction["besideFigure"] == [details[0]]
    assert "sev-error" in contradiction["classes"]

    # details: closed at rest, open on focus (a click focuses too), with the reason, the reference
    # figure, its source as a real link, and the frame; closed again when focus leaves
    reference = contradicted[0]["reference"]
    for anchor in details:
        d = probe["details"][anchor]
        assert (d["rest"], d["focused"], d["open"], d["afterBlur"]) == ("hidden", True, "visible", "hidden")
        assert d["openBox"]["height"] > 20 and d["openBox"]["top"] >= d["markBox"]["bottom"] - 1
        assert d["linkFocused"] and d["openWhileLinkFocused"] == "visible"  # the source link can be used
    open_text = probe["details"][details[0]]["text"]
    claim = contradicted[0]
    for part in (claim["reason"], "CONTRADICTED", reference["id"], "measure", claim["frame"]["measure"],
                 "role", claim["frame"]["role"], "period", claim["frame"]["period"]):
        assert part in open_text, part
    assert probe["details"][details[0]]["source"] == {"href": reference["url"], "text": reference["source"]}

    # print: every figure's details inline, in the flow of the text
    assert len(probe["print"]) == len(marks)
    for item in probe["print"]:
        assert (item["display"], item["visibility"], item["position"]) == ("inline", "visible", "static"), item
        assert item["height"] > 0 and item["text"].strip(), item
