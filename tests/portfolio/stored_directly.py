"""Events stored as an older version (or a hand in the database) might have: without today's checks."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any

from eventsourcing.persistence import StoredEvent

from domain.context import new_id
from domain.record import Record


def store_unchecked(app: Any, event_class: type[Record.Event], record_id: Any, version: int, **values: Any) -> None:
    """Append an event built without its constructor (so without the checks of `domain/values.py`).
    Fields a later version of the event class added, when not given, are left out as that older
    version left them (see `store_as_version_1`)."""
    event = object.__new__(event_class)
    defaults = {"actor": "old-version", "reason": None, "effective_date": None}
    state = {**defaults, **values, "originator_id": record_id, "originator_version": version,
             "timestamp": datetime.now(UTC)}  # fmt: skip
    if "originator_topic" in {field.name for field in dataclasses.fields(event_class)}:
        state.setdefault("originator_topic", f"{event_class.__module__}:{event_class.__qualname__.split('.')[0]}")
    object.__setattr__(event, "__dict__", state)
    declared = {field.name for field in dataclasses.fields(event_class) if field.init}
    if declared <= set(state):
        app.recorder.insert_events([app.mapper.to_stored_event(event)])
    else:
        store_as_version_1(app, [event])


def fresh_id() -> Any:
    return new_id()


def store_as_version_1(app: Any, events: list[Any], *added: str) -> None:
    """Append events as stored before their class's version 2 added the fields `added`: their state
    without those fields and without a class version (the library upcasts such an event as it reads it)."""
    assert app.mapper.compressor is None and app.mapper.cipher is None  # the state is the encoded dict
    stored = []
    for event in events:
        state = {name: value for name, value in vars(event).items() if name not in added}
        originator_id, version = state.pop("originator_id"), state.pop("originator_version")
        topic = f"{type(event).__module__}:{type(event).__qualname__}"
        stored.append(StoredEvent(originator_id, version, topic, app.mapper.transcoder.encode(state)))
    app.recorder.insert_events(stored)
