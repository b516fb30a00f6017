"""The application's own errors, which the web layer turns into 404, 409 and 422."""

from __future__ import annotations

import sqlite3
from typing import Any

import psycopg
from eventsourcing.persistence import InterfaceError, OperationalError
from psycopg_pool import PoolTimeout

from domain.errors import DomainError, english

# What the library raises when the store fails; `unreachable` tells a store that cannot be reached
# from a query or a rule that failed (those are bugs, and must not pass for an outage).
STORE_ERRORS: tuple[type[Exception], ...] = (OperationalError, InterfaceError)
_CONNECTION_LOST = ("57P01", "57P02", "57P03")  # shut down by an administrator, by a crash; starting up


def unreachable(error: BaseException) -> bool:
    """Whether the store could not be reached or answered (PostgreSQL stopped, the network cut, no
    connection to be had, SQLite locked by another writer for too long)."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, PoolTimeout | psycopg.InterfaceError):
            return True
        if isinstance(cause, psycopg.OperationalError):
            state = cause.sqlstate
            return state is None or state.startswith("08") or state in _CONNECTION_LOST
        if isinstance(cause, sqlite3.OperationalError):
            return "database is locked" in str(cause)
        cause = cause.__cause__
    return False


class PortfolioError(Exception):
    pass


class NotFoundError(PortfolioError):
    pass


class RuleBrokenError(PortfolioError):
    """A rule refused the change; the message is for a person. Told like a `DomainError`: a literal
    template with `{placeholders}` (extracted with `-k RuleBrokenError`), the values that fill it,
    and `str(error)` the English text."""

    def __init__(self, template: str, /, *, about: str | None = None, **values: Any) -> None:
        super().__init__(english(template, values))
        self.template, self.values, self.about = template, values, about

    @classmethod
    def because(cls, error: DomainError) -> RuleBrokenError:
        """The domain's refusal, told as the domain told it (its template is extracted there)."""
        return cls(error.template, about=error.about, **error.values)


class ConflictError(PortfolioError):
    """Someone else changed the record first; `current` holds the newer state, `actor` who changed it."""

    def __init__(self, message: str, version: int, current: dict[str, Any] | None = None, actor: str = "") -> None:
        super().__init__(message)
        self.version = version
        self.current = current or {}
        self.actor = actor
