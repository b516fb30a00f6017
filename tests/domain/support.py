"""Small helpers for the domain tests."""

from __future__ import annotations

from typing import Any

from domain.record import Record


def new_events(record: Record) -> list[Any]:
    """The events the record emitted since the last call (they are collected, as a save would)."""
    return list(record.collect_events())


def event_names(record: Record) -> list[str]:
    return [type(e).__name__ for e in new_events(record)]


def declared_event_names(cls: type[Record]) -> set[str]:
    """Every event type an aggregate class declares with @event."""
    return {
        name
        for name, value in vars(cls).items()
        if isinstance(value, type) and issubclass(value, Record.Event) and name not in ("Event", "Created")
    }


def state(record: Record) -> dict[str, Any]:
    """Everything the record knows, including its id, version and timestamps."""
    return {key: value for key, value in vars(record).items() if key != "_pending_events"}
