"""Catch the read models up with the notification log, in batches, exactly once."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from eventsourcing.persistence import IntegrityError, OperationalError

from portfolio.readmodels import kept_totals
from portfolio.readmodels.projectors import statements_for
from portfolio.readmodels.store import ReadModelMixin, Statement

Progress = Callable[[int, int], None]
BATCH = 500
ANALYZE_AFTER = 10_000  # events applied at once (a rebuild, a first start) after which statistics are refreshed
MAX_RETRIES = 50
LONG_CATCH_UP = 10_000  # events behind after which a catch-up at start reports how far it is


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

    def catch_up(self, progress: Progress | None = None, batch: int = BATCH) -> int:
        """Apply every notification after the tracked position; returns how many were applied."""
        applied, retries = 0, 0
        head = self.app.recorder.max_notification_id() or 0
        start = self.store.position()
        while start < head:
            notifications = self.app.recorder.select_notifications(
                start=start, limit=batch, stop=head, inclusive_of_start=False
            )
            if not notifications:
                break
            statements: list[Statement] = []
            previous = start
            for notification in notifications:
                statements.extend(statements_for(self.app.mapper.to_domain_event(notification), notification.id))
                if kept_totals.passes(previous, notification.id):
                    statements.extend(kept_totals.totals(notification.id, self.store.exact_sum))
                previous = notification.id
            end = notifications[-1].id
            try:
                self.store.apply(start, end, statements)
            except IntegrityError:
                start = self.store.position()  # another process applied these first
                continue
            except OperationalError:
                retries += 1  # the database was busy with another writer
                if retries > MAX_RETRIES:
                    raise
                time.sleep(0.01 * retries)
                start = self.store.position()
                continue
            applied, retries, start = applied + len(notifications), 0, end
            if progress:
                progress(end, head)
        if applied >= ANALYZE_AFTER:
            self.store.analyze()
        return applied

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
