"""Import spaCy without its command line, for the commands that wait on it (check, hook).

`import spacy` runs `from .cli.info import info`, which imports spaCy's whole command line
(typer apps, weasel, requests, YAML config files): a quarter of the time `import spacy` takes
(bench/RESULTS.md, hook latency). No part of loading or running a pipeline uses it. Here,
`spacy.cli` and `spacy.cli.info` are stand-ins only while spaCy's package imports; then they are
removed, so a later `import spacy.cli` imports the real one, and `spacy.info()` imports it on call.
When spaCy is already imported, or its package changes so that the stand-ins do not fit, this is
a plain `import spacy`.
"""

from __future__ import annotations

import sys
import types

_STANDINS = ("spacy.cli", "spacy.cli.info")


def import_spacy():
    """spaCy, imported without `spacy.cli` when it is not imported yet."""
    if "spacy" in sys.modules or any(name in sys.modules for name in _STANDINS):
        import spacy

        return spacy
    package = types.ModuleType("spacy.cli")
    package.__path__ = []  # a package with no submodules of its own: only the stand-in below
    info = types.ModuleType("spacy.cli.info")
    info.info = _info
    sys.modules.update({"spacy.cli": package, "spacy.cli.info": info})
    try:
        import spacy
    except ImportError:  # spaCy wants more of its command line than the stand-ins offer
        for name in [name for name in sys.modules if name == "spacy" or name.startswith("spacy.")]:
            del sys.modules[name]
        import spacy
    finally:
        for name in _STANDINS:
            if sys.modules.get(name) in (package, info):
                del sys.modules[name]
    if vars(spacy).get("cli") is package:
        del spacy.cli
    return spacy


def _info(*args, **kwargs):
    """spacy.info(): the real one, imported on call."""
    from spacy.cli.info import info

    return info(*args, **kwargs)
