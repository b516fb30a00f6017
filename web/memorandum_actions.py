"""The stage actions of a memorandum."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from marshmallow import fields
from marshmallow.validate import Length

from web.access import EDITORS
from web.actions import Action, StagePanel
from web.schemas import date_field, reason_field

ACTIONS = {
    action.name: action
    for action in (
        Action("negotiate", _l("Open negotiation"), "open_negotiation", ("draft",)),
        Action("sign", _l("Record signing"), "sign_memorandum", ("draft", "negotiation"),
               {"signed_on": date_field(_l("Signed on")),
                "place": fields.String(load_default="", validate=Length(max=200), metadata={"label": _l("Place")}),
                "valid_from": date_field(_l("Valid from"), required=False),
                "valid_until": date_field(_l("Valid until"), required=False)}),
        Action("activate", _l("Mark active"), "activate_memorandum", ("signed",)),
        Action("extend", _l("Extend"), "extend_memorandum", ("signed", "active"),
               {"valid_until": date_field(_l("Valid until")), "reason": reason_field()}),
        Action("expire", _l("Mark expired"), "expire_memorandum", ("signed", "active")),
        Action("terminate", _l("Terminate"), "terminate_memorandum", ("draft", "negotiation", "signed", "active"),
               {"reason": reason_field()}, danger=True),
    )
}  # fmt: skip

PANEL = StagePanel("memorandum", ACTIONS, "memorandum_detail", "memoranda.detail", "memoranda/_detail.html", EDITORS)
