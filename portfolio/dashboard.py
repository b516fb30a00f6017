"""The dashboard's figures, each computed from the read models so that no two can disagree."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from portfolio.rates import Converted, RateUseCases

WON = ("awarded", "contracted", "in_implementation", "closed")
LOST = ("rejected",)
OPEN = ("prospect", "drafting", "submitted", "under_review")


class DashboardQueries(RateUseCases):
    def dashboard(self, currency: str, now: datetime) -> dict[str, Any]:
        grants = self.read_models.query(
            "SELECT g.id, g.title, g.stage, g.deadline, g.requested_amount, g.requested_currency, "
            "g.awarded_amount, g.awarded_currency, o.name_uk AS funder "
            "FROM rm_grants g LEFT JOIN rm_organizations o ON o.id = g.funder_id"
        )
        return {
            "currency": currency,
            "by_stage": self._by(grants, "stage", currency),
            "by_funder": sorted(self._by(grants, "funder", currency), key=lambda r: -r["value"].amount)[:10],
            "won": self._won(grants, currency),
            "win_rate": _win_rate(grants),
            "deadlines": _upcoming(grants, now),
            "priorities": self._counts("rm_projects", "priority"),
            "categories": self._counts("rm_projects", "category"),
            "kpis": self._kpis(),
            "paper_memoranda": self.read_models.query(
                "SELECT id, subject, signed_on FROM rm_memoranda WHERE stage IN ('signed', 'active') "
                "AND commitments = 0 AND projects = 0 ORDER BY signed_on"
            ),
            "troubled_initiatives": self.read_models.query(
                "SELECT id, roadmap, direction, title, health, status, target_on, original_target_on "
                "FROM rm_initiatives WHERE health IN ('off_track', 'at_risk') "
                "AND status NOT IN ('done', 'not_done', 'dropped') ORDER BY health DESC, target_on"
            ),
        }

    def _by(self, grants: list[dict[str, Any]], key: str, currency: str) -> list[dict[str, Any]]:
        """Count and value per stage or funder: awarded money once won, requested money before."""
        groups: dict[str, dict[str, Any]] = {}
        for grant in grants:
            group = groups.setdefault(
                grant[key] or "—", {"name": grant[key] or "—", "count": 0, "totals": defaultdict(Decimal)}
            )
            amount, code = _value(grant)
            group["count"] += 1
            group["totals"][code] += amount
        return [
            {"name": g["name"], "count": g["count"], "value": self.convert_totals(dict(g["totals"]), currency)}
            for g in groups.values()
        ]

    def _won(self, grants: list[dict[str, Any]], currency: str) -> dict[str, Converted]:
        requested, awarded = defaultdict(Decimal), defaultdict(Decimal)
        for grant in grants:
            if grant["stage"] in WON and grant["awarded_amount"] is not None:
                requested[grant["requested_currency"]] += Decimal(grant["requested_amount"])
                awarded[grant["awarded_currency"]] += Decimal(grant["awarded_amount"])
        return {
            "requested": self.convert_totals(dict(requested), currency),
            "awarded": self.convert_totals(dict(awarded), currency),
        }

    def _counts(self, table: str, column: str) -> list[dict[str, Any]]:
        return self.read_models.query(
            f"SELECT {column} AS name, COUNT(*) AS count FROM {table} GROUP BY {column} ORDER BY 1"
        )

    def _kpis(self) -> list[dict[str, Any]]:
        rows = self.read_models.query(
            "SELECT k.id, k.name, k.unit, k.baseline, k.target, k.actual, p.id AS project_id, p.code, p.title "
            "FROM rm_kpis k JOIN rm_projects p ON p.id = k.project_id ORDER BY p.code, k.name"
        )
        for row in rows:
            target, baseline = Decimal(row["target"]), Decimal(row["baseline"])
            actual = None if row["actual"] is None else Decimal(row["actual"])
            span = target - baseline
            row["percent"] = (
                None if actual is None or span == 0 else max(0, min(100, int((actual - baseline) / span * 100)))
            )
        return rows


def _value(grant: dict[str, Any]) -> tuple[Decimal, str]:
    if grant["stage"] in WON and grant["awarded_amount"] is not None:
        return Decimal(grant["awarded_amount"]), grant["awarded_currency"]
    return Decimal(grant["requested_amount"]), grant["requested_currency"]


def _win_rate(grants: list[dict[str, Any]]) -> dict[str, Any]:
    won = sum(1 for g in grants if g["stage"] in WON)
    lost = sum(1 for g in grants if g["stage"] in LOST)
    return {"won": won, "lost": lost, "percent": round(100 * won / (won + lost)) if won + lost else None}


def _upcoming(grants: list[dict[str, Any]], now: datetime, days: int = 30) -> list[dict[str, Any]]:
    until = now + timedelta(days=days)
    due = [
        g
        for g in grants
        if g["deadline"] and g["stage"] in OPEN and now <= datetime.fromisoformat(g["deadline"]) <= until
    ]
    return sorted(due, key=lambda g: g["deadline"])
