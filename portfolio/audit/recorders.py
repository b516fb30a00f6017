"""The event store's recorders, which link each event into the audit chain as they insert it.

The library's recorders insert a batch of events in one transaction; these add the chain's links
(and a checkpoint when one falls due) to that same transaction, so an event is never stored
without its link, nor a link without its event. The insert has taken the store's write lock by
then (SQLite's one writer; on PostgreSQL an advisory lock where the library's ordinary path takes
`LOCK TABLE … IN EXCLUSIVE MODE`), so no other writer can commit between the head read and the
links written, and transactions commit in the order of their positions. After the commit, the
head is appended to the witness.

They are named by `APPLICATION_RECORDER_TOPIC` (see `portfolio.config`); `chain` is set once the
chain exists (`PortfolioCore.__init__`). Without it (a store opened only to read) they insert
nothing: a write then fails rather than store an unlinked event.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast
from uuid import UUID

from eventsourcing.persistence import InterfaceError, OperationalError, StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder
from eventsourcing.sqlite import SQLiteApplicationRecorder
from eventsourcing.utils import retry
from psycopg.sql import SQL, Identifier

from portfolio.audit.chain import AuditChain


class Chained:
    chain: AuditChain | None = None

    def _linked(self, cursor: Any, positions: Sequence[int] | None, stored_events: Sequence[StoredEvent]) -> None:
        if self.chain is None:
            raise RuntimeError("This store was opened to read: events cannot be written through it.")
        assert positions is not None and len(positions) == len(stored_events)
        self.chain.write_links(cursor, positions, stored_events)

    def _witness(self) -> None:
        if self.chain is not None:
            self.chain.witness_written()


class ChainedSQLiteRecorder(Chained, SQLiteApplicationRecorder):
    def insert_at(self, positions: Sequence[int], stored_events: Sequence[StoredEvent]) -> None:
        """Insert events at the positions they had in another store (a restore), with their links."""
        # The ids are UUIDs: the store keeps them so (ORIGINATOR_ID_TYPE "uuid"), and an import reads them so.
        rows = [(p, cast(UUID, e.originator_id).hex, e.originator_version, e.topic, e.state)
                for p, e in zip(positions, stored_events, strict=True)]  # fmt: skip
        with self.datastore.transaction(commit=True) as c:
            c.executemany(
                f"INSERT INTO {self.events_table_name} (rowid, originator_id, originator_version, topic, state) "
                "VALUES (?, ?, ?, ?, ?)",
                rows,
            )
            self._linked(c, positions, stored_events)
        self._witness()

    def insert_events(self, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Sequence[int] | None:
        positions = super().insert_events(stored_events, **kwargs)
        self._witness()
        return positions

    def _insert_events(self, c: Any, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Sequence[int] | None:
        positions = super()._insert_events(c, stored_events, **kwargs)
        if stored_events:
            self._linked(c, positions, stored_events)
        return positions


EVENTS_LOCK = 7_311_202_612  # an arbitrary advisory-lock key: one inserting transaction at a time


class ChainedPostgresRecorder(Chained, PostgresApplicationRecorder):
    def _lock_table(self, curs: Any) -> None:
        """Serialise the inserting transactions, as the library's `LOCK TABLE … IN EXCLUSIVE MODE`
        does, with a transaction-level advisory lock instead: that lock mode needs the UPDATE,
        DELETE or TRUNCATE privilege, which the tracker's role does not have (`portfolio.roles`).
        Every insert goes through here, so they commit in the order of their positions."""
        curs.execute(SQL("SET LOCAL lock_timeout = '{0}s'").format(self.datastore.lock_timeout))
        curs.execute("SELECT pg_advisory_xact_lock(%s)", (EVENTS_LOCK,))

    def insert_at(self, positions: Sequence[int], stored_events: Sequence[StoredEvent]) -> None:
        """Insert events at the positions they had in another store (a restore), gaps and all, with
        their links; the sequence then goes on after the last."""
        table = SQL("{0}.{1}").format(Identifier(self.datastore.schema), Identifier(self.events_table_name))
        rows = [(p, e.originator_id, e.originator_version, e.topic, e.state)
                for p, e in zip(positions, stored_events, strict=True)]  # fmt: skip
        with self.datastore.transaction(commit=True) as curs:
            self._lock_table(curs)
            curs.executemany(
                SQL("INSERT INTO {0} (notification_id, originator_id, originator_version, topic, state) "
                    "VALUES (%s, %s, %s, %s, %s)").format(table),
                rows,
            )  # fmt: skip
            curs.execute(
                SQL("SELECT setval(pg_get_serial_sequence(%s, 'notification_id'), %s)"),
                (f"{self.datastore.schema}.{self.events_table_name}", max(positions)),
            )
            self._linked(curs, positions, stored_events)
        self._witness()

    def insert_events(self, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Sequence[int] | None:
        positions = self._insert_linked(stored_events) if stored_events else []
        self._witness()
        return positions

    @retry((InterfaceError, OperationalError), max_attempts=10, wait=0.2)
    def _insert_linked(self, stored_events: Sequence[StoredEvent]) -> Sequence[int] | None:
        """The library's ordinary insert (take the lock, notify, insert, read the positions) and the
        links, in one pipelined transaction that any error rolls back. (The library's own frame
        keeps an error raised after its insert from the transaction, which would then commit the
        events alone.)"""
        with (
            self.datastore.get_connection() as conn,
            conn.pipeline() as pipeline,
            conn.transaction(),
            conn.cursor() as curs,
        ):
            self._insert_stored_events(curs, stored_events)
            pipeline.sync()
            positions = self._fetch_ids_after_insert_events(curs, stored_events)
            self._linked(curs, positions, stored_events)
        return positions


ChainedRecorder = ChainedSQLiteRecorder | ChainedPostgresRecorder
