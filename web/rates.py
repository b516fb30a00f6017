"""Exchange rates: the list, and a form for staff to enter a rate with its date."""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from marshmallow import ValidationError, fields, validate
from werkzeug.wrappers import Response

from domain.context import recording
from domain.rates import RATES_ID
from portfolio.errors import RuleBrokenError
from web.access import EDITORS, EVERYONE, allow
from web.actions import field_errors
from web.current import current_portfolio
from web.schemas import REQUIRED, FormSchema, date_field, known_currency, reason_field, rule_message

rates = Blueprint("rates", __name__, url_prefix="/rates")


class RateSchema(FormSchema):
    from_currency = fields.String(required=True, validate=known_currency, error_messages=REQUIRED)
    to_currency = fields.String(required=True, validate=known_currency, error_messages=REQUIRED)
    rate = fields.Decimal(
        required=True,
        places=None,
        allow_nan=False,
        validate=validate.Range(min=0, min_inclusive=False, error=_l("A rate must be a positive number.")),
        error_messages={
            **REQUIRED,
            "invalid": _l("Enter a number such as 0.0255."),
            "special": _l("Enter a number such as 0.0255."),
        },
    )
    on = date_field(_l("Date"))


class IllustrativeSchema(FormSchema):
    """Marking the rates illustrative (they are one record, marked as a whole), or clearing the mark."""

    reason = reason_field()


def _page(values: dict, errors: dict, message: str | None, status: int = 200) -> tuple[str, int]:
    portfolio = current_portfolio()
    template = "rates/_rates.html" if request.htmx else "rates/index.html"
    context = {"rows": portfolio.exchange_rates(), "values": values, "errors": errors, "message": message,
               "illustrative": portfolio.illustrative_rates()}  # fmt: skip
    return render_template(template, reporting=current_app.config["REPORTING_CURRENCY"], **context), status


@rates.get("/")
@allow(EVERYONE)
def index() -> tuple[str, int]:
    return _page({"to_currency": current_app.config["REPORTING_CURRENCY"]}, {}, None)


@rates.post("/")
@allow(EDITORS)
def record() -> Response | tuple[str, int]:
    values = request.form.to_dict()
    try:
        data = RateSchema().load_form(values)
    except ValidationError as error:
        return _page(values, field_errors(error), None, 422)
    try:
        with recording(current_user.username, data["reason"], data["effective_date"]):
            current_portfolio().record_exchange_rate(
                data["from_currency"], data["to_currency"], data["rate"], data["on"]
            )
    except RuleBrokenError as error:
        return _page(values, {}, rule_message(error), 422)
    if request.htmx:
        return _page({"to_currency": data["to_currency"]}, {}, None)
    return redirect(url_for("rates.index"))


@rates.post("/illustrative")
@allow(EDITORS)
def illustrative() -> Response | tuple[str, int]:
    """Mark the rates illustrative with what was invented, or clear the mark (whichever applies now)."""
    portfolio = current_portfolio()
    fresh = {"to_currency": current_app.config["REPORTING_CURRENCY"]}
    try:
        data = IllustrativeSchema().load_form(request.form.to_dict())
    except ValidationError as error:
        return _page(fresh, field_errors(error), None, 422)
    change = portfolio.clear_illustrative if portfolio.illustrative_rates() else portfolio.mark_illustrative
    try:
        with recording(current_user.username, data["reason"]):
            change(RATES_ID, data["reason"])
    except RuleBrokenError as error:
        return _page(fresh, {}, rule_message(error), 422)
    if request.htmx:
        return _page(fresh, {}, None)
    return redirect(url_for("rates.index"))
