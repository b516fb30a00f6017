"""The columns of each register as a spreadsheet: how the export writes each one and how the
import reads it back, so a file the export wrote can be imported as it is.

A cell is read by the column's type: text (a leading apostrophe that the export put before text a
spreadsheet would run is taken off), an amount (a number, or text such as "4 500 000,50"), a date
(a date cell, 2024-03-15 or 15.03.2024), a deadline (a date means the end of that day in Kyiv), or a
word of a vocabulary (its stored value or its name in Ukrainian or English, in any case).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

from flask_babel import force_locale, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from domain.localtime import KYIV, kyiv_day
from portfolio.imports import fold
from portfolio.kinds import BY_REGISTER, Field
from web.formatting import FORMULA_STARTS
from web.i18n import LANGUAGES
from web.labels import label

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    header: Any
    value: Callable[[Row], Any]  # the exported cell of a register row
    field: str | None = None  # the import's field this column fills; None: not read back
    read: Callable[[Any], Any] | None = None  # a cell to the field's value; ValueError if it cannot


def _text_cell(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    text = str(cell).strip()
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def text(header: Any, key: str, field: str | None = None) -> Column:
    return Column(header, lambda row: row.get(key) or "", field or key, _text_cell)


def vocab(header: Any, key: str, enum: type[Enum]) -> Column:
    return Column(header, lambda row: label(row.get(key)) if row.get(key) else "", key, _word_of(enum))


def number(header: Any, key: str, field: str) -> Column:
    return Column(header, lambda row: None if row.get(key) is None else Decimal(str(row[key])), field, read_amount)


def flag(header: Any, key: str) -> Column:
    return Column(header, lambda row: _("yes") if row.get(key) else "", key, read_flag)


def day(header: Any, key: str) -> Column:
    return Column(header, lambda row: date.fromisoformat(row[key][:10]) if row.get(key) else None, key, read_date)


def deadline(header: Any, key: str) -> Column:
    """A moment, exported as its day in Kyiv (as the register shows it)."""
    return Column(header, lambda row: kyiv_day(datetime.fromisoformat(row[key])) if row.get(key) else None, key,
                  read_deadline)  # fmt: skip


MAX_AMOUNT = Decimal(10) ** 15
YEARS = range(1900, 2101)


def read_amount(cell: Any) -> Decimal | None:
    """A number, or text in either convention: "4 500 000,50", "4,500,000.50" or "4.500.000,50"."""
    if cell is None or cell == "":
        return None
    if isinstance(cell, bool):
        raise ValueError(_("«%(value)s» is not an amount.", value=cell))
    text = str(cell) if isinstance(cell, int | float | Decimal) else re.sub(r"[\s\u00a0\u202f']", "", _text_cell(cell))
    decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
    text = text.replace("." if decimal_mark == "," else ",", "").replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(_("«%(value)s» is not an amount.", value=cell)) from None
    if not value.is_finite() or abs(value) >= MAX_AMOUNT:
        raise ValueError(_("«%(value)s» is not an amount.", value=cell))
    if value < 0:
        raise ValueError(_("«%(value)s» is below zero: an amount cannot be negative.", value=cell))
    return value


def read_date(cell: Any) -> date | None:
    if cell is None or cell == "":
        return None
    found = cell.date() if isinstance(cell, datetime) else cell if isinstance(cell, date) else None
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", *_english("")):
        if found is None:
            try:
                found = datetime.strptime(_text_cell(cell), pattern).date()
            except ValueError:
                continue
    if found is None or found.year not in YEARS:
        raise ValueError(_("«%(value)s» is not a date (write 2024-03-15 or 15.03.2024).", value=cell))
    return found


def read_deadline(cell: Any) -> datetime | date | None:
    """A deadline with a time is Kyiv time unless it says otherwise. A day alone (or a spreadsheet
    date, which reads as midnight) stays a day: the import takes it as the end of that day."""
    moment = cell
    if isinstance(cell, str) and ":" in cell:
        moment = _moment_of(cell.strip())
        if moment is None:
            raise ValueError(_("«%(value)s» is not a date and time (write 2024-03-15 17:00).", value=cell))
    if not isinstance(moment, datetime) or (moment.tzinfo is None and moment.time() == time(0)):
        return read_date(moment)
    if moment.year not in YEARS:
        raise ValueError(_("«%(value)s» is not a date (write 2024-03-15 or 15.03.2024).", value=cell))
    return moment if moment.tzinfo else moment.replace(tzinfo=KYIV)


def _english(time: str) -> tuple[str, ...]:
    """03/31/2027 as the English forms teach it, for a person importing in English only: read in
    Ukrainian, where days come first, 03/04/2027 would be a different day."""
    return (f"%m/%d/%Y{time}",) if str(get_locale()) == "en" else ()


def _moment_of(text: str) -> datetime | None:
    """A date and time in ISO, or as a person writes it: 31.03.2027 18:00, 03/31/2027 18:00."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    for pattern in ("%d.%m.%Y %H:%M", *_english(" %H:%M")):
        try:
            return datetime.strptime(text, pattern)
        except ValueError:
            continue
    return None


def read_flag(cell: Any) -> bool | None:
    text = fold(_text_cell(cell))
    if not text:
        return None
    for language in LANGUAGES:
        with force_locale(language):
            if text in (fold(_("yes")), "true", "1"):
                return True
            if text in (fold(_("no")), "false", "0"):
                return False
    raise ValueError(_("«%(value)s» is neither yes nor no.", value=cell))


def _word_of(enum: type[Enum]) -> Callable[[Any], Enum | None]:
    """A reader that knows each value of the vocabulary by its stored value and its names."""

    names: dict[str, Enum] = {}

    def read(cell: Any) -> Enum | None:
        text = _text_cell(cell)
        if not text:
            return None
        if not names:  # on first use, inside a request: the names need the translations
            for member in enum:
                names[fold(member.value)] = member
                for language in LANGUAGES:
                    with force_locale(language):
                        names[fold(label(member.value))] = member
        if fold(text) in names:
            return names[fold(text)]
        known = ", ".join(label(member.value) for member in enum)
        raise ValueError(_("«%(value)s» is not one of: %(known)s.", value=cell, known=known))

    return read


def columns_of(field: Field) -> list[Column]:
    """A register's field as the export writes it: an amount is two columns, its number and its currency."""
    header = _l(field.label)  # the labels are extracted where they are declared
    if field.type == "money":  # its number, its currency and, where it may be one, whether it is an estimate
        amount, currency, *estimated = field.columns
        return [number(header, amount, field.name), text(_l("Currency"), currency),
                *(flag(_l("Estimate"), key) for key in estimated)]  # fmt: skip
    if field.type == "choice":
        assert field.vocabulary is not None
        return [vocab(header, field.name, field.vocabulary)]
    if field.type == "flag":
        return [flag(header, field.name)]
    made = {"text": text, "day": day, "deadline": deadline, "count": lambda h, key: number(h, key, key)}
    return [made[field.type](header, field.name)]


# Every export says which rows hold invented figures, and why.
_ILLUSTRATIVE = text(_l("Illustrative figures"), "illustrative_reason", "illustrative")
COLUMNS: dict[str, list[Column]] = {
    name: [*(column for field in kind.fields if field.exported for column in columns_of(field)), _ILLUSTRATIVE]
    for name, kind in BY_REGISTER.items()
}

# The registers a file can be imported into.
IMPORTED = ("organizations", "projects", "grants")
