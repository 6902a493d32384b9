"""Verification scored on real copy: which folders are scored, and how a figure is corrupted
(beyond its fact's tolerance, written the way the story wrote it)."""

from types import SimpleNamespace

import pytest

from factcheck.evaluation.verification_real import corrupt_figure, real_sets
from factcheck.reference.models import Fact

from .conftest import ROOT


def fact(value, qualifier="exact", rounding=1, kind="count"):
    extra = {"counts": "cases"} if kind == "count" else {"unit": "AUD", "context": ("prize",)}
    return Fact(id="f", kind=kind, value=value, qualifier=qualifier, rounding=rounding, source="s",
                place="p", **extra)


def read(value, qualifier="exact", rounding=1):
    return SimpleNamespace(value=value, value_end=None, qualifier=qualifier, rounding=rounding)


@pytest.mark.parametrize("shown, given, claim, expected", [
    ("around 4,500", fact(4500, "approx", 100), read(4500, "approx", 100), "around 7,200"),
    ("three", fact(3), read(3), "five"),
    ("Six", fact(6), read(6), "Ten"),
    ("more than a dozen", fact(12, "more_than"), read(12, "more_than"), "more than five"),
    ("816 000", fact(816000, rounding=1000), read(816000, rounding=1000), "1 305 600"),
    ("up to 7,000", fact(7000, "up_to", 1000), read(7000, "up_to", 1000), "up to 11,200"),
    ("AUD$1 million", fact(1_000_000, rounding=1_000_000, kind="money"), read(1_000_000, rounding=1_000_000),
     "AUD$4 million"),
])
def test_evaluation_corrupts_a_figure_beyond_tolerance_as_written(shown, given, claim, expected):
    assert corrupt_figure(shown, given, claim) == expected


def test_evaluation_does_not_corrupt_a_fraction_or_a_vague_magnitude():
    assert corrupt_figure("approximately one third", fact(33.3, "approx", 0.1), read(33.3, "approx")) is None
    assert corrupt_figure("thousands", fact(2000, "at_least"), read(2000, "at_least")) is None


def test_evaluation_finds_both_real_splits_with_their_facts():
    found = {split: len(golds) for split, _, folder, golds in real_sets(ROOT / "corpora" / "real" / "wikinews")}
    assert set(found) == {"dev", "heldout"} and found["dev"] == 72 and found["heldout"] == 35
