"""Use cases for roadmap initiatives: status, postponements, health, progress and decisions."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from domain.enums import Health
from domain.initiative import RoadmapInitiative
from portfolio.application import PortfolioCore

I = RoadmapInitiative
V = int | None


class InitiativeUseCases(PortfolioCore):
    def propose_initiative(self, roadmap: str, direction: str, title: str, owner: str, target_on: date) -> UUID:
        return self._create(lambda: I.propose(roadmap, direction, title, owner, target_on))

    def retitle_initiative(self, iid: UUID, title: str, direction: str, expected_version: V = None) -> int:
        return self._change(I, iid, lambda i: i.retitle(title, direction), expected_version)

    def hand_over_initiative(self, iid: UUID, owner: str, expected_version: V = None) -> int:
        return self._change(I, iid, lambda i: i.hand_over(owner), expected_version)

    def plan_initiative(self, iid: UUID, expected_version: V = None) -> int:
        return self._change(I, iid, lambda i: i.plan(), expected_version)

    def start_initiative(self, iid: UUID, expected_version: V = None) -> int:
        return self._change(I, iid, lambda i: i.start(), expected_version)

    def finish_initiative(self, iid: UUID, expected_version: V = None) -> int:
        return self._change(I, iid, lambda i: i.finish(), expected_version)

    def mark_initiative_not_done(self, iid: UUID, reason: str, expected_version: V = None) -> int:
        return self._change(I, iid, lambda i: i.mark_not_done(reason), expected_version)

    def drop_initiative(self, iid: UUID, reason: str, expected_version: V = None) -> int:
        return self._change(I, iid, lambda i: i.drop(reason), expected_version)

    def postpone_initiative(self, iid: UUID, to_date: date, reason: str, expected_version: V = None) -> int:
        return self._change(I, iid, lambda i: i.postpone(to_date, reason), expected_version)

    def assess_initiative_health(self, iid: UUID, health: Health, comment: str = "", expected_version: V = None) -> int:
        return self._change(I, iid, lambda i: i.assess_health(health, comment), expected_version)

    def report_initiative_progress(self, iid: UUID, percent: int, expected_version: V = None) -> int:
        return self._change(I, iid, lambda i: i.report_progress(percent), expected_version)

    def record_board_decision(self, iid: UUID, text: str, decided_on: date, expected_version: V = None) -> int:
        return self._change(I, iid, lambda i: i.record_decision(text, decided_on), expected_version)

    def comment_on_initiative(self, iid: UUID, text: str, expected_version: V = None) -> int:
        return self._change(I, iid, lambda i: i.comment(text), expected_version)

    def link_initiative_to_project(self, iid: UUID, project_id: UUID, expected_version: V = None) -> int:
        return self._change(I, iid, lambda i: i.link_project(project_id), expected_version)

    def unlink_initiative_from_project(
        self, iid: UUID, project_id: UUID, reason: str, expected_version: V = None
    ) -> int:
        return self._change(I, iid, lambda i: i.unlink_project(project_id, reason), expected_version)
