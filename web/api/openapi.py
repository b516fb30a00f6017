"""The OpenAPI 3 document of the API, generated from its marshmallow schemas, and a page that reads it."""

from __future__ import annotations

from typing import Any

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from flask import jsonify, render_template

from portfolio.register_specs import REGISTERS
from web.access import PUBLIC, allow
from web.api import api, schemas
from web.api.resources import KINDS, PAGES

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
                                "responses": _ok(schemas.Record, "the record")}},
        )  # fmt: skip
        spec.path(
            path=f"/{kind}/{{record_id}}/history",
            operations={"get": {"summary": f"The history of one of the {kind}", "tags": [kind],
                                "parameters": [_uuid_parameter()],
                                "responses": _ok(schemas.History, "every change, oldest first")}},
        )  # fmt: skip
    spec.path(
        path="/events",
        operations={"get": {"summary": "The event log, newest first", "tags": ["audit"],
                            "parameters": [{"in": "query", "schema": schemas.EventQuery}],
                            "responses": _ok(schemas.EventPage, "a page of events")}},
    )  # fmt: skip
    result = spec.to_dict()
    result["security"] = [{"token": []}]
    return result


@api.get("/openapi.json")
@allow(PUBLIC)
def openapi_json():
    return jsonify(document())


@api.get("/docs")
@allow(PUBLIC)
def docs() -> str:
    return render_template("api/docs.html", spec=document())
