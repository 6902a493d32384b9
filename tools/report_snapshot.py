"""Are the reports unchanged? Snapshot the JSON report of every story in corpora/, or compare
the reports of today's code against a snapshot taken earlier.

A refactor that promises "no change in behaviour" proves it with this:

    python tools/report_snapshot.py write /tmp/before     # on the commit before
    python tools/report_snapshot.py compare /tmp/before   # on the commit after

Each story is checked with the publication date its gold file gives and the reference set the CLI
would find for it (the nearest claims/ folder upward). `compare` lists every story whose report
is not byte-identical, with the first differing line, and exits 1 when there is one.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os
import sys
from pathlib import Path

from factcheck.api import check_stories, find_reference
from factcheck.reference import load_reference
from factcheck.report import RENDERERS
from factcheck.source import read_story

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
SUFFIXES = (".txt", ".md", ".html")


def stories() -> list[Path]:
    return sorted(p.relative_to(ROOT) for p in CORPORA.rglob("*") if p.suffix in SUFFIXES and p.name != "README.md"
                  and p.name != "NOTICE.md" and not p.name.isupper())


def _published(path: Path) -> dt.date | None:
    for gold in (path.with_suffix(".gold.json"),):
        if gold.exists():
            value = json.loads(gold.read_text(encoding="utf-8")).get("published")
            return dt.date.fromisoformat(value) if value else None
    return None


def reports() -> dict[str, str]:
    """Story path (relative to the repository) -> its JSON report."""
    out = {}
    by_reference: dict[Path | None, list[Path]] = {}
    for path in stories():
        by_reference.setdefault(find_reference(path), []).append(path)
    for folder, paths in by_reference.items():
        reference = load_reference(folder) if folder else None
        read = [read_story(p, published=_published(p)) for p in paths]
        for story, report in zip(read, check_stories(read, reference=reference)):
            out[str(story.path)] = RENDERERS["json"]([report], [story.text])
    return out


def _name(key: str) -> str:
    return key.replace("/", "__") + ".json"


def write(folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    made = reports()
    for key, text in made.items():
        (folder / _name(key)).write_text(text, encoding="utf-8")
    print(f"{len(made)} reports written to {folder}")
    return 0


def compare(folder: Path) -> int:
    made = reports()
    changed = []
    for key, text in made.items():
        before = folder / _name(key)
        if not before.exists():
            changed.append(f"{key}: no report in the snapshot")
            continue
        old = before.read_text(encoding="utf-8")
        if old != text:
            diff = next((line for line in difflib.unified_diff(old.splitlines(), text.splitlines(), n=0)
                         if line[:1] in "+-" and not line.startswith(("+++", "---"))), "")
            changed.append(f"{key}: differs, first at: {diff.strip()[:160]}")
    for line in changed:
        print(line)
    print(f"{len(made) - len(changed)} of {len(made)} reports byte-identical to {folder}")
    return 1 if changed else 0


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("write", "compare"):
        print("usage: python tools/report_snapshot.py write|compare FOLDER", file=sys.stderr)
        return 2
    os.chdir(ROOT)  # reports name stories relative to the repository, the same in every clone
    return (write if argv[0] == "write" else compare)(Path(argv[1]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
