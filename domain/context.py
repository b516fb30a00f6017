"""Who is recording a change, why, when it really happened, and the clock.

The application sets these per request or per command; every event reads them when it is
created. Only the demo loader and the tests move the clock into the past.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, date, datetime
from uuid import UUID, uuid4

from domain.errors import DomainError

SYSTEM_ACTOR = "system"


@dataclass(frozen=True)
class Recording:
    actor: str = SYSTEM_ACTOR
    reason: str | None = None
    effective_date: date | None = None


_recording: ContextVar[Recording] = ContextVar("recording", default=Recording())  # noqa: B039 (frozen)
_clock: ContextVar[datetime | None] = ContextVar("clock", default=None)
_ids: ContextVar[random.Random | None] = ContextVar("ids", default=None)


def current_recording() -> Recording:
    return _recording.get()


@contextmanager
def recording(actor: str, reason: str | None = None, effective_date: date | None = None) -> Iterator[Recording]:
    """Attribute every event created inside the block to `actor`, with an optional reason."""
    if not actor or not actor.strip():
        raise DomainError("Every change needs a person who makes it.")
    value = Recording(actor.strip(), (reason or "").strip() or None, effective_date)
    token = _recording.set(value)
    try:
        yield value
    finally:
        _recording.reset(token)


def now() -> datetime:
    """The current time, or the time the demo or a test has set."""
    return _clock.get() or datetime.now(UTC)


@contextmanager
def clock_set_to(moment: datetime) -> Iterator[None]:
    """Run the block as if it were `moment` (demo data and tests only)."""
    if moment.tzinfo is None:
        raise ValueError("The clock needs a timezone-aware time.")
    token = _clock.set(moment)
    try:
        yield
    finally:
        _clock.reset(token)


def new_id() -> UUID:
    """A new id for a record or a sub-record: random, or drawn from a seed inside `ids_from`."""
    source = _ids.get()
    return uuid4() if source is None else UUID(int=source.getrandbits(128), version=4)


@contextmanager
def ids_from(seed: int) -> Iterator[None]:
    """Draw every new id inside the block from `seed`, so the same run makes the same ids
    (synthetic data and tests only)."""
    token = _ids.set(random.Random(seed))
    try:
        yield
    finally:
        _ids.reset(token)
