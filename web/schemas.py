"""Marshmallow schemas: every form and JSON body becomes typed values here, or field errors."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from marshmallow import EXCLUDE, Schema, ValidationError, fields, post_load, validate, validates_schema

from domain.money import Money

CURRENCY = validate.Regexp(r"^[A-Z]{3}$", error=_l("Use an ISO currency code such as UAH, EUR or USD."))
REQUIRED = {"required": _l("This field is required."), "null": _l("This field is required.")}


def text(required: bool = True, max_length: int = 500, **kwargs: Any) -> fields.String:
    return fields.String(
        required=required,
        validate=validate.Length(min=1 if required else 0, max=max_length),
        error_messages=REQUIRED,
        **kwargs,
    )


class FormSchema(Schema):
    """Forms send empty strings for empty fields: treat them as missing, and ignore extra fields."""

    class Meta:
        unknown = EXCLUDE

    version = fields.Integer(load_default=None)
    reason = fields.String(load_default=None, validate=validate.Length(max=1000))
    effective_date = fields.Date(load_default=None)

    def load_form(self, data: Any) -> dict[str, Any]:
        cleaned = {key: value for key, value in data.items() if isinstance(value, str) and value.strip() != ""}
        return self.load({key: value.strip() for key, value in cleaned.items()})


def amount_field(label: Any, required: bool = True) -> fields.Decimal:
    return fields.Decimal(
        required=required,
        places=None,
        allow_nan=False,
        validate=validate.Range(min=0, error=_l("An amount cannot be negative.")),
        error_messages={**REQUIRED, "invalid": _l("Enter a number such as 43000 or 43000.50.")},
        metadata={"label": label},
    )


def currency_field() -> fields.String:
    return fields.String(load_default="EUR", validate=CURRENCY, metadata={"label": _l("Currency")})


def date_field(label: Any, required: bool = True) -> fields.Date:
    return fields.Date(
        required=required,
        **({} if required else {"load_default": None}),
        error_messages={**REQUIRED, "invalid": _l("Enter a date.")},
        metadata={"label": label},
    )


def reason_field(label: Any = None) -> fields.String:
    label = label or _l("Reason")
    return fields.String(
        required=True, validate=validate.Length(min=1, max=1000), error_messages=REQUIRED, metadata={"label": label}
    )


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
                data[name] = Money(data[name], currency)
        return data
