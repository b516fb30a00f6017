"""The dashboard: figures computed from the records, charts as SVG, readable without JavaScript."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from domain.context import recording
from domain.money import Money
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
    assert html.count("<svg") == 4 and "<title>" in html
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
