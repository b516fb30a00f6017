"""Sub-records kept inside aggregates: KPIs, milestones, partners, tranches, duties, commitments."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from uuid import UUID

from domain.enums import CommitmentStatus, PartyType, ReportKind, ResultLevel
from domain.money import Money


@dataclass
class Measurement:
    value: Decimal
    measured_on: date
    source: str
    corrected_from: Decimal | None = None  # the value first recorded, when it was corrected


@dataclass
class TargetRevision:
    old_target: Decimal
    new_target: Decimal
    reason: str


@dataclass
class Kpi:
    id: UUID
    name: str
    unit: str
    level: ResultLevel
    baseline: Decimal
    target: Decimal
    measurements: list[Measurement] = field(default_factory=list)
    revisions: list[TargetRevision] = field(default_factory=list)

    @property
    def actual(self) -> Decimal | None:
        if not self.measurements:
            return None
        return max(self.measurements, key=lambda m: m.measured_on).value


@dataclass
class UnplannedResult:
    description: str
    recorded_on: date


@dataclass
class Milestone:
    id: UUID
    title: str
    due_on: date
    done_on: date | None = None


@dataclass
class Partner:
    organization_id: UUID
    role: str


@dataclass
class Disbursement:
    id: UUID
    amount: Money
    expected_on: date
    received_on: date | None = None


@dataclass
class ReportingDuty:
    id: UUID
    kind: ReportKind
    due_on: date
    submitted_on: date | None = None


@dataclass
class Party:
    organization_id: UUID
    party_type: PartyType


@dataclass
class Commitment:
    id: UUID
    party_id: UUID
    description: str
    owner: str
    due_on: date | None
    status: CommitmentStatus = CommitmentStatus.OPEN


@dataclass
class Postponement:
    from_date: date
    to_date: date
    reason: str


@dataclass
class Decision:
    text: str
    decided_on: date
