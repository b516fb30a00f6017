"""Project: a regional development project in a cluster's portfolio."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from uuid import UUID

from eventsourcing.domain import event

from domain import context
from domain.enums import Category, Priority, ProjectStage, ResultLevel
from domain.errors import N_, DomainError
from domain.illustrative import Illustrative
from domain.money import Money
from domain.record import (
    find,
    require_amount_if_estimated,
    require_number,
    require_order,
    require_reason,
    require_text,
)
from domain.subrecords import Kpi, Measurement, Milestone, Partner, TargetRevision, UnplannedResult

S = ProjectStage
MAIN_LINE = (S.IDEA, S.CONCEPT, S.APPROVED, S.IN_IMPLEMENTATION, S.COMPLETED)
CLOSED = (S.COMPLETED, S.CANCELLED)
OPEN = (S.IDEA, S.CONCEPT, S.APPROVED, S.IN_IMPLEMENTATION)  # neither ended nor on hold: its plan may change
CHECKLIST = (
    "real_business_pain",
    "joint_action",
    "new_economic_value",
    "several_stakeholder_types",
    "members_invest",
    "builds_trust",
    "measurable",
)
CHECKLIST_PASS = 5


class Project(Illustrative):
    class Proposed(Illustrative.Created):
        code: str
        title: str
        summary: str
        organization_id: UUID
        owner: str
        priority: Priority
        category: Category
        regions: list[str]
        direction: str
        tags: list[str]

    @event(Proposed)
    def __init__(
        self,
        code: str,
        title: str,
        summary: str,
        organization_id: UUID,
        owner: str,
        priority: Priority,
        category: Category,
        regions: list[str],
        direction: str,
        tags: list[str],
    ) -> None:
        self.code, self.title, self.summary = code, title, summary
        self.organization_id, self.owner = organization_id, owner
        self.priority, self.category = priority, category
        self.regions, self.direction, self.tags = regions, direction, tags
        self.stage = S.IDEA
        self.stage_before_hold: ProjectStage | None = None
        self.budget: Money | None = None
        self.budget_estimated = False
        self.planned_start: date | None = None
        self.planned_end: date | None = None
        self.partners: dict[UUID, Partner] = {}
        self.kpis: dict[UUID, Kpi] = {}
        self.unplanned_results: list[UnplannedResult] = []
        self.milestones: dict[UUID, Milestone] = {}
        self.checklist: dict[str, bool] = {}

    @classmethod
    def propose(
        cls,
        code: str,
        title: str,
        organization_id: UUID,
        owner: str,
        priority: Priority,
        category: Category,
        summary: str = "",
        regions: list[str] | None = None,
        direction: str = "",
        tags: list[str] | None = None,
    ) -> Project:
        return cls(
            code=require_text(code, N_("The project code")),
            title=require_text(title, N_("The project title")),
            summary=summary.strip(),
            organization_id=organization_id,
            owner=require_text(owner, N_("The project lead")),
            priority=priority,
            category=category,
            regions=_clean(regions),
            direction=direction.strip(),
            tags=_clean(tags),
        )

    # Descriptive fields -------------------------------------------------------------------
    def describe(self, title: str, summary: str) -> None:
        self._check_open(N_("edit"))
        title = require_text(title, N_("The project title"))
        if (title, summary.strip()) != (self.title, self.summary):
            self._described(title=title, summary=summary.strip())

    class Described(Illustrative.Event):
        title: str
        summary: str

    @event(Described)
    def _described(self, title: str, summary: str) -> None:
        self.title, self.summary = title, summary

    def classify(
        self, priority: Priority, category: Category, direction: str, regions: list[str], tags: list[str]
    ) -> None:
        self._check_open(N_("reclassify"))
        new = (priority, category, direction.strip(), _clean(regions), _clean(tags))
        if new != (self.priority, self.category, self.direction, self.regions, self.tags):
            self._classified(priority=new[0], category=new[1], direction=new[2], regions=new[3], tags=new[4])

    class Classified(Illustrative.Event):
        priority: Priority
        category: Category
        direction: str
        regions: list[str]
        tags: list[str]

    @event(Classified)
    def _classified(
        self, priority: Priority, category: Category, direction: str, regions: list[str], tags: list[str]
    ) -> None:
        self.priority, self.category, self.direction = priority, category, direction
        self.regions, self.tags = regions, tags

    def hand_over(self, owner: str) -> None:
        self._check_open(N_("hand over"))
        owner = require_text(owner, N_("The project lead"))
        if owner != self.owner:
            self._handed_over(owner=owner)

    class HandedOver(Illustrative.Event):
        owner: str

    @event(HandedOver)
    def _handed_over(self, owner: str) -> None:
        self.owner = owner

    def plan(self, budget: Money | None, estimated: bool, start: date | None, end: date | None) -> None:
        self._check_open(N_("plan"))
        require_order(start, end, N_("the project"), about="end")
        require_amount_if_estimated(budget, estimated, "budget")
        self._planned(budget=budget, estimated=estimated, start=start, end=end)

    class Planned(Illustrative.Event):
        budget: Money | None
        estimated: bool
        start: date | None
        end: date | None

    @event(Planned)
    def _planned(self, budget: Money | None, estimated: bool, start: date | None, end: date | None) -> None:
        self.budget, self.budget_estimated = budget, estimated
        self.planned_start, self.planned_end = start, end

    # Stages --------------------------------------------------------------------------------
    def develop_concept(self) -> None:
        self._check_forward(S.CONCEPT)
        self._concept_developed()

    class ConceptDeveloped(Illustrative.Event):
        pass

    @event(ConceptDeveloped)
    def _concept_developed(self) -> None:
        self.stage = S.CONCEPT

    def approve(self) -> None:
        self._check_forward(S.APPROVED)
        self._approved()

    class Approved(Illustrative.Event):
        pass

    @event(Approved)
    def _approved(self) -> None:
        self.stage = S.APPROVED

    def start(self) -> None:
        self._check_forward(S.IN_IMPLEMENTATION)
        self._started()

    class Started(Illustrative.Event):
        pass

    @event(Started)
    def _started(self) -> None:
        self.stage = S.IN_IMPLEMENTATION

    def complete(self) -> None:
        self._check_forward(S.COMPLETED)
        self._completed()

    class Completed(Illustrative.Event):
        pass

    @event(Completed)
    def _completed(self) -> None:
        self.stage = S.COMPLETED

    def put_on_hold(self, reason: str) -> None:
        self._check_open(N_("put on hold"))
        if self.stage is S.ON_HOLD:
            raise DomainError("The project is already on hold.")
        self._put_on_hold(reason=require_reason(reason, N_("put a project on hold")))

    class PutOnHold(Illustrative.Event):
        reason: str

    @event(PutOnHold)
    def _put_on_hold(self, reason: str) -> None:
        self.stage_before_hold, self.stage = self.stage, S.ON_HOLD

    def resume(self) -> None:
        if self.stage is not S.ON_HOLD:
            raise DomainError("Only a project on hold can be resumed.")
        self._resumed(stage=self.stage_before_hold or S.IDEA)

    class Resumed(Illustrative.Event):
        """The project is back in `stage`, the one it was in when put on hold."""

        stage: ProjectStage

    @event(Resumed)
    def _resumed(self, stage: ProjectStage) -> None:
        self.stage, self.stage_before_hold = stage, None

    def cancel(self, reason: str) -> None:
        self._check_open(N_("cancel"))
        self._cancelled(reason=require_reason(reason, N_("cancel a project")))

    class Cancelled(Illustrative.Event):
        reason: str

    @event(Cancelled)
    def _cancelled(self, reason: str) -> None:
        self.stage = S.CANCELLED

    def correct_stage(self, stage: ProjectStage, reason: str) -> None:
        reason = require_reason(reason, N_("correct a project's stage"))
        if stage not in MAIN_LINE or stage is self.stage:
            raise DomainError("A project cannot be corrected to the stage '{stage}'.", stage=stage)
        if self.stage in MAIN_LINE and MAIN_LINE.index(stage) > MAIN_LINE.index(self.stage):
            raise DomainError("Moving forward is a stage action, not a correction.")
        self._stage_corrected(stage=stage, reason=reason)

    class StageCorrected(Illustrative.Event):
        stage: ProjectStage
        reason: str

    @event(StageCorrected)
    def _stage_corrected(self, stage: ProjectStage, reason: str) -> None:
        self.stage, self.stage_before_hold = stage, None

    # Partners ------------------------------------------------------------------------------
    def add_partner(self, organization_id: UUID, role: str) -> None:
        self._check_open(N_("add partners to"))
        if organization_id in self.partners:
            raise DomainError("This organization is already a partner of the project.")
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

    # KPIs ----------------------------------------------------------------------------------
    def define_kpi(self, name: str, unit: str, level: ResultLevel, baseline: Decimal, target: Decimal) -> UUID:
        self._check_open(N_("add KPIs to"))
        kpi_id = context.new_id()
        self._kpi_defined(
            kpi_id=kpi_id,
            name=require_text(name, N_("The KPI name")),
            unit=require_text(unit, N_("The KPI unit")),
            level=level,
            baseline=require_number(baseline, N_("The baseline")),
            target=require_number(target, N_("The target")),
        )
        return kpi_id

    class KpiDefined(Illustrative.Event):
        kpi_id: UUID
        name: str
        unit: str
        level: ResultLevel
        baseline: Decimal
        target: Decimal

    @event(KpiDefined)
    def _kpi_defined(
        self, kpi_id: UUID, name: str, unit: str, level: ResultLevel, baseline: Decimal, target: Decimal
    ) -> None:
        self.kpis[kpi_id] = Kpi(kpi_id, name, unit, level, baseline, target)

    def measure_kpi(self, kpi_id: UUID, value: Decimal, measured_on: date, source: str) -> None:
        if self.stage is S.CANCELLED:
            raise DomainError("The KPIs of a cancelled project cannot be measured.")
        find(self.kpis, kpi_id, N_("KPI"))
        self._kpi_measured(
            kpi_id=kpi_id,
            value=require_number(value, N_("The measured value")),
            measured_on=measured_on,
            source=require_text(source, N_("The source of the measurement")),
        )

    class KpiMeasured(Illustrative.Event):
        kpi_id: UUID
        value: Decimal
        measured_on: date
        source: str

    @event(KpiMeasured)
    def _kpi_measured(self, kpi_id: UUID, value: Decimal, measured_on: date, source: str) -> None:
        self.kpis[kpi_id].measurements.append(Measurement(value, measured_on, source))

    def correct_kpi_measurement(self, kpi_id: UUID, measured_on: date, value: Decimal, reason: str) -> None:
        """Put right a mistyped measurement; the history keeps the mistake and the correction."""
        kpi = find(self.kpis, kpi_id, N_("KPI"))
        reason = require_reason(reason, N_("correct a measurement"))
        matching = [m for m in kpi.measurements if m.measured_on == measured_on]
        if not matching:
            raise DomainError("'{kpi}' has no measurement on {measured_on}.", kpi=kpi.name, measured_on=measured_on)
        if matching[-1].value == require_number(value, N_("The measured value")):
            raise DomainError(
                "The measurement of {measured_on} is already {value}.", measured_on=measured_on, value=value
            )
        self._kpi_measurement_corrected(kpi_id=kpi_id, measured_on=measured_on, value=value, reason=reason)

    class KpiMeasurementCorrected(Illustrative.Event):
        """The KPI's measurement of `measured_on` is put right: it is `value`."""

        kpi_id: UUID
        measured_on: date
        value: Decimal
        reason: str

    @event(KpiMeasurementCorrected)
    def _kpi_measurement_corrected(self, kpi_id: UUID, measured_on: date, value: Decimal, reason: str) -> None:
        measurement = [m for m in self.kpis[kpi_id].measurements if m.measured_on == measured_on][-1]
        if measurement.corrected_from is None:
            measurement.corrected_from = measurement.value
        measurement.value = value

    def revise_kpi_target(self, kpi_id: UUID, target: Decimal, reason: str) -> None:
        self._check_open(N_("re-plan"))
        kpi = find(self.kpis, kpi_id, N_("KPI"))
        if require_number(target, N_("The target")) == kpi.target:
            raise DomainError("The target of '{kpi}' is already {target}.", kpi=kpi.name, target=target)
        self._kpi_target_revised(kpi_id=kpi_id, target=target, reason=require_reason(reason, N_("revise a target")))

    class KpiTargetRevised(Illustrative.Event):
        kpi_id: UUID
        target: Decimal
        reason: str

    @event(KpiTargetRevised)
    def _kpi_target_revised(self, kpi_id: UUID, target: Decimal, reason: str) -> None:
        kpi = self.kpis[kpi_id]
        kpi.revisions.append(TargetRevision(kpi.target, target, reason))
        kpi.target = target

    def record_unplanned_result(self, description: str, recorded_on: date) -> None:
        self._unplanned_result_recorded(
            description=require_text(description, N_("The result")), recorded_on=recorded_on
        )

    class UnplannedResultRecorded(Illustrative.Event):
        description: str
        recorded_on: date

    @event(UnplannedResultRecorded)
    def _unplanned_result_recorded(self, description: str, recorded_on: date) -> None:
        self.unplanned_results.append(UnplannedResult(description, recorded_on))

    # Milestones ----------------------------------------------------------------------------
    def add_milestone(self, title: str, due_on: date) -> UUID:
        self._check_open(N_("add milestones to"))
        milestone_id = context.new_id()
        self._milestone_added(milestone_id=milestone_id, title=require_text(title, N_("The milestone")), due_on=due_on)
        return milestone_id

    class MilestoneAdded(Illustrative.Event):
        milestone_id: UUID
        title: str
        due_on: date

    @event(MilestoneAdded)
    def _milestone_added(self, milestone_id: UUID, title: str, due_on: date) -> None:
        self.milestones[milestone_id] = Milestone(milestone_id, title, due_on)

    def reschedule_milestone(self, milestone_id: UUID, due_on: date, reason: str) -> None:
        milestone = find(self.milestones, milestone_id, N_("milestone"))
        if milestone.done_on is not None:
            raise DomainError("'{milestone}' is done and cannot be rescheduled.", milestone=milestone.title)
        reason = require_reason(reason, N_("reschedule a milestone"))
        self._milestone_rescheduled(milestone_id=milestone_id, due_on=due_on, reason=reason)

    class MilestoneRescheduled(Illustrative.Event):
        milestone_id: UUID
        due_on: date
        reason: str

    @event(MilestoneRescheduled)
    def _milestone_rescheduled(self, milestone_id: UUID, due_on: date, reason: str) -> None:
        self.milestones[milestone_id].due_on = due_on

    def reach_milestone(self, milestone_id: UUID, done_on: date) -> None:
        milestone = find(self.milestones, milestone_id, N_("milestone"))
        if milestone.done_on is not None:
            raise DomainError(
                "'{milestone}' was already reached on {done_on}.", milestone=milestone.title, done_on=milestone.done_on
            )
        self._milestone_reached(milestone_id=milestone_id, done_on=done_on)

    class MilestoneReached(Illustrative.Event):
        milestone_id: UUID
        done_on: date

    @event(MilestoneReached)
    def _milestone_reached(self, milestone_id: UUID, done_on: date) -> None:
        self.milestones[milestone_id].done_on = done_on

    # Quality checklist ---------------------------------------------------------------------
    def answer_checklist(self, answers: dict[str, bool]) -> None:
        unknown = set(answers) - set(CHECKLIST)
        if unknown:
            raise DomainError("Unknown checklist questions: {questions}.", questions=sorted(unknown))
        self._checklist_answered(answers={q: bool(answers.get(q, False)) for q in CHECKLIST})

    class ChecklistAnswered(Illustrative.Event):
        answers: dict[str, bool]

    @event(ChecklistAnswered)
    def _checklist_answered(self, answers: dict[str, bool]) -> None:
        self.checklist = answers

    @property
    def checklist_verdict(self) -> str | None:
        if not self.checklist:
            return None
        return "ready" if sum(self.checklist.values()) >= CHECKLIST_PASS else "rework"

    # Rules ---------------------------------------------------------------------------------
    def _check_open(self, action: str) -> None:
        if self.stage in CLOSED:
            raise DomainError("A {stage} project cannot be changed ({action}).", stage=self.stage, action=action)

    def _check_forward(self, stage: ProjectStage) -> None:
        self._check_open(N_("move to {stage}", stage=stage))
        if self.stage is S.ON_HOLD:
            raise DomainError("Resume the project before moving it forward.")
        if MAIN_LINE.index(stage) <= MAIN_LINE.index(self.stage):
            raise DomainError(
                "A project in stage '{stage}' cannot move to '{target}'; going back is a correction with a reason.",
                stage=self.stage,
                target=stage,
            )


def _clean(values: list[str] | None) -> list[str]:
    return [v.strip() for v in values or [] if v and v.strip()]
