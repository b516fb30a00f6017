"""A small portfolio touching every kind of record, field type and read-model table."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from uuid import UUID

from domain.context import recording
from domain.enums import (
    AuthorityLevel,
    Category,
    CommitmentStatus,
    Health,
    MemorandumKind,
    OrganizationKind,
    PartyType,
    Priority,
    ReportKind,
    ResultLevel,
)
from domain.money import Money
from portfolio.app import Portfolio

KYIV = timezone(timedelta(hours=2))


def build(app: Portfolio) -> dict[str, UUID]:
    with recording("olena.fundraiser"):
        cluster = app.register_organization(
            "Харківський IAM кластер", OrganizationKind.CLUSTER, "Kharkiv IAM", "Kharkiv"
        )
        funder = app.register_organization("GIZ", OrganizationKind.FUNDER, "GIZ", "", "DE")
        city = app.register_organization(
            "Харківська міська рада", OrganizationKind.AUTHORITY, region="Kharkiv", authority_level=AuthorityLevel.LOCAL
        )
        project = app.propose_project(
            "CR-1",
            "ClusteRISE",
            cluster,
            "Olena",
            Priority.NOW,
            Category.ECOSYSTEM_ORCHESTRATION,
            regions=["Kharkiv", "Zaporizhzhia"],
            tags=["GIZ", "EU4Business"],
        )
        app.plan_project(project, Money.of("1250000.50", "EUR"), True, date(2020, 8, 1), date(2021, 11, 30))
        kpi = app.define_kpi(project, "Permanent members", "members", ResultLevel.OUTCOME, Decimal(0), Decimal(25))
        app.measure_kpi(project, kpi, Decimal("20"), date(2021, 11, 1), "final report")
        app.revise_kpi_target(project, kpi, Decimal("22.5"), "war")
        app.add_milestone(project, "Strategy session", date(2021, 3, 1))
        app.answer_project_checklist(project, {"joint_action": True, "measurable": True})
        app.approve_project(project)
        grant = app.prospect_application(
            "USAID beds",
            funder,
            cluster,
            "Olena",
            Money.of("4500000", "UAH"),
            co_financing=Money.of("0.01", "UAH"),
            deadline=datetime(2022, 5, 1, 17, 0, tzinfo=KYIV),
        )
        app.link_application_to_project(grant, project)
        app.submit_application(grant, date(2022, 4, 20))
        app.record_award(grant, Money.of("4500000.00", "UAH"), date(2022, 5, 20))
        tranche = app.plan_disbursement(grant, Money.of("1500000", "UAH"), date(2022, 6, 1))
        app.receive_disbursement(grant, tranche, date(2022, 6, 3))
        app.add_reporting_duty(grant, ReportKind.INTERIM, date(2022, 9, 1))
        memo = app.draft_memorandum(MemorandumKind.COOPERATION, "Cooperation with the city", "Olena")
        app.add_party(memo, cluster, PartyType.CLUSTER)
        app.add_party(memo, city, PartyType.LOCAL_SELF_GOVERNMENT)
        app.sign_memorandum(memo, date(2021, 10, 27), "Kharkiv", None, date(2026, 10, 27))
        commitment = app.make_commitment(memo, city, "Co-host the forum", "Olena", date(2022, 3, 1))
        app.update_commitment(memo, commitment, CommitmentStatus.DONE)
        app.link_memorandum_to_project(memo, project)
        paper = app.draft_memorandum(MemorandumKind.NETWORK_MEMBERSHIP, "Network membership", "Olena")
        app.add_party(paper, cluster, PartyType.CLUSTER)
        app.add_party(paper, funder, PartyType.NETWORK)
        app.sign_memorandum(paper, date(2022, 1, 10), "online", None, None)
    with recording("board.petrenko", reason="Board meeting 10 Jan 2023", effective_date=date(2023, 1, 10)):
        initiative = app.propose_initiative(
            "UCA Roadmap 2022-23", "Growth", "Basic maturity", "Board", date(2023, 3, 31)
        )
        app.plan_initiative(initiative)
        app.postpone_initiative(initiative, date(2023, 6, 30), "war")
        app.assess_initiative_health(initiative, Health.AT_RISK, "needs funding")
        app.report_initiative_progress(initiative, 40)
        app.link_initiative_to_project(initiative, project)
    return {
        "cluster": cluster,
        "funder": funder,
        "city": city,
        "project": project,
        "kpi": kpi,
        "grant": grant,
        "memo": memo,
        "paper": paper,
        "initiative": initiative,
    }


def read_models(app: Portfolio) -> dict[str, list[dict]]:
    """Every read-model row, in a stable order, for comparisons."""
    from portfolio.readmodels.schema import READ_MODEL_TABLES

    return {
        table: sorted(
            (dict(row) for row in app.read_models.query(f"SELECT * FROM {table}")),
            key=lambda row: tuple(str(v) for v in row.values()),
        )
        for table in READ_MODEL_TABLES
    }
