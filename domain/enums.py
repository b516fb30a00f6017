"""The closed vocabularies of the portfolio. Values are stable identifiers stored in events."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum


def values(members: Iterable[Enum]) -> tuple[str, ...]:
    """The stored values of these members: how the read models and forms hold them."""
    return tuple(member.value for member in members)


def sql_list(members: Iterable[Enum]) -> str:
    """The members' values as an SQL list, `'a', 'b'` (they are our own constants, never input)."""
    return ", ".join(f"'{value}'" for value in values(members))


class Priority(Enum):
    NOW = "now"
    WOW = "wow"
    HOW = "how"


class Category(Enum):
    TALENT_SYSTEMS = "talent_systems"
    TRUST_BUILDING = "trust_building"
    ECOSYSTEM_ORCHESTRATION = "ecosystem_orchestration"
    VALUE_CHAINS = "value_chains"
    MARKET_ACCESS = "market_access"
    SYSTEM_TRANSFORMATION = "system_transformation"


class ProjectStage(Enum):
    IDEA = "idea"
    CONCEPT = "concept"
    APPROVED = "approved"
    IN_IMPLEMENTATION = "in_implementation"
    COMPLETED = "completed"
    ON_HOLD = "on_hold"
    CANCELLED = "cancelled"


class ResultLevel(Enum):
    OUTPUT = "output"
    OUTCOME = "outcome"
    IMPACT = "impact"


class GrantStage(Enum):
    PROSPECT = "prospect"
    DRAFTING = "drafting"
    SUBMITTED = "submitted"
    UNDER_REVIEW = "under_review"
    AWARDED = "awarded"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    CONTRACTED = "contracted"
    IN_IMPLEMENTATION = "in_implementation"
    CLOSED = "closed"


class ReportKind(Enum):
    INTERIM = "interim"
    FINAL = "final"
    FINANCIAL = "financial"
    NARRATIVE = "narrative"
    AUDIT = "audit"


class MemorandumKind(Enum):
    UNDERSTANDING = "understanding"
    COOPERATION = "cooperation"
    PARTNERSHIP = "partnership"
    LICENCE = "licence"
    NDA = "nda"
    NETWORK_MEMBERSHIP = "network_membership"
    CONSORTIUM = "consortium"


class PartyType(Enum):
    CENTRAL_AUTHORITY = "central_authority"
    REGIONAL_AUTHORITY = "regional_authority"
    LOCAL_SELF_GOVERNMENT = "local_self_government"
    UNIVERSITY = "university"
    COMPANY = "company"
    CLUSTER = "cluster"
    FOREIGN_PARTNER = "foreign_partner"
    NETWORK = "network"


class MemorandumStage(Enum):
    DRAFT = "draft"
    NEGOTIATION = "negotiation"
    SIGNED = "signed"
    ACTIVE = "active"
    EXPIRED = "expired"
    TERMINATED = "terminated"


class CommitmentStatus(Enum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class InitiativeStatus(Enum):
    PROPOSED = "proposed"
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_DONE = "not_done"
    POSTPONED = "postponed"
    DROPPED = "dropped"


class Health(Enum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"


class OrganizationKind(Enum):
    CLUSTER = "cluster"
    ASSOCIATION = "association"
    FUNDER = "funder"
    AUTHORITY = "authority"
    UNIVERSITY = "university"
    COMPANY = "company"
    DIH = "dih"
    NETWORK = "network"


class AuthorityLevel(Enum):
    CENTRAL = "central"
    REGIONAL = "regional"
    LOCAL = "local"


class Role(Enum):
    """What a signed-in person may do: see web/access.py for the routes of each."""

    ADMIN = "admin"
    FUNDRAISER = "fundraiser"
    BOARD = "board"
    AUDITOR = "auditor"


ALL_ENUMS: tuple[type[Enum], ...] = (
    Priority,
    Category,
    ProjectStage,
    ResultLevel,
    GrantStage,
    ReportKind,
    MemorandumKind,
    PartyType,
    MemorandumStage,
    CommitmentStatus,
    InitiativeStatus,
    Health,
    OrganizationKind,
    AuthorityLevel,
    Role,
)
