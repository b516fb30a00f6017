"""Events stored as an older version (or a hand in the database) might have: without today's checks."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any

from domain.context import new_id
from domain.record import Record


def store_unchecked(app: Any, event_class: type[Record.Event], record_id: Any, version: int, **values: Any) -> None:
    """Append an event built without its constructor (so without the checks of `domain/values.py`)."""
    event = object.__new__(event_class)
    defaults = {"actor": "old-version", "reason": None, "effective_date": None}
    state = {**defaults, **values, "originator_id": record_id, "originator_version": version,
             "timestamp": datetime.now(UTC)}  # fmt: skip
    if "originator_topic" in {field.name for field in dataclasses.fields(event_class)}:
        state.setdefault("originator_topic", f"{event_class.__module__}:{event_class.__qualname__.split('.')[0]}")
    object.__setattr__(event, "__dict__", state)
    app.recorder.insert_events([app.mapper.to_stored_event(event)])


def fresh_id() -> Any:
    return new_id()
