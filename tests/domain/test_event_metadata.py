"""Every event says who recorded it, when, optionally why, and when it really happened."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from uuid import uuid4

import pytest

from domain.context import SYSTEM_ACTOR, clock_set_to, current_recording, now, recording
from domain.enums import Category, MemorandumKind, OrganizationKind, Priority, ProjectStage, ResultLevel
from domain.errors import DomainError
from domain.grant import GrantApplication
from domain.initiative import RoadmapInitiative
from domain.memorandum import Memorandum
from domain.money import Money
from domain.organization import Organization
from domain.project import Project
from domain.record import Record
from tests.domain.support import new_events

MAY_20 = datetime(2022, 5, 20, 9, 30, tzinfo=UTC)
MAY_1 = date(2022, 5, 1)


def new_project() -> Project:
    return Project.propose("P-1", "Industrial park", uuid4(), "Olena", Priority.HOW, Category.VALUE_CHAINS)


CREATE: dict[str, Callable[[], Record]] = {
    "organization": lambda: Organization.register("АППАУ", OrganizationKind.ASSOCIATION),
    "project": new_project,
    "grant": lambda: GrantApplication.prospect("GDT", uuid4(), uuid4(), "Iryna", Money.of("43000", "EUR")),
    "memorandum": lambda: Memorandum.draft(MemorandumKind.NDA, "Prototypes", "Olha"),
    "initiative": lambda: RoadmapInitiative.propose("UCA 2022-23", "Growth", "Resource centres", "UCA", MAY_1),
}


@pytest.mark.parametrize("create", CREATE.values(), ids=CREATE.keys())
def test_every_aggregate_records_who_why_when_and_when_it_happened(create):
    with recording("olena", reason="award letter dated 1 May", effective_date=MAY_1), clock_set_to(MAY_20):
        record = create()

    [created] = new_events(record)
    assert isinstance(created, Record.Event)
    assert (created.actor, created.reason, created.effective_date) == ("olena", "award letter dated 1 May", MAY_1)
    assert created.timestamp == MAY_20
    assert record.created_on == record.modified_on == MAY_20


def test_outside_any_recording_the_system_is_the_actor():
    assert current_recording().actor == SYSTEM_ACTOR

    [created] = new_events(new_project())

    assert (created.actor, created.reason, created.effective_date) == (SYSTEM_ACTOR, None, None)


@pytest.mark.parametrize("actor", ["", "   ", None])
def test_a_change_needs_a_person_who_makes_it(actor):
    with pytest.raises(DomainError, match="person"), recording(actor):
        pytest.fail("the block must not run")


def test_actor_and_reason_are_trimmed_and_a_blank_reason_is_none():
    with recording("  olena ", reason="  typo  "):
        [trimmed] = new_events(new_project())
    with recording("olena", reason="   "):
        [blank] = new_events(new_project())

    assert (trimmed.actor, trimmed.reason) == ("olena", "typo")
    assert blank.reason is None


def test_an_inner_recording_wins_and_the_outer_one_comes_back():
    with recording("olena", reason="outer"):
        with recording("taras"):
            [inner] = new_events(new_project())
        [outer] = new_events(new_project())

    assert (inner.actor, inner.reason) == ("taras", None)
    assert (outer.actor, outer.reason) == ("olena", "outer")
    assert current_recording().actor == SYSTEM_ACTOR


def test_the_recording_ends_even_when_the_change_is_refused():
    with pytest.raises(DomainError), recording("olena"):
        new_project().cancel("")

    assert current_recording().actor == SYSTEM_ACTOR


def test_each_event_reads_the_recording_in_force_when_it_is_made():
    with recording("olena"):
        project = new_project()
    with recording("taras", reason="re-plan after the board meeting"):
        project.hand_over("Taras")

    proposed, handed_over = new_events(project)
    assert (proposed.actor, proposed.reason) == ("olena", None)
    assert (handed_over.actor, handed_over.reason) == ("taras", "re-plan after the board meeting")


def test_the_reason_given_to_a_change_wins_over_the_reason_of_the_recording():
    project = new_project()
    new_events(project)

    with recording("olena", reason="board meeting of 10 Jan"):
        project.cancel("no funder found")
        project.correct_stage(ProjectStage.IDEA, "cancelled by mistake")

    cancelled, corrected = new_events(project)
    assert (cancelled.actor, cancelled.reason) == ("olena", "no funder found")
    assert corrected.reason == "cancelled by mistake"


def test_the_clock_stamps_events_and_the_record_times():
    later = MAY_20 + timedelta(days=3)
    with recording("olena"):
        with clock_set_to(MAY_20):
            project = new_project()
        with clock_set_to(later):
            project.define_kpi("Members", "members", ResultLevel.OUTPUT, Decimal(0), Decimal(1))

    proposed, defined = new_events(project)
    assert (proposed.timestamp, defined.timestamp) == (MAY_20, later)
    assert (project.created_on, project.modified_on) == (MAY_20, later)


def test_without_a_set_clock_events_are_stamped_with_the_current_utc_time():
    before = datetime.now(UTC)
    [proposed] = new_events(new_project())
    after = datetime.now(UTC)

    assert before <= proposed.timestamp <= after
    assert proposed.timestamp.utcoffset() == timedelta(0)


def test_the_clock_can_be_set_in_any_time_zone_and_is_restored():
    kyiv = datetime(2021, 10, 27, 12, 0, tzinfo=timezone(timedelta(hours=3)))

    with clock_set_to(kyiv):
        assert now() == kyiv
        [proposed] = new_events(new_project())

    assert proposed.timestamp == kyiv
    assert now() > kyiv


def test_the_clock_refuses_a_time_without_a_time_zone():
    with pytest.raises(ValueError, match="timezone"), clock_set_to(datetime(2022, 5, 20, 9, 30)):
        pytest.fail("the block must not run")


def test_metadata_survives_storage(store):
    with recording("olena", reason="late entry", effective_date=MAY_1), clock_set_to(MAY_20):
        project = new_project()
    with recording("taras"), clock_set_to(MAY_20 + timedelta(hours=1)):
        project.cancel("no partner")
    store.save(project)

    proposed, cancelled = store.events.get(project.id)

    assert (proposed.actor, proposed.reason, proposed.effective_date, proposed.timestamp) == (
        "olena",
        "late entry",
        MAY_1,
        MAY_20,
    )
    assert (cancelled.actor, cancelled.reason, cancelled.effective_date) == ("taras", "no partner", None)
    assert cancelled.timestamp == MAY_20 + timedelta(hours=1)
