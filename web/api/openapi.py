"""The OpenAPI 3 document of the API, generated from its marshmallow schemas, and a page that reads it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from flask import jsonify, render_template

from domain.values import AMOUNT_DIGITS, NUMBER_DIGITS, NUMBER_PLACES, WEB_ADDRESSES, is_multiline, text_limit
from portfolio.register_specs import REGISTERS
from web.access import PUBLIC, allow
from web.api import api, schemas
from web.api.resources import KINDS, PAGES
from web.api.writes import CREATE, PANELS

ERRORS = {
    "401": {"description": "no valid token or session", "content": {"application/json": {"schema": "Error"}}},
    "403": {"description": "the role may not do this", "content": {"application/json": {"schema": "Error"}}},
    "404": {"description": "no such record", "content": {"application/json": {"schema": "Error"}}},
    "400": {"description": "as_of is not a date", "content": {"application/json": {"schema": "Error"}}},
    "422": {"description": "a parameter is not valid", "content": {"application/json": {"schema": "Error"}}},
}


def _ok(schema: Any, description: str) -> dict[str, Any]:
    return {"200": {"description": description, "content": {"application/json": {"schema": schema}}}, **ERRORS}


def _uuid_parameter() -> dict[str, Any]:
    return {"name": "record_id", "in": "path", "required": True, "schema": {"type": "string", "format": "uuid"}}


def document() -> dict[str, Any]:
    spec = APISpec(
        title="Cluster portfolio API",
        version="1.0.0",
        openapi_version="3.0.3",
        plugins=[MarshmallowPlugin()],
        info={"description": "Registers, records, their history and the event log of the portfolio tracker."},
        servers=[{"url": "/api/v1"}],
    )
    spec.components.security_scheme("token", {"type": "http", "scheme": "bearer"})
    spec.components.schema("Error", schema=schemas.Error)
    spec.components.schema("Record", schema=schemas.Record)
    for kind in KINDS:
        filters = [{"name": key, "in": "query", "schema": {"type": "string"}} for key in REGISTERS[kind].filters]
        spec.path(
            path=f"/{kind}",
            operations={"get": {"summary": f"List {kind}", "tags": [kind],
                                "parameters": [{"in": "query", "schema": schemas.ListQuery}, *filters],
                                "responses": _ok(PAGES[kind], f"a page of {kind}")}},
        )  # fmt: skip
        spec.path(
            path=f"/{kind}/{{record_id}}",
            operations={"get": {"summary": f"One of the {kind}, with every field and sub-record", "tags": [kind],
                                "parameters": [_uuid_parameter()],
                                "responses": _ok("Record", "the record")}},
        )  # fmt: skip
        spec.path(
            path=f"/{kind}/{{record_id}}/history",
            operations={"get": {"summary": f"The history of one of the {kind}", "tags": [kind],
                                "parameters": [_uuid_parameter()],
                                "responses": _ok(schemas.History, "every change, oldest first")}},
        )  # fmt: skip
    requests = _writes(spec)
    spec.path(
        path="/events",
        operations={"get": {"summary": "The event log, newest first", "tags": ["audit"],
                            "parameters": [{"in": "query", "schema": schemas.EventQuery}],
                            "responses": _ok(schemas.EventPage, "a page of events")}},
    )  # fmt: skip
    result = _numbers(spec.to_dict())
    for component, money in requests.items():
        _with_limits(result["components"]["schemas"][component], money)
    result["security"] = [{"token": []}]
    return result


# What `domain/values.py` takes, written as JSON Schema (dates' range cannot be, in OpenAPI 3.0).
ONE_LINE = "^[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]*$"
MULTI_LINE = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]*$"
WEB_ADDRESS = "^(https?://[^\\s\\u0000-\\u001f\\u007f-\\u009f/?#]+[^\\s\\u0000-\\u001f\\u007f-\\u009f]*)?$"


def _with_limits(schema: dict[str, Any], money: tuple[str, ...]) -> None:
    """Document on a request body the bounds of its values that the domain checks."""
    for name, field in schema.get("properties", {}).items():
        if field.get("type") == "string" and not ({"format", "pattern", "enum"} & field.keys()):
            field["maxLength"] = min(field.get("maxLength", text_limit(name)), text_limit(name))
            field["pattern"] = WEB_ADDRESS if name in WEB_ADDRESSES else MULTI_LINE if is_multiline(name) else ONE_LINE
        elif field.get("type") == "number":
            digits, places = (AMOUNT_DIGITS, 2) if name in money else (NUMBER_DIGITS, NUMBER_PLACES)
            field["exclusiveMaximum"], field["maximum"] = True, 10**digits
            field.setdefault("minimum", -(10**digits))
            field["exclusiveMinimum"] = field["minimum"] != 0
            field["multipleOf"] = float(Decimal(1).scaleb(-places))


def _numbers(value: Any) -> Any:
    """Bounds of decimal fields come out as Decimal; JSON Schema wants numbers."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {key: _numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_numbers(item) for item in value]
    return value


WRITE_ERRORS = {
    code: {"description": text, "content": {"application/json": {"schema": "Error"}}}
    for code, text in (("401", "no valid token"), ("403", "not with a token, or the role may not"),
                       ("404", "no such record or action"), ("409", "the record changed: see its current version"),
                       ("422", "a field is not valid, or the rules refuse it"), ("428", "If-Match is missing"))
}  # fmt: skip


def _writes(spec: APISpec) -> dict[str, tuple[str, ...]]:
    """Creating each kind of record, and each action on one, with the fields its form asks for;
    returns the names of their request bodies, each with its amounts of money."""
    record = {"application/json": {"schema": "Record"}}
    requests: dict[str, tuple[str, ...]] = {}
    for kind, panel in PANELS.items():
        name = kind.title()
        spec.components.schema(f"New{name}", schema=CREATE[kind].action.schema(api=True))
        requests[f"New{name}"] = CREATE[kind].action.money
        spec.path(
            path=f"/{kind}",
            operations={"post": {"summary": f"Create one of the {kind}", "tags": [kind],
                                 "requestBody": {"required": True,
                                                 "content": {"application/json": {"schema": f"New{name}"}}},
                                 "responses": {"201": {"description": "created", "content": record},
                                               **WRITE_ERRORS}}},
        )  # fmt: skip
        for action in panel.actions.values():
            component = f"{name}{action.name.title().replace('-', '')}"
            spec.components.schema(component, schema=action.schema(api=True))
            requests[component] = action.money
            if_match = {"name": "If-Match", "in": "header", "required": True,
                        "schema": {"type": "integer", "minimum": 1, "maximum": 10**18 - 1},
                        "description": "the version of the record the change was made against"}  # fmt: skip
            spec.path(
                path=f"/{kind}/{{record_id}}/{action.name}",
                operations={"post": {"summary": str(action.label), "tags": [kind],
                                     "parameters": [_uuid_parameter(), if_match],
                                     "requestBody": {"required": True,
                                                     "content": {"application/json": {"schema": component}}},
                                     "responses": {"200": {"description": "the changed record", "content": record},
                                                   **WRITE_ERRORS}}},
            )  # fmt: skip
    return requests


@api.get("/openapi.json")
@allow(PUBLIC)
def openapi_json():
    return jsonify(document())


@api.get("/docs")
@allow(PUBLIC)
def docs() -> str:
    return render_template("api/docs.html", spec=document())
