"""The dashboard's figures, each computed from the read models so that no two can disagree."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from portfolio.rates import Converted, RateUseCases

WON = ("awarded", "contracted", "in_implementation", "closed")
LOST = ("rejected",)
OPEN = ("prospect", "drafting", "submitted", "under_review")


# What a grant application counts for: awarded money once won, requested money before.
_WON_SQL = "g.stage IN ('awarded', 'contracted', 'in_implementation', 'closed') AND g.awarded_amount IS NOT NULL"
_VALUE = (
    f"CASE WHEN {_WON_SQL} THEN g.awarded_currency ELSE g.requested_currency END AS currency, "
    f"decimal_sum(CASE WHEN {_WON_SQL} THEN g.awarded_amount ELSE g.requested_amount END) AS amount"
)
LIMIT = 20  # rows of each list on the page; the page says how many there are in all


class DashboardQueries(RateUseCases):
    def dashboard(self, currency: str, now: datetime) -> dict[str, Any]:
        """The figures, summed by the database: the page costs the same for 300 applications or 30,000."""
        groups = self.read_models.query(
            f"SELECT g.stage AS stage, o.name_uk AS funder, COUNT(*) AS count, {_VALUE} "
            "FROM rm_grants g LEFT JOIN rm_organizations o ON o.id = g.funder_id GROUP BY 1, 2, 4"
        )
        return {
            "currency": currency,
            "by_stage": self._by(groups, "stage", currency),
            "by_funder": sorted(self._by(groups, "funder", currency), key=lambda r: -r["value"].amount)[:10],
            "won": self._won(currency),
            "win_rate": _win_rate(groups),
            "deadlines": self._upcoming(now),
            "priorities": self._counts("rm_projects", "priority"),
            "categories": self._counts("rm_projects", "category"),
            "kpis": self._kpis(),
            "paper_memoranda": self._first(
                "SELECT id, subject, signed_on FROM rm_memoranda WHERE stage IN ('signed', 'active') "
                "AND commitments = 0 AND projects = 0",
                "signed_on",
            ),
            "troubled_initiatives": self._first(
                "SELECT id, roadmap, direction, title, health, status, target_on, original_target_on "
                "FROM rm_initiatives WHERE health IN ('off_track', 'at_risk') "
                "AND status NOT IN ('done', 'not_done', 'dropped')",
                "health DESC, target_on",
            ),
        }

    def _by(self, groups: list[dict[str, Any]], key: str, currency: str) -> list[dict[str, Any]]:
        """Count and value per stage or funder."""
        merged: dict[str, dict[str, Any]] = {}
        for row in groups:
            group = merged.setdefault(
                row[key] or "—", {"name": row[key] or "—", "count": 0, "totals": defaultdict(Decimal)}
            )
            group["count"] += row["count"]
            group["totals"][row["currency"]] += Decimal(str(row["amount"]))
        return [
            {"name": g["name"], "count": g["count"], "value": self.convert_totals(dict(g["totals"]), currency)}
            for g in merged.values()
        ]

    def _won(self, currency: str) -> dict[str, Converted]:
        totals = {}
        for side in ("requested", "awarded"):
            rows = self.read_models.query(
                f"SELECT g.{side}_currency AS currency, decimal_sum(g.{side}_amount) AS amount FROM rm_grants g "
                f"WHERE {_WON_SQL} GROUP BY 1"
            )
            totals[side] = self.convert_totals({r["currency"]: Decimal(str(r["amount"])) for r in rows}, currency)
        return totals

    def _upcoming(self, now: datetime, days: int = 30) -> list[dict[str, Any]]:
        """Open applications whose call closes in the next `days` days (deadlines are kept in UTC)."""
        return self.read_models.query(
            "SELECT g.id, g.title, g.deadline FROM rm_grants g WHERE g.stage IN "
            "('prospect', 'drafting', 'submitted', 'under_review') AND g.deadline >= :now AND g.deadline <= :until "
            "ORDER BY g.deadline",
            {"now": now.astimezone(UTC).isoformat(), "until": (now + timedelta(days=days)).astimezone(UTC).isoformat()},
        )

    def _counts(self, table: str, column: str) -> list[dict[str, Any]]:
        return self.read_models.query(
            f"SELECT {column} AS name, COUNT(*) AS count FROM {table} GROUP BY {column} ORDER BY 1"
        )

    def _first(self, select: str, order: str) -> dict[str, Any]:
        """The first rows of a list, and how many it has in all."""
        total = self.read_models.query(f"SELECT COUNT(*) AS n FROM ({select}) listed")[0]["n"]
        return {"rows": self.read_models.query(f"{select} ORDER BY {order} LIMIT {LIMIT}"), "total": total}

    def _kpis(self) -> dict[str, Any]:
        """The KPIs furthest behind their targets first (without a span next, never measured last)."""
        progress = (
            "(CAST(k.actual AS DOUBLE PRECISION) - CAST(k.baseline AS DOUBLE PRECISION)) "
            "/ NULLIF(CAST(k.target AS DOUBLE PRECISION) - CAST(k.baseline AS DOUBLE PRECISION), 0)"
        )  # for the order only (the same on both stores); the percent shown is exact
        listed = self._first(
            "SELECT k.id, k.name, k.unit, k.baseline, k.target, k.actual, p.id AS project_id, p.code, p.title, "
            f"{progress} AS progress FROM rm_kpis k JOIN rm_projects p ON p.id = k.project_id",
            f"CASE WHEN k.actual IS NULL THEN 2 WHEN {progress} IS NULL THEN 1 ELSE 0 END, progress, p.code, k.name",
        )
        for row in listed["rows"]:
            target, baseline = Decimal(row["target"]), Decimal(row["baseline"])
            actual = None if row["actual"] is None else Decimal(row["actual"])
            span = target - baseline
            row["percent"] = (
                None if actual is None or span == 0 else max(0, min(100, int((actual - baseline) / span * 100)))
            )
        return listed


def _win_rate(groups: list[dict[str, Any]]) -> dict[str, Any]:
    won = sum(row["count"] for row in groups if row["stage"] in WON)
    lost = sum(row["count"] for row in groups if row["stage"] in LOST)
    return {"won": won, "lost": lost, "percent": round(100 * won / (won + lost)) if won + lost else None}
