"""What a stored value may be: text, dates, moments and numbers that every part of the tracker can
hold (the read models of both stores, pages, exports, the calendar feed, board packs).

Every new event is checked here as it is made (`check_event`, called by `Record.Event`), so no
request, import or command can store a value that something downstream cannot take. The web
layer's fields call the same functions, so a form or the API names the field before the domain
is reached. Events already stored are read as they were: these checks never run on them.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar
from urllib.parse import urlsplit

from domain.errors import DomainError

EARLIEST = date(1900, 1, 1)
LATEST = date(2200, 12, 31)
D = TypeVar("D", bound=date)  # a date, or a moment (a datetime), checked and returned as it came
HAPPENED_MARGIN = timedelta(days=1)  # a date something happened may be tomorrow (time zones), not later
# Fields that say when something happened (or, for a rate, the day it is of): not after the day the
# event is recorded. A correction of a measurement names the measurement by its date, whatever it is.
HAPPENED = frozenset({"effective_date", "submitted_on", "decided_on", "signed_on", "received_on", "measured_on",
                      "done_on", "recorded_on", "on", "as_of"})  # fmt: skip
NAMES_AN_ITEM = frozenset({("KpiMeasurementCorrected", "measured_on")})

SINGLE_LINE = 500  # characters of a single-line text, unless LIMITS says otherwise
MULTILINE_LIMITS = {"summary": 5000, "description": 5000, "text": 5000, "comment": 5000, "reason": 1000}
LIMITS = {
    "code": 40,
    "username": 40,
    "actor": 100,
    "purpose": 20,
    "language": 10,
    "email": 254,
    "call_url": 2000,
    "unit": 50,
    "from_currency": 3,
    "to_currency": 3,
}

WEB_ADDRESSES = frozenset({"call_url"})  # fields that hold an http(s) address or nothing

NUMBER_DIGITS = 15  # whole digits of a KPI value or a rate
NUMBER_PLACES = 6  # decimal places of a KPI value or a rate
AMOUNT_DIGITS = 13  # whole digits of an amount of money: under ten trillion
MINOR_UNITS = {"BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3, "CLP": 0, "ISK": 0,
               "JPY": 0, "KRW": 0, "PYG": 0, "UGX": 0, "VND": 0, "XAF": 0, "XOF": 0}  # fmt: skip
LARGEST_INTEGER = 2**63 - 1  # a BIGINT column
PRECISION = 60  # digits of decimal arithmetic on sums and conversions, so that they stay exact

_LINE_BREAKS = {"\n", "\r", "\t"}
_SEPARATORS = {"\u2028", "\u2029", "\x85"}  # line and paragraph separators: line breaks in disguise
# Embeddings, overrides and isolates make text display in another order than it is stored (so a
# title can pass for another); the marks that only say which way a character runs stay allowed.
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class ValueProblem(DomainError):
    """A value no part of the tracker could hold. `field` names it (an event's attribute or a
    form's field), `code` says what is wrong for a translated message, `limit` the bound broken.
    Its template is not extracted: a person is told by its code (see `web/schemas.py: PROBLEMS`)."""

    def __init__(self, template: str, code: str, field: str = "", limit: Any = None, /, **values: Any) -> None:
        super().__init__(template, **values)
        self.code, self.field, self.limit = code, field, limit


def is_multiline(field: str) -> bool:
    return field in MULTILINE_LIMITS


def text_limit(field: str) -> int:
    return MULTILINE_LIMITS.get(field) or LIMITS.get(field, SINGLE_LINE)


def check_text(value: str, field: str = "") -> str:
    """`value` if it is text a person can mean for `field`: valid Unicode, no control characters
    (tabs and line breaks only where the field is multi-line), no longer than the field's limit."""
    limit = text_limit(field)
    if len(value) > limit:
        raise ValueProblem("Text longer than {limit} characters.", "too_long", field, limit, limit=limit)
    allowed = _LINE_BREAKS if is_multiline(field) else set()
    for character in value:
        if character in allowed:
            continue
        kind = unicodedata.category(character)
        if kind == "Cs":
            raise ValueProblem("Text that is not valid Unicode (a lone surrogate).", "not_unicode", field)
        if kind == "Cc" or character in _SEPARATORS or character in _BIDI_CONTROLS:
            what = "a line break" if character in _LINE_BREAKS | _SEPARATORS else f"U+{ord(character):04X}"
            raise ValueProblem("Text with a control character ({what}).", "control_character", field, what=what)
    if field in WEB_ADDRESSES and value:
        check_web_address(value, field)
    return value


def check_web_address(value: str, field: str = "") -> str:
    """An http or https address with a host: never `javascript:` or another scheme a link would run."""
    try:
        parts = urlsplit(value)
    except ValueError:  # such as an unclosed "[" in the host
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc or " " in value:
        raise ValueProblem(
            "'{value}' is not a web address starting with https://.", "not_a_web_address", field, value=value[:80]
        )
    return value


def check_date(value: D, field: str = "") -> D:
    day = value.date() if isinstance(value, datetime) else value
    if not EARLIEST <= day <= LATEST:
        raise ValueProblem(
            "The date {day} is outside {earliest}-{latest}.",
            "date_range",
            field,
            (EARLIEST, LATEST),
            day=day.isoformat(),
            earliest=EARLIEST.year,
            latest=LATEST.year,
        )
    return value


def check_moment(value: datetime, field: str = "") -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueProblem("A moment needs a time zone.", "naive_moment", field)
    return check_date(value, field)


def check_happened(value: date, recorded: datetime, field: str = "effective_date") -> date:
    """A date (or moment) something happened: never after the day it is recorded (give or take the
    time zones), as it cannot have happened yet."""
    check_date(value, field)
    day = value.date() if isinstance(value, datetime) else value
    latest = recorded.date() + HAPPENED_MARGIN
    if day > latest:
        raise ValueProblem(
            "It cannot have happened on {day}, after the day it is recorded.",
            "future",
            field,
            latest,
            day=day.isoformat(),
        )
    return value


def check_number(value: Decimal, field: str = "", digits: int = NUMBER_DIGITS, places: int = NUMBER_PLACES) -> Decimal:
    """A finite decimal with at most `digits` whole digits and `places` decimal places."""
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ValueProblem("Not a finite number.", "not_a_number", field)
    if value.adjusted() >= digits:
        raise ValueProblem("A number with more than {digits} digits.", "too_large", field, digits, digits=digits)
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places:
        raise ValueProblem(
            "A number with more than {places} decimal places.", "too_many_places", field, places, places=places
        )
    return value


def check_amount(value: Decimal, currency: str = "", field: str = "") -> Decimal:
    """An amount of money: at most AMOUNT_DIGITS whole digits and the currency's decimal places."""
    return check_number(value, field, AMOUNT_DIGITS, MINOR_UNITS.get(currency, 2))


def check_integer(value: int, field: str = "") -> int:
    if abs(value) > LARGEST_INTEGER:
        raise ValueProblem("A whole number too large to keep.", "too_large", field, 18)
    return value


def check_value(value: Any, field: str) -> None:
    """Check any value an event carries, and what it holds (money, sub-records, lists, answers)."""
    if value is None or isinstance(value, bool | Enum):
        return
    if isinstance(value, str):
        check_text(value, field)
    elif isinstance(value, datetime):
        check_moment(value, field)
    elif isinstance(value, date):
        check_date(value, field)
    elif isinstance(value, Decimal):
        check_number(value, field)
    elif isinstance(value, int):
        check_integer(value, field)
    elif hasattr(value, "amount") and hasattr(value, "currency"):
        check_amount(value.amount, value.currency, field)  # money
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            check_value(item, field)
    elif isinstance(value, dict):
        for key, item in value.items():
            check_value(key, field)
            check_value(item, field)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for part in dataclasses.fields(value):
            check_value(getattr(value, part.name), field)


def check_event(event: Any) -> None:
    """Refuse an event that carries a value the tracker could not hold, or lacks one it declares
    as always there (a project's organization), naming its field."""
    for part in dataclasses.fields(event):
        if part.name in ("originator_id", "originator_version", "timestamp", "originator_topic"):
            continue
        value = getattr(event, part.name)
        if value is None and not _optional(part.type):
            raise ValueProblem("A value is required.", "required", part.name)
        check_value(value, part.name)
        if part.name in HAPPENED and value is not None and (type(event).__name__, part.name) not in NAMES_AN_ITEM:
            check_happened(value, event.timestamp, part.name)


def _optional(declared: Any) -> bool:
    """Whether an event's field may be empty: declared `… | None` (annotations are text here)."""
    text = declared if isinstance(declared, str) else repr(declared)
    return "None" in text or "Any" in text
