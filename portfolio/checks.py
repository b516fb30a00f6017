"""Checking the read models against the event log, as operators run it and pages show it."""

from __future__ import annotations

import time
from typing import Any

from portfolio.application import PortfolioCore
from portfolio.readmodels import check

LAST_CHECK_KEPT = 30.0  # seconds a process reuses the last check it read (every page shows a warning from it)


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
