"""Analytics only history can give: how long records stay in each stage, and each funder's win rate
by year. Both read the history twins and the audit index, so they count every stage a record went
through, with the dates the changes really happened."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from statistics import mean, median
from typing import Any

from domain import grant
from domain.enums import values
from portfolio import timetravel
from portfolio.application import PortfolioCore
from portfolio.collation import sorted_by_name
from portfolio.kinds import KINDS

WON = values(grant.FUNDED)  # counted as won: awarded at some time, running or closed


@dataclass(frozen=True)
class StageTime:
    stage: str
    finished: int  # stays that ended (the record moved on)
    ongoing: int  # records still in the stage
    median_days: float | None
    mean_days: float | None


@dataclass(frozen=True)
class WinRate:
    funder: str
    year: int
    won: int
    lost: int

    @property
    def percent(self) -> int:
        return round(100 * self.won / (self.won + self.lost))


class AnalyticsQueries(PortfolioCore):
    def stage_times(self, kind: str) -> list[StageTime]:
        """For each stage, how many days records spent in it before moving on (by real dates)."""
        table, column, order = KINDS[kind].table, KINDS[kind].stage, KINDS[kind].stages or ()
        as_of = timetravel.current()
        known = "" if as_of is None else " AND valid_from <= :as_of_position"  # the changes known then
        if as_of is not None and as_of.real_on is not None:
            known += " AND real_on <= :as_of_real_on"  # and in effect by the day
        rows = self.read_models.query(
            f"SELECT id, stage, real_on FROM (SELECT h.id, h.{column} AS stage, e.real_on, h.valid_from, "
            f"LAG(h.{column}) OVER (PARTITION BY h.id ORDER BY h.valid_from) AS before "
            f"FROM {table}_history h JOIN rm_events e ON e.position = h.valid_from) s "
            f"WHERE (before IS NULL OR before <> stage){known} ORDER BY id, valid_from"
        )
        stays: dict[str, list[int]] = defaultdict(list)
        ongoing: dict[str, int] = defaultdict(int)
        for current, following in zip(rows, [*rows[1:], None], strict=False):  # the last has none
            if following is None or following["id"] != current["id"]:
                ongoing[current["stage"]] += 1
                continue
            days = (date.fromisoformat(following["real_on"]) - date.fromisoformat(current["real_on"])).days
            stays[current["stage"]].append(max(days, 0))
        stages = [s.value for s in order if s.value in stays or s.value in ongoing]
        return [
            StageTime(
                stage,
                len(stays.get(stage, [])),
                ongoing.get(stage, 0),
                median(stays[stage]) if stays.get(stage) else None,
                round(mean(stays[stage]), 1) if stays.get(stage) else None,
            )
            for stage in stages
        ]

    def win_rates(self) -> list[WinRate]:
        """Decided applications per funder and year of decision: won against rejected."""
        rows = self.read_models.query(
            "SELECT o.name_uk AS funder, g.stage, g.decided_on FROM rm_grants g "
            "JOIN rm_organizations o ON o.id = g.funder_id WHERE g.decided_on IS NOT NULL"
        )
        counts: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0])
        for row in rows:
            if row["stage"] in WON or row["stage"] == "rejected":
                counts[(row["funder"], int(row["decided_on"][:4]))][0 if row["stage"] in WON else 1] += 1
        return [WinRate(funder, year, won, lost) for (funder, year), (won, lost) in sorted(counts.items())]

    def win_rate_table(self) -> dict[str, Any]:
        """Funders × years, for a table: each cell a WinRate or None."""
        rates = self.win_rates()
        years = sorted({r.year for r in rates})
        by_funder: dict[str, dict[int, WinRate]] = defaultdict(dict)
        for rate in rates:
            by_funder[rate.funder][rate.year] = rate
        return {
            "years": years,
            "rows": [(funder, [by_funder[funder].get(y) for y in years]) for funder in sorted_by_name(by_funder)],
        }
