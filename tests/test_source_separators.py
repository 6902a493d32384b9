"""Digit groups split by a thin space (U+2009), a narrow no-break space (U+202F) or a no-break
space (U+00A0) read as one figure, in plain text and through HTML entities (issue 14's
"12&#8201;000"); the claim's offsets still point at the original text."""

import pytest

from factcheck import check_text

SEPARATORS = {"thin space": "\u2009", "narrow no-break space": "\u202f", "no-break space": "\u00a0"}
ENTITIES = ["&#8201;", "&thinsp;", "&#x2009;", "&#8239;", "&#x202F;", "&nbsp;", "&#160;"]


@pytest.mark.parametrize("separator", SEPARATORS.values(), ids=SEPARATORS.keys())
def test_extract_digit_groups_split_by_a_space_character_are_one_figure(separator):
    text = f"About 12{separator}000 people were moved to the camp on Monday."
    counts = [c for c in check_text(text).claims if c.kind == "count"]
    assert [(c.text, c.value, c.unit) for c in counts] == [(f"About 12{separator}000", 12000, "people")]
    assert (counts[0].low, counts[0].high) == (10800, 13200)


@pytest.mark.parametrize("entity", ENTITIES)
def test_source_html_entity_between_digit_groups_is_one_figure(entity):
    text = f"<p>About 12{entity}000 people were moved, and 3{entity}500 stayed behind.</p>"
    report = check_text(text, format="html")
    counts = [c for c in report.claims if c.kind == "count"]
    assert [(c.value, c.unit) for c in counts] == [(12000, "people"), (3500, "people")]
    assert [text[c.start : c.end] for c in counts] == [c.text for c in counts]
    assert counts[0].text == f"About 12{entity}000" and counts[1].text == f"3{entity}500"


def test_extract_plain_spaces_between_numbers_stay_separate_figures():
    counts = [c for c in check_text("In 2019 there were 12 buses and 300 drivers.").claims if c.kind == "count"]
    assert [c.value for c in counts] == [12, 300]
