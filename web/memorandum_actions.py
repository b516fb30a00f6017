"""The stage actions of a memorandum."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from marshmallow import fields

from domain.enums import CommitmentStatus, MemorandumKind, MemorandumStage, PartyType
from portfolio.app import Portfolio
from web.access import EDITORS
from web.actions import Action, OrganizationRef, StagePanel
from web.illustrative_actions import illustrative_actions
from web.schemas import REQUIRED, date_field, enum_field, length, reason_field
from web.subrecord_fields import one_of, project_ref, text

IN_FORCE_OR_BEFORE = ("draft", "negotiation", "signed", "active")

ACTIONS = {
    action.name: action
    for action in (
        Action("negotiate", _l("Open negotiation"), Portfolio.open_negotiation, ("draft",)),
        Action("sign", _l("Record signing"), Portfolio.sign_memorandum, ("draft", "negotiation"),
               {"signed_on": date_field(_l("Signed on")),
                "place": fields.String(load_default="", validate=length(maximum=200), metadata={"label": _l("Place")}),
                "valid_from": date_field(_l("Valid from"), required=False),
                "valid_until": date_field(_l("Valid until"), required=False)}),
        Action("activate", _l("Mark active"), Portfolio.activate_memorandum, ("signed",)),
        Action("extend", _l("Extend"), Portfolio.extend_memorandum, ("signed", "active"),
               {"valid_until": date_field(_l("Valid until")), "reason": reason_field()}),
        Action("expire", _l("Mark expired"), Portfolio.expire_memorandum, ("signed", "active")),
        Action("terminate", _l("Terminate"), Portfolio.terminate_memorandum,
               ("draft", "negotiation", "signed", "active"),
               {"reason": reason_field()}, danger=True),
        Action("edit", _l("Edit the subject"), Portfolio.describe_memorandum, IN_FORCE_OR_BEFORE, {
            "kind": enum_field(MemorandumKind, _l("Kind")), "subject": text(_l("Subject"), max_length=1000)},
            adds=True, prefill=lambda m: {"kind": m["kind"], "subject": m["subject"]}),
        Action("unlink-project", _l("Unlink a project"), Portfolio.unlink_memorandum_from_project, IN_FORCE_OR_BEFORE, {
            "project_id": one_of(_l("Project"), "links", "title"), "reason": reason_field()}, adds=True),
        Action("add-party", _l("Add a party"), Portfolio.add_party, ("draft", "negotiation"), {
            "org_id": OrganizationRef(required=True, error_messages=REQUIRED, metadata={"label": _l("Organization")}),
            "party_type": enum_field(PartyType, _l("Party type"))}, adds=True),
        Action("commit", _l("Record a commitment"), Portfolio.make_commitment, IN_FORCE_OR_BEFORE, {
            "party_id": one_of(_l("Party"), "parties", "name", key="organization_id"),
            "description": text(_l("Commitment"), max_length=2000),
            "owner": text(_l("Owner")), "due_on": date_field(_l("Due"), required=False)}, adds=True),
        Action("update-commitment", _l("Update a commitment"), Portfolio.update_commitment, IN_FORCE_OR_BEFORE, {
            "commitment_id": one_of(_l("Commitment"), "commitments", "description"),
            "status": enum_field(CommitmentStatus, _l("Status"))}, adds=True),
        Action("link-project", _l("Link a project"), Portfolio.link_memorandum_to_project, IN_FORCE_OR_BEFORE,
               {"project_id": project_ref(_l("Project"))}, adds=True),
        *illustrative_actions(tuple(s.value for s in MemorandumStage)),
    )
}  # fmt: skip

PANEL = StagePanel("memorandum", ACTIONS, Portfolio.memorandum_detail, EDITORS)
