from __future__ import annotations

from domain.context import recording
from domain.enums import Category, OrganizationKind, Priority
from tests.portfolio.scenario import build


def test_the_overview_lists_every_kind_of_record_with_its_stage(app, signed_in):
    build(app.extensions["portfolio"])
    page = signed_in("board").get("/")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    shown = ("ClusteRISE", "USAID beds", "Cooperation with the city", "Basic maturity", "грант надано", "перенесено")
    for text in shown:
        assert text in html
    assert "лише на папері" in html  # the signed membership with no commitment and no project


def test_an_empty_portfolio_says_how_to_load_the_demo(signed_in):
    html = signed_in("auditor").get("/").get_data(as_text=True)
    assert "demo load" in html


def test_user_text_is_escaped_on_the_overview(app, signed_in):
    portfolio = app.extensions["portfolio"]
    with recording("olena"):
        org = portfolio.register_organization("<script>alert(1)</script>", OrganizationKind.CLUSTER)
        portfolio.propose_project("X-1", "<b>bold</b>", org, "me", Priority.NOW, Category.VALUE_CHAINS)
    html = signed_in("fundraiser").get("/").get_data(as_text=True)
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "<script>alert(1)</script>" not in html
