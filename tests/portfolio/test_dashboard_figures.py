"""The dashboard's sums are exact (never in floating point), on both stores, now and as of any position."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from domain.context import recording
from domain.enums import OrganizationKind
from domain.money import Money
from portfolio import timetravel
from portfolio.demo.generate import generate
from portfolio.readmodels import kept_totals


def test_sums_by_stage_and_funder_are_exact_and_deadlines_are_the_next_30_days(store_url, open_portfolio):
    app = open_portfolio(store_url)
    now = datetime(2026, 11, 23, 12, tzinfo=UTC)
    with recording("olena"):
        funder = app.register_organization("Фонд", OrganizationKind.FUNDER)
        cluster = app.register_organization("Кластер", OrganizationKind.CLUSTER)
        for n, amount in enumerate(["0.10", "0.20", "1000000000000.01"]):
            app.prospect_application(f"G{n}", funder, cluster, "Olena", Money.of(amount, "EUR"),
                                     deadline=now + timedelta(days=10 * n + 1))  # fmt: skip
        won = app.prospect_application("Won", funder, cluster, "Olena", Money.of("5", "EUR"))
        app.record_award(won, Money.of("4.05", "EUR"), now.date())
    figures = app.dashboard("EUR", now)
    by_stage = {row["name"]: (row["count"], row["value"].amount) for row in figures["by_stage"]}
    assert by_stage == {"prospect": (3, Decimal("1000000000000.31")), "awarded": (1, Decimal("4.05"))}
    assert figures["by_funder"][0]["value"].amount == Decimal("1000000000004.36")
    assert figures["won"]["requested"].amount == Decimal("5") and figures["won"]["awarded"].amount == Decimal("4.05")
    assert [g["title"] for g in figures["deadlines"]] == ["G0", "G1", "G2"]
    assert figures["win_rate"] == {"won": 1, "lost": 0, "percent": 100}


def _added_up(kept: kept_totals.Kept, rows: list[dict]) -> dict[tuple, list]:
    """Rows of a kept register's groups added up: each group's count and sums; empty groups dropped."""
    groups: dict[tuple, list] = defaultdict(lambda: [0] + [Decimal(0)] * len(kept.sums))
    for row in rows:
        group = groups[tuple(row[column] for column in kept.group)]
        group[0] += row["count"]
        for n, (name, _) in enumerate(kept.sums, start=1):
            group[n] += Decimal(str(row[name] or 0))
    return {key: group for key, group in groups.items() if group[0]}


def test_the_kept_counts_and_sums_equal_a_count_over_the_rows_at_every_position(store_url, open_portfolio, monkeypatch):
    monkeypatch.setattr(kept_totals, "TOTALS_EVERY", 150)
    app = open_portfolio(store_url)
    generate(app, 1500)
    head = app.recorder.max_notification_id()
    kept = {row["position"] for row in app.read_models.query("SELECT DISTINCT position FROM rm_kpi_totals")}
    assert len(kept) >= 8  # totals were taken as the log passed each 150 positions
    moment = datetime.now(UTC)
    for position in sorted({1, 149, 150, 151, min(kept), min(kept) + 1, max(kept), *range(7, head, 97), head}):
        with timetravel.viewing(timetravel.AsOf(moment, position)):
            for register in kept_totals.KEPT.values():
                summed = _added_up(register, app._summed(register))
                assert _added_up(register, app._kept(register)) == summed, (register.name, position)
    for register in kept_totals.KEPT.values():
        rows = app.read_models.query(f"SELECT COUNT(*) AS n FROM {register.table}")[0]["n"]
        assert sum(group[0] for group in _added_up(register, app._kept(register)).values()) == rows > 0


def test_the_dashboard_as_known_then_and_as_it_really_was(history):
    """Known by 20 March: submitted (the award was recorded on the 25th); as it really was on the
    19th: awarded on the 18th. The first reads the kept sums, the second sums the history."""
    app, _ = history

    def stages(as_of: timetravel.AsOf) -> dict[str, tuple[int, Decimal]]:
        with timetravel.viewing(as_of):
            figures = app.dashboard("EUR", as_of.moment)
        return {row["name"]: (row["count"], row["value"].amount) for row in figures["by_stage"]}

    assert stages(app.as_of(datetime(2023, 3, 20, 12, tzinfo=UTC))) == {"submitted": (1, Decimal("100"))}
    assert stages(app.as_of(real_on=date(2023, 3, 19))) == {"awarded": (1, Decimal("90"))}
    assert stages(app.as_of(real_on=date(2023, 3, 17))) == {"submitted": (1, Decimal("100"))}


def test_stages_are_listed_in_the_pipelines_order_whatever_the_figures(store_url, open_portfolio):
    """Not in the order a query happens to give them (issue 18): the dashboard and the board pack."""
    from domain.context import clock_set_to

    app = open_portfolio(store_url)
    with recording("olena"), clock_set_to(datetime(2023, 3, 1, 10, tzinfo=UTC)):
        funder = app.register_organization("GIZ", OrganizationKind.FUNDER)
        grants = [app.prospect_application(f"G{n}", funder, funder, "olena", Money.of("100", "EUR")) for n in range(4)]
        app.submit_application(grants[0], date(2023, 2, 1))
        app.submit_application(grants[1], date(2023, 2, 1))
        app.record_award(grants[1], Money.of("90", "EUR"), date(2023, 2, 20))
        app.withdraw_application(grants[2], "no partner")
    stages = [row["name"] for row in app.dashboard("EUR", datetime(2023, 3, 2, tzinfo=UTC))["by_stage"]]
    assert stages == ["prospect", "submitted", "awarded", "withdrawn"]
