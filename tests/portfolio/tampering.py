"""What someone with write access to the database can do behind the tracker's back."""

from __future__ import annotations

from typing import Any

from eventsourcing.persistence import StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder

from portfolio.audit.chain import APPEND_ONLY, GENESIS, Links
from portfolio.readmodels.store import Statement


def events_table(app: Any) -> tuple[str, str]:
    """The stored events table and its position column on this store."""
    table = app.recorder.events_table_name
    return (table, "notification_id") if is_postgres(app) else (table, "rowid")


def is_postgres(app: Any) -> bool:
    return isinstance(app.recorder, PostgresApplicationRecorder)


def tamper(app: Any, sql: str, **params: Any) -> None:
    """Run `sql` as the database's owner would, after dropping the append-only guards (which the
    owner of the database may do)."""
    table, position = events_table(app)
    app.read_models.write([Statement(statement, {}) for statement in drop_guards(app)])
    app.read_models.write([Statement(sql.format(table=table, position=position), params)])


def drop_guards(app: Any) -> list[str]:
    table, _ = events_table(app)
    tables = (table, *APPEND_ONLY)
    if is_postgres(app):
        return [f"DROP TRIGGER IF EXISTS append_only ON {name}" for name in tables]
    return [f"DROP TRIGGER IF EXISTS {name}_{verb}" for name in tables for verb in ("update", "delete")]


def forge_event(app: Any, like_position: int, state: bytes | None = None) -> int:
    """Append, directly in the database, a copy of the event at `like_position` as the next version
    of its record (or `state` instead of its state); returns the position it got."""
    n = app.recorder.select_notifications(like_position, 1)[0]
    last = next(iter(app.events.get(n.originator_id, desc=True, limit=1))).originator_version
    table, _ = events_table(app)
    record_id = n.originator_id if is_postgres(app) else n.originator_id.hex
    values = {"r": record_id, "v": last + 1, "t": n.topic, "s": state or bytes(n.state)}
    sql = f"INSERT INTO {table} (originator_id, originator_version, topic, state) VALUES (:r, :v, :t, :s)"
    app.read_models.write([Statement(sql, values)])
    return app.recorder.max_notification_id()


def relink(app: Any, key: str | None, start: int = 1) -> None:
    """Recompute every link from `start` on over the events as they now are, with `key` (the
    attacker's guess of it, or none), and write them in place of the chain's."""
    rows = app.read_models.query("SELECT position, after, link FROM audit_chain ORDER BY position")
    previous = next((row["link"] for row in reversed(rows) if row["position"] < start), GENESIS)
    links = Links(key)
    statements = [Statement(ddl, {}) for ddl in drop_guards(app)]
    statements.append(Statement("DELETE FROM audit_chain WHERE position >= :p", {"p": start}))
    after = next((row["position"] for row in reversed(rows) if row["position"] < start), 0)
    for n in app.recorder.select_notifications(start, 100_000):
        previous = links(previous, n.originator_id, n.originator_version, n.topic, bytes(n.state), bool(key))
        statements.append(
            Statement(
                "INSERT INTO audit_chain (position, after, record_id, version, link) VALUES (:p, :a, :r, :v, :l)",
                {"p": n.id, "a": after, "r": str(n.originator_id), "v": n.originator_version, "l": previous},
            )
        )
        after = n.id
    app.read_models.write(statements)


def stored_event(app: Any, position: int) -> StoredEvent:
    n = app.recorder.select_notifications(position, 1)[0]
    return StoredEvent(n.originator_id, n.originator_version, n.topic, bytes(n.state))
