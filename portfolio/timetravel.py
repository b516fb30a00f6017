"""Viewing the portfolio as of a past moment, without replaying the log.

`viewing(as_of)` makes every read-model query in its block read the history twins instead of the
current tables (the same SQL, with each register table shadowed by a common table expression of its
rows as of the position), and makes records load at the version they had then. Nothing can be
changed while viewing the past.

Two questions can be asked of the past:
- what the store knew at a moment (`real_on` is None): every event recorded up to `position`;
- how things really were on a day (`real_on` set), as known now: each record as it stood after the
  longest run of its changes, in the order recorded, that all really happened by that day (each by
  its effective date, or the day it was recorded). A change recorded late with an earlier effective
  date therefore never brings in a change recorded before it that took effect after the day; it
  is shown itself from the day every change recorded before it is in effect. (Applying exactly the
  changes effective by the day, in any order, needs a replay, which this view avoids.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from portfolio.readmodels import spans
from portfolio.readmodels.schema import COLUMNS, OWNER_COLUMNS


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
    return (
        f"SELECT h.* FROM {table}_history h JOIN (SELECT e.record_id, MAX(e.position) AS at FROM rm_events e "
        f"LEFT JOIN ({_FIRST_LATER}) l ON l.record_id = e.record_id "
        "WHERE e.real_on <= :as_of_real_on AND e.position <= :as_of_position "
        "AND (l.first_later IS NULL OR e.position < l.first_later) GROUP BY e.record_id) v "
        f"ON h.{OWNER_COLUMNS[table]} = v.record_id AND h.valid_from <= v.at AND h.valid_to > v.at"
    )


# Each record's first change, in the order recorded, that took effect after the day viewed.
_FIRST_LATER = (
    "SELECT record_id, MIN(position) AS first_later FROM rm_events "
    "WHERE real_on > :as_of_real_on AND position <= :as_of_position GROUP BY record_id"
)


def version_query(as_of: AsOf) -> str:
    """The SQL for the version a record (`:id`) had at `as_of`."""
    if not as_of.real_on:
        return "SELECT MAX(version) AS version FROM rm_events WHERE record_id = :id AND position <= :as_of_position"
    return (
        "SELECT MAX(version) AS version FROM rm_events WHERE record_id = :id AND position <= :as_of_position "
        "AND real_on <= :as_of_real_on AND position < COALESCE((SELECT MIN(position) FROM rm_events "
        "WHERE record_id = :id AND real_on > :as_of_real_on AND position <= :as_of_position), :as_of_position + 1)"
    )
