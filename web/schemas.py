"""Marshmallow schemas: every form and JSON body becomes typed values here, or field errors."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from babel.numbers import format_decimal
from flask_babel import get_locale, gettext
from flask_babel import lazy_gettext as _l
from marshmallow import EXCLUDE, Schema, ValidationError, fields, post_load, validate, validates_schema

from domain import context
from domain.errors import DomainError, Phrase
from domain.localtime import KYIV
from domain.money import Money, is_currency
from domain.values import ValueProblem, check_amount, check_happened, check_value
from web import formatting, typed
from web.labels import label


def length(minimum: int = 0, maximum: int | None = None, equal: int | None = None) -> validate.Length:
    """A text's length, told in the person's language when it is wrong."""
    if equal is not None:
        return validate.Length(equal=equal, error=_l("Enter exactly {equal} characters."))
    if minimum:
        return validate.Length(min=minimum, max=maximum, error=_l("Enter from {min} to {max} characters."))
    return validate.Length(max=maximum, error=_l("Enter at most {max} characters."))


def known_currency(code: str) -> None:
    """A currency the domain accepts: an ISO 4217 code, not merely three capitals."""
    if not is_currency(code):
        raise ValidationError(str(_l("Use an ISO currency code such as UAH, EUR or USD.")))


REQUIRED = {"required": _l("This field is required."), "null": _l("This field is required.")}
NUMBER = {
    "invalid": _l("Enter an amount in figures, such as 43,000.50."),
    "special": _l("Enter an amount in figures, such as 43,000.50."),
}
FIGURE = {  # a count or a measure that is not money (a KPI's value)
    "invalid": _l("Enter a number in figures, such as 120 or 22.5."),
    "special": _l("Enter a number in figures, such as 120 or 22.5."),
}
DATE = _l("Enter a date such as 03/31/2027.")
MOMENT = _l("Enter a date and time such as 03/31/2027 18:00.")


def text(required: bool = True, max_length: int = 500, **kwargs: Any) -> fields.String:
    return fields.String(
        required=required,
        validate=length(1 if required else 0, max_length),
        error_messages=REQUIRED,
        **kwargs,
    )


# What a value the domain cannot hold is told, by its problem's code (see domain/values.py).
PROBLEMS = {
    "required": _l("This field is required."),
    "too_long": _l("At most %(limit)s characters."),
    "control_character": _l("Remove the control characters (such as NUL, or a line break in a one-line field)."),
    "not_unicode": _l("This text holds characters that are not valid Unicode."),
    "date_range": _l("Enter a date between 1900 and 2200."),
    "naive_moment": _l("Enter a date and time with its time zone."),
    "future": _l("It cannot have happened later than tomorrow."),
    "not_a_number": _l("Enter a number."),
    "too_large": _l("At most %(limit)s digits before the decimal point."),
    "too_many_places": _l("At most %(limit)s digits after the decimal point."),
    "not_a_web_address": _l("Enter a web address starting with https://."),
}


def problem_message(code: str, limit: Any = None) -> str:
    """What is wrong with a value the domain cannot hold, by its problem's code, in the person's language."""
    return gettext(str(PROBLEMS[code]), limit=limit) if code in PROBLEMS else code


def problem_fields(error: BaseException) -> dict[str, list[str]] | None:
    """The field and its message when a domain error was a value the domain cannot hold."""
    cause = error if isinstance(error, ValueProblem) else error.__cause__
    if isinstance(cause, ValueProblem) and cause.field:
        return {cause.field: [problem_message(cause.code, cause.limit)]}
    return None


def rule_errors(error: BaseException, names: Any) -> tuple[dict[str, list[str]], str | None]:
    """A refused change as the form shows it: beside its field when the form has that field,
    otherwise as the form's message."""
    found = problem_fields(error)
    if found and set(found) <= set(names):
        return found, None
    about = getattr(error, "about", None)
    if about in names:
        return {about: [rule_message(error)]}, None
    if found:
        return {}, "; ".join(f"{name}: {' '.join(messages)}" for name, messages in found.items())
    return {}, rule_message(error)


def rule_message(error: BaseException) -> str:
    """A rule's refusal in the person's language. A `DomainError` or `RuleBrokenError` is told by
    its template (extracted for translation, see babel.cfg and `make translations`), translated,
    with its values written as the person's locale writes them; a value the domain could not hold
    by its problem's code; any other error (already in the person's language) as it is."""
    problem = error if isinstance(error, ValueProblem) else error.__cause__
    if isinstance(problem, ValueProblem):
        return problem_message(problem.code, problem.limit)
    template = getattr(error, "template", None)
    if not isinstance(template, str):
        return gettext(str(error))
    return told(template, getattr(error, "values", {}))


def told(template: str, values: dict[str, Any]) -> str:
    """A template of the domain's, translated and filled in with its values for the person."""
    translated = gettext(template)
    if not values:
        return translated
    shown = {name: told_value(value) for name, value in values.items()}
    try:
        return translated.format_map(shown)
    except (KeyError, IndexError, ValueError):  # a translation that lost its placeholders: the English
        return template.format_map(shown)


def told_value(value: Any) -> Any:
    """A value named in a refusal as the person's language writes it: the domain's own words and
    vocabulary translated, dates and amounts in the locale's format, a list joined."""
    if isinstance(value, Phrase):
        return told(value.template, value.values)
    if isinstance(value, Enum):
        return label(value)
    if isinstance(value, Money):
        return formatting.money(value)
    if isinstance(value, datetime):
        return formatting.moment(value)
    if isinstance(value, date):
        return formatting.day(value)
    if isinstance(value, Decimal) and value.is_finite():
        exponent = value.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        return format_decimal(value, "#,##0." + "0" * places if places else "#,##0", locale=str(get_locale()))
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(str(told_value(item)) for item in value)
    return value


def check_loaded(name: str, value: Any, data: dict[str, Any], money_fields: tuple[str, ...] = ()) -> None:
    """Put a loaded value to the domain's checks of values, under its field's name (an amount with
    the currency beside it, an effective date against today)."""
    if name == "effective_date" and value is not None:
        check_happened(value, context.now())
    elif name in money_fields and value is not None:
        check_amount(value, data.get(f"{name}_currency") or "EUR", name)
    else:
        check_value(value, name)


class FormSchema(Schema):
    """Forms send empty strings for empty fields: treat them as missing, and ignore extra fields.
    Every loaded value also passes the domain's checks of values, so a form and the API name the
    field of a value no part of the tracker could hold."""

    class Meta:
        unknown = EXCLUDE

    money_fields: tuple[str, ...] = ()

    version = fields.Integer(load_default=None)
    reason = fields.String(load_default=None, validate=length(maximum=1000))
    effective_date = fields.Date(load_default=None, error_messages={"invalid": DATE})

    def load_form(self, data: Any) -> dict[str, Any]:
        """A form's fields, amounts and dates read as the person's language writes them (see `typed.py`)."""
        cleaned = {key: value.strip() for key, value in data.items() if isinstance(value, str) and value.strip()}
        language = str(get_locale() or "uk")
        return self.load({key: _as_typed(self.fields.get(key), value, language) for key, value in cleaned.items()})

    @validates_schema(skip_on_field_errors=False)
    def check_values(self, data: dict[str, Any], **_: Any) -> None:
        errors: dict[str, list[str]] = {}
        for name, value in data.items():
            try:
                check_loaded(name, value, data, self.money_fields)
            except ValueProblem as problem:
                errors[name] = [problem_message(problem.code, problem.limit)]
        if errors:
            raise ValidationError(errors)


def _as_typed(field: fields.Field | None, value: str, language: str) -> str:
    if isinstance(field, fields.Decimal):
        return typed.amount(value, language)
    if isinstance(field, fields.Integer):
        return typed.whole_number(value)
    if isinstance(field, fields.DateTime):
        return typed.moment(value, language)
    if isinstance(field, fields.Date):
        return typed.day(value, language)
    return value


def amount_field(label: Any, required: bool = True) -> fields.Decimal:
    return fields.Decimal(
        required=required,
        places=None,
        allow_nan=False,
        validate=validate.Range(min=0, error=_l("An amount cannot be negative.")),
        error_messages={**REQUIRED, **NUMBER},
        metadata={"label": label},
    )


def tick_field(label: Any) -> fields.Boolean:
    """A tick box: yes when ticked (an amount beside it is an estimate, a checklist's answer is yes)."""
    return fields.Boolean(
        load_default=False, error_messages={"invalid": _l("Tick the box or leave it empty.")}, metadata={"label": label}
    )


def currency_field() -> fields.String:
    return fields.String(load_default="EUR", validate=known_currency, metadata={"label": _l("Currency")})


def date_field(label: Any, required: bool = True) -> fields.Date:
    return fields.Date(
        required=required,
        **({} if required else {"load_default": None}),
        error_messages={**REQUIRED, "invalid": DATE},
        metadata={"label": label},
    )


def deadline_field(required: bool = True) -> fields.AwareDateTime:
    """A call's deadline: a date and time, in Kyiv time unless it names its zone."""
    return fields.AwareDateTime(
        required=required,
        **({} if required else {"load_default": None}),
        default_timezone=KYIV,
        error_messages={**REQUIRED, "invalid": MOMENT},
        metadata={"label": _l("Deadline (Kyiv time)")},
    )


def reason_field(label: Any = None) -> fields.String:
    label = label or _l("Reason")
    return fields.String(required=True, validate=length(1, 1000), error_messages=REQUIRED, metadata={"label": label})


def enum_field(enum: type, label: Any, required: bool = True) -> fields.Enum:
    return fields.Enum(
        enum,
        by_value=True,
        required=required,
        **({} if required else {"load_default": None}),
        error_messages={**REQUIRED, "unknown": _l("Choose one of the listed values.")},
        metadata={"label": label},
    )


def percent_field(label: Any) -> fields.Integer:
    return fields.Integer(
        required=True,
        validate=validate.Range(min=0, max=100, error=_l("Enter a number from 0 to 100.")),
        error_messages={**REQUIRED, "invalid": _l("Enter a whole number.")},
        metadata={"label": label},
    )


class DatesInOrder:
    """Mixin: `<start>` must not be after `<end>` for each pair in `date_pairs`."""

    date_pairs: tuple[tuple[str, str], ...] = ()

    @validates_schema
    def check_order(self, data: dict[str, Any], **_: Any) -> None:
        for start, end in self.date_pairs:
            if data.get(start) and data.get(end) and data[end] < data[start]:
                raise ValidationError({end: [str(_l("The end cannot be before the start."))]})


class WithMoney:
    """Mixin: an amount field `<name>` and its `<name>_currency` become one Money value."""

    money_fields: tuple[str, ...] = ()

    @post_load
    def fold_money(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        for name in self.money_fields:
            currency = data.pop(f"{name}_currency", "EUR")
            if data.get(name) is not None:
                try:
                    data[name] = Money(data[name], currency)
                except DomainError as error:  # the checks of values came first: this is a last resort
                    raise ValidationError({name: [rule_message(error)]}) from error
        return data
