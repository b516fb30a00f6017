"""Detail views: one record with its sub-records and its links in both directions, as plain dicts."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import Any
from uuid import UUID

from domain.grant import GrantApplication
from domain.initiative import RoadmapInitiative
from domain.memorandum import Memorandum
from domain.money import Money
from domain.organization import Organization
from domain.project import CHECKLIST, Project
from domain.record import Record
from portfolio.application import PortfolioCore
from portfolio.kinds import KINDS


def plain(value: Any) -> Any:
    """Sub-records as dicts; keyed collections of sub-records as lists in their order."""
    if isinstance(value, Money):
        return value
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, dict) and all(isinstance(key, UUID) for key in value):  # sub-records by id
        return [plain(item) for item in value.values()]
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


class DetailQueries(PortfolioCore):
    def project_detail(self, project_id: UUID) -> dict[str, Any]:
        project = self._load(Project, project_id)
        detail = self._detail(project)
        detail["checklist_verdict"] = project.checklist_verdict
        detail["checklist_questions"] = CHECKLIST
        for kpi, row in zip(project.kpis.values(), detail["kpis"], strict=True):
            row["actual"] = kpi.actual
        detail["organization"] = self._organization_name(project.organization_id)
        self._name_partners(detail)
        detail["links"] = self._links_to(project_id)
        return detail

    def grant_detail(self, grant_id: UUID) -> dict[str, Any]:
        grant = self._load(GrantApplication, grant_id)
        detail = self._detail(grant)
        detail["received"] = grant.received
        detail["funder"] = self._organization_name(grant.funder_id)
        detail["applicant"] = self._organization_name(grant.applicant_id)
        self._name_partners(detail)
        detail["links"] = self._links_from(grant_id)
        return detail

    def memorandum_detail(self, memorandum_id: UUID) -> dict[str, Any]:
        memorandum = self._load(Memorandum, memorandum_id)
        detail = self._detail(memorandum)
        detail["lacks_substance"] = memorandum.lacks_substance
        for party in detail["parties"]:
            party["name"] = self._organization_name(party["organization_id"])
        detail["links"] = self._links_from(memorandum_id)
        return detail

    def initiative_detail(self, initiative_id: UUID) -> dict[str, Any]:
        initiative = self._load(RoadmapInitiative, initiative_id)
        detail = self._detail(initiative)
        detail["target_quarter"] = initiative.target_quarter
        detail["slip_days"] = initiative.slip_days
        detail["links"] = self._links_from(initiative_id)
        return detail

    def organization_detail(self, organization_id: UUID) -> dict[str, Any]:
        detail = self._detail(self._load(Organization, organization_id))
        oid = str(organization_id)
        detail["projects"] = self.read_models.query(
            "SELECT id, code, title, stage FROM rm_projects WHERE organization_id = :id ORDER BY code", {"id": oid}
        )
        detail["grants"] = self.read_models.query(
            "SELECT id, title, stage FROM rm_grants WHERE funder_id = :id OR applicant_id = :id ORDER BY title_key",
            {"id": oid},
        )
        return detail

    def _detail(self, record: Record) -> dict[str, Any]:
        detail = {key: plain(value) for key, value in vars(record).items() if not key.startswith("_")}
        detail.update(
            id=record.id, version=record.version, created_on=record.created_on, modified_on=record.modified_on
        )
        detail["illustrative"] = getattr(record, "illustrative", None)  # why its figures are illustrative, if they are
        return detail

    def _name_partners(self, detail: dict[str, Any]) -> None:
        for partner in detail["partners"]:
            partner["name"] = self._organization_name(partner["organization_id"])

    def _organization_name(self, organization_id: UUID | None) -> str:
        if organization_id is None:
            return ""
        rows = self.read_models.query(
            "SELECT name_uk FROM rm_organizations WHERE id = :id", {"id": str(organization_id)}
        )
        return rows[0]["name_uk"] if rows else ""

    def _links_to(self, record_id: UUID) -> list[dict[str, Any]]:
        """Records that link to this one (grants, memoranda, initiatives of a project)."""
        rows = self.read_models.query(
            "SELECT from_kind AS kind, from_id AS id FROM rm_links WHERE to_id = :id", {"id": str(record_id)}
        )
        return [self._titled(row) for row in rows]

    def _links_from(self, record_id: UUID) -> list[dict[str, Any]]:
        rows = self.read_models.query(
            "SELECT to_kind AS kind, to_id AS id FROM rm_links WHERE from_id = :id", {"id": str(record_id)}
        )
        return [self._titled(row) for row in rows]

    def _titled(self, link: dict[str, Any]) -> dict[str, Any]:
        kind = KINDS[link["kind"]]
        sql = f"SELECT {kind.title} AS title, {kind.stage} AS stage FROM {kind.table} WHERE id = :id"
        rows = self.read_models.query(sql, link)
        return {**link, **(rows[0] if rows else {"title": "?", "stage": ""})}
