"""Catch the read models up with the notification log, in batches, exactly once.

No stored event can stop it: an event that cannot be read, turned into rows or written is set
aside in the quarantine (`quarantine.py`) at its position, and the next one is applied. Only a
store that cannot be reached stops a catch-up, and the next request or start resumes it.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from eventsourcing.persistence import InterfaceError, OperationalError

from portfolio.readmodels import kept_totals, quarantine, real_days
from portfolio.readmodels.projectors import statements_for
from portfolio.readmodels.store import PositionMovedError, ReadModelMixin, Statement

Progress = Callable[[int, int], None]
Source = Callable[..., Any]  # as the recorder's select_notifications(start=, limit=, stop=, inclusive_of_start=)
BATCH = 500
ANALYZE_AFTER = 10_000  # events applied at once (a rebuild, a first start) after which statistics are refreshed
MAX_RETRIES = 50
LONG_CATCH_UP = 10_000  # events behind after which a catch-up at start reports how far it is
TRANSIENT = (OperationalError, InterfaceError)  # the store is busy or out of reach: try again, never set aside
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Row:
    notification: Any
    event: Any  # None when the stored event does not read
    statements: list[Statement]
    kept: list[Statement]  # the dashboard's kept totals, when the position passes one of their steps
    real: list[Statement]  # at a record's last event in the batch: its real days, if back-dated (`real_days.py`)

    @property
    def written(self) -> list[Statement]:
        return self.statements + self.real + self.kept


@dataclass(frozen=True)
class Status:
    position: int
    head: int

    @property
    def lag(self) -> int:
        return self.head - self.position


class Projector:
    def __init__(self, app: Any, store: ReadModelMixin) -> None:
        self.app = app
        self.store = store

    def status(self) -> Status:
        return Status(self.store.position(), self.app.recorder.max_notification_id() or 0)

    def catch_up(
        self,
        progress: Progress | None = None,
        batch: int = BATCH,
        until: int | None = None,
        source: Source | None = None,
    ) -> int:
        """Apply every notification after the tracked position (up to `until`; from `source`, if
        given, instead of the whole log); returns how many were applied."""
        applied, retries = 0, 0
        head = self.app.recorder.max_notification_id() or 0
        head = head if until is None else min(head, until)
        start = self.store.position()
        select = source or self.app.recorder.select_notifications
        while start < head:
            notifications = select(start=start, limit=batch, stop=head, inclusive_of_start=False)
            if not notifications:
                break
            rows = self._rows(start, notifications)
            try:
                self.store.apply(start, notifications[-1].id, [s for row in rows for s in row.written])
            except PositionMovedError:
                start = self.store.position()  # another process applied these first
                continue
            except TRANSIENT:
                retries += 1  # the database was busy with another writer
                if retries > MAX_RETRIES:
                    raise
                time.sleep(0.01 * retries)
                start = self.store.position()
                continue
            except Exception:  # a row the store refused: find which event it was, one at a time
                if not self._apply_one_by_one(start, rows):
                    start = self.store.position()
                    continue
            end = notifications[-1].id
            applied, retries, start = applied + len(notifications), 0, end
            if progress:
                progress(end, head)
        if applied >= ANALYZE_AFTER:
            self.store.analyze()
        return applied

    def _rows(self, start: int, notifications: list[Any]) -> list[_Row]:
        """Each notification with its event (None if it does not read) and the statements it needs;
        an event that cannot be turned into rows is set aside already here."""
        read, previous = [], start
        for notification in notifications:
            event = None
            try:
                event = self.app.mapper.to_domain_event(notification)
                statements = statements_for(event, notification.id)
            except Exception as error:
                statements = self._set_aside(notification, error, event)
            kept = []
            if kept_totals.passes(previous, notification.id):
                kept = kept_totals.totals(notification.id, self.store.exact_sum)
            read.append((notification, event, statements, kept))
            previous = notification.id
        events = [(notification.id, event) for notification, event, _, _ in read if event is not None]
        real = real_days.fixes(self.store, events, self._events_of)
        last = {str(event.originator_id): position for position, event in events}  # each record's last event
        rows = []
        for notification, event, statements, kept in read:
            record = str(event.originator_id) if event is not None else ""
            at_last = last.get(record) == notification.id
            rows.append(_Row(notification, event, statements, kept, real.get(record, []) if at_last else []))
        return rows

    def _events_of(self, record_id: UUID, version: int) -> list[Any]:
        return list(self.app.events.get(record_id, lte=version))

    def _apply_one_by_one(self, start: int, rows: list[_Row]) -> bool:
        """Apply a batch that failed event by event, setting aside each event whose rows fail;
        False if another process moved the position meanwhile."""
        for row in rows:
            position = row.notification.id
            try:
                self.store.apply(start, position, row.written)
            except PositionMovedError:
                return False
            except TRANSIENT:
                raise
            except Exception as error:
                aside = self._set_aside(row.notification, error, row.event)
                try:
                    self.store.apply(start, position, aside + row.real + row.kept)
                except (PositionMovedError, *TRANSIENT):
                    raise
                except Exception:  # not even its audit log entry can be written
                    self.store.apply(start, position, quarantine.set_aside(row.notification, error) + row.kept)
            start = position
        return True

    @staticmethod
    def _set_aside(notification: Any, error: BaseException, event: Any) -> list[Statement]:
        logger.error(
            "The read models cannot apply the event at position %s (%s); it is set aside in the quarantine.",
            notification.id,
            notification.topic,
            exc_info=error,
        )
        try:
            return quarantine.set_aside(notification, error, event)
        except Exception:  # the event does not even give its audit log entry
            return quarantine.set_aside(notification, error)

    def catch_up_at_start(self) -> int:
        """Catch up before the first page (after a crash, a new read-model schema, an imported log);
        a long catch-up says how far it is on stderr, where gunicorn and the commands show it."""
        long = self.status().lag >= LONG_CATCH_UP
        return self.catch_up(_lines("read models: catching up") if long else None)

    def rebuild(self, progress: Progress | None = None) -> int:
        self.store.drop_read_models()
        self.store.create_read_models()
        return self.catch_up(progress)


def _lines(label: str, every: float = 0.05) -> Progress:
    """Progress as a line each `every` of the way (a log has no place for a line redrawn in place)."""
    shown = 0.0  # the share of the way last reported

    def show(position: int, head: int) -> None:
        nonlocal shown
        if position >= head or position / head >= shown + every:
            shown = position / head
            print(f"{label}: position {position:,} of {head:,}", file=sys.stderr, flush=True)

    return show
