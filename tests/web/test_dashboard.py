"""The dashboard: figures computed from the records, charts as SVG, readable without JavaScript."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from domain.context import recording
from domain.enums import OrganizationKind
from domain.money import Money
from portfolio.dashboard import STAGE_ORDER
from tests.portfolio.scenario import build


@pytest.fixture
def ids(app):
    portfolio = app.extensions["portfolio"]
    ids = build(portfolio)
    with recording("olena"):
        soon = datetime.now(UTC) + timedelta(days=12)
        ids["soon"] = portfolio.prospect_application(
            "Due soon", ids["funder"], ids["cluster"], "Olena", Money.of("1000", "EUR"), deadline=soon
        )
        lost = portfolio.prospect_application("Lost", ids["funder"], ids["cluster"], "Olena", Money.of("5", "EUR"))
        portfolio.mark_rejected(lost, "out of scope", date(2023, 1, 1))
        portfolio.record_exchange_rate("UAH", "EUR", Decimal("0.025"), date(2023, 1, 9))
    return ids


def test_the_dashboard_shows_every_figure_with_svg_charts(signed_in, ids):
    html = signed_in("board").get("/dashboard/").get_data(as_text=True).replace("\xa0", " ").replace("\u202f", " ")
    assert html.count('<svg class="chart"') == 3 and "<title>" in html  # by stage, priority and category
    funders = html.split('id="funder-chart"')[1].split("</table>")[0]  # funders' names are long: in HTML
    assert '<th scope="row" title="GIZ">GIZ</th>' in funders and "<svg" in funders
    assert "50%" in html  # one won, one lost
    assert "112 500,00" in html  # the UAH 4.5 M award at 0.025
    assert "Due soon" in html  # a deadline within 30 days
    assert "Permanent members" in html  # KPI progress
    assert "Network membership" in html  # the paper-only memorandum
    assert "Basic maturity" in html  # an initiative at risk


def test_the_dashboard_of_an_empty_portfolio_says_so(signed_in):
    html = signed_in("auditor").get("/dashboard/").get_data(as_text=True)
    assert "—" in html and "<svg" in html


def test_stage_analytics_show_days_in_stage_and_win_rates(signed_in, app):
    from tests.portfolio.scenario import build

    build(app.extensions["portfolio"])
    html = signed_in("board").get("/dashboard/stages").get_data(as_text=True)
    assert 'id="stage-times-grant"' in html and 'id="win-rates"' in html and "GIZ" in html


# The pipeline's stages as the funnel names them, in its order, then the ends it did not reach.
FUNNEL_UK = ["потенційна заявка", "підготовка", "подано", "на розгляді", "грант надано", "укладено договір",
             "реалізація", "закрито", "відхилено", "відкликано"]  # fmt: skip


def test_the_funnel_lists_every_stage_of_the_pipeline_in_its_order_even_with_no_applications(app, signed_in, ids):
    """Only prospect, awarded and rejected have applications: the other stages are there at 0, so the
    funnel's rows do not move as the figures change."""
    html = signed_in("board").get("/dashboard/").get_data(as_text=True).replace("\xa0", " ")
    funnel = html.split('id="by-stage"')[1].split("</svg>")[0]
    names = re.findall(r'text-anchor="end"[^>]*>([^<]*)<title>', funnel)
    assert names == FUNNEL_UK
    assert funnel.count("0,00 EUR · 0<") == len(FUNNEL_UK) - 3  # the stages without applications, at 0
    figures = app.extensions["portfolio"].dashboard("EUR", datetime.now(UTC))
    assert [row["name"] for row in figures["funnel"]] == STAGE_ORDER
    assert [row["name"] for row in figures["by_stage"]] == ["prospect", "awarded", "rejected"]  # what the pack seals


def test_the_illustrative_shares_are_listed_in_the_charts_order(app, signed_in, ids):
    portfolio = app.extensions["portfolio"]
    with recording("olena"):
        big = portfolio.register_organization("Європейська рада з інновацій (EIC) / EISMEA", OrganizationKind.FUNDER)
        large = portfolio.prospect_application("Large", big, ids["cluster"], "Olena", Money.of("900000", "EUR"))
        portfolio.submit_application(large, date(2023, 2, 1))
        for grant in (ids["soon"], large, ids["grant"]):
            portfolio.mark_illustrative(grant, "Invented for a demo")
    figures = portfolio.dashboard("EUR", datetime.now(UTC))
    shown = [row["name"] for row in figures["by_funder"]]
    assert (
        shown[0] == "Європейська рада з інновацій (EIC) / EISMEA"
        and list(figures["illustrative"]["by_funder"]) == shown
    )
    stages = list(figures["illustrative"]["by_stage"])
    assert stages == sorted(stages, key=STAGE_ORDER.index) == ["prospect", "submitted", "awarded"]
    html = signed_in("board").get("/dashboard/").get_data(as_text=True)
    listed = html.split('id="by-funder"')[1].split("</section>")[0].split('class="illustrative-shares"')[1]
    assert listed.index("Європейська рада") < listed.index("GIZ")
