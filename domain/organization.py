"""Organization: a cluster, funder, authority, university, company or network."""

from __future__ import annotations

from eventsourcing.domain import event

from domain.enums import AuthorityLevel, OrganizationKind
from domain.errors import N_, DomainError
from domain.illustrative import Illustrative
from domain.record import require_reason, require_text


class Organization(Illustrative):
    class Registered(Illustrative.Created):
        name_uk: str
        name_latin: str
        kind: OrganizationKind
        region: str
        country: str
        authority_level: AuthorityLevel | None

    @event(Registered)
    def __init__(
        self,
        name_uk: str,
        name_latin: str,
        kind: OrganizationKind,
        region: str,
        country: str,
        authority_level: AuthorityLevel | None = None,
    ) -> None:
        self.name_uk = name_uk
        self.name_latin = name_latin
        self.kind = kind
        self.authority_level = authority_level
        self.region = region
        self.country = country
        self.archived = False

    @classmethod
    def register(
        cls,
        name_uk: str,
        kind: OrganizationKind,
        name_latin: str = "",
        region: str = "",
        country: str = "UA",
        authority_level: AuthorityLevel | None = None,
    ) -> Organization:
        _check_level(kind, authority_level)
        return cls(
            name_uk=require_text(name_uk, N_("The organization's name")),
            name_latin=(name_latin or "").strip(),
            kind=kind,
            region=(region or "").strip(),
            country=_country(country),
            authority_level=authority_level,
        )

    def rename(self, name_uk: str, name_latin: str) -> None:
        self._check_not_archived()
        name_uk = require_text(name_uk, N_("The organization's name"))
        if (name_uk, name_latin.strip()) != (self.name_uk, self.name_latin):
            self._renamed(name_uk=name_uk, name_latin=name_latin.strip())

    class Renamed(Illustrative.Event):
        name_uk: str
        name_latin: str

    @event(Renamed)
    def _renamed(self, name_uk: str, name_latin: str) -> None:
        self.name_uk = name_uk
        self.name_latin = name_latin

    def reclassify(self, kind: OrganizationKind, authority_level: AuthorityLevel | None) -> None:
        self._check_not_archived()
        _check_level(kind, authority_level)
        if (kind, authority_level) != (self.kind, self.authority_level):
            self._reclassified(kind=kind, authority_level=authority_level)

    class Reclassified(Illustrative.Event):
        kind: OrganizationKind
        authority_level: AuthorityLevel | None

    @event(Reclassified)
    def _reclassified(self, kind: OrganizationKind, authority_level: AuthorityLevel | None) -> None:
        self.kind = kind
        self.authority_level = authority_level

    def relocate(self, region: str, country: str) -> None:
        self._check_not_archived()
        country = _country(country)
        if (region.strip(), country) != (self.region, self.country):
            self._relocated(region=region.strip(), country=country)

    class Relocated(Illustrative.Event):
        region: str
        country: str

    @event(Relocated)
    def _relocated(self, region: str, country: str) -> None:
        self.region = region
        self.country = country

    def archive(self, reason: str) -> None:
        self._check_not_archived()
        self._archived(reason=require_reason(reason, N_("archive an organization")))

    class Archived(Illustrative.Event):
        reason: str

    @event(Archived)
    def _archived(self, reason: str) -> None:
        self.archived = True

    def _check_not_archived(self) -> None:
        if self.archived:
            raise DomainError("{name} is archived and cannot be changed.", name=self.name_uk)


def _check_level(kind: OrganizationKind, level: AuthorityLevel | None) -> None:
    if kind is OrganizationKind.AUTHORITY and level is None:
        raise DomainError("An authority needs its level: central, regional or local.", about="authority_level")
    if kind is not OrganizationKind.AUTHORITY and level is not None:
        raise DomainError("Only an authority has a level.", about="authority_level")


def _country(code: str) -> str:
    code = (code or "").strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise DomainError("'{code}' is not a two-letter country code such as UA or DE.", code=code)
    return code
