"""Which columns of each register can be sorted and filtered (what it shows: `portfolio/kinds.py`).

Names sort by their `_key` twins: the Ukrainian alphabet on both stores (see `portfolio/collation.py`)."""

from __future__ import annotations

from portfolio.kinds import GRANT, INITIATIVE, MEMORANDUM, ORGANIZATION, PROJECT, selected
from portfolio.registers import Register

_ORG = "LEFT JOIN rm_organizations o ON o.id = t.{column}"

PROJECTS = Register(
    table=PROJECT.table,
    select=selected(PROJECT),
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
    table=GRANT.table,
    select=selected(GRANT),
    joins=f"{_ORG.format(column='funder_id')} LEFT JOIN rm_organizations a ON a.id = t.applicant_id",
    sorts={
        "title": "t.title_key", "funder": "o.name_uk_key", "stage": "t.stage", "owner": "t.owner_key",
        "requested": "CAST(t.requested_amount AS NUMERIC)", "awarded": "CAST(t.awarded_amount AS NUMERIC)",
        "deadline": "t.deadline", "decided_on": "t.decided_on", "updated": "t.updated_at",
    },
    filters={
        "stage": "t.stage", "funder": "o.name_uk", "owner": "t.owner", "currency": "t.requested_currency",
        "programme": "t.programme", "estimated": "CAST(t.requested_estimated AS TEXT) = {p}",  # 1 or 0
    },
    choices={"funder": "funder_id", "owner": "owner", "currency": "requested_currency", "programme": "programme"},
    default_sort="deadline",
)  # fmt: skip

MEMORANDA = Register(
    table=MEMORANDUM.table,
    select=selected(MEMORANDUM),
    sorts={
        "subject": "t.subject_key", "kind": "t.kind", "stage": "t.stage", "owner": "t.owner_key",
        "signed_on": "t.signed_on", "valid_until": "t.valid_until", "commitments": "t.commitments",
    },
    filters={"stage": "t.stage", "kind": "t.kind", "owner": "t.owner"},
    choices={"owner": "owner"},
    default_sort="signed_on",
)  # fmt: skip

INITIATIVES = Register(
    table=INITIATIVE.table,
    select=selected(INITIATIVE),
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
    table=ORGANIZATION.table,
    select=selected(ORGANIZATION),
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
