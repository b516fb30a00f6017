"""The API's routes: registers, records, their history, and the event log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID

from flask import g, jsonify, request
from marshmallow import EXCLUDE, Schema, ValidationError
from werkzeug.exceptions import NotFound, UnprocessableEntity

from domain.money import Money
from portfolio.app import Portfolio
from portfolio.audit.log import LogFilter
from portfolio.kinds import BY_REGISTER, GRANT, INITIATIVE, MEMORANDUM, ORGANIZATION, PROJECT
from portfolio.register_specs import REGISTERS
from portfolio.registers import ListRequest
from web.access import EVERYONE, allow, hidden_record_types
from web.api import api, schemas
from web.current import current_portfolio

KINDS: dict[str, tuple[type[Schema], Callable[..., Any]]] = {  # register: (its row schema, the query of one record)
    "projects": (schemas.row_of(PROJECT), Portfolio.project_detail),
    "grants": (schemas.row_of(GRANT), Portfolio.grant_detail),
    "memoranda": (schemas.row_of(MEMORANDUM), Portfolio.memorandum_detail),
    "initiatives": (schemas.row_of(INITIATIVE), Portfolio.initiative_detail),
    "organizations": (schemas.row_of(ORGANIZATION), Portfolio.organization_detail),
}
PAGES = {name: schemas.page_of(row, f"{row.__name__}Page") for name, (row, _) in KINDS.items()}
# The part of a URL that names a register: only these match, so /events is not taken for one.
KIND = f"any({', '.join(KINDS)}):kind"


def jsonable(value: Any) -> Any:
    """Domain values as JSON: money as {amount (text), currency}, enums by value, ids and dates as text."""
    if isinstance(value, Money):
        return {"amount": str(value.amount), "currency": value.currency}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, UUID | Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set):
        return [jsonable(item) for item in value]
    return value


def _load(schema: Schema) -> dict[str, Any]:
    try:
        return schema.load(request.args, unknown=EXCLUDE)
    except ValidationError as error:
        raise UnprocessableEntity(description=error.messages) from error


def _as_of() -> dict[str, Any] | None:
    as_of = g.get("as_of")
    if as_of is None:
        return None
    return {"moment": as_of.moment.isoformat(), "position": as_of.position,
            "real_on": as_of.real_on.isoformat() if as_of.real_on else None}  # fmt: skip


@api.get(f"/<{KIND}>")
@allow(EVERYONE)
def list_records(kind: str):
    query = _load(schemas.ListQuery())
    filters = {key: request.args[key] for key in REGISTERS[kind].filters if request.args.get(key)}
    wanted = ListRequest(filters, query.get("q", ""), query.get("sort", ""), query.get("dir") == "desc",
                         query.get("page", 1), query.get("per_page", 25))  # fmt: skip
    page = current_portfolio().list_register(kind, wanted)
    body = {"items": page.rows, "total": page.total, "page": page.request.page, "per_page": page.request.per_page,
            "pages": page.pages, "as_of": _as_of()}  # fmt: skip
    return jsonify(PAGES[kind]().dump(body))


@api.get(f"/<{KIND}>/<uuid:record_id>")
@allow(EVERYONE)
def read_record(kind: str, record_id: UUID):
    detail = KINDS[kind][1](current_portfolio(), record_id)
    return jsonify(jsonable(detail))


@api.get(f"/<{KIND}>/<uuid:record_id>/history")
@allow(EVERYONE)
def record_history(kind: str, record_id: UUID):
    portfolio = current_portfolio()
    if portfolio.record_title(record_id)["kind"] != BY_REGISTER[kind].name:
        raise NotFound(f"No record {record_id} in {kind}.")
    entries = portfolio.record_history(record_id)
    items = [jsonable({**vars(entry), "changes": [vars(change) for change in entry.changes]}) for entry in entries]
    return jsonify(schemas.History().dump({"items": items}))


@api.get("/events")
@allow(EVERYONE)
def events():
    query = _load(schemas.EventQuery())
    chosen = LogFilter(
        record_type=query.get("record_type", ""),
        record_id=str(query.get("record_id", "")),
        actor=query.get("actor", ""),
        event=query.get("event", ""),
        since=query.get("since"),
        until=query.get("until"),
        hidden=hidden_record_types(),
    )
    page = current_portfolio().audit_log(chosen, query.get("page", 1), query.get("per_page", 50))
    body = {"items": page.rows, "total": page.total, "page": page.page, "per_page": page.per_page, "pages": page.pages}
    return jsonify(schemas.EventPage().dump(body))
