"""Memoranda register and detail page."""

from __future__ import annotations

from flask import Blueprint
from flask_babel import gettext as _

from domain.enums import MemorandumKind, MemorandumStage
from web import create_forms
from web.access import EVERYONE, allow
from web.labels import label
from web.memorandum_actions import PANEL
from web.record_pages import add_record_pages
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


add_record_pages(memoranda, PANEL, create_forms.MEMORANDUM)
