"""How long the pre-publish hook takes on one story, process start to exit, as pre-commit runs it.

A throwaway repository gets the bundled sample story and a copy of the reference set; the real
`factcheck hook` command (the installed console script) runs on it several times. Beside it, the
floor no hook can go under: Python starting, `import spacy` (and without spaCy's own command line,
as check and the hook import it), and loading the model.

Run: python bench/bench_hook.py [REPEATS] [--tree DIR ...]   (results go in bench/RESULTS.md by hand)

`--tree DIR` adds the hook of another checkout of factcheck (run as `python -m factcheck` with DIR
on PYTHONPATH), e.g. a `git worktree` of an older commit: the runs are interleaved, so a change
in the machine's load falls on both alike.

Wall time is what an editor waits; CPU time (user + system of the child) is shown too, since on a
shared machine the wall time carries other people's load.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "corpora" / "dev" / "iraq-detainee-transfers.md"


def factcheck_command() -> list[str]:
    """The console script beside this Python (what pre-commit runs), else `python -m factcheck`."""
    script = Path(sys.executable).parent / "factcheck"
    return [str(script)] if script.exists() else [sys.executable, "-m", "factcheck"]


def timed(commands: list[tuple[str, list[str], dict]], cwd: Path, repeats: int) -> dict[str, tuple]:
    """Each command's wall and CPU seconds per run (after one warm-up run each), the runs
    interleaved, and its last exit code."""
    results = {name: ([], [], 0) for name, _, _ in commands}
    for name, command, env in commands:
        subprocess.run(command, cwd=cwd, env=env, capture_output=True)  # warm the file cache
    for _ in range(repeats):
        for name, command, env in commands:
            walls, cpus, _ = results[name]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            code = subprocess.run(command, cwd=cwd, env=env, capture_output=True).returncode
            walls.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            results[name] = (walls, cpus, code)
    return results


def one_story_repo(folder: Path) -> Path:
    """A newsroom repository with one story and the reference set; the story's path in it."""
    (folder / "stories").mkdir()
    shutil.copytree(ROOT / "claims", folder / "claims")
    story = folder / "stories" / STORY.name
    shutil.copy(STORY, story)
    subprocess.run(["git", "init", "-q"], cwd=folder, check=False)
    return story


def main() -> None:
    args = sys.argv[1:]
    trees = [Path(args[i + 1]).resolve() for i, arg in enumerate(args) if arg == "--tree"]
    numbers = [arg for i, arg in enumerate(args) if arg.isdigit() and (i == 0 or args[i - 1] != "--tree")]
    repeats = int(numbers[0]) if numbers else 7
    from factcheck.extract import DEFAULT_MODEL

    env = {**os.environ, "NO_COLOR": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp)
        story = str(one_story_repo(repo).relative_to(repo))
        commands = [
            ("python -c pass", [sys.executable, "-c", "pass"], env),
            ("import spacy", [sys.executable, "-c", "import spacy"], env),
            ("import spacy + load the model", [sys.executable, "-c", f"import spacy; spacy.load({DEFAULT_MODEL!r}, "
                                               f"exclude=['lemmatizer'])"], env),
            ("spacy without its CLI + load", [sys.executable, "-c", "from factcheck.spacy_startup import without_its_cli\n"
                                              "with without_its_cli(): import spacy\n"
                                              f"spacy.load({DEFAULT_MODEL!r}, exclude=['lemmatizer'])"], env),
            ("factcheck --version", [*factcheck_command(), "--version"], env),
            ("factcheck hook (one story)", [*factcheck_command(), "hook", story], env),
        ]
        for tree in trees:
            old = {**env, "PYTHONPATH": str(tree)}
            commands.append((f"hook of {tree.name}", [sys.executable, "-m", "factcheck", "hook", story], old))
        results = timed(commands, repo, repeats)
    print(f"median of {repeats} runs, process start to exit")
    print(f"{'command':32} {'wall s':>8} {'cpu s':>8}  exit")
    for name, (walls, cpus, code) in results.items():
        print(f"{name:32} {statistics.median(walls):8.3f} {statistics.median(cpus):8.3f}  {code}")


if __name__ == "__main__":
    main()
