"""`factcheck eval`: score extraction against the gold files in corpora/, beside the spaCy
model's own NER as a baseline."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import GoldError
from .extract import DEFAULT_MODEL, FAST_MODEL, build_pipeline
from .claims import build_claims
from .source import parse_date, read_story

KINDS = ("count", "money", "percent", "quantity", "date")
NER_KINDS = {"CARDINAL": "count", "MONEY": "money", "PERCENT": "percent", "QUANTITY": "quantity",
             "DATE": "date"}
_UNIT_ALIASES = {"m": "metres", "metre": "metres", "meters": "metres", "kilometres": "km",
                 "percentage point": "percentage points"}


@dataclass
class Item:
    start: int
    end: int
    kind: str
    text: str
    data: dict = field(default_factory=dict)


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0

    def add(self, other: "Tally") -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    ours: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    baseline: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    fast: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    fast_value: list[bool] = field(default_factory=list)
    places: Tally = field(default_factory=Tally)
    value: list[bool] = field(default_factory=list)
    qualifier: list[bool] = field(default_factory=list)
    unit: list[bool] = field(default_factory=list)
    stories: int = 0
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        def tally(t: Tally) -> dict:
            return {"gold": t.gold, "predicted": t.predicted, "matched": t.matched,
                    "precision": round(t.precision, 4), "recall": round(t.recall, 4),
                    "f1": round(t.f1, 4)}

        return {
            "stories": self.stories,
            "kinds": {k: tally(t) for k, t in self.ours.items()},
            "baseline_spacy_ner": {k: tally(t) for k, t in self.baseline.items()},
            "fast_mode": {k: tally(t) for k, t in self.fast.items()},
            "places": tally(self.places),
            "value_accuracy": _ratio(self.value),
            "qualifier_accuracy": _ratio(self.qualifier),
            "unit_accuracy": _ratio(self.unit),
        }


def _ratio(values: list[bool]) -> float:
    return round(sum(values) / len(values), 4) if values else 1.0


def gold_files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    if not root.exists():
        raise GoldError(f"{root}: no such file or folder")
    return sorted(root.rglob("*.gold.json"))


def load_gold(path: Path) -> tuple[Path, dict]:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg})") from None
    if gold.get("schema") != "factcheck.gold/1":
        raise GoldError(f"{path}: expected \"schema\": \"factcheck.gold/1\", got {gold.get('schema')!r}")
    story = path.parent / gold["story"]
    text = story.read_text(encoding="utf-8")
    for n, item in enumerate(gold.get("claims", []) + gold.get("places", []), start=1):
        if text[item["start"] : item["end"]] != item["text"]:
            raise GoldError(
                f"{path}: item {n} says {item['text']!r} at {item['start']}:{item['end']}, "
                f"but the story has {text[item['start']:item['end']]!r} there"
            )
    return story, gold


def evaluate(root: Path, *, model: str = DEFAULT_MODEL, show_errors: bool = False) -> Score:
    score = Score()
    nlp = build_pipeline(model)
    fast = build_pipeline(FAST_MODEL)
    for gold_path in gold_files(root):
        story_path, gold = load_gold(gold_path)
        if "claims" not in gold:
            continue  # a consistency story: scored by the findings evaluation
        published = parse_date(gold["published"], str(gold_path)) if gold.get("published") else None
        story = read_story(story_path, published=published)
        doc = nlp(story.plain)
        claims, places = build_claims(doc, story.text, story.published)
        score.stories += 1
        gold_items = [Item(c["start"], c["end"], c["kind"], c["text"], c) for c in gold["claims"]]
        ours = [Item(c.start, c.end, c.kind, c.text, c.model_dump()) for c in claims]
        ner = [Item(e.start_char, e.end_char, NER_KINDS[e.label_], e.text)
               for e in doc.ents if e.label_ in NER_KINDS]
        for kind in KINDS:
            pairs, missed, extra = _match([g for g in gold_items if g.kind == kind],
                                          [p for p in ours if p.kind == kind])
            score.ours[kind].add(Tally(len(pairs) + len(missed), len(pairs) + len(extra), len(pairs)))
            for g, p in pairs:
                _compare(score, g, p, story_path.name if show_errors else None)
            if show_errors:
                score.errors += [f"{story_path.name}: missed {kind} {g.text!r} at {g.start}" for g in missed]
                score.errors += [f"{story_path.name}: extra {kind} {p.text!r} at {p.start}" for p in extra]
            b_pairs, b_missed, b_extra = _match([g for g in gold_items if g.kind == kind],
                                                [p for p in ner if p.kind == kind])
            score.baseline[kind].add(Tally(len(b_pairs) + len(b_missed), len(b_pairs) + len(b_extra),
                                           len(b_pairs)))
        fast_claims, _ = build_claims(fast(story.plain), story.text, story.published)
        fast_items = [Item(c.start, c.end, c.kind, c.text, c.model_dump()) for c in fast_claims]
        for kind in KINDS:
            f_pairs, f_missed, f_extra = _match([g for g in gold_items if g.kind == kind],
                                                [p for p in fast_items if p.kind == kind])
            score.fast[kind].add(Tally(len(f_pairs) + len(f_missed), len(f_pairs) + len(f_extra), len(f_pairs)))
        gold_places = [Item(p["start"], p["end"], "place", p["text"]) for p in gold.get("places", [])]
        our_places = [Item(p.start, p.end, "place", p.text) for p in places]
        pairs, missed, extra = _match(gold_places, our_places)
        score.places.add(Tally(len(gold_places), len(our_places), len(pairs)))
        if show_errors:
            score.errors += [f"{story_path.name}: missed place {g.text!r}" for g in missed]
            score.errors += [f"{story_path.name}: extra place {p.text!r}" for p in extra]
    return score


def _match(gold: list[Item], predicted: list[Item]):
    """Pairs of overlapping spans, greedily by overlap; then the unmatched on each side."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                candidates.append((overlap, gi, pi))
    candidates.sort(reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gold[gi], predicted[pi]))
    missed = [g for i, g in enumerate(gold) if i not in used_g]
    extra = [p for i, p in enumerate(predicted) if i not in used_p]
    return pairs, missed, extra


def _same_number(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, str) or isinstance(b, str):
        return str(a) == str(b)
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def _head(unit: str | None) -> str | None:
    if not unit:
        return None
    word = re.findall(r"[\w°/²]+", unit.lower())
    if not word:
        return None
    last = _UNIT_ALIASES.get(unit.lower(), word[-1])
    return last[:-1] if last.endswith("s") and len(last) > 3 else last


def _compare(score: Score, g: Item, p: Item, story: str | None) -> None:
    gd, pd = g.data, p.data
    same_value = _same_number(gd.get("value"), pd.get("value"))
    if gd.get("qualifier") == "range" or pd.get("qualifier") == "range":
        same_value = same_value and _same_number(gd.get("value_end"), pd.get("value_end"))
    if g.kind == "money":
        same_value = same_value and gd.get("unit") == pd.get("unit")
    score.value.append(same_value)
    if story and not same_value:
        score.errors.append(f"{story}: value of {g.text!r}: gold {gd.get('value')}"
                            f"{'..' + str(gd.get('value_end')) if gd.get('value_end') else ''}"
                            f" {gd.get('unit') if g.kind == 'money' else ''}, ours {pd.get('value')}"
                            f"{'..' + str(pd.get('value_end')) if pd.get('value_end') else ''}"
                            f" {pd.get('unit') if g.kind == 'money' else ''} ({p.text!r})")
    if g.kind != "date":
        same_q = gd.get("qualifier", "exact") == pd.get("qualifier")
        score.qualifier.append(same_q)
        if story and not same_q:
            score.errors.append(f"{story}: qualifier of {g.text!r}: gold {gd.get('qualifier')}, "
                                f"ours {pd.get('qualifier')} ({p.text!r})")
    if g.kind in ("count", "quantity"):
        same_unit = _head(gd.get("unit")) == _head(pd.get("unit"))
        score.unit.append(same_unit)
        if story and not same_unit:
            score.errors.append(f"{story}: unit of {g.text!r}: gold {gd.get('unit')!r}, "
                                f"ours {pd.get('unit')!r}")


def render_score(score: Score, model: str) -> str:
    if not score.stories:
        return f"factcheck eval: no extraction gold here, model {model}"
    lines = [f"factcheck eval: {score.stories} stories, model {model}", "",
             f"{'kind':<10}{'gold':>6}{'found':>7}{'P':>8}{'R':>8}{'F1':>8}   "
             f"{'spaCy NER P':>12}{'R':>8}{'F1':>8}   {'--fast F1':>9}"]
    total, base_total, fast_total = Tally(), Tally(), Tally()
    for kind in KINDS:
        t, b, f = score.ours[kind], score.baseline[kind], score.fast[kind]
        total.add(t)
        base_total.add(b)
        fast_total.add(f)
        lines.append(_row(kind, t, b) + f"   {f.f1:>9.3f}")
    lines.append(_row("all", total, base_total) + f"   {fast_total.f1:>9.3f}")
    lines += [
        "",
        f"value accuracy      {_ratio(score.value):.3f}  ({sum(score.value)}/{len(score.value)} matched claims)",
        f"qualifier accuracy  {_ratio(score.qualifier):.3f}  ({sum(score.qualifier)}/{len(score.qualifier)})",
        f"unit accuracy       {_ratio(score.unit):.3f}  ({sum(score.unit)}/{len(score.unit)} counts and quantities)",
        f"places              P {score.places.precision:.3f}  R {score.places.recall:.3f}  "
        f"F1 {score.places.f1:.3f}  ({score.places.gold} gold)",
    ]
    return "\n".join(lines)


def _row(name: str, t: Tally, b: Tally) -> str:
    return (f"{name:<10}{t.gold:>6}{t.predicted:>7}{t.precision:>8.3f}{t.recall:>8.3f}{t.f1:>8.3f}   "
            f"{b.precision:>12.3f}{b.recall:>8.3f}{b.f1:>8.3f}")


# ---------------------------------------------------------------- consistency rules


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
    from .api import check_story

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


# ---------------------------------------------------------------- verification by corruption


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


_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def _rewrite_number(text: str, factor: float) -> str | None:
    """ "around 4,500" * 1.6 -> "around 7,200": every number (both ends of a range), in the same
    style."""

    def scaled(match: re.Match) -> str:
        raw = match.group()
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        value = float(raw.replace(",", "")) * factor
        return f"{value:,.{decimals}f}" if "," in raw else f"{value:.{decimals}f}"

    new = _NUMBER.sub(scaled, text)
    return None if new == text else new


def evaluate_corruption(root: Path, *, model: str = DEFAULT_MODEL, show_errors: bool = False) -> CorruptionScore:
    """For every story with supported claims: copies with one figure changed beyond its tolerance,
    one place swapped for another with a conflicting fact, one dated event shifted by years."""
    from .api import check_story, find_reference
    from .reference import load_reference
    from .source import story_from_text

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
            if high < claim.low or (claim.high is not None and claim.high < low):
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
