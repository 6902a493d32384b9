"""The consistency rules scored on real copy from the relation gold (`NAME.relations.json`): every
clean story checked as it is (each `error` finding on it is a false alarm), and copies with one
figure of a true relation changed beyond what the relation allows (see `planting`). A planted case
is caught when a finding the clean story did not have names the changed figure's claim."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import GoldError
from ..extract import DEFAULT_MODEL
from ..source import parse_date, read_story
from .extraction import corpus_files, read_json
from .planting import Plant, plant_relations

SEVERITIES = ("error", "warning")


@dataclass
class SplitScore:
    """One folder's figures: planted cases per relation type and role, and the clean controls."""

    stories: int = 0
    relations: Counter = field(default_factory=Counter)  # per type
    planted: Counter = field(default_factory=Counter)  # per type, and per "type:role"
    caught: Counter = field(default_factory=Counter)  # by an error or a warning
    caught_error: Counter = field(default_factory=Counter)  # by an error
    flagged_before: int = 0  # planted cases whose figure was already flagged on the clean copy, and nothing new
    unplantable: Counter = field(default_factory=Counter)  # relations that gave no case, per type
    clean_errors: int = 0
    clean_warnings: int = 0
    clean_errors_on_problems: int = 0  # errors naming a figure the gold lists as a real problem
    stories_with_errors: int = 0
    other_findings: int = 0  # new findings on planted copies that do not name the changed figure

    def recall(self, key: str | None = None, *, severity: str = "warning") -> float:
        """Share of planted cases caught; `severity="error"` counts only error findings. `key` is a
        relation type, a "type:role", or None for all."""
        caught = self.caught_error if severity == "error" else self.caught
        keys = [key] if key else [k for k in self.planted if ":" not in k]
        planted = sum(self.planted[k] for k in keys)
        return sum(caught[k] for k in keys) / planted if planted else 1.0

    def as_dict(self) -> dict:
        types = sorted(k for k in self.planted if ":" not in k)
        roles = sorted(k for k in self.planted if ":" in k)
        return {
            "stories": self.stories,
            "relations": dict(sorted(self.relations.items())),
            "planted": sum(self.planted[k] for k in types),
            "recall": round(self.recall(), 4),
            "recall_errors_only": round(self.recall(severity="error"), 4),
            "by_type": {k: {"planted": self.planted[k], "caught": self.caught[k], "caught_by_error": self.caught_error[k],
                            "recall": round(self.recall(k), 4),
                            "recall_errors_only": round(self.recall(k, severity="error"), 4)} for k in types},
            "by_role": {k: {"planted": self.planted[k], "caught": self.caught[k],
                            "caught_by_error": self.caught_error[k]} for k in roles},
            "flagged_on_clean_copy_only": self.flagged_before,
            "relations_without_a_case": dict(sorted(self.unplantable.items())),
            "other_new_findings_on_planted_copies": self.other_findings,
            "errors_on_clean_stories": self.clean_errors,
            "errors_per_clean_story": round(self.clean_errors / self.stories, 4) if self.stories else 0.0,
            "clean_stories_with_errors": self.stories_with_errors,
            "errors_on_documented_problems": self.clean_errors_on_problems,
            "warnings_on_clean_stories": self.clean_warnings,
        }


@dataclass
class RelationScore:
    model: str
    splits: dict[str, SplitScore] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"model": self.model, "splits": {name: s.as_dict() for name, s in sorted(self.splits.items())}}


def relation_files(root: Path) -> list[Path]:
    return corpus_files(root, ".relations.json")


def load_relations(path: Path) -> tuple[Path, dict]:
    gold = read_json(path)
    if gold.get("schema") != "factcheck.relations/1" or not isinstance(gold.get("relations"), list):
        raise GoldError(f"{path}: expected a factcheck.relations/1 file with a 'relations' list")
    story = path.parent / gold.get("story", path.name.replace(".relations.json", ".txt"))
    if not story.exists():
        raise GoldError(f"{path}: the story it annotates, {story.name}, is not beside it")
    return story, gold


def evaluate_relations(root: Path, *, model: str = DEFAULT_MODEL, show_errors: bool = False) -> RelationScore:
    """Recall of the consistency rules on planted copies of every story with a relation file
    below `root`, and their findings on the clean stories, per folder (dev, heldout)."""
    from ..api import check_stories

    score = RelationScore(model=model)
    for path in relation_files(Path(root)):
        story_path, gold = load_relations(path)
        split = score.splits.setdefault(_split_name(Path(root), path), SplitScore())
        story = read_story(story_path, published=_published(story_path))
        plants, skipped = plant_relations(story.text, gold["relations"])
        copies = {p.apply(story.text) for p in plants}
        texts = [story.text, *sorted(copies)]
        reports = dict(zip(texts, check_stories((_copy(story, t) for t in texts), model=model)))
        clean = reports[story.text]
        split.stories += 1
        split.relations.update(r["type"] for r in gold["relations"])
        split.unplantable.update(kind for kind, _ in skipped)
        _score_clean(split, clean, gold, story_path.name, score.errors if show_errors else None)
        for plant in plants:
            _score_plant(split, plant, clean, reports[plant.apply(story.text)], story_path.name,
                         score.errors if show_errors else None)
    return score


def _split_name(root: Path, path: Path) -> str:
    folder = path.parent
    if root.is_file() or folder == root:
        return folder.name
    return folder.relative_to(root).as_posix()


def _published(story_path: Path):
    gold = story_path.with_name(story_path.stem + ".gold.json")
    if gold.exists():
        value = read_json(gold).get("published")
        return parse_date(value, str(gold)) if value else None
    return None


def _copy(story, text: str):
    from ..source import story_from_text

    return story if text == story.text else story_from_text(text, story.path, published=story.published,
                                                            format=story.format)


def _active(report):
    return [f for f in report.findings if not f.suppressed and f.severity in SEVERITIES]


def _score_clean(split: SplitScore, report, gold: dict, name: str, errors: list | None) -> None:
    problems = [(r["start"], r["start"] + len(r["text"])) for p in gold.get("problems", []) for r in p["figures"]]
    spans = {c.id: (c.start, c.end) for c in report.claims}
    found = _active(report)
    errs = [f for f in found if f.severity == "error"]
    split.clean_errors += len(errs)
    split.clean_warnings += len(found) - len(errs)
    split.stories_with_errors += bool(errs)
    for f in errs:
        if any(spans[c][0] < end and start < spans[c][1] for c in f.claims for start, end in problems):
            split.clean_errors_on_problems += 1
    if errors is not None:
        errors += [f"{name}:{f.line}: false {f.severity} {f.rule}: {f.message}" for f in found]


def _signature(finding, spans: dict, start: int, end: int, shift: int) -> tuple:
    """A finding as (rule, where its claims sit in the clean text), the changed figure as '*'."""

    def where(claim_id: str) -> str:
        s, e = spans[claim_id]
        if s < end and start < e:
            return "*"
        return str(s if s < start else s - shift)

    return finding.rule, tuple(sorted(where(c) for c in finding.claims))


def triage(plant: Plant, clean, planted) -> tuple[list, list, bool]:
    """The new findings on a planted copy (not on the clean copy) that name the changed figure's
    claim, the other new findings, and whether the clean copy already flagged that figure."""
    clean_spans = {c.id: (c.start, c.end) for c in clean.claims}
    before = {_signature(f, clean_spans, plant.start, plant.end, 0) for f in _active(clean)}
    spans = {c.id: (c.start, c.end) for c in planted.claims}
    shift = len(plant.new) - len(plant.old)
    caught, other = [], []
    for f in _active(planted):
        signature = _signature(f, spans, plant.start, plant.new_end, shift)
        if signature in before:
            continue
        (caught if "*" in signature[1] else other).append(f)
    return caught, other, any("*" in sig[1] for sig in before)


def _score_plant(split: SplitScore, plant: Plant, clean, planted, name: str, errors: list | None) -> None:
    keys = (plant.kind, f"{plant.kind}:{plant.role}")
    split.planted.update(keys)
    caught, other, flagged_before = triage(plant, clean, planted)
    split.other_findings += len(other)
    if caught:
        split.caught.update(keys)
        if any(f.severity == "error" for f in caught):
            split.caught_error.update(keys)
        return
    split.flagged_before += flagged_before
    if errors is not None:
        errors.append(f"{name}:{plant.start}: missed {plant.kind} ({plant.role}) {plant.old!r} -> {plant.new!r}: "
                      f"{plant.why}")


def render_relations(score: RelationScore) -> str:
    lines = ["", f"consistency rules on real copy (relation gold; planted copies and clean stories; {score.model})"]
    for name, split in sorted(score.splits.items()):
        types = sorted(k for k in split.planted if ":" not in k)
        lines += [f"{name}: {split.stories} stories, {sum(split.relations.values())} relations",
                  f"  {'relation':<14}{'planted':>8}{'caught':>8}{'recall':>8}{'by error':>10}{'recall':>8}"]
        for k in types:
            lines.append(f"  {k:<14}{split.planted[k]:>8}{split.caught[k]:>8}{split.recall(k):>8.3f}"
                         f"{split.caught_error[k]:>10}{split.recall(k, severity='error'):>8.3f}")
        planted = sum(split.planted[k] for k in types)
        lines.append(f"  {'all':<14}{planted:>8}{sum(split.caught[k] for k in types):>8}{split.recall():>8.3f}"
                     f"{sum(split.caught_error[k] for k in types):>10}{split.recall(severity='error'):>8.3f}")
        if split.unplantable:
            lines.append("  relations with no planted case: " + ", ".join(
                f"{k} {v}" for k, v in sorted(split.unplantable.items())))
        per_story = split.clean_errors / split.stories if split.stories else 0.0
        lines.append(f"  clean stories: errors {split.clean_errors} ({per_story:.2f} per story, "
                     f"{split.stories_with_errors} stories; {split.clean_errors_on_problems} on documented "
                     f"problems), warnings {split.clean_warnings}")
    return "\n".join(lines)
