"""Settings: the command-line flags, the discovered config file and the defaults, resolved once
into one frozen `Settings` that every command reads (check, hook, batch, serve, config, refs).

Precedence, for each setting: the flag, then the config file (`--config`, or the nearest
`factcheck.toml` / `[tool.factcheck]` upward from the story), then the default. The reference set
is found here too, and only here: `--refs`, else `refs` in the config (relative to that file),
else the nearest `claims/` folder holding *.toml files, upward from the story.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config, find_config, folders_upward, load_config
from .errors import ConfigError
from .model_names import DEFAULT_MODEL, FAST_MODEL
from .policy import SEVERITY_RANK
from .rules import RULES

FORMATS = ("text", "json", "jsonl", "line", "sarif", "rdjsonl", "github", "html")
RULE_IDS = tuple(RULES)
FAIL_ON = tuple(sorted(SEVERITY_RANK, key=SEVERITY_RANK.get, reverse=True))  # error, warning, info


@dataclass(frozen=True)
class Flags:
    """The shared options as given on the command line; None (or empty) where not given."""

    refs: Path | None = None
    config: Path | None = None
    model: str | None = None
    published: str | None = None
    fail_on: str | None = None
    fast: bool = False
    format: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class Settings:
    """What a command runs with, every value resolved. `refs` is the reference folder named by
    --refs or the config, or found upward from where the settings were resolved (None: none)."""

    model: str = DEFAULT_MODEL
    fast: bool = False
    refs: Path | None = None
    refs_named: bool = False  # named by --refs or the config: used for every story, not searched for
    fail_on: str = "error"
    format: str = "text"
    published: dt.date | None = None
    disable: frozenset[str] = frozenset()
    exclude: tuple[str, ...] = ()
    max_bytes: int | None = None
    config: Config = field(default_factory=Config)

    def reference_folder(self, near: str | Path | None) -> Path | None:
        """The reference folder for a story at `near`: the named one, else the nearest claims/."""
        return self.refs if self.refs_named else find_reference(near)


def resolve(flags: Flags = Flags(), near: str | Path | None = None) -> Settings:
    """Flags over the config discovered from `near` (a story or folder; None: here) over defaults.
    A bad value raises ConfigError naming the flag, or the config file and key."""
    config = load_config(flags.config if flags.config is not None else find_config(near))
    fast = flags.fast or (bool(config.fast) and flags.model is None)
    format = _choice(flags.format, config.format, "text", FORMATS, "format", config)
    fail_on = _choice(flags.fail_on, config.fail_on, "error", FAIL_ON, "fail-on", config)
    select = _rules(flags.select, "--select")
    ignore = _rules(flags.ignore, "--ignore")
    disable = (set(config.disable) - select) | ignore | ((set(RULE_IDS) - select) if select else set())
    if flags.refs is not None:
        refs, named = flags.refs, True
    elif config.refs is not None:
        refs, named = config.refs, True
    else:
        refs, named = find_reference(near), False
    return Settings(
        model=FAST_MODEL if fast else (flags.model or config.model or DEFAULT_MODEL),
        fast=fast, refs=refs, refs_named=named, fail_on=fail_on, format=format,
        published=_date(flags.published), disable=frozenset(disable),
        exclude=(*config.exclude, *flags.exclude), max_bytes=config.max_bytes, config=config,
    )


def find_reference(start: str | Path | None) -> Path | None:
    """The nearest claims/ folder holding *.toml, from `start` (a file or folder) upward."""
    for folder in folders_upward(start):
        candidate = folder / "claims"
        if candidate.is_dir() and any(candidate.rglob("*.toml")):
            return candidate
    return None


def no_reference_message(near: str | Path | None) -> str:
    """One line for stderr when no reference set was found: where we looked, how to name one."""
    start = folders_upward(near)[0]
    return (f"no reference set found: looked for a claims/ folder of *.toml files in {start} and every "
            f"folder above it; every figure stays unverified. Name one with --refs DIR, or "
            f"refs = \"DIR\" in factcheck.toml")


def _choice(flag: str | None, configured: str | None, default: str, allowed: tuple[str, ...],
            name: str, config: Config) -> str:
    if flag is not None:
        if flag not in allowed:
            raise ConfigError(f"--{name}: expected one of {', '.join(allowed)}, got {flag!r}")
        return flag
    if configured is not None:
        if configured not in allowed:
            raise ConfigError(f"{config.source}: {name.replace('-', '_')}: expected one of "
                              f"{', '.join(allowed)}, got {configured!r}")
        return configured
    return default


def _rules(values: tuple[str, ...], flag: str) -> set[str]:
    """Rule ids from repeated and comma-separated flag values, each checked against the catalogue."""
    ids = {part.strip() for value in values for part in value.split(",") if part.strip()}
    unknown = sorted(ids - set(RULE_IDS))
    if unknown:
        raise ConfigError(f"{flag}: unknown rule {unknown[0]!r}; known rules: {', '.join(sorted(RULE_IDS))}")
    return ids


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"--published: expected a date as YYYY-MM-DD, got {value!r}") from None
