from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.errors import DomainError
from domain.rates import RATES_ID, ExchangeRates


def test_the_rate_table_opens_with_its_first_rate_and_keeps_every_dated_rate(as_tester):
    rates = ExchangeRates.open("UAH", "EUR", Decimal("0.0289"), date(2021, 1, 4))
    rates.record("UAH", "EUR", Decimal("0.0255"), date(2023, 1, 9))
    assert rates.id == RATES_ID
    assert rates.rates[("UAH", "EUR")] == {date(2021, 1, 4): Decimal("0.0289"), date(2023, 1, 9): Decimal("0.0255")}
    assert [type(e).__name__ for e in rates.collect_events()] == ["Opened", "RateRecorded"]


@pytest.mark.parametrize(
    ("from_currency", "to_currency", "rate", "message"),
    [
        ("UAH", "UAH", Decimal(1), "two different"),
        ("UAH", "EUR", Decimal(0), "positive"),
        ("UAH", "EUR", Decimal("-0.1"), "positive"),
        ("UAH", "EUR", Decimal("NaN"), "positive"),
        ("uah", "EUR", Decimal(1), "ISO"),
    ],
)
def test_a_rate_needs_two_iso_currencies_and_a_positive_value(as_tester, from_currency, to_currency, rate, message):
    with pytest.raises(DomainError, match=message):
        ExchangeRates.open(from_currency, to_currency, rate, date(2023, 1, 9))
