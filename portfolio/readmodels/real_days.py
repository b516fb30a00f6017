"""How each record really was on each day, for records whose changes were not recorded in the
order they took effect.

The portfolio as it really was on a day (`basis=real`) shows each record after exactly the
changes that took effect by that day (on their effective date, or the day they were recorded),
applied in the order they were recorded. For most records those are the first changes recorded,
so the record's history twin (see `history.py`) holds that state at the position of the last of
them. A record with a change recorded after another one that took effect later (a back-dated
change) has no such position. It is listed in `rm_backdated`, and its rows for every day on which
one of its changes took effect are replayed here, into a scratch database in memory, and kept in
each register table's `_real` twin with the days they were true for. They are written in the
transaction that applies the event, so they are never behind the log.

A change that cannot be applied without changes that had not taken effect yet on a day (a
milestone reached before it was added) is left out of that day, as the projector sets aside an
event it cannot apply.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Sequence
from typing import Any
from uuid import UUID

from portfolio.readmodels.history import real_day
from portfolio.readmodels.projectors import row_changes
from portfolio.readmodels.schema import COLUMNS, NAMES, OWNER_COLUMNS, READ_MODEL_TABLES, TABLES
from portfolio.readmodels.store import Statement

LAST_DAY = "9999-12-31"  # `real_to` of rows still true
EventsOf = Callable[[UUID, int], Sequence[Any]]  # a record's events up to a version
Rows = dict[str, list[tuple[Any, ...]]]
logger = logging.getLogger(__name__)
_scratch = threading.local()


def fixes(store: Any, batch: Sequence[tuple[int, Any]], events_of: EventsOf) -> dict[str, list[Statement]]:
    """For a batch of (position, event) about to be applied: the statements that write anew the
    `_real` rows of each record that has a back-dated change once the batch is applied, by record."""
    by_record: dict[str, list[tuple[int, Any]]] = {}
    for position, event in batch:
        by_record.setdefault(str(event.originator_id), []).append((position, event))
    known = _known(store, list(by_record))
    result = {}
    for record_id, events in by_record.items():
        latest, since = known.get(record_id, (None, None))
        for position, event in events:
            day = real_day(event).isoformat()
            if since is None and latest is not None and day < latest:
                since = position
            latest = day if latest is None else max(latest, day)
        if since is None:
            continue
        try:
            result[record_id] = _written(record_id, since, events_of(UUID(record_id), events[-1][1].originator_version))
        except Exception:  # an event of the record does not read: the quarantine has it already
            logger.exception("The days of record %s cannot be replayed; its real days are not kept.", record_id)
    return result


def _known(store: Any, record_ids: list[str]) -> dict[str, tuple[str, int | None]]:
    """The latest day a change of each record took effect, and since when it has a back-dated
    change, from the events applied before."""
    if not record_ids:
        return {}
    names = {f"r{n}": record_id for n, record_id in enumerate(record_ids)}
    rows = store.rows(
        "SELECT e.record_id, MAX(e.real_on), MAX(b.since) FROM rm_events e "
        "LEFT JOIN rm_backdated b ON b.record_id = e.record_id "
        f"WHERE e.record_id IN ({', '.join(f':{name}' for name in names)}) GROUP BY e.record_id",
        names,
    )
    return {record_id: (latest, since) for record_id, latest, since in rows}


def _written(record_id: str, since: int, events: Sequence[Any]) -> list[Statement]:
    statements = [
        Statement(
            "INSERT INTO rm_backdated (record_id, since) VALUES (:id, :since) ON CONFLICT (record_id) DO NOTHING",
            {"id": record_id, "since": since},
        ),
        *(
            Statement(f"DELETE FROM {table}_real WHERE {OWNER_COLUMNS[table]} = :id", {"id": record_id})
            for table in COLUMNS
        ),
    ]
    spans = by_day(record_id, events)
    for (day, rows), (until, _) in zip(spans, [*spans[1:], (LAST_DAY, {})], strict=True):
        for table, table_rows in rows.items():
            columns = ", ".join([*NAMES[table], "real_from", "real_to"])
            placeholders = ", ".join(f":{name}" for name in [*NAMES[table], "real_from", "real_to"])
            sql = f"INSERT INTO {table}_real ({columns}) VALUES ({placeholders})"
            statements += [
                Statement(sql, {**dict(zip(NAMES[table], row, strict=True)), "real_from": day, "real_to": until})
                for row in table_rows
            ]
    return statements


def by_day(record_id: str, events: Sequence[Any]) -> list[tuple[str, Rows]]:
    """The record's rows from each day on which they changed: after its changes that took effect
    by then, in the order recorded. Those are the longest run of its first changes all in effect by
    the day, which grows from day to day and is applied once, then the later-recorded changes
    already in effect, applied for that day only (inside a savepoint rolled back after)."""
    real = [real_day(event).isoformat() for event in events]
    db = _scratch_db()
    for table in READ_MODEL_TABLES:
        db.execute(f"DELETE FROM {table}")
    spans: list[tuple[str, Rows]] = []
    applied = 0  # the first changes, all in effect by the day, applied so far
    for day in sorted(set(real)):
        while applied < len(events) and real[applied] <= day:
            _apply(db, events[applied])
            applied += 1
        db.execute("SAVEPOINT day")
        for event, effective in zip(events[applied:], real[applied:], strict=True):
            if effective <= day:
                _apply(db, event)
        rows = _rows(db, record_id)
        db.execute("ROLLBACK TO day")
        db.execute("RELEASE day")
        if not spans or spans[-1][1] != rows:
            spans.append((day, rows))
    return spans


def _apply(db: sqlite3.Connection, event: Any) -> None:
    """Apply an event to the scratch read models, or nothing of it if it cannot be applied (it
    needs a change not yet in effect that day)."""
    db.execute("SAVEPOINT event")
    try:
        for statement in row_changes(event):
            db.execute(statement.sql, statement.params)
    except Exception:
        db.execute("ROLLBACK TO event")
    db.execute("RELEASE event")


def _rows(db: sqlite3.Connection, record_id: str) -> Rows:
    """The record's rows of each register table in the scratch read models."""
    return {
        table: sorted(
            db.execute(
                f"SELECT {', '.join(NAMES[table])} FROM {table} WHERE {OWNER_COLUMNS[table]} = ?", (record_id,)
            ).fetchall(),
            key=repr,
        )
        for table in COLUMNS
    }


def _scratch_db() -> sqlite3.Connection:
    """Empty read models in memory, one per thread."""
    db = getattr(_scratch, "db", None)
    if db is None:
        db = sqlite3.connect(":memory:", isolation_level=None)
        for ddl in TABLES:
            db.execute(ddl)
        _scratch.db = db
    return db
