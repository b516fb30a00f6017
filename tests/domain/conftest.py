"""Shared fixtures: a person recording the changes, and an in-memory store to replay records from."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

import pytest
from eventsourcing.application import Application
from eventsourcing.persistence import JSONTranscoder

from domain.context import Recording, recording
from domain.record import Record
from portfolio.transcodings import register_all

R = TypeVar("R", bound=Record)


@pytest.fixture
def as_tester() -> Iterator[Recording]:
    """Record every change of the test as the person 'tester'."""
    with recording("tester") as value:
        yield value


class MemoryStore(Application):
    """The library's application on plain Python objects: events are encoded to JSON and read back."""

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        register_all(transcoder)  # the application's own transcodings, so replay is tested as stored


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
