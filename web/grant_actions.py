"""The stage actions of a grant application, each with what its step needs."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from domain.enums import GrantStage
from web.access import EDITORS
from web.actions import Action, StagePanel
from web.schemas import amount_field, currency_field, date_field, enum_field, reason_field

UNDECIDED = ("prospect", "drafting", "submitted", "under_review")
WON = ("awarded", "contracted", "in_implementation")

ACTIONS = {
    action.name: action
    for action in (
        Action("start-drafting", _l("Start drafting"), "start_drafting", ("prospect",)),
        Action("submit", _l("Submit"), "submit_application", ("prospect", "drafting"),
               {"submitted_on": date_field(_l("Submitted on"))}),
        Action("review", _l("Mark under review"), "mark_under_review", ("submitted",)),
        Action("award", _l("Record award"), "record_award", UNDECIDED,
               {"amount": amount_field(_l("Amount awarded")), "amount_currency": currency_field(),
                "decided_on": date_field(_l("Decided on"))}, money=("amount",)),
        Action("reject", _l("Mark rejected"), "mark_rejected", UNDECIDED,
               {"reason": reason_field(_l("Why the funder rejected it")), "decided_on": date_field(_l("Decided on"))},
               danger=True),
        Action("withdraw", _l("Withdraw"), "withdraw_application", UNDECIDED, {"reason": reason_field()},
               danger=True),
        Action("contract", _l("Record contract"), "record_contract", ("awarded",),
               {"signed_on": date_field(_l("Signed on")), "period_start": date_field(_l("Grant period start")),
                "period_end": date_field(_l("Grant period end"))}),
        Action("start-implementation", _l("Start implementation"), "start_grant_implementation",
               ("awarded", "contracted")),
        Action("close", _l("Close"), "close_grant", WON),
        Action("correct-stage", _l("Correct the stage"), "correct_grant_stage", tuple(s.value for s in GrantStage),
               {"stage": enum_field(GrantStage, _l("Correct stage")), "reason": reason_field(_l("What was wrong"))}),
    )
}  # fmt: skip

PANEL = StagePanel("grant", ACTIONS, "grant_detail", "grants.detail", "grants/_detail.html", EDITORS)
