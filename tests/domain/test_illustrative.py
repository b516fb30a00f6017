"""A record's figures may be marked illustrative (invented, not facts) and cleared, each with a reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from uuid import uuid4

import pytest

from domain.context import recording
from domain.enums import Category, MemorandumKind, OrganizationKind, Priority
from domain.errors import DomainError
from domain.grant import GrantApplication
from domain.illustrative import Illustrative
from domain.initiative import RoadmapInitiative
from domain.memorandum import Memorandum
from domain.money import Money
from domain.organization import Organization
from domain.project import Project
from domain.rates import ExchangeRates
from tests.domain.support import new_events

CREATE: dict[str, Callable[[], Illustrative]] = {
    "Organization": lambda: Organization.register("Донор", OrganizationKind.FUNDER),
    "Project": lambda: Project.propose("P-1", "Park", uuid4(), "Olena", Priority.HOW, Category.VALUE_CHAINS),
    "GrantApplication": lambda: GrantApplication.prospect("GDT", uuid4(), uuid4(), "Iryna", Money.of("1", "EUR")),
    "Memorandum": lambda: Memorandum.draft(MemorandumKind.NDA, "Prototypes", "Olha"),
    "RoadmapInitiative": lambda: RoadmapInitiative.propose("UCA", "Зростання", "Centres", "UCA", date(2023, 3, 31)),
    "ExchangeRates": lambda: ExchangeRates.open("UAH", "EUR", Decimal("0.025"), date(2023, 1, 9)),
}


@pytest.mark.parametrize("kind", CREATE)
def test_each_kind_with_figures_is_marked_and_cleared_by_its_own_events_saying_who_and_why(kind):
    with recording("taras"):
        record = CREATE[kind]()
    assert record.illustrative is None
    with recording("olena", "a reason the form also sent"):
        record.mark_illustrative("Amount invented for the demo")
    assert record.illustrative == "Amount invented for the demo"
    with recording("petro"):
        record.clear_illustrative("The award letter confirms the amount")
    assert record.illustrative is None
    marked, cleared = new_events(record)[1:]
    assert type(marked).__qualname__ == f"{kind}.MarkedIllustrative"
    assert type(cleared).__qualname__ == f"{kind}.IllustrativeCleared"
    assert (marked.actor, marked.reason) == ("olena", "Amount invented for the demo")
    assert (cleared.actor, cleared.reason) == ("petro", "The award letter confirms the amount")


def test_the_mark_replays_from_the_store(store, as_tester):
    record = CREATE["GrantApplication"]()
    record.mark_illustrative("Tranches invented")
    store.save(record)
    assert store.repository.get(record.id).illustrative == "Tranches invented"
    again = store.repository.get(record.id)
    again.clear_illustrative("Real tranches entered")
    store.save(again)
    assert store.repository.get(record.id).illustrative is None


@pytest.mark.parametrize(
    ("prepare", "change", "message"),
    [
        (None, lambda r: r.mark_illustrative("  "), "A reason is required"),
        (None, lambda r: r.clear_illustrative("real"), "not marked illustrative"),
        ("why", lambda r: r.mark_illustrative("why"), "already marked illustrative"),
        ("why", lambda r: r.clear_illustrative(""), "A reason is required"),
    ],
)
def test_a_mark_needs_a_reason_and_a_change(as_tester, prepare, change, message):
    record = CREATE["Project"]()
    if prepare:
        record.mark_illustrative(prepare)
    new_events(record)
    with pytest.raises(DomainError, match=message):
        change(record)
    assert new_events(record) == []


def test_a_new_reason_replaces_the_old_one(as_tester):
    record = CREATE["Memorandum"]()
    record.mark_illustrative("Day invented")
    record.mark_illustrative("Day and commitments invented")
    assert record.illustrative == "Day and commitments invented"
