"""Roadmap initiative: a planned step of a roadmap direction, with every slip kept visible."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from eventsourcing.domain import event

from domain.enums import Health, InitiativeStatus
from domain.errors import N_, DomainError
from domain.illustrative import Illustrative
from domain.record import require_percent, require_reason, require_text
from domain.subrecords import Decision, Postponement

I = InitiativeStatus
ENDED = (I.DONE, I.NOT_DONE, I.DROPPED)
OPEN = (I.PROPOSED, I.PLANNED, I.IN_PROGRESS, I.POSTPONED)  # not ended: progress and health may be reported
TROUBLED = (Health.OFF_TRACK, Health.AT_RISK)  # the health a board asks about, the worse first
NEXT = {I.PROPOSED: (I.PLANNED,), I.PLANNED: (I.IN_PROGRESS,), I.POSTPONED: (I.PLANNED, I.IN_PROGRESS)}


def quarter_of(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


class RoadmapInitiative(Illustrative):
    class Proposed(Illustrative.Created):
        roadmap: str
        direction: str
        title: str
        owner: str
        target_on: date

    @event(Proposed)
    def __init__(self, roadmap: str, direction: str, title: str, owner: str, target_on: date) -> None:
        self.roadmap, self.direction, self.title = roadmap, direction, title
        self.owner, self.target_on, self.original_target_on = owner, target_on, target_on
        self.status = I.PROPOSED
        self.health = Health.ON_TRACK
        self.progress = 0
        self.postponements: list[Postponement] = []
        self.decisions: list[Decision] = []
        self.comments: list[str] = []
        self.project_ids: list[UUID] = []

    @classmethod
    def propose(cls, roadmap: str, direction: str, title: str, owner: str, target_on: date) -> RoadmapInitiative:
        return cls(
            roadmap=require_text(roadmap, N_("The roadmap")),
            direction=require_text(direction, N_("The direction")),
            title=require_text(title, N_("The initiative title")),
            owner=require_text(owner, N_("The owner")),
            target_on=target_on,
        )

    @property
    def target_quarter(self) -> str:
        return quarter_of(self.target_on)

    @property
    def slip_days(self) -> int:
        return (self.target_on - self.original_target_on).days

    def retitle(self, title: str, direction: str) -> None:
        self._check_not_ended(N_("edit"))
        new = (require_text(title, N_("The initiative title")), require_text(direction, N_("The direction")))
        if new != (self.title, self.direction):
            self._retitled(title=new[0], direction=new[1])

    class Retitled(Illustrative.Event):
        title: str
        direction: str

    @event(Retitled)
    def _retitled(self, title: str, direction: str) -> None:
        self.title, self.direction = title, direction

    def hand_over(self, owner: str) -> None:
        owner = require_text(owner, N_("The owner"))
        if owner != self.owner:
            self._handed_over(owner=owner)

    class HandedOver(Illustrative.Event):
        owner: str

    @event(HandedOver)
    def _handed_over(self, owner: str) -> None:
        self.owner = owner

    def plan(self) -> None:
        self._move(I.PLANNED)
        self._planned()

    class Planned(Illustrative.Event):
        pass

    @event(Planned)
    def _planned(self) -> None:
        self.status = I.PLANNED

    def start(self) -> None:
        self._move(I.IN_PROGRESS)
        self._started()

    class Started(Illustrative.Event):
        pass

    @event(Started)
    def _started(self) -> None:
        self.status = I.IN_PROGRESS

    def finish(self) -> None:
        self._check_not_ended(N_("finish"))
        self._finished()

    class Finished(Illustrative.Event):
        pass

    @event(Finished)
    def _finished(self) -> None:
        self.status, self.progress = I.DONE, 100

    def mark_not_done(self, reason: str) -> None:
        self._check_not_ended(N_("close"))
        self._not_done(reason=require_reason(reason, N_("mark an initiative not done")))

    class MarkedNotDone(Illustrative.Event):
        reason: str

    @event(MarkedNotDone)
    def _not_done(self, reason: str) -> None:
        self.status = I.NOT_DONE

    def drop(self, reason: str) -> None:
        self._check_not_ended(N_("drop"))
        self._dropped(reason=require_reason(reason, N_("drop an initiative")))

    class Dropped(Illustrative.Event):
        reason: str

    @event(Dropped)
    def _dropped(self, reason: str) -> None:
        self.status = I.DROPPED

    def postpone(self, to_date: date, reason: str) -> None:
        self._check_not_ended(N_("postpone"))
        if to_date <= self.target_on:
            raise DomainError("A postponement moves the target later than {target_on}.", target_on=self.target_on)
        self._postponed(to_date=to_date, reason=require_reason(reason, N_("postpone an initiative")))

    class Postponed(Illustrative.Event):
        to_date: date
        reason: str

    @event(Postponed)
    def _postponed(self, to_date: date, reason: str) -> None:
        self.postponements.append(Postponement(self.target_on, to_date, reason))
        self.status, self.target_on = I.POSTPONED, to_date

    def assess_health(self, health: Health, comment: str = "") -> None:
        self._check_not_ended(N_("assess"))
        self._health_assessed(health=health, comment=comment.strip())

    class HealthAssessed(Illustrative.Event):
        health: Health
        comment: str

    @event(HealthAssessed)
    def _health_assessed(self, health: Health, comment: str) -> None:
        self.health = health
        if comment:
            self.comments.append(comment)

    def report_progress(self, percent: int) -> None:
        self._check_not_ended(N_("report progress on"))
        require_percent(percent, N_("Progress"))
        self._progress_reported(percent=percent)

    class ProgressReported(Illustrative.Event):
        percent: int

    @event(ProgressReported)
    def _progress_reported(self, percent: int) -> None:
        self.progress = percent

    def record_decision(self, text: str, decided_on: date) -> None:
        self._decision_recorded(text=require_text(text, N_("The decision")), decided_on=decided_on)

    class DecisionRecorded(Illustrative.Event):
        text: str
        decided_on: date

    @event(DecisionRecorded)
    def _decision_recorded(self, text: str, decided_on: date) -> None:
        self.decisions.append(Decision(text, decided_on))

    def comment(self, text: str) -> None:
        self._commented(text=require_text(text, N_("The comment")))

    class Commented(Illustrative.Event):
        text: str

    @event(Commented)
    def _commented(self, text: str) -> None:
        self.comments.append(text)

    def link_project(self, project_id: UUID) -> None:
        if project_id in self.project_ids:
            raise DomainError("This project is already linked.")
        self._project_linked(project_id=project_id)

    class ProjectLinked(Illustrative.Event):
        project_id: UUID

    @event(ProjectLinked)
    def _project_linked(self, project_id: UUID) -> None:
        self.project_ids.append(project_id)

    def unlink_project(self, project_id: UUID, reason: str) -> None:
        if project_id not in self.project_ids:
            raise DomainError("This project is not linked.")
        self._project_unlinked(project_id=project_id, reason=require_reason(reason, N_("unlink a project")))

    class ProjectUnlinked(Illustrative.Event):
        project_id: UUID
        reason: str

    @event(ProjectUnlinked)
    def _project_unlinked(self, project_id: UUID, reason: str) -> None:
        self.project_ids.remove(project_id)

    def _move(self, status: InitiativeStatus) -> None:
        if status not in NEXT.get(self.status, ()):
            raise DomainError(
                "An initiative that is {status} cannot become {target}.", status=self.status, target=status
            )

    def _check_not_ended(self, action: str) -> None:
        if self.status in ENDED:
            raise DomainError(
                "An initiative that is {status} cannot be changed ({action}).", status=self.status, action=action
            )
