"""Small helpers for the domain tests, and the grant application and project they start from."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar
from uuid import uuid4

from domain.enums import Category, Priority
from domain.grant import GrantApplication
from domain.money import Money
from domain.project import Project
from domain.record import Record

R = TypeVar("R", bound=Record)
GIZ, APPAU = uuid4(), uuid4()  # a funder and the cluster association applying to it
CLUSTER = uuid4()  # the cluster a project belongs to


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


def prospect(**changes) -> GrantApplication:
    """APPAU's application to GIZ for a microgrant, owned by Iryna, but for `changes`."""
    details = {
        "title": "GDT Textile microgrant",
        "funder_id": GIZ,
        "applicant_id": APPAU,
        "owner": "Iryna",
        "requested": eur("43000"),
    }
    return GrantApplication.prospect(**{**details, **changes})


def propose_project(**changes) -> Project:
    """The cluster's marketplace project, led by Olena, but for `changes`."""
    details = {
        "code": "ZP-IAM-01",
        "title": "Zaporizhzhia IAM marketplace",
        "organization_id": CLUSTER,
        "owner": "Olena",
        "priority": Priority.NOW,
        "category": Category.MARKET_ACCESS,
    }
    return Project.propose(**{**details, **changes})


def new_events(record: Record) -> list[Any]:
    """The events the record emitted since the last call (they are collected, as a save would)."""
    return list(record.collect_events())


def fresh(record: R) -> R:
    """A record just made, its first events collected: a test sees only the events of its own steps."""
    new_events(record)
    return record


def reach(record: R, stage: Any, steps: Mapping[Any, list[Callable[[], object]]], field: str = "stage") -> R:
    """Bring a fresh record to `stage` by the ordinary steps listed for it; the events are collected."""
    for step in steps[stage]:
        step()
    new_events(record)
    assert getattr(record, field) is stage
    return record


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
