"""`Portfolio`: every use case of the tracker in one event-sourced application."""

from __future__ import annotations

from typing import Any

from portfolio.accounts import AccountUseCases
from portfolio.analytics import AnalyticsQueries
from portfolio.audit.compare import ComparisonQueries
from portfolio.audit.log import AuditQueries
from portfolio.board_packs import BoardPackUseCases
from portfolio.checks import ReadModelCheckUseCases
from portfolio.dashboard import DashboardQueries
from portfolio.details import DetailQueries
from portfolio.grants import GrantUseCases
from portfolio.illustrative import IllustrativeUseCases
from portfolio.imports import ImportUseCases
from portfolio.initiatives import InitiativeUseCases
from portfolio.memoranda import MemorandumUseCases
from portfolio.organizations import OrganizationUseCases
from portfolio.pipeline import PipelineQueries
from portfolio.projects import ProjectUseCases
from portfolio.quarantine import QuarantineUseCases
from portfolio.queries import Queries
from portfolio.register_specs import REGISTERS
from portfolio.registers import ListRequest, Page, all_rows, filter_choices, list_rows
from portfolio.reminders import ReminderQueries
from portfolio.roadmap_board import RoadmapBoardQueries


class Portfolio(
    AccountUseCases,
    OrganizationUseCases,
    ProjectUseCases,
    GrantUseCases,
    MemorandumUseCases,
    InitiativeUseCases,
    IllustrativeUseCases,
    PipelineQueries,
    DashboardQueries,
    RoadmapBoardQueries,
    DetailQueries,
    ImportUseCases,
    AuditQueries,
    ComparisonQueries,
    BoardPackUseCases,
    AnalyticsQueries,
    ReminderQueries,
    QuarantineUseCases,
    ReadModelCheckUseCases,
):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """As `PortfolioCore`'s; then the queries the registers and pages share."""
        super().__init__(*args, **kwargs)
        self.queries = Queries(self.read_models)

    def list_register(self, name: str, request: ListRequest) -> Page:
        """One page of a register (projects, grants, memoranda, initiatives, organizations)."""
        return list_rows(self.read_models, REGISTERS[name], request)

    def register_rows(self, name: str, request: ListRequest) -> list[dict]:
        """Every row of a register for a request, all pages, in its order (for exports)."""
        return all_rows(self.read_models, REGISTERS[name], request)

    def filter_values(self, name: str) -> dict[str, list[str]]:
        """The values each drop-down filter of a register offers, by filter."""
        return filter_choices(self.read_models, REGISTERS[name])

    def is_empty(self) -> bool:
        return not self.recorder.max_notification_id()
