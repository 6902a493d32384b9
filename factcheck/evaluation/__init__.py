"""`factcheck eval`: extraction, consistency rules and verification, scored on corpora/."""

from .corruption import CorruptionScore, evaluate_corruption, render_corruption
from .extraction import Score, evaluate, gold_files, load_gold, render_score
from .rules import FindingScore, evaluate_findings, render_findings

__all__ = [
    "CorruptionScore", "FindingScore", "Score", "evaluate", "evaluate_corruption", "evaluate_findings",
    "gold_files", "load_gold", "render_corruption", "render_findings", "render_score",
]
