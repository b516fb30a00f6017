"""Telling an unreachable store from a failing query, and a commit whose answer was lost."""

from __future__ import annotations

import sqlite3

import psycopg
from eventsourcing.persistence import OperationalError
from psycopg_pool import PoolTimeout

from domain.context import recording
from domain.enums import OrganizationKind
from portfolio.errors import unreachable


def wrapped(cause: BaseException) -> OperationalError:
    try:
        raise OperationalError(str(cause)) from cause
    except OperationalError as error:
        return error


def test_only_a_store_that_cannot_be_reached_counts_as_unreachable():
    assert unreachable(wrapped(PoolTimeout("couldn't get a connection after 1.00 sec")))
    assert unreachable(wrapped(psycopg.OperationalError("server closed the connection unexpectedly")))
    assert unreachable(wrapped(psycopg.errors.AdminShutdown()))
    assert unreachable(wrapped(sqlite3.OperationalError("database is locked")))
    assert not unreachable(wrapped(psycopg.errors.LockNotAvailable()))
    assert not unreachable(wrapped(psycopg.errors.QueryCanceled()))
    assert not unreachable(wrapped(sqlite3.OperationalError("no such table: rm_nothing")))
    assert not unreachable(wrapped(sqlite3.OperationalError('near "SELEC": syntax error')))


def test_a_save_that_the_store_already_holds_is_known_as_ours(sqlite_url, open_portfolio):
    app = open_portfolio(sqlite_url)
    with recording("olena"):
        org_id = app.register_organization("Кластер", OrganizationKind.CLUSTER)
        org = app.repository.get(org_id)
        org.rename("Кластер плюс", "")
        ours = [(event.originator_version, event.timestamp) for event in org.pending_events]
        app.save(org)
    assert app._already_saved(org_id, ours)
    assert not app._already_saved(org_id, [(2, ours[0][1].replace(microsecond=(ours[0][1].microsecond + 1) % 10**6))])
    assert not app._already_saved(org_id, [])
