"""The register's cached formatting gives exactly what Babel gives when asked each time."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from babel.dates import format_date
from babel.numbers import format_currency
from flask import Flask
from flask_babel import Babel, force_locale

from web.formatting import day, money

AMOUNTS = ["0", "1", "-1", "0.005", "1234567.891", "-98765.4321", "1000000000", "12.5"]


@pytest.fixture(scope="module")
def context():
    app = Flask(__name__)
    Babel(app)
    with app.test_request_context():
        yield


@pytest.mark.parametrize("locale", ["uk", "en", "de", "ar", "hi"])
@pytest.mark.parametrize("currency", ["UAH", "EUR", "USD", "JPY", "CHF", "KWD"])
def test_money_is_what_babel_formats(context, locale, currency):
    with force_locale(locale):
        for amount in AMOUNTS:
            assert money(amount, currency) == format_currency(Decimal(amount), currency, locale=locale), amount


@pytest.mark.parametrize("locale", ["uk", "en"])
def test_day_is_what_babel_formats(context, locale):
    with force_locale(locale):
        for iso in ["2026-01-01", "2024-02-29", "1999-12-31"]:
            assert day(iso) == format_date(date.fromisoformat(iso), "medium", locale=locale)
