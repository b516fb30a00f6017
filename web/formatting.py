"""Dates, times and money, formatted for the person's locale and time zone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation, localcontext
from enum import Enum
from functools import cache, lru_cache, partial
from typing import Any

from babel import Locale
from babel.dates import format_date as babel_date
from babel.numbers import NumberPattern, format_currency, format_decimal, get_currency_precision, get_currency_symbol
from flask_babel import format_date, format_datetime, get_locale
from flask_babel import gettext as _

from domain.money import Money
from domain.values import PRECISION
from web.history_labels import FIELDS, field_label
from web.labels import label


def day(value: str | date | None) -> str:
    """A date, or the date of a moment, from a value or an ISO read-model cell."""
    if not value:
        return ""
    if isinstance(value, str) and "T" not in value:
        return _day(str(get_locale()), value)
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    try:
        return format_date(value, "medium")
    except OverflowError:  # as in `moment`
        return value.date().isoformat()


@lru_cache(maxsize=8192)
def _day(locale: str, iso: str) -> str:
    """A calendar day (no time zone to shift it) by its ISO text; registers show many of the same."""
    return babel_date(date.fromisoformat(iso), "medium", locale=locale)


def moment(value: str | datetime | None) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    try:
        return format_datetime(value, "medium")
    except OverflowError:  # a moment at the calendar's edge that an older version stored unchecked
        return value.isoformat()


def number(value: Any) -> str:
    """A plain number (a KPI value, a rate, days) as the person's language writes it, every digit
    kept: "22,5" and "1 250" in Ukrainian, "22.5" and "1,250" in English."""
    if value is None or value == "":
        return ""
    try:
        exact = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    return format_decimal(exact, format="#,##0.#", locale=str(get_locale()), decimal_quantization=False)


def quarter(name: str | None) -> str:
    """A quarter kept as "2023-Q1", as the person's language names it ("1 кв. 2023", "Q1 2023")."""
    year, _q, number = (name or "").partition("-Q")
    if not (year.isdigit() and number.isdigit()):
        return name or ""
    return _("Q%(number)s %(year)s", number=number, year=year)


def money(amount: Money | str | Decimal | None, currency: str | None = None) -> str:
    if isinstance(amount, Money):
        amount, currency = amount.amount, amount.currency
    if amount is None or currency is None:
        return ""
    try:
        with localcontext(prec=PRECISION):
            return _currency_format(str(get_locale()), currency)(Decimal(amount))
    except (InvalidOperation, ValueError):  # an amount an older version stored unchecked: shown as stored
        return f"{amount} {currency}"


@cache
def _currency_format(locale: str, currency: str) -> Callable[[Decimal], str]:
    """Babel's standard currency format for this locale and currency, with the currency's symbol and
    digits written into the pattern once: Babel's `format_currency` fills them in on every call and
    looks up the currency's plural name as well, a register page's largest formatting cost."""
    parsed = Locale.parse(locale)
    standard = parsed.currency_formats["standard"]
    if "¤¤" in standard.pattern:  # the code or plural name in the pattern: let Babel fill it each time
        return partial(format_currency, currency=currency, locale=parsed, format_type="standard")
    symbol, digits = get_currency_symbol(currency, parsed), get_currency_precision(currency)
    pattern = NumberPattern(
        standard.pattern,
        (standard.prefix[0].replace("¤", symbol), standard.prefix[1].replace("¤", symbol)),
        (standard.suffix[0].replace("¤", symbol), standard.suffix[1].replace("¤", symbol)),
        standard.grouping,
        standard.int_prec,
        (digits, digits),
        standard.exp_prec,
        standard.exp_plus,
        standard.number_pattern,
    )
    return partial(pattern.apply, locale=parsed)


def shown(value: Any) -> str:
    """Any stored value as a person reads it: money, dates, vocabulary, yes/no, sub-record fields."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, Money):
        return money(value)
    if isinstance(value, datetime):
        return moment(value)
    if isinstance(value, date):
        return day(value)
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, Enum):
        return label(value)
    if isinstance(value, dict):  # a sub-record, or answers by question: its filled-in parts
        return "; ".join(f"{_name(str(key))}: {shown(item)}" for key, item in value.items() if item is not None)
    if isinstance(value, list | tuple):
        return ", ".join(shown(item) for item in value)
    return str(value)


def _name(key: str) -> str:
    """A field's name, or a vocabulary value used as a key (a checklist question)."""
    return field_label(key) if key in FIELDS else label(key)


def amount(text: str | None) -> str:
    """An amount stored as "1000.50 EUR", formatted; an empty one as a dash."""
    if not text:
        return "—"
    value, currency = text.split(" ", 1)
    return money(value, currency)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula, written as text (CSV and XLSX exports)."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def said(kind: str, value: Any) -> str:
    """A value an event said (see `history.what`), as the pages show values of its kind."""
    if value is None or value == "":
        return "—"
    if kind == "date":
        return day(value)
    if kind == "moment":
        return moment(value)
    if kind == "money":
        return money(*value)
    if kind == "value":
        return label(value)
    if kind == "flag":
        return _("yes") if value else _("no")
    return str(value)
