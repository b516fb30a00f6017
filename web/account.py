"""The signed-in person's own page: where reminders go, and personal tokens for the API and calendars."""

from __future__ import annotations

from uuid import UUID

from flask import Blueprint, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from marshmallow import ValidationError, fields, validate
from werkzeug.wrappers import Response

from domain.account import TOKEN_PURPOSES
from portfolio.errors import RuleBrokenError
from web.access import EVERYONE, allow
from web.actions import field_errors
from web.current import current_portfolio
from web.schemas import REQUIRED, FormSchema, length, rule_errors, rule_message, text

account = Blueprint("account", __name__, url_prefix="/account")


class TokenSchema(FormSchema):
    name = text(max_length=80, metadata={"label": _l("What it is for")})
    purpose = fields.String(required=True, validate=validate.OneOf(TOKEN_PURPOSES), error_messages=REQUIRED)


def _page(status: int = 200, **context) -> tuple[str, int]:
    portfolio = current_portfolio()
    tokens = portfolio.tokens(current_user.username)
    email = portfolio.account(current_user.username)["email"]
    context = {"values": {}, "errors": {}, "message": None, "new_token": None, **context}
    return render_template("account/index.html", tokens=tokens, email=email, **context), status


@account.get("/")
@allow(EVERYONE)
def index() -> tuple[str, int]:
    return _page()


@account.post("/tokens")
@allow(EVERYONE)
def issue_token() -> tuple[str, int]:
    """A new token, shown on the page this once."""
    values = request.form.to_dict()
    try:
        data = TokenSchema().load_form(values)
    except ValidationError as error:
        return _page(422, values=values, errors=field_errors(error))
    try:
        token = current_portfolio().issue_token(current_user.username, data["name"], data["purpose"])
    except RuleBrokenError as error:
        errors, message = rule_errors(error, TokenSchema().fields)
        return _page(422, values=values, errors=errors, message=message)
    return _page(new_token={"token": token, "purpose": data["purpose"], "name": data["name"]})


class EmailSchema(FormSchema):
    email = fields.String(load_default="", validate=length(maximum=200))


@account.post("/email")
@allow(EVERYONE)
def set_email() -> Response | tuple[str, int]:
    """Where reminders go (empty: no reminders)."""
    values = request.form.to_dict()
    try:
        data = EmailSchema().load_form(values)
        current_portfolio().set_email(current_user.username, data["email"])
    except ValidationError as error:
        return _page(422, values=values, errors=field_errors(error))
    except RuleBrokenError as error:
        return _page(422, values=values, errors={"email": [rule_message(error)]})
    return redirect(url_for("account.index"))


@account.post("/tokens/<uuid:token_id>/revoke")
@allow(EVERYONE)
def revoke_token(token_id: UUID) -> Response | tuple[str, int]:
    try:
        current_portfolio().revoke_token(current_user.username, token_id)
    except RuleBrokenError as error:
        return _page(422, message=rule_message(error))
    return redirect(url_for("account.index"))
