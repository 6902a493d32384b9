"""Errors a user can cause and fix. The CLI prints them as one line and exits with code 2."""


class FactcheckError(Exception):
    """Base class: the message says what was expected and what arrived."""


class SourceError(FactcheckError):
    """A story that cannot be read: missing, a directory, empty, binary, too large."""


class ConfigError(FactcheckError):
    """A bad option or configuration value."""


class ModelError(FactcheckError):
    """The spaCy pipeline named in the options cannot be loaded."""


class GoldError(FactcheckError):
    """A gold annotation file that does not match its story or the gold format."""


class ReferenceSetError(FactcheckError):
    """A reference set (claims/) that does not validate: the message starts with file:line."""


class CheckError(FactcheckError):
    """A story that made the checker fail unexpectedly (a bug): reported against that story."""
