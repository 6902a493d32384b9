"""Inline suppression in Markdown and HTML stories, for flags an editor has checked:

    <!-- factcheck off -->  ...  <!-- factcheck on -->          nothing flagged in between
    <!-- factcheck disable sum-mismatch, restated-differently -->  ...  <!-- factcheck enable sum-mismatch -->
    <!-- factcheck ignore-next -->  or  <!-- factcheck ignore-next weekday-mismatch -->   the next paragraph

A contradicted claim is the rule "contradicted". Suppressed flags stay in the report, marked
`suppressed`; a suppression that no longer matches anything is reported (`unused-suppression`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .models import Finding

_COMMENT = re.compile(r"<!--\s*factcheck\s+(?P<verb>off|on|disable|enable|ignore-next)\b(?P<rules>[^>]*?)\s*-->", re.I)
ALL = "*"


@dataclass
class Region:
    start: int  # offset of the comment
    begin: int  # where suppression starts
    end: int
    rules: frozenset[str]
    used: bool = field(default=False)

    def covers(self, rule: str, offset: int) -> bool:
        return self.begin <= offset < self.end and (ALL in self.rules or rule in self.rules)


def regions(text: str) -> list[Region]:
    out: list[Region] = []
    open_: dict[str, int] = {}
    open_comment: dict[str, int] = {}
    for match in _COMMENT.finditer(text):
        verb = match.group("verb").lower()
        rules = frozenset(r.strip().lower() for r in re.split(r"[,\s]+", match.group("rules")) if r.strip()) or frozenset({ALL})
        if verb in ("off", "disable"):
            for rule in rules if verb == "disable" else {ALL}:
                open_.setdefault(rule, match.end())
                open_comment.setdefault(rule, match.start())
        elif verb in ("on", "enable"):
            for rule in list(open_) if verb == "on" else rules:
                if rule in open_:
                    out.append(Region(open_comment.pop(rule), open_.pop(rule), match.start(), frozenset({rule})))
        else:  # ignore-next: the next paragraph
            begin = match.end()
            text_start = re.compile(r"\S").search(text, begin)
            para_start = text_start.start() if text_start else len(text)
            blank = re.compile(r"\n[ \t]*\n").search(text, para_start)
            out.append(Region(match.start(), begin, blank.start() if blank else len(text), rules))
    for rule, begin in open_.items():
        out.append(Region(open_comment[rule], begin, len(text), frozenset({rule})))
    return sorted(out, key=lambda r: r.start)


def apply(claims, findings, text: str, position) -> tuple[list, list[Finding]]:
    """Mark suppressed findings and contradicted claims; add `unused-suppression` findings."""
    spans = regions(text)
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
        if not r.used:
            rules = "all rules" if ALL in r.rules else ", ".join(sorted(r.rules))
            out_findings.append(Finding(
                rule="unused-suppression", severity="info", start=r.start, end=r.begin,
                message=f"this suppression ({rules}) no longer matches anything; remove it",
                **position(r.start)))
    return out_claims, sorted(out_findings, key=lambda f: (f.start, f.rule))
