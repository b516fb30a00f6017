"""Projects register and detail page."""

from __future__ import annotations

from uuid import UUID

from flask import Blueprint, render_template, request
from flask_babel import gettext as _

from domain.enums import Category, Priority, ProjectStage
from web import create_forms, creation
from web.access import EDITORS, EVERYONE, allow
from web.actions import action_form, perform
from web.current import current_portfolio
from web.labels import label
from web.project_actions import PANEL
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


@projects.get("/<uuid:project_id>")
@allow(EVERYONE)
def detail(project_id: UUID) -> str:
    project = current_portfolio().project_detail(project_id)
    return render_template("projects/detail.html", project=project, panel=PANEL)


@projects.route("/<uuid:project_id>/act/<action>", methods=["GET", "POST"])
@allow(EDITORS)
def act(project_id: UUID, action: str):
    """A stage action: its form (GET), or doing it (POST)."""
    if request.method == "GET":
        return action_form(PANEL, project_id, action)
    return perform(PANEL, project_id, action)


@projects.route("/new", methods=["GET", "POST"])
@allow(EDITORS)
def new():
    """The form for a new record (GET), or creating it (POST)."""
    if request.method == "GET":
        return creation.show(create_forms.PROJECT)
    return creation.create(create_forms.PROJECT)
