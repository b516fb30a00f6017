"""Dates, times and money, formatted for the person's locale and time zone."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from flask_babel import format_currency, format_date, format_datetime

from domain.money import Money


def day(value: str | date | None) -> str:
    """A date, or the date of a moment, from a value or an ISO read-model cell."""
    if not value:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    return format_date(value, "medium")


def moment(value: str | datetime | None) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return format_datetime(value, "medium")


def money(amount: Money | str | Decimal | None, currency: str | None = None) -> str:
    if isinstance(amount, Money):
        amount, currency = amount.amount, amount.currency
    if amount is None or currency is None:
        return ""
    return format_currency(Decimal(amount), currency, format_type="standard")
