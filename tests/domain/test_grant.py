"""Grant application: from prospect to closure, with decisions, money received and reports due."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from uuid import uuid4

import pytest

from domain.enums import GrantStage, ReportKind
from domain.errors import DomainError
from domain.grant import GrantApplication
from domain.money import Money
from tests.domain.support import (
    APPAU,
    GIZ,
    declared_event_names,
    eur,
    event_names,
    fresh,
    new_events,
    prospect,
    reach,
    state,
)

pytestmark = pytest.mark.usefixtures("as_tester")

G = GrantStage
KYIV = timezone(timedelta(hours=3))
SUBMITTED_ON = date(2022, 3, 1)
DECIDED_ON = date(2022, 5, 1)


@pytest.fixture
def application() -> GrantApplication:
    return fresh(prospect())


def move_to(application: GrantApplication, stage: GrantStage) -> GrantApplication:
    """Bring a fresh application to `stage` by its ordinary steps; the events are collected."""
    a = application
    steps = {
        G.PROSPECT: [],
        G.DRAFTING: [a.start_drafting],
        G.SUBMITTED: [lambda: a.submit(SUBMITTED_ON)],
        G.UNDER_REVIEW: [lambda: a.submit(SUBMITTED_ON), a.mark_under_review],
        G.AWARDED: [lambda: a.submit(SUBMITTED_ON), lambda: a.award(eur("43000"), DECIDED_ON)],
        G.REJECTED: [lambda: a.submit(SUBMITTED_ON), lambda: a.reject("budget exhausted", DECIDED_ON)],
        G.WITHDRAWN: [lambda: a.withdraw("partner left")],
        G.CONTRACTED: [
            lambda: a.award(eur("43000"), DECIDED_ON),
            lambda: a.contract(date(2022, 5, 20), date(2022, 6, 1), date(2022, 9, 30)),
        ],
        G.IN_IMPLEMENTATION: [lambda: a.award(eur("43000"), DECIDED_ON), a.start_implementation],
        G.CLOSED: [lambda: a.award(eur("43000"), DECIDED_ON), a.close],
    }
    return reach(a, stage, steps)


# Prospecting -----------------------------------------------------------------------------


def test_prospecting_an_application_records_the_call_and_the_request():
    deadline = datetime(2022, 2, 28, 17, 0, tzinfo=KYIV)
    record = prospect(
        title=" Center 4.0 KhAI ",
        programme=" EU4Business ",
        call_name=" Digital hubs ",
        call_reference=" EU4B-2022-01 ",
        call_url=" https://example.org/call ",
        co_financing=eur("5000"),
        deadline=deadline,
    )

    [prospected] = new_events(record)
    assert type(prospected).__name__ == "Prospected"
    assert (prospected.funder_id, prospected.applicant_id, prospected.requested) == (GIZ, APPAU, eur("43000"))
    assert record.stage is G.PROSPECT
    assert (record.title, record.programme, record.call_name) == ("Center 4.0 KhAI", "EU4Business", "Digital hubs")
    assert (record.call_reference, record.call_url) == ("EU4B-2022-01", "https://example.org/call")
    assert (record.co_financing, record.deadline) == (eur("5000"), deadline)
    assert (record.awarded, record.received, record.win_probability, record.project_id) == (None, None, None, None)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": " "}, "title"),
        ({"owner": ""}, "owner"),
        ({"deadline": datetime(2022, 2, 28, 17, 0)}, "time zone"),
    ],
)
def test_cannot_prospect_an_application_with_invalid_details(changes, message):
    with pytest.raises(DomainError, match=message):
        prospect(**changes)


# Stages ----------------------------------------------------------------------------------


def test_an_application_goes_from_prospect_to_closure(application):
    application.start_drafting()
    application.submit(SUBMITTED_ON)
    application.mark_under_review()
    application.award(eur("40000"), DECIDED_ON)
    application.contract(date(2022, 5, 20), date(2022, 6, 1), date(2022, 9, 30))
    application.start_implementation()
    application.close()

    events = new_events(application)
    assert [type(e).__name__ for e in events] == [
        "DraftingStarted", "Submitted", "ReviewStarted", "Awarded",
        "Contracted", "ImplementationStarted", "Closed",
    ]  # fmt: skip
    submitted, awarded, contracted = events[1], events[3], events[4]
    assert submitted.submitted_on == SUBMITTED_ON
    assert (awarded.amount, awarded.decided_on) == (eur("40000"), DECIDED_ON)
    assert (contracted.signed_on, contracted.period_start, contracted.period_end) == (
        date(2022, 5, 20),
        date(2022, 6, 1),
        date(2022, 9, 30),
    )
    assert application.stage is G.CLOSED
    assert (application.submitted_on, application.decided_on) == (SUBMITTED_ON, DECIDED_ON)
    assert (application.awarded, application.contract_signed_on) == (eur("40000"), date(2022, 5, 20))
    assert (application.period_start, application.period_end) == (date(2022, 6, 1), date(2022, 9, 30))


def test_an_application_entered_late_may_skip_forward_to_its_award(application):
    application.award(eur("43000"), DECIDED_ON)

    assert event_names(application) == ["Awarded"]
    assert application.stage is G.AWARDED


@pytest.mark.parametrize(
    ("stage", "step"),
    [
        (G.DRAFTING, lambda a: a.start_drafting()),
        (G.SUBMITTED, lambda a: a.start_drafting()),
        (G.SUBMITTED, lambda a: a.submit(SUBMITTED_ON)),
        (G.UNDER_REVIEW, lambda a: a.mark_under_review()),
        (G.AWARDED, lambda a: a.award(eur("1"), DECIDED_ON)),
        (G.CONTRACTED, lambda a: a.award(eur("1"), DECIDED_ON)),
        (G.IN_IMPLEMENTATION, lambda a: a.submit(SUBMITTED_ON)),
    ],
)
def test_cannot_move_an_application_back_or_to_its_own_stage(application, stage, step):
    move_to(application, stage)

    with pytest.raises(DomainError, match="correction with a reason"):
        step(application)
    assert application.stage is stage


@pytest.mark.parametrize("stage", [G.REJECTED, G.WITHDRAWN])
def test_cannot_award_a_rejected_or_withdrawn_application(application, stage):
    move_to(application, stage)

    with pytest.raises(DomainError, match=f"A {stage.value} application cannot be awarded"):
        application.award(eur("43000"), DECIDED_ON)
    assert application.awarded is None


def test_cannot_award_a_closed_grant_again(application):
    move_to(application, G.CLOSED)

    with pytest.raises(DomainError, match="closed application cannot be changed"):
        application.award(eur("43000"), DECIDED_ON)


@pytest.mark.parametrize(
    "decide",
    [lambda a, on: a.award(eur("43000"), on), lambda a, on: a.reject("too early", on)],
    ids=["award", "reject"],
)
def test_a_decision_cannot_come_before_the_submission(application, decide):
    move_to(application, G.SUBMITTED)

    with pytest.raises(DomainError, match="before its start"):
        decide(application, SUBMITTED_ON - timedelta(days=1))
    assert (application.stage, application.decided_on) == (G.SUBMITTED, None)


def test_rejecting_an_application_records_the_reason_and_date(application):
    move_to(application, G.UNDER_REVIEW)

    application.reject(" budget exhausted ", DECIDED_ON)

    [rejected] = new_events(application)
    assert type(rejected).__name__ == "Rejected"
    assert (rejected.reason, rejected.decided_on) == ("budget exhausted", DECIDED_ON)
    assert application.stage is G.REJECTED
    assert (application.rejection_reason, application.decided_on) == ("budget exhausted", DECIDED_ON)


@pytest.mark.parametrize("reason", ["", "  ", None])
def test_rejecting_an_application_needs_a_reason(application, reason):
    move_to(application, G.UNDER_REVIEW)

    with pytest.raises(DomainError, match="reason"):
        application.reject(reason, DECIDED_ON)
    assert application.stage is G.UNDER_REVIEW


@pytest.mark.parametrize("stage", [G.AWARDED, G.CONTRACTED, G.IN_IMPLEMENTATION, G.CLOSED, G.REJECTED, G.WITHDRAWN])
def test_only_an_undecided_application_can_be_rejected_or_withdrawn(application, stage):
    move_to(application, stage)

    with pytest.raises(DomainError, match="cannot be rejected"):
        application.reject("late news", DECIDED_ON)
    with pytest.raises(DomainError, match="cannot be withdrawn"):
        application.withdraw("changed our mind")
    assert application.stage is stage


@pytest.mark.parametrize("stage", [G.PROSPECT, G.DRAFTING, G.SUBMITTED, G.UNDER_REVIEW])
def test_an_undecided_application_can_be_withdrawn_with_a_reason(application, stage):
    move_to(application, stage)

    application.withdraw(" consortium fell apart ")

    [withdrawn] = new_events(application)
    assert (type(withdrawn).__name__, withdrawn.reason) == ("Withdrawn", "consortium fell apart")
    assert application.stage is G.WITHDRAWN


@pytest.mark.parametrize("reason", ["", None])
def test_withdrawing_an_application_needs_a_reason(application, reason):
    with pytest.raises(DomainError, match="reason"):
        application.withdraw(reason)


@pytest.mark.parametrize("stage", [G.REJECTED, G.WITHDRAWN, G.CLOSED])
@pytest.mark.parametrize(
    "change",
    [
        lambda a: a.describe_call("New title", "", "", "", ""),
        lambda a: a.estimate_win_probability(50),
        lambda a: a.add_partner(uuid4(), "partner"),
        lambda a: a.start_drafting(),
        lambda a: a.mark_under_review(),
    ],
    ids=["describe_call", "estimate", "add_partner", "draft", "review"],
)
def test_an_ended_application_cannot_be_changed(application, stage, change):
    move_to(application, stage)

    with pytest.raises(DomainError, match=f"A {stage.value} application cannot be changed"):
        change(application)
    assert event_names(application) == []


@pytest.mark.parametrize("stage", [G.PROSPECT, G.UNDER_REVIEW, G.CONTRACTED, G.REJECTED])
def test_only_an_awarded_application_can_be_contracted(application, stage):
    move_to(application, stage)

    with pytest.raises(DomainError, match="Only an awarded application"):
        application.contract(date(2022, 5, 20), date(2022, 6, 1), date(2022, 9, 30))


def test_cannot_contract_a_grant_period_that_ends_before_it_starts(application):
    move_to(application, G.AWARDED)

    with pytest.raises(DomainError, match="grant period"):
        application.contract(date(2022, 5, 20), date(2022, 9, 30), date(2022, 6, 1))
    assert application.stage is G.AWARDED


@pytest.mark.parametrize("stage", [G.AWARDED, G.CONTRACTED])
def test_implementation_starts_after_the_award_with_or_without_a_contract(application, stage):
    move_to(application, stage)

    application.start_implementation()

    assert event_names(application) == ["ImplementationStarted"]
    assert application.stage is G.IN_IMPLEMENTATION


@pytest.mark.parametrize("stage", [G.UNDER_REVIEW, G.IN_IMPLEMENTATION, G.REJECTED, G.CLOSED])
def test_implementation_cannot_start_without_an_award_or_twice(application, stage):
    move_to(application, stage)

    with pytest.raises(DomainError, match="after an award"):
        application.start_implementation()


@pytest.mark.parametrize("stage", [G.AWARDED, G.CONTRACTED, G.IN_IMPLEMENTATION])
def test_a_won_grant_can_be_closed(application, stage):
    move_to(application, stage)

    application.close()

    assert event_names(application) == ["Closed"]


@pytest.mark.parametrize("stage", [G.SUBMITTED, G.REJECTED, G.WITHDRAWN, G.CLOSED])
def test_only_a_won_grant_can_be_closed(application, stage):
    move_to(application, stage)

    with pytest.raises(DomainError, match="Only an awarded grant"):
        application.close()


def test_a_grant_with_reports_still_due_cannot_be_closed(application):
    move_to(application, G.IN_IMPLEMENTATION)
    interim = application.add_reporting_duty(ReportKind.INTERIM, date(2022, 7, 31))
    application.add_reporting_duty(ReportKind.FINAL, date(2022, 10, 31))
    application.submit_report(interim, date(2022, 7, 30))

    with pytest.raises(DomainError, match="1 report"):
        application.close()
    assert application.stage is G.IN_IMPLEMENTATION


# Corrections -----------------------------------------------------------------------------


def test_correcting_an_award_back_to_review_forgets_the_decision(application):
    move_to(application, G.AWARDED)

    application.correct_stage(G.UNDER_REVIEW, "award letter was for another applicant")

    [corrected] = new_events(application)
    assert type(corrected).__name__ == "StageCorrected"
    assert (corrected.stage, corrected.reason) == (G.UNDER_REVIEW, "award letter was for another applicant")
    assert (application.stage, application.awarded, application.decided_on) == (G.UNDER_REVIEW, None, None)


def test_correcting_a_rejection_reopens_the_review_and_forgets_the_reason(application):
    move_to(application, G.REJECTED)

    application.correct_stage(G.UNDER_REVIEW, "the funder re-opened the call")

    assert (application.stage, application.rejection_reason, application.decided_on) == (G.UNDER_REVIEW, None, None)
    application.award(eur("43000"), DECIDED_ON)
    assert application.stage is G.AWARDED


@pytest.mark.parametrize("target", [G.PROSPECT, G.DRAFTING, G.SUBMITTED, G.UNDER_REVIEW])
@pytest.mark.parametrize("stage", [G.REJECTED, G.WITHDRAWN])
def test_a_rejected_or_withdrawn_application_can_be_corrected_back_to_any_undecided_stage(application, stage, target):
    move_to(application, stage)

    application.correct_stage(target, "recorded on the wrong application")

    assert application.stage is target


def test_correcting_a_closed_grant_back_to_implementation_keeps_the_award(application):
    move_to(application, G.CLOSED)

    application.correct_stage(G.IN_IMPLEMENTATION, "closed too early")

    assert (application.stage, application.awarded) == (G.IN_IMPLEMENTATION, eur("43000"))


@pytest.mark.parametrize("reason", ["", "  ", None])
def test_correcting_an_application_stage_needs_a_reason(application, reason):
    move_to(application, G.SUBMITTED)

    with pytest.raises(DomainError, match="reason"):
        application.correct_stage(G.DRAFTING, reason)
    assert application.stage is G.SUBMITTED


@pytest.mark.parametrize(
    ("stage", "target", "message"),
    [
        (G.SUBMITTED, G.SUBMITTED, "cannot be corrected"),
        (G.SUBMITTED, G.REJECTED, "cannot be corrected"),
        (G.SUBMITTED, G.WITHDRAWN, "cannot be corrected"),
        (G.SUBMITTED, G.AWARDED, "Moving forward"),
        (G.AWARDED, G.CLOSED, "Moving forward"),
        (G.REJECTED, G.AWARDED, "Moving forward"),
        (G.WITHDRAWN, G.CONTRACTED, "Moving forward"),
        (G.REJECTED, G.CLOSED, "Moving forward"),
    ],
)
def test_a_correction_cannot_move_an_application_forward_or_decide_it(application, stage, target, message):
    move_to(application, stage)

    with pytest.raises(DomainError, match=message):
        application.correct_stage(target, "because")
    assert application.stage is stage


# Details ---------------------------------------------------------------------------------


def test_describing_the_call_records_title_programme_and_reference(application):
    application.describe_call(" GDT Textile ", " GIZ ", " Microgrants ", " MG-7 ", " https://example.org ")

    [described] = new_events(application)
    assert type(described).__name__ == "CallDescribed"
    assert (described.title, described.programme, described.call_reference) == ("GDT Textile", "GIZ", "MG-7")
    assert (application.call_name, application.call_url) == ("Microgrants", "https://example.org")


def test_describing_the_call_as_it_is_records_nothing(application):
    application.describe_call("GDT Textile microgrant ", "", " ", "", "")

    assert event_names(application) == []


def test_cannot_describe_the_call_with_an_empty_title(application):
    with pytest.raises(DomainError, match="title"):
        application.describe_call("", "", "", "", "")


@pytest.mark.parametrize("deadline", [datetime(2022, 2, 28, 17, 0, tzinfo=UTC), None])
def test_the_deadline_can_be_set_or_cleared_while_drafting(application, deadline):
    move_to(application, G.DRAFTING)

    application.set_deadline(deadline)

    [deadline_set] = new_events(application)
    assert (type(deadline_set).__name__, deadline_set.deadline) == ("DeadlineSet", deadline)
    assert application.deadline == deadline


def test_a_deadline_needs_a_time_zone(application):
    with pytest.raises(DomainError, match="time zone"):
        application.set_deadline(datetime(2022, 2, 28, 17, 0))


@pytest.mark.parametrize("stage", [G.SUBMITTED, G.AWARDED, G.WITHDRAWN])
def test_the_deadline_cannot_change_after_submission(application, stage):
    move_to(application, stage)

    with pytest.raises(DomainError, match="before the application is submitted"):
        application.set_deadline(datetime(2022, 2, 28, 17, 0, tzinfo=UTC))


def test_changing_the_request_records_amount_and_co_financing(application):
    move_to(application, G.UNDER_REVIEW)

    application.change_request(eur("40000"), eur("4000"))

    [changed] = new_events(application)
    assert (type(changed).__name__, changed.requested, changed.co_financing) == (
        "RequestChanged",
        eur("40000"),
        eur("4000"),
    )
    assert (application.requested, application.co_financing) == (eur("40000"), eur("4000"))


@pytest.mark.parametrize("stage", [G.AWARDED, G.REJECTED, G.CLOSED])
def test_the_request_cannot_change_after_the_decision(application, stage):
    move_to(application, stage)

    with pytest.raises(DomainError, match="before the funder decides"):
        application.change_request(eur("1"), None)


@pytest.mark.parametrize("percent", [0, 35, 100, None])
def test_the_win_probability_is_a_percentage_or_unknown(application, percent):
    application.estimate_win_probability(percent)

    [estimated] = new_events(application)
    assert (type(estimated).__name__, estimated.percent) == ("WinProbabilityEstimated", percent)
    assert application.win_probability == percent


@pytest.mark.parametrize("percent", [-1, 101])
def test_cannot_estimate_a_win_probability_outside_zero_to_hundred(application, percent):
    with pytest.raises(DomainError, match="between 0 and 100"):
        application.estimate_win_probability(percent)


def test_handing_an_application_over_records_the_new_owner(application):
    application.hand_over(" Mykola ")
    application.hand_over("Mykola")

    [handed_over] = new_events(application)
    assert (type(handed_over).__name__, handed_over.owner) == ("HandedOver", "Mykola")


def test_cannot_hand_an_application_over_to_nobody(application):
    with pytest.raises(DomainError, match="owner"):
        application.hand_over(" ")


def test_linking_a_project_needs_no_reason_the_first_time(application):
    project = uuid4()

    application.link_project(project)
    application.link_project(project)

    [linked] = new_events(application)
    assert (type(linked).__name__, linked.project_id) == ("ProjectLinked", project)
    assert application.project_id == project


@pytest.mark.parametrize("other", [uuid4(), None], ids=["another project", "no project"])
def test_moving_an_application_off_its_project_needs_a_reason(application, other):
    application.link_project(uuid4())
    new_events(application)

    with pytest.raises(DomainError, match="reason"):
        application.link_project(other)
    application.link_project(other, "linked to the wrong project")

    [linked] = new_events(application)
    assert (linked.project_id, linked.reason) == (other, "linked to the wrong project")
    assert application.project_id == other


# Consortium partners (adding and removing them, as for projects: test_partners.py) --------


def test_the_applicant_and_existing_partners_cannot_join_the_consortium_again(application):
    partner = uuid4()
    application.add_partner(partner, "co-applicant")

    for organization in (partner, APPAU):
        with pytest.raises(DomainError, match="already in the consortium"):
            application.add_partner(organization, "again")


# Money received and reports due -----------------------------------------------------------


def test_tranches_are_planned_and_received_in_the_award_currency(application):
    move_to(application, G.CONTRACTED)

    first = application.plan_disbursement(eur("30000"), date(2022, 6, 1))
    second = application.plan_disbursement(eur("13000.50"), date(2022, 10, 1))
    application.receive_disbursement(first, date(2022, 6, 3))

    planned, _, received = new_events(application)
    assert (type(planned).__name__, planned.disbursement_id, planned.amount) == (
        "DisbursementPlanned",
        first,
        eur("30000"),
    )
    assert (type(received).__name__, received.received_on) == ("DisbursementReceived", date(2022, 6, 3))
    assert application.received == eur("30000")
    application.receive_disbursement(second, date(2022, 10, 5))
    assert application.received == eur("43000.50")


def test_nothing_is_received_before_the_first_tranche_arrives(application):
    move_to(application, G.AWARDED)
    application.plan_disbursement(eur("43000"), date(2022, 6, 1))

    assert application.received == eur("0")


@pytest.mark.parametrize("stage", [G.UNDER_REVIEW, G.REJECTED, G.CLOSED])
def test_only_a_won_grant_plans_tranches_and_reports(application, stage):
    move_to(application, stage)

    with pytest.raises(DomainError, match="Only an awarded grant"):
        application.plan_disbursement(eur("1000"), date(2022, 6, 1))
    with pytest.raises(DomainError, match="Only an awarded grant"):
        application.add_reporting_duty(ReportKind.FINAL, date(2022, 10, 31))


def test_a_tranche_in_another_currency_is_refused(application):
    move_to(application, G.AWARDED)

    with pytest.raises(DomainError, match="EUR"):
        application.plan_disbursement(Money.of("1000", "UAH"), date(2022, 6, 1))


def test_a_tranche_cannot_be_received_twice(application):
    move_to(application, G.AWARDED)
    tranche = application.plan_disbursement(eur("43000"), date(2022, 6, 1))
    application.receive_disbursement(tranche, date(2022, 6, 3))

    with pytest.raises(DomainError, match="already received"):
        application.receive_disbursement(tranche, date(2022, 6, 4))


def test_an_unknown_tranche_cannot_be_received(application):
    move_to(application, G.AWARDED)

    with pytest.raises(DomainError, match="no tranche"):
        application.receive_disbursement(uuid4(), date(2022, 6, 4))


def test_a_reporting_duty_is_added_and_submitted(application):
    move_to(application, G.IN_IMPLEMENTATION)

    duty = application.add_reporting_duty(ReportKind.FINANCIAL, date(2022, 10, 31))
    application.submit_report(duty, date(2022, 10, 30))

    added, submitted = new_events(application)
    assert (type(added).__name__, added.duty_id, added.kind, added.due_on) == (
        "ReportingDutyAdded",
        duty,
        ReportKind.FINANCIAL,
        date(2022, 10, 31),
    )
    assert (type(submitted).__name__, submitted.submitted_on) == ("ReportSubmitted", date(2022, 10, 30))
    assert application.reporting_duties[duty].submitted_on == date(2022, 10, 30)


def test_a_report_cannot_be_submitted_twice_or_without_a_duty(application):
    move_to(application, G.AWARDED)
    duty = application.add_reporting_duty(ReportKind.FINAL, date(2022, 10, 31))
    application.submit_report(duty, date(2022, 10, 30))

    with pytest.raises(DomainError, match="already submitted"):
        application.submit_report(duty, date(2022, 10, 31))
    with pytest.raises(DomainError, match="no reporting duty"):
        application.submit_report(uuid4(), date(2022, 10, 31))


# Corrections -----------------------------------------------------------------------------


def test_a_mistyped_award_is_corrected_with_a_reason_and_both_stay_in_the_history(application):
    move_to(application, G.AWARDED)
    application.correct_award(eur("34000"), date(2022, 5, 2), "digits swapped")
    [corrected] = new_events(application)
    assert (type(corrected).__name__, corrected.reason) == ("AwardCorrected", "digits swapped")
    assert (application.awarded, application.decided_on) == (eur("34000"), date(2022, 5, 2))


@pytest.mark.parametrize(
    ("stage", "amount", "reason", "message"),
    [
        (G.SUBMITTED, eur("1"), "typo", "Only a recorded award"),
        (G.AWARDED, eur("43000"), "typo", "already has this amount"),
        (G.AWARDED, eur("1"), " ", "reason is required"),
    ],
)
def test_an_award_correction_needs_an_award_a_change_and_a_reason(application, stage, amount, reason, message):
    move_to(application, stage)
    with pytest.raises(DomainError, match=message):
        application.correct_award(amount, DECIDED_ON, reason)


def test_a_tranche_is_corrected_in_its_own_currency_and_may_be_marked_not_received(application):
    move_to(application, G.AWARDED)
    tranche = application.plan_disbursement(eur("20000"), date(2022, 6, 1))
    application.receive_disbursement(tranche, date(2022, 6, 3))
    with pytest.raises(DomainError, match="currency"):
        application.correct_disbursement(tranche, Money.of("20000", "UAH"), None, "typo")
    application.correct_disbursement(tranche, eur("2000"), None, "it has not arrived; the bank confused accounts")
    assert application.received == eur("0")
    assert application.disbursements[tranche].received_on is None


# Replay ----------------------------------------------------------------------------------


def test_the_full_history_uses_every_event_type_and_replays_to_an_equal_state(store, replayed):
    record = prospect(deadline=datetime(2022, 2, 28, 17, 0, tzinfo=KYIV))
    record.describe_call("EIC startup support", "EIC", "Startup support", "EIC-2022", "https://example.org")
    record.set_deadline(datetime(2022, 3, 15, 17, 0, tzinfo=UTC))
    record.change_request(eur("2500000"), eur("250000"))
    record.estimate_win_probability(30)
    record.hand_over("Mykola")
    record.link_project(uuid4())
    partner, leaver = uuid4(), uuid4()
    record.add_partner(partner, "co-applicant")
    record.add_partner(leaver, "co-applicant")
    record.remove_partner(leaver, "left")
    record.withdraw("consortium not ready")
    record.correct_stage(G.PROSPECT, "consortium ready after all")
    record.start_drafting()
    record.submit(SUBMITTED_ON)
    record.mark_under_review()
    record.reject("out of scope", DECIDED_ON)
    record.correct_stage(G.UNDER_REVIEW, "appeal won")
    record.award(eur("2040000"), DECIDED_ON)
    record.correct_award(eur("2400000"), DECIDED_ON, "digits swapped")
    record.contract(date(2022, 5, 20), date(2022, 6, 1), date(2023, 5, 31))
    record.start_implementation()
    tranche = record.plan_disbursement(eur("1200000"), date(2022, 6, 15))
    record.receive_disbursement(tranche, date(2022, 6, 2))
    record.correct_disbursement(tranche, eur("1200000"), date(2022, 6, 20), "wrong day typed")
    duty = record.add_reporting_duty(ReportKind.INTERIM, date(2022, 12, 31))
    record.submit_report(duty, date(2022, 12, 20))
    record.close()
    record.mark_illustrative("amounts invented")
    record.clear_illustrative("amounts confirmed")
    record.mark_illustrative("tranches invented")

    again = replayed(record)

    assert state(again) == state(record)
    assert again.stage is G.CLOSED
    assert (again.awarded, again.received) == (eur("2400000"), eur("1200000"))
    assert again.deadline == datetime(2022, 3, 15, 17, 0, tzinfo=UTC)
    assert list(again.partners) == [partner]
    stored = {type(e).__name__ for e in store.events.get(record.id)}
    assert stored == declared_event_names(GrantApplication)
