"""Use cases for projects: details, stages, partners, KPIs, milestones and the checklist."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from uuid import UUID

from domain.enums import Category, Priority, ProjectStage, ResultLevel
from domain.money import Money
from domain.project import Project
from portfolio.application import PortfolioCore
from portfolio.errors import RuleBrokenError

V = int | None


class ProjectUseCases(PortfolioCore):
    def propose_project(
        self,
        code: str,
        title: str,
        organization_id: UUID,
        owner: str,
        priority: Priority,
        category: Category,
        summary: str = "",
        regions: list[str] | None = None,
        direction: str = "",
        tags: list[str] | None = None,
    ) -> UUID:
        if self._taken("rm_projects", "code", code):
            raise RuleBrokenError("Another project already has the code {code}.", about="code", code=code.strip())
        return self._create(
            lambda: Project.propose(
                code, title, organization_id, owner, priority, category, summary, regions, direction, tags
            )
        )

    def describe_project(self, pid: UUID, title: str, summary: str, expected_version: V = None) -> int:
        return self._change(Project, pid, lambda p: p.describe(title, summary), expected_version)

    def classify_project(
        self,
        pid: UUID,
        priority: Priority,
        category: Category,
        direction: str,
        regions: list[str],
        tags: list[str],
        expected_version: V = None,
    ) -> int:
        return self._change(
            Project, pid, lambda p: p.classify(priority, category, direction, regions, tags), expected_version
        )

    def hand_over_project(self, pid: UUID, owner: str, expected_version: V = None) -> int:
        return self._change(Project, pid, lambda p: p.hand_over(owner), expected_version)

    def plan_project(
        self,
        pid: UUID,
        budget: Money | None,
        estimated: bool,
        start: date | None,
        end: date | None,
        expected_version: V = None,
    ) -> int:
        return self._change(Project, pid, lambda p: p.plan(budget, estimated, start, end), expected_version)

    def develop_project_concept(self, pid: UUID, expected_version: V = None) -> int:
        return self._change(Project, pid, lambda p: p.develop_concept(), expected_version)

    def approve_project(self, pid: UUID, expected_version: V = None) -> int:
        return self._change(Project, pid, lambda p: p.approve(), expected_version)

    def start_project(self, pid: UUID, expected_version: V = None) -> int:
        return self._change(Project, pid, lambda p: p.start(), expected_version)

    def complete_project(self, pid: UUID, expected_version: V = None) -> int:
        return self._change(Project, pid, lambda p: p.complete(), expected_version)

    def put_project_on_hold(self, pid: UUID, reason: str, expected_version: V = None) -> int:
        return self._change(Project, pid, lambda p: p.put_on_hold(reason), expected_version)

    def resume_project(self, pid: UUID, expected_version: V = None) -> int:
        return self._change(Project, pid, lambda p: p.resume(), expected_version)

    def cancel_project(self, pid: UUID, reason: str, expected_version: V = None) -> int:
        return self._change(Project, pid, lambda p: p.cancel(reason), expected_version)

    def correct_project_stage(self, pid: UUID, stage: ProjectStage, reason: str, expected_version: V = None) -> int:
        return self._change(Project, pid, lambda p: p.correct_stage(stage, reason), expected_version)

    def add_project_partner(self, pid: UUID, org_id: UUID, role: str, expected_version: V = None) -> int:
        return self._change(Project, pid, lambda p: p.add_partner(org_id, role), expected_version)

    def remove_project_partner(self, pid: UUID, org_id: UUID, reason: str, expected_version: V = None) -> int:
        return self._change(Project, pid, lambda p: p.remove_partner(org_id, reason), expected_version)

    def define_kpi(
        self, pid: UUID, name: str, unit: str, level: ResultLevel, baseline: Decimal, target: Decimal,
        expected_version: V = None,
    ) -> UUID:  # fmt: skip
        return self._add(Project, pid, lambda p: p.define_kpi(name, unit, level, baseline, target), expected_version)

    def measure_kpi(
        self, pid: UUID, kpi_id: UUID, value: Decimal, measured_on: date, source: str, expected_version: V = None
    ) -> int:
        return self._change(Project, pid, lambda p: p.measure_kpi(kpi_id, value, measured_on, source), expected_version)

    def correct_kpi_measurement(
        self, pid: UUID, kpi_id: UUID, measured_on: date, value: Decimal, reason: str, expected_version: V = None
    ) -> int:
        return self._change(
            Project, pid, lambda p: p.correct_kpi_measurement(kpi_id, measured_on, value, reason), expected_version
        )

    def revise_kpi_target(
        self, pid: UUID, kpi_id: UUID, target: Decimal, reason: str, expected_version: V = None
    ) -> int:
        return self._change(Project, pid, lambda p: p.revise_kpi_target(kpi_id, target, reason), expected_version)

    def record_unplanned_result(
        self, pid: UUID, description: str, recorded_on: date, expected_version: V = None
    ) -> int:
        return self._change(
            Project, pid, lambda p: p.record_unplanned_result(description, recorded_on), expected_version
        )

    def add_milestone(self, pid: UUID, title: str, due_on: date, expected_version: V = None) -> UUID:
        return self._add(Project, pid, lambda p: p.add_milestone(title, due_on), expected_version)

    def reschedule_milestone(
        self, pid: UUID, milestone_id: UUID, due_on: date, reason: str, expected_version: V = None
    ) -> int:
        return self._change(
            Project, pid, lambda p: p.reschedule_milestone(milestone_id, due_on, reason), expected_version
        )

    def reach_milestone(self, pid: UUID, milestone_id: UUID, done_on: date, expected_version: V = None) -> int:
        return self._change(Project, pid, lambda p: p.reach_milestone(milestone_id, done_on), expected_version)

    def answer_project_checklist(self, pid: UUID, answers: dict[str, bool], expected_version: V = None) -> int:
        return self._change(Project, pid, lambda p: p.answer_checklist(answers), expected_version)
