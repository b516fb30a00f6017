"""Organizations register and detail page."""

from __future__ import annotations

from uuid import UUID

from flask import Blueprint, render_template, request
from flask_babel import gettext as _

from domain.enums import OrganizationKind
from web import create_forms, creation
from web.access import EDITORS, EVERYONE, allow
from web.actions import action_form, perform
from web.current import current_portfolio
from web.labels import label
from web.organization_actions import PANEL
from web.registers import Filter, enum_options, render_register, value_options

organizations = Blueprint("organizations", __name__, url_prefix="/organizations")


@organizations.get("/")
@allow(EVERYONE)
def index() -> str:
    filters = [
        Filter("kind", _("Kind"), enum_options(OrganizationKind, label)),
        Filter("region", _("Region"), value_options("organizations", "region")),
        Filter("country", _("Country"), value_options("organizations", "country")),
    ]
    return render_register("organizations", _("Organizations"), filters)


@organizations.get("/<uuid:organization_id>")
@allow(EVERYONE)
def detail(organization_id: UUID) -> str:
    organization = current_portfolio().organization_detail(organization_id)
    return render_template("organizations/detail.html", organization=organization, panel=PANEL)


@organizations.route("/new", methods=["GET", "POST"])
@allow(EDITORS)
def new():
    """The form for a new record (GET), or creating it (POST)."""
    if request.method == "GET":
        return creation.show(create_forms.ORGANIZATION)
    return creation.create(create_forms.ORGANIZATION)


@organizations.route("/<uuid:organization_id>/act/<action>", methods=["GET", "POST"])
@allow(EDITORS)
def act(organization_id: UUID, action: str):
    """An action on the organization: its form (GET), or doing it (POST)."""
    if request.method == "GET":
        return action_form(PANEL, organization_id, action)
    return perform(PANEL, organization_id, action)
