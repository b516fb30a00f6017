"""Exchange rates and conversion of totals into the reporting currency."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.context import recording
from portfolio.errors import RuleBrokenError


def test_totals_convert_with_the_latest_rate_and_say_which_date(sqlite_url, open_portfolio):
    app = open_portfolio(sqlite_url)
    with recording("taras"):
        app.record_exchange_rate("UAH", "EUR", Decimal("0.03"), date(2022, 6, 1))
        app.record_exchange_rate("UAH", "EUR", Decimal("0.025"), date(2023, 1, 9))
    converted = app.convert_totals({"UAH": Decimal("1000"), "EUR": Decimal("5"), "GBP": Decimal("7")}, "EUR")
    assert converted.amount == Decimal("30.00")
    assert converted.rate_dates == (date(2023, 1, 9),)
    assert converted.unconverted == {"GBP": Decimal("7")}


@pytest.mark.parametrize(
    ("from_currency", "to_currency", "rate"),
    [("UAH", "UAH", "1"), ("UAH", "EUR", "0"), ("UAH", "EUR", "-2"), ("hryvnia", "EUR", "1")],
)
def test_a_rate_needs_two_iso_currencies_and_a_positive_value(
    sqlite_url, open_portfolio, from_currency, to_currency, rate
):
    app = open_portfolio(sqlite_url)
    with recording("taras"), pytest.raises(RuleBrokenError):
        app.record_exchange_rate(from_currency, to_currency, Decimal(rate), date(2023, 1, 9))


def test_rates_survive_a_rebuild(store_url, open_portfolio):
    app = open_portfolio(store_url)
    with recording("taras"):
        app.record_exchange_rate("USD", "EUR", Decimal("0.931"), date(2023, 1, 9))
    app.projector.rebuild()
    assert app.exchange_rates() == [
        {"from_currency": "USD", "to_currency": "EUR", "on_date": "2023-01-09", "rate": "0.931"}
    ]
