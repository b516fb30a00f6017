"""Stores for tests: temporary SQLite files and, where it runs, a fresh PostgreSQL database.

PostgreSQL is looked for on 127.0.0.1:5432 (user postgres, trust auth). Without it the
PostgreSQL cases are skipped with the reason shown in pytest's summary; under CI=true they fail.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest

from portfolio.app import Portfolio

PG_SERVER = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432")
# The witnesses of the tests' PostgreSQL databases go to a directory of their own, not var/witness.
os.environ.setdefault("AUDIT_WITNESS_DIR", tempfile.mkdtemp(prefix="portfolio-witness-"))
_pg_error: str | None = None


def _admin() -> psycopg.Connection:
    return psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=3)


def _postgres_reachable() -> bool:
    global _pg_error
    try:
        with _admin():
            return True
    except psycopg.OperationalError as error:
        _pg_error = str(error).strip().splitlines()[0]
        return False


PG_AVAILABLE = _postgres_reachable()


def require_postgres() -> None:
    if PG_AVAILABLE:
        return
    message = f"PostgreSQL not reachable at {PG_SERVER} ({_pg_error})"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message}: the PostgreSQL tests are required in CI")
    pytest.skip(message)


@contextmanager
def _postgres_database() -> Iterator[str]:
    require_postgres()
    name = f"portfolio_test_{uuid.uuid4().hex[:12]}"
    with _admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        with _admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def fresh_store(kind: str, directory: Path) -> Iterator[str]:
    """A new empty store of `kind` ("sqlite" or "postgres"), for a test that needs several."""
    if kind == "postgres":
        with _postgres_database() as url:
            yield url
        return
    yield f"sqlite:///{directory / f'{uuid.uuid4().hex[:12]}.db'}"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    with _postgres_database() as url:
        yield url


@pytest.fixture
def another_store_url(store_url, tmp_path) -> Iterator[str]:
    """A second empty store of the same kind as `store_url`."""
    if store_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'another.db'}"
        return
    with _postgres_database() as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'portfolio.db'}"


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request) -> str:
    """The same test on a SQLite file and on PostgreSQL."""
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture(params=["sqlite", "postgres"])
def store_kind(request) -> str:
    """The kind of store a test makes its own stores of (see `fresh_store`)."""
    if request.param == "postgres":
        require_postgres()
    return request.param


@pytest.fixture
def open_portfolio() -> Iterator[Callable[..., Portfolio]]:
    """Open applications on a URL; all are closed at the end of the test."""
    opened: list[Portfolio] = []

    def open_(url: str, audit_key: str | None = None) -> Portfolio:
        app = Portfolio(url, audit_key=audit_key)
        opened.append(app)
        return app

    yield open_
    for app in opened:
        app.close()
