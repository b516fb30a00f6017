"""Use cases for memoranda: parties, signing, validity, commitments and linked projects."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from domain.enums import CommitmentStatus, MemorandumKind, PartyType
from domain.memorandum import Memorandum
from portfolio.application import PortfolioCore

M = Memorandum
V = int | None


class MemorandumUseCases(PortfolioCore):
    def draft_memorandum(self, kind: MemorandumKind, subject: str, owner: str) -> UUID:
        return self._create(lambda: M.draft(kind, subject, owner))

    def describe_memorandum(self, mid: UUID, kind: MemorandumKind, subject: str, expected_version: V = None) -> int:
        return self._change(M, mid, lambda m: m.describe(kind, subject), expected_version)

    def hand_over_memorandum(self, mid: UUID, owner: str, expected_version: V = None) -> int:
        return self._change(M, mid, lambda m: m.hand_over(owner), expected_version)

    def add_party(self, mid: UUID, org_id: UUID, party_type: PartyType, expected_version: V = None) -> int:
        return self._change(M, mid, lambda m: m.add_party(org_id, party_type), expected_version)

    def open_negotiation(self, mid: UUID, expected_version: V = None) -> int:
        return self._change(M, mid, lambda m: m.open_negotiation(), expected_version)

    def sign_memorandum(
        self,
        mid: UUID,
        signed_on: date,
        place: str,
        valid_from: date | None,
        valid_until: date | None,
        expected_version: V = None,
    ) -> int:
        return self._change(M, mid, lambda m: m.sign(signed_on, place, valid_from, valid_until), expected_version)

    def activate_memorandum(self, mid: UUID, expected_version: V = None) -> int:
        return self._change(M, mid, lambda m: m.activate(), expected_version)

    def expire_memorandum(self, mid: UUID, expected_version: V = None) -> int:
        return self._change(M, mid, lambda m: m.expire(), expected_version)

    def terminate_memorandum(self, mid: UUID, reason: str, expected_version: V = None) -> int:
        return self._change(M, mid, lambda m: m.terminate(reason), expected_version)

    def extend_memorandum(self, mid: UUID, valid_until: date, reason: str, expected_version: V = None) -> int:
        return self._change(M, mid, lambda m: m.extend(valid_until, reason), expected_version)

    def make_commitment(
        self, mid: UUID, party_id: UUID, description: str, owner: str, due_on: date | None, expected_version: V = None
    ) -> UUID:
        return self._add(M, mid, lambda m: m.make_commitment(party_id, description, owner, due_on), expected_version)

    def update_commitment(
        self, mid: UUID, commitment_id: UUID, status: CommitmentStatus, expected_version: V = None
    ) -> int:
        return self._change(M, mid, lambda m: m.update_commitment(commitment_id, status), expected_version)

    def link_memorandum_to_project(self, mid: UUID, project_id: UUID, expected_version: V = None) -> int:
        return self._change(M, mid, lambda m: m.link_project(project_id), expected_version)

    def unlink_memorandum_from_project(
        self, mid: UUID, project_id: UUID, reason: str, expected_version: V = None
    ) -> int:
        return self._change(M, mid, lambda m: m.unlink_project(project_id, reason), expected_version)
