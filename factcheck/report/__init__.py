"""Report renderers: one function per format, each `render(reports, texts) -> str`, where
`texts[i]` is the original text of `reports[i]`."""

from . import github as github_format
from . import html as html_format
from . import json as json_format
from . import line as line_format
from . import rdjsonl as rdjsonl_format
from . import sarif as sarif_format
from . import text as text_format

RENDERERS = {
    "text": text_format.render,
    "json": json_format.render,
    "jsonl": json_format.render_lines,
    "line": line_format.render,
    "sarif": sarif_format.render,
    "rdjsonl": rdjsonl_format.render,
    "github": github_format.render,
    "html": html_format.render,
}

__all__ = ["RENDERERS"]
