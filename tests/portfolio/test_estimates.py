"""An amount may be an estimate, not a fact (the seeds give many as "about"): an application's requested
and co-financing amounts and a project's budget say so on the record, in the registers and the
dashboard's totals, on both stores; an application an older version stored states its amounts as facts."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from uuid import uuid4

import pytest

from domain.context import recording
from domain.enums import Category, OrganizationKind, Priority
from domain.errors import DomainError
from domain.grant import GrantApplication
from domain.money import Money
from domain.project import Project
from portfolio.registers import ListRequest
from tests.portfolio.stored_directly import store_as_version_1

NOW = datetime(2026, 12, 1, tzinfo=UTC)


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


def grant_row(app) -> dict:
    [row] = app.list_register("grants", ListRequest()).rows
    return row


def estimated_by_stage(app) -> dict[str, Decimal]:
    figures = app.dashboard("EUR", NOW)["estimated"]
    return {stage: share.amount for stage, share in figures["by_stage"].items()}


def test_an_application_says_which_amounts_are_estimates_on_the_record_the_register_and_the_dashboard(
    store_url, open_portfolio
):
    app = open_portfolio(store_url)
    with recording("olena"):
        funder = app.register_organization("GIZ", OrganizationKind.FUNDER)
        grant = app.prospect_application("Beds", funder, funder, "olena", eur("100"), requested_estimated=True)
        other = app.prospect_application("Roads", funder, funder, "olena", eur("40"))
    detail = app.grant_detail(grant)
    assert (detail["requested_estimated"], detail["co_financing_estimated"]) == (True, False)
    rows = {row["id"]: row for row in app.list_register("grants", ListRequest()).rows}
    assert (rows[str(grant)]["requested_estimated"], rows[str(other)]["requested_estimated"]) == (1, 0)
    assert estimated_by_stage(app) == {"prospect": Decimal(100)}  # of the 140 requested, 100 is an estimate
    for said, titles in (("1", ["Beds"]), ("0", ["Roads"]), ("yes'--", [])):  # the register's filter
        shown = app.list_register("grants", ListRequest(filters={"estimated": said})).rows
        assert [row["title"] for row in shown] == titles

    with recording("olena"):  # the call's budget table gives the figures: facts now, with an estimated co-financing
        app.change_request(grant, eur("120"), eur("30"), requested_estimated=False, co_financing_estimated=True)
    detail = app.grant_detail(grant)
    assert (detail["requested_estimated"], detail["co_financing_estimated"]) == (False, True)
    rows = {row["id"]: row for row in app.list_register("grants", ListRequest()).rows}
    assert (rows[str(grant)]["requested_amount"], rows[str(grant)]["requested_estimated"]) == ("120", 0)
    assert estimated_by_stage(app) == {}


def test_only_an_amount_given_can_be_an_estimate_refused_beside_the_amount():
    with recording("olena"):
        with pytest.raises(DomainError) as refused:
            GrantApplication.prospect("Beds", uuid4(), uuid4(), "olena", eur("1"), co_financing_estimated=True)
        assert refused.value.about == "co_financing"
        grant = GrantApplication.prospect("Beds", uuid4(), uuid4(), "olena", eur("1"), co_financing=eur("1"))
        with pytest.raises(DomainError) as refused:
            grant.change_request(eur("2"), None, True, True)
        assert refused.value.about == "co_financing" and grant.co_financing == eur("1")
        project = Project.propose("P-1", "Park", uuid4(), "taras", Priority.NOW, Category.VALUE_CHAINS)
        with pytest.raises(DomainError) as refused:
            project.plan(None, True, None, None)
        assert refused.value.about == "budget"


def test_whether_the_amounts_were_estimates_may_be_corrected_after_the_decision_the_amounts_may_not():
    with recording("olena"):
        grant = GrantApplication.prospect("Beds", uuid4(), uuid4(), "olena", eur("80"), requested_estimated=True)
        grant.submit(datetime(2026, 3, 1, tzinfo=UTC).date())
        grant.award(eur("70"), datetime(2026, 6, 1, tzinfo=UTC).date())
        grant.change_request(eur("80"), None, False, False)
        assert grant.requested_estimated is False
        with pytest.raises(DomainError):
            grant.change_request(eur("90"), None, False, False)
        version = grant.version
        grant.change_request(eur("80"), None, False, False)  # nothing changes: nothing is recorded
        assert grant.version == version


def test_an_award_is_a_fact_so_the_estimate_leaves_the_dashboards_totals_once_won(store_url, open_portfolio):
    app = open_portfolio(store_url)
    with recording("olena"):
        funder = app.register_organization("GIZ", OrganizationKind.FUNDER)
        grant = app.prospect_application("Beds", funder, funder, "olena", eur("100"), requested_estimated=True)
        app.submit_application(grant, datetime(2026, 3, 1, tzinfo=UTC).date())
        assert estimated_by_stage(app) == {"submitted": Decimal(100)}
        app.record_award(grant, eur("90"), datetime(2026, 6, 1, tzinfo=UTC).date())
    assert estimated_by_stage(app) == {}
    assert app.grant_detail(grant)["requested_estimated"] is True  # what was asked for stays an estimate


def test_an_application_an_older_version_stored_states_its_amounts_as_facts(store_url, open_portfolio):
    app = open_portfolio(store_url)
    with recording("olena"):
        funder = app.register_organization("GIZ", OrganizationKind.FUNDER)
        grant = GrantApplication.prospect("Beds", funder, funder, "olena", eur("100"), requested_estimated=True)
        grant.change_request(eur("120"), eur("10"), True, True)
    store_as_version_1(app, grant.collect_events(), "requested_estimated", "co_financing_estimated")
    app = open_portfolio(store_url)  # a worker starting: the catch-up projects the stored events
    detail = app.grant_detail(grant.id)
    assert (detail["requested"], detail["co_financing"]) == (eur("120"), eur("10"))
    assert (detail["requested_estimated"], detail["co_financing_estimated"]) == (False, False)
    assert grant_row(app)["requested_estimated"] == 0 and app.quarantined() == []
    with recording("olena"):  # and it changes as any other: the new event is version 2
        app.change_request(grant.id, eur("130"), None, requested_estimated=True)
    assert grant_row(app)["requested_estimated"] == 1
