"""Grant applications register and detail page."""

from __future__ import annotations

from uuid import UUID

from flask import Blueprint, current_app, render_template, request
from flask_babel import gettext as _

from domain.enums import GrantStage
from web import create_forms, creation, timetravel
from web.access import EDITORS, EVERYONE, allow
from web.actions import action_form, perform
from web.current import current_portfolio
from web.grant_actions import PANEL
from web.labels import label
from web.registers import Filter, enum_options, render_register, value_options

grants = Blueprint("grants", __name__, url_prefix="/grants")


@grants.get("/")
@allow(EVERYONE)
def index() -> str:
    filters = [
        Filter("stage", _("Stage"), enum_options(GrantStage, label)),
        Filter("funder", _("Funder"), value_options("grants", "funder")),
        Filter("programme", _("Programme"), value_options("grants", "programme")),
        Filter("owner", _("Owner"), value_options("grants", "owner")),
        Filter("currency", _("Currency"), value_options("grants", "currency")),
    ]
    return render_register("grants", _("Grant applications"), filters)


@grants.get("/board")
@allow(EVERYONE)
def board() -> str:
    """The pipeline: a column per stage with its cards and its total in the reporting currency."""
    currency = current_app.config["REPORTING_CURRENCY"]
    columns = current_portfolio().pipeline(currency, timetravel.now())
    template = "grants/_board.html" if request.htmx and request.htmx.target == "pipeline-board" else "grants/board.html"
    return render_template(template, columns=columns, panel=PANEL, currency=currency)


@grants.get("/<uuid:grant_id>")
@allow(EVERYONE)
def detail(grant_id: UUID) -> str:
    grant = current_portfolio().grant_detail(grant_id)
    return render_template("grants/detail.html", grant=grant, panel=PANEL)


@grants.route("/<uuid:grant_id>/act/<action>", methods=["GET", "POST"])
@allow(EDITORS)
def act(grant_id: UUID, action: str):
    """A stage action: its form (GET), or doing it (POST)."""
    if request.method == "GET":
        return action_form(PANEL, grant_id, action)
    return perform(PANEL, grant_id, action)


@grants.route("/new", methods=["GET", "POST"])
@allow(EDITORS)
def new():
    """The form for a new record (GET), or creating it (POST)."""
    if request.method == "GET":
        return creation.show(create_forms.GRANT)
    return creation.create(create_forms.GRANT)
