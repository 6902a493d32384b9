"""The consistency rules scored on stories with planted inconsistencies and on clean controls."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..extract import DEFAULT_MODEL
from ..source import parse_date, read_story
from .extraction import gold_files, load_gold



@dataclass
class FindingScore:
    expected: dict[str, int] = field(default_factory=dict)
    found: dict[str, int] = field(default_factory=dict)
    clean_stories: int = 0
    clean_errors: int = 0
    clean_warnings: int = 0
    planted_extra: int = 0
    errors: list[str] = field(default_factory=list)

    def recall(self, rule: str | None = None) -> float:
        rules = [rule] if rule else list(self.expected)
        expected = sum(self.expected.get(r, 0) for r in rules)
        return sum(self.found.get(r, 0) for r in rules) / expected if expected else 1.0

    def as_dict(self) -> dict:
        return {
            "recall": round(self.recall(), 4),
            "recall_by_rule": {r: round(self.recall(r), 4) for r in sorted(self.expected)},
            "clean_stories": self.clean_stories,
            "errors_on_clean_stories": self.clean_errors,
            "warnings_on_clean_stories": self.clean_warnings,
            "other_findings_on_planted_stories": self.planted_extra,
        }


def evaluate_findings(root: Path, *, model: str = DEFAULT_MODEL, show_errors: bool = False) -> FindingScore:
    """Recall per rule on stories with planted inconsistencies; false findings on clean ones."""
    from ..api import check_story

    score = FindingScore()
    for gold_path in gold_files(root):
        story_path, gold = load_gold(gold_path)
        if "findings" not in gold:
            continue
        published = parse_date(gold["published"], str(gold_path)) if gold.get("published") else None
        report = check_story(read_story(story_path, published=published), model=model)
        texts = {c.id: c.text for c in report.claims}
        expected = gold["findings"]
        if not expected:
            score.clean_stories += 1
            score.clean_errors += sum(f.severity == "error" for f in report.findings)
            score.clean_warnings += sum(f.severity == "warning" for f in report.findings)
            if show_errors:
                score.errors += [f"{story_path.name}: false {f.severity} {f.rule}: {f.message}" for f in report.findings]
            continue
        used = set()
        for want in expected:
            score.expected[want["rule"]] = score.expected.get(want["rule"], 0) + 1
            hit = next((i for i, f in enumerate(report.findings) if f.rule == want["rule"] and i not in used
                        and (f.line == want["line"] or any(texts.get(c) in want["texts"] for c in f.claims))), None)
            if hit is None:
                if show_errors:
                    score.errors.append(f"{story_path.name}: missed {want['rule']} at line {want['line']}")
                continue
            used.add(hit)
            score.found[want["rule"]] = score.found.get(want["rule"], 0) + 1
        extra = [f for i, f in enumerate(report.findings) if i not in used]
        score.planted_extra += len(extra)
        if show_errors:
            score.errors += [f"{story_path.name}: extra {f.severity} {f.rule}: {f.message}" for f in extra]
    return score


def render_findings(score: FindingScore) -> str:
    lines = ["", "consistency rules (planted inconsistencies and clean controls)",
             f"{'rule':<22}{'planted':>8}{'found':>7}{'recall':>8}"]
    for rule in sorted(score.expected):
        lines.append(f"{rule:<22}{score.expected[rule]:>8}{score.found.get(rule, 0):>7}{score.recall(rule):>8.3f}")
    lines.append(f"{'all':<22}{sum(score.expected.values()):>8}{sum(score.found.values()):>7}{score.recall():>8.3f}")
    lines.append(f"clean stories: {score.clean_stories}, error findings on them: {score.clean_errors}, "
                 f"warnings: {score.clean_warnings}; other findings on planted stories: {score.planted_extra}")
    return "\n".join(lines)
