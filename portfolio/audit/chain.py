"""Tamper evidence: a hash chain over the event log in its global order, and signed checkpoints.

Link n = SHA-256(link n-1, position n, the stored event's record, version, topic and state bytes).
The links are kept in `audit_chain`, apart from the read models (a rebuild never recomputes them
from events that may have been altered since). `verify` recomputes every link from the stored
events and names the first position where the log and the chain part ways. A checkpoint is the
link at a position signed with HMAC-SHA-256 under the configured `AUDIT_KEY`, so even someone who
rewrites events and chain alike cannot make the checkpoints agree without the key.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from eventsourcing.persistence import IntegrityError, Notification

from portfolio.readmodels.store import ReadModelMixin, Statement

GENESIS = "0" * 64
BATCH = 5000
CHECKPOINT_EVERY = 1000  # positions; a checkpoint is signed as the chain passes each multiple

TABLES = (
    """CREATE TABLE IF NOT EXISTS audit_chain (
        position BIGINT PRIMARY KEY, record_id TEXT NOT NULL, version INTEGER NOT NULL, link TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS audit_checkpoints (
        position BIGINT PRIMARY KEY, link TEXT NOT NULL, signed_at TEXT NOT NULL, signed_by TEXT NOT NULL,
        signature TEXT NOT NULL)""",
)

Progress = Callable[[int, int], None]

PROBLEMS = {  # what each kind of break means, for operators (the web page has its own, translated)
    "missing": "the event stored there is gone",
    "altered": "the event stored there, or its place in the order, differs from what was chained",
    "checkpoint": "the link signed at this checkpoint differs from the chain recomputed from the events",
    "signature": "the checkpoint here is not signed with this AUDIT_KEY (another key, or forged)",
}


def link(previous: str, position: int, originator_id: Any, version: int, topic: str, state: bytes) -> str:
    digest = hashlib.sha256(f"{previous}\n{position}\n{originator_id}\n{version}\n{topic}\n".encode())
    digest.update(state)
    return digest.hexdigest()


def link_of(previous: str, notification: Notification) -> str:
    n = notification
    return link(previous, n.id, n.originator_id, n.originator_version, n.topic, bytes(n.state))


def sign(key: str, position: int, chain_link: str) -> str:
    return hmac.new(key.encode(), f"{position}:{chain_link}".encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Verdict:
    ok: bool
    count: int  # events checked
    head: str  # the last link that checked out
    broken_at: int | None = None
    record_id: str | None = None  # the record the event at `broken_at` belongs to, as the chain knows it
    # "missing" (the event is gone), "altered" (it or its order changed), "checkpoint" (a signed link
    # differs from the recomputed one), "signature" (a checkpoint not signed with this key)
    problem: str = ""
    unchained: int = 0  # events after the chain's head, not yet linked
    checkpoints: list[dict[str, Any]] = field(default_factory=list)


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

    def extend(self, actor: str = "system") -> int:
        """Link every event after the chain's head; returns how many were linked."""
        linked = 0
        while True:
            position, previous = self.head()
            notifications = self.recorder.select_notifications(position, BATCH, inclusive_of_start=False)
            if not notifications:
                return linked
            statements = []
            for notification in notifications:
                if notification.id != position + 1:
                    return linked  # a gap: an event is missing; `verify` will name it
                previous, position = link_of(previous, notification), notification.id
                statements.append(self._chain_row(notification, previous))
                if self.key and position % CHECKPOINT_EVERY == 0:
                    statements.append(self._checkpoint_row(position, previous, actor))
            try:
                self.store.write(statements)
            except IntegrityError:
                continue  # another process linked these first
            linked += len(statements)

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

    def chain_rows(self, after: int, until: int) -> dict[int, dict[str, Any]]:
        rows = self.store.query(
            "SELECT position, record_id, version, link FROM audit_chain WHERE position > :a AND position <= :b",
            {"a": after, "b": until},
        )
        return {row["position"]: row for row in rows}

    def verify(self, progress: Progress | None = None) -> Verdict:
        """Recompute the chain from the stored events and compare it with the links and checkpoints."""
        chain_head, _ = self.head()
        checkpoints = {c["position"]: c for c in self.checkpoints()}
        previous, checked = GENESIS, 0
        for position, notification, row in self._walk(chain_head, progress):
            if notification is None:
                return self._broken(checked, previous, position, row["record_id"], "missing", checkpoints)
            current = link_of(previous, notification)
            if current != row["link"]:
                return self._broken(checked, previous, position, row["record_id"], "altered", checkpoints)
            checkpoint = checkpoints.get(position)
            if checkpoint and checkpoint["link"] != current:
                return self._broken(checked, previous, position, row["record_id"], "checkpoint", checkpoints)
            if checkpoint and not checkpoint["signature_valid"]:
                return self._broken(checked, previous, position, row["record_id"], "signature", checkpoints)
            previous, checked = current, checked + 1
        head_id = self.recorder.max_notification_id() or 0
        return Verdict(True, checked, previous, unchained=max(head_id - chain_head, 0),
                       checkpoints=list(checkpoints.values()))  # fmt: skip

    def _walk(self, until: int, progress: Progress | None) -> Iterator[tuple[int, Notification | None, dict]]:
        """Each chained position with the stored event found there (None if it is gone)."""
        start = 0
        while start < until:
            rows = self.chain_rows(start, min(start + BATCH, until))
            found = self.recorder.select_notifications(start, BATCH, stop=start + BATCH, inclusive_of_start=False)
            by_position = {n.id: n for n in found}
            for position in sorted(rows):
                yield position, by_position.get(position), rows[position]
            start = min(start + BATCH, until)
            if progress:
                progress(start, until)

    def _broken(self, checked: int, head: str, position: int, record_id: str, problem: str, checkpoints) -> Verdict:
        return Verdict(False, checked, head, position, record_id, problem, checkpoints=list(checkpoints.values()))

    def _chain_row(self, notification: Notification, chain_link: str) -> Statement:
        return Statement(
            "INSERT INTO audit_chain (position, record_id, version, link) VALUES (:p, :r, :v, :l)",
            {"p": notification.id, "r": str(notification.originator_id), "v": notification.originator_version,
             "l": chain_link},
        )  # fmt: skip

    def _checkpoint_row(self, position: int, chain_link: str, actor: str, conflict: str = "") -> Statement:
        assert self.key
        return Statement(
            "INSERT INTO audit_checkpoints (position, link, signed_at, signed_by, signature) "
            "VALUES (:p, :l, :t, :a, :s)" + (f" ON CONFLICT (position) {conflict}" if conflict else ""),
            {"p": position, "l": chain_link, "t": datetime.now(UTC).isoformat(), "a": actor,
             "s": sign(self.key, position, chain_link)},
        )  # fmt: skip
