"""Readable names for events and for the fields a change touches, in the person's language."""

from __future__ import annotations

from flask_babel import gettext
from flask_babel import lazy_gettext as _l

from portfolio.kinds import RECORD_TYPES

EVENTS = {
    "Activated": _l("came into force"),
    "Approved": _l("approved"),
    "Archived": _l("archived"),
    "Awarded": _l("grant awarded"),
    "AwardCorrected": _l("award corrected"),
    "CallDescribed": _l("call described"),
    "Cancelled": _l("cancelled"),
    "ChecklistAnswered": _l("quality checklist answered"),
    "Classified": _l("classified"),
    "Closed": _l("grant closed"),
    "Commented": _l("comment added"),
    "CommitmentMade": _l("commitment made"),
    "CommitmentUpdated": _l("commitment updated"),
    "Completed": _l("completed"),
    "ConceptDeveloped": _l("concept developed"),
    "Contracted": _l("contract signed"),
    "DeadlineSet": _l("deadline set"),
    "DecisionRecorded": _l("board decision recorded"),
    "Described": _l("description changed"),
    "Disabled": _l("account disabled"),
    "DisbursementPlanned": _l("tranche planned"),
    "DisbursementReceived": _l("tranche received"),
    "DisbursementCorrected": _l("tranche corrected"),
    "Drafted": _l("draft created"),
    "DraftingStarted": _l("drafting started"),
    "Dropped": _l("dropped"),
    "Enabled": _l("account enabled"),
    "EmailSet": _l("e-mail set"),
    "Expired": _l("expired"),
    "Extended": _l("extended"),
    "Finished": _l("finished"),
    "HandedOver": _l("handed over"),
    "HealthAssessed": _l("health assessed"),
    "IllustrativeCleared": _l("illustrative mark cleared: the figures are facts"),
    "ImplementationStarted": _l("implementation started"),
    "Issued": _l("board pack issued"),
    "Sealed": _l("board pack sealed: the digests of what it shows recorded"),
    "KpiDefined": _l("KPI defined"),
    "LanguageChosen": _l("language chosen"),
    "KpiMeasured": _l("KPI measured"),
    "KpiMeasurementCorrected": _l("KPI measurement corrected"),
    "KpiTargetRevised": _l("KPI target revised"),
    "MarkedIllustrative": _l("marked illustrative: the figures are not facts"),
    "MarkedNotDone": _l("marked not done"),
    "MilestoneAdded": _l("milestone added"),
    "MilestoneReached": _l("milestone reached"),
    "MilestoneRescheduled": _l("milestone rescheduled"),
    "NegotiationOpened": _l("negotiation opened"),
    "Opened": _l("opened"),
    "PartnerAdded": _l("partner added"),
    "PartnerRemoved": _l("partner removed"),
    "PartyAdded": _l("party added"),
    "PasswordChanged": _l("password changed"),
    "Planned": _l("planned"),
    "Postponed": _l("postponed"),
    "ProgressReported": _l("progress reported"),
    "ProjectLinked": _l("linked to a project"),
    "ProjectUnlinked": _l("unlinked from a project"),
    "Proposed": _l("proposed"),
    "Prospected": _l("opportunity recorded"),
    "PutOnHold": _l("put on hold"),
    "RateRecorded": _l("exchange rate recorded"),
    "Reclassified": _l("reclassified"),
    "Registered": _l("registered"),
    "Rejected": _l("rejected"),
    "Released": _l("released from quarantine"),
    "Relocated": _l("relocated"),
    "Renamed": _l("renamed"),
    "ReportSubmitted": _l("report submitted"),
    "ReportingDutyAdded": _l("reporting duty added"),
    "RequestChanged": _l("requested amount changed"),
    "Resumed": _l("resumed"),
    "Retitled": _l("retitled"),
    "ReviewStarted": _l("review started"),
    "RoleChanged": _l("role changed"),
    "Signed": _l("signed"),
    "StageCorrected": _l("stage corrected"),
    "Started": _l("started"),
    "Submitted": _l("submitted"),
    "Terminated": _l("terminated"),
    "TokenIssued": _l("token issued"),
    "TokenRevoked": _l("token revoked"),
    "UnplannedResultRecorded": _l("unplanned result recorded"),
    "WinProbabilityEstimated": _l("win probability estimated"),
    "Withdrawn": _l("withdrawn"),
}

FIELDS = {
    "digests": _l("digests of what it shows"),
    "corrected_from": _l("first recorded as"),
    "applicant_id": _l("applicant"),
    "archived": _l("archived"),
    "authority_level": _l("authority level"),
    "awarded": _l("awarded amount"),
    "budget": _l("budget"),
    "budget_estimated": _l("budget is an estimate"),
    "call_name": _l("call"),
    "call_reference": _l("call reference"),
    "call_url": _l("call web page"),
    "category": _l("category"),
    "checklist": _l("quality checklist"),
    "co_financing": _l("co-financing"),
    "co_financing_estimated": _l("co-financing is an estimate"),
    "code": _l("code"),
    "comments": _l("comments"),
    "commitments": _l("commitments"),
    "contract_signed_on": _l("contract signed on"),
    "country": _l("country"),
    "deadline": _l("deadline"),
    "decided_on": _l("decided on"),
    "decisions": _l("board decisions"),
    "direction": _l("direction"),
    "disabled": _l("disabled"),
    "disbursements": _l("tranches"),
    "funder_id": _l("funder"),
    "health": _l("health"),
    "illustrative": _l("illustrative figures"),
    "kind": _l("kind"),
    "kpis": _l("KPIs"),
    "milestones": _l("milestones"),
    "name_latin": _l("name (Latin)"),
    "name_uk": _l("name"),
    "organization_id": _l("organization"),
    "original_target_on": _l("original target date"),
    "owner": _l("lead"),
    "parties": _l("parties"),
    "partners": _l("partners"),
    "period_end": _l("period end"),
    "period_start": _l("period start"),
    "planned_end": _l("planned end"),
    "planned_start": _l("planned start"),
    "postponements": _l("postponements"),
    "priority": _l("priority"),
    "programme": _l("programme"),
    "progress": _l("progress"),
    "project_id": _l("project"),
    "project_ids": _l("projects"),
    "rates": _l("rates"),
    "region": _l("region"),
    "regions": _l("regions"),
    "rejection_reason": _l("reason for rejection"),
    "reporting_duties": _l("reporting duties"),
    "requested": _l("requested amount"),
    "requested_estimated": _l("requested amount is an estimate"),
    "roadmap": _l("roadmap"),
    "signed_on": _l("signed on"),
    "signed_place": _l("place of signing"),
    "stage": _l("stage"),
    "stage_before_hold": _l("stage before the hold"),
    "status": _l("status"),
    "subject": _l("subject"),
    "submitted_on": _l("submitted on"),
    "summary": _l("summary"),
    "tags": _l("tags"),
    "tokens": _l("tokens"),
    "target_on": _l("target date"),
    "title": _l("title"),
    "unplanned_results": _l("unplanned results"),
    "valid_from": _l("valid from"),
    "valid_until": _l("valid until"),
    "win_probability": _l("win probability"),
    "username": _l("user name"),
    "role": _l("role"),
    "description": _l("description"),
    "due_on": _l("due on"),
    "party_id": _l("party"),
    "text": _l("text"),
    "amount": _l("amount"),
    "expected_on": _l("expected on"),
    "email": _l("e-mail"),
    "language": _l("language"),
    "received_on": _l("received on"),
    "baseline": _l("baseline"),
    "level": _l("level"),
    "measurements": _l("measurements"),
    "measured_on": _l("measured on"),
    "source": _l("source"),
    "value": _l("value"),
    "name": _l("name"),
    "revisions": _l("target revisions"),
    "new_target": _l("new target"),
    "old_target": _l("old target"),
    "reason": _l("reason"),
    "target": _l("target"),
    "unit": _l("unit"),
    "done_on": _l("done on"),
    "party_type": _l("party type"),
    "from_date": _l("from"),
    "to_date": _l("to"),
    "recorded_on": _l("recorded on"),
    # What the audit log says of an event's own fields (see `portfolio.audit.log`): the sub-record an
    # event names by its id, and the fields no record keeps under the same name.
    "kpi_id": _l("KPI"),
    "milestone_id": _l("milestone"),
    "disbursement_id": _l("tranche"),
    "duty_id": _l("reporting duty"),
    "commitment_id": _l("commitment"),
    "token_id": _l("token"),
    "comment": _l("comment"),
    "decision": _l("decision"),
    "rate": _l("rate"),
    "currency": _l("currency"),
    "as_of": _l("as of"),
    "previous_id": _l("previous pack"),
}


def event_label(name: str) -> str:
    return str(EVENTS.get(name, name))


def field_label(name: str) -> str:
    return str(FIELDS.get(name, name.replace("_", " ")))


def record_type_label(name: str) -> str:
    """A record type as the event store names it ("GrantApplication"), in the person's language."""
    kind = RECORD_TYPES.get(name)
    return gettext(kind.label) if kind else name


PROBLEMS = {
    "missing": _l("the event stored there is gone"),
    "unlinked": _l(
        "an event is stored there that was not linked when it was written: it was put there outside the tracker, "
        "or its link was removed"
    ),
    "truncated": _l("a signed checkpoint lies beyond the end of the chain: the log was cut short"),
    "expected": _l("the link kept outside the system for this event differs from the chain"),
    "altered": _l("the event stored there, or its place in the order, differs from what was chained"),
    "checkpoint": _l(
        "the link signed at this checkpoint differs from the chain recomputed from the events: the checkpoint was "
        "altered, or the events and links before it rewritten"
    ),
    "signature": _l("the checkpoint here is not signed with this audit key"),
    "key": _l("the chain from here on is keyed with another audit key than the one configured"),
    "downgraded": _l("the chain stops being keyed here: links from here on could be computed without the key"),
    "witness": _l("the witness saw another link written at this event: the chain was rewritten"),
    "cut": _l("the witness saw this event written, and the log no longer holds it: the log was cut short"),
    "witness_forged": _l("a line of the witness is not signed with this audit key"),
    "unwitnessed": _l("the witness is missing, so a cut tail or a wiped chain could not be found"),
    "unschemed": _l(
        "the chain has no record of how it is linked: the store was last written by an older version (start the "
        "tracker once), or its audit tables were wiped"
    ),
    "scheme": _l("the record of how the chain is linked from here on is not signed with this audit key: it was forged"),
    "unsigned": _l("no signed checkpoint is kept here, where the chain passed a thousand events: it was removed"),
    "rewritten": _l("the witness saw two different links written at this event: the log was cut and written again"),
    "witness_begins": _l(
        "the witness begins here, after the chain began to be linked as written: its first lines are gone, or it "
        "was replaced"
    ),
    "witness_gap": _l(
        "the witness has no line for the write that begins here: lines were removed from it, or a process stopped "
        "between saving and witnessing (a start of the tracker witnesses it)"
    ),
    "trailing": _l(
        "the witness has not seen the writes from here on: lines were removed from its end, or a process stopped "
        "between saving and witnessing (a start of the tracker witnesses its head again)"
    ),
}


def problem_label(name: str) -> str:
    return str(PROBLEMS.get(name, name))
