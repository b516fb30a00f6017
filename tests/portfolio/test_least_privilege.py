"""On PostgreSQL the tracker can work as a role that may only add to the event log: the owner
(`DATABASE_OWNER_URL`) makes the tables and grants it SELECT and INSERT on the events and the audit
tables, so an UPDATE, DELETE or TRUNCATE of the log by the tracker's own credentials is refused."""

from __future__ import annotations

import uuid

import psycopg
import pytest

from portfolio.app import Portfolio
from portfolio.audit.verification import verify
from tests.conftest import PG_SERVER, require_postgres
from tests.portfolio.scenario import build, read_models

KEY = "an audit key for tests"


@pytest.fixture
def app_role(postgres_url):
    """A role of its own for this test, allowed to log in and nothing more; dropped afterwards."""
    role = f"portfolio_app_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE ROLE "{role}" LOGIN')
    yield role
    database = postgres_url.rsplit("/", 1)[1]
    with psycopg.connect(f"{PG_SERVER}/{database}", autocommit=True) as owner:
        owner.execute(f'DROP OWNED BY "{role}"')
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP ROLE "{role}"')


def as_role(postgres_url: str, role: str) -> str:
    return postgres_url.replace("postgresql://postgres@", f"postgresql://{role}@")


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE portfolio_events SET topic = 'x'",
        "DELETE FROM portfolio_events",
        "TRUNCATE portfolio_events",
        "UPDATE audit_chain SET link = 'x'",
        "DELETE FROM audit_chain",
        "DELETE FROM audit_checkpoints",
        "DROP TRIGGER append_only ON portfolio_events",
    ],
)
def test_the_trackers_role_cannot_change_the_log(postgres_url, app_role, statement):
    require_postgres()
    app = Portfolio(as_role(postgres_url, app_role), audit_key=KEY, owner_url=postgres_url)
    try:
        build(app)
        assert read_models(app)["rm_projects"] and verify(app.chain).ok
        with (
            psycopg.connect(as_role(postgres_url, app_role), autocommit=True) as connection,
            pytest.raises(psycopg.errors.InsufficientPrivilege),
        ):
            connection.execute(statement)
        assert verify(app.chain).ok
    finally:
        app.close()
