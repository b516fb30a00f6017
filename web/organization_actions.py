"""What may be done to an organization: rename, reclassify, relocate, archive."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from marshmallow import fields

from domain.enums import AuthorityLevel, OrganizationKind
from portfolio.app import Portfolio
from web.access import EDITORS
from web.actions import Action, StagePanel
from web.illustrative_actions import illustrative_actions
from web.schemas import REQUIRED, enum_field, length, reason_field
from web.subrecord_fields import text

ACTIVE = ("active",)

ACTIONS = {
    action.name: action
    for action in (
        Action("rename", _l("Rename"), Portfolio.rename_organization, ACTIVE, {
            "name_uk": text(_l("Name")), "name_latin": text(_l("Latin name"), required=False)},
            prefill=lambda o: {"name_uk": o["name_uk"], "name_latin": o["name_latin"]}),
        Action("reclassify", _l("Change the kind"), Portfolio.reclassify_organization, ACTIVE, {
            "kind": enum_field(OrganizationKind, _l("Kind")),
            "level": enum_field(AuthorityLevel, _l("Authority level"), required=False)},
            prepare=lambda d: {"level": None, **d},
            prefill=lambda o: {"kind": o["kind"], "level": o["authority_level"]}),
        Action("relocate", _l("Change region or country"), Portfolio.relocate_organization, ACTIVE, {
            "region": text(_l("Region"), required=False),
            "country": fields.String(required=True, validate=length(equal=2), error_messages=REQUIRED,
                                     metadata={"label": _l("Country")})},
            prefill=lambda o: {"region": o["region"], "country": o["country"]}),
        Action("archive", _l("Archive"), Portfolio.archive_organization,
               ACTIVE, {"reason": reason_field()}, danger=True),
        *illustrative_actions(ACTIVE),  # an archived organization offers nothing
    )
}  # fmt: skip

PANEL = StagePanel(
    "organization", ACTIONS, Portfolio.organization_detail, EDITORS,
    stage_of=lambda record: "archived" if record["archived"] else "active",
)  # fmt: skip
