"""Word stories (.docx): the text of the document body, one paragraph a line.

Reading them needs the optional extra (`pip install 'newsroom-factcheck[docx]'`, python-docx).
Each paragraph of the body, in document order (a table's cells row by row, each cell's paragraphs
in turn; empty paragraphs kept), becomes one line of the story's text, so a position's line is
the paragraph's number and its column the character in that paragraph: "paragraph:character".
The text is what the document reads with tracked changes accepted (insertions kept, deletions
left out); headers, footers, footnotes, comments and text boxes are not read. The story is
plain text to the rest of factcheck, so the `.txt` suppression lines work in it.
"""

from __future__ import annotations

import io
import zipfile

from .errors import SourceError

EXTRA = "pip install 'newsroom-factcheck[docx]'"
MAX_XML_BYTES = 50_000_000  # the document part, uncompressed: a bound on what a small zip may expand to
_RUNS = ("./w:r | ./w:hyperlink/w:r | ./w:ins/w:r | ./w:ins/w:hyperlink/w:r | ./w:smartTag/w:r | "
         "./w:sdt/w:sdtContent/w:r | ./w:fldSimple/w:r | ./w:moveTo/w:r")


def is_docx(path: str | None) -> bool:
    return bool(path) and str(path).lower().endswith(".docx")


def docx_text(data: bytes, where: str) -> str:
    """The body's paragraphs, one a line, from the bytes of a .docx file."""
    try:
        import docx
    except ImportError:
        raise SourceError(f"{where}: reading Word (.docx) stories needs the docx extra: {EXTRA}") from None
    _refuse_bombs(data, where)
    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_paragraphs(document))
    except SourceError:
        raise
    except Exception as exc:  # python-docx raises a handful of kinds for a damaged package
        raise SourceError(f"{where}: cannot be read as a Word document ({type(exc).__name__}: {exc}); "
                          f"expected a .docx file saved by Word, LibreOffice or Google Docs") from None
    text = "\n".join(lines)
    if not text.strip():
        raise SourceError(f"{where}: the Word document has no text in its body; expected the text of a story")
    return text


def _refuse_bombs(data: bytes, where: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            size = sum(info.file_size for info in package.infolist() if info.filename.startswith("word/"))
    except zipfile.BadZipFile:
        raise SourceError(f"{where}: is not a Word document (not a zip package); expected a .docx file "
                          f"(an old .doc file must be saved as .docx first)") from None
    if size > MAX_XML_BYTES:
        raise SourceError(f"{where}: the Word document unpacks to {size:,} bytes, more than the "
                          f"{MAX_XML_BYTES:,} a story may have")


def _paragraphs(container):
    """Each paragraph's text, in document order, through tables (a merged cell once)."""
    from docx.table import Table

    for item in container.iter_inner_content():
        if isinstance(item, Table):
            seen = set()  # the cells' elements, held so that lxml keeps one proxy per element
            for row in item.rows:
                for cell in row.cells:
                    if cell._tc not in seen:
                        seen.add(cell._tc)
                        yield from _paragraphs(cell)
        else:
            yield _paragraph_text(item._p)


def _paragraph_text(p) -> str:
    """A paragraph's visible text with tracked insertions accepted and deletions left out; a line
    break inside the paragraph is a space, so that one paragraph stays one line."""
    text = "".join(run.text for run in p.xpath(_RUNS))
    return text.replace("\r", " ").replace("\n", " ")
