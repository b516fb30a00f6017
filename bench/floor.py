"""The floor a write is measured against: the bare `eventsourcing` library saving one event of a
comparable aggregate, one at a time, on the same kind of store, with no web, no validation, no read
models and no audit chain."""

from __future__ import annotations

import time

from eventsourcing.application import Application
from eventsourcing.domain import Aggregate, event

from portfolio.config import store_settings


class Estimate(Aggregate):
    """Like a grant application's win probability: one small event per change."""

    @event("Opened")
    def __init__(self, title: str) -> None:
        self.title = title
        self.percent: int | None = None

    @event("Estimated")
    def estimate(self, percent: int) -> None:
        self.percent = percent


class Floor(Application):
    name = "BenchFloor"


def floor_saves_per_second(url: str, saves: int, db_functions: bool = False) -> float:
    """Saves per second of the bare library: its ordinary path (on PostgreSQL it locks the events
    table, so events commit in the order of their positions), or with `db_functions` its insert
    function, which takes no lock and is unsafe for a reader following positions (issue 17)."""
    settings = {key: value for key, value in store_settings(url).items() if key != "APPLICATION_RECORDER_TOPIC"}
    if db_functions:
        settings["POSTGRES_ENABLE_DB_FUNCTIONS"] = "y"
    app = Floor(env=settings)
    record = Estimate("floor")
    app.save(record)
    started = time.perf_counter()
    for n in range(saves):
        record.estimate(n % 100)
        app.save(record)
    rate = saves / (time.perf_counter() - started)
    app.close()
    return rate
