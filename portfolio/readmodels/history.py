"""What makes time travel a query: the audit index and the history twins of the register tables.

Every event adds a row to `rm_events` (who, when, why, what). Every register table has a
`<table>_history` twin holding each version of each row with the span of log positions for which
it was true (`valid_from` <= p < `valid_to`). After an event changes a table, the rows its record
owns there are closed at the event's position and copied anew, so the twin of a table is the
table as of any position.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any
from uuid import UUID

from domain.localtime import kyiv_day
from domain.money import Money
from portfolio.readmodels import spans
from portfolio.readmodels.schema import CHOICES, COLUMNS, OWNER_COLUMNS, STILL_TRUE
from portfolio.readmodels.store import Statement

# Attributes every event carries; the rest is what the event says.
BASE_ATTRIBUTES = frozenset(
    {"originator_id", "originator_version", "timestamp", "actor", "reason", "effective_date", "originator_topic"}
)
SECRET_ATTRIBUTES = frozenset({"password_hash", "digest", "email"})  # never shown, exported as a payload only


def event_fields(event: Any) -> dict[str, Any]:
    """What the event itself says, without the metadata every event has and without secrets."""
    return {
        key: value
        for key, value in vars(event).items()
        if key not in BASE_ATTRIBUTES and key not in SECRET_ATTRIBUTES and not key.startswith("_")
    }


def summary(event: Any) -> str:
    return "; ".join(f"{key}: {_text(value)}" for key, value in event_fields(event).items())


def what(event: Any) -> str:
    """What the event says, as JSON for pages to show in the person's language: a list of [field,
    kind, value], the kind one of "id" (a record's id, shown by its name), "date", "moment",
    "money" ([amount, currency]), "value" (of a vocabulary), "flag" (said only when set: an event of an
    older version reads as not setting a flag it did not know) or "text"."""
    said = {key: value for key, value in event_fields(event).items() if value is not False}
    return json.dumps([[key, *_typed(value)] for key, value in said.items()], ensure_ascii=False)


def _typed(value: Any) -> tuple[str, Any]:
    if isinstance(value, UUID):
        return "id", str(value)
    if isinstance(value, Money):
        return "money", [str(value.amount), value.currency]
    if isinstance(value, datetime):
        return "moment", value.isoformat()
    if isinstance(value, date):
        return "date", value.isoformat()
    if isinstance(value, Enum):
        return "value", str(value.value)
    if isinstance(value, bool):
        return "flag", value
    return "text", None if value is None else _text(value)


def _text(value: Any) -> str:
    if isinstance(value, Money):
        return f"{value.amount} {value.currency}"
    if isinstance(value, list):
        return ", ".join(_text(item) for item in value)
    if hasattr(value, "value") and not isinstance(value, str | int):  # an enum member
        return str(value.value)
    return "—" if value is None else str(value)


def real_day(event: Any) -> date:
    """The day a change really happened: its effective date, or the day it was recorded (in Kyiv)."""
    return getattr(event, "effective_date", None) or kyiv_day(event.timestamp)


def audit_index(event: Any, position: int) -> Statement:
    record_type, name = type(event).__qualname__.split(".", 1)
    effective = getattr(event, "effective_date", None)
    values = {
        "position": position,
        "record_id": str(event.originator_id),
        "record_type": record_type,
        "version": event.originator_version,
        "event": name,
        "recorded_at": event.timestamp.astimezone(UTC).isoformat(timespec="microseconds"),
        "real_on": real_day(event).isoformat(),
        "effective_on": effective.isoformat() if effective else None,
        "actor": getattr(event, "actor", ""),
        "reason": getattr(event, "reason", None),
        "summary": summary(event),
        "what": what(event),
    }
    columns = ", ".join(values)
    placeholders = ", ".join(f":{key}" for key in values)
    return Statement(f"INSERT INTO rm_events ({columns}) VALUES ({placeholders})", values)


def history(event: Any, position: int, changed: list[Statement]) -> list[Statement]:
    """Close and copy anew the rows of the event's record in every register table it changed; a
    closed row's fork moves down the tree to its span's (see `spans.py`)."""
    tables = sorted({statement.table for statement in changed} & COLUMNS.keys())
    if not tables:
        return []
    params = {"owner": str(event.originator_id), "position": position}
    fork = spans.closed_fork(position)
    result = []
    for table in tables:
        column = OWNER_COLUMNS[table]
        result += [
            Statement(
                f"UPDATE {table}_history SET valid_to = :position, fork = {fork} "
                f"WHERE {column} = :owner AND valid_to = {STILL_TRUE}",
                params,
            ),
            Statement(
                f"INSERT INTO {table}_history SELECT *, :position, {STILL_TRUE}, {spans.ROOT} "
                f"FROM {table} WHERE {column} = :owner",
                params,
            ),
        ]
    return result


_CHOICE = (
    "INSERT INTO rm_choices (register_table, column_name, value, since) VALUES (:table, :column, :value, :since) "
    "ON CONFLICT (register_table, column_name, value) DO NOTHING"
)


def choices(position: int, changed: list[Statement]) -> list[Statement]:
    """Note each value a drop-down filter offers, the first time it appears."""
    return [
        Statement(_CHOICE, {"table": statement.table, "column": column, "value": value, "since": position})
        for statement in changed
        for column in CHOICES.get(statement.table, ())
        if (value := statement.params.get(column)) not in (None, "")
    ]
