"""Property-based tests over the library (issue 9): whatever copy arrives, the check finishes
with a report that keeps its invariants, or with the project's own error for inadmissible text.

CI runs a bounded number of examples; for a long local run:
    HYPOTHESIS_PROFILE=thorough python -m pytest tests/test_properties.py
"""

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import Report, SourceError, check_text
from factcheck.extract import FAST_MODEL
from factcheck.report import RENDERERS

settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Pieces of news copy that exercise every reader: figures, qualifiers, scales, currencies,
# units, dates (absolute, relative, out of range), places, bullets, markup and odd characters.
FRAGMENTS = [
    "Around", "around", "nearly", "more than", "up to", "below", "less than", "minus", "over",
    "between", "and", "to", "from", "rose", "fell", "by", "of", "Of these,", "including", "or",
    "0", "1", "12", "150", "-2", "3.5", "24,000", "1,000,000", "9" * 40, "1" + ",000" * 30, "10C",
    "£3.2m", "$1.5bn", "€20 million", "10%", "10 per cent", "3 percentage points", "a dozen",
    "thousands", "tens of thousands", "two", "one in five", "half", "5km", "48 hours", "aged 45",
    "people", "detainees", "votes", "homes", "staff", "Wednesday", "January 2026", "Jan. 21",
    "March 12, 2026", "last year", "yesterday", "zero days ago", "4000 years ago", "next year",
    "the 1990s", "2024-25", "Q3 2025", "in Hasakah", "al-Hol camp", "Syria", "the UK", ".", ",",
    ";", ":", "\n", "\n\n", "\n- ", "\n* ", "1. ", "(", ")", "<", ">", "&amp;", "—", "–", "-",
    "\u00a0", "\u202f", "\t", "é", "٣", "🙂", "@user2", "https://x.org/a", "x@y.com", "3pm",
]

copy = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=40).map(" ".join)
noisy = st.one_of(copy, st.text(min_size=1, max_size=300), st.tuples(copy, st.text(max_size=40)).map("".join))
published = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))


def _check(text, published):
    try:
        return check_text(text, published=published, model=FAST_MODEL)
    except SourceError:
        # only inadmissible text may be refused: empty, a lone surrogate, over the size limit
        assert not text.strip() or any("\ud800" <= ch <= "\udfff" for ch in text)
        return None


@given(noisy, published)
def test_properties_check_keeps_its_invariants(text, published):
    report = _check(text, published)
    if report is None:
        return
    for claim in report.claims:
        assert text[claim.start : claim.end] == claim.text
        assert 0 <= claim.start <= claim.end <= len(text)
        if claim.kind != "date":
            if claim.low is not None:
                assert claim.low <= claim.value
            if claim.high is not None:
                assert claim.value <= claim.high if claim.value_end is None else claim.value_end <= claim.high
    for finding in report.findings:
        assert 0 <= finding.start <= finding.end <= len(text)
    assert report.summary.claims == len(report.claims)


@given(noisy, published)
def test_properties_report_round_trips_as_strict_json(text, published):
    report = _check(text, published)
    if report is None:
        return
    data = json.loads(json.dumps(report.to_json_dict(), allow_nan=False))
    assert Report.model_validate(data) == report


@settings(max_examples=40)
@given(copy, published)
def test_properties_every_renderer_renders(text, published):
    report = _check(text, published)
    if report is None:
        return
    for name, render in RENDERERS.items():
        output = render([report], [text])
        assert isinstance(output, str), name
        if name in ("json", "sarif"):
            json.loads(output)
