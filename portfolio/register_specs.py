"""What each register shows, and which of its columns can be sorted and filtered.

Names sort by their `_key` twins: the Ukrainian alphabet on both stores (see `portfolio/collation.py`)."""

from __future__ import annotations

from portfolio.registers import Register

_ORG = "LEFT JOIN rm_organizations o ON o.id = t.{column}"
_ILLUSTRATIVE = "t.illustrative, t.illustrative_reason"  # a row's mark: its figures are illustrative, and why

PROJECTS = Register(
    table="rm_projects",
    select=(
        "t.id, t.code, t.title, t.stage, t.priority, t.category, t.owner, t.direction, t.regions, "
        "t.budget_amount, t.budget_currency, t.planned_start, t.planned_end, t.version, "
        f"{_ILLUSTRATIVE}, o.name_uk AS organization"
    ),
    joins=_ORG.format(column="organization_id"),
    sorts={
        "code": "t.code", "title": "t.title_key", "organization": "o.name_uk_key", "priority": "t.priority",
        "category": "t.category", "stage": "t.stage", "owner": "t.owner_key", "planned_end": "t.planned_end",
        "budget": "CAST(t.budget_amount AS NUMERIC)", "updated": "t.updated_at",
    },
    filters={
        "stage": "t.stage", "priority": "t.priority", "category": "t.category", "owner": "t.owner",
        "direction": "t.direction", "organization": "o.name_uk", "currency": "t.budget_currency",
        "region": "t.regions_fold LIKE '%' || {p} || '%'",
    },
    choices={
        "organization": "organization_id", "direction": "direction", "owner": "owner", "currency": "budget_currency",
    },
    default_sort="code",
)  # fmt: skip

GRANTS = Register(
    table="rm_grants",
    select=(
        "t.id, t.title, t.stage, t.programme, t.owner, t.requested_amount, t.requested_currency, "
        "t.awarded_amount, t.awarded_currency, t.deadline, t.submitted_on, t.decided_on, "
        "t.contract_signed_on, t.period_start, t.period_end, t.win_probability, t.version, "
        f"{_ILLUSTRATIVE}, o.name_uk AS funder, a.name_uk AS applicant"
    ),
    joins=f"{_ORG.format(column='funder_id')} LEFT JOIN rm_organizations a ON a.id = t.applicant_id",
    sorts={
        "title": "t.title_key", "funder": "o.name_uk_key", "stage": "t.stage", "owner": "t.owner_key",
        "requested": "CAST(t.requested_amount AS NUMERIC)", "awarded": "CAST(t.awarded_amount AS NUMERIC)",
        "deadline": "t.deadline", "decided_on": "t.decided_on", "updated": "t.updated_at",
    },
    filters={
        "stage": "t.stage", "funder": "o.name_uk", "owner": "t.owner", "currency": "t.requested_currency",
        "programme": "t.programme",
    },
    choices={"funder": "funder_id", "owner": "owner", "currency": "requested_currency", "programme": "programme"},
    default_sort="deadline",
)  # fmt: skip

MEMORANDA = Register(
    table="rm_memoranda",
    select=(
        "t.id, t.kind, t.subject, t.owner, t.stage, t.signed_on, t.valid_until, t.parties, "
        f"t.commitments, t.projects, t.version, {_ILLUSTRATIVE}, "
        "CASE WHEN t.stage IN ('signed', 'active') AND t.commitments = 0 AND t.projects = 0 "
        "THEN 1 ELSE 0 END AS lacks_substance"
    ),
    sorts={
        "subject": "t.subject_key", "kind": "t.kind", "stage": "t.stage", "owner": "t.owner_key",
        "signed_on": "t.signed_on", "valid_until": "t.valid_until", "commitments": "t.commitments",
    },
    filters={"stage": "t.stage", "kind": "t.kind", "owner": "t.owner"},
    choices={"owner": "owner"},
    default_sort="signed_on",
)  # fmt: skip

INITIATIVES = Register(
    table="rm_initiatives",
    select=(
        "t.id, t.roadmap, t.direction, t.title, t.owner, t.status, t.health, t.progress, t.target_on, "
        f"t.original_target_on, t.postponements, t.version, {_ILLUSTRATIVE}"
    ),
    sorts={
        "roadmap": "t.roadmap_key", "direction": "t.direction_key", "title": "t.title_key", "owner": "t.owner_key",
        "status": "t.status", "health": "t.health", "progress": "t.progress", "target_on": "t.target_on",
        "postponements": "t.postponements",
    },
    filters={
        "roadmap": "t.roadmap", "direction": "t.direction", "status": "t.status", "health": "t.health",
        "owner": "t.owner",
    },
    choices={"roadmap": "roadmap", "direction": "direction", "owner": "owner"},
    default_sort="target_on",
)  # fmt: skip

ORGANIZATIONS = Register(
    table="rm_organizations",
    select=(
        "t.id, t.name_uk, t.name_latin, t.kind, t.authority_level, t.region, t.country, t.archived, t.version, "
        f"{_ILLUSTRATIVE}"
    ),
    sorts={
        "name": "t.name_uk_key",
        "latin": "t.name_latin_key",
        "kind": "t.kind",
        "region": "t.region_key",
        "country": "t.country",
    },
    filters={"kind": "t.kind", "region": "t.region", "country": "t.country"},
    choices={"region": "region", "country": "country"},
    default_sort="name",
)

REGISTERS = {
    "projects": PROJECTS,
    "grants": GRANTS,
    "memoranda": MEMORANDA,
    "initiatives": INITIATIVES,
    "organizations": ORGANIZATIONS,
}
