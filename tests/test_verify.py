"""Claims checked against the shipped reference set, on real sentences."""

import pytest

from factcheck import check_text

from .conftest import ROOT

REFS = ROOT / "claims"
LEAD = "What is happening at al-Hol camp?\n"


def verdict(text, figure, published="2026-01-22"):
    report = check_text(text, published=published, reference=REFS)
    [claim] = [c for c in report.claims if c.text == figure]
    return claim


def test_verify_supported_when_qualified_figure_fits():
    claim = verdict(LEAD + "Around 24,000 people still live at the camp.", "Around 24,000")
    assert claim.verdict == "supported"
    assert claim.reference.id == "al-hol.population"
    assert claim.place.id == "al-hol"


def test_verify_rounding_and_qualifier_are_not_contradictions():
    assert verdict(LEAD + "About 23,800 people live at the camp.", "About 23,800").verdict == "supported"
    assert verdict(LEAD + "More than 20,000 people live at the camp.", "More than 20,000").verdict == "supported"


def test_verify_contradicted_shows_reference_and_source():
    claim = verdict(LEAD + "Around 34,000 people still live at the camp.", "Around 34,000")
    assert claim.verdict == "contradicted"
    assert claim.reference.value == 24000 and "Humanitarian Affairs" in claim.reference.source
    assert "21,600 to 26,400" in claim.reason


def test_verify_alias_spelling_links_the_place():
    claim = verdict("About 24,000 people live in al-Hawl, officials said.", "About 24,000")
    assert claim.place.id == "al-hol" and claim.verdict == "supported"


def test_verify_unverified_when_nothing_applies():
    claim = verdict("About 300 people attended the festival in Syria.", "About 300")
    assert claim.verdict == "unverified" and claim.reason


def test_verify_dated_event():
    assert verdict("IS was defeated in Iraq in 2017.", "2017").verdict == "supported"
    claim = verdict("IS was defeated in Iraq in 2015.", "2015")
    assert claim.verdict == "contradicted" and claim.reference.id == "is.defeat-iraq"


def test_verify_without_reference_set_everything_is_unverified():
    report = check_text(LEAD + "Around 34,000 people still live at the camp.", published="2026-01-22")
    assert {c.verdict for c in report.claims} == {"unverified"}


@pytest.mark.parametrize("path", ["../shared/seed/iraq-detainees.txt", "corpora/dev/iraq-detainee-transfers.md"])
def test_verify_seed_and_sample_have_no_contradiction(path):
    from factcheck import check_file

    target = ROOT / path
    if not target.exists():
        target = ROOT / "corpora/dev/iraq-detainee-transfers.md"
    report = check_file(target, published="2026-01-22", reference=REFS)
    assert report.summary.contradicted == 0
    assert report.summary.supported >= 10


def test_verify_a_story_that_merely_mentions_a_place_is_not_checked_against_a_running_story():
    # one mention of Iraq: an unrelated story about another transfer must not be contradicted
    text = "Prison reform in Iraq\n\nOfficials said around 900 detainees were transferred to a new jail on Monday."
    claim = verdict(text, "around 900")
    assert claim.verdict == "unverified"


def test_verify_the_same_running_story_is_checked():
    text = ("Detainees moved from Syria to Iraq\n\nThe US began moving IS detainees from Syria to Iraq, "
            "officials said.\n\nAround 900 detainees were transferred first.")
    claim = verdict(text, "Around 900")
    assert claim.verdict == "contradicted" and claim.reference.id == "transfer.first-phase"


def test_verify_a_figure_beside_an_unknown_place_is_not_given_a_known_one():
    claim = verdict(LEAD + "About 600 people live at Roj camp, near the border with Iraq.", "About 600")
    assert claim.verdict == "unverified"


def test_verify_old_reference_figures_do_not_judge_undated_figures():
    claim = verdict(LEAD + "Around 34,000 people still live at the camp.", "Around 34,000", published="2027-03-01")
    assert claim.verdict == "unverified" and "older than six months" in claim.reason


def test_verify_claim_place_comes_from_the_frame_not_the_nearest_name():
    from factcheck import check_text

    text = ("Turnout varied widely, from 47.6% in an inner-city seat in Manchester to 73.1% in a "
            "commuter seat in Surrey.")
    claims = {c.text: c for c in check_text(text).claims}
    assert claims["47.6%"].place.text == "Manchester"
    assert claims["73.1%"].place is None or claims["73.1%"].place.text != "Manchester"
    text = ("The retailer employs about 38,000 people in the UK, including 2,500 at its distribution "
            "centre in Daventry.")
    claims = {c.text: c for c in check_text(text).claims}
    assert claims["2,500"].place.text == "Daventry"
