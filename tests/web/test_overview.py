from __future__ import annotations

from domain.context import recording
from domain.enums import Category, OrganizationKind, Priority
from domain.money import Money
from tests.portfolio.scenario import build

SECTIONS = {
    "fundraiser": {"open-applications", "due-soon"},
    "board": {"troubled-initiatives", "awaiting-decision"},
    "auditor": {"chain-state", "latest-events", "latest-corrections"},
    "admin": {"troubled-initiatives", "awaiting-decision", "chain-state", "latest-events", "latest-corrections"},
}
EVERY_SECTION = set().union(*SECTIONS.values())


def test_each_role_starts_on_what_it_looks_at_first(app, signed_in):
    """Not a wall of every table (issue 18): a fundraiser's open applications and what falls due, a
    board member's troubled initiatives and decisions to take, an auditor's log."""
    portfolio = app.extensions["portfolio"]
    ids = build(portfolio)
    for role, sections in SECTIONS.items():
        html = signed_in(role).get("/").get_data(as_text=True)
        assert {s for s in EVERY_SECTION if f'id="{s}"' in html} == sections, role
    board = signed_in("board").get("/").get_data(as_text=True)
    assert "Basic maturity" in board and "під загрозою" in board
    client = signed_in("fundraiser")
    assert "Відкритих заявок немає." in client.get("/").get_data(as_text=True)  # the scenario's was awarded
    with recording("olena"):
        portfolio.prospect_application("Someone's", ids["funder"], ids["cluster"], "Olena", Money.of("1", "EUR"))
    assert "Жодна не називає вас (fundraiser) відповідальним" in client.get("/").get_data(as_text=True)
    with recording("olena"):
        portfolio.prospect_application("Mine", ids["funder"], ids["cluster"], "Fundraiser", Money.of("1", "EUR"))
    html = client.get("/").get_data(as_text=True)
    assert "Мої відкриті заявки" in html and "Mine" in html and "Someone&#39;s" not in html
    auditor = signed_in("auditor").get("/").get_data(as_text=True)
    assert "board.petrenko" in auditor  # who recorded the scenario's latest events
    assert "Поки немає." in auditor.split('id="latest-corrections"')[1]  # the scenario corrected nothing


def test_an_empty_portfolio_says_how_to_load_the_demo(signed_in):
    html = signed_in("auditor").get("/").get_data(as_text=True)
    assert "demo load" in html


def test_user_text_is_escaped_on_the_overview(app, signed_in):
    portfolio = app.extensions["portfolio"]
    with recording("olena"):
        org = portfolio.register_organization("<script>alert(1)</script>", OrganizationKind.CLUSTER)
        portfolio.propose_project("X-1", "<b>bold</b>", org, "me", Priority.NOW, Category.VALUE_CHAINS)
        portfolio.prospect_application("<b>bold</b>", org, org, "fundraiser", Money.of("1", "EUR"))
    html = signed_in("fundraiser").get("/").get_data(as_text=True)
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "<script>alert(1)</script>" not in html
