"""Random but valid histories: a sequence of use-case calls on a growing pool of records.

Each step is (operation, pick, number): the operation chooses a use case, `pick` chooses the record
it applies to, `number` gives it a value. Steps the rules refuse are simply not recorded.
"""

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from uuid import UUID

from domain.context import clock_set_to, recording
from domain.enums import Category, GrantStage, MemorandumKind, OrganizationKind, Priority, ProjectStage, ResultLevel
from domain.money import Money
from portfolio.app import Portfolio
from portfolio.errors import RuleBrokenError

START = datetime(2022, 1, 3, 9, 0, tzinfo=UTC)
OPERATIONS = 10
DAYS = [START.date() - timedelta(days=back) for back in range(5, -1, -1)]  # the days `backdate` gives effect on


def _pick(pool: list[UUID], pick: int) -> UUID | None:
    return pool[pick % len(pool)] if pool else None


def run(app: Portfolio, steps: list[tuple[int, int, int]], backdate: bool = False) -> list[datetime]:
    """Run the steps one minute apart; returns the time of each step. With `backdate`, each takes
    effect on the day recorded or up to four days before it, as its `pick` says."""
    pools: dict[str, list[UUID]] = {"org": [], "project": [], "grant": [], "memo": [], "initiative": [], "kpi": []}
    kpi_owner: dict[UUID, UUID] = {}
    moments = []
    for n, (operation, pick, number) in enumerate(steps):
        moment = START + timedelta(minutes=n)
        moments.append(moment)
        with (
            clock_set_to(moment),
            recording(f"person{pick % 3}", reason=f"step {n}", effective_date=_effective(moment, pick, backdate)),
            contextlib.suppress(RuleBrokenError),
        ):
            _step(app, pools, kpi_owner, operation % OPERATIONS, pick, number, moment.date())
    return moments


def _effective(moment: datetime, pick: int, backdate: bool) -> date | None:
    back = pick % 7
    return moment.date() - timedelta(days=back) if backdate and back < 5 else None


def _step(app, pools, kpi_owner, operation, pick, number, today: date) -> None:
    org, project, grant = _pick(pools["org"], pick), _pick(pools["project"], pick), _pick(pools["grant"], pick)
    memo, initiative, kpi = _pick(pools["memo"], pick), _pick(pools["initiative"], pick), _pick(pools["kpi"], pick)
    if operation == 0 or org is None:
        pools["org"].append(app.register_organization(f"Org {number}", OrganizationKind.CLUSTER, region="Kharkiv"))
    elif operation == 1:
        code = f"P-{len(pools['project'])}"
        pools["project"].append(app.propose_project(code, f"Project {number}", org, "Olena", Priority.NOW,
                                                    Category.VALUE_CHAINS))  # fmt: skip
    elif operation == 2:
        requested = Money.of(str(1000 + number), "EUR")
        pools["grant"].append(app.prospect_application(f"Grant {number}", org, org, "Olena", requested))
    elif operation == 3 and grant is not None:
        [
            lambda: app.start_drafting(grant),
            lambda: app.submit_application(grant, today),
            lambda: app.record_award(grant, Money.of(str(900 + number), "EUR"), today),
            lambda: app.mark_rejected(grant, "not chosen", today),
            lambda: app.correct_grant_stage(grant, GrantStage.DRAFTING, "mistake"),
            lambda: app.change_request(grant, Money.of(str(2000 + number), "EUR"), None),
        ][number % 6]()
    elif operation == 4 and project is not None:
        [
            lambda: app.approve_project(project),
            lambda: app.start_project(project),
            lambda: app.cancel_project(project, "no money"),
            lambda: app.correct_project_stage(project, ProjectStage.IDEA, "mistake"),
            lambda: app.plan_project(project, Money.of(str(number), "UAH"), False, None, None),
        ][number % 5]()
    elif operation == 5 and project is not None:
        if kpi is None or number % 2:
            new = app.define_kpi(project, f"KPI {number}", "pcs", ResultLevel.OUTPUT, Decimal(0), Decimal(10))
            pools["kpi"].append(new)
            kpi_owner[new] = project
        else:
            app.measure_kpi(kpi_owner[kpi], kpi, Decimal(number), today, "report")
    elif operation == 6:
        if memo is None or number % 2:
            pools["memo"].append(app.draft_memorandum(MemorandumKind.COOPERATION, f"Memo {number}", "Olena"))
        elif project is not None:
            app.link_memorandum_to_project(memo, project)
    elif operation == 7:
        if initiative is None or number % 3 == 0:
            pools["initiative"].append(
                app.propose_initiative("Roadmap", "Growth", f"Initiative {number}", "Board", date(2023, 3, 31))
            )
        elif number % 3 == 1:
            app.postpone_initiative(initiative, date(2023, 6, 30) + timedelta(days=number), "later")
        elif project is not None:
            app.link_initiative_to_project(initiative, project)
    elif operation == 8:
        app.rename_organization(org, f"Renamed {number}", "")
    elif operation == 9:
        app.record_exchange_rate("UAH", "EUR", Decimal(f"0.0{25 + number % 5}"), date(2022, 1, 1 + number % 28))
