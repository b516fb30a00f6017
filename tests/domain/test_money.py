"""Money: a Decimal amount and an ISO currency, never a float, never negative."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import DomainError
from domain.money import Money


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("4500000", Decimal("4500000")),
        ("4 500 000", Decimal("4500000")),
        ("43000,50", Decimal("43000.50")),
        ("0.10", Decimal("0.10")),
        (12, Decimal("12")),
        (Decimal("2500000.00"), Decimal("2500000.00")),
    ],
)
def test_money_of_reads_amounts_as_people_write_them(written, amount):
    money = Money.of(written, "EUR")

    assert money.amount == amount
    assert isinstance(money.amount, Decimal)


def test_money_of_trims_and_upper_cases_the_currency():
    assert Money.of("10", " uah ").currency == "UAH"


def test_zero_is_an_amount_of_money():
    assert Money.of("0", "USD").amount == 0


@pytest.mark.parametrize(
    "written",
    ["", "abc", "1.2.3", "1,234.56", "-5", "-0.01", "NaN", "Infinity", "-Infinity"],
)
def test_money_of_refuses_what_is_not_a_non_negative_amount(written):
    with pytest.raises(DomainError):
        Money.of(written, "EUR")


def test_money_of_refuses_a_float():
    with pytest.raises(DomainError, match="float"):
        Money.of(0.1, "EUR")


@pytest.mark.parametrize("amount", [0.5, 1, "1", None])
def test_money_refuses_an_amount_that_is_not_a_decimal(amount):
    with pytest.raises(DomainError):
        Money(amount, "EUR")


def test_money_refuses_a_negative_amount():
    with pytest.raises(DomainError, match="negative"):
        Money(Decimal("-1"), "EUR")


@pytest.mark.parametrize("currency", ["", "EU", "EURO", "eur", "E1R", "ЄВР", None, "XYZ", "ABC"])
def test_money_refuses_what_is_not_an_iso_currency_code(currency):
    with pytest.raises(DomainError, match="currency"):
        Money(Decimal("1"), currency)


def test_money_cannot_be_changed_after_it_is_made():
    money = Money.of("1", "EUR")

    with pytest.raises(dataclasses.FrozenInstanceError):
        money.amount = Decimal("2")


def test_the_same_amount_in_another_currency_is_other_money():
    assert Money.of("100", "EUR") == Money.of("100.00", "EUR")
    assert Money.of("100", "EUR") != Money.of("100", "USD")


@pytest.mark.parametrize(
    ("money", "text"),
    [
        (Money.of("4500000", "UAH"), "4\u00a0500\u00a0000 UAH"),
        (Money.of("43000.50", "EUR"), "43\u00a0000.50 EUR"),
        (Money.of("999", "USD"), "999 USD"),
    ],
)
def test_money_prints_with_non_breaking_thousands_separators(money, text):
    assert str(money) == text


@given(st.decimals(min_value=0, max_value=10**12, places=2))
def test_an_amount_written_out_is_read_back_exactly(amount):
    assert Money.of(str(amount), "EUR").amount == amount
