"""The base of every aggregate: events that carry who, why and when it really happened."""

from __future__ import annotations

from dataclasses import field
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate

from domain import context
from domain.errors import DomainError
from domain.values import check_event


def _actor() -> str:
    return context.current_recording().actor


def _reason() -> str | None:
    return context.current_recording().reason


def _effective_date() -> date | None:
    return context.current_recording().effective_date


class Record(Aggregate):
    """An aggregate whose every event says who recorded it and, optionally, why.

    Each kind declares its events as classes, each right above the method that records it
    (`@event(Renamed)`): its fields are exactly the method's parameters, and the method's body applies it.
    A stored event is read back by its topic (`domain.organization:Organization.Renamed`) and its
    fields, so an event class or field is never renamed or moved; a new field needs a `class_version`
    and an upcaster for the events stored without it.
    """

    class Event(Aggregate.Event):
        actor: str = field(default_factory=_actor, init=False)
        # The recording's reason; an event that declares `reason` itself takes it from its method instead.
        reason: str | None = field(default_factory=_reason, init=False)
        effective_date: date | None = field(default_factory=_effective_date, init=False)

        def __post_init__(self) -> None:
            super().__post_init__()
            check_event(self)  # only new events: stored ones are read without their constructor

        @staticmethod
        def create_timestamp() -> datetime:
            return context.now()

    class Created(Event, Aggregate.Created):
        pass

    @staticmethod
    def create_id(*_: Any, **__: Any) -> UUID:
        return context.new_id()


# `what` and `action` below are words of the domain's own that the refusal names: callers mark them
# `N_("The project title")`, so that they are extracted and shown in the person's language too.
def require_text(value: str | None, what: str) -> str:
    text = (value or "").strip()
    if not text:
        raise DomainError("{what} cannot be empty.", what=what)
    return text


def require_reason(reason: str | None, action: str) -> str:
    text = (reason or "").strip()
    if not text:
        raise DomainError("A reason is required to {action}.", action=action)
    return text


def require_order(start: date | None, end: date | None, what: str, about: str | None = None) -> None:
    """`end` is not before `start`; `about` names the end's parameter, where the refusal is shown."""
    if start is not None and end is not None and end < start:
        raise DomainError(
            "The end of {what} ({end}) cannot be before its start ({start}).",
            about=about,
            what=what,
            end=end,
            start=start,
        )


def require_amount_if_estimated(amount: object, estimated: bool, about: str) -> None:
    """Only an amount given can be an estimate; `about` names the amount's parameter."""
    if estimated and amount is None:
        raise DomainError("Only an amount can be an estimate: give the amount, or leave it unmarked.", about=about)


def require_aware(moment: datetime | None, what: str) -> None:
    if moment is not None and moment.tzinfo is None:
        raise DomainError("{what} needs a time zone.", what=what)


def require_percent(value: int | None, what: str) -> None:
    if value is not None and not 0 <= value <= 100:
        raise DomainError("{what} must be between 0 and 100, not {value}.", what=what, value=value)


def require_number(value: Decimal, what: str) -> Decimal:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise DomainError("{what} must be a number.", what=what)
    return value


def find(items: dict[UUID, Any], item_id: UUID, what: str) -> Any:
    try:
        return items[item_id]
    except KeyError:
        raise DomainError("There is no {what} {item_id} on this record.", what=what, item_id=item_id) from None
