"""The API's payloads, one marshmallow schema each: the single definition that both shapes the
responses and generates the OpenAPI document."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from portfolio.kinds import Field, Kind
from web.schemas import length


def _text(extra: dict, metadata: dict | None = None, **kwargs) -> fields.String:
    return fields.String(allow_none=True, metadata={**extra, **(metadata or {})}, **kwargs)


def iso_date(**kwargs) -> fields.String:
    return _text({"format": "date"}, **kwargs)


def iso_moment(**kwargs) -> fields.String:
    return _text({"format": "date-time"}, **kwargs)


def amount(**kwargs) -> fields.String:
    """Money is a decimal written as text (never a float), beside its currency; never below zero."""
    return _text({"pattern": r"^\d+(\.\d+)?$"}, **kwargs)


class _Row(Schema):
    """What every register row says besides its own fields: whether its figures are invented."""

    id = fields.UUID(required=True)
    version = fields.Integer(required=True, metadata={"description": "send it back in If-Match to change the record"})
    illustrative = fields.Integer(metadata={"description": "1 when the record's figures are illustrative, not facts"})
    illustrative_reason = fields.String(allow_none=True, metadata={"description": "what was invented, and why"})


def _typed(field: Field) -> dict[str, fields.Field]:
    """A register's field as the API types it (see `portfolio/kinds.py`): its row's keys."""
    described = {"description": field.label}
    if field.type == "money":
        amount_key, currency_key, *estimated = field.columns
        flags = {key: fields.Integer(metadata={"description": "1 when the amount is an estimate"}) for key in estimated}
        return {amount_key: amount(metadata=described), currency_key: _text({"description": "ISO 4217"}), **flags}
    if field.type == "choice":
        assert field.vocabulary is not None
        words = ", ".join(str(member.value) for member in field.vocabulary)
        return {field.name: _text({"description": f"{field.label}: one of {words}"})}
    if field.type in ("count", "flag"):
        return {field.name: fields.Integer(allow_none=True, metadata=described)}
    if field.type == "day":
        return {field.name: iso_date(metadata=described)}
    if field.type == "deadline":
        return {field.name: iso_moment(metadata=described)}
    return {field.name: _text(described)}


def row_of(kind: Kind) -> type[Schema]:
    """A row of the kind's register: every field it declares."""
    typed = {key: value for field in kind.fields for key, value in _typed(field).items()}
    return _Row.from_dict(typed, name=f"{kind.name.title()}Row")


class AsOfInfo(Schema):
    moment = iso_moment(required=True)
    position = fields.Integer(required=True, metadata={"description": "the last event the view includes"})
    real_on = iso_date(metadata={"description": "set when the view is 'as it really was' on a day"})


def page_of(item: type[Schema], name: str) -> type[Schema]:
    """The envelope of a list: its items and where the page lies."""
    return Schema.from_dict(
        {
            "items": fields.List(fields.Nested(item), required=True),
            "total": fields.Integer(required=True),
            "page": fields.Integer(required=True),
            "per_page": fields.Integer(required=True),
            "pages": fields.Integer(required=True),
            "as_of": fields.Nested(AsOfInfo, allow_none=True),
        },
        name=name,
    )


class ListQuery(Schema):
    """What a list accepts besides its register's filters."""

    q = fields.String(validate=length(maximum=200), metadata={"description": "search text"})
    sort = fields.String(metadata={"description": "a column of the register"})
    dir = fields.String(validate=validate.OneOf(["asc", "desc"]))
    page = fields.Integer(validate=validate.Range(min=1, max=1_000_000))
    per_page = fields.Integer(validate=validate.Range(min=1, max=200))
    as_of = fields.String(
        metadata={
            "description": "YYYY-MM-DD (the end of that Kyiv day) or YYYY-MM-DDTHH:MM (Kyiv time)",
            "pattern": r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?$",
        }
    )
    basis = fields.String(validate=validate.OneOf(["recorded", "real"]))


class Record(Schema):
    """One record with every field and sub-record; its fields depend on its kind."""

    class Meta:
        unknown = "include"

    id = fields.UUID(required=True)
    version = fields.Integer(required=True, metadata={"description": "send it back in If-Match to change the record"})


class Change(Schema):
    field = fields.String(required=True)
    old = fields.Raw(allow_none=True)
    new = fields.Raw(allow_none=True)
    item = fields.Raw(allow_none=True, metadata={"description": "the sub-record's name, for a change inside one"})
    part = fields.String(metadata={"description": "the field inside the sub-record"})
    appended = fields.Boolean()


class HistoryEntry(Schema):
    position = fields.Integer(allow_none=True)
    version = fields.Integer(required=True)
    event = fields.String(required=True)
    recorded_at = iso_moment(required=True)
    effective_date = iso_date()
    actor = fields.String(required=True)
    reason = fields.String(allow_none=True)
    changes = fields.List(fields.Nested(Change))


class History(Schema):
    items = fields.List(fields.Nested(HistoryEntry), required=True)


class Event(Schema):
    position = fields.Integer(required=True)
    record_id = fields.UUID(required=True)
    record_type, kind, title = fields.String(required=True), fields.String(), fields.String(allow_none=True)
    version = fields.Integer(required=True)
    event = fields.String(required=True)
    recorded_at = iso_moment(required=True)
    real_on = iso_date(required=True)
    effective_on = iso_date()
    actor = fields.String(required=True)
    reason = fields.String(allow_none=True)
    summary = fields.String(required=True)


class EventPage(Schema):
    items = fields.List(fields.Nested(Event), required=True)
    total = fields.Integer(required=True)
    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)
    pages = fields.Integer(required=True)


class EventQuery(Schema):
    record_type = fields.String()
    record_id = fields.UUID()
    actor = fields.String()
    event = fields.String()
    since = fields.Date(validate=lambda day: 1900 <= day.year <= 2100, metadata={"description": "from this Kyiv day"})
    until = fields.Date(validate=lambda day: 1900 <= day.year <= 2100, metadata={"description": "to this day"})
    page = fields.Integer(validate=validate.Range(min=1, max=1_000_000))
    per_page = fields.Integer(validate=validate.Range(min=1, max=200))


class Error(Schema):
    status = fields.Integer(required=True)
    message = fields.String(required=True)
    fields_ = fields.Dict(keys=fields.String(), values=fields.List(fields.String()), data_key="fields")
    version = fields.Integer(metadata={"description": "the record's current version, on a conflict (409)"})
