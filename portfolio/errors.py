"""The application's own errors, which the web layer turns into 404, 409 and 422."""

from __future__ import annotations

from typing import Any

from eventsourcing.persistence import InterfaceError, OperationalError

# The store cannot be reached (PostgreSQL stopped, the network cut, SQLite locked too long).
UNAVAILABLE: tuple[type[Exception], ...] = (OperationalError, InterfaceError)


class PortfolioError(Exception):
    pass


class NotFoundError(PortfolioError):
    pass


class RuleBrokenError(PortfolioError):
    """A domain rule refused the change; the message is for a person."""


class ConflictError(PortfolioError):
    """Someone else changed the record first; `current` holds the newer state."""

    def __init__(self, message: str, version: int, current: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.version = version
        self.current = current or {}
