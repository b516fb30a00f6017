from __future__ import annotations


class DomainError(Exception):
    """A business rule was broken; the message is meant for a person."""
