"""The library's entry points: a story in, a `Report` out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import suppress
from .extract.assemble import build_claims
from .source import Positions
from .settings import find_reference  # noqa: F401  (public here; one owner: settings)
from .errors import CheckError, FactcheckError
from .extract import DEFAULT_MODEL, build_pipeline
from .limits import admit
from .models import Report, SourceInfo, Summary
from .reference import ReferenceSet, load_reference
from .source import Story, read_story, story_from_text
from .verify import link_places, verify_claims
from .rules import find_inconsistencies

_EMPTY = ReferenceSet()


def check_story(
    story: Story, *, model: str = DEFAULT_MODEL, reference: ReferenceSet | None = None,
    disable: Iterable[str] = (),
) -> Report:
    return next(check_stories([story], model=model, reference=reference, disable=disable))


def check_stories(
    stories: Iterable[Story], *, model: str = DEFAULT_MODEL, reference: ReferenceSet | None = None,
    disable: Iterable[str] = (),
) -> Iterator[Report]:
    """Reports for many stories, one at a time. With no `reference`, every claim stays
    unverified; `disable` turns rules off by id.

    A story that cannot be checked raises FactcheckError naming it: SourceError when the text
    is not admissible (too long, broken characters), CheckError for anything unexpected. Callers
    that check many stories catch it per story and go on."""
    nlp = build_pipeline(model)
    disabled = frozenset(disable)
    for story in stories:
        where = story.path or "<stdin>"
        admit(story.plain, where)
        try:
            yield _report(story, nlp(story.plain), reference or _EMPTY, disabled)
        except FactcheckError:
            raise
        except Exception as exc:  # a bug must cost one story, not the run: report it against the story
            raise CheckError(f"{where}: could not be checked: {type(exc).__name__}: {exc} "
                             f"(a bug in factcheck; please report it with the story)") from exc


def check_text(
    text: str, *, published: dt.date | str | None = None, path: str | None = None,
    format: str | None = None, model: str = DEFAULT_MODEL, reference: ReferenceSet | str | Path | None = None,
) -> Report:
    """Check a story given as a string (`format`: text, markdown or html; guessed from `path`).
    `reference` is a loaded ReferenceSet or the folder to load it from."""
    story = story_from_text(text, path, published=_date(published), format=format)
    return check_story(story, model=model, reference=_reference(reference))


def check_file(
    path: str | Path, *, published: dt.date | str | None = None, model: str = DEFAULT_MODEL,
    reference: ReferenceSet | str | Path | None = None,
) -> Report:
    return check_story(read_story(path, published=_date(published)), model=model,
                       reference=_reference(reference))


def _shown(folder: Path) -> str:
    """A folder as a report shows it: relative to the working folder when it lies below it."""
    try:
        return str(Path(folder).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(folder)


def _reference(value: ReferenceSet | str | Path | None) -> ReferenceSet | None:
    if value is None or isinstance(value, ReferenceSet):
        return value
    return load_reference(value)


def _date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    from .source import parse_date

    return parse_date(value, "published")


def _report(story: Story, doc, reference: ReferenceSet, disabled: frozenset[str] = frozenset()) -> Report:
    claims, places = build_claims(doc, story.text, story.published)
    claims, places = link_places(claims, places, story.text, reference)
    if "contradicted" not in disabled:
        claims = verify_claims(claims, story.text, reference, story.published, places)
    findings = find_inconsistencies(claims, story.text, disabled=disabled)
    claims, findings = suppress.apply(claims, findings, story.text, Positions(story.text),
                                      format=story.format, disabled=disabled)
    checked = [c for c in claims if c.verdict != "unverified"]
    active = [f for f in findings if not f.suppressed]
    return Report(
        source=SourceInfo(
            path=story.path, published=story.published.isoformat() if story.published else None,
            format=story.format,
            reference=_shown(reference.folder) if reference is not _EMPTY and reference.folder else None,
        ),
        claims=claims,
        places=places,
        findings=findings,
        summary=Summary(
            claims=len(claims), checked=len(checked),
            supported=sum(c.verdict == "supported" for c in claims),
            contradicted=sum(c.verdict == "contradicted" and not c.suppressed for c in claims),
            findings=len(active),
        ),
    )
