"""Roadmap initiatives register and detail page."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from flask_babel import gettext as _

from domain.enums import Health, InitiativeStatus
from web import create_forms, timetravel
from web.access import EVERYONE, allow
from web.current import current_portfolio
from web.initiative_actions import PANEL
from web.labels import label
from web.record_pages import add_record_pages
from web.registers import Filter, enum_options, render_register, value_options

roadmap = Blueprint("roadmap", __name__, url_prefix="/roadmap")


@roadmap.get("/")
@allow(EVERYONE)
def index() -> str:
    filters = [
        Filter("roadmap", _("Roadmap"), value_options("initiatives", "roadmap")),
        Filter("direction", _("Direction"), value_options("initiatives", "direction")),
        Filter("status", _("Status"), enum_options(InitiativeStatus, label)),
        Filter("health", _("Health"), enum_options(Health, label)),
        Filter("owner", _("Owner"), value_options("initiatives", "owner")),
    ]
    return render_register("initiatives", _("Roadmap initiatives"), filters, folder="roadmap")


@roadmap.get("/board")
@allow(EVERYONE)
def board() -> str:
    """Initiatives by direction and quarter; a board member records status and decisions in place.
    Unless a range of quarters is chosen, as many as a laptop's window holds (see `roadmap_board`)."""
    portfolio = current_portfolio()
    roadmaps = portfolio.roadmaps()
    chosen = request.args.get("roadmap") or (roadmaps[-1] if roadmaps else "")
    board = portfolio.roadmap_board(
        chosen, request.args.get("from", ""), request.args.get("to", ""), today=timetravel.now().date()
    )
    template = (
        "roadmap/_board.html" if request.htmx and request.htmx.target == "roadmap-board" else "roadmap/board.html"
    )
    return render_template(template, board=board, roadmaps=roadmaps, panel=PANEL)


add_record_pages(roadmap, PANEL, create_forms.INITIATIVE)
