"""Organization: registered once, renamed, reclassified, relocated, archived with a reason."""

from __future__ import annotations

import pytest

from domain.enums import AuthorityLevel, OrganizationKind
from domain.errors import DomainError
from domain.organization import Organization
from tests.domain.support import declared_event_names, event_names, new_events, state

pytestmark = pytest.mark.usefixtures("as_tester")

K = OrganizationKind


@pytest.fixture
def cluster() -> Organization:
    org = Organization.register(
        "Запорізький ІАМ кластер", K.CLUSTER, name_latin="Zaporizhzhia IAM Cluster", region="Zaporizhzhia"
    )
    new_events(org)
    return org


def test_registering_an_organization_records_its_names_kind_and_place():
    org = Organization.register(
        "  Харківська міська рада ",
        K.AUTHORITY,
        name_latin=" Kharkiv City Council ",
        region=" Kharkiv ",
        country="ua",
        authority_level=AuthorityLevel.LOCAL,
    )

    [registered] = new_events(org)
    assert type(registered).__name__ == "Registered"
    assert registered.name_uk == "Харківська міська рада"
    assert (org.name_uk, org.name_latin) == ("Харківська міська рада", "Kharkiv City Council")
    assert (org.kind, org.authority_level) == (K.AUTHORITY, AuthorityLevel.LOCAL)
    assert (org.region, org.country) == ("Kharkiv", "UA")
    assert org.archived is False


def test_an_organization_is_in_ukraine_unless_said_otherwise():
    assert Organization.register("АППАУ", K.ASSOCIATION).country == "UA"


@pytest.mark.parametrize(
    ("name", "kind", "country", "level", "message"),
    [
        ("", K.CLUSTER, "UA", None, "name"),
        ("   ", K.CLUSTER, "UA", None, "name"),
        ("Мінекономіки", K.AUTHORITY, "UA", None, "level"),
        ("GIZ", K.FUNDER, "DE", AuthorityLevel.CENTRAL, "Only an authority"),
        ("EIT Manufacturing", K.NETWORK, "", None, "country code"),
        ("EIT Manufacturing", K.NETWORK, "EUR", None, "country code"),
        ("EIT Manufacturing", K.NETWORK, "U", None, "country code"),
        ("EIT Manufacturing", K.NETWORK, "12", None, "country code"),
    ],
)
def test_cannot_register_an_organization_with_invalid_details(name, kind, country, level, message):
    with pytest.raises(DomainError, match=message):
        Organization.register(name, kind, country=country, authority_level=level)


def test_renaming_records_both_names(cluster):
    cluster.rename("Запорізький кластер ІАМ", " IAM Cluster Zaporizhzhia ")

    [renamed] = new_events(cluster)
    assert type(renamed).__name__ == "Renamed"
    assert (renamed.name_uk, renamed.name_latin) == ("Запорізький кластер ІАМ", "IAM Cluster Zaporizhzhia")
    assert cluster.name_latin == "IAM Cluster Zaporizhzhia"


def test_renaming_to_the_same_names_records_nothing(cluster):
    cluster.rename(cluster.name_uk, f" {cluster.name_latin} ")

    assert event_names(cluster) == []


def test_cannot_rename_an_organization_to_an_empty_name(cluster):
    with pytest.raises(DomainError, match="name"):
        cluster.rename(" ", "Nameless")


def test_reclassifying_records_the_kind_and_level(cluster):
    cluster.reclassify(K.AUTHORITY, AuthorityLevel.REGIONAL)

    [reclassified] = new_events(cluster)
    assert type(reclassified).__name__ == "Reclassified"
    assert (reclassified.kind, reclassified.authority_level) == (K.AUTHORITY, AuthorityLevel.REGIONAL)
    assert cluster.kind is K.AUTHORITY


def test_reclassifying_to_the_same_kind_records_nothing(cluster):
    cluster.reclassify(K.CLUSTER, None)

    assert event_names(cluster) == []


@pytest.mark.parametrize(("kind", "level"), [(K.AUTHORITY, None), (K.UNIVERSITY, AuthorityLevel.CENTRAL)])
def test_cannot_reclassify_with_a_level_that_does_not_fit_the_kind(cluster, kind, level):
    with pytest.raises(DomainError):
        cluster.reclassify(kind, level)


def test_relocating_records_region_and_country(cluster):
    cluster.relocate(" Brno ", "cz")

    [relocated] = new_events(cluster)
    assert type(relocated).__name__ == "Relocated"
    assert (relocated.region, relocated.country) == ("Brno", "CZ")
    assert (cluster.region, cluster.country) == ("Brno", "CZ")


def test_relocating_to_the_same_place_records_nothing(cluster):
    cluster.relocate("Zaporizhzhia ", "ua")

    assert event_names(cluster) == []


def test_cannot_relocate_to_an_unknown_country_code(cluster):
    with pytest.raises(DomainError, match="country code"):
        cluster.relocate("Kyiv", "Ukraine")


def test_archiving_records_the_reason(cluster):
    cluster.archive(" merged into the national alliance ")

    [archived] = new_events(cluster)
    assert type(archived).__name__ == "Archived"
    assert archived.reason == "merged into the national alliance"
    assert cluster.archived is True


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_archiving_needs_a_reason(cluster, reason):
    with pytest.raises(DomainError, match="reason"):
        cluster.archive(reason)
    assert cluster.archived is False


@pytest.mark.parametrize(
    "change",
    [
        lambda org: org.rename("Нова назва", "New name"),
        lambda org: org.reclassify(K.DIH, None),
        lambda org: org.relocate("Lviv", "UA"),
        lambda org: org.archive("again"),
    ],
    ids=["rename", "reclassify", "relocate", "archive"],
)
def test_an_archived_organization_cannot_be_changed(cluster, change):
    cluster.archive("closed down")
    new_events(cluster)

    with pytest.raises(DomainError, match="archived"):
        change(cluster)
    assert event_names(cluster) == []


def test_the_full_history_uses_every_event_type_and_replays_to_an_equal_state(store, replayed):
    org = Organization.register("Кластер", K.CLUSTER, region="Kharkiv")
    org.rename("Харківський ІТ кластер", "Kharkiv IT Cluster")
    org.reclassify(K.AUTHORITY, AuthorityLevel.REGIONAL)
    org.relocate("Kharkiv oblast", "UA")
    org.archive("duplicate record")
    org.mark_illustrative("name invented for a demo")
    org.clear_illustrative("name confirmed")
    org.mark_illustrative("region invented")

    again = replayed(org)

    assert state(again) == state(org)
    assert (again.name_latin, again.authority_level, again.archived) == (
        "Kharkiv IT Cluster",
        AuthorityLevel.REGIONAL,
        True,
    )
    stored = [type(e).__name__ for e in store.events.get(org.id)]
    assert stored == ["Registered", "Renamed", "Reclassified", "Relocated", "Archived", "MarkedIllustrative",
                      "IllustrativeCleared", "MarkedIllustrative"]  # fmt: skip
    assert set(stored) == declared_event_names(Organization)
