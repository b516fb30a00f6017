"""Roadmap initiative: proposed, planned, in progress, then done, not done or dropped; slips stay visible."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from domain.enums import Health, InitiativeStatus
from domain.errors import DomainError
from domain.initiative import RoadmapInitiative, quarter_of
from tests.domain.support import declared_event_names, event_names, fresh, new_events, reach, state

pytestmark = pytest.mark.usefixtures("as_tester")

I = InitiativeStatus
TARGET = date(2023, 3, 31)


def propose(**changes) -> RoadmapInitiative:
    details = {
        "roadmap": "UCA Roadmap 2022-23",
        "direction": "Institutionalization",
        "title": "Reach the Basic maturity level",
        "owner": "Board of UCA",
        "target_on": TARGET,
    }
    return RoadmapInitiative.propose(**{**details, **changes})


@pytest.fixture
def initiative() -> RoadmapInitiative:
    return fresh(propose())


def move_to(initiative: RoadmapInitiative, status: InitiativeStatus) -> RoadmapInitiative:
    """Bring a fresh initiative to `status` by its ordinary steps; the events are collected."""
    i = initiative
    steps = {
        I.PROPOSED: [],
        I.PLANNED: [i.plan],
        I.IN_PROGRESS: [i.plan, i.start],
        I.POSTPONED: [i.plan, lambda: i.postpone(date(2023, 6, 30), "war-time priorities")],
        I.DONE: [i.finish],
        I.NOT_DONE: [lambda: i.mark_not_done("no funding")],
        I.DROPPED: [lambda: i.drop("merged into another initiative")],
    }
    return reach(i, status, steps, field="status")


def test_proposing_an_initiative_records_its_roadmap_direction_and_target():
    record = propose(title=" Strategic session ", owner=" Board ", target_on=date(2023, 1, 10))

    [proposed] = new_events(record)
    assert type(proposed).__name__ == "Proposed"
    assert (proposed.roadmap, proposed.direction, proposed.title) == (
        "UCA Roadmap 2022-23",
        "Institutionalization",
        "Strategic session",
    )
    assert (record.status, record.health, record.progress) == (I.PROPOSED, Health.ON_TRACK, 0)
    assert (record.owner, record.target_on, record.original_target_on) == (
        "Board",
        date(2023, 1, 10),
        date(2023, 1, 10),
    )
    assert (record.slip_days, record.postponements) == (0, [])


@pytest.mark.parametrize("field", ["roadmap", "direction", "title", "owner"])
def test_cannot_propose_an_initiative_with_an_empty_field(field):
    with pytest.raises(DomainError, match="cannot be empty"):
        propose(**{field: "  "})


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        (date(2023, 1, 1), "2023-Q1"),
        (date(2023, 3, 31), "2023-Q1"),
        (date(2023, 4, 1), "2023-Q2"),
        (date(2023, 9, 30), "2023-Q3"),
        (date(2022, 12, 31), "2022-Q4"),
    ],
)
def test_a_target_date_falls_in_its_calendar_quarter(day, quarter):
    assert quarter_of(day) == quarter
    assert propose(target_on=day).target_quarter == quarter


def test_an_initiative_is_planned_started_and_finished(initiative):
    initiative.plan()
    initiative.start()
    initiative.report_progress(60)
    initiative.finish()

    assert event_names(initiative) == ["Planned", "Started", "ProgressReported", "Finished"]
    assert (initiative.status, initiative.progress) == (I.DONE, 100)


@pytest.mark.parametrize(
    ("status", "step"),
    [
        (I.PROPOSED, "start"),
        (I.PLANNED, "plan"),
        (I.IN_PROGRESS, "plan"),
        (I.IN_PROGRESS, "start"),
        (I.DONE, "plan"),
        (I.DROPPED, "start"),
    ],
)
def test_an_initiative_moves_only_one_step_forward(initiative, status, step):
    move_to(initiative, status)

    with pytest.raises(DomainError, match=f"that is {status.value} cannot become"):
        getattr(initiative, step)()
    assert initiative.status is status


@pytest.mark.parametrize("step", ["plan", "start"])
def test_a_postponed_initiative_can_be_planned_again_or_started(initiative, step):
    move_to(initiative, I.POSTPONED)

    getattr(initiative, step)()

    assert initiative.status is {"plan": I.PLANNED, "start": I.IN_PROGRESS}[step]
    assert len(initiative.postponements) == 1


@pytest.mark.parametrize("status", [I.PROPOSED, I.PLANNED, I.IN_PROGRESS, I.POSTPONED])
def test_an_open_initiative_can_be_finished(initiative, status):
    move_to(initiative, status)

    initiative.finish()

    assert event_names(initiative) == ["Finished"]
    assert initiative.status is I.DONE


def test_marking_an_initiative_not_done_records_the_reason(initiative):
    move_to(initiative, I.IN_PROGRESS)

    initiative.mark_not_done(" the resource centres were not funded ")

    [not_done] = new_events(initiative)
    assert (type(not_done).__name__, not_done.reason) == ("MarkedNotDone", "the resource centres were not funded")
    assert initiative.status is I.NOT_DONE


def test_dropping_an_initiative_records_the_reason(initiative):
    initiative.drop(" duplicate of the ClusteRISE roadmap ")

    [dropped] = new_events(initiative)
    assert (type(dropped).__name__, dropped.reason) == ("Dropped", "duplicate of the ClusteRISE roadmap")
    assert initiative.status is I.DROPPED


@pytest.mark.parametrize("reason", ["", "   ", None])
@pytest.mark.parametrize("action", ["mark_not_done", "drop"])
def test_closing_an_initiative_without_success_needs_a_reason(initiative, action, reason):
    with pytest.raises(DomainError, match="reason"):
        getattr(initiative, action)(reason)
    assert initiative.status is I.PROPOSED


@pytest.mark.parametrize("status", [I.DONE, I.NOT_DONE, I.DROPPED])
@pytest.mark.parametrize(
    "change",
    [
        lambda i: i.finish(),
        lambda i: i.mark_not_done("no"),
        lambda i: i.drop("no"),
        lambda i: i.postpone(date(2024, 1, 1), "later"),
        lambda i: i.retitle("Other", "Growth"),
        lambda i: i.assess_health(Health.AT_RISK),
        lambda i: i.report_progress(50),
    ],
    ids=["finish", "not_done", "drop", "postpone", "retitle", "assess", "progress"],
)
def test_an_ended_initiative_cannot_be_changed(initiative, status, change):
    move_to(initiative, status)

    with pytest.raises(DomainError, match=f"that is {status.value} cannot be changed"):
        change(initiative)
    assert event_names(initiative) == []


def test_every_postponement_stays_visible(initiative):
    move_to(initiative, I.IN_PROGRESS)

    initiative.postpone(date(2023, 6, 30), " war-time priorities ")
    initiative.postpone(date(2023, 9, 30), "no venue")

    events = new_events(initiative)
    assert [(type(e).__name__, e.to_date, e.reason) for e in events] == [
        ("Postponed", date(2023, 6, 30), "war-time priorities"),
        ("Postponed", date(2023, 9, 30), "no venue"),
    ]
    assert [(p.from_date, p.to_date, p.reason) for p in initiative.postponements] == [
        (TARGET, date(2023, 6, 30), "war-time priorities"),
        (date(2023, 6, 30), date(2023, 9, 30), "no venue"),
    ]
    assert (initiative.status, initiative.target_on, initiative.original_target_on) == (
        I.POSTPONED,
        date(2023, 9, 30),
        TARGET,
    )
    assert (initiative.target_quarter, initiative.slip_days) == ("2023-Q3", 183)


@pytest.mark.parametrize("to_date", [TARGET, date(2023, 1, 1)])
def test_a_postponement_must_move_the_target_later(initiative, to_date):
    with pytest.raises(DomainError, match="later than 2023-03-31"):
        initiative.postpone(to_date, "sooner")


@pytest.mark.parametrize("reason", ["", " ", None])
def test_postponing_an_initiative_needs_a_reason(initiative, reason):
    with pytest.raises(DomainError, match="reason"):
        initiative.postpone(date(2023, 6, 30), reason)
    assert initiative.target_on == TARGET


def test_retitling_records_the_title_and_direction(initiative):
    initiative.retitle(" Basic maturity ", " Capacity growth ")
    initiative.retitle("Basic maturity", "Capacity growth")

    [retitled] = new_events(initiative)
    assert (type(retitled).__name__, retitled.title, retitled.direction) == (
        "Retitled",
        "Basic maturity",
        "Capacity growth",
    )
    with pytest.raises(DomainError, match="direction"):
        initiative.retitle("Basic maturity", "")


def test_handing_an_initiative_over_records_the_new_owner(initiative):
    initiative.hand_over(" Secretariat ")
    initiative.hand_over("Secretariat")

    [handed_over] = new_events(initiative)
    assert (type(handed_over).__name__, handed_over.owner) == ("HandedOver", "Secretariat")
    with pytest.raises(DomainError, match="owner"):
        initiative.hand_over(" ")


def test_assessing_health_keeps_the_comment_when_one_is_given(initiative):
    initiative.assess_health(Health.AT_RISK, " venue not found ")
    initiative.assess_health(Health.OFF_TRACK, "  ")

    at_risk, off_track = new_events(initiative)
    assert (type(at_risk).__name__, at_risk.health, at_risk.comment) == (
        "HealthAssessed",
        Health.AT_RISK,
        "venue not found",
    )
    assert (off_track.health, off_track.comment) == (Health.OFF_TRACK, "")
    assert (initiative.health, initiative.comments) == (Health.OFF_TRACK, ["venue not found"])


@pytest.mark.parametrize("percent", [0, 45, 100])
def test_progress_is_reported_as_a_percentage(initiative, percent):
    initiative.report_progress(percent)

    [reported] = new_events(initiative)
    assert (type(reported).__name__, reported.percent) == ("ProgressReported", percent)
    assert initiative.progress == percent


@pytest.mark.parametrize("percent", [-1, 101])
def test_progress_outside_zero_to_hundred_is_refused(initiative, percent):
    with pytest.raises(DomainError, match="between 0 and 100"):
        initiative.report_progress(percent)
    assert initiative.progress == 0


def test_board_decisions_and_comments_are_recorded(initiative):
    initiative.record_decision(" Hold the strategic session on 10 January ", date(2022, 12, 1))
    initiative.comment(" Venue confirmed ")

    decided, commented = new_events(initiative)
    assert (type(decided).__name__, decided.text, decided.decided_on) == (
        "DecisionRecorded",
        "Hold the strategic session on 10 January",
        date(2022, 12, 1),
    )
    assert (type(commented).__name__, commented.text) == ("Commented", "Venue confirmed")
    assert initiative.decisions[0].decided_on == date(2022, 12, 1)
    assert initiative.comments == ["Venue confirmed"]


@pytest.mark.parametrize(
    "change",
    [lambda i: i.record_decision(" ", date(2022, 12, 1)), lambda i: i.comment("")],
    ids=["decision", "comment"],
)
def test_empty_decisions_and_comments_are_refused(initiative, change):
    with pytest.raises(DomainError, match="cannot be empty"):
        change(initiative)


def test_linking_and_unlinking_a_project_records_the_reason(initiative):
    project = uuid4()

    initiative.link_project(project)
    with pytest.raises(DomainError, match="already linked"):
        initiative.link_project(project)
    with pytest.raises(DomainError, match="reason"):
        initiative.unlink_project(project, "")
    initiative.unlink_project(project, "belongs to another direction")

    linked, unlinked = new_events(initiative)
    assert (type(linked).__name__, linked.project_id) == ("ProjectLinked", project)
    assert (type(unlinked).__name__, unlinked.reason) == ("ProjectUnlinked", "belongs to another direction")
    with pytest.raises(DomainError, match="not linked"):
        initiative.unlink_project(project, "again")


@pytest.mark.parametrize("ending", ["Finished", "MarkedNotDone", "Dropped"])
def test_a_full_history_replays_to_an_equal_state(store, replayed, ending):
    record = propose()
    record.retitle("Basic maturity", "Capacity growth")
    record.hand_over("Secretariat")
    record.plan()
    record.postpone(date(2023, 6, 30), "war-time priorities")
    record.start()
    record.assess_health(Health.AT_RISK, "venue not found")
    record.report_progress(40)
    record.record_decision("Move to Kyiv", date(2023, 2, 1))
    record.comment("Venue confirmed")
    kept, dropped = uuid4(), uuid4()
    record.link_project(kept)
    record.link_project(dropped)
    record.unlink_project(dropped, "other direction")
    record.mark_illustrative("target date invented")
    record.clear_illustrative("target date confirmed")
    record.mark_illustrative("progress invented")
    {
        "Finished": record.finish,
        "MarkedNotDone": lambda: record.mark_not_done("no funding"),
        "Dropped": lambda: record.drop("merged"),
    }[ending]()

    again = replayed(record)

    assert state(again) == state(record)
    assert (again.slip_days, again.project_ids) == (91, [kept])
    stored = [type(e).__name__ for e in store.events.get(record.id)]
    assert stored[-1] == ending
    assert set(stored) | {"Finished", "MarkedNotDone", "Dropped"} == declared_event_names(RoadmapInitiative)
