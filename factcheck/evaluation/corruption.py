"""Verification scored by corruption: copies of the gold stories with one figure changed beyond
its tolerance, one place swapped, one dated event shifted; how many are caught, and what else
is flagged."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..extract import DEFAULT_MODEL
from ..source import parse_date, read_story
from .extraction import gold_files, load_gold



@dataclass
class CorruptionScore:
    attempted: dict[str, int] = field(default_factory=dict)
    detected: dict[str, int] = field(default_factory=dict)
    stories: int = 0
    clean_contradictions: int = 0
    false_alarms: int = 0  # untouched claims newly contradicted in corrupted copies
    copies: int = 0
    errors: list[str] = field(default_factory=list)

    def rate(self, kind: str | None = None) -> float:
        kinds = [kind] if kind else list(self.attempted)
        attempted = sum(self.attempted.get(k, 0) for k in kinds)
        return sum(self.detected.get(k, 0) for k in kinds) / attempted if attempted else 1.0

    def as_dict(self) -> dict:
        return {"stories": self.stories, "copies": self.copies,
                "detection_rate": round(self.rate(), 4),
                "detection_by_corruption": {k: round(self.rate(k), 4) for k in sorted(self.attempted)},
                "contradictions_on_clean_stories": self.clean_contradictions,
                "false_alarms_on_untouched_claims": self.false_alarms}


_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?![\d,])|\d+(?:\.\d+)?")


def _rewrite_number(text: str, factor: float) -> str | None:
    """ "around 4,500" * 1.6 -> "around 7,200": every number (both ends of a range), in the same
    style."""

    def scaled(match: re.Match) -> str:
        raw = match.group()
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        value = float(raw.replace(",", "").replace(" ", "")) * factor
        if " " in raw:  # "816 000": grouped by spaces, kept so
            return f"{value:,.0f}".replace(",", " ")
        return f"{value:,.{decimals}f}" if "," in raw else f"{value:.{decimals}f}"

    new = _NUMBER.sub(scaled, text)
    return None if new == text else new


def evaluate_corruption(root: Path, *, model: str = DEFAULT_MODEL, show_errors: bool = False) -> CorruptionScore:
    """For every story with supported claims: copies with one figure changed beyond its tolerance,
    one place swapped for another with a conflicting fact, one dated event shifted by years."""
    from ..api import check_story, find_reference
    from ..reference import load_reference
    from ..source import story_from_text

    score = CorruptionScore()
    loaded: dict[Path, object] = {}
    for gold_path in gold_files(root):
        story_path, gold = load_gold(gold_path)
        folder = find_reference(story_path)
        if folder is None:
            continue
        reference = loaded.setdefault(folder, load_reference(folder))
        published = parse_date(gold["published"], str(gold_path)) if gold.get("published") else None
        story = read_story(story_path, published=published)
        clean = check_story(story, model=model, reference=reference)
        supported = [c for c in clean.claims if c.verdict == "supported"]
        if not supported:
            continue
        score.stories += 1
        score.clean_contradictions += clean.summary.contradicted
        for claim in supported:
            for kind, new_text, target in _corruptions(claim, story.text, reference):
                copy = story_from_text(new_text, story.path, published=story.published, format=story.format)
                report = check_story(copy, model=model, reference=reference)
                score.copies += 1
                score.attempted[kind] = score.attempted.get(kind, 0) + 1
                hit = [c for c in report.claims if c.start == target and c.verdict == "contradicted"]
                if hit:
                    score.detected[kind] = score.detected.get(kind, 0) + 1
                elif show_errors:
                    score.errors.append(f"{story_path.name}: {kind} of {claim.text!r} not detected")
                shift = len(new_text) - len(story.text)
                before = {(c.start if c.start < target else c.start - shift) for c in clean.claims if c.verdict == "contradicted"}
                for c in report.claims:
                    if c.verdict == "contradicted" and c.start != target and c.start > target + 40 and (c.start - shift) not in before:
                        score.false_alarms += 1
                    elif c.verdict == "contradicted" and c.start < target and c.start not in before:
                        score.false_alarms += 1
    return score


def _corruptions(claim, text: str, reference):
    """(kind, corrupted text, start of the corrupted claim) for one supported claim."""
    fact = reference.facts.get(claim.reference.id) if claim.reference else None
    if fact is None:
        return
    if claim.kind == "date":
        year = re.search(r"(19|20)\d\d", claim.text)
        if year:
            new = claim.text[: year.start()] + str(int(year.group()) + 3) + claim.text[year.end() :]
            yield "date shifted", text[: claim.start] + new + text[claim.end :], claim.start
        return
    factor = {"more_than": 0.4, "at_least": 0.4, "up_to": 2.0, "at_most": 2.0, "less_than": 2.0}.get(fact.qualifier, 1.6)
    if claim.qualifier == "range" and claim.value:
        factor = 1.6 * claim.value_end / claim.value  # move the whole range past its old end
    new = _rewrite_number(claim.text, factor)
    if new:
        yield "figure changed", text[: claim.start] + new + text[claim.end :], claim.start
    if claim.place and claim.place.id and fact.place:
        swap = _conflicting_place(claim, fact, reference, text)
        lo, hi = claim.sentence_start or 0, claim.sentence_end or len(text)
        mention = text.find(claim.place.text, lo, hi)
        if swap and mention >= 0:
            name = reference.places[swap].name
            new_text = text[:mention] + name + text[mention + len(claim.place.text) :]
            target = claim.start + (len(name) - len(claim.place.text) if mention < claim.start else 0)
            yield "place swapped", new_text, target


def _conflicting_place(claim, fact, reference, text):
    """Another place with a fact about the same thing (same counted noun, its context words in
    the sentence) that the claim's figure contradicts."""
    sentence = text[claim.sentence_start or 0 : claim.sentence_end or len(text)].lower()
    same_kind = [f for f in reference.facts.values() if f.kind == fact.kind and f.unit == fact.unit]
    candidates = reference.candidates(fact.kind, fact.counts) if fact.counts else same_kind
    for other in candidates:
        if other.context and not any(re.search(rf"\b{re.escape(w.lower())}", sentence) for w in other.context):
            continue
        if (other.place and other.place not in (fact.place, claim.place.id) and other.id != fact.id
                and reference.places[other.place].name != claim.place.text):
            low, high = other.interval
            high = float("inf") if high is None else high
            if (claim.low is not None and high < claim.low) or (claim.high is not None and claim.high < low):
                return other.place
    return None


def render_corruption(score: CorruptionScore) -> str:
    lines = ["", "verification by corruption (one change per copy, against the reference set)",
             f"{'corruption':<18}{'copies':>8}{'detected':>10}{'rate':>8}"]
    for kind in sorted(score.attempted):
        lines.append(f"{kind:<18}{score.attempted[kind]:>8}{score.detected.get(kind, 0):>10}{score.rate(kind):>8.3f}")
    lines.append(f"{'all':<18}{sum(score.attempted.values()):>8}{sum(score.detected.values()):>10}{score.rate():>8.3f}")
    lines.append(f"stories with checked claims: {score.stories}; contradictions on the clean stories: "
                 f"{score.clean_contradictions}; false alarms on untouched claims: {score.false_alarms} "
                 f"in {score.copies} copies")
    return "\n".join(lines)
