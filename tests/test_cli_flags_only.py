"""check --flags-only (--concise): only what is flagged, one line each, coloured by severity as
ruff's concise output is; NO_COLOR honoured; suppressed flags left out as the exit code leaves
them out (issue 14)."""

import re

from .clirunner import invoke
from .conftest import ROOT, SAMPLE

STORY = ("The vote is on Wednesday, March 12, 2026.\n\n"
         "The £48.6m programme sets aside £21.4m for housing, £15.8m for roads and £12.4m for schools.\n\n"
         "factcheck: ignore-next weekday-mismatch\nThe count is on Wednesday, March 19, 2026.\n")
RED, BOLD_RED = "\x1b[31m", "\x1b[1;31m"
ANY_COLOUR = re.compile(r"\x1b\[[0-9;]*3\dm")


def test_cli_flags_only_prints_one_coloured_line_per_flag(tmp_path):
    (tmp_path / "bad.txt").write_text(STORY, encoding="utf-8")
    result = invoke("check", "bad.txt", SAMPLE, "--flags-only", "--refs", ROOT / "claims",
                    cwd=tmp_path, env={"FORCE_COLOR": "1", "NO_COLOR": None})
    assert result.code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 3, result.stdout  # two flags (the suppressed one left out), then the totals
    assert lines[0].startswith("\x1b[1mbad.txt\x1b[0m:1:16: ") and f"{RED}error\x1b[0m" in lines[0]
    assert f"{BOLD_RED}weekday-mismatch\x1b[0m: 'Wednesday, March 12, 2026'" in lines[0]
    assert ":3:5: " in lines[1] and f"{BOLD_RED}sum-mismatch\x1b[0m: the parts £21.4m" in lines[1]
    assert "Found 2 flags (2 errors) in 2 stories." in lines[2]
    assert "around 150" not in result.stdout  # no figure of the clean sample story is listed


def test_cli_flags_only_honours_no_color_and_reports_a_clean_story(tmp_path):
    (tmp_path / "bad.txt").write_text(STORY, encoding="utf-8")
    plain = invoke("check", "bad.txt", "--concise", cwd=tmp_path, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert plain.code == 1 and not ANY_COLOUR.search(plain.stdout)
    assert re.sub(r"\x1b\[[0-9;]*m", "", plain.stdout).splitlines()[0] == (
        "bad.txt:1:16: error weekday-mismatch: 'Wednesday, March 12, 2026': 2026-03-12 is a Thursday, "
        "not a Wednesday")
    clean = invoke("check", SAMPLE, "--flags-only", env={"NO_COLOR": "1"})
    assert clean.code == 0 and clean.stdout == "No flags in 1 story.\n"


def test_cli_flags_only_refuses_another_format():
    result = invoke("check", SAMPLE, "--flags-only", "--format", "json")
    assert result.code == 2 and result.stdout == ""
    assert result.stderr.startswith("factcheck: error: --flags-only is a view of the text output")
