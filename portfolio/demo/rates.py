"""Exchange rates to the reporting currency (EUR), entered the way staff would enter them.

The values are rounded approximations of the National Bank of Ukraine's official rates on those
days, not copied from it: the rates (one record) are marked illustrative with their first entry.
"""

from __future__ import annotations

from decimal import Decimal

from domain.rates import RATES_ID
from portfolio.demo.script import TARAS, Script, d

RATES = {  # day: {currency: EUR per one unit}
    "2021-01-04": {"UAH": "0.0289", "USD": "0.8150"},
    "2022-06-01": {"UAH": "0.0318", "USD": "0.9320"},
    "2023-01-09": {"UAH": "0.0255", "USD": "0.9310"},
}
INVENTED = "Курси — округлені наближення офіційних курсів НБУ на ці дні, не скопійовані з НБУ; у джерелах курсів немає."


def script(s: Script) -> None:
    s.story = "Exchange rates"
    for day, rates in RATES.items():
        for currency, rate in rates.items():
            s.at(f"{day} 09:30", TARAS, reason="Курс для звітів донорам").record_exchange_rate(
                currency, "EUR", Decimal(rate), d(day)
            )
    first = min(RATES)
    s.at(f"{first} 09:30", TARAS).mark_illustrative(RATES_ID, INVENTED)
