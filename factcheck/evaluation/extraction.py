"""Extraction scored against the gold files in corpora/, beside the spaCy model's own NER and
the --fast pipeline."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..extract.assemble import build_claims
from ..errors import GoldError
from ..extract import DEFAULT_MODEL, FAST_MODEL, build_pipeline
from ..source import parse_date, read_story

KINDS = ("count", "money", "percent", "quantity", "date")
SCORED_KINDS = (*KINDS, "multiplier")
FRAME_FIELDS = ("place", "measure_head", "role", "place_source", "subject", "period")
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
    value_correct: Tally = field(default_factory=Tally)  # a match counts only with the right value
    frame: dict[str, list[bool]] = field(default_factory=lambda: {f: [] for f in FRAME_FIELDS})

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
            "value_correct": tally(self.value_correct),
            "frame": {name: {"accuracy": _ratio(values), "n": len(values)} for name, values in self.frame.items()},
        }


def _ratio(values: list[bool]) -> float:
    return round(sum(values) / len(values), 4) if values else 1.0


def corpus_files(root: Path, suffix: str, *, any_file: bool = False) -> list[Path]:
    """The files named *`suffix` below `root`; a file given as `root` is taken when it has the
    suffix (or always, with `any_file`)."""
    if root.is_file():
        return [root] if any_file or root.name.endswith(suffix) else []
    if not root.exists():
        raise GoldError(f"{root}: no such file or folder")
    return sorted(root.rglob(f"*{suffix}"))


def read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg})") from None


def gold_files(root: Path) -> list[Path]:
    return corpus_files(root, ".gold.json", any_file=True)


def load_gold(path: Path) -> tuple[Path, dict]:
    gold = read_json(path)
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
        for kind in SCORED_KINDS:
            pairs, missed, extra = _match([g for g in gold_items if g.kind == kind],
                                          [p for p in ours if p.kind == kind])
            if kind in score.ours:
                score.ours[kind].add(Tally(len(pairs) + len(missed), len(pairs) + len(extra), len(pairs)))
            right = 0
            for g, p in pairs:
                right += _compare(score, g, p, story_path.name if show_errors else None)
            score.value_correct.add(Tally(len(pairs) + len(missed), len(pairs) + len(extra), right))
            if show_errors:
                score.errors += [f"{story_path.name}: missed {kind} {g.text!r} at {g.start}" for g in missed]
                score.errors += [f"{story_path.name}: extra {kind} {p.text!r} at {p.start}" for p in extra]
            if kind not in score.baseline:
                continue
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


def _compare(score: Score, g: Item, p: Item, story: str | None) -> bool:
    """Score one matched claim; True when its value is right."""
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
    if gd.get("frame") is not None:
        for name, right in compare_frames(gd["frame"], pd.get("frame") or {}).items():
            score.frame[name].append(right)
            if story and not right:
                score.errors.append(f"{story}: frame {name} of {g.text!r}: gold "
                                    f"{_gold_frame_value(gd['frame'], name)!r}, ours "
                                    f"{_our_frame_value(pd.get('frame') or {}, name)!r}")
    return same_value


def _gold_frame_value(frame: dict, name: str):
    if name == "place":
        return [frame.get("place"), *(frame.get("place_alt") or [])] if frame.get("place") else None
    return frame.get(name)


def _our_frame_value(frame: dict, name: str):
    if name == "place":
        place = frame.get("place")
        return (place.get("name") or place.get("text")) if place else None
    return frame.get(name)


_COUNTRY_ALIASES = {"u s": "united states", "us": "united states", "usa": "united states", "u s a": "united states",
                    "america": "united states", "united states of america": "united states",
                    "uk": "united kingdom", "u k": "united kingdom", "britain": "united kingdom",
                    "great britain": "united kingdom", "drc": "democratic republic of the congo",
                    "dr congo": "democratic republic of the congo", "uae": "united arab emirates"}


def _same_place(a: str, b: str) -> bool:
    """Folded names of one place: equal, one inside the other on word boundaries ("aceh" in
    "indonesia s aceh"), or close in spelling."""
    from rapidfuzz import fuzz

    if not a or not b:
        return False
    a, b = _COUNTRY_ALIASES.get(a, a), _COUNTRY_ALIASES.get(b, b)
    return a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} " or fuzz.ratio(a, b) >= 85


def compare_frames(gold: dict, ours: dict) -> dict[str, bool]:
    """Field by field: is our frame right? Place matches any of the gold's names (folded, with
    rapidfuzz for transliterations); heads compare singular; subject by containment; the place's
    source only where both have a place; period only where the gold states one."""
    from rapidfuzz import fuzz

    from ..extract.frame import singular
    from ..gazetteer import fold

    out: dict[str, bool] = {}
    names = [gold.get("place"), *(gold.get("place_alt") or [])] if gold.get("place") else []
    place = ours.get("place")
    our_names = [n for n in ((place or {}).get("name"), (place or {}).get("text")) if n]
    if not names:
        out["place"] = not our_names
    else:
        out["place"] = any(_same_place(fold(a), fold(b)) for a in names for b in our_names)
    gold_head, our_head = gold.get("measure_head"), ours.get("measure_head")
    out["measure_head"] = (singular(gold_head) if gold_head else None) == (singular(our_head) if our_head else None)
    out["role"] = gold.get("role", "level") == ours.get("role", "level")
    if names and our_names:
        out["place_source"] = gold.get("place_source") == ours.get("place_source")
    if gold.get("subject") or ours.get("subject"):
        a, b = fold(gold.get("subject") or ""), fold(ours.get("subject") or "")
        out["subject"] = bool(a and b and (a in b or b in a))
    if gold.get("period"):
        out["period"] = gold.get("period") == ours.get("period")
    return out


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
        f"value-correct       P {score.value_correct.precision:.3f}  R {score.value_correct.recall:.3f}  "
        f"F1 {score.value_correct.f1:.3f}  (a match counts only with the right value; with multipliers)",
    ]
    framed = {name: values for name, values in score.frame.items() if values}
    if framed:
        lines += ["", "frame accuracy (matched claims with a gold frame)"]
        lines += [f"  {name:<14}{_ratio(values):.3f}  ({sum(values)}/{len(values)})" for name, values in framed.items()]
    return "\n".join(lines)


def _row(name: str, t: Tally, b: Tally) -> str:
    return (f"{name:<10}{t.gold:>6}{t.predicted:>7}{t.precision:>8.3f}{t.recall:>8.3f}{t.f1:>8.3f}   "
            f"{b.precision:>12.3f}{b.recall:>8.3f}{b.f1:>8.3f}")
