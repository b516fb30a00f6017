"""Money: a Decimal amount and an ISO 4217 currency code, never a float."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from babel.numbers import list_currencies

from domain.errors import DomainError
from domain.values import check_amount

CURRENCIES = frozenset(list_currencies())  # ISO 4217, current and historic, as the Unicode CLDR lists them


def is_currency(code: object) -> bool:
    """Whether `code` is an ISO 4217 currency code ("UAH", "EUR"), not merely three capitals ("XYZ")."""
    return isinstance(code, str) and code in CURRENCIES


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if isinstance(self.amount, float) or not isinstance(self.amount, Decimal):
            raise DomainError("An amount of money must be a decimal number, not a float.")
        if not self.amount.is_finite():
            raise DomainError("An amount of money must be a finite number.")
        if self.amount < 0:
            raise DomainError("An amount of money cannot be negative ({amount}).", amount=self.amount)
        if not is_currency(self.currency):
            raise DomainError("'{currency}' is not an ISO currency code such as UAH or EUR.", currency=self.currency)
        check_amount(self.amount, self.currency, "amount")

    @classmethod
    def as_stored(cls, amount: Decimal, currency: str) -> Money:
        """Money read back from a stored event, as it was stored: the checks above are for new
        values, and an event an older version stored must still be readable."""
        money = object.__new__(cls)
        object.__setattr__(money, "amount", amount)
        object.__setattr__(money, "currency", currency)
        return money

    @classmethod
    def of(cls, amount: str | int | Decimal, currency: str) -> Money:
        if isinstance(amount, float):
            raise DomainError("An amount of money must be a decimal number, not a float.")
        try:
            value = Decimal(str(amount).replace(" ", "").replace(",", "."))
        except InvalidOperation:
            raise DomainError("'{amount}' is not an amount of money.", amount=amount) from None
        return cls(value, currency.strip().upper())

    def __str__(self) -> str:
        return f"{self.amount:,} {self.currency}".replace(",", "\u00a0")
