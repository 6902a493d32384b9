"""Start spaCy without its command line, for the commands an editor waits on (check, hook).

`import spacy` runs `from .cli.info import info`, which imports spaCy's whole command line
(typer apps, weasel, requests, YAML config files): a quarter of the time `import spacy` takes
(bench/RESULTS.md, hook latency), and no part of loading or running a pipeline uses it. Inside
`without_its_cli()`, `spacy.cli` and `spacy.cli.info` are stand-ins in `sys.modules`; whoever
imports spaCy there (factcheck.extract, the one owner of spaCy) gets it without them. On the way
out the stand-ins are removed, so a later `import spacy.cli` imports the real one, and
`spacy.info()` imports it on call. This module only arranges the import: it uses no part of spaCy.
"""

from __future__ import annotations

import sys
import types
from contextlib import contextmanager
from importlib import import_module

_STANDINS = ("spacy.cli", "spacy.cli.info")


@contextmanager
def without_its_cli():
    """Within it, a first `import spacy` leaves spaCy's command line out (nothing changes when
    spaCy is already imported)."""
    if "spacy" in sys.modules or any(name in sys.modules for name in _STANDINS):
        yield
        return
    package = types.ModuleType("spacy.cli")
    package.__path__ = []  # a package with no submodules of its own: only the stand-in below
    info = types.ModuleType("spacy.cli.info")
    info.info = _info
    sys.modules.update({"spacy.cli": package, "spacy.cli.info": info})
    try:
        yield
    finally:
        for name in _STANDINS:
            if sys.modules.get(name) in (package, info):
                del sys.modules[name]
        spacy = sys.modules.get("spacy")
        if spacy is not None and vars(spacy).get("cli") is package:
            del spacy.cli


def forget() -> None:
    """Drop a spaCy that failed to import with the stand-ins (a spaCy that wants more of its
    command line than they offer), so that the next import is a plain one."""
    for name in [name for name in sys.modules if name == "spacy" or name.startswith("spacy.")]:
        del sys.modules[name]
    for name in [name for name in sys.modules if name.startswith("factcheck.extract")]:
        del sys.modules[name]


def _info(*args, **kwargs):
    """spacy.info(): spaCy's own, imported on call."""
    return import_module("spacy.cli.info").info(*args, **kwargs)
