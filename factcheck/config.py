"""Configuration: a `factcheck.toml` (or `[tool.factcheck]` in pyproject.toml) found upward from
the checked file, like a linter's; `--config` names one; command-line flags override it
(`factcheck.settings` resolves the two). Keys may be written with a hyphen or an underscore
(`fail-on` or `fail_on`), as pyproject.toml tools usually accept."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from .errors import ConfigError, FactcheckError
from .rules import RULES
from .source import decode_utf8, read_bytes

MAX_CONFIG_BYTES = 1_000_000
RULE_IDS = frozenset(RULES)


class Config(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    refs: Path | None = None
    model: str | None = None
    fail_on: Literal["error", "warning", "info"] = "error"
    format: str | None = None
    disable: list[str] = []
    exclude: list[str] = []
    max_bytes: int | None = None
    fast: bool | None = None
    source: Path | None = None  # the file this was read from (None: defaults)

    @field_validator("disable")
    @classmethod
    def _known_rules(cls, rules):
        unknown = [r for r in rules if r not in RULE_IDS]
        if unknown:
            raise ValueError(f"unknown rule {unknown[0]!r}; known rules: {', '.join(sorted(RULE_IDS))}")
        return rules


def folders_upward(start: str | Path | None) -> list[Path]:
    """The folder of `start` (a file or folder; default here) and every folder above it, nearest
    first: where a linter looks for its config, and factcheck for its config and claims/."""
    here = Path(start or ".").resolve()
    if here.is_file() or not here.exists():
        here = here.parent
    return [here, *here.parents]


def find_config(start: str | Path | None) -> Path | None:
    """The nearest factcheck.toml, or pyproject.toml with [tool.factcheck], upward from `start`."""
    for folder in folders_upward(start):
        candidate = folder / "factcheck.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and re.search(rb"^\[tool\.factcheck\]", _head(pyproject), re.M):
            return pyproject
    return None


def _head(path: Path) -> bytes:
    """A discovered pyproject.toml's bytes, or none when it cannot be read: a file we were not
    asked about does not stop the check (one named by --config does)."""
    try:
        return read_bytes(path, MAX_CONFIG_BYTES, what="a pyproject.toml")
    except FactcheckError:
        return b""


def load_config(path: str | Path | None) -> Config:
    """Read and validate a config file (None: the defaults). Paths in it are relative to it."""
    if path is None:
        return Config()
    path = Path(path)
    what = "a TOML config file"
    text = decode_utf8(read_bytes(path, MAX_CONFIG_BYTES, what=what, error=ConfigError), str(path), what, ConfigError)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        raise ConfigError(f"{path}:{line.group(1) if line else 1}: not valid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("factcheck", {})
    data = _underscored(data, text, path)
    try:
        config = Config.model_validate({**data, "source": path})
    except ValidationError as exc:
        error = exc.errors()[0]
        key = str(error["loc"][0]) if error["loc"] else ""
        number = _line_of(text, key)
        message = error["msg"].removeprefix("Value error, ")
        raise ConfigError(f"{path}:{number}: {_spelled(text, key)}: {message}") from None
    if config.refs is not None and not config.refs.is_absolute():
        config = config.model_copy(update={"refs": (path.parent / config.refs).resolve()})
    return config


def _underscored(data: dict, text: str, path: Path) -> dict:
    """`fail-on` read as `fail_on`; both spellings of one key is an error naming the second."""
    out: dict = {}
    for key, value in data.items():
        name = key.replace("-", "_") if isinstance(key, str) else key
        if name in out:
            raise ConfigError(f"{path}:{_line_of(text, key, exact=True)}: {key}: given twice (as {name.replace('_', '-')} "
                              f"and {name}); keep one")
        out[name] = value
    return out


def _key_pattern(key: str) -> str:
    """A regular expression for `key` as written in TOML, with a hyphen or an underscore."""
    return "[-_]".join(re.escape(part) for part in re.split(r"[-_]", key))


def _line_of(text: str, key: str, *, exact: bool = False) -> int:
    pattern = re.escape(key) if exact else _key_pattern(key)
    for number, line in enumerate(text.splitlines(), start=1):
        if key and re.match(rf"^\s*[\"']?{pattern}[\"']?\s*=", line):
            return number
    return 1


def _spelled(text: str, key: str) -> str:
    """`key` as the file spells it (fail-on or fail_on)."""
    match = re.search(rf"^\s*[\"']?({_key_pattern(key)})[\"']?\s*=", text, re.M) if key else None
    return match.group(1) if match else key


def describe(config: Config) -> str:
    """What `factcheck config` prints: every setting and where it came from."""
    origin = str(config.source) if config.source else "built-in defaults (no factcheck.toml found)"
    lines = [f"config: {origin}"]
    for key, value in config.model_dump(exclude={"source"}).items():
        lines.append(f"  {key} = {value!r}")
    return "\n".join(lines)
