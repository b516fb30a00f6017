"""Forms that create records: the same field descriptions as stage actions, and no version."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from flask import redirect, render_template
from flask_login import current_user
from htmx_flask import make_response, request
from marshmallow import ValidationError
from werkzeug.wrappers import Response

from domain.context import recording
from portfolio.errors import RuleBrokenError
from web.actions import Action, describe, field_errors
from web.current import current_portfolio
from web.record_links import record_url
from web.schemas import rule_errors


@dataclass(frozen=True)
class CreateForm:
    kind: str
    title: Any
    action: Action
    prepare: Callable[[dict[str, Any]], dict[str, Any]] = lambda data: data


def show(form: CreateForm, values: dict[str, str] | None = None, errors=None, message=None, status=200):
    """The form, with what was typed, or (a new form) the values a field takes when left empty: EUR, UA."""
    template = "forms/_create.html" if request.htmx else "forms/create.html"
    if values is None:
        values = {
            name: spec.load_default for name, spec in form.action.fields.items() if isinstance(spec.load_default, str)
        }
    html = render_template(
        template, form=form, inputs=describe(form.action), values=values, errors=errors or {}, message=message
    )
    return html, status


def create(form: CreateForm) -> Response | tuple[str, int]:
    values = request.form.to_dict()
    try:
        data = form.prepare(form.action.schema().load_form(values))
    except ValidationError as error:
        return show(form, values, field_errors(error), status=422)
    data.pop("version")
    effective = data.pop("effective_date")
    reason = data.pop("reason")
    try:
        with recording(current_user.username, reason, effective):
            record_id: UUID = form.action.use_case(current_portfolio(), **data)
    except RuleBrokenError as error:
        errors, message = rule_errors(error, form.action.fields)
        return show(form, values, errors, message, status=422)
    target = record_url(form.kind, record_id)
    if request.htmx:
        return make_response("", 204, redirect=target)
    return redirect(target)
