"""Project: stages from idea to completion, partners, KPIs, milestones and the quality checklist."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from uuid import uuid4

import pytest

from domain.enums import Category, Priority, ProjectStage, ResultLevel
from domain.errors import DomainError
from domain.money import Money
from domain.project import CHECKLIST, Project
from tests.domain.support import (
    CLUSTER,
    declared_event_names,
    event_names,
    fresh,
    new_events,
    propose_project,
    reach,
    state,
)

pytestmark = pytest.mark.usefixtures("as_tester")

S = ProjectStage


@pytest.fixture
def project() -> Project:
    return fresh(propose_project())


def move_to(project: Project, stage: ProjectStage) -> Project:
    """Bring a fresh project to `stage` by its ordinary steps; the events are collected."""
    steps = {
        S.IDEA: [],
        S.CONCEPT: [project.develop_concept],
        S.APPROVED: [project.approve],
        S.IN_IMPLEMENTATION: [project.start],
        S.COMPLETED: [project.start, project.complete],
        S.ON_HOLD: [lambda: project.put_on_hold("waiting for the oblast")],
        S.CANCELLED: [lambda: project.cancel("no partner found")],
    }
    return reach(project, stage, steps)


@pytest.fixture
def kpi(project) -> object:
    kpi_id = project.define_kpi("Permanent members", "members", ResultLevel.OUTPUT, Decimal(12), Decimal(25))
    new_events(project)
    return kpi_id


# Proposing --------------------------------------------------------------------------------


def test_proposing_a_project_records_it_as_an_idea():
    record = propose_project(
        code=" ZP-IAM-01 ",
        summary=" Online marketplace of cluster members ",
        regions=["Zaporizhzhia", " ", " Kharkiv "],
        direction=" Smart Export ",
        tags=["export", "", "fundraising "],
    )

    [proposed] = new_events(record)
    assert type(proposed).__name__ == "Proposed"
    assert (proposed.code, proposed.owner, proposed.organization_id) == ("ZP-IAM-01", "Olena", CLUSTER)
    assert record.stage is S.IDEA
    assert record.summary == "Online marketplace of cluster members"
    assert record.regions == ["Zaporizhzhia", "Kharkiv"]
    assert record.tags == ["export", "fundraising"]
    assert record.direction == "Smart Export"
    assert (record.budget, record.kpis, record.milestones, record.partners) == (None, {}, {}, {})
    assert record.checklist_verdict is None


@pytest.mark.parametrize(("field", "value"), [("code", ""), ("code", "  "), ("title", ""), ("owner", " ")])
def test_cannot_propose_a_project_without_code_title_or_lead(field, value):
    with pytest.raises(DomainError, match="cannot be empty"):
        propose_project(**{field: value})


# Stages ----------------------------------------------------------------------------------


def test_a_project_moves_from_idea_to_completion_one_stage_at_a_time(project):
    project.develop_concept()
    assert project.stage is S.CONCEPT
    project.approve()
    assert project.stage is S.APPROVED
    project.start()
    assert project.stage is S.IN_IMPLEMENTATION
    project.complete()
    assert project.stage is S.COMPLETED

    assert event_names(project) == ["ConceptDeveloped", "Approved", "Started", "Completed"]


def test_a_project_may_skip_stages_forward(project):
    project.start()

    assert project.stage is S.IN_IMPLEMENTATION
    assert event_names(project) == ["Started"]


@pytest.mark.parametrize(
    ("stage", "step"),
    [
        (S.CONCEPT, "develop_concept"),
        (S.APPROVED, "develop_concept"),
        (S.APPROVED, "approve"),
        (S.IN_IMPLEMENTATION, "approve"),
        (S.IN_IMPLEMENTATION, "start"),
    ],
)
def test_cannot_move_a_project_back_or_to_its_own_stage(project, stage, step):
    move_to(project, stage)

    with pytest.raises(DomainError, match="correction with a reason"):
        getattr(project, step)()
    assert project.stage is stage


@pytest.mark.parametrize("stage", [S.COMPLETED, S.CANCELLED])
@pytest.mark.parametrize(
    "change",
    [
        lambda p: p.develop_concept(),
        lambda p: p.complete(),
        lambda p: p.describe("New title", ""),
        lambda p: p.classify(Priority.WOW, Category.VALUE_CHAINS, "", [], []),
        lambda p: p.hand_over("Taras"),
        lambda p: p.plan(None, False, None, None),
        lambda p: p.put_on_hold("pause"),
        lambda p: p.cancel("stop"),
        lambda p: p.add_partner(uuid4(), "co-applicant"),
        lambda p: p.define_kpi("Members", "members", ResultLevel.OUTPUT, Decimal(0), Decimal(1)),
        lambda p: p.add_milestone("Launch", date(2021, 6, 15)),
    ],
    ids=[
        "concept", "complete", "describe", "classify", "hand_over", "plan",
        "hold", "cancel", "add_partner", "define_kpi", "add_milestone",
    ],
)  # fmt: skip
def test_a_closed_project_cannot_be_changed(project, stage, change):
    move_to(project, stage)

    with pytest.raises(DomainError, match=f"A {stage.value} project cannot be changed"):
        change(project)
    assert event_names(project) == []


@pytest.mark.parametrize("stage", [S.IDEA, S.CONCEPT, S.APPROVED, S.IN_IMPLEMENTATION, S.ON_HOLD])
def test_a_project_can_be_cancelled_from_any_open_stage_with_a_reason(project, stage):
    move_to(project, stage)

    project.cancel(" the donor left ")

    [cancelled] = new_events(project)
    assert type(cancelled).__name__ == "Cancelled"
    assert cancelled.reason == "the donor left"
    assert project.stage is S.CANCELLED


@pytest.mark.parametrize("reason", ["", "  ", None])
def test_cancelling_a_project_needs_a_reason(project, reason):
    with pytest.raises(DomainError, match="reason"):
        project.cancel(reason)
    assert project.stage is S.IDEA


def test_putting_on_hold_and_resuming_returns_the_project_to_its_stage(project):
    move_to(project, S.APPROVED)

    project.put_on_hold("waiting for co-financing")
    assert (project.stage, project.stage_before_hold) == (S.ON_HOLD, S.APPROVED)
    project.resume()

    on_hold, resumed = new_events(project)
    assert (type(on_hold).__name__, on_hold.reason) == ("PutOnHold", "waiting for co-financing")
    assert type(resumed).__name__ == "Resumed"
    assert (project.stage, project.stage_before_hold) == (S.APPROVED, None)


@pytest.mark.parametrize("reason", ["", " ", None])
def test_putting_a_project_on_hold_needs_a_reason(project, reason):
    with pytest.raises(DomainError, match="reason"):
        project.put_on_hold(reason)


def test_cannot_put_a_project_on_hold_twice(project):
    move_to(project, S.ON_HOLD)

    with pytest.raises(DomainError, match="already on hold"):
        project.put_on_hold("still waiting")


@pytest.mark.parametrize("step", ["develop_concept", "approve", "start", "complete"])
def test_a_project_on_hold_must_be_resumed_before_moving_forward(project, step):
    move_to(project, S.ON_HOLD)

    with pytest.raises(DomainError, match="Resume"):
        getattr(project, step)()
    assert project.stage is S.ON_HOLD


@pytest.mark.parametrize("stage", [S.IDEA, S.IN_IMPLEMENTATION, S.COMPLETED, S.CANCELLED])
def test_only_a_project_on_hold_can_be_resumed(project, stage):
    move_to(project, stage)

    with pytest.raises(DomainError, match="on hold"):
        project.resume()


def test_correcting_the_stage_moves_a_project_back_with_the_reason(project):
    move_to(project, S.IN_IMPLEMENTATION)

    project.correct_stage(S.CONCEPT, "entered by mistake")

    [corrected] = new_events(project)
    assert type(corrected).__name__ == "StageCorrected"
    assert (corrected.stage, corrected.reason) == (S.CONCEPT, "entered by mistake")
    assert project.stage is S.CONCEPT


def test_correcting_a_mistaken_cancellation_reopens_the_project(project):
    move_to(project, S.CANCELLED)

    project.correct_stage(S.APPROVED, "cancelled the wrong project")

    assert project.stage is S.APPROVED
    project.start()
    assert project.stage is S.IN_IMPLEMENTATION


def test_correcting_the_stage_of_a_project_on_hold_forgets_the_stage_before_the_hold(project):
    move_to(project, S.ON_HOLD)

    project.correct_stage(S.CONCEPT, "the hold was recorded on the wrong project")

    assert (project.stage, project.stage_before_hold) == (S.CONCEPT, None)


@pytest.mark.parametrize("reason", ["", "  ", None])
def test_correcting_a_project_stage_needs_a_reason(project, reason):
    move_to(project, S.APPROVED)

    with pytest.raises(DomainError, match="reason"):
        project.correct_stage(S.IDEA, reason)
    assert project.stage is S.APPROVED


@pytest.mark.parametrize("target", [S.APPROVED, S.ON_HOLD, S.CANCELLED])
def test_cannot_correct_a_project_to_its_own_stage_or_off_the_main_line(project, target):
    move_to(project, S.APPROVED)

    with pytest.raises(DomainError, match="cannot be corrected"):
        project.correct_stage(target, "because")


# Descriptive fields ------------------------------------------------------------------------


def test_describing_a_project_records_title_and_summary(project):
    project.describe(" Marketplace 2.0 ", " Second version ")

    [described] = new_events(project)
    assert type(described).__name__ == "Described"
    assert (project.title, project.summary) == ("Marketplace 2.0", "Second version")


def test_describing_a_project_as_it_is_records_nothing(project):
    project.describe(project.title, " ")

    assert event_names(project) == []


def test_cannot_describe_a_project_with_an_empty_title(project):
    with pytest.raises(DomainError, match="title"):
        project.describe(" ", "summary")


def test_classifying_a_project_records_priority_category_direction_regions_and_tags(project):
    project.classify(Priority.WOW, Category.VALUE_CHAINS, " Growth ", ["Kharkiv", ""], [" R&D "])

    [classified] = new_events(project)
    assert type(classified).__name__ == "Classified"
    assert (classified.priority, classified.category) == (Priority.WOW, Category.VALUE_CHAINS)
    assert (project.direction, project.regions, project.tags) == ("Growth", ["Kharkiv"], ["R&D"])


def test_classifying_a_project_as_it_is_records_nothing(project):
    project.classify(project.priority, project.category, " ", [" "], [])

    assert event_names(project) == []


def test_handing_a_project_over_records_the_new_lead(project):
    project.hand_over(" Taras ")

    [handed_over] = new_events(project)
    assert (type(handed_over).__name__, handed_over.owner) == ("HandedOver", "Taras")
    assert project.owner == "Taras"


def test_handing_a_project_to_its_own_lead_records_nothing(project):
    project.hand_over("Olena")

    assert event_names(project) == []


def test_cannot_hand_a_project_over_to_nobody(project):
    with pytest.raises(DomainError, match="lead"):
        project.hand_over("  ")


def test_planning_records_budget_and_dates(project):
    budget = Money.of("43000", "EUR")

    project.plan(budget, True, date(2020, 8, 1), date(2021, 11, 30))

    [planned] = new_events(project)
    assert type(planned).__name__ == "Planned"
    assert (planned.budget, planned.estimated) == (budget, True)
    assert (project.budget, project.budget_estimated) == (budget, True)
    assert (project.planned_start, project.planned_end) == (date(2020, 8, 1), date(2021, 11, 30))


@pytest.mark.parametrize(
    ("start", "end"), [(None, None), (date(2021, 1, 1), None), (None, date(2021, 1, 1)), (date(2021, 1, 1),) * 2]
)
def test_a_plan_may_leave_dates_open_or_last_one_day(project, start, end):
    project.plan(None, False, start, end)

    assert (project.planned_start, project.planned_end) == (start, end)


def test_cannot_plan_a_project_that_ends_before_it_starts(project):
    with pytest.raises(DomainError, match="cannot be before its start"):
        project.plan(None, False, date(2021, 11, 30), date(2020, 8, 1))


# Partners (adding and removing them, as for grant applications: test_partners.py) ---------


def test_cannot_add_the_same_partner_twice(project):
    chamber = uuid4()
    project.add_partner(chamber, "co-founder")

    with pytest.raises(DomainError, match="already a partner"):
        project.add_partner(chamber, "sponsor")


# KPIs ------------------------------------------------------------------------------------


def test_defining_a_kpi_records_its_level_baseline_and_target(project):
    kpi_id = project.define_kpi(" Permanent members ", " members ", ResultLevel.OUTCOME, Decimal(12), Decimal(25))

    [defined] = new_events(project)
    assert type(defined).__name__ == "KpiDefined"
    assert (defined.kpi_id, defined.level, defined.target) == (kpi_id, ResultLevel.OUTCOME, Decimal(25))
    kpi = project.kpis[kpi_id]
    assert (kpi.name, kpi.unit, kpi.baseline, kpi.target) == ("Permanent members", "members", 12, 25)
    assert kpi.actual is None


@pytest.mark.parametrize(
    ("name", "unit", "baseline", "target", "message"),
    [
        ("", "members", Decimal(0), Decimal(1), "name"),
        ("Members", " ", Decimal(0), Decimal(1), "unit"),
        ("Members", "members", 0, Decimal(1), "baseline"),
        ("Members", "members", Decimal(0), 25.0, "target"),
        ("Members", "members", Decimal(0), Decimal("NaN"), "target"),
        ("Members", "members", Decimal("Infinity"), Decimal(1), "baseline"),
    ],
)
def test_cannot_define_a_kpi_with_invalid_details(project, name, unit, baseline, target, message):
    with pytest.raises(DomainError, match=message):
        project.define_kpi(name, unit, ResultLevel.OUTPUT, baseline, target)
    assert project.kpis == {}


def test_measuring_a_kpi_records_value_date_and_source(project, kpi):
    project.measure_kpi(kpi, Decimal(20), date(2021, 11, 30), " final report ")

    [measured] = new_events(project)
    assert type(measured).__name__ == "KpiMeasured"
    assert (measured.kpi_id, measured.value, measured.source) == (kpi, Decimal(20), "final report")
    assert project.kpis[kpi].actual == Decimal(20)


def test_the_actual_value_of_a_kpi_is_the_latest_measurement_by_date(project, kpi):
    project.measure_kpi(kpi, Decimal(20), date(2021, 11, 30), "final report")
    project.measure_kpi(kpi, Decimal(15), date(2021, 3, 31), "entered late")

    assert project.kpis[kpi].actual == Decimal(20)
    assert len(project.kpis[kpi].measurements) == 2


def test_a_mistyped_measurement_is_corrected_and_keeps_the_value_first_recorded(project, kpi):
    project.measure_kpi(kpi, Decimal(200), date(2021, 11, 30), "final report")
    new_events(project)
    project.correct_kpi_measurement(kpi, date(2021, 11, 30), Decimal(20), "an extra zero")

    [corrected] = new_events(project)
    assert (type(corrected).__name__, corrected.reason) == ("KpiMeasurementCorrected", "an extra zero")
    [measurement] = project.kpis[kpi].measurements
    assert (measurement.value, measurement.corrected_from) == (Decimal(20), Decimal(200))
    assert project.kpis[kpi].actual == Decimal(20)


@pytest.mark.parametrize(
    ("day", "value", "reason", "message"),
    [
        (date(2021, 1, 1), Decimal(5), "typo", "no measurement on 2021-01-01"),
        (date(2021, 11, 30), Decimal(200), "typo", "already 200"),
        (date(2021, 11, 30), Decimal(5), "", "reason is required"),
    ],
)
def test_a_measurement_correction_needs_a_measurement_a_change_and_a_reason(project, kpi, day, value, reason, message):
    project.measure_kpi(kpi, Decimal(200), date(2021, 11, 30), "final report")
    with pytest.raises(DomainError, match=message):
        project.correct_kpi_measurement(kpi, day, value, reason)


def test_cannot_measure_a_kpi_of_a_cancelled_project(project, kpi):
    move_to(project, S.CANCELLED)

    with pytest.raises(DomainError, match="cancelled"):
        project.measure_kpi(kpi, Decimal(20), date(2021, 11, 30), "final report")


def test_a_completed_project_can_still_be_measured(project, kpi):
    move_to(project, S.COMPLETED)

    project.measure_kpi(kpi, Decimal(20), date(2022, 6, 1), "follow-up survey")

    assert event_names(project) == ["KpiMeasured"]


@pytest.mark.parametrize(("value", "source", "message"), [(20.0, "report", "value"), (Decimal(20), " ", "source")])
def test_cannot_record_an_invalid_measurement(project, kpi, value, source, message):
    with pytest.raises(DomainError, match=message):
        project.measure_kpi(kpi, value, date(2021, 11, 30), source)


def test_cannot_measure_an_unknown_kpi(project):
    with pytest.raises(DomainError, match="no KPI"):
        project.measure_kpi(uuid4(), Decimal(1), date(2021, 1, 1), "report")


def test_revising_a_kpi_target_keeps_the_old_target_in_its_history(project, kpi):
    project.revise_kpi_target(kpi, Decimal(20), "the war cut the member base")

    [revised] = new_events(project)
    assert type(revised).__name__ == "KpiTargetRevised"
    assert (revised.target, revised.reason) == (Decimal(20), "the war cut the member base")
    revision = project.kpis[kpi].revisions[0]
    assert (revision.old_target, revision.new_target) == (Decimal(25), Decimal(20))
    assert project.kpis[kpi].target == Decimal(20)


@pytest.mark.parametrize("reason", ["", " ", None])
def test_revising_a_kpi_target_needs_a_reason(project, kpi, reason):
    with pytest.raises(DomainError, match="reason"):
        project.revise_kpi_target(kpi, Decimal(20), reason)
    assert project.kpis[kpi].target == Decimal(25)


def test_revising_a_kpi_to_its_current_target_is_refused(project, kpi):
    with pytest.raises(DomainError, match="already"):
        project.revise_kpi_target(kpi, Decimal("25.0"), "no change")


def test_cannot_revise_the_target_of_an_unknown_kpi(project):
    with pytest.raises(DomainError, match="no KPI"):
        project.revise_kpi_target(uuid4(), Decimal(1), "why not")


def test_recording_an_unplanned_result_keeps_it_beside_the_kpis(project):
    project.record_unplanned_result(" Joined EIT Manufacturing ", date(2021, 9, 1))

    [recorded] = new_events(project)
    assert type(recorded).__name__ == "UnplannedResultRecorded"
    assert project.unplanned_results[0].description == "Joined EIT Manufacturing"
    assert project.unplanned_results[0].recorded_on == date(2021, 9, 1)


def test_an_unplanned_result_needs_a_description(project):
    with pytest.raises(DomainError, match="result"):
        project.record_unplanned_result(" ", date(2021, 9, 1))


# Milestones ------------------------------------------------------------------------------


def test_a_milestone_is_added_rescheduled_with_a_reason_and_reached(project):
    milestone = project.add_milestone(" Portfolio of strategic projects ", date(2021, 6, 15))
    project.reschedule_milestone(milestone, date(2021, 7, 1), "oblast consultations took longer")
    project.reach_milestone(milestone, date(2021, 6, 30))

    added, rescheduled, reached = new_events(project)
    assert (type(added).__name__, added.milestone_id, added.title) == (
        "MilestoneAdded",
        milestone,
        "Portfolio of strategic projects",
    )
    assert (type(rescheduled).__name__, rescheduled.due_on, rescheduled.reason) == (
        "MilestoneRescheduled",
        date(2021, 7, 1),
        "oblast consultations took longer",
    )
    assert (type(reached).__name__, reached.done_on) == ("MilestoneReached", date(2021, 6, 30))
    assert (project.milestones[milestone].due_on, project.milestones[milestone].done_on) == (
        date(2021, 7, 1),
        date(2021, 6, 30),
    )


def test_a_milestone_needs_a_title(project):
    with pytest.raises(DomainError, match="milestone"):
        project.add_milestone("", date(2021, 6, 15))


@pytest.mark.parametrize("reason", ["", None])
def test_rescheduling_a_milestone_needs_a_reason(project, reason):
    milestone = project.add_milestone("Launch", date(2021, 6, 15))

    with pytest.raises(DomainError, match="reason"):
        project.reschedule_milestone(milestone, date(2021, 7, 1), reason)
    assert project.milestones[milestone].due_on == date(2021, 6, 15)


def test_a_reached_milestone_can_neither_be_rescheduled_nor_reached_again(project):
    milestone = project.add_milestone("Launch", date(2021, 6, 15))
    project.reach_milestone(milestone, date(2021, 6, 10))

    with pytest.raises(DomainError, match="done"):
        project.reschedule_milestone(milestone, date(2021, 7, 1), "late")
    with pytest.raises(DomainError, match="already reached"):
        project.reach_milestone(milestone, date(2021, 6, 11))


@pytest.mark.parametrize(
    "change",
    [
        lambda p, m: p.reschedule_milestone(m, date(2021, 7, 1), "late"),
        lambda p, m: p.reach_milestone(m, date(2021, 7, 1)),
    ],
    ids=["reschedule", "reach"],
)
def test_cannot_change_an_unknown_milestone(project, change):
    with pytest.raises(DomainError, match="no milestone"):
        change(project, uuid4())


# Quality checklist -----------------------------------------------------------------------


@pytest.mark.parametrize(("yes", "verdict"), [(7, "ready"), (5, "ready"), (4, "rework"), (0, "rework")])
def test_a_project_with_fewer_than_five_yes_answers_needs_rework(project, yes, verdict):
    project.answer_checklist({question: True for question in CHECKLIST[:yes]})

    [answered] = new_events(project)
    assert type(answered).__name__ == "ChecklistAnswered"
    assert sum(answered.answers.values()) == yes
    assert project.checklist_verdict == verdict


def test_unanswered_checklist_questions_count_as_no(project):
    project.answer_checklist({"measurable": True})

    assert project.checklist == {question: question == "measurable" for question in CHECKLIST}


def test_cannot_answer_an_unknown_checklist_question(project):
    with pytest.raises(DomainError, match="is_fun"):
        project.answer_checklist({"measurable": True, "is_fun": True})
    assert project.checklist == {}


# Replay ----------------------------------------------------------------------------------


def test_the_full_history_uses_every_event_type_and_replays_to_an_equal_state(store, replayed):
    record = propose_project(regions=["Zaporizhzhia"], tags=["export"])
    record.describe("Zaporizhzhia IAM marketplace", "Online marketplace")
    record.classify(Priority.WOW, Category.VALUE_CHAINS, "Smart Export", ["Zaporizhzhia", "Kharkiv"], ["export"])
    record.hand_over("Taras")
    record.plan(Money.of("43000", "EUR"), True, date(2020, 10, 1), date(2020, 12, 31))
    chamber, city = uuid4(), uuid4()
    record.add_partner(chamber, "co-founder")
    record.add_partner(city, "host")
    record.remove_partner(city, "left")
    kpi = record.define_kpi("Members", "members", ResultLevel.OUTPUT, Decimal(12), Decimal(25))
    record.measure_kpi(kpi, Decimal("25.0"), date(2020, 12, 1), "report")
    record.correct_kpi_measurement(kpi, date(2020, 12, 1), Decimal("20.5"), "typo in the report")
    record.revise_kpi_target(kpi, Decimal(22), "re-planned")
    record.record_unplanned_result("Site translated", date(2020, 12, 5))
    milestone = record.add_milestone("Launch", date(2020, 11, 1))
    record.reschedule_milestone(milestone, date(2020, 11, 15), "late translator")
    record.reach_milestone(milestone, date(2020, 11, 14))
    record.answer_checklist({question: True for question in CHECKLIST[:5]})
    record.develop_concept()
    record.approve()
    record.put_on_hold("waiting for the grant")
    record.resume()
    record.start()
    record.cancel("grant lost")
    record.correct_stage(S.IN_IMPLEMENTATION, "grant won after all")
    record.complete()
    record.mark_illustrative("budget invented")
    record.clear_illustrative("budget confirmed")
    record.mark_illustrative("KPI targets invented")

    again = replayed(record)

    assert state(again) == state(record)
    assert again.stage is S.COMPLETED
    assert again.kpis[kpi].revisions[0].old_target == Decimal(25)
    assert again.budget == Money.of("43000", "EUR")
    assert list(again.partners) == [chamber]
    assert again.checklist_verdict == "ready"
    stored = {type(e).__name__ for e in store.events.get(record.id)}
    assert stored == declared_event_names(Project)


def test_a_correction_cannot_move_a_project_forward(project):
    with pytest.raises(DomainError, match="stage action, not a correction"):
        project.correct_stage(S.COMPLETED, "skipping ahead")
