"""Use cases for grant applications: the call, the stages, tranches and reporting duties."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from domain.enums import GrantStage, ReportKind
from domain.grant import GrantApplication
from domain.money import Money
from portfolio.application import PortfolioCore

G = GrantApplication
V = int | None


class GrantUseCases(PortfolioCore):
    def prospect_application(
        self,
        title: str,
        funder_id: UUID,
        applicant_id: UUID,
        owner: str,
        requested: Money,
        programme: str = "",
        call_name: str = "",
        call_reference: str = "",
        call_url: str = "",
        co_financing: Money | None = None,
        deadline: datetime | None = None,
        requested_estimated: bool = False,
        co_financing_estimated: bool = False,
    ) -> UUID:
        return self._create(
            lambda: G.prospect(
                title,
                funder_id,
                applicant_id,
                owner,
                requested,
                programme,
                call_name,
                call_reference,
                call_url,
                co_financing,
                deadline,
                requested_estimated,
                co_financing_estimated,
            )
        )

    def describe_call(
        self,
        gid: UUID,
        title: str,
        programme: str,
        call_name: str,
        call_reference: str,
        call_url: str,
        expected_version: V = None,
    ) -> int:
        return self._change(
            G, gid, lambda g: g.describe_call(title, programme, call_name, call_reference, call_url), expected_version
        )

    def set_deadline(self, gid: UUID, deadline: datetime | None, expected_version: V = None) -> int:
        return self._change(G, gid, lambda g: g.set_deadline(deadline), expected_version)

    def change_request(
        self,
        gid: UUID,
        requested: Money,
        co_financing: Money | None,
        requested_estimated: bool = False,
        co_financing_estimated: bool = False,
        expected_version: V = None,
    ) -> int:
        def change(g: G) -> None:
            g.change_request(requested, co_financing, requested_estimated, co_financing_estimated)

        return self._change(G, gid, change, expected_version)

    def estimate_win_probability(self, gid: UUID, percent: int | None, expected_version: V = None) -> int:
        return self._change(G, gid, lambda g: g.estimate_win_probability(percent), expected_version)

    def hand_over_application(self, gid: UUID, owner: str, expected_version: V = None) -> int:
        return self._change(G, gid, lambda g: g.hand_over(owner), expected_version)

    def link_application_to_project(
        self, gid: UUID, project_id: UUID | None, reason: str | None = None, expected_version: V = None
    ) -> int:
        return self._change(G, gid, lambda g: g.link_project(project_id, reason), expected_version)

    def add_consortium_partner(self, gid: UUID, org_id: UUID, role: str, expected_version: V = None) -> int:
        return self._change(G, gid, lambda g: g.add_partner(org_id, role), expected_version)

    def remove_consortium_partner(self, gid: UUID, org_id: UUID, reason: str, expected_version: V = None) -> int:
        return self._change(G, gid, lambda g: g.remove_partner(org_id, reason), expected_version)

    def start_drafting(self, gid: UUID, expected_version: V = None) -> int:
        return self._change(G, gid, lambda g: g.start_drafting(), expected_version)

    def submit_application(self, gid: UUID, submitted_on: date, expected_version: V = None) -> int:
        return self._change(G, gid, lambda g: g.submit(submitted_on), expected_version)

    def mark_under_review(self, gid: UUID, expected_version: V = None) -> int:
        return self._change(G, gid, lambda g: g.mark_under_review(), expected_version)

    def record_award(self, gid: UUID, amount: Money, decided_on: date, expected_version: V = None) -> int:
        return self._change(G, gid, lambda g: g.award(amount, decided_on), expected_version)

    def mark_rejected(self, gid: UUID, reason: str, decided_on: date, expected_version: V = None) -> int:
        return self._change(G, gid, lambda g: g.reject(reason, decided_on), expected_version)

    def withdraw_application(self, gid: UUID, reason: str, expected_version: V = None) -> int:
        return self._change(G, gid, lambda g: g.withdraw(reason), expected_version)

    def record_contract(
        self, gid: UUID, signed_on: date, period_start: date, period_end: date, expected_version: V = None
    ) -> int:
        return self._change(G, gid, lambda g: g.contract(signed_on, period_start, period_end), expected_version)

    def start_grant_implementation(self, gid: UUID, expected_version: V = None) -> int:
        return self._change(G, gid, lambda g: g.start_implementation(), expected_version)

    def close_grant(self, gid: UUID, expected_version: V = None) -> int:
        return self._change(G, gid, lambda g: g.close(), expected_version)

    def correct_grant_stage(self, gid: UUID, stage: GrantStage, reason: str, expected_version: V = None) -> int:
        return self._change(G, gid, lambda g: g.correct_stage(stage, reason), expected_version)

    def correct_award(self, gid: UUID, amount: Money, decided_on: date, reason: str, expected_version: V = None) -> int:
        return self._change(G, gid, lambda g: g.correct_award(amount, decided_on, reason), expected_version)

    def correct_disbursement(
        self,
        gid: UUID,
        disbursement_id: UUID,
        amount: Money,
        received_on: date | None,
        reason: str,
        expected_version: V = None,
    ) -> int:
        return self._change(
            G, gid, lambda g: g.correct_disbursement(disbursement_id, amount, received_on, reason), expected_version
        )

    def plan_disbursement(self, gid: UUID, amount: Money, expected_on: date, expected_version: V = None) -> UUID:
        return self._add(G, gid, lambda g: g.plan_disbursement(amount, expected_on), expected_version)

    def receive_disbursement(
        self, gid: UUID, disbursement_id: UUID, received_on: date, expected_version: V = None
    ) -> int:
        return self._change(G, gid, lambda g: g.receive_disbursement(disbursement_id, received_on), expected_version)

    def add_reporting_duty(self, gid: UUID, kind: ReportKind, due_on: date, expected_version: V = None) -> UUID:
        return self._add(G, gid, lambda g: g.add_reporting_duty(kind, due_on), expected_version)

    def submit_report(self, gid: UUID, duty_id: UUID, submitted_on: date, expected_version: V = None) -> int:
        return self._change(G, gid, lambda g: g.submit_report(duty_id, submitted_on), expected_version)
