"""What a story may be: at most MAX_CHARS characters of real text (no lone surrogates).

spaCy's parser needs memory in proportion to a text's length and refuses texts over its
`max_length`; a story this long is an archive, not a story. The limit is checked before any
model runs, so an over-long or broken text is one clear error, not a crash mid-pipeline.
"""

from __future__ import annotations

import re

from .errors import SourceError

MAX_CHARS = 1_000_000
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def admit(text: str, where: str) -> None:
    """Raise SourceError when `text` cannot be checked: too long, or holding a lone surrogate
    (a half of a UTF-16 pair, which no UTF-8 file can contain; it arrives through JSON)."""
    if len(text) > MAX_CHARS:
        raise SourceError(
            f"{where}: {len(text):,} characters is more than the {MAX_CHARS:,} a story may have; "
            f"split it into stories"
        )
    match = _SURROGATE.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        raise SourceError(
            f"{where}:{line}:{column}: a lone surrogate (U+{ord(match.group()):04X}) is not text; "
            f"expected UTF-8 text (is the JSON's \\u escape broken?)"
        )
