"""Shared fixtures: a person recording the changes, and an in-memory store to replay records from."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from enum import Enum
from typing import Any, TypeVar

import pytest
from eventsourcing.application import Application
from eventsourcing.persistence import JSONTranscoder, Transcoding

from domain.context import Recording, recording
from domain.enums import ALL_ENUMS
from domain.money import Money
from domain.record import Record

R = TypeVar("R", bound=Record)


@pytest.fixture
def as_tester() -> Iterator[Recording]:
    """Record every change of the test as the person 'tester'."""
    with recording("tester") as value:
        yield value


class _DateAsISO(Transcoding):
    type = date
    name = "date"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class _MoneyAsDict(Transcoding):
    type = Money
    name = "money"

    def encode(self, obj: Money) -> dict[str, Any]:
        return {"amount": obj.amount, "currency": obj.currency}

    def decode(self, data: dict[str, Any]) -> Money:
        return Money(data["amount"], data["currency"])


class _EnumAsValue(Transcoding):
    def __init__(self, enum: type[Enum]) -> None:
        self.type, self.name = enum, f"enum_{enum.__name__}"

    def encode(self, obj: Enum) -> str:
        return obj.value

    def decode(self, data: str) -> Enum:
        return self.type(data)


class MemoryStore(Application):
    """The library's application on plain Python objects: events are encoded to JSON and read back."""

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(_DateAsISO())
        transcoder.register(_MoneyAsDict())
        for enum in ALL_ENUMS:
            transcoder.register(_EnumAsValue(enum))


@pytest.fixture
def store() -> Iterator[MemoryStore]:
    app = MemoryStore(env={"PERSISTENCE_MODULE": "eventsourcing.popo"})
    yield app
    app.close()


@pytest.fixture
def replayed(store: MemoryStore) -> Callable[[R], R]:
    """Save a record's new events, then rebuild the record from the stored events alone."""

    def replay(record: R) -> R:
        store.save(record)
        again = store.repository.get(record.id)
        assert again is not record
        return again

    return replay
