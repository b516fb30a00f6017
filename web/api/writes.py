"""Writing through the API: create a record, or do one of its actions (each its own endpoint, with
the same fields and rules as the pages), against the version the program saw (`If-Match`).

Writes need a personal API token: a cross-site page cannot send that header, so these routes are
safe without the CSRF token that forms carry, and a browser session alone cannot write here.
"""

from __future__ import annotations

import re
from typing import Any
from uuid import UUID

from flask import jsonify, request
from flask_login import current_user
from marshmallow import EXCLUDE, ValidationError
from werkzeug.exceptions import Forbidden, HTTPException, NotFound, Unauthorized, UnprocessableEntity

from domain.context import recording
from portfolio.errors import RuleBrokenError
from web import (
    create_forms,
    grant_actions,
    initiative_actions,
    memorandum_actions,
    organization_actions,
    project_actions,
)
from web.access import ROADMAP_EDITORS, allow
from web.actions import Action, StagePanel, run_action
from web.api import api
from web.api.resources import KIND, KINDS, jsonable
from web.creation import CreateForm
from web.current import current_portfolio
from web.schemas import problem_fields

PANELS: dict[str, StagePanel] = {
    "projects": project_actions.PANEL,
    "grants": grant_actions.PANEL,
    "memoranda": memorandum_actions.PANEL,
    "initiatives": initiative_actions.PANEL,
    "organizations": organization_actions.PANEL,
}
CREATE: dict[str, CreateForm] = {
    "projects": create_forms.PROJECT,
    "grants": create_forms.GRANT,
    "memoranda": create_forms.MEMORANDUM,
    "initiatives": create_forms.INITIATIVE,
    "organizations": create_forms.ORGANIZATION,
}


# The part of a URL that names an action: any action of any register (which one a register has is
# checked in `act`), never "history", whose URL is a record's too.
_ACTION_NAMES = sorted({name for panel in PANELS.values() for name in panel.actions})
ACTION = "any({}):action_name".format(", ".join(f'"{name}"' for name in _ACTION_NAMES))


class PreconditionRequired(HTTPException):
    code = 428
    description = "Send the version you saw in the If-Match header (the record's `version`)."


def _writer(kind: str) -> None:
    """Refuse a write without a token, or by a role that may not."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer":
        raise Forbidden("Writing through the API needs a personal API token (Authorization: Bearer pt_…).")
    holder = current_portfolio().account_for_token(token.strip(), "api")
    if holder is None:
        raise Unauthorized("The API token is not valid.")
    if holder["username"] != current_user.username:  # a browser session never lends its person to a token
        raise Forbidden("The token and the signed-in session belong to different people.")
    if current_user.role not in PANELS[kind].roles:
        raise Forbidden("Your role may not make this change.")


def _body(action: Action) -> dict[str, Any]:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise UnprocessableEntity(description={"_schema": ["Send a JSON object."]})
    try:
        return action.schema(api=True).load(body, unknown=EXCLUDE)
    except ValidationError as error:
        raise UnprocessableEntity(description=error.messages) from error


def _record(kind: str, record_id: UUID, status: int = 200):
    record = KINDS[kind][1](current_portfolio(), record_id)
    response = jsonify(jsonable(record))
    response.status_code = status
    response.headers["ETag"] = f'"{record["version"]}"'
    return response


@api.post(f"/<{KIND}>")
@allow(ROADMAP_EDITORS)
def create(kind: str):
    _writer(kind)
    form = CREATE[kind]
    data = form.prepare(_body(form.action))
    data.pop("version", None)
    effective, reason = data.pop("effective_date", None), data.pop("reason", None)
    try:
        with recording(current_user.username, reason, effective):
            record_id = form.action.use_case(current_portfolio(), **data)
    except RuleBrokenError as error:
        raise UnprocessableEntity(description=problem_fields(error) or str(error)) from error
    response = _record(kind, record_id, 201)
    response.headers["Location"] = f"/api/v1/{kind}/{record_id}"
    return response


@api.post(f"/<{KIND}>/<uuid:record_id>/<{ACTION}>")
@allow(ROADMAP_EDITORS)
def act(kind: str, record_id: UUID, action_name: str):
    _writer(kind)
    action = PANELS[kind].actions.get(action_name)
    if action is None:
        raise NotFound(f"A record of '{kind}' has no action '{action_name}'.")
    version = _if_match()
    data = _body(action)
    try:
        run_action(action, record_id, data, version)
    except RuleBrokenError as error:
        raise UnprocessableEntity(description=problem_fields(error) or str(error)) from error
    return _record(kind, record_id)


def _if_match() -> int:
    text = request.headers.get("If-Match", "").strip().strip('"').removeprefix("W/").strip('"')
    if not text:
        raise PreconditionRequired()
    if not re.fullmatch(r"[0-9]{1,18}", text):
        raise UnprocessableEntity(description={"If-Match": ["Send the record's version, a whole number."]})
    return int(text)
