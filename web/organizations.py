"""Organizations register and detail page."""

from __future__ import annotations

from flask import Blueprint
from flask_babel import gettext as _

from domain.enums import OrganizationKind
from web import create_forms
from web.access import EVERYONE, allow
from web.labels import label
from web.organization_actions import PANEL
from web.record_pages import add_record_pages
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


add_record_pages(organizations, PANEL, create_forms.ORGANIZATION)
