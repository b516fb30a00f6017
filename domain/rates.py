"""Exchange rates that staff enter with their date; portfolio totals convert with them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from domain.errors import DomainError
from domain.illustrative import Illustrative
from domain.money import Money

RATES_ID = uuid5(NAMESPACE_URL, "portfolio-exchange-rates")


class ExchangeRates(Illustrative):
    """The one table of rates: `1 from_currency = rate to_currency` on a date."""

    @staticmethod
    def create_id(**_: object) -> UUID:
        return RATES_ID

    class Opened(Illustrative.Created):
        from_currency: str
        to_currency: str
        rate: Decimal
        on: date

    @event(Opened)
    def __init__(self, from_currency: str, to_currency: str, rate: Decimal, on: date) -> None:
        """The table opens with its first rate."""
        self.rates: dict[tuple[str, str], dict[date, Decimal]] = {(from_currency, to_currency): {on: rate}}

    @classmethod
    def open(cls, from_currency: str, to_currency: str, rate: Decimal, on: date) -> ExchangeRates:
        _check(from_currency, to_currency, rate)
        return cls(from_currency=from_currency, to_currency=to_currency, rate=rate, on=on)

    def record(self, from_currency: str, to_currency: str, rate: Decimal, on: date) -> None:
        _check(from_currency, to_currency, rate)
        self._recorded(from_currency=from_currency, to_currency=to_currency, rate=rate, on=on)

    class RateRecorded(Illustrative.Event):
        from_currency: str
        to_currency: str
        rate: Decimal
        on: date

    @event(RateRecorded)
    def _recorded(self, from_currency: str, to_currency: str, rate: Decimal, on: date) -> None:
        self.rates.setdefault((from_currency, to_currency), {})[on] = rate


def _check(from_currency: str, to_currency: str, rate: Decimal) -> None:
    for code in (from_currency, to_currency):
        Money(Decimal(0), code)  # refuses anything but an ISO code
    if from_currency == to_currency:
        raise DomainError("A rate needs two different currencies.")
    if not isinstance(rate, Decimal) or not rate.is_finite() or rate <= 0:
        raise DomainError("A rate must be a positive number.")
