"""The stage actions of a project."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from domain.enums import ProjectStage
from web.access import EDITORS
from web.actions import Action, StagePanel
from web.schemas import enum_field, reason_field

OPEN = ("idea", "concept", "approved", "in_implementation")

ACTIONS = {
    action.name: action
    for action in (
        Action("develop-concept", _l("Develop the concept"), "develop_project_concept", ("idea",)),
        Action("approve", _l("Approve into the portfolio"), "approve_project", ("idea", "concept")),
        Action("start", _l("Start implementation"), "start_project", ("idea", "concept", "approved")),
        Action("complete", _l("Mark completed"), "complete_project", ("in_implementation",)),
        Action("hold", _l("Put on hold"), "put_project_on_hold", OPEN, {"reason": reason_field()}),
        Action("resume", _l("Resume"), "resume_project", ("on_hold",)),
        Action("cancel", _l("Cancel the project"), "cancel_project", (*OPEN, "on_hold"), {"reason": reason_field()},
               danger=True),
        Action("correct-stage", _l("Correct the stage"), "correct_project_stage", tuple(s.value for s in ProjectStage),
               {"stage": enum_field(ProjectStage, _l("Correct stage")), "reason": reason_field(_l("What was wrong"))}),
    )
}  # fmt: skip

PANEL = StagePanel("project", ACTIONS, "project_detail", "projects.detail", "projects/_detail.html", EDITORS)
