"""What each "new record" form asks for, and which use case it calls."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from marshmallow import fields

from domain.enums import AuthorityLevel, Category, MemorandumKind, OrganizationKind, Priority
from portfolio.app import Portfolio
from web.actions import Action, OrganizationRef
from web.creation import CreateForm
from web.schemas import (
    REQUIRED,
    amount_field,
    currency_field,
    date_field,
    deadline_field,
    enum_field,
    length,
    tick_field,
)


def _text(label: Any, required: bool = True, max_length: int = 300) -> fields.String:
    if not required:
        return fields.String(load_default="", validate=length(maximum=max_length), metadata={"label": label})
    return fields.String(required=True, validate=length(1, max_length), error_messages=REQUIRED,
                         metadata={"label": label})  # fmt: skip


def _org(label: Any) -> OrganizationRef:
    return OrganizationRef(required=True, error_messages={**REQUIRED, "invalid_uuid": _l("Choose an organization.")},
                           metadata={"label": label})  # fmt: skip


def _split(name: str) -> Any:
    def prepare(data: dict[str, Any]) -> dict[str, Any]:
        data[name] = [part.strip() for part in data.get(name, "").split(",") if part.strip()]
        return data

    return prepare


ORGANIZATION = CreateForm("organization", _l("New organization"), Action(
    "create", _l("New organization"), Portfolio.register_organization, (), {
        "name_uk": _text(_l("Name")), "kind": enum_field(OrganizationKind, _l("Kind")),
        "name_latin": _text(_l("Latin name"), required=False), "region": _text(_l("Region"), required=False),
        "country": fields.String(load_default="UA", validate=length(equal=2), metadata={"label": _l("Country")}),
        "authority_level": enum_field(AuthorityLevel, _l("Authority level"), required=False),
    }))  # fmt: skip

PROJECT = CreateForm("project", _l("New project"), Action(
    "create", _l("New project"), Portfolio.propose_project, (), {
        "code": _text(_l("Code"), max_length=40), "title": _text(_l("Title")),
        "organization_id": _org(_l("Organization")), "owner": _text(_l("Lead")),
        "priority": enum_field(Priority, _l("Priority")), "category": enum_field(Category, _l("Category")),
        "summary": _text(_l("Summary"), required=False, max_length=4000),
        "regions": _text(_l("Regions (comma-separated)"), required=False),
        "direction": _text(_l("Direction"), required=False),
    }), prepare=_split("regions"))  # fmt: skip

GRANT = CreateForm("grant", _l("New grant application"), Action(
    "create", _l("New grant application"), Portfolio.prospect_application, (), {
        "title": _text(_l("Title")), "funder_id": _org(_l("Funder")), "applicant_id": _org(_l("Applicant")),
        "owner": _text(_l("Owner")), "requested": amount_field(_l("Requested")), "requested_currency": currency_field(),
        "requested_estimated": tick_field(_l("The requested amount is an estimate")),
        "programme": _text(_l("Programme"), required=False), "call_name": _text(_l("Call"), required=False),
        "call_reference": _text(_l("Call reference"), required=False),
        "call_url": _text(_l("Call URL"), required=False, max_length=2000),
        "deadline": deadline_field(required=False),
    }, money=("requested",)))  # fmt: skip

MEMORANDUM = CreateForm("memorandum", _l("New memorandum"), Action(
    "create", _l("New memorandum"), Portfolio.draft_memorandum, (), {
        "kind": enum_field(MemorandumKind, _l("Kind")), "subject": _text(_l("Subject")), "owner": _text(_l("Owner")),
    }))  # fmt: skip

INITIATIVE = CreateForm("initiative", _l("New initiative"), Action(
    "create", _l("New initiative"), Portfolio.propose_initiative, (), {
        "roadmap": _text(_l("Roadmap")), "direction": _text(_l("Direction")), "title": _text(_l("Title")),
        "owner": _text(_l("Owner")), "target_on": date_field(_l("Target date")),
    }))  # fmt: skip
