"""The stage actions of a grant application, each with what its step needs."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from domain import grant
from domain.enums import GrantStage, ReportKind, values
from portfolio.app import Portfolio
from web.access import EDITORS
from web.actions import Action, OrganizationRef, StagePanel
from web.illustrative_actions import illustrative_actions
from web.schemas import (
    REQUIRED,
    amount_field,
    currency_field,
    date_field,
    deadline_field,
    enum_field,
    percent_field,
    reason_field,
    tick_field,
)
from web.subrecord_fields import one_of, project_ref, text

UNDECIDED, WON = values(grant.UNDECIDED), values(grant.WON)

ACTIONS = {
    action.name: action
    for action in (
        Action("start-drafting", _l("Start drafting"), Portfolio.start_drafting, ("prospect",)),
        Action("submit", _l("Submit"), Portfolio.submit_application, ("prospect", "drafting"),
               {"submitted_on": date_field(_l("Submitted on"))}),
        Action("review", _l("Mark under review"), Portfolio.mark_under_review, ("submitted",)),
        Action("award", _l("Record award"), Portfolio.record_award, UNDECIDED,
               {"amount": amount_field(_l("Amount awarded")), "amount_currency": currency_field(),
                "decided_on": date_field(_l("Decided on"))}, money=("amount",)),
        Action("reject", _l("Mark rejected"), Portfolio.mark_rejected, UNDECIDED,
               {"reason": reason_field(_l("Why the funder rejected it")), "decided_on": date_field(_l("Decided on"))},
               danger=True),
        Action("withdraw", _l("Withdraw"), Portfolio.withdraw_application, UNDECIDED, {"reason": reason_field()},
               danger=True),
        Action("contract", _l("Record contract"), Portfolio.record_contract, ("awarded",),
               {"signed_on": date_field(_l("Signed on")), "period_start": date_field(_l("Grant period start")),
                "period_end": date_field(_l("Grant period end"))}),
        Action("start-implementation", _l("Start implementation"), Portfolio.start_grant_implementation,
               ("awarded", "contracted")),
        Action("close", _l("Close"), Portfolio.close_grant, WON),
        Action("correct-stage", _l("Correct the stage"), Portfolio.correct_grant_stage,
               tuple(s.value for s in GrantStage),
               {"stage": enum_field(GrantStage, _l("Correct stage")), "reason": reason_field(_l("What was wrong"))}),
        Action("edit", _l("Edit the call"), Portfolio.describe_call, (*UNDECIDED, *WON), {
            "title": text(_l("Title")), "programme": text(_l("Programme"), required=False),
            "call_name": text(_l("Call"), required=False), "call_reference": text(_l("Call reference"), required=False),
            "call_url": text(_l("Call URL"), required=False)}, adds=True,
            prefill=lambda g: {k: g[k] for k in ("title", "programme", "call_name", "call_reference", "call_url")}),
        Action("hand-over", _l("Hand over"), Portfolio.hand_over_application, tuple(s.value for s in GrantStage),
               {"owner": text(_l("Owner"))}, adds=True, prefill=lambda g: {"owner": g["owner"]}),
        Action("request", _l("Change the request"), Portfolio.change_request, UNDECIDED, {
            "requested": amount_field(_l("Requested")), "requested_currency": currency_field(),
            "requested_estimated": tick_field(_l("The requested amount is an estimate")),
            "co_financing": amount_field(_l("Co-financing"), required=False),
            "co_financing_currency": currency_field(),
            "co_financing_estimated": tick_field(_l("The co-financing is an estimate"))},
            money=("requested", "co_financing"), adds=True, prepare=lambda d: {"co_financing": None, **d},
            prefill=lambda g: {"requested": g["requested"].amount, "requested_currency": g["requested"].currency,
                               "requested_estimated": "true" if g["requested_estimated"] else "",
                               "co_financing": g["co_financing"].amount if g["co_financing"] else None,
                               "co_financing_currency": g["co_financing"].currency if g["co_financing"] else "EUR",
                               "co_financing_estimated": "true" if g["co_financing_estimated"] else ""}),
        Action("deadline", _l("Set the deadline"), Portfolio.set_deadline, ("prospect", "drafting"),
               {"deadline": deadline_field()}, adds=True),
        Action("probability", _l("Estimate the win probability"), Portfolio.estimate_win_probability, UNDECIDED,
               {"percent": percent_field(_l("Win probability, %"))}, adds=True,
               prefill=lambda g: {"percent": g["win_probability"]}),
        Action("plan-tranche", _l("Plan a tranche"), Portfolio.plan_disbursement, WON, {
            "amount": amount_field(_l("Amount")), "amount_currency": currency_field(),
            "expected_on": date_field(_l("Expected on"))}, money=("amount",), adds=True),
        Action("receive-tranche", _l("Record a tranche received"), Portfolio.receive_disbursement, WON, {
            "disbursement_id": one_of(_l("Tranche"), "disbursements", "expected_on", pending="received_on"),
            "received_on": date_field(_l("Received on"))}, adds=True, needs="disbursements"),
        Action("correct-award", _l("Correct the award"), Portfolio.correct_award, (*WON, "closed"), {
            "amount": amount_field(_l("Amount awarded")), "amount_currency": currency_field(),
            "decided_on": date_field(_l("Decided on")), "reason": reason_field(_l("What was wrong"))},
            money=("amount",), adds=True,
            prefill=lambda g: {"amount": g["awarded"].amount if g["awarded"] else None,
                               "amount_currency": g["awarded"].currency if g["awarded"] else "EUR",
                               "decided_on": g["decided_on"]}),
        Action("correct-tranche", _l("Correct a tranche"), Portfolio.correct_disbursement, (*WON, "closed"), {
            "disbursement_id": one_of(_l("Tranche"), "disbursements", "expected_on"),
            "amount": amount_field(_l("Amount")), "amount_currency": currency_field(),
            "received_on": date_field(_l("Received on (empty if not received)"), required=False),
            "reason": reason_field(_l("What was wrong"))}, money=("amount",), adds=True, needs="disbursements"),
        Action("add-report", _l("Add a reporting duty"), Portfolio.add_reporting_duty, WON, {
            "kind": enum_field(ReportKind, _l("Report")), "due_on": date_field(_l("Due"))}, adds=True),
        Action("submit-report", _l("Record a report submitted"), Portfolio.submit_report, (*WON, "closed"), {
            "duty_id": one_of(_l("Report"), "reporting_duties", "due_on", pending="submitted_on"),
            "submitted_on": date_field(_l("Submitted on"))}, adds=True),
        Action("add-partner", _l("Add a consortium partner"), Portfolio.add_consortium_partner, (*UNDECIDED, *WON), {
            "org_id": OrganizationRef(required=True, error_messages=REQUIRED, metadata={"label": _l("Organization")}),
            "role": text(_l("Role in the consortium"))}, adds=True),
        Action("remove-partner", _l("Remove a consortium partner"), Portfolio.remove_consortium_partner,
               (*UNDECIDED, *WON), {
            "org_id": one_of(_l("Partner"), "partners", "name", key="organization_id"), "reason": reason_field()},
            adds=True, needs="partners"),
        Action("link-project", _l("Link to a project"), Portfolio.link_application_to_project,
               tuple(s.value for s in GrantStage), {"project_id": project_ref(_l("Project")),
                                                    "reason": text(_l("Reason"), required=False)}, adds=True),
        *illustrative_actions(tuple(s.value for s in GrantStage)),
    )
}  # fmt: skip

PANEL = StagePanel("grant", ACTIONS, Portfolio.grant_detail, EDITORS)
