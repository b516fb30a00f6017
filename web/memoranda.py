"""Memoranda register and detail page."""

from __future__ import annotations

from uuid import UUID

from flask import Blueprint, render_template, request
from flask_babel import gettext as _

from domain.enums import MemorandumKind, MemorandumStage
from web import create_forms, creation
from web.access import EDITORS, EVERYONE, allow
from web.actions import action_form, perform
from web.current import current_portfolio
from web.labels import label
from web.memorandum_actions import PANEL
from web.registers import Filter, enum_options, render_register, value_options

memoranda = Blueprint("memoranda", __name__, url_prefix="/memoranda")


@memoranda.get("/")
@allow(EVERYONE)
def index() -> str:
    filters = [
        Filter("stage", _("Stage"), enum_options(MemorandumStage, label)),
        Filter("kind", _("Kind"), enum_options(MemorandumKind, label)),
        Filter("owner", _("Owner"), value_options("memoranda", "owner")),
    ]
    return render_register("memoranda", _("Memoranda"), filters)


@memoranda.get("/<uuid:memorandum_id>")
@allow(EVERYONE)
def detail(memorandum_id: UUID) -> str:
    memorandum = current_portfolio().memorandum_detail(memorandum_id)
    return render_template("memoranda/detail.html", memorandum=memorandum, panel=PANEL)


@memoranda.route("/<uuid:memorandum_id>/act/<action>", methods=["GET", "POST"])
@allow(EDITORS)
def act(memorandum_id: UUID, action: str):
    """A stage action: its form (GET), or doing it (POST)."""
    if request.method == "GET":
        return action_form(PANEL, memorandum_id, action)
    return perform(PANEL, memorandum_id, action)


@memoranda.route("/new", methods=["GET", "POST"])
@allow(EDITORS)
def new():
    """The form for a new record (GET), or creating it (POST)."""
    if request.method == "GET":
        return creation.show(create_forms.MEMORANDUM)
    return creation.create(create_forms.MEMORANDUM)
