"""Word stories (.docx, issue 14): the body's paragraphs read one a line, so positions are
paragraph:character; check, hook and batch read them; a clear message without the extra. Every
document is built here with python-docx (the `docx` extra, also in `test`)."""

import json
import sys

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from factcheck import SourceError, read_story

from .clirunner import invoke

WRONG_WEEKDAY = "The vote is on Wednesday, March 12, 2026, the council said."


def _story(path, *, tracked=False):
    """Headline, an empty paragraph, a lede, a table, and the wrong weekday in paragraph 8."""
    document = docx.Document()
    document.add_heading("Council sets the date of its vote", level=1)  # paragraph 1
    document.add_paragraph("")  # 2
    lede = document.add_paragraph("Around 150 residents came to the meeting.")  # 3
    lede.add_run("")
    table = document.add_table(rows=2, cols=2)  # paragraphs 4 to 7
    for (row, col), text in {(0, 0): "Ward", (0, 1): "Votes", (1, 0): "North", (1, 1): "312"}.items():
        table.cell(row, col).text = text
    document.add_paragraph(WRONG_WEEKDAY)  # 8
    if tracked:
        paragraph = document.add_paragraph("The hall holds ")  # 9
        _tracked(paragraph, "w:ins", "400")
        _tracked(paragraph, "w:del", "300")
        paragraph.add_run(" people.")
    document.save(path)
    return path


def _tracked(paragraph, tag, text):
    """A tracked insertion or deletion of `text` at the end of `paragraph`."""
    change = OxmlElement(tag)
    change.set(qn("w:id"), "1")
    change.set(qn("w:author"), "Desk")
    run = OxmlElement("w:r")
    piece = OxmlElement("w:delText" if tag == "w:del" else "w:t")
    piece.text = text
    run.append(piece)
    change.append(run)
    paragraph._p.append(change)


def test_source_docx_reads_one_paragraph_a_line(tmp_path):
    story = read_story(_story(tmp_path / "vote.docx", tracked=True))
    lines = story.text.split("\n")
    assert lines[0] == "Council sets the date of its vote" and lines[1] == ""
    assert lines[2] == "Around 150 residents came to the meeting."
    assert lines[3:7] == ["Ward", "Votes", "North", "312"]
    assert lines[7] == WRONG_WEEKDAY
    assert lines[8] == "The hall holds 400 people."  # the insertion accepted, the deletion left out
    assert story.format == "text" and story.plain == story.text


def test_cli_check_docx_positions_are_paragraph_and_character(tmp_path):
    path = _story(tmp_path / "vote.docx")
    result = invoke("check", path, "--format", "line", cwd=tmp_path)
    column = WRONG_WEEKDAY.index("Wednesday") + 1
    assert result.code == 1, result.stderr
    assert f"vote.docx:8:{column}: weekday-mismatch:" in result.stdout
    report = json.loads(invoke("check", path, "--format", "json", cwd=tmp_path).stdout)
    count = next(c for c in report["claims"] if c["text"] == "Around 150")
    assert (count["line"], count["column"], count["value"]) == (3, 1, 150)
    assert report["source"]["path"].endswith("vote.docx")


def test_cli_hook_and_batch_read_docx(tmp_path):
    stories = tmp_path / "stories"
    stories.mkdir()
    _story(stories / "vote.docx")
    (stories / "~$vote.docx").write_bytes(b"\x00Word's lock file")
    hook = invoke("hook", "stories/vote.docx", "stories/~$vote.docx", cwd=tmp_path)
    assert hook.code == 1 and "stories/vote.docx:8:" in hook.stdout and "weekday-mismatch" in hook.stdout
    batch = invoke("batch", "stories", "--out", "out", "--no-cache", "-j", "1", "-q", cwd=tmp_path)
    assert batch.code == 1, batch.stderr
    lines = (tmp_path / "out" / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1  # the lock file is not a story
    report = json.loads(lines[0])
    assert report["source"]["path"].endswith("vote.docx")
    assert [f["rule"] for f in report["findings"]] == ["weekday-mismatch"]


def test_cli_docx_without_the_extra_says_how_to_install_it(tmp_path, monkeypatch):
    path = _story(tmp_path / "vote.docx")
    (tmp_path / "plain.txt").write_text(WRONG_WEEKDAY, encoding="utf-8")
    monkeypatch.setitem(sys.modules, "docx", None)  # as if python-docx were not installed
    result = invoke("check", path, "plain.txt", "--format", "line", cwd=tmp_path)
    assert result.code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("factcheck: error:")]
    assert errors == [f"factcheck: error: {path}: reading Word (.docx) stories needs the docx extra: "
                      "pip install 'newsroom-factcheck[docx]'"]
    assert "plain.txt:1:" in result.stdout  # the other story is still checked


def test_source_docx_damaged_file_is_one_clear_error(tmp_path):
    fake = tmp_path / "notes.docx"
    fake.write_text("not a Word document at all", encoding="utf-8")
    try:
        read_story(fake)
    except SourceError as exc:
        assert str(exc).startswith(f"{fake}: is not a Word document (not a zip package)")
    else:
        raise AssertionError("a text file named .docx was read as a Word document")
    empty = tmp_path / "empty.docx"
    docx.Document().save(empty)
    result = invoke("check", empty, cwd=tmp_path)
    assert result.code == 2 and "the Word document has no text in its body" in result.stderr


def test_cli_docx_piped_in_with_stdin_filename(tmp_path):
    path = _story(tmp_path / "vote.docx")
    result = invoke("check", "-", "--stdin-filename", "desk/vote.docx", "--format", "line",
                    stdin=path.read_bytes(), cwd=tmp_path)
    assert result.code == 1, result.stderr
    assert result.stdout.startswith("desk/vote.docx:8:16: weekday-mismatch:")
