"""The stage actions of a project."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from domain import project
from domain.enums import Category, Priority, ProjectStage, ResultLevel, values
from domain.project import CHECKLIST
from portfolio.app import Portfolio
from web.access import EDITORS
from web.actions import Action, OrganizationRef, StagePanel
from web.illustrative_actions import illustrative_actions
from web.labels import LABELS
from web.schemas import REQUIRED, amount_field, currency_field, date_field, enum_field, reason_field, tick_field
from web.subrecord_fields import number, one_of, text


def _split(text_: str) -> list[str]:
    return [part.strip() for part in text_.split(",") if part.strip()]


OPEN = values(project.OPEN)

ACTIONS = {
    action.name: action
    for action in (
        Action("develop-concept", _l("Develop the concept"), Portfolio.develop_project_concept, ("idea",)),
        Action("approve", _l("Approve into the portfolio"), Portfolio.approve_project, ("idea", "concept")),
        Action("start", _l("Start implementation"), Portfolio.start_project, ("idea", "concept", "approved")),
        Action("complete", _l("Mark completed"), Portfolio.complete_project, ("in_implementation",)),
        Action("hold", _l("Put on hold"), Portfolio.put_project_on_hold, OPEN, {"reason": reason_field()}),
        Action("resume", _l("Resume"), Portfolio.resume_project, ("on_hold",)),
        Action("cancel", _l("Cancel the project"), Portfolio.cancel_project,
               (*OPEN, "on_hold"), {"reason": reason_field()},
               danger=True),
        Action("correct-stage", _l("Correct the stage"), Portfolio.correct_project_stage,
               tuple(s.value for s in ProjectStage),
               {"stage": enum_field(ProjectStage, _l("Correct stage")), "reason": reason_field(_l("What was wrong"))}),
        Action("edit", _l("Edit the description"), Portfolio.describe_project, OPEN, {
            "title": text(_l("Title")), "summary": text(_l("Summary"), required=False, max_length=4000)},
            adds=True, prefill=lambda p: {"title": p["title"], "summary": p["summary"]}),
        Action("hand-over", _l("Hand over"), Portfolio.hand_over_project, OPEN, {"owner": text(_l("Lead"))},
               adds=True, prefill=lambda p: {"owner": p["owner"]}),
        Action("classify", _l("Change priority and category"), Portfolio.classify_project, OPEN, {
            "priority": enum_field(Priority, _l("Priority")), "category": enum_field(Category, _l("Category")),
            "direction": text(_l("Direction"), required=False), "regions": text(_l("Regions (comma-separated)"),
            required=False), "tags": text(_l("Tags (comma-separated)"), required=False)}, adds=True,
            prepare=lambda d: {**d, "regions": _split(d["regions"]), "tags": _split(d["tags"])},
            prefill=lambda p: {k: p[k] for k in ("priority", "category", "direction", "regions", "tags")}),
        Action("plan", _l("Plan budget and dates"), Portfolio.plan_project, OPEN, {
            "budget": amount_field(_l("Budget"), required=False), "budget_currency": currency_field(),
            "estimated": tick_field(_l("The budget is an estimate")),
            "start": date_field(_l("Planned start"), required=False),
            "end": date_field(_l("Planned end"), required=False)}, money=("budget",), adds=True,
            prepare=lambda d: {"budget": None, **d},
            prefill=lambda p: {"budget": p["budget"].amount if p["budget"] else None,
                               "budget_currency": p["budget"].currency if p["budget"] else "EUR",
                               "estimated": "true" if p["budget_estimated"] else "", "start": p["planned_start"],
                               "end": p["planned_end"]}),
        Action("remove-partner", _l("Remove a partner"), Portfolio.remove_project_partner, OPEN, {
            "org_id": one_of(_l("Partner"), "partners", "name", key="organization_id"), "reason": reason_field()},
            adds=True),
        Action("add-kpi", _l("Add a KPI"), Portfolio.define_kpi, OPEN, {
            "name": text(_l("KPI")), "unit": text(_l("Unit"), max_length=40),
            "level": enum_field(ResultLevel, _l("Result level")), "baseline": number(_l("Baseline")),
            "target": number(_l("Target value"))}, adds=True),
        Action("measure", _l("Record a measurement"), Portfolio.measure_kpi, (*OPEN, "on_hold", "completed"), {
            "kpi_id": one_of(_l("KPI"), "kpis", "name"), "value": number(_l("Value")),
            "measured_on": date_field(_l("Measured on")), "source": text(_l("Source"))}, adds=True),
        Action("correct-measurement", _l("Correct a measurement"), Portfolio.correct_kpi_measurement,
               (*OPEN, "on_hold", "completed", "cancelled"), {
            "kpi_id": one_of(_l("KPI"), "kpis", "name"), "measured_on": date_field(_l("Date of the measurement")),
            "value": number(_l("Correct value")), "reason": reason_field(_l("What was wrong"))}, adds=True,
            needs="kpis"),
        Action("revise-target", _l("Revise a target"), Portfolio.revise_kpi_target, OPEN, {
            "kpi_id": one_of(_l("KPI"), "kpis", "name"), "target": number(_l("New target")),
            "reason": reason_field()}, adds=True),
        Action("unplanned", _l("Record an unplanned result"), Portfolio.record_unplanned_result, (*OPEN, "completed"), {
            "description": text(_l("Result"), max_length=2000), "recorded_on": date_field(_l("Date"))}, adds=True),
        Action("add-milestone", _l("Add a milestone"), Portfolio.add_milestone, OPEN, {
            "title": text(_l("Milestone")), "due_on": date_field(_l("Due"))}, adds=True),
        Action("reach-milestone", _l("Mark a milestone reached"), Portfolio.reach_milestone, OPEN, {
            "milestone_id": one_of(_l("Milestone"), "milestones", "title", pending="done_on"),
            "done_on": date_field(_l("Reached on"))}, adds=True),
        Action("reschedule-milestone", _l("Reschedule a milestone"), Portfolio.reschedule_milestone, OPEN, {
            "milestone_id": one_of(_l("Milestone"), "milestones", "title", pending="done_on"),
            "due_on": date_field(_l("New due date")), "reason": reason_field()}, adds=True, needs="milestones"),
        Action("add-partner", _l("Add a partner"), Portfolio.add_project_partner, OPEN, {
            "org_id": OrganizationRef(required=True, error_messages=REQUIRED, metadata={"label": _l("Organization")}),
            "role": text(_l("Role on the project"))}, adds=True),
        Action("checklist", _l("Answer the quality checklist"), Portfolio.answer_project_checklist,
               (*OPEN, "on_hold"), {
            question: tick_field(LABELS[question])
            for question in CHECKLIST}, adds=True, prepare=lambda data: {"answers": data}),
        *illustrative_actions(tuple(s.value for s in ProjectStage)),
    )
}  # fmt: skip

PANEL = StagePanel("project", ACTIONS, Portfolio.project_detail, EDITORS)
