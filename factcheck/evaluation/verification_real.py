"""Verification scored on real copy: stories with reference facts curated from them.

For a real corpus laid out as `corpora/real/<name>/{dev,heldout}/` with its facts in
`refs/<split>/*.toml` and `refs/figures-<split>.tsv` (which figure of which story each fact is
for), each split is scored on its own, every story against the whole split's set:

- coverage: the facts' figures in the clean stories that come out supported by their own fact;
- false contradictions: figures of the clean stories that come out contradicted;
- caught: corrupted copies (one figure changed beyond its fact's tolerance, written the same way:
  digits stay digits, words stay words) whose changed figure comes out contradicted;
- place aliases: copies where the supported figure's place is written as another of its names,
  and the figure is still supported.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..extract import DEFAULT_MODEL
from ..normalize import SMALL, TENS
from .corruption import _NUMBER  # digits as a story writes them: 4,500 / 816 000 / 2.5
from .extraction import gold_files, load_gold

_WORD_VALUES = {**SMALL, **TENS}  # the number words a story writes a figure in ("six", "forty")
_VALUE_WORDS = {value: word for word, value in _WORD_VALUES.items()}


@dataclass
class SplitScore:
    split: str
    stories: int = 0
    figures: int = 0
    supported: int = 0  # by the figure's own fact
    supported_other: int = 0  # by another fact
    contradicted_clean: int = 0  # every contradicted figure of a clean story
    copies: int = 0
    caught: int = 0
    alias_copies: int = 0
    alias_kept: int = 0
    causes: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"stories": self.stories, "figures": self.figures, "supported": self.supported,
                "coverage": _ratio(self.supported, self.figures),
                "false_contradictions": self.contradicted_clean,
                "corrupted_copies": self.copies, "caught": self.caught,
                "caught_rate": _ratio(self.caught, self.copies),
                "alias_copies": self.alias_copies, "alias_supported": self.alias_kept,
                "unsupported_causes": dict(sorted(self.causes.items(), key=lambda kv: -kv[1]))}


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


@dataclass
class RealVerificationScore:
    splits: dict[str, SplitScore] = field(default_factory=dict)

    @property
    def errors(self) -> list[str]:
        return [e for s in self.splits.values() for e in s.errors]

    def as_dict(self) -> dict:
        return {name: s.as_dict() for name, s in self.splits.items()}


def _figure_rows(refs: Path, split: str) -> dict[str, list[tuple[str, int, int, str]]]:
    """story -> [(fact id, start, end, text)] from refs/figures-<split>.tsv."""
    table = refs / f"figures-{split}.tsv"
    rows: dict[str, list] = {}
    if not table.is_file():
        return rows
    with table.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            rows.setdefault(row["story"], []).append((row["fact"], int(row["start"]), int(row["end"]), row["text"]))
    return rows


def real_sets(root: Path) -> list[tuple[str, Path, Path, list[Path]]]:
    """(split, refs folder, reference set folder, gold files) for every split below `root` whose
    stories have a curated reference set: a story in `<corpus>/<split>/` with `<corpus>/refs/<split>/`."""
    found: dict[tuple[str, Path], list[Path]] = {}
    for gold in gold_files(root):
        split, corpus = gold.parent.name, gold.parent.parent
        refs = corpus / "refs"
        if (refs / split).is_dir() and (refs / f"figures-{split}.tsv").is_file():
            found.setdefault((split, refs), []).append(gold)
    return [(split, refs, refs / split, golds) for (split, refs), golds in sorted(found.items())]


def evaluate_real_verification(root: Path, *, model: str = DEFAULT_MODEL,
                               show_errors: bool = False) -> RealVerificationScore:
    from ..reference import load_reference

    score = RealVerificationScore()
    for split, refs, folder, golds in real_sets(Path(root)):
        reference = load_reference(folder)
        rows = _figure_rows(refs, split)
        split_score = score.splits.setdefault(split, SplitScore(split))
        for gold_path in golds:
            story_path, gold = load_gold(gold_path)
            figures = rows.get(story_path.stem)
            if not figures:
                continue
            _score_story(split_score, story_path, gold, figures, reference, model, show_errors)
    return score


def _at(report, start: int, end: int):
    """The non-date claim of the report that overlaps [start, end)."""
    return next((c for c in report.claims if c.kind != "date" and c.start < end and start < c.end), None)


def _score_story(score: SplitScore, story_path: Path, gold, figures, reference, model, show_errors) -> None:
    from ..api import check_story
    from ..source import parse_date, read_story, story_from_text

    published = parse_date(gold["published"], str(story_path)) if gold.get("published") else None
    story = read_story(story_path, published=published)
    text = story.text
    clean = check_story(story, model=model, reference=reference)
    score.stories += 1
    name = f"{score.split}/{story_path.name}"

    def check(new_text: str):
        copy = story_from_text(new_text, story.path, published=story.published, format=story.format)
        return check_story(copy, model=model, reference=reference)

    for claim in clean.claims:
        if claim.verdict == "contradicted":
            score.contradicted_clean += 1
            if show_errors:
                score.errors.append(f"{name}: clean {claim.text!r} (line {claim.line}) contradicted by "
                                    f"{claim.reference.id if claim.reference else '?'}: {claim.reason}")
    for fact_id, start, end, shown in figures:
        fact = reference.facts.get(fact_id)
        score.figures += 1
        claim = _at(clean, start, end)
        ref = claim.reference.id if claim is not None and claim.reference else None
        if claim is not None and claim.verdict == "supported" and ref == fact_id:
            score.supported += 1
        else:
            if claim is not None and claim.verdict == "supported":
                score.supported_other += 1
            cause = _cause(claim, fact_id)
            score.causes[cause] = score.causes.get(cause, 0) + 1
            if show_errors:
                score.errors.append(f"{name}: {shown!r} ({fact_id}) {cause}"
                                    f"{': ' + claim.reason if claim is not None and claim.reason else ''}")
        if fact is None:
            continue
        new = corrupt_figure(text[start:end], fact, claim)
        if new is not None:
            score.copies += 1
            report = check(text[:start] + new + text[end:])
            hit = _at(report, start, start + len(new))
            if hit is not None and hit.verdict == "contradicted":
                score.caught += 1
            elif show_errors:
                score.errors.append(f"{name}: {shown!r} -> {new!r} ({fact_id}) not caught: "
                                    f"{hit.verdict + ', ' + (hit.reason or '') if hit else 'not read'}")
        if claim is not None and claim.verdict == "supported" and ref == fact_id:
            alias = _alias_copy(claim, text, reference)
            if alias is not None:
                new_text, target = alias
                score.alias_copies += 1
                report = check(new_text)
                hit = _at(report, target, target + (end - start))
                if hit is not None and hit.verdict == "supported":
                    score.alias_kept += 1
                elif show_errors:
                    score.errors.append(f"{name}: {shown!r} ({fact_id}) with its place written another way "
                                        f"is {hit.verdict + ': ' + (hit.reason or '') if hit else 'not read'}")


def _cause(claim, fact_id: str) -> str:
    """Why a figure with a fact is not supported by it, in a few words (for counting)."""
    if claim is None:
        return "not read as a figure"
    if claim.verdict == "supported":
        return "supported through another fact"
    if claim.verdict == "contradicted":
        return "contradicted by " + ("its own fact" if claim.reference and claim.reference.id == fact_id
                                     else "another fact")
    reason = claim.reason or ""
    for prefix, label in (("ambiguous", "ambiguous"), ("no fact in the reference set", "no fact about this"),
                          ("no fact about this for", "no fact for the place"), ("a change", "a change"),
                          ("the sentence does not say", "nothing counted"), ("the reference facts are for another",
                          "another date"), ("the reference figure", "stated by another figure"),
                          ("an earlier figure", "earlier figure"), ("the reference figures are older", "too old")):
        if reason.startswith(prefix):
            return "unverified: " + label
    return "unverified: " + (reason.split(":")[0][:60] or "no reason")


def corrupt_figure(shown: str, fact, claim=None) -> str | None:
    """The figure changed beyond its fact's tolerance, written as it was: "around 4,500" ->
    "around 7,200", "three" -> "five", "13 million" -> "21 million". The factor grows until the
    figure as written, read with its qualifier and rounding, is clear of the fact's interval.
    None when it cannot be."""
    down = fact.qualifier in ("more_than", "at_least")
    for factor in ((0.4, 0.2, 0.1) if down else (1.6, 2.5, 4.0, 10.0)):
        new = _rewrite(shown, factor, fact)
        if new is None:
            return None
        if claim is None or _clear(new, shown, claim, fact):
            return new
    return None


def _first_value(text: str) -> float | None:
    number = _NUMBER.search(text)
    if number:
        return float(number.group().replace(",", "").replace(" ", ""))
    word = next((w for w in re.finditer(r"[A-Za-z]+", text) if _word_value(w.group().lower()) is not None), None)
    return float(_word_value(word.group().lower())) if word else None


def _clear(new: str, shown: str, claim, fact) -> bool:
    """The changed figure's interval misses the fact's."""
    from ..normalize import interval

    old_value, new_value = _first_value(shown), _first_value(new)
    if not old_value or new_value is None or not isinstance(claim.value, (int, float)):
        return True
    scale = new_value / old_value
    end = claim.value_end * scale if getattr(claim, "value_end", None) else None
    rounding = (claim.rounding or 1) * (1 if scale >= 1 else scale)
    from ..verify.facts import _bound

    if _bound(claim.qualifier) == _bound(fact.qualifier) != "point" and fact.value is not None:
        # two ceilings ("up to 7,000" against "up to 11,200") or two floors are compared as figures
        low, high = interval(claim.value * scale, "exact", rounding)
        fact_low, fact_high = interval(fact.value, "exact", fact.rounding)
    else:
        low, high = interval(claim.value * scale, claim.qualifier, rounding, end, rounding)
        fact_low, fact_high = fact.interval
    return bool((fact_high is not None and low is not None and low > fact_high)
                or (fact_low is not None and high is not None and high < fact_low))


def _rewrite(shown: str, factor: float, fact) -> str | None:
    low, high = fact.interval
    word = next((w for w in re.finditer(r"[A-Za-z]+", shown) if _word_value(w.group().lower()) is not None), None)
    if not _NUMBER.search(shown) and word:
        if re.match(r"\s*(?:third|half|halves|quarter|fifth|tenth)", shown[word.end():], re.I):
            return None  # "one third" is a fraction, not a count
        value = _word_value(word.group().lower())
        if value is None or value == 0:
            return None
        new = max(round(value * factor), value + 2 if factor > 1 else 0)
        if factor < 1:
            new = min(new, value - 2)
        if new < 0 or not _outside(new, low, high):
            return None
        written = _as_word(new)
        if written is None:
            return None
        if word.group()[0].isupper():
            written = written.capitalize()
        if word.group().lower() == "dozen":  # "more than a dozen" -> "more than five"
            article = re.search(r"\ban?\s+$", shown[: word.start()])
            start = article.start() if article else word.start()
            return shown[:start] + written + shown[word.end():]
        return shown[: word.start()] + written + shown[word.end():]

    def scaled(match: re.Match) -> str:
        raw = match.group()
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        old = float(raw.replace(",", "").replace(" ", ""))
        value = old * factor
        if decimals == 0 and round(value) == old:
            value += 1 if factor > 1 else -1
        if " " in raw:
            return f"{value:,.0f}".replace(",", " ")
        return f"{value:,.{decimals}f}" if "," in raw else f"{value:.{decimals}f}"

    new = _NUMBER.sub(scaled, shown, count=2)
    return None if new == shown else new


def _outside(value: float, low, high) -> bool:
    return (low is not None and value < low) or (high is not None and value > high)


def _word_value(word: str) -> int | None:
    return 12 if word == "dozen" else _WORD_VALUES.get(word)


def _as_word(value: int) -> str | None:
    return _VALUE_WORDS.get(value)


def _alias_copy(claim, text: str, reference):
    """The story with the supported figure's place (named in its sentence) written as another
    of the place's names; (new text, new start of the figure), or None."""
    place = claim.place
    if place is None or not place.id or not place.text or place.id not in reference.places:
        return None
    known = reference.places[place.id]
    names = [n for n in (known.name, *known.aliases) if n.lower() != place.text.lower()]
    if not names:
        return None
    lo, hi = claim.sentence_start or 0, claim.sentence_end or len(text)
    at = text.find(place.text, lo, hi)
    if at < 0:
        return None
    name = names[0]
    new_text = text[:at] + name + text[at + len(place.text):]
    target = claim.start + (len(name) - len(place.text) if at < claim.start else 0)
    return new_text, target


def render_real_verification(score: RealVerificationScore) -> str:
    lines = ["", "verification on real copy (facts curated from the stories; each split against its own set)",
             f"{'split':<9}{'stories':>8}{'figures':>8}{'supported':>10}{'coverage':>9}{'false contr.':>13}"
             f"{'caught':>12}{'rate':>7}{'aliases kept':>14}"]
    for s in score.splits.values():
        coverage = f"{s.supported / s.figures:.3f}" if s.figures else "-"
        rate = f"{s.caught / s.copies:.3f}" if s.copies else "-"
        lines.append(f"{s.split:<9}{s.stories:>8}{s.figures:>8}{s.supported:>10}{coverage:>9}"
                     f"{s.contradicted_clean:>13}{f'{s.caught}/{s.copies}':>12}{rate:>7}"
                     f"{f'{s.alias_kept}/{s.alias_copies}':>14}")
    for s in score.splits.values():
        if s.causes:
            lines.append(f"{s.split}: figures not supported by their own fact: " + "; ".join(
                f"{n} {cause}" for cause, n in sorted(s.causes.items(), key=lambda kv: -kv[1])))
    return "\n".join(lines)
