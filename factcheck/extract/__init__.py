"""spaCy components that find figures, dates and places; `build_pipeline` assembles them."""

from .pipeline import DEFAULT_MODEL, FAST_MODEL, build_pipeline

__all__ = ["DEFAULT_MODEL", "FAST_MODEL", "build_pipeline"]
