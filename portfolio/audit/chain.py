"""Tamper evidence: a keyed hash chain over the event log in its global order, and signed checkpoints.

Link n = HMAC-SHA-256 under `AUDIT_KEY` of (the previous link, the n-th stored event's record,
version, topic and state bytes), kept at the event's position in `audit_chain`, apart from the
read models. The link is written in the same transaction as its event (`recorders.py`), so every
event stored by the tracker has one: an event without a link was put there some other way, and
`audit verify` names it. Without the key, nobody can compute links for an altered or added event,
so a rewrite is found at the first event it touches. Positions may have gaps (PostgreSQL spends a
number on an insert that fails); each chain row names the position it follows, so a gap cannot be
made or filled later unnoticed.

`audit_chain_scheme` says from which position on links are written this way, keyed or not (no key
configured), and under which key (an id derived from it): a store written by an older version
keeps its earlier links, plain SHA-256, linked after their events; it is linked up at the first
start of this version, which records that in `audit_chain_starts` and vouches for none of them.

A checkpoint is the link at a position signed with HMAC-SHA-256 under the key, every
`CHECKPOINT_EVERY` positions and on demand. After every write the head is also appended, signed,
to the witness outside the database (`witness.py`), so a cut tail or a wiped chain is found too.
`portfolio.audit.verification` checks it all.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import threading
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from eventsourcing.persistence import IntegrityError
from eventsourcing.postgres import PostgresDatastore

from portfolio.audit.witness import Witness
from portfolio.readmodels.store import ReadModelMixin, Statement, fetch_tuples

logger = logging.getLogger(__name__)
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
    """CREATE TABLE IF NOT EXISTS audit_chain_scheme (
        after BIGINT PRIMARY KEY, keyed INTEGER NOT NULL, key_id TEXT NOT NULL, since TEXT NOT NULL,
        signature TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS audit_imports (
        imported_at TEXT PRIMARY KEY, events BIGINT NOT NULL, head TEXT NOT NULL, signed INTEGER NOT NULL)""",
)


APPEND_ONLY = ("audit_chain", "audit_checkpoints", "audit_chain_starts", "audit_chain_scheme", "audit_imports")


def append_only(events_table: str, postgres: bool) -> list[str]:
    """Triggers that refuse to change or remove a row of the event log or of the audit tables. The
    database's owner can drop them (see the README's threat model); nobody does so by mistake."""
    tables = (events_table, *APPEND_ONLY)
    if postgres:
        return [
            "CREATE OR REPLACE FUNCTION portfolio_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$body$ BEGIN RAISE EXCEPTION 'the table % is append-only', TG_TABLE_NAME; END $body$",
            *(f"CREATE OR REPLACE TRIGGER append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON {table} "
              "FOR EACH STATEMENT EXECUTE FUNCTION portfolio_append_only()" for table in tables),
        ]  # fmt: skip
    return [
        f"CREATE TRIGGER IF NOT EXISTS {table}_{verb} BEFORE {verb.upper()} ON {table} "
        f"BEGIN SELECT RAISE(ABORT, 'the table {table} is append-only'); END"
        for table in tables
        for verb in ("update", "delete")
    ]


class AuditKeyError(RuntimeError):
    """This process's AUDIT_KEY is not the one the store's chain is keyed with (or there is none)."""


def key_id(key: str | None) -> str:
    """A name for a key that does not give the key away: the chain's scheme records it, so a
    process with another key refuses to write instead of linking under it."""
    return hmac.new(key.encode(), b"portfolio audit key id", hashlib.sha256).hexdigest()[:16] if key else ""


class Links:
    """Computes links: HMAC-SHA-256 under the key, or plain SHA-256 where the chain is not keyed.
    Positions are not hashed, so a restored log (numbered afresh by an older version) ends in the
    same head; where each link sits is checked by position instead."""

    def __init__(self, key: str | None) -> None:
        self._keyed = hmac.new(key.encode(), digestmod=hashlib.sha256) if key else None

    def __call__(self, previous: str, originator_id: Any, version: int, topic: str, state: bytes, keyed: bool) -> str:
        if keyed and self._keyed is None:
            raise AuditKeyError("The chain is keyed here, and no AUDIT_KEY is configured.")
        digest: Any = self._keyed.copy() if keyed else hashlib.sha256()  # type: ignore[union-attr]  # keyed: checked above
        digest.update(f"{previous}\n{originator_id}\n{version}\n{topic}\n".encode())
        digest.update(state)
        return digest.hexdigest()


def scheme_at(position: int, schemes: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The scheme the link at `position` was written under (the last one starting before it); None
    for a link an older version wrote (plain SHA-256)."""
    applying = None
    for scheme in schemes:
        if scheme["after"] >= position:
            break
        applying = scheme
    return applying


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


def sign(key: str, position: int, chain_link: str) -> str:
    return hmac.new(key.encode(), f"{position}:{chain_link}".encode(), hashlib.sha256).hexdigest()


def sign_scheme(key: str | None, after: int, keyed: int, scheme_key_id: str) -> str:
    """A scheme row's signature ("" without a key): nobody without the key can claim that the
    links from some position on are plain SHA-256."""
    return sign(key, after, f"scheme:{keyed}:{scheme_key_id}") if key else ""


def sign_witnessed(key: str | None, position: int, after: int, chain_link: str) -> str:
    """A witness line's signature ("" without a key): the head a write linked, and where it began."""
    return sign(key, position, f"{after}:{chain_link}") if key else ""


INSERT_LINK = "INSERT INTO audit_chain (position, after, record_id, version, link) VALUES (:p, :a, :r, :v, :l)"
INSERT_SCHEME = (
    "INSERT INTO audit_chain_scheme (after, keyed, key_id, since, signature) VALUES (:a, :k, :i, :t, :s) "
    "ON CONFLICT (after) DO NOTHING"
)
INSERT_CHECKPOINT = (
    "INSERT INTO audit_checkpoints (position, link, signed_at, signed_by, signature) VALUES (:p, :l, :t, :a, :s) "
    "ON CONFLICT (position) DO NOTHING"  # a restore puts back the checkpoints its file holds first
)


class AuditChain:
    def __init__(self, recorder: Any, store: ReadModelMixin, key: str | None, witness: Witness | None = None) -> None:
        self.recorder, self.store, self.key = recorder, store, key
        self.witness = witness or Witness(None)
        self._written = threading.local()  # the head this thread's last transaction linked, until it commits

    def create_tables(self) -> None:
        postgres = isinstance(self.recorder.datastore, PostgresDatastore)
        guards = append_only(self.recorder.events_table_name, postgres)
        self.store.write([Statement(ddl, {}) for ddl in (*TABLES, *guards)])

    def head(self) -> tuple[int, str]:
        rows = self.store.query("SELECT position, link FROM audit_chain ORDER BY position DESC LIMIT 1")
        return (rows[0]["position"], rows[0]["link"]) if rows else (0, GENESIS)

    def link_at(self, position: int) -> str | None:
        rows = self.store.query("SELECT link FROM audit_chain WHERE position = :p", {"p": position})
        return rows[0]["link"] if rows else None

    def starts(self) -> list[dict[str, Any]]:
        return self.store.query("SELECT started_at, already_stored FROM audit_chain_starts ORDER BY started_at")

    def schemes(self) -> list[dict[str, Any]]:
        """From which positions on links were written with their events, keyed or not, by which key,
        and whether the row is signed with this process's key."""
        rows = self.store.query("SELECT after, keyed, key_id, since, signature FROM audit_chain_scheme ORDER BY after")
        for row in rows:
            expected = sign_scheme(self.key, row["after"], row["keyed"], row["key_id"])
            row["signature_valid"] = bool(self.key) and hmac.compare_digest(row["signature"], expected)
        return rows

    def start(self) -> int:
        """At a process's start. A store last written by a version that linked events after saving
        them gets its unlinked events linked now (recorded as a start of the chain, vouching for
        none of them), and its links from then on are written with their events; a key configured
        since the last start keys the links from the head on. Returns how many events were linked
        now: 0 on every later start, as nothing is ever linked after the fact again."""
        schemes = self.schemes()
        if not schemes and not self.recorder.max_notification_id():
            return 0  # a new store: its first write starts the scheme
        if not schemes and self.witness.exists():  # a store of this version whose audit tables were wiped
            logger.error("The audit chain's scheme is gone while its witness %s remains: run audit verify.",
                         self.witness.path)  # fmt: skip
            return 0
        linked = 0 if schemes else self._link_unlinked()
        if not schemes or (self.key and not schemes[-1]["keyed"]):
            position, _ = self.head()
            self.store.write([self._scheme_row(position)])
        self._witness_head()
        return linked

    def _witness_head(self) -> None:
        """Witness what a process that stopped between saving and witnessing left out, among the
        latest writes: a write the next one began after, and the head. The next verification then
        finds the witness whole."""
        tail = self.witness.tail()
        if not tail:
            return
        position, _ = self.head()
        ends = sorted(tail)
        missing = {after for after in tail.values() if after not in tail and after > ends[0]}
        if ends[-1] < position:
            missing.add(position)
        for lost in sorted(missing):
            before = max((p for p in ends if p < lost), default=ends[0])
            chain_link = self.link_at(lost)
            if chain_link is None:
                continue  # not linked: nothing to witness, and verify says so
            logger.warning("The witness lacks the write ending at %s; it is witnessed now.", lost)
            with contextlib.suppress(OSError):
                self.witness.append(lost, before, chain_link, sign_witnessed(self.key, lost, before, chain_link))
            ends = sorted([*ends, lost])

    # -- written in the transaction that inserts the events (see `recorders.py`) --

    def write_links(self, cursor: Any, positions: Sequence[int], stored_events: Sequence[Any]) -> None:
        """Link the events just inserted at `positions`, in the inserting transaction."""
        cursor.execute(self.store._sql("SELECT position, link FROM audit_chain ORDER BY position DESC LIMIT 1"))
        head = cursor.fetchone()
        position, previous = (head["position"], head["link"]) if head else (0, GENESIS)
        cursor.execute(self.store._sql("SELECT after, keyed, key_id FROM audit_chain_scheme ORDER BY after"))
        schemes = [dict(row) for row in cursor.fetchall()]
        if not schemes:  # the store's first write
            statement = self._scheme_row(position)
            cursor.execute(self.store._sql(statement.sql), statement.params)
            schemes = [{"after": position, "keyed": statement.params["k"], "key_id": statement.params["i"]}]
        links, rows, checkpoints = Links(self.key), [], []
        for at, event in zip(positions, stored_events, strict=True):
            keyed = self._keyed_at(at, schemes)
            passed = at // CHECKPOINT_EVERY > position // CHECKPOINT_EVERY
            record_id = str(event.originator_id)
            chained = links(previous, record_id, event.originator_version, event.topic, event.state, keyed)
            rows.append({"p": at, "a": position, "r": record_id, "v": event.originator_version, "l": chained})
            if passed and self.key:
                checkpoints.append(self._checkpoint_params(at, chained, "system"))
            previous, position = chained, at
        cursor.executemany(self.store._sql(INSERT_LINK), rows)
        if checkpoints:
            cursor.executemany(self.store._sql(INSERT_CHECKPOINT), checkpoints)
        self._written.head = (position, previous, rows[0]["a"])

    def _keyed_at(self, position: int, schemes: list[dict[str, Any]]) -> bool:
        """Whether the link at `position` is keyed; a keyed chain is never continued without its key."""
        scheme = scheme_at(position, schemes)
        if scheme is None:
            raise AuditKeyError(f"The audit chain has no scheme for position {position}.")
        if scheme["keyed"] and scheme["key_id"] != key_id(self.key):
            raise AuditKeyError(
                "This store's audit chain is keyed with another AUDIT_KEY than the one configured here "
                "(or none is): configure the key it was written with. Nothing was saved."
            )
        return bool(scheme["keyed"])

    def witness_written(self) -> None:
        """After the inserting transaction committed: append the head it linked, and the position its
        first link followed, to the witness. The write is saved whatever happens here: a witness
        that cannot be written is logged (and `audit verify` then finds it trailing)."""
        head = getattr(self._written, "head", None)
        if head is None:
            return
        self._written.head = None
        position, chain_link, after = head
        try:
            self.witness.append(position, after, chain_link, sign_witnessed(self.key, position, after, chain_link))
        except OSError:
            logger.exception("The witness %s could not be written; the write at %s is saved.", self.witness.path,
                             position)  # fmt: skip

    # -- checkpoints --

    def checkpoint(self, actor: str, at: tuple[int, str] | None = None) -> dict[str, Any]:
        """Sign the chain's head now, or the link `at` a position the caller has just checked; the
        checkpoint at that position is returned (an earlier one stays, unchanged)."""
        if not self.key:
            raise ValueError("No AUDIT_KEY is configured, so checkpoints cannot be signed.")
        position, head = at or self.head()
        self.store.write([Statement(INSERT_CHECKPOINT, self._checkpoint_params(position, head, actor))])
        return next(row for row in self.checkpoints() if row["position"] == position)

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

    def imports(self) -> list[dict[str, Any]]:
        """Each restore of an export into this store: when, how many events, whether it was signed."""
        return self.store.query("SELECT imported_at, events, head, signed FROM audit_imports ORDER BY imported_at")

    def restore(
        self, schemes: list[dict[str, Any]], starts: list[dict[str, Any]], checkpoints: list[dict[str, Any]]
    ) -> None:
        """Put back the scheme, starts and checkpoints of an exported chain, before its events (their
        signatures are checked again by `verify`, never signed anew)."""
        statements = [Statement(INSERT_SCHEME, {"a": s["after"], "k": s["keyed"], "i": s["key_id"], "t": s["since"],
                                                "s": s.get("signature", "")})
                      for s in schemes]  # fmt: skip
        statements += [
            Statement(
                "INSERT INTO audit_chain_starts (started_at, already_stored) VALUES (:started_at, :already_stored) "
                "ON CONFLICT (started_at) DO NOTHING",
                start,
            )
            for start in starts
        ]
        statements += [
            Statement(
                "INSERT INTO audit_checkpoints (position, link, signed_at, signed_by, signature) "
                "VALUES (:position, :link, :signed_at, :signed_by, :signature) ON CONFLICT (position) DO NOTHING",
                {key: checkpoint[key] for key in ("position", "link", "signed_at", "signed_by", "signature")},
            )
            for checkpoint in checkpoints
        ]
        self.store.write(statements)

    def record_import(self, events: int, head: str, signed: bool) -> None:
        self.store.write([Statement(
            "INSERT INTO audit_imports (imported_at, events, head, signed) VALUES (:t, :n, :h, :s)",
            {"t": datetime.now(UTC).isoformat(), "n": events, "h": head, "s": 1 if signed else 0},
        )])  # fmt: skip

    # -- a store written by an older version --

    def _link_unlinked(self) -> int:
        """Link, with plain SHA-256 as before, every event after the chain's head that an older
        version stored and had not linked yet; the first time, say that the chain starts here."""
        linked, (position, previous) = 0, self.head()
        links = Links(None)
        while True:
            notifications = self.recorder.select_notifications(position, BATCH, inclusive_of_start=False)
            if not notifications:
                return linked
            statements = []
            if position == 0:  # the chain starts over the events stored now: say so, and vouch for none
                statements.append(self._start_row(self.recorder.max_notification_id() or 0))
            for n in notifications:
                after, position = position, n.id
                previous = links(previous, n.originator_id, n.originator_version, n.topic, bytes(n.state), False)
                statements.append(
                    Statement(
                        INSERT_LINK,
                        {"p": n.id, "a": after, "r": str(n.originator_id), "v": n.originator_version, "l": previous},
                    )
                )
            try:
                self.store.write(statements)
            except IntegrityError:
                position, previous = self.head()  # another process linked these first
                continue
            linked += len(notifications)

    def _start_row(self, already_stored: int) -> Statement:
        return Statement(
            "INSERT INTO audit_chain_starts (started_at, already_stored) VALUES (:t, :n)",
            {"t": datetime.now(UTC).isoformat(), "n": already_stored},
        )

    def _scheme_row(self, after: int) -> Statement:
        keyed, scheme_key_id = 1 if self.key else 0, key_id(self.key)
        params = {"a": after, "k": keyed, "i": scheme_key_id, "t": datetime.now(UTC).isoformat(),
                  "s": sign_scheme(self.key, after, keyed, scheme_key_id)}  # fmt: skip
        return Statement(INSERT_SCHEME, params)

    def _checkpoint_params(self, position: int, chain_link: str, actor: str) -> dict[str, Any]:
        assert self.key
        signature = sign(self.key, position, chain_link)
        return {"p": position, "l": chain_link, "t": datetime.now(UTC).isoformat(), "a": actor, "s": signature}
