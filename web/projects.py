"""Projects register and detail page."""

from __future__ import annotations

from flask import Blueprint
from flask_babel import gettext as _

from domain.enums import Category, Priority, ProjectStage
from web import create_forms
from web.access import EVERYONE, allow
from web.labels import label
from web.project_actions import PANEL
from web.record_pages import add_record_pages
from web.registers import Filter, enum_options, render_register, value_options

projects = Blueprint("projects", __name__, url_prefix="/projects")


@projects.get("/")
@allow(EVERYONE)
def index() -> str:
    filters = [
        Filter("stage", _("Stage"), enum_options(ProjectStage, label)),
        Filter("priority", _("Priority"), [(p.value, p.name) for p in Priority]),
        Filter("category", _("Category"), enum_options(Category, label)),
        Filter("organization", _("Organization"), value_options("projects", "organization")),
        Filter("direction", _("Direction"), value_options("projects", "direction")),
        Filter("owner", _("Lead"), value_options("projects", "owner")),
        Filter("currency", _("Currency"), value_options("projects", "currency")),
    ]
    return render_register("projects", _("Projects"), filters)


add_record_pages(projects, PANEL, create_forms.PROJECT)
