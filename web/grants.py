"""Grant applications register and detail page."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template, request
from flask_babel import gettext as _

from domain.enums import GrantStage
from web import create_forms, timetravel
from web.access import EVERYONE, allow
from web.current import current_portfolio
from web.grant_actions import PANEL
from web.labels import label
from web.record_pages import add_record_pages
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
        Filter("estimated", _("Requested amount"), [("1", _("an estimate")), ("0", _("a fact"))]),
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


add_record_pages(grants, PANEL, create_forms.GRANT)
