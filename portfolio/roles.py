"""Least privilege on PostgreSQL: the tracker connects as a role that may only add to the event log.

With `DATABASE_OWNER_URL` set, each process starts by connecting as the database's owner (under
the startup lock) to create or migrate every table, the audit chain's guards and the read models,
and to grant the role of `DATABASE_URL` what the tracker needs and no more: SELECT and INSERT on
the events table and the audit tables (never UPDATE, DELETE or TRUNCATE), everything on the read
models and the tables kept beside them (sessions, sign-in counts, checks), and the sequences. Then
it works as that role only. The role must exist (`CREATE ROLE portfolio_app LOGIN PASSWORD '…'`).

Without `DATABASE_OWNER_URL`, one role does both, as on SQLite.
"""

from __future__ import annotations

from typing import Any, cast
from urllib.parse import unquote, urlparse

from eventsourcing.persistence import InfrastructureFactory
from eventsourcing.postgres import PostgresApplicationRecorder
from eventsourcing.utils import Environment
from psycopg import sql

from portfolio.audit.chain import APPEND_ONLY, AuditChain
from portfolio.config import APPLICATION_NAME, ConfigError, store_settings
from portfolio.readmodels.schema import KEPT_BESIDE, READ_MODEL_TABLES
from portfolio.readmodels.store import PostgresReadModels


def app_role(url: str) -> str:
    role = unquote(urlparse(url).username or "")
    if not role:
        raise ConfigError("With DATABASE_OWNER_URL set, DATABASE_URL must name the role the tracker connects as.")
    return role


def migrate_as_owner(owner_url: str, url: str) -> None:
    """Create or migrate every table as the owner, and grant the tracker's role what it needs."""
    settings = store_settings(owner_url)
    if settings["PERSISTENCE_MODULE"] != "eventsourcing.postgres":
        raise ConfigError("DATABASE_OWNER_URL is for PostgreSQL: on SQLite the file's owner is the only role.")
    factory = InfrastructureFactory.construct(Environment(APPLICATION_NAME, settings))
    try:
        # The recorder creates the events table, its type and function; on PostgreSQL, the factory and
        # so its recorders are PostgreSQL's.
        recorder = cast(PostgresApplicationRecorder, factory.application_recorder())
        read_models = cast(PostgresReadModels, factory.tracking_recorder(PostgresReadModels))
        read_models.create_read_models()
        AuditChain(recorder, read_models, None).create_tables()
        _grant(read_models, recorder.events_table_name, read_models.tracking_table_name, app_role(url))
    finally:
        factory.close()


def _grant(store: Any, events_table: str, tracking_table: str, role: str) -> None:
    who = sql.Identifier(role)
    append_only = [events_table, *APPEND_ONLY]
    changeable = [*READ_MODEL_TABLES, *KEPT_BESIDE, tracking_table]
    statements = [
        sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(who),
        sql.SQL("REVOKE UPDATE, DELETE, TRUNCATE ON {} FROM {}").format(_tables(append_only), who),
        sql.SQL("GRANT SELECT, INSERT ON {} TO {}").format(_tables(append_only), who),
        sql.SQL("GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON {} TO {}").format(_tables(changeable), who),
        sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {}").format(who),
    ]
    with store.datastore.transaction(commit=True) as c:
        for statement in statements:
            c.execute(statement)


def _tables(names: list[str]) -> sql.Composable:
    return sql.SQL(", ").join(sql.Identifier(name) for name in names)
