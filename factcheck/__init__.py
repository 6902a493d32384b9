"""factcheck: catch wrong numbers in news copy before it is published.

>>> from factcheck import check_text
>>> report = check_text("Around 150 detainees were moved on Wednesday.", published="2026-01-22")
>>> [(c.kind, c.text) for c in report.claims]
[('count', 'Around 150'), ('date', 'Wednesday')]

The names below are imported when first used (PEP 562), so that `import factcheck` and the
commands that need no model (`factcheck --version`, `-h`, `config`) do not import spaCy.
"""

from ._version import __version__
from .errors import CheckError, ConfigError, FactcheckError, GoldError, ModelError, ReferenceSetError, SourceError

__all__ = [
    "check_file", "check_stories", "check_story", "check_text", "CheckError", "Claim",
    "ConfigError", "DateClaim", "FactcheckError", "Finding", "GoldError", "interval",
    "load_reference", "ModelError", "read_story", "ReferenceSet", "ReferenceSetError", "Report",
    "REPORT_SCHEMA", "SourceError", "Story", "story_from_text",
]

_LAZY = {  # name -> the module that owns it
    "check_file": "api", "check_stories": "api", "check_story": "api", "check_text": "api",
    "Claim": "models", "DateClaim": "models", "Finding": "models", "Report": "models", "REPORT_SCHEMA": "models",
    "interval": "normalize", "load_reference": "reference", "ReferenceSet": "reference",
    "read_story": "source", "Story": "source", "story_from_text": "source",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
