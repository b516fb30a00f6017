"""Read-model tables and their tracking position, written in one transaction.

Both recorders extend the library's tracking recorder, so the position of the last applied
notification lives in the library's tracking table, next to the rows it produced. A batch is
applied only if the position it starts from is still the recorded one (a compare-and-set under
a lock), so two processes catching up at once can never apply the same notification twice.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from eventsourcing.persistence import IntegrityError, Tracking
from eventsourcing.postgres import PostgresTrackingRecorder
from eventsourcing.sqlite import SQLiteCursor, SQLiteTrackingRecorder
from psycopg.rows import tuple_row

from portfolio import timetravel
from portfolio.readmodels.schema import DROP, META, READ_MODEL_TABLES, SCHEMA_VERSION, TABLES

PROJECTION_NAME = "portfolio_read_models"
READ_MODELS_LOCK = 7_311_202_611  # an arbitrary advisory-lock key for the read models
MAPPED_BYTES = 1 << 31  # how much of a SQLite file reads may map (SQLite's usual builds allow 2 GB at most)


_CHANGED_TABLE = re.compile(r"^\s*(?:INSERT INTO|UPDATE|DELETE FROM)\s+(\w+)", re.IGNORECASE)


@dataclass(frozen=True)
class Statement:
    sql: str
    params: dict[str, Any]

    @property
    def table(self) -> str:
        """The table this statement changes."""
        match = _CHANGED_TABLE.match(self.sql)
        return match.group(1) if match else ""


class PositionMovedError(IntegrityError):
    """Another process applied these notifications first."""


class ReadModelMixin:
    """Shared behaviour; subclasses say how parameters and locks are written."""

    datastore: Any

    def _sql(self, sql: str) -> str:
        return sql

    def _lock_position(self) -> str:
        return "SELECT notification_id FROM {tracking} WHERE application_name = :name"

    def _tracking_table(self) -> str:
        raise NotImplementedError

    def _batched(self, c: Any) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def _serialize(self, c: Any) -> None:
        """Take the read models' lock for this transaction (SQLite's write lock already is one)."""

    def _derived_transaction(self) -> AbstractContextManager[Any]:
        """A transaction that writes only what the event log can give again (the read models and
        their position), so it need not wait for the disk: a crash may lose the last of them, but
        never rows without their position, and the projector applies them again on start. Saving
        the next event waits for the disk, and with it for everything written before."""
        return self.datastore.transaction(commit=True)

    def create_read_models(self) -> bool:
        """Create the tables; tables of another schema version are dropped and made anew, and
        their position reset, so the projector rebuilds them. Returns True if that happened."""
        with self.datastore.transaction(commit=True) as c:
            self._serialize(c)
            c.execute(META)
            c.execute(self._sql("SELECT value FROM rm_meta WHERE name = 'schema_version'"))
            row = c.fetchone()
            found = row[0] if row and not isinstance(row, dict) else (row or {}).get("value")
            reset = found != str(SCHEMA_VERSION)
            for ddl in (*(DROP if reset else ()), *TABLES):
                c.execute(ddl)
            if reset:
                c.execute(
                    self._sql("INSERT INTO rm_meta (name, value) VALUES ('schema_version', :version)"),
                    {"version": str(SCHEMA_VERSION)},
                )
                c.execute(
                    self._sql(f"DELETE FROM {self._tracking_table()} WHERE application_name = :name"),
                    {"name": PROJECTION_NAME},
                )
            c.execute(
                self._sql(
                    f"INSERT INTO {self._tracking_table()} (application_name, notification_id) "
                    "VALUES (:name, 0) ON CONFLICT (application_name) DO NOTHING"
                ),
                {"name": PROJECTION_NAME},
            )
        return reset

    def drop_read_models(self) -> None:
        with self.datastore.transaction(commit=True) as c:
            self._serialize(c)
            for ddl in DROP:
                c.execute(ddl)
            c.execute(
                self._sql(f"DELETE FROM {self._tracking_table()} WHERE application_name = :name"),
                {"name": PROJECTION_NAME},
            )

    def position(self) -> int:
        return self.max_tracking_id(PROJECTION_NAME) or 0  # type: ignore[attr-defined]  # the tracking recorder's

    def apply(self, start: int, end: int, statements: Sequence[Statement]) -> None:
        """Apply the rows for notifications (start, end] if `start` is still the position."""
        with self._derived_transaction() as c:
            self._serialize(c)
            c.execute(
                self._sql(self._lock_position().format(tracking=self._tracking_table())),
                {"name": PROJECTION_NAME},
            )
            row = c.fetchone()
            current = (row[0] if not isinstance(row, dict) else row["notification_id"]) if row else 0
            if current != start:
                raise PositionMovedError(f"Read models are at {current}, not {start}.")
            with self._batched(c):
                for statement in statements:
                    self._execute(c, self._sql(statement.sql), statement.params)
            self._insert_tracking(c, Tracking(PROJECTION_NAME, end))  # type: ignore[attr-defined]  # the tracking recorder's

    def analyze(self) -> None:
        """Refresh the query planner's statistics of the read-model tables: after a rebuild,
        without them SQLite takes a filter's index over a sort's and sorts thousands of rows."""
        with self.datastore.transaction(commit=True) as c:
            for table in READ_MODEL_TABLES:
                c.execute(f"ANALYZE {table}")

    def exact_sum(self, expression: str) -> str:
        """SQL for the exact sum of amounts kept as text, as text or a decimal."""
        return f"decimal_sum({expression})"

    def write_returning(self, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
        """Run one statement that changes a table kept beside the read models, in its own
        transaction, and return the rows it returns."""
        with self.datastore.transaction(commit=True) as c:
            self._execute(c, self._sql(sql), params)
            return fetch_tuples(c)

    def write(self, statements: Sequence[Statement]) -> None:
        """Run statements in one transaction (for tables kept beside the read models)."""
        with self.datastore.transaction(commit=True) as c:
            self._serialize(c)
            for statement in statements:
                c.execute(self._sql(statement.sql), statement.params)

    def query(self, sql: str, params: dict[str, Any] | None = None, walk: bool = False) -> list[dict[str, Any]]:
        """Rows of `sql`; while viewing the past (see `portfolio.timetravel`), rows as they were then.
        `walk` is for a query that reads a few rows in the order, or within a range, of an index the
        history twin has too: in the past, that index is walked rather than every row alive then read."""
        as_of = timetravel.current()
        if as_of is not None:
            sql, params = timetravel.shadowed(sql, as_of, walk), {**(params or {}), **as_of.params()}
        with self._reading() as c:
            self._execute(c, self._sql(sql), params or {})
            return [dict(row) for row in c.fetchall()]

    def rows(self, sql: str, params: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
        """Rows of `sql` as stored (never a view of the past), as tuples: for long reads such as
        verifying the audit chain."""
        with self._reading() as c:
            self._execute(c, self._sql(sql), params or {})
            return fetch_tuples(c)

    def _reading(self) -> AbstractContextManager[Any]:
        """A cursor for one query, which is its own transaction."""
        return self.datastore.transaction(commit=False)

    def _execute(self, c: Any, sql: str, params: dict[str, Any]) -> None:
        c.execute(sql, params)


def fetch_tuples(c: Any) -> list[tuple[Any, ...]]:
    """Every row of the query just run on `c`, a cursor of either store, as a plain tuple. The
    library's cursors make each row a dict (PostgreSQL) or a `sqlite3.Row`, which costs more than
    reading the row itself when a read runs to hundreds of thousands of rows."""
    if isinstance(c, SQLiteCursor):
        c.sqlite_cursor.row_factory = None
    else:
        c.row_factory = tuple_row
    return c.fetchall()


class DecimalSum:
    """SQLite's `decimal_sum(text)`: the exact sum of amounts kept as text, as text."""

    def __init__(self) -> None:
        self.total = Decimal(0)

    def step(self, value: str | None) -> None:
        if value is not None:
            self.total += Decimal(value)

    def finalize(self) -> str:
        return str(self.total)


class SQLiteReadModels(ReadModelMixin, SQLiteTrackingRecorder):
    def _serialize(self, c: Any) -> None:
        """Take SQLite's write lock at the start. The library's transaction begins deferred, and a
        deferred transaction that reads before it writes fails at once with "database is locked"
        when another process is writing (SQLite refuses the upgrade rather than deadlock); an
        immediate one waits its turn."""
        c.execute("COMMIT")  # the library's BEGIN, before any statement: nothing to commit
        c.execute("BEGIN IMMEDIATE")

    def _execute(self, c: Any, sql: str, params: dict[str, Any]) -> None:
        """Run a query; `decimal_sum` is made known to a connection the first time one needs it
        (defining it on every query would make SQLite prepare every statement afresh)."""
        try:
            c.execute(sql, params)
        except sqlite3.OperationalError as error:
            if "no such function: decimal_sum" not in str(error):
                raise
            c.sqlite_cursor.connection.create_aggregate("decimal_sum", 1, DecimalSum)
            c.execute(sql, params)

    def _batched(self, c: Any) -> AbstractContextManager[Any]:
        return nullcontext()

    @contextmanager
    def _reading(self) -> Iterator[Any]:
        """Reads see the database file through memory-mapping, set once per connection: a page
        then costs no system call and no copy into each connection's own small cache. A page of
        the past reads ten thousand rows spread over as many pages."""
        with self.datastore.get_connection(commit=False) as connection:
            if not getattr(connection, "mapped", False):
                connection.cursor().execute(f"PRAGMA mmap_size = {MAPPED_BYTES}")
                connection.mapped = True
            with connection.transaction(commit=False) as c:
                yield c

    @contextmanager
    def _derived_transaction(self) -> Iterator[Any]:
        """SQLite's setting applies to a connection, outside any transaction: lowered for this one,
        then put back for the event store, which shares the connection."""
        with self.datastore.get_connection(commit=True) as connection:
            setting = connection.cursor()
            setting.execute("PRAGMA synchronous")
            durable = setting.fetchone()[0]
            setting.execute("PRAGMA synchronous = NORMAL")
            try:
                with connection.transaction(commit=True) as c:
                    yield c
            finally:
                setting.execute(f"PRAGMA synchronous = {int(durable)}")

    def _tracking_table(self) -> str:
        return "tracking"


_NAMED = re.compile(r"(?<!:):(\w+)")


@lru_cache(maxsize=4096)
def _postgres_sql(sql: str) -> str:
    """`:name` parameters as psycopg's `%(name)s` (the statements are few, so each is translated once)."""
    return _NAMED.sub(r"%(\1)s", sql.replace("%", "%%"))


class PostgresReadModels(ReadModelMixin, PostgresTrackingRecorder):
    def _sql(self, sql: str) -> str:
        return _postgres_sql(sql)

    def _batched(self, c: Any) -> AbstractContextManager[Any]:
        """Send a batch's statements without waiting for each answer (psycopg's pipeline mode):
        one round trip per batch instead of one per row."""
        return c.connection.pipeline()

    def _lock_position(self) -> str:
        return super()._lock_position() + " FOR UPDATE"

    @contextmanager
    def _derived_transaction(self) -> Iterator[Any]:
        with self.datastore.transaction(commit=True) as c:
            c.execute("SET LOCAL synchronous_commit TO OFF")
            yield c

    def exact_sum(self, expression: str) -> str:
        return f"SUM(CAST({expression} AS NUMERIC))"  # PostgreSQL's numeric is exact

    @contextmanager
    def _reading(self) -> Iterator[Any]:
        """The pool's connections commit each statement by themselves, and one SELECT sees one
        snapshot: no BEGIN and ROLLBACK around it, two round trips fewer per query."""
        with self.datastore.get_connection() as connection, connection.cursor() as cursor:
            yield cursor

    def _serialize(self, c: Any) -> None:
        # Schema changes and batches take table locks in different orders: one lock for both,
        # held to the end of the transaction, means workers starting while others catch up never
        # deadlock.
        c.execute("SELECT pg_advisory_xact_lock(%s)", (READ_MODELS_LOCK,))

    def _tracking_table(self) -> str:
        return f"{self.datastore.schema}.{self.tracking_table_name}"


ReadModels = PostgresReadModels | SQLiteReadModels  # the one a store's factory made (`tracking_recorder`)
