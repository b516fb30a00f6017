"""Exchange rates: recording them, and converting read-model amounts to the reporting currency."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, localcontext

from domain.localtime import KYIV
from domain.rates import RATES_ID, ExchangeRates
from domain.values import HAPPENED_MARGIN, PRECISION
from portfolio.application import PortfolioCore
from portfolio.errors import NotFoundError


@dataclass(frozen=True)
class Converted:
    """A total in the reporting currency, with the rate dates used and what could not be converted."""

    amount: Decimal
    currency: str
    rate_dates: tuple[date, ...]
    unconverted: dict[str, Decimal]


Rates = dict[str, tuple[Decimal, date]]  # the latest rate of each currency into one, and its date


class RateUseCases(PortfolioCore):
    def record_exchange_rate(self, from_currency: str, to_currency: str, rate: Decimal, on: date) -> int:
        try:
            self._load(ExchangeRates, RATES_ID)
        except NotFoundError:
            self._create(lambda: ExchangeRates.open(from_currency, to_currency, rate, on))
            return 1
        return self._change(ExchangeRates, RATES_ID, lambda r: r.record(from_currency, to_currency, rate, on))

    def exchange_rates(self) -> list[dict]:
        return self.read_models.query(
            "SELECT from_currency, to_currency, on_date, rate FROM rm_rates ORDER BY on_date DESC, from_currency"
        )

    def illustrative_rates(self) -> str | None:
        """Why the rates are illustrative while they are marked so (the rates are one record, marked as a
        whole); None while they are facts."""
        rows = self.read_models.query("SELECT illustrative_reason FROM rm_rates WHERE illustrative = 1 LIMIT 1")
        return rows[0]["illustrative_reason"] if rows else None

    def convert_totals(self, totals: dict[str, Decimal], currency: str) -> Converted:
        """Sum amounts held in several currencies into `currency` with the latest rate of each."""
        return convert(totals, currency, self.latest_rates(currency))

    def latest_rates(self, currency: str) -> Rates:
        """The latest rate into `currency` of each currency that has one, and its date; a rate dated
        after tomorrow (which an older version let in) is no rate of today."""
        latest = (datetime.now(KYIV).date() + HAPPENED_MARGIN).isoformat()
        return {
            row["from_currency"]: (Decimal(row["rate"]), date.fromisoformat(row["on_date"]))
            for row in self.read_models.query(
                "SELECT from_currency, rate, on_date FROM rm_rates WHERE to_currency = :currency "
                "AND on_date <= :latest ORDER BY on_date",
                {"currency": currency, "latest": latest},
            )
        }


def convert(totals: dict[str, Decimal], currency: str, rates: Rates) -> Converted:
    """`totals` by currency summed into `currency` with `rates` (see `latest_rates`)."""
    amount, dates, unconverted = Decimal(0), set(), {}
    with localcontext(prec=PRECISION):  # exact, whatever amounts an older version stored
        for code, value in totals.items():
            if code == currency:
                amount += value
            elif code in rates:
                amount += value * rates[code][0]
                dates.add(rates[code][1])
            else:
                unconverted[code] = value
        return Converted(amount.quantize(Decimal("0.01")), currency, tuple(sorted(dates)), unconverted)
