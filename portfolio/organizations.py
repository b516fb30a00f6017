"""Use cases for organizations."""

from __future__ import annotations

from uuid import UUID

from domain.enums import AuthorityLevel, OrganizationKind
from domain.organization import Organization
from portfolio.application import PortfolioCore
from portfolio.errors import RuleBrokenError


class OrganizationUseCases(PortfolioCore):
    def _refuse_a_taken_name(self, name_uk: str, org_id: UUID | None = None) -> None:
        if self._taken("rm_organizations", "name_uk", name_uk, org_id):
            raise RuleBrokenError(
                "Another organization is already named «{name}».", about="name_uk", name=name_uk.strip()
            )

    def register_organization(
        self,
        name_uk: str,
        kind: OrganizationKind,
        name_latin: str = "",
        region: str = "",
        country: str = "UA",
        authority_level: AuthorityLevel | None = None,
    ) -> UUID:
        self._refuse_a_taken_name(name_uk)
        return self._create(lambda: Organization.register(name_uk, kind, name_latin, region, country, authority_level))

    def rename_organization(
        self, org_id: UUID, name_uk: str, name_latin: str, expected_version: int | None = None
    ) -> int:
        self._refuse_a_taken_name(name_uk, org_id)
        return self._change(Organization, org_id, lambda o: o.rename(name_uk, name_latin), expected_version)

    def reclassify_organization(
        self, org_id: UUID, kind: OrganizationKind, level: AuthorityLevel | None, expected_version: int | None = None
    ) -> int:
        return self._change(Organization, org_id, lambda o: o.reclassify(kind, level), expected_version)

    def relocate_organization(
        self, org_id: UUID, region: str, country: str, expected_version: int | None = None
    ) -> int:
        return self._change(Organization, org_id, lambda o: o.relocate(region, country), expected_version)

    def archive_organization(self, org_id: UUID, reason: str, expected_version: int | None = None) -> int:
        return self._change(Organization, org_id, lambda o: o.archive(reason), expected_version)
