"""The seed story against the project's claims/ (issue 12): every figure with a fact is supported,
and a planted change to each one is contradicted, with its source."""

import pytest

from factcheck import check_text
from factcheck.evaluation.verification_real import corrupt_figure
from factcheck.reference import load_reference

from .conftest import ROOT

SEED = ROOT.parent / "shared" / "seed" / "iraq-detainees.txt"
pytestmark = pytest.mark.skipif(not SEED.is_file(), reason="the seed story is kept outside the repository")


@pytest.fixture(scope="module")
def seed():
    reference = load_reference(ROOT / "claims")
    text = SEED.read_text(encoding="utf-8")
    return text, reference, check_text(text, published="2026-01-22", reference=reference)


def test_verify_seed_every_figure_with_a_fact_is_supported(seed):
    _, _, report = seed
    figures = [c for c in report.claims if c.kind != "date"]
    assert not [c.text for c in figures if c.verdict == "contradicted"]
    supported = [c for c in figures if c.verdict == "supported"]
    assert len(supported) >= 12
    unverified = [c.text for c in figures if c.verdict == "unverified"]
    assert all(t.lower() == "thousands" for t in unverified), unverified


def test_verify_seed_every_planted_change_is_contradicted_with_its_source(seed):
    text, reference, report = seed
    missed = []
    for claim in (c for c in report.claims if c.kind != "date" and c.verdict == "supported"):
        fact = reference.facts[claim.reference.id]
        new = corrupt_figure(claim.text, fact, claim)
        if new is None:  # "thousands" has no figure of its own to change
            assert claim.text.lower() == "thousands", claim.text
            continue
        changed = check_text(text[:claim.start] + new + text[claim.end:], published="2026-01-22",
                             reference=reference)
        [hit] = [c for c in changed.claims if c.start == claim.start]
        if hit.verdict != "contradicted" or not hit.reference.source:
            missed.append(f"{claim.text!r} -> {new!r}: {hit.verdict}, {hit.reason}")
    assert not missed, missed
