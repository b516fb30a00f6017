"""One DATABASE_URL, mapped onto the eventsourcing library's settings."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlparse

import psycopg

DEFAULT_DATABASE_URL = "sqlite:///var/portfolio.db"
APPLICATION_NAME = "Portfolio"  # the application's name, which the library's table names derive from


class ConfigError(ValueError):
    """The configuration cannot be used; the message says what to change."""


def database_url() -> str:
    return os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL


def owner_database_url() -> str | None:
    """The owner's URL on PostgreSQL, when the tracker connects as a role of less privilege (see
    `portfolio.roles`)."""
    return os.environ.get("DATABASE_OWNER_URL") or None


def check_schedule() -> tuple[float, int]:
    """How often the web processes check the read models against the log, in hours (0: never), and
    on how many records chosen at random (0: all of them): `PROJECTION_CHECK_EVERY` and
    `PROJECTION_CHECK_SAMPLE`."""
    try:
        hours = float(os.environ.get("PROJECTION_CHECK_EVERY", "24"))
        sample = int(os.environ.get("PROJECTION_CHECK_SAMPLE", "500"))
    except ValueError as error:
        message = f"PROJECTION_CHECK_EVERY (hours) and PROJECTION_CHECK_SAMPLE must be numbers: {error}"
        raise ConfigError(message) from None
    if hours < 0 or sample < 0:
        raise ConfigError("PROJECTION_CHECK_EVERY and PROJECTION_CHECK_SAMPLE cannot be negative.")
    return hours, sample


def store_settings(url: str) -> dict[str, str]:
    """Translate `sqlite:///path`, `sqlite:///:memory:` or `postgresql://…` into library settings."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        path = unquote(parsed.path[1:] if parsed.path.startswith("/") else parsed.path)
        if not path:
            raise ConfigError(f"DATABASE_URL '{url}' names no SQLite file.")
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            keep_private(Path(path))
        return {
            "PERSISTENCE_MODULE": "eventsourcing.sqlite",
            "SQLITE_DBNAME": path,
            "SQLITE_LOCK_TIMEOUT": "30",
            "APPLICATION_RECORDER_TOPIC": "portfolio.audit.recorders:ChainedSQLiteRecorder",
        }
    if parsed.scheme in ("postgres", "postgresql"):
        return {
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "POSTGRES_DBNAME": parsed.path.lstrip("/") or "postgres",
            "POSTGRES_HOST": parsed.hostname or "127.0.0.1",
            "POSTGRES_PORT": str(parsed.port or 5432),
            "POSTGRES_USER": unquote(parsed.username or "postgres"),
            "POSTGRES_PASSWORD": unquote(parsed.password or ""),
            "POSTGRES_POOL_SIZE": os.environ.get("POSTGRES_POOL_SIZE", "5"),
            "POSTGRES_MAX_OVERFLOW": os.environ.get("POSTGRES_MAX_OVERFLOW", "10"),
            "POSTGRES_LOCK_TIMEOUT": os.environ.get("POSTGRES_LOCK_TIMEOUT", "5"),
            # How long a request waits for a connection. The library tries ten times, so with the
            # server down a request fails (503) after about ten seconds instead of five minutes.
            "POSTGRES_CONNECT_TIMEOUT": os.environ.get("POSTGRES_CONNECT_TIMEOUT", "1"),
            "POSTGRES_PRE_PING": "y",
            # Not POSTGRES_ENABLE_DB_FUNCTIONS: the library's insert function takes no lock, so two
            # transactions could commit out of the order of their positions and a reader following
            # the positions skip the earlier one for good. The ordinary path locks the table.
            "APPLICATION_RECORDER_TOPIC": "portfolio.audit.recorders:ChainedPostgresRecorder",
        }
    raise ConfigError(f"DATABASE_URL '{url}' is not supported: use sqlite:///path or postgresql://user@host/db.")


def keep_private(path: Path) -> None:
    """Make `path` readable by its owner alone (it holds password hashes), creating it if need be.
    SQLite gives its journal files the permissions of the database file."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    os.chmod(path, 0o600)


STARTUP_LOCK = 7_311_202_610  # an arbitrary advisory-lock key for creating tables and functions


@contextmanager
def startup_lock(settings: dict[str, str]) -> Iterator[None]:
    """On PostgreSQL, let one process at a time create the tables and functions: several workers
    starting at once otherwise race in the catalog ("tuple concurrently updated")."""
    if settings["PERSISTENCE_MODULE"] != "eventsourcing.postgres":
        yield
        return
    with psycopg.connect(
        dbname=settings["POSTGRES_DBNAME"],
        host=settings["POSTGRES_HOST"],
        port=settings["POSTGRES_PORT"],
        user=settings["POSTGRES_USER"],
        password=settings["POSTGRES_PASSWORD"] or None,
        autocommit=True,
        connect_timeout=10,
    ) as connection:
        connection.execute("SELECT pg_advisory_lock(%s)", (STARTUP_LOCK,))
        try:
            yield
        finally:
            connection.execute("SELECT pg_advisory_unlock(%s)", (STARTUP_LOCK,))
