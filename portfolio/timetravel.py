"""Viewing the portfolio as of a past moment, without replaying the log.

`viewing(as_of)` makes every read-model query in its block read the history twins instead of the
current tables (the same SQL, with each register table shadowed by a common table expression of its
rows as of the position), and makes records load at the version they had then. Nothing can be
changed while viewing the past.

Two questions can be asked of the past:
- what the store knew at a moment (`real_on` is None): every event recorded up to `position`;
- how things really were on a day (`real_on` set), as known now: each record after exactly the
  changes that really happened by that day (each on its effective date, or the day it was
  recorded), in the order recorded. A change recorded late with an earlier effective date shows
  from that date, and never brings in a change recorded before it that took effect later.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from portfolio.readmodels import spans
from portfolio.readmodels.schema import COLUMNS, NAMES, OWNER_COLUMNS


@dataclass(frozen=True)
class AsOf:
    moment: datetime  # what the person asked for (the start of the day for `real_on`)
    position: int  # the last event the view may include
    real_on: date | None = None

    def params(self) -> dict[str, Any]:
        return {"as_of_position": self.position, "as_of_real_on": self.real_on.isoformat() if self.real_on else ""}


_viewing: ContextVar[AsOf | None] = ContextVar("as_of", default=None)


@contextmanager
def viewing(as_of: AsOf | None) -> Iterator[None]:
    token = _viewing.set(as_of)
    try:
        yield
    finally:
        _viewing.reset(token)


def enter(as_of: AsOf) -> Token[AsOf | None]:
    """For frameworks whose request starts and ends in separate calls; prefer `viewing`."""
    return _viewing.set(as_of)


def leave(token: Token[AsOf | None]) -> None:
    _viewing.reset(token)


def current() -> AsOf | None:
    return _viewing.get()


def shadowed(sql: str, as_of: AsOf, walk: bool = False) -> str:
    """`sql` reading each register table it names as that table was at `as_of`. With `walk`, the
    rows are found by an index of the history twin that the query's order or range uses, each row
    met checked for its span; without, through the twin's interval index (see `spans.py`)."""
    tables = [table for table in COLUMNS if re.search(rf"\b{table}\b", sql)]
    if not tables:
        return sql
    return "WITH " + ", ".join(f"{table} AS ({_rows(table, as_of, walk)})" for table in tables) + " " + sql


def _rows(table: str, as_of: AsOf, walk: bool) -> str:
    if as_of.real_on is None:
        return spans.walked(table) if walk else spans.true_at(table, as_of.position)
    names = NAMES[table]
    return (
        f"SELECT {', '.join(f'h.{name}' for name in names)} FROM {table}_history h JOIN ({_IN_ORDER}) v "
        f"ON h.{OWNER_COLUMNS[table]} = v.record_id AND h.valid_from <= v.at AND h.valid_to > v.at "
        f"UNION ALL SELECT {', '.join(names)} FROM {table}_real "
        "WHERE real_from <= :as_of_real_on AND real_to > :as_of_real_on"
    )


# Each record recorded in the order its changes took effect, at the position of its last change in
# effect by the day viewed (the records with a back-dated change are kept by day: see `real_days.py`).
_IN_ORDER = (
    "SELECT record_id, MAX(position) AS at FROM rm_events "
    "WHERE real_on <= :as_of_real_on AND position <= :as_of_position "
    "AND record_id NOT IN (SELECT record_id FROM rm_backdated) GROUP BY record_id"
)


def version_query(as_of: AsOf) -> str:
    """The SQL for the version a record (`:id`) had at `as_of` (for `real_on`, a record without a
    back-dated change)."""
    if not as_of.real_on:
        return "SELECT MAX(version) AS version FROM rm_events WHERE record_id = :id AND position <= :as_of_position"
    return (
        "SELECT MAX(version) AS version FROM rm_events WHERE record_id = :id AND position <= :as_of_position "
        "AND real_on <= :as_of_real_on"
    )


def folded(events: list[Any]) -> Any:
    """A record after `events`: some of its events, the first its creation, in the order recorded."""
    record = None
    for event in events:
        record = applied(event, record)
    return record


def applied(event: Any, record: Any) -> Any:
    """`record` after `event`, though the events between them are left out (not in effect on the day
    viewed). An event that cannot be applied without one left out (a milestone reached, when the day
    viewed is before it was added) is left out too, as the read models leave it out (see
    `real_days.py`)."""
    if record is None:
        return event.mutate(None)
    candidate = copy.deepcopy(record)
    candidate.version = event.originator_version - 1  # the events between are not in effect
    try:
        event.mutate(candidate)
    except Exception:  # it needs a change not yet in effect
        return record
    return candidate
