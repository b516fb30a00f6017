"""A stored event can never stop the tracker: an event an older version (or a hand in the database)
stored that the read models cannot apply is set aside, the app boots and serves, every other record
stays writable, and an admin repairs it with a correction and a release, on both stores."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from domain.account import Account, account_id
from domain.context import recording
from domain.enums import OrganizationKind, Role
from domain.grant import GrantApplication
from domain.localtime import KYIV
from domain.money import Money
from domain.organization import Organization
from portfolio.errors import NotFoundError, RuleBrokenError
from tests.portfolio.stored_directly import fresh_id, store_unchecked


@pytest.fixture
def poisoned(store_url, open_portfolio):
    """A grant whose deadline an older version stored as 1 January of the year 1."""
    app = open_portfolio(store_url)
    with recording("olena"):
        funder = app.register_organization("GIZ", OrganizationKind.FUNDER)
        grant = app.prospect_application("Beds", funder, funder, "olena", Money.of("100", "EUR"))
    store_unchecked(app, GrantApplication.DeadlineSet, grant, 2, deadline=datetime(1, 1, 1, tzinfo=KYIV))
    return store_url, grant, funder


def test_the_app_boots_sets_the_event_aside_and_stays_writable(poisoned, open_portfolio):
    url, grant, _ = poisoned
    app = open_portfolio(url)  # a worker starting: the catch-up passes the event
    status = app.projector.status()
    assert status.position == status.head
    [entry] = app.quarantined()
    assert (entry["record_id"], entry["event"], entry["version"]) == (str(grant), "DeadlineSet", 2)
    assert "OverflowError" in entry["error"] and entry["released_at"] is None
    assert app.stale_records() == {str(grant)}
    with recording("olena"):
        other = app.register_organization("Written after it", OrganizationKind.CLUSTER)
        app.set_deadline(grant, datetime(2027, 3, 31, 17, tzinfo=KYIV))  # the record itself is writable too
    assert app.organization_detail(other)["name_uk"] == "Written after it"
    assert app.projector.status().lag == 0


def test_an_admin_repairs_the_record_and_releases_the_event(poisoned, open_portfolio):
    url, grant, _ = poisoned
    app = open_portfolio(url)
    position = app.quarantined()[0]["position"]
    with recording("olena"):
        app.set_deadline(grant, datetime(2027, 3, 31, 17, tzinfo=KYIV))
    with recording("admin", "The deadline was re-entered from the call text"):
        app.release_from_quarantine(position, "The deadline was re-entered from the call text")
    [entry] = app.quarantined()
    assert entry["released_by"] == "admin" and entry["released_reason"].startswith("The deadline")
    assert app.stale_records() == frozenset()
    with recording("admin", "again"), pytest.raises(RuleBrokenError):
        app.release_from_quarantine(position, "again")
    with recording("admin", "no such"), pytest.raises(NotFoundError):
        app.release_from_quarantine(position + 100, "no such")
    app.projector.rebuild()  # the same event is set aside again, and released again by its release
    assert [(e["position"], e["released_by"]) for e in app.quarantined()] == [(position, "admin")]
    assert app.grant_detail(grant)["deadline"] == datetime(2027, 3, 31, 17, tzinfo=KYIV)


def test_a_release_needs_a_reason(poisoned, open_portfolio):
    url, _, _ = poisoned
    app = open_portfolio(url)
    with recording("admin"), pytest.raises(RuleBrokenError):
        app.release_from_quarantine(app.quarantined()[0]["position"], " ")


def test_a_forged_account_reusing_a_name_is_set_aside_instead_of_retried_for_ever(store_url, open_portfolio):
    app = open_portfolio(store_url)
    with recording("setup"):
        app.open_account("olena", Role.FUNDRAISER, "a long enough password")
    forged = fresh_id()  # not the id the name gives: the store takes it, the register's unique name does not
    store_unchecked(app, Account.Opened, forged, 1, username="olena", role=Role.ADMIN, password_hash="x",
                    originator_topic="domain.account:Account")  # fmt: skip
    assert app.projector.catch_up() == 1
    [entry] = app.quarantined()
    assert entry["record_id"] == str(forged) and "IntegrityError" in entry["error"]
    assert app.account("olena")["role"] is Role.FUNDRAISER
    assert account_id("olena") != forged


def test_text_an_older_version_stored_unchecked_reads_safely(store_url, open_portfolio):
    """NUL and other control characters read as U+FFFD: PostgreSQL's columns, exports and pages take it."""
    app = open_portfolio(store_url)
    organization = fresh_id()
    store_unchecked(app, Organization.Registered, organization, 1, name_uk="a\x00b\x01", name_latin="",
                    kind=OrganizationKind.CLUSTER, region="", country="UA", authority_level=None,
                    originator_topic="domain.organization:Organization")  # fmt: skip
    app.projector.catch_up()
    assert app.quarantined() == []
    assert app.organization_detail(organization)["name_uk"] == "a\ufffdb\ufffd"
    assert [o["name_uk"] for o in app.queries.organizations()] == ["a\ufffdb\ufffd"]
    stored = app.recorder.select_notifications(start=1, limit=1)[0].state
    assert b"\\u0000" in stored  # the stored event, which the chain covers, is as it was


def test_an_amount_too_large_for_the_rules_of_today_still_reads(store_url, open_portfolio):
    app = open_portfolio(store_url)
    with recording("olena"):
        funder = app.register_organization("GIZ", OrganizationKind.FUNDER)
        grant = app.prospect_application("Beds", funder, funder, "olena", Money.of("100", "EUR"))
    store_unchecked(app, GrantApplication.RequestChanged, grant, 2,
                    requested=Money.as_stored(Decimal("1e26"), "EUR"), co_financing=None)  # fmt: skip
    app.projector.catch_up()
    assert app.grant_detail(grant)["requested"].amount == Decimal("1e26")
    assert app.dashboard("EUR", datetime.now(UTC)) is not None
