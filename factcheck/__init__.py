"""factcheck: catch wrong numbers in news copy before it is published.

>>> from factcheck import check_text
>>> report = check_text("Around 150 detainees were moved on Wednesday.", published="2026-01-22")
>>> [(c.kind, c.text) for c in report.claims]
[('count', 'Around 150'), ('date', 'Wednesday')]
"""

from .api import check_file, check_stories, check_story, check_text
from .errors import CheckError, ConfigError, FactcheckError, GoldError, ModelError, ReferenceSetError, SourceError
from .models import REPORT_SCHEMA, Claim, DateClaim, Finding, Report
from .normalize import interval
from .reference import ReferenceSet, load_reference
from .source import Story, read_story, story_from_text

__all__ = [
    "check_file", "check_stories", "check_story", "check_text", "CheckError", "Claim",
    "ConfigError", "DateClaim", "FactcheckError", "Finding", "GoldError", "interval",
    "load_reference", "ModelError", "read_story", "ReferenceSet", "ReferenceSetError", "Report",
    "REPORT_SCHEMA", "SourceError", "Story", "story_from_text",
]

from ._version import __version__  # noqa: E402
