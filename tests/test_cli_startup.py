"""What the command line imports (issue 14, hook latency): `--version` and `-h` start without the
library, spaCy or rich (a command's help without spaCy); check and the hook import spaCy without
its command line, with the same report; the shared options' help names the settings' formats."""

import json
import subprocess
import sys

from factcheck.cli_options import FORMATS_HELP
from factcheck.settings import FORMATS

from .conftest import ROOT

PROBE = """
import json, sys
from factcheck.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
heavy = ("spacy", "pydantic", "rich", "factcheck.api", "factcheck.settings", "factcheck.models")
print(json.dumps([name for name in heavy if name in sys.modules]), file=sys.stderr)
"""


def _imported(*args) -> list[str]:
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, cwd=ROOT, timeout=120)
    return json.loads(result.stderr.decode().strip().splitlines()[-1])


def test_cli_version_and_help_import_no_library_and_no_spacy():
    assert _imported("--version") == []
    assert _imported("-h") == []
    assert not {"spacy", "factcheck.api", "factcheck.settings"} & set(_imported("check", "-h"))  # typer brings pydantic


def test_cli_the_package_loads_its_public_names_on_first_use():
    code = ("import sys, factcheck; before = 'factcheck.source' in sys.modules; factcheck.Story; "
            "print(before, 'factcheck.source' in sys.modules, 'spacy' in sys.modules, "
            "set(factcheck.__all__) <= set(dir(factcheck)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, timeout=120)
    assert result.stdout.decode().split() == ["False", "True", "False", "True"], result.stderr.decode()


def test_cli_options_format_help_names_every_format():
    assert FORMATS_HELP.split(", ") == list(FORMATS)


SPACY_PROBE = """
import json, sys
from factcheck.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
during = {name: name in sys.modules for name in ("spacy", "spacy.cli", "weasel")}
import spacy.cli  # the real command line is still there for whoever asks for it
print(json.dumps({"code": code, "during": during, "cli_after": callable(spacy.cli.download)}), file=sys.stderr)
"""


def test_cli_check_imports_spacy_without_its_command_line_and_reports_the_same():
    command = ["check", str(ROOT / "corpora" / "dev" / "iraq-detainee-transfers.md"), "--format", "json"]
    light = subprocess.run([sys.executable, "-c", SPACY_PROBE, *command], capture_output=True, cwd=ROOT, timeout=300)
    probe = json.loads(light.stderr.decode().strip().splitlines()[-1])
    assert probe == {"code": 0, "during": {"spacy": True, "spacy.cli": False, "weasel": False}, "cli_after": True}
    plain = subprocess.run([sys.executable, "-c", "import spacy\n" + SPACY_PROBE, *command], capture_output=True,
                           cwd=ROOT, timeout=300)
    assert json.loads(plain.stderr.decode().strip().splitlines()[-1])["during"]["spacy.cli"] is True
    assert light.stdout == plain.stdout and json.loads(light.stdout)["summary"]["claims"] > 20


FALLBACK_PROBE = """
import sys
from contextlib import contextmanager
from factcheck import spacy_startup
from factcheck.cli import main

plain = spacy_startup.without_its_cli


@contextmanager
def wanting_more():  # as if spaCy imported more of its command line than the stand-ins offer
    with plain():
        if "spacy.cli.info" in sys.modules:
            del sys.modules["spacy.cli.info"].info
        yield


spacy_startup.without_its_cli = wanting_more
try:
    main(sys.argv[1:])
except SystemExit as exc:
    print("exit", exc.code, "plain import:", "spacy.cli" in sys.modules)
"""


def test_cli_check_falls_back_to_a_plain_spacy_import():
    command = ["check", str(ROOT / "corpora" / "dev" / "iraq-detainee-transfers.md"), "--format", "line"]
    result = subprocess.run([sys.executable, "-c", FALLBACK_PROBE, *command], capture_output=True, cwd=ROOT,
                            timeout=300)
    assert result.stderr == b"", result.stderr.decode()[-2000:]
    assert result.stdout.decode().splitlines()[-1] == "exit 0 plain import: True"
