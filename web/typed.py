"""Amounts and dates as a person types them in a form, in the conventions of their language.

A form takes what the tracker itself shows: "150 000,00" and "31.03.2027" in Ukrainian,
"150,000.00" and "03/31/2027" in English, a date as the pages print it ("31 бер. 2027 р.",
"Mar 31, 2027"), and ISO dates in either. Each function returns the value in the form the schemas
read (a plain decimal, an ISO date or moment), or the text as typed, so that a value it cannot read
gets its field's own message. (The API reads only plain decimals and ISO dates.)
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal
from functools import cache

from babel.dates import get_month_names
from babel.numbers import NumberFormatError, format_decimal, parse_decimal

SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")  # group separators people and spreadsheets use
DATE_PATTERNS = {"uk": ("%d.%m.%Y",), "en": ("%m/%d/%Y", "%d.%m.%Y")}  # besides ISO, by language
TYPED_DATE = {"uk": "%d.%m.%Y", "en": "%m/%d/%Y"}  # how a form shows a date it fills in


def amount(text: str, language: str) -> str:
    """An amount in the language's convention (any spaces between digit groups) as a plain decimal."""
    try:
        return str(parse_decimal(SPACES.sub("", text), locale=language, strict=True))
    except (NumberFormatError, ValueError):
        return text


def whole_number(text: str) -> str:
    compact = SPACES.sub("", text)
    return compact if compact.lstrip("+-").isdigit() else text


def day(text: str, language: str) -> str:
    found = _day(" ".join(text.split()), language)
    return found.isoformat() if found else text


def moment(text: str, language: str) -> str:
    """A date and a time (hours and minutes), as ISO without a zone: the field adds Kyiv's. A day
    alone is its last minute, 23:59 (a deadline typed as a day closes at its end, as the import reads it)."""
    whole = _day(" ".join(text.split()), language)
    if whole is not None:
        return datetime.combine(whole, time(23, 59)).isoformat(timespec="minutes")
    parts = " ".join(text.replace("T", " ").split()).rsplit(" ", 1)
    found = _day(parts[0], language) if len(parts) == 2 else None
    try:
        at = datetime.strptime(parts[-1], "%H:%M").time()
    except ValueError:
        return text
    return datetime.combine(found, at).isoformat(timespec="minutes") if found else text


def typed_amount(value: Decimal, language: str) -> str:
    """An amount as a form fills it in for this language ("150 000,00", "150,000.00"), every digit kept."""
    return format_decimal(value, format="#,##0.00", locale=language, decimal_quantization=False)


def typed(value: date, language: str) -> str:
    """A date as a form fills it in for this language."""
    return value.strftime(TYPED_DATE.get(language, "%Y-%m-%d"))


def _day(text: str, language: str) -> date | None:
    for pattern in ("%Y-%m-%d", *DATE_PATTERNS.get(language, ())):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return _printed(text, language)


def _printed(text: str, language: str) -> date | None:
    """A date as the pages print it: a day, a month's name (whole or short) and a year."""
    numbers = re.findall(r"\d+", text)
    words = re.findall(r"[^\W\d_]+", text.lower())
    month = next((_months(language)[word] for word in words if word in _months(language)), None)
    if month is None or len(numbers) != 2:
        return None
    day_number, year = sorted(numbers, key=len)
    try:
        return date(int(year), month, int(day_number))
    except ValueError:
        return None


@cache
def _months(language: str) -> dict[str, int]:
    return {
        name.lower().rstrip("."): number
        for width in ("abbreviated", "wide")
        for context in ("format", "stand-alone")
        for number, name in get_month_names(width, context, language).items()
    }
