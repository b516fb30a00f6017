"""The status actions of a roadmap initiative, which the board records too."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from marshmallow import fields

from domain import initiative
from domain.enums import Health, InitiativeStatus, values
from portfolio.app import Portfolio
from web.access import ROADMAP_EDITORS
from web.actions import Action, StagePanel
from web.illustrative_actions import illustrative_actions
from web.schemas import REQUIRED, date_field, enum_field, length, percent_field, reason_field
from web.subrecord_fields import one_of, project_ref

OPEN = values(initiative.OPEN)


def _text(label, required: bool = True) -> fields.String:
    if not required:
        return fields.String(load_default="", validate=length(maximum=2000), metadata={"label": label})
    return fields.String(required=True, validate=length(1, 2000), error_messages=REQUIRED,
                         metadata={"label": label})  # fmt: skip


ACTIONS = {
    action.name: action
    for action in (
        Action("plan", _l("Plan"), Portfolio.plan_initiative, ("proposed", "postponed")),
        Action("start", _l("Start"), Portfolio.start_initiative, ("planned", "postponed")),
        Action("progress", _l("Report progress"), Portfolio.report_initiative_progress, OPEN,
               {"percent": percent_field(_l("Progress, %"))}),
        Action("health", _l("Assess health"), Portfolio.assess_initiative_health, OPEN,
               {"health": enum_field(Health, _l("Health")), "comment": _text(_l("Comment"), required=False)}),
        Action("postpone", _l("Postpone"), Portfolio.postpone_initiative, OPEN,
               {"to_date": date_field(_l("New target date")), "reason": reason_field()}),
        Action("decide", _l("Record a board decision"), Portfolio.record_board_decision,
               (*OPEN, "done", "not_done", "dropped"),
               {"text": _text(_l("Decision")), "decided_on": date_field(_l("Decided on"))}),
        Action("finish", _l("Mark done"), Portfolio.finish_initiative, OPEN),
        Action("not-done", _l("Mark not done"), Portfolio.mark_initiative_not_done, OPEN, {"reason": reason_field()},
               danger=True),
        Action("drop", _l("Drop"), Portfolio.drop_initiative, OPEN, {"reason": reason_field()}, danger=True),
        Action("edit", _l("Edit the title"), Portfolio.retitle_initiative, OPEN, {
            "title": _text(_l("Title")), "direction": _text(_l("Direction"))}, adds=True,
            prefill=lambda i: {"title": i["title"], "direction": i["direction"]}),
        Action("link-project", _l("Link a project"), Portfolio.link_initiative_to_project, OPEN,
               {"project_id": project_ref(_l("Project"))}, adds=True),
        Action("unlink-project", _l("Unlink a project"), Portfolio.unlink_initiative_from_project, OPEN, {
            "project_id": one_of(_l("Project"), "links", "title"), "reason": reason_field()}, adds=True),
        Action("comment", _l("Comment"), Portfolio.comment_on_initiative, (*OPEN, "done", "not_done", "dropped"),
               {"text": _text(_l("Comment"))}, adds=True),
        *illustrative_actions(tuple(s.value for s in InitiativeStatus)),
    )
}  # fmt: skip

PANEL = StagePanel(
    "initiative", ACTIONS, Portfolio.initiative_detail, ROADMAP_EDITORS,
    stage_of=lambda record: record["status"].value,
)  # fmt: skip
