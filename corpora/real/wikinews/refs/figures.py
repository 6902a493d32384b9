"""Which figures of each story the curated facts are for, and what the checker makes of them.

    python corpora/real/wikinews/refs/figures.py map          # rebuild figures-dev.tsv, figures-heldout.tsv
    python corpora/real/wikinews/refs/figures.py check [gv_NNN ...]   # dev only: verdict and cause per figure

Each fact's `note` quotes the story ("As reported: \"...\""); a quote must occur exactly once in
the story and hold the gold claim (gv_NNN.gold.json) that states the fact's figure. `map` writes
one row per figure: split, story, fact, start, end, text (character offsets in the story, end
exclusive). `check` runs `factcheck check --format json` on each dev story against refs/dev and
prints, for every mapped figure, the verdict and the apparent cause when it is not supported by
its own fact, then the totals. It never runs on the held-out part.
"""

from __future__ import annotations

import collections
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent
REPO = CORPUS.parents[2]
FACTCHECK = REPO / ".venv" / "bin" / "factcheck"


def head(text: str) -> str:
    """The last word, singular: what today's matcher compares ("people infected" -> infected)."""
    words = re.findall(r"[\w-]+", (text or "").lower())
    if not words:
        return ""
    word = words[-1]
    for suffix, repl in (("ies", "y"), ("ves", "f"), ("sses", "ss"), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2 and not word.endswith("ss"):
            return word[: -len(suffix)] + repl
    return word


def load(split: str):
    """(facts by id with their story, places by id) for one split."""
    facts, places = {}, {}
    for path in sorted((HERE / split).glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for place in data.get("place", []):
            places[place["id"]] = place
        for fact in data.get("fact", []):
            facts[fact["id"]] = dict(fact, story=path.stem)
    return facts, places


def figures(split: str) -> tuple[list[tuple], list[str]]:
    facts, _ = load(split)
    rows, problems = [], []
    for fact in facts.values():
        story = fact["story"]
        text = (CORPUS / split / f"{story}.txt").read_text(encoding="utf-8")
        gold = json.loads((CORPUS / split / f"{story}.gold.json").read_text(encoding="utf-8"))
        claims = [c for c in gold["claims"] if c["kind"] != "date" and c["value"] is not None]
        quotes = re.findall(r'"([^"]+)"', fact.get("note") or "")
        if not quotes:
            problems.append(f"{story} {fact['id']}: the note quotes nothing")
        for quote in quotes:
            at = [m.start() for m in re.finditer(re.escape(quote), text)]
            if len(at) != 1:
                problems.append(f"{story} {fact['id']}: {quote!r} occurs {len(at)} times in the story")
                continue
            lo, hi = at[0], at[0] + len(quote)
            inside = [c for c in claims if lo <= c["start"] and c["end"] <= hi]
            hit = [c for c in inside if abs(c["value"] - fact["value"]) < 1e-6]
            if not hit:  # the same figure given less precisely: "Over 40" for 42
                hit = [c for c in inside if c["kind"] == fact.get("kind", "count")]
            if len(hit) != 1:
                problems.append(f"{story} {fact['id']}: {quote!r} holds {len(hit)} claims for {fact['value']}")
                continue
            rows.append((split, story, fact["id"], hit[0]["start"], hit[0]["end"], hit[0]["text"]))
    return sorted(rows, key=lambda r: (r[1], r[3])), problems


def write_map() -> int:
    bad = 0
    for split in ("dev", "heldout"):
        rows, problems = figures(split)
        for problem in problems:
            print(f"{split}: {problem}", file=sys.stderr)
        bad += len(problems)
        with open(HERE / f"figures-{split}.tsv", "w", encoding="utf-8") as out:
            out.write("split\tstory\tfact\tstart\tend\ttext\n")
            for row in rows:
                out.write("\t".join(map(str, row)) + "\n")
        print(f"{split}: {len(rows)} figures of {len({r[2] for r in rows})} facts in {len({r[1] for r in rows})} stories")
    return 1 if bad else 0


def _ancestors(place_id, places) -> list[str]:
    seen = []
    while place_id and place_id in places and place_id not in seen:
        seen.append(place_id)
        place_id = places[place_id].get("within")
    return seen


def cause(claim, fact, facts, places, text) -> tuple[str, str]:
    """(category, detail): why a figure with a fact is not supported by that fact."""
    reason = claim.get("reason") or ""
    place = claim.get("place") or {}
    ref = (claim.get("reference") or {}).get("id")
    if ref and ref != fact["id"]:
        other = facts.get(ref, {})
        where = "another story's fact" if other.get("story") != fact["story"] else "another fact of the story"
        return f"compared with {where}", f"{ref}: same counted word and place"
    if reason.startswith("ambiguous"):
        ids = [i for i in re.findall(r"gv\d+\.[\w.-]+", reason) if i != fact["id"]]
        if any(facts.get(i, {}).get("story") != fact["story"] for i in ids):
            return "ambiguous, other stories' facts apply too", ", ".join(ids)
        return "ambiguous, several facts of the story apply", ", ".join(ids)
    if "does not say what is counted" in reason:
        return "no counted noun read for the figure", ""
    if "another date" in reason:
        return "date filter", reason
    fact_place = fact.get("place")
    if fact_place and place.get("id") != fact_place:
        if not place.get("text"):
            return "no place in the sentence (named earlier in the story)", f"fact at {fact_place}"
        if not place.get("id"):
            return "nearest place mention is not a place of the set", f"'{place['text']}', fact at {fact_place}"
        if place["id"] in _ancestors(fact_place, places):
            return "claim placed at a containing place", f"{place['id']}, fact at {fact_place}"
        if fact_place in _ancestors(place["id"], places):
            return "claim placed at a place inside the fact's", f"{place['id']}, fact at {fact_place}"
        return "claim placed at another place in the sentence", f"{place['id']}, fact at {fact_place}"
    sentence = text[claim.get("sentence_start") or 0: claim.get("sentence_end") or len(text)].lower()
    if fact.get("context") and not any(re.search(rf"\b{re.escape(w.lower())}", sentence) for w in fact["context"]):
        return "the fact's context words are not in the sentence", ", ".join(fact["context"])
    names = {head(fact.get("counts") or "")} | {head(s) for s in fact.get("synonyms", [])}
    if fact.get("kind", "count") == "count" and head(claim.get("unit") or "") not in names:
        return "counted word differs from the fact's", f"'{claim.get('unit')}' vs {fact.get('counts')!r}"
    if not fact_place:
        return "place-free fact not admitted for the sentence", ""
    return "other", reason


def check(only: list[str]) -> int:
    facts, places = load("dev")
    rows, problems = figures("dev")
    for problem in problems:
        print(f"dev: {problem}", file=sys.stderr)
    stories = sorted({r[1] for r in rows if not only or r[1] in only})
    totals, causes = collections.Counter(), collections.Counter()
    for story in stories:
        path = CORPUS / "dev" / f"{story}.txt"
        done = subprocess.run([str(FACTCHECK), "check", str(path), "--refs", str(HERE / "dev"),
                               "--format", "json", "--exit-zero"], capture_output=True, text=True, cwd=REPO)
        report = json.loads(done.stdout)
        text = path.read_text(encoding="utf-8")
        counts = collections.Counter()
        spans = []
        for _, _, fact_id, start, end, shown in (r for r in rows if r[1] == story):
            spans.append((start, end))
            fact = facts[fact_id]
            found = [c for c in report["claims"] if c["kind"] != "date" and c["start"] < end and start < c["end"]]
            if not found:
                verdict, why = "unverified", ("the figure was not read as a claim", "")
            else:
                claim = found[0]
                verdict = claim["verdict"]
                ref = (claim.get("reference") or {}).get("id")
                why = ("", "") if verdict == "supported" and ref == fact_id else cause(claim, fact, facts, places, text)
                if verdict == "supported" and ref != fact_id:
                    verdict = "supported via another fact"
            counts[verdict] += 1
            if why[0]:
                causes[(verdict, why[0])] += 1
            print(f"{story}  {fact_id:48} {shown!r:26} {verdict:12} {why[0]}{': ' + why[1] if why[1] else ''}")
        for claim in report["claims"]:
            if claim["verdict"] == "contradicted" and not any(claim["start"] < e and s < claim["end"] for s, e in spans):
                ref = claim["reference"]["id"]
                print(f"{story}  (figure without a fact)                         {claim['text']!r:26} contradicted "
                      f"by {ref}: {claim['reason']}")
                whose = "another story's" if facts[ref]["story"] != story else "a"
                causes[("contradicted (figure without a fact)", f"compared with {whose} fact")] += 1
        totals.update(counts)
        print(f"{story}  {dict(counts)}")
    print(f"\ntotal figures {sum(totals.values())}: {dict(totals)}")
    for (verdict, why), n in sorted(causes.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"{n:4}  {verdict:26} {why}")
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["map"]:
        return write_map()
    if argv[:1] == ["check"]:
        if any("heldout" in a for a in argv[1:]):
            print("the held-out part is never checked while curating", file=sys.stderr)
            return 2
        return check(argv[1:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
