"""The dashboard's figures, each computed from the read models so that no two can disagree."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from domain import initiative
from domain.enums import sql_list, values
from domain.grant import ENDED, FUNDED, ORDER, UNDECIDED
from portfolio import timetravel
from portfolio.kinds import ON_PAPER_ONLY
from portfolio.rates import Converted, Rates, RateUseCases, convert
from portfolio.readmodels.kept_totals import GRANTS, KPIS, PROJECTS, Kept
from portfolio.readmodels.schema import STILL_TRUE

# The order stages are shown in: the pipeline's, then the ends it did not reach.
STAGE_ORDER = [stage.value for stage in (*ORDER, *(end for end in ENDED if end not in ORDER))]

WON = values(FUNDED)  # counted as won: awarded at some time, running or closed
LIMIT = 20  # rows of each list on the page; the page says how many there are in all


class DashboardQueries(RateUseCases):
    def dashboard(self, currency: str, now: datetime) -> dict[str, Any]:
        """The figures: the applications' sums and the projects' and KPIs' counts kept by the
        projector (see `kept_totals.py`), and the lists read in order from indexes."""
        rates = self.latest_rates(currency)
        groups = self._grant_groups()
        projects = self._kept(PROJECTS)
        by_stage = sorted(_by(groups, "stage", currency, rates), key=_in_stage_order)
        funders = sorted(_by(groups, "funder", currency, rates), key=lambda r: -r["value"].amount)
        return {
            "currency": currency,
            "by_stage": by_stage,
            "funnel": _funnel(by_stage, currency, rates),
            "by_funder": funders[:10],
            "won": _won(groups, currency, rates),
            "illustrative": {
                **_illustrative(groups, currency, rates, [row["name"] for row in funders]),
                "rates": self.illustrative_rates(),
            },
            "estimated": _estimated(groups, currency, rates),
            "win_rate": _win_rate(groups),
            "deadlines": self._upcoming(now),
            "priorities": _counts(projects, "priority"),
            "categories": _counts(projects, "category"),
            "kpis": self._kpis(),
            "paper_memoranda": self._first(
                f"SELECT id, subject, signed_on FROM rm_memoranda WHERE {ON_PAPER_ONLY}",
                "signed_on",
            ),
            "troubled_initiatives": self.troubled_initiatives(),
        }

    def troubled_initiatives(self) -> dict[str, Any]:
        """Open initiatives at risk or off track, the worst and soonest first (the first of them, and
        how many in all): on the dashboard and a board member's start page."""
        return self._first(
            "SELECT id, roadmap, direction, title, health, status, target_on, original_target_on "
            f"FROM rm_initiatives WHERE health IN ({sql_list(initiative.TROUBLED)}) "
            f"AND status NOT IN ({sql_list(initiative.ENDED)})",
            "health DESC, target_on",
        )

    def _kept(self, kept: Kept) -> list[dict[str, Any]]:
        """A register's rows counted and summed by group, as kept by the projector at the position
        viewed (now, or as known by a moment); rows of one group may repeat, to be added up."""
        as_of = timetravel.current()
        if as_of is not None and as_of.real_on is not None:
            return self._summed(kept)  # how things really were on a day: no position they were kept at
        position = as_of.position if as_of is not None else STILL_TRUE
        return self.read_models.query(kept.at_position, {"position": position})

    def _summed(self, kept: Kept) -> list[dict[str, Any]]:
        """The same groups counted and summed over the register's rows themselves."""
        return self.read_models.query(kept.summed(self.read_models.exact_sum))

    def _grant_groups(self) -> list[dict[str, Any]]:
        """Grant applications counted and summed by stage, funder and the currencies of their amounts;
        funders are named after."""
        groups = _merged(self._kept(GRANTS))
        organizations = self.read_models.query("SELECT id, name_uk FROM rm_organizations")
        names = {row["id"]: row["name_uk"] for row in organizations}
        return [{**group, "funder": names.get(group["funder_id"])} for group in groups]

    def _upcoming(self, now: datetime, days: int = 30) -> list[dict[str, Any]]:
        """Open applications whose call closes in the next `days` days (deadlines are kept in UTC)."""
        return self.read_models.query(
            "SELECT g.id, g.title, g.deadline FROM rm_grants g WHERE g.stage IN "
            f"({sql_list(UNDECIDED)}) AND g.deadline >= :now AND g.deadline <= :until "
            "ORDER BY g.deadline",
            {"now": now.astimezone(UTC).isoformat(), "until": (now + timedelta(days=days)).astimezone(UTC).isoformat()},
            walk=True,
        )

    def _first(self, select: str, order: str) -> dict[str, Any]:
        """The first rows of a list, and how many it has in all."""
        total = self.read_models.query(f"SELECT COUNT(*) AS n FROM ({select}) listed")[0]["n"]
        return {"rows": self.read_models.query(f"{select} ORDER BY {order} LIMIT {LIMIT}"), "total": total}

    def _kpis(self) -> dict[str, Any]:
        """The KPIs furthest behind their targets first (without a span next, never measured last);
        `rm_kpis.standing` and `progress` keep that order in an index."""
        total = sum(row["count"] for row in self._kept(KPIS))
        order = "k.standing, k.progress, k.project_code, k.name, k.id"
        # The first KPIs chosen before their projects are joined (every KPI has one; with an inner
        # join, SQLite took 6 ms more as of a date).
        rows = self.read_models.query(
            "SELECT k.id, k.name, k.unit, k.baseline, k.target, k.actual, k.project_id, k.project_code AS code, "
            f"p.title FROM (SELECT * FROM rm_kpis k ORDER BY {order} LIMIT {LIMIT}) k "
            f"LEFT JOIN rm_projects p ON p.id = k.project_id ORDER BY {order}",
            walk=True,
        )
        for row in rows:
            target, baseline = Decimal(row["target"]), Decimal(row["baseline"])
            actual = None if row["actual"] is None else Decimal(row["actual"])
            span = target - baseline
            row["percent"] = (
                None if actual is None or span == 0 else max(0, min(100, int((actual - baseline) / span * 100)))
            )
        return {"rows": rows, "total": total}


def _merged(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of counts and amounts (totals and the changes after them, or sums) added up by group, as
    Decimals; groups left empty are dropped."""
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows:
        key = tuple(row[column] for column in GRANTS.group)
        group = groups.get(key)
        if group is None:
            group = groups[key] = {**row, "count": 0, "requested": Decimal(0), "awarded": Decimal(0)}
        group["count"] += row["count"]
        group["requested"] += Decimal(row["requested"])
        group["awarded"] += Decimal(row["awarded"] or 0)
    return [group for group in groups.values() if group["count"]]


def _awarded(group: dict[str, Any]) -> bool:
    return group["stage"] in WON and group["awarded_currency"] is not None


def _value(group: dict[str, Any]) -> tuple[str, Decimal]:
    """What a group of applications counts for: awarded money once won, requested money before."""
    if _awarded(group):
        return group["awarded_currency"], group["awarded"]
    return group["requested_currency"], group["requested"]


def _in_stage_order(row: dict[str, Any]) -> int:
    return STAGE_ORDER.index(row["name"]) if row["name"] in STAGE_ORDER else len(STAGE_ORDER)


def _funnel(by_stage: list[dict[str, Any]], currency: str, rates: Rates) -> list[dict[str, Any]]:
    """Every stage in the pipeline's order, those without applications at 0, so the funnel's rows
    stay where they are whatever the figures (`by_stage`, which the board pack seals, lists only
    stages that have some)."""
    found = {row["name"]: row for row in by_stage}
    nothing = {"count": 0, "value": convert({}, currency, rates)}
    return [found.get(stage, {"name": stage, **nothing}) for stage in STAGE_ORDER] + [
        row for row in by_stage if row["name"] not in STAGE_ORDER
    ]


def _by(groups: list[dict[str, Any]], key: str, currency: str, rates: Rates) -> list[dict[str, Any]]:
    """Count and value per stage or funder."""
    merged: dict[str, dict[str, Any]] = {}
    for group in groups:
        name = group[key] or "—"
        into = merged.setdefault(name, {"name": name, "count": 0, "totals": defaultdict(Decimal)})
        into["count"] += group["count"]
        code, amount = _value(group)
        into["totals"][code] += amount
    return [
        {"name": g["name"], "count": g["count"], "value": convert(dict(g["totals"]), currency, rates)}
        for g in merged.values()
    ]


def _won(groups: list[dict[str, Any]], currency: str, rates: Rates) -> dict[str, Converted]:
    """What the won applications asked for, and what they were awarded."""
    totals: dict[str, dict[str, Decimal]] = {"requested": defaultdict(Decimal), "awarded": defaultdict(Decimal)}
    for group in groups:
        if _awarded(group):
            for side, by_currency in totals.items():
                by_currency[group[f"{side}_currency"]] += group[side]
    return {side: convert(dict(by_currency), currency, rates) for side, by_currency in totals.items()}


def _illustrative(groups: list[dict[str, Any]], currency: str, rates: Rates, funders: list[str]) -> dict[str, Any]:
    """How much of the totals above counts applications whose figures are illustrative: by stage and
    by funder (only where some are), in the charts' order (stages in the pipeline's, funders in
    `funders`', largest first), and of the won applications."""
    marked = [group for group in groups if group["illustrative"]]
    by_funder = _by(marked, "funder", currency, rates)
    rank = {name: index for index, name in enumerate(funders)}
    return {
        "by_stage": {
            row["name"]: row["value"] for row in sorted(_by(marked, "stage", currency, rates), key=_in_stage_order)
        },
        "by_funder": {
            row["name"]: row["value"] for row in sorted(by_funder, key=lambda r: rank.get(r["name"], len(rank)))
        },
        "won": _won(marked, currency, rates),
    }


def _estimated(groups: list[dict[str, Any]], currency: str, rates: Rates) -> dict[str, dict[str, Converted]]:
    """How much of the totals by stage and by funder is requested money given as an estimate, among
    the applications not decided yet (once decided, what counts is the award or nothing)."""
    undecided = values(UNDECIDED)
    estimated = [group for group in groups if group["requested_estimated"] and group["stage"] in undecided]
    return {
        "by_stage": {row["name"]: row["value"] for row in _by(estimated, "stage", currency, rates)},
        "by_funder": {row["name"]: row["value"] for row in _by(estimated, "funder", currency, rates)},
    }


def _counts(groups: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """Projects counted by one column, from their count by priority and category."""
    counts: dict[str, int] = defaultdict(int)
    for group in groups:
        counts[group[key]] += group["count"]
    return [{"name": name, "count": counts[name]} for name in sorted(counts) if counts[name]]


def _win_rate(groups: list[dict[str, Any]]) -> dict[str, Any]:
    won = sum(row["count"] for row in groups if row["stage"] in WON)
    lost = sum(row["count"] for row in groups if row["stage"] == "rejected")
    return {"won": won, "lost": lost, "percent": round(100 * won / (won + lost)) if won + lost else None}
