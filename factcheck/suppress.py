"""Inline suppression, for flags an editor has checked.

In Markdown and HTML, comments (readers never see them):

    <!-- factcheck off -->  ...  <!-- factcheck on -->          nothing flagged in between
    <!-- factcheck disable sum-mismatch, restated-differently -->  ...  <!-- factcheck enable sum-mismatch -->
    <!-- factcheck ignore-next -->  or  <!-- factcheck ignore-next weekday-mismatch -->   the next paragraph
    ... Wednesday, March 12, 2026. <!-- factcheck ignore weekday-mismatch -->          flags on this line

In plain-text stories (.txt), the same verbs on a line of their own:

    factcheck: ignore-next weekday-mismatch
    factcheck: off  ...  factcheck: on

Rules are named as in the catalogue (factcheck.rules), separated by commas or spaces; none, or
`all`, means every rule. A contradicted claim is the rule "contradicted". Suppressed flags stay in
the report, marked `suppressed`, and count nowhere: not in the summary, the exit code, serve's
decision or the text output's totals. A suppression that no longer matches anything is reported
(`unused-suppression`, info).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .models import Finding

_VERBS = r"(?P<verb>off|on|disable|enable|ignore-next|ignore)\b(?P<rules>"
_COMMENT = re.compile(r"<!--\s*factcheck\s+" + _VERBS + r"[^>]*?)\s*-->", re.I)
_LINE = re.compile(r"^[ \t]*factcheck:[ \t]*" + _VERBS + r"[^\n]*?)[ \t]*$", re.I | re.M)
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")
ALL = "*"
UNUSED = "unused-suppression"


@dataclass
class Region:
    start: int  # offset of the comment
    begin: int  # where suppression starts
    end: int
    rules: frozenset[str]
    used: bool = field(default=False)
    marker_end: int = -1  # where the directive ends (-1: at `begin`)

    def covers(self, rule: str, offset: int) -> bool:
        return self.begin <= offset < self.end and (ALL in self.rules or rule in self.rules)


def directives(text: str, format: str = "markdown") -> list[re.Match]:
    """The suppression directives of a story in text order: comments in every format, and the
    plain-text lines in a .txt story."""
    if "factcheck" not in text.lower():
        return []
    found = list(_COMMENT.finditer(text))
    if format == "text":
        found.extend(_LINE.finditer(text))
    return sorted(found, key=lambda match: match.start())


def regions(text: str, format: str = "markdown") -> list[Region]:
    """The stretches of `text` where rules are suppressed, one per directive (off/on pairs one)."""
    out: list[Region] = []
    open_: dict[str, int] = {}
    open_comment: dict[str, int] = {}
    for match in directives(text, format):
        verb = match.group("verb").lower()
        rules = _rules(match.group("rules"))
        if verb in ("off", "disable"):
            for rule in rules if verb == "disable" else {ALL}:
                open_.setdefault(rule, match.end())
                open_comment.setdefault(rule, match.start())
        elif verb in ("on", "enable"):
            for rule in list(open_) if verb == "on" else rules:
                if rule in open_:
                    out.append(Region(open_comment.pop(rule), open_.pop(rule), match.start(), frozenset({rule})))
        elif verb == "ignore":  # this line
            line_start = text.rfind("\n", 0, match.start()) + 1
            line_end = text.find("\n", match.end())
            out.append(Region(match.start(), line_start, len(text) if line_end == -1 else line_end, rules,
                              marker_end=match.end()))
        else:  # ignore-next: the next paragraph
            begin = match.end()
            text_start = re.compile(r"\S").search(text, begin)
            para_start = text_start.start() if text_start else len(text)
            blank = _PARAGRAPH_END.search(text, para_start)
            out.append(Region(match.start(), begin, blank.start() if blank else len(text), rules))
    for rule, begin in open_.items():
        out.append(Region(open_comment[rule], begin, len(text), frozenset({rule})))
    return sorted(out, key=lambda r: r.start)


def _rules(listed: str) -> frozenset[str]:
    names = frozenset(r.strip().lower() for r in re.split(r"[,\s]+", listed) if r.strip())
    return frozenset({ALL}) if not names or "all" in names else names


def apply(claims, findings, text: str, position, *, format: str = "markdown",
          disabled: frozenset[str] = frozenset()) -> tuple[list, list[Finding]]:
    """Mark suppressed findings and contradicted claims; add `unused-suppression` findings
    (unless that rule is in `disabled`). `format` is the story's: text, markdown or html."""
    spans = regions(text, format)
    if not spans:
        return claims, findings
    out_findings = []
    for f in findings:
        hit = [r for r in spans if r.covers(f.rule, f.start)]
        for r in hit:
            r.used = True
        out_findings.append(f.model_copy(update={"suppressed": True}) if hit else f)
    out_claims = []
    for c in claims:
        hit = [r for r in spans if c.verdict == "contradicted" and r.covers("contradicted", c.start)]
        for r in hit:
            r.used = True
        out_claims.append(c.model_copy(update={"suppressed": True}) if hit else c)
    for r in spans:
        if not r.used and UNUSED not in disabled:
            rules = "all rules" if ALL in r.rules else ", ".join(sorted(r.rules))
            out_findings.append(Finding(
                rule=UNUSED, severity="info", start=r.start, end=r.begin if r.marker_end < 0 else r.marker_end,
                message=f"this suppression ({rules}) no longer matches anything; remove it",
                **position(r.start)))
    return out_claims, sorted(out_findings, key=lambda f: (f.start, f.rule))
