"""The API's payloads, one marshmallow schema each: the single definition that both shapes the
responses and generates the OpenAPI document."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from web.schemas import length


def _text(extra: dict, metadata: dict | None = None, **kwargs) -> fields.String:
    return fields.String(allow_none=True, metadata={**extra, **(metadata or {})}, **kwargs)


def iso_date(**kwargs) -> fields.String:
    return _text({"format": "date"}, **kwargs)


def iso_moment(**kwargs) -> fields.String:
    return _text({"format": "date-time"}, **kwargs)


def amount(**kwargs) -> fields.String:
    """Money is a decimal written as text (never a float), beside its currency."""
    return _text({"pattern": r"^-?\d+(\.\d+)?$"}, **kwargs)


class _Row(Schema):
    """What every register row says besides its own fields: whether its figures are invented."""

    illustrative = fields.Integer(metadata={"description": "1 when the record's figures are illustrative, not facts"})
    illustrative_reason = fields.String(allow_none=True, metadata={"description": "what was invented, and why"})


class ProjectRow(_Row):
    id = fields.UUID(required=True)
    code, title, stage = fields.String(), fields.String(), fields.String()
    priority, category, owner, direction = fields.String(), fields.String(), fields.String(), fields.String()
    regions, organization = fields.String(), fields.String(allow_none=True)
    budget_amount, budget_currency = amount(), fields.String(allow_none=True)
    planned_start, planned_end = iso_date(), iso_date()
    version = fields.Integer()


class GrantRow(_Row):
    id = fields.UUID(required=True)
    title, stage, programme, owner = fields.String(), fields.String(), fields.String(), fields.String()
    funder = fields.String(allow_none=True)
    requested_amount, requested_currency = amount(), fields.String()
    awarded_amount, awarded_currency = amount(), fields.String(allow_none=True)
    deadline, submitted_on, decided_on = iso_moment(), iso_date(), iso_date()
    win_probability = fields.Integer(allow_none=True)
    version = fields.Integer()


class MemorandumRow(_Row):
    id = fields.UUID(required=True)
    kind, subject, owner, stage = fields.String(), fields.String(), fields.String(), fields.String()
    signed_on, valid_until = iso_date(), iso_date()
    parties, commitments, projects = fields.Integer(), fields.Integer(), fields.Integer()
    lacks_substance = fields.Integer(metadata={"description": "1 when signed with no commitments and no projects"})
    version = fields.Integer()


class InitiativeRow(_Row):
    id = fields.UUID(required=True)
    roadmap, direction, title, owner = fields.String(), fields.String(), fields.String(), fields.String()
    status, health = fields.String(), fields.String()
    progress, postponements = fields.Integer(), fields.Integer()
    target_on, original_target_on = iso_date(), iso_date()
    version = fields.Integer()


class OrganizationRow(_Row):
    id = fields.UUID(required=True)
    name_uk, name_latin, kind, region, country = (fields.String() for _ in range(5))
    authority_level = fields.String(allow_none=True)
    archived = fields.Integer()
    version = fields.Integer()


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
