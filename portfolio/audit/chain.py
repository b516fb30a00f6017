"""Tamper evidence: a hash chain over the event log in its global order, and signed checkpoints.

Link n = SHA-256(the previous link, the n-th stored event's record, version, topic and state
bytes), kept at the event's position in the log in `audit_chain`, apart from the read models (a
rebuild never recomputes them from events that may have been altered since); the chain is
extended after every write. Positions may have gaps (PostgreSQL spends a number on an insert that
fails); each chain row names the position it follows, so a gap cannot be made or filled later
unnoticed.

A checkpoint is the link at a position signed with HMAC-SHA-256 under the configured `AUDIT_KEY`:
someone who rewrites events and chain alike cannot make the checkpoints agree without the key. One
is signed as the chain passes every `CHECKPOINT_EVERY` positions, and on demand. When the chain is
started over events already stored (a first start, or a chain that was wiped), that is recorded in
`audit_chain_starts`, and the events it found are not signed automatically: only what the chain saw
being written is vouched for. `portfolio.audit.verification` checks it all.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime
from typing import Any

from eventsourcing.persistence import IntegrityError, Notification
from eventsourcing.postgres import PostgresDatastore

from portfolio.readmodels.store import ReadModelMixin, Statement, fetch_tuples

GENESIS = "0" * 64
BATCH = 5000
CHECKPOINT_EVERY = 1000

TABLES = (
    """CREATE TABLE IF NOT EXISTS audit_chain (
        position BIGINT PRIMARY KEY, after BIGINT NOT NULL, record_id TEXT NOT NULL, version INTEGER NOT NULL,
        link TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS audit_checkpoints (
        position BIGINT PRIMARY KEY, link TEXT NOT NULL, signed_at TEXT NOT NULL, signed_by TEXT NOT NULL,
        signature TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS audit_chain_starts (
        started_at TEXT PRIMARY KEY, already_stored BIGINT NOT NULL)""",
)


def link(previous: str, originator_id: Any, version: int, topic: str, state: bytes) -> str:
    """The next link. Positions are not hashed, so a restored log (numbered afresh) ends in the same
    head; where each link sits is checked by position instead."""
    digest = hashlib.sha256(f"{previous}\n{originator_id}\n{version}\n{topic}\n".encode())
    digest.update(state)
    return digest.hexdigest()


def _uuid_text(record_id: str) -> str:
    """A record's id in the usual 8-4-4-4-12 form, which links hash; SQLite keeps it as 32 hex digits."""
    if len(record_id) != 32:
        return record_id
    return f"{record_id[:8]}-{record_id[8:12]}-{record_id[12:16]}-{record_id[16:20]}-{record_id[20:]}"


# An event as stored: (position, record id as text, version, topic, state); a link of the chain:
# (position, the position it follows, record id, version, link). Plain tuples: verifying reads a
# million of each, and making a named tuple of each costs as much as reading it.
StoredRow = tuple[int, str, int, str, bytes]
ChainRow = tuple[int, int, str, int, str]


def link_of(previous: str, notification: Notification) -> str:
    n = notification
    return link(previous, n.originator_id, n.originator_version, n.topic, bytes(n.state))


def sign(key: str, position: int, chain_link: str) -> str:
    return hmac.new(key.encode(), f"{position}:{chain_link}".encode(), hashlib.sha256).hexdigest()


class AuditChain:
    def __init__(self, recorder: Any, store: ReadModelMixin, key: str | None) -> None:
        self.recorder, self.store, self.key = recorder, store, key
        store.write([Statement(ddl, {}) for ddl in TABLES])

    def head(self) -> tuple[int, str]:
        rows = self.store.query("SELECT position, link FROM audit_chain ORDER BY position DESC LIMIT 1")
        return (rows[0]["position"], rows[0]["link"]) if rows else (0, GENESIS)

    def link_at(self, position: int) -> str | None:
        rows = self.store.query("SELECT link FROM audit_chain WHERE position = :p", {"p": position})
        return rows[0]["link"] if rows else None

    def starts(self) -> list[dict[str, Any]]:
        return self.store.query("SELECT started_at, already_stored FROM audit_chain_starts ORDER BY started_at")

    def extend(self, actor: str = "system", sign_checkpoints: bool = True) -> int:
        """Link every event after the chain's head; returns how many were linked."""
        linked, (position, previous) = 0, self.head()
        while True:
            notifications = self.recorder.select_notifications(position, BATCH, inclusive_of_start=False)
            if not notifications:
                return linked
            statements, vouch_after = [], None
            if position == 0:  # the chain starts over the events stored now: say so, and vouch for none
                vouch_after = self.recorder.max_notification_id() or 0
                statements.append(self._start_row(vouch_after))
            for notification in notifications:
                passed = notification.id // CHECKPOINT_EVERY > position // CHECKPOINT_EVERY
                after, previous, position = position, link_of(previous, notification), notification.id
                statements.append(self._chain_row(notification, after, previous))
                if passed and sign_checkpoints and self.key:
                    vouch_after = self._found_at_start() if vouch_after is None else vouch_after
                    if position > vouch_after:
                        statements.append(self._checkpoint_row(position, previous, actor))
            try:
                self.store.write(statements)
            except IntegrityError:
                position, previous = self.head()  # another process linked these first
                continue
            linked += len(notifications)
            if len(notifications) < BATCH:  # all there was; a later event is linked by its own save
                return linked

    def checkpoint(self, actor: str) -> dict[str, Any]:
        """Sign the chain's head now."""
        if not self.key:
            raise ValueError("No AUDIT_KEY is configured, so checkpoints cannot be signed.")
        self.extend(actor)
        position, head = self.head()
        self.store.write([self._checkpoint_row(position, head, actor, conflict="DO NOTHING")])
        return self.checkpoints()[-1]

    def checkpoints(self) -> list[dict[str, Any]]:
        rows = self.store.query("SELECT * FROM audit_checkpoints ORDER BY position")
        for row in rows:
            row["signature_valid"] = bool(self.key) and hmac.compare_digest(
                row["signature"], sign(self.key or "", row["position"], row["link"])
            )
        return rows

    def stored_rows(self, after: int, until: int) -> list[StoredRow]:
        """The log's events at positions (after, until], read directly: position, record id as text,
        version, topic, state. (The library would make a UUID and a Notification of each, which is
        a third of what verifying costs; the link hashes the id as text anyway.)"""
        recorder, datastore = self.recorder, self.recorder.datastore
        table = recorder.events_table_name
        if isinstance(datastore, PostgresDatastore):
            table = f"{datastore.schema}.{table}" if datastore.schema else table
            sql = (f"SELECT notification_id, originator_id::text, originator_version, topic, state FROM {table} "
                   "WHERE notification_id > %s AND notification_id <= %s ORDER BY notification_id")  # fmt: skip
        else:
            sql = (f"SELECT rowid, originator_id, originator_version, topic, state FROM {table} "
                   "WHERE rowid > ? AND rowid <= ? ORDER BY rowid")  # fmt: skip
        with datastore.transaction(commit=False) as c:
            c.execute(sql, (after, until))
            return [(p, _uuid_text(record_id), v, topic, state) for p, record_id, v, topic, state in fetch_tuples(c)]

    def chain_rows(self, after: int, until: int) -> list[ChainRow]:
        """The chain's links at positions (after, until], in order."""
        return self.store.rows(
            "SELECT position, after, record_id, version, link FROM audit_chain "
            "WHERE position > :a AND position <= :b ORDER BY position",
            {"a": after, "b": until},
        )

    def restore_checkpoints(self, checkpoints: list[dict[str, Any]]) -> None:
        """Put back checkpoints exported elsewhere (their signatures are checked by `verify`)."""
        self.store.write(
            [
                Statement(
                    "INSERT INTO audit_checkpoints (position, link, signed_at, signed_by, signature) "
                    "VALUES (:position, :link, :signed_at, :signed_by, :signature) ON CONFLICT (position) DO NOTHING",
                    checkpoint,
                )
                for checkpoint in checkpoints
            ]
        )

    def _found_at_start(self) -> int:
        """How many events were already stored when the chain (last) started."""
        rows = self.store.query("SELECT already_stored FROM audit_chain_starts ORDER BY started_at DESC LIMIT 1")
        return rows[0]["already_stored"] if rows else 0

    def _start_row(self, already_stored: int) -> Statement:
        return Statement(
            "INSERT INTO audit_chain_starts (started_at, already_stored) VALUES (:t, :n)",
            {"t": datetime.now(UTC).isoformat(), "n": already_stored},
        )

    def _chain_row(self, notification: Notification, after: int, chain_link: str) -> Statement:
        n = notification
        return Statement(
            "INSERT INTO audit_chain (position, after, record_id, version, link) VALUES (:p, :a, :r, :v, :l)",
            {"p": n.id, "a": after, "r": str(n.originator_id), "v": n.originator_version, "l": chain_link},
        )

    def _checkpoint_row(self, position: int, chain_link: str, actor: str, conflict: str = "") -> Statement:
        assert self.key
        signature = sign(self.key, position, chain_link)
        return Statement(
            "INSERT INTO audit_checkpoints (position, link, signed_at, signed_by, signature) "
            "VALUES (:p, :l, :t, :a, :s)" + (f" ON CONFLICT (position) {conflict}" if conflict else ""),
            {"p": position, "l": chain_link, "t": datetime.now(UTC).isoformat(), "a": actor, "s": signature},
        )
