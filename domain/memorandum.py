"""Memorandum: an agreement between parties, judged by the commitments behind it."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from eventsourcing.domain import event

from domain import context
from domain.enums import CommitmentStatus, MemorandumKind, MemorandumStage, PartyType
from domain.errors import N_, DomainError
from domain.illustrative import Illustrative
from domain.record import find, require_order, require_reason, require_text
from domain.subrecords import Commitment, Party

M = MemorandumStage
IN_FORCE = (M.SIGNED, M.ACTIVE)
ENDED = (M.EXPIRED, M.TERMINATED)


class Memorandum(Illustrative):
    class Drafted(Illustrative.Created):
        kind: MemorandumKind
        subject: str
        owner: str

    @event(Drafted)
    def __init__(self, kind: MemorandumKind, subject: str, owner: str) -> None:
        self.kind, self.subject, self.owner = kind, subject, owner
        self.stage = M.DRAFT
        self.parties: dict[UUID, Party] = {}
        self.signed_on: date | None = None
        self.signed_place = ""
        self.valid_from: date | None = None
        self.valid_until: date | None = None
        self.commitments: dict[UUID, Commitment] = {}
        self.project_ids: list[UUID] = []

    @classmethod
    def draft(cls, kind: MemorandumKind, subject: str, owner: str) -> Memorandum:
        return cls(
            kind=kind,
            subject=require_text(subject, N_("The subject")),
            owner=require_text(owner, N_("The owner")),
        )

    def describe(self, kind: MemorandumKind, subject: str) -> None:
        self._check_not_ended(N_("edit"))
        subject = require_text(subject, N_("The subject"))
        if (kind, subject) != (self.kind, self.subject):
            self._described(kind=kind, subject=subject)

    class Described(Illustrative.Event):
        kind: MemorandumKind
        subject: str

    @event(Described)
    def _described(self, kind: MemorandumKind, subject: str) -> None:
        self.kind, self.subject = kind, subject

    def hand_over(self, owner: str) -> None:
        owner = require_text(owner, N_("The owner"))
        if owner != self.owner:
            self._handed_over(owner=owner)

    class HandedOver(Illustrative.Event):
        owner: str

    @event(HandedOver)
    def _handed_over(self, owner: str) -> None:
        self.owner = owner

    def add_party(self, organization_id: UUID, party_type: PartyType) -> None:
        if self.stage not in (M.DRAFT, M.NEGOTIATION):
            raise DomainError("Parties can only be added before the memorandum is signed.")
        if organization_id in self.parties:
            raise DomainError("This organization is already a party.")
        self._party_added(organization_id=organization_id, party_type=party_type)

    class PartyAdded(Illustrative.Event):
        organization_id: UUID
        party_type: PartyType

    @event(PartyAdded)
    def _party_added(self, organization_id: UUID, party_type: PartyType) -> None:
        self.parties[organization_id] = Party(organization_id, party_type)

    def open_negotiation(self) -> None:
        if self.stage is not M.DRAFT:
            raise DomainError("Only a draft goes into negotiation.")
        self._negotiation_opened()

    class NegotiationOpened(Illustrative.Event):
        pass

    @event(NegotiationOpened)
    def _negotiation_opened(self) -> None:
        self.stage = M.NEGOTIATION

    def sign(self, signed_on: date, place: str, valid_from: date | None, valid_until: date | None) -> None:
        if self.stage in ENDED:
            raise DomainError("This memorandum is {stage} and cannot be signed.", stage=self.stage)
        if self.stage in IN_FORCE:
            raise DomainError("This memorandum was already signed on {signed_on}.", signed_on=self.signed_on)
        if len(self.parties) < 2:
            raise DomainError("A memorandum needs at least two parties to be signed.")
        require_order(valid_from or signed_on, valid_until, N_("the validity"))
        if valid_until is not None and valid_until < signed_on:
            raise DomainError("A memorandum cannot be signed after its validity has ended.")
        self._signed(signed_on=signed_on, place=place.strip(), valid_from=valid_from or signed_on,
                     valid_until=valid_until)  # fmt: skip

    class Signed(Illustrative.Event):
        signed_on: date
        place: str
        valid_from: date
        valid_until: date | None

    @event(Signed)
    def _signed(self, signed_on: date, place: str, valid_from: date, valid_until: date | None) -> None:
        self.stage, self.signed_on, self.signed_place = M.SIGNED, signed_on, place
        self.valid_from, self.valid_until = valid_from, valid_until

    def activate(self) -> None:
        if self.stage is not M.SIGNED:
            raise DomainError("Only a signed memorandum becomes active.")
        self._activated()

    class Activated(Illustrative.Event):
        pass

    @event(Activated)
    def _activated(self) -> None:
        self.stage = M.ACTIVE

    def expire(self) -> None:
        if self.stage not in IN_FORCE:
            raise DomainError("Only a memorandum in force can expire.")
        self._expired()

    class Expired(Illustrative.Event):
        pass

    @event(Expired)
    def _expired(self) -> None:
        self.stage = M.EXPIRED

    def terminate(self, reason: str) -> None:
        if self.stage in ENDED:
            raise DomainError("The memorandum is already {stage}.", stage=self.stage)
        self._terminated(reason=require_reason(reason, N_("terminate a memorandum")))

    class Terminated(Illustrative.Event):
        reason: str

    @event(Terminated)
    def _terminated(self, reason: str) -> None:
        self.stage = M.TERMINATED

    def extend(self, valid_until: date, reason: str) -> None:
        if self.stage not in IN_FORCE:
            raise DomainError("Only a memorandum in force can be extended.")
        if self.valid_until is not None and valid_until <= self.valid_until:
            raise DomainError(
                "The new end ({valid_until}) must be after {current}.",
                valid_until=valid_until,
                current=self.valid_until,
            )
        self._extended(valid_until=valid_until, reason=require_reason(reason, N_("extend a memorandum")))

    class Extended(Illustrative.Event):
        valid_until: date
        reason: str

    @event(Extended)
    def _extended(self, valid_until: date, reason: str) -> None:
        self.valid_until = valid_until

    def make_commitment(self, party_id: UUID, description: str, owner: str, due_on: date | None) -> UUID:
        self._check_not_ended(N_("add commitments to"))
        find(self.parties, party_id, N_("party"))
        commitment_id = context.new_id()
        self._commitment_made(
            commitment_id=commitment_id,
            party_id=party_id,
            description=require_text(description, N_("The commitment")),
            owner=require_text(owner, N_("The commitment's owner")),
            due_on=due_on,
        )
        return commitment_id

    class CommitmentMade(Illustrative.Event):
        commitment_id: UUID
        party_id: UUID
        description: str
        owner: str
        due_on: date | None

    @event(CommitmentMade)
    def _commitment_made(
        self, commitment_id: UUID, party_id: UUID, description: str, owner: str, due_on: date | None
    ) -> None:
        self.commitments[commitment_id] = Commitment(commitment_id, party_id, description, owner, due_on)

    def update_commitment(self, commitment_id: UUID, status: CommitmentStatus) -> None:
        commitment = find(self.commitments, commitment_id, N_("commitment"))
        if commitment.status is status:
            raise DomainError("The commitment is already {status}.", status=status)
        self._commitment_updated(commitment_id=commitment_id, status=status)

    class CommitmentUpdated(Illustrative.Event):
        commitment_id: UUID
        status: CommitmentStatus

    @event(CommitmentUpdated)
    def _commitment_updated(self, commitment_id: UUID, status: CommitmentStatus) -> None:
        self.commitments[commitment_id].status = status

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

    @property
    def lacks_substance(self) -> bool:
        """A memorandum in force with no commitment and no linked project is paper only."""
        return self.stage in IN_FORCE and not self.commitments and not self.project_ids

    def _check_not_ended(self, action: str) -> None:
        if self.stage in ENDED:
            raise DomainError(
                "This memorandum is {stage} and cannot be changed ({action}).", stage=self.stage, action=action
            )
