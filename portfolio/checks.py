"""Checking the read models against the event log, as operators run it, the schedule runs it and
pages show it.

The schedule: every web process wakes every few minutes and tries to claim the current period
(`PROJECTION_CHECK_EVERY` hours long) in `projection_check_periods`; the one whose claim is first
runs the check, on a sample of `PROJECTION_CHECK_SAMPLE` records, and records it as `schedule`. So
one check runs per period however many workers and hosts serve the store.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from datetime import UTC, datetime
from typing import Any

from portfolio.application import PortfolioCore
from portfolio.readmodels import check

LAST_CHECK_KEPT = 30.0  # seconds a process reuses the last check it read (every page shows a warning from it)
SCHEDULE = "schedule"  # who the scheduled checks are recorded as
WAKE = 600.0  # seconds between a web process's tries to claim the period
logger = logging.getLogger(__name__)


class ReadModelCheckUseCases(PortfolioCore):
    _last_check: tuple[float, dict[str, Any] | None] = (0.0, None)

    def check_read_models(
        self, actor: str, progress: check.Progress | None = None, sample: int | None = None
    ) -> check.CheckResult:
        """Compare every read-model table with a rebuild from the events (or the rows of a `sample`
        of records with a replay of their events), and record the result."""
        result = check.check(self, progress, sample)
        check.record(self.read_models, result, actor)
        self._last_check = (0.0, None)
        return result

    def last_read_model_check(self) -> dict[str, Any] | None:
        """The check the pages report (see `check.last`), with the tables it found different; read
        at most every LAST_CHECK_KEPT seconds by a process."""
        read_at, row = self._last_check
        if time.monotonic() - read_at > LAST_CHECK_KEPT:
            row = check.last(self.read_models)
            if row is not None:
                row["tables"] = check.differing_tables(row)
            self._last_check = (time.monotonic(), row)
        return row

    def run_scheduled_check(self, hours: float, sample: int, now: datetime | None = None) -> check.CheckResult | None:
        """The check of the current period of `hours` (on `sample` records; 0: all), if no process
        has claimed that period yet; None if one has."""
        period = int((now or datetime.now(UTC)).timestamp() // (hours * 3600))
        claimed = self.read_models.write_returning(
            "INSERT INTO projection_check_periods (period, claimed_at) VALUES (:period, :at) "
            "ON CONFLICT (period) DO NOTHING RETURNING period",
            {"period": period, "at": datetime.now(UTC).isoformat()},
        )
        if not claimed:
            return None
        return self.check_read_models(SCHEDULE, sample=sample or None)


def keep_checking(
    portfolio: ReadModelCheckUseCases,
    hours: float,
    sample: int,
    wake: float = WAKE,
    stop: threading.Event | None = None,
) -> threading.Thread:
    """A thread that tries the scheduled check every `wake` seconds until `stop` is set (the first
    try after a random part of that, so that workers started together do not all try at once)."""
    stop = stop or threading.Event()

    def loop() -> None:
        if stop.wait(random.uniform(0.5, 1.0) * wake):
            return
        while True:
            try:
                result = portfolio.run_scheduled_check(hours, sample)
                if result is not None and not result.ok:
                    logger.error("The scheduled check found the read models different from the log: %s", result)
            except Exception:
                logger.exception("The scheduled read-model check failed; the next period tries again.")
            if stop.wait(wake):
                return

    thread = threading.Thread(target=loop, name="read-model check schedule", daemon=True)
    thread.start()
    return thread
