"""Verification: claims against the reference set, and the story against itself."""

from .facts import link_places, verify_claims

__all__ = ["link_places", "verify_claims"]
