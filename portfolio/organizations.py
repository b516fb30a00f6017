"""Use cases for organizations."""

from __future__ import annotations

from uuid import UUID

from domain.enums import AuthorityLevel, OrganizationKind
from domain.organization import Organization
from portfolio.application import PortfolioCore


class OrganizationUseCases(PortfolioCore):
    def register_organization(
        self,
        name_uk: str,
        kind: OrganizationKind,
        name_latin: str = "",
        region: str = "",
        country: str = "UA",
        authority_level: AuthorityLevel | None = None,
    ) -> UUID:
        return self._create(lambda: Organization.register(name_uk, kind, name_latin, region, country, authority_level))

    def rename_organization(
        self, org_id: UUID, name_uk: str, name_latin: str, expected_version: int | None = None
    ) -> int:
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
