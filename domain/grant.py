"""Grant application: from prospect to closure, with money, dates, tranches and reports."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import event

from domain import context
from domain.enums import GrantStage, ReportKind
from domain.errors import N_, DomainError
from domain.illustrative import Illustrative
from domain.money import Money
from domain.record import (
    find,
    require_amount_if_estimated,
    require_aware,
    require_order,
    require_percent,
    require_reason,
    require_text,
)
from domain.subrecords import Disbursement, Partner, ReportingDuty

G = GrantStage
ORDER = (
    G.PROSPECT, G.DRAFTING, G.SUBMITTED, G.UNDER_REVIEW,
    G.AWARDED, G.CONTRACTED, G.IN_IMPLEMENTATION, G.CLOSED,
)  # fmt: skip
# The stage sets, each with one meaning; every layer uses these (as `values(...)` where it holds text).
UNDECIDED = (G.PROSPECT, G.DRAFTING, G.SUBMITTED, G.UNDER_REVIEW)  # the funder has not decided yet
UNSUBMITTED = (G.PROSPECT, G.DRAFTING)  # not sent yet: a call's deadline passed in these is missed
WON = (G.AWARDED, G.CONTRACTED, G.IN_IMPLEMENTATION)  # awarded, and the grant is still running
FUNDED = (*WON, G.CLOSED)  # awarded at some time, running or closed: what totals and win rates count as won
PIPELINE = (*UNDECIDED, *WON)  # the pipeline board's columns, in order
ENDED = (G.REJECTED, G.WITHDRAWN, G.CLOSED)
NOT_FUNDED = (G.REJECTED, G.WITHDRAWN)  # refused or given up: nothing is owed to the funder


def _amounts_stated_as_facts(state: dict[str, Any]) -> None:
    """A version 1 application event, stored before amounts could be estimates, stated them as facts."""
    state.update(requested_estimated=False, co_financing_estimated=False)


class GrantApplication(Illustrative):
    class Prospected(Illustrative.Created):
        """Version 2 says whether the requested and co-financing amounts are estimates; a version 1
        event, stored before, reads as stating them as facts."""

        class_version = 2
        title: str
        funder_id: UUID
        applicant_id: UUID
        programme: str
        call_name: str
        call_reference: str
        call_url: str
        owner: str
        requested: Money
        co_financing: Money | None
        deadline: datetime | None
        requested_estimated: bool
        co_financing_estimated: bool

        upcast_v1_v2 = staticmethod(_amounts_stated_as_facts)

    @event(Prospected)
    def __init__(
        self,
        title: str,
        funder_id: UUID,
        applicant_id: UUID,
        programme: str,
        call_name: str,
        call_reference: str,
        call_url: str,
        owner: str,
        requested: Money,
        co_financing: Money | None,
        deadline: datetime | None,
        requested_estimated: bool,
        co_financing_estimated: bool,
    ) -> None:
        self.title, self.funder_id, self.applicant_id = title, funder_id, applicant_id
        self.programme, self.call_name = programme, call_name
        self.call_reference, self.call_url = call_reference, call_url
        self.owner, self.requested, self.co_financing = owner, requested, co_financing
        self.deadline = deadline
        self.requested_estimated, self.co_financing_estimated = requested_estimated, co_financing_estimated
        self.stage = G.PROSPECT
        self.awarded: Money | None = None
        self.win_probability: int | None = None
        self.project_id: UUID | None = None
        self.submitted_on: date | None = None
        self.decided_on: date | None = None
        self.rejection_reason: str | None = None
        self.contract_signed_on: date | None = None
        self.period_start: date | None = None
        self.period_end: date | None = None
        self.partners: dict[UUID, Partner] = {}
        self.disbursements: dict[UUID, Disbursement] = {}
        self.reporting_duties: dict[UUID, ReportingDuty] = {}

    @classmethod
    def prospect(
        cls,
        title: str,
        funder_id: UUID,
        applicant_id: UUID,
        owner: str,
        requested: Money,
        programme: str = "",
        call_name: str = "",
        call_reference: str = "",
        call_url: str = "",
        co_financing: Money | None = None,
        deadline: datetime | None = None,
        requested_estimated: bool = False,
        co_financing_estimated: bool = False,
    ) -> GrantApplication:
        require_aware(deadline, N_("The call deadline"))
        require_amount_if_estimated(co_financing, co_financing_estimated, "co_financing")
        return cls(
            title=require_text(title, N_("The application title")),
            funder_id=funder_id,
            applicant_id=applicant_id,
            programme=programme.strip(),
            call_name=call_name.strip(),
            call_reference=call_reference.strip(),
            call_url=call_url.strip(),
            owner=require_text(owner, N_("The internal owner")),
            requested=requested,
            co_financing=co_financing,
            deadline=deadline,
            requested_estimated=requested_estimated,
            co_financing_estimated=co_financing_estimated,
        )

    # Details -------------------------------------------------------------------------------
    def describe_call(self, title: str, programme: str, call_name: str, call_reference: str, call_url: str) -> None:
        self._check_not_ended(N_("edit"))
        new = (require_text(title, N_("The application title")), programme.strip(), call_name.strip(),
               call_reference.strip(), call_url.strip())  # fmt: skip
        old = (self.title, self.programme, self.call_name, self.call_reference, self.call_url)
        if new != old:
            self._call_described(
                title=new[0], programme=new[1], call_name=new[2], call_reference=new[3], call_url=new[4]
            )

    class CallDescribed(Illustrative.Event):
        title: str
        programme: str
        call_name: str
        call_reference: str
        call_url: str

    @event(CallDescribed)
    def _call_described(self, title: str, programme: str, call_name: str, call_reference: str, call_url: str) -> None:
        self.title, self.programme, self.call_name = title, programme, call_name
        self.call_reference, self.call_url = call_reference, call_url

    def set_deadline(self, deadline: datetime | None) -> None:
        if self.stage not in (G.PROSPECT, G.DRAFTING):
            raise DomainError("The deadline can only change before the application is submitted.")
        require_aware(deadline, N_("The call deadline"))
        self._deadline_set(deadline=deadline)

    class DeadlineSet(Illustrative.Event):
        deadline: datetime | None

    @event(DeadlineSet)
    def _deadline_set(self, deadline: datetime | None) -> None:
        self.deadline = deadline

    def change_request(
        self,
        requested: Money,
        co_financing: Money | None,
        requested_estimated: bool = False,
        co_financing_estimated: bool = False,
    ) -> None:
        estimates = (requested_estimated, co_financing_estimated)
        amounts = (requested, co_financing) != (self.requested, self.co_financing)
        if not amounts and estimates == (self.requested_estimated, self.co_financing_estimated):
            return  # nothing to record
        if amounts and self.stage not in UNDECIDED:  # whether they were estimates may still be corrected
            raise DomainError("The requested amount can only change before the funder decides.")
        require_amount_if_estimated(co_financing, co_financing_estimated, "co_financing")
        self._request_changed(
            requested=requested,
            co_financing=co_financing,
            requested_estimated=requested_estimated,
            co_financing_estimated=co_financing_estimated,
        )

    class RequestChanged(Illustrative.Event):
        """Version 2 says whether the amounts are estimates (version 1: stated as facts)."""

        class_version = 2
        requested: Money
        co_financing: Money | None
        requested_estimated: bool
        co_financing_estimated: bool

        upcast_v1_v2 = staticmethod(_amounts_stated_as_facts)

    @event(RequestChanged)
    def _request_changed(
        self, requested: Money, co_financing: Money | None, requested_estimated: bool, co_financing_estimated: bool
    ) -> None:
        self.requested, self.co_financing = requested, co_financing
        self.requested_estimated, self.co_financing_estimated = requested_estimated, co_financing_estimated

    def estimate_win_probability(self, percent: int | None) -> None:
        self._check_not_ended(N_("estimate"))
        require_percent(percent, N_("The win probability"))
        self._win_probability_estimated(percent=percent)

    class WinProbabilityEstimated(Illustrative.Event):
        percent: int | None

    @event(WinProbabilityEstimated)
    def _win_probability_estimated(self, percent: int | None) -> None:
        self.win_probability = percent

    def hand_over(self, owner: str) -> None:
        owner = require_text(owner, N_("The internal owner"))
        if owner != self.owner:
            self._handed_over(owner=owner)

    class HandedOver(Illustrative.Event):
        owner: str

    @event(HandedOver)
    def _handed_over(self, owner: str) -> None:
        self.owner = owner

    def link_project(self, project_id: UUID | None, reason: str | None = None) -> None:
        if project_id == self.project_id:
            return
        if self.project_id is not None:
            reason = require_reason(reason, N_("move an application to another project"))
        self._project_linked(project_id=project_id, reason=reason)

    class ProjectLinked(Illustrative.Event):
        """The application's project is now `project_id` (None: no project)."""

        project_id: UUID | None
        reason: str | None

    @event(ProjectLinked)
    def _project_linked(self, project_id: UUID | None, reason: str | None) -> None:
        self.project_id = project_id

    def add_partner(self, organization_id: UUID, role: str) -> None:
        self._check_not_ended(N_("add partners to"))
        if organization_id in self.partners or organization_id == self.applicant_id:
            raise DomainError("This organization is already in the consortium.")
        self._partner_added(organization_id=organization_id, role=require_text(role, N_("The partner's role")))

    class PartnerAdded(Illustrative.Event):
        organization_id: UUID
        role: str

    @event(PartnerAdded)
    def _partner_added(self, organization_id: UUID, role: str) -> None:
        self.partners[organization_id] = Partner(organization_id, role)

    def remove_partner(self, organization_id: UUID, reason: str) -> None:
        find(self.partners, organization_id, N_("partner"))
        self._partner_removed(organization_id=organization_id, reason=require_reason(reason, N_("remove a partner")))

    class PartnerRemoved(Illustrative.Event):
        organization_id: UUID
        reason: str

    @event(PartnerRemoved)
    def _partner_removed(self, organization_id: UUID, reason: str) -> None:
        del self.partners[organization_id]

    # Stages --------------------------------------------------------------------------------
    def start_drafting(self) -> None:
        self._check_forward(G.DRAFTING)
        self._drafting_started()

    class DraftingStarted(Illustrative.Event):
        pass

    @event(DraftingStarted)
    def _drafting_started(self) -> None:
        self.stage = G.DRAFTING

    def submit(self, submitted_on: date) -> None:
        self._check_forward(G.SUBMITTED)
        self._submitted(submitted_on=submitted_on)

    class Submitted(Illustrative.Event):
        submitted_on: date

    @event(Submitted)
    def _submitted(self, submitted_on: date) -> None:
        self.stage, self.submitted_on = G.SUBMITTED, submitted_on

    def mark_under_review(self) -> None:
        self._check_forward(G.UNDER_REVIEW)
        self._review_started()

    class ReviewStarted(Illustrative.Event):
        pass

    @event(ReviewStarted)
    def _review_started(self) -> None:
        self.stage = G.UNDER_REVIEW

    def award(self, amount: Money, decided_on: date) -> None:
        if self.stage in (G.REJECTED, G.WITHDRAWN):
            raise DomainError("A {stage} application cannot be awarded.", stage=self.stage)
        self._check_forward(G.AWARDED)
        require_order(self.submitted_on, decided_on, N_("the review (decision before submission)"), about="decided_on")
        self._awarded(amount=amount, decided_on=decided_on)

    class Awarded(Illustrative.Event):
        amount: Money
        decided_on: date

    @event(Awarded)
    def _awarded(self, amount: Money, decided_on: date) -> None:
        self.stage, self.awarded, self.decided_on = G.AWARDED, amount, decided_on

    def reject(self, reason: str, decided_on: date) -> None:
        if self.stage not in UNDECIDED:
            raise DomainError("An application in stage '{stage}' cannot be rejected.", stage=self.stage)
        require_order(self.submitted_on, decided_on, N_("the review (decision before submission)"), about="decided_on")
        self._rejected(reason=require_reason(reason, N_("mark an application rejected")), decided_on=decided_on)

    class Rejected(Illustrative.Event):
        reason: str
        decided_on: date

    @event(Rejected)
    def _rejected(self, reason: str, decided_on: date) -> None:
        self.stage, self.rejection_reason, self.decided_on = G.REJECTED, reason, decided_on

    def withdraw(self, reason: str) -> None:
        if self.stage not in UNDECIDED:
            raise DomainError("An application in stage '{stage}' cannot be withdrawn.", stage=self.stage)
        self._withdrawn(reason=require_reason(reason, N_("withdraw an application")))

    class Withdrawn(Illustrative.Event):
        reason: str

    @event(Withdrawn)
    def _withdrawn(self, reason: str) -> None:
        self.stage = G.WITHDRAWN

    def contract(self, signed_on: date, period_start: date, period_end: date) -> None:
        if self.stage is not G.AWARDED:
            raise DomainError("Only an awarded application can be contracted.")
        require_order(period_start, period_end, N_("the grant period"), about="period_end")
        self._contracted(signed_on=signed_on, period_start=period_start, period_end=period_end)

    class Contracted(Illustrative.Event):
        signed_on: date
        period_start: date
        period_end: date

    @event(Contracted)
    def _contracted(self, signed_on: date, period_start: date, period_end: date) -> None:
        self.stage, self.contract_signed_on = G.CONTRACTED, signed_on
        self.period_start, self.period_end = period_start, period_end

    def start_implementation(self) -> None:
        if self.stage not in (G.AWARDED, G.CONTRACTED):
            raise DomainError("Implementation starts only after an award.")
        self._implementation_started()

    class ImplementationStarted(Illustrative.Event):
        pass

    @event(ImplementationStarted)
    def _implementation_started(self) -> None:
        self.stage = G.IN_IMPLEMENTATION

    def close(self) -> None:
        if self.stage not in WON:
            raise DomainError("Only an awarded grant can be closed.")
        open_duties = [d for d in self.reporting_duties.values() if d.submitted_on is None]
        if open_duties:
            raise DomainError("{count} report(s) are still due; submit them before closing.", count=len(open_duties))
        self._closed()

    class Closed(Illustrative.Event):
        pass

    @event(Closed)
    def _closed(self) -> None:
        self.stage = G.CLOSED

    def correct_stage(self, stage: GrantStage, reason: str) -> None:
        reason = require_reason(reason, N_("correct an application's stage"))
        if stage is self.stage or stage in (G.REJECTED, G.WITHDRAWN):
            raise DomainError("An application cannot be corrected to the stage '{stage}'.", stage=stage)
        here = self.stage if self.stage in ORDER else G.UNDER_REVIEW  # rejected or withdrawn: undecided at most
        if ORDER.index(stage) > ORDER.index(here):
            raise DomainError("Moving forward is a stage action, not a correction.")
        self._stage_corrected(stage=stage, reason=reason)

    class StageCorrected(Illustrative.Event):
        stage: GrantStage
        reason: str

    @event(StageCorrected)
    def _stage_corrected(self, stage: GrantStage, reason: str) -> None:
        self.stage = stage
        if stage in UNDECIDED:
            self.awarded, self.decided_on, self.rejection_reason = None, None, None

    def correct_award(self, amount: Money, decided_on: date, reason: str) -> None:
        """Put right a mistyped award amount or decision date; the mistake stays in the history."""
        reason = require_reason(reason, N_("correct an award"))
        if self.awarded is None:
            raise DomainError("Only a recorded award can be corrected.")
        if (amount, decided_on) == (self.awarded, self.decided_on):
            raise DomainError("The award already has this amount and date.")
        if self.disbursements and amount.currency != self.awarded.currency:
            raise DomainError(
                "Tranches are planned in {currency}; the award must stay in it.", currency=self.awarded.currency
            )
        require_order(self.submitted_on, decided_on, N_("the review (decision before submission)"), about="decided_on")
        self._award_corrected(amount=amount, decided_on=decided_on, reason=reason)

    class AwardCorrected(Illustrative.Event):
        amount: Money
        decided_on: date
        reason: str

    @event(AwardCorrected)
    def _award_corrected(self, amount: Money, decided_on: date, reason: str) -> None:
        self.awarded, self.decided_on = amount, decided_on

    # Money received and reports due ---------------------------------------------------------
    def plan_disbursement(self, amount: Money, expected_on: date) -> UUID:
        self._check_won(N_("plan a tranche"))
        assert self.awarded is not None
        if amount.currency != self.awarded.currency:
            raise DomainError(
                "Tranches are paid in the award's currency ({currency}).",
                about="amount",
                currency=self.awarded.currency,
            )
        disbursement_id = context.new_id()
        self._disbursement_planned(disbursement_id=disbursement_id, amount=amount, expected_on=expected_on)
        return disbursement_id

    class DisbursementPlanned(Illustrative.Event):
        disbursement_id: UUID
        amount: Money
        expected_on: date

    @event(DisbursementPlanned)
    def _disbursement_planned(self, disbursement_id: UUID, amount: Money, expected_on: date) -> None:
        self.disbursements[disbursement_id] = Disbursement(disbursement_id, amount, expected_on)

    def receive_disbursement(self, disbursement_id: UUID, received_on: date) -> None:
        tranche = find(self.disbursements, disbursement_id, N_("tranche"))
        if tranche.received_on is not None:
            raise DomainError("This tranche was already received on {received_on}.", received_on=tranche.received_on)
        self._disbursement_received(disbursement_id=disbursement_id, received_on=received_on)

    class DisbursementReceived(Illustrative.Event):
        disbursement_id: UUID
        received_on: date

    @event(DisbursementReceived)
    def _disbursement_received(self, disbursement_id: UUID, received_on: date) -> None:
        self.disbursements[disbursement_id].received_on = received_on

    def correct_disbursement(self, disbursement_id: UUID, amount: Money, received_on: date | None, reason: str) -> None:
        """Put right a tranche's amount or the day it was received (None: not received after all)."""
        tranche = find(self.disbursements, disbursement_id, N_("tranche"))
        reason = require_reason(reason, N_("correct a tranche"))
        if amount.currency != tranche.amount.currency:
            raise DomainError(
                "Tranches are paid in the award's currency ({currency}).", currency=tranche.amount.currency
            )
        if (amount, received_on) == (tranche.amount, tranche.received_on):
            raise DomainError("The tranche already has this amount and date.")
        self._disbursement_corrected(
            disbursement_id=disbursement_id, amount=amount, received_on=received_on, reason=reason
        )

    class DisbursementCorrected(Illustrative.Event):
        """The tranche's amount and day received put right (None: not received after all)."""

        disbursement_id: UUID
        amount: Money
        received_on: date | None
        reason: str

    @event(DisbursementCorrected)
    def _disbursement_corrected(
        self, disbursement_id: UUID, amount: Money, received_on: date | None, reason: str
    ) -> None:
        tranche = self.disbursements[disbursement_id]
        tranche.amount, tranche.received_on = amount, received_on

    def add_reporting_duty(self, kind: ReportKind, due_on: date) -> UUID:
        self._check_won(N_("add a reporting duty"))
        duty_id = context.new_id()
        self._reporting_duty_added(duty_id=duty_id, kind=kind, due_on=due_on)
        return duty_id

    class ReportingDutyAdded(Illustrative.Event):
        duty_id: UUID
        kind: ReportKind
        due_on: date

    @event(ReportingDutyAdded)
    def _reporting_duty_added(self, duty_id: UUID, kind: ReportKind, due_on: date) -> None:
        self.reporting_duties[duty_id] = ReportingDuty(duty_id, kind, due_on)

    def submit_report(self, duty_id: UUID, submitted_on: date) -> None:
        duty = find(self.reporting_duties, duty_id, N_("reporting duty"))
        if duty.submitted_on is not None:
            raise DomainError("This report was already submitted on {submitted_on}.", submitted_on=duty.submitted_on)
        self._report_submitted(duty_id=duty_id, submitted_on=submitted_on)

    class ReportSubmitted(Illustrative.Event):
        duty_id: UUID
        submitted_on: date

    @event(ReportSubmitted)
    def _report_submitted(self, duty_id: UUID, submitted_on: date) -> None:
        self.reporting_duties[duty_id].submitted_on = submitted_on

    @property
    def received(self) -> Money | None:
        if self.awarded is None:
            return None
        total = sum((d.amount.amount for d in self.disbursements.values() if d.received_on), start=0)
        return Money.of(total, self.awarded.currency)

    # Rules ---------------------------------------------------------------------------------
    def _check_not_ended(self, action: str) -> None:
        if self.stage in ENDED:
            raise DomainError("A {stage} application cannot be changed ({action}).", stage=self.stage, action=action)

    def _check_won(self, action: str) -> None:
        if self.stage not in WON:
            raise DomainError("Only an awarded grant can {action}.", action=action)

    def _check_forward(self, stage: GrantStage) -> None:
        self._check_not_ended(N_("move to {stage}", stage=stage))
        if self.stage not in ORDER or ORDER.index(stage) <= ORDER.index(self.stage):
            raise DomainError(
                "An application in stage '{stage}' cannot move to '{target}'; "
                "going back is a correction with a reason.",
                stage=self.stage,
                target=stage,
            )
