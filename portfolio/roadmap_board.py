"""The roadmap board: initiatives by direction and quarter, with every slip visible."""

from __future__ import annotations

from datetime import date
from typing import Any

from domain.enums import values
from domain.initiative import OPEN
from portfolio.application import PortfolioCore

# The quarters shown unless a range is chosen: six columns hold a laptop's 1366 px without
# scrolling sideways (see `tests/browser/test_boards_fit.py`); a wider range scrolls in its box.
DEFAULT_SPAN = 6


def quarter(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarters_between(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    found, (year, q) = [], first
    while (year, q) <= last:
        found.append((year, q))
        year, q = (year + 1, 1) if q == 4 else (year, q + 1)
    return found


def quarter_name(q: tuple[int, int]) -> str:
    return f"{q[0]}-Q{q[1]}"


class RoadmapBoardQueries(PortfolioCore):
    def roadmaps(self) -> list[str]:
        return [
            row["roadmap"] for row in self.read_models.query("SELECT DISTINCT roadmap FROM rm_initiatives ORDER BY 1")
        ]

    def roadmap_board(
        self, roadmap: str, first: str = "", last: str = "", today: date | None = None, span: int = DEFAULT_SPAN
    ) -> dict[str, Any]:
        """Directions × quarters; each initiative sits in its target quarter and, if it slipped,
        leaves a trace in the quarter it was first planned for. `first` and `last` ("2025-Q1") narrow
        the quarters shown (one the roadmap does not have is not applied); with neither, `span`
        quarters from the earliest target of an open initiative (or from `today`'s quarter when none
        is open), moved back to end with the roadmap's last quarter if they would run past it. The
        initiatives whose target falls outside the quarters shown are counted, not hidden silently."""
        rows = self.read_models.query(
            "SELECT id, direction, title, owner, status, health, progress, target_on, original_target_on, "
            "postponements, version FROM rm_initiatives WHERE roadmap = :roadmap ORDER BY direction_key, target_on",
            {"roadmap": roadmap},
        )
        if not rows:
            return {"roadmap": roadmap, "quarters": [], "all_quarters": [], "directions": [], "outside": 0,
                    "first": "", "last": ""}  # fmt: skip
        for row in rows:
            row["target_q"] = quarter(date.fromisoformat(row["target_on"]))
            row["original_q"] = quarter(date.fromisoformat(row["original_target_on"]))
            row["slip_days"] = (
                date.fromisoformat(row["target_on"]) - date.fromisoformat(row["original_target_on"])
            ).days
        every = quarters_between(min(r["original_q"] for r in rows), max(r["target_q"] for r in rows))
        names = [quarter_name(q) for q in every]
        if first not in names and last not in names:
            first, last = default_range(every, rows, today or date.today(), span)
        first, last = sorted((first if first in names else names[0], last if last in names else names[-1]))
        quarters = [q for q in every if first <= quarter_name(q) <= last]
        directions: dict[str, dict[tuple[int, int], list[dict[str, Any]]]] = {}
        for row in rows:
            cells = directions.setdefault(row["direction"], {q: [] for q in quarters})
            if row["target_q"] in cells:
                cells[row["target_q"]].append({**row, "ghost": False})
            if row["original_q"] != row["target_q"] and row["original_q"] in cells:
                cells[row["original_q"]].append({**row, "ghost": True})
        return {
            "roadmap": roadmap,
            "quarters": [quarter_name(q) for q in quarters],
            "all_quarters": names,
            "first": first,
            "last": last,
            "directions": [{"name": name, "cells": [cells[q] for q in quarters]} for name, cells in directions.items()],
            "outside": sum(1 for row in rows if row["target_q"] not in quarters),
        }


def default_range(every: list[tuple[int, int]], rows: list[dict[str, Any]], today: date, span: int) -> tuple[str, str]:
    """The first and last of `span` quarters of `every` to show when none are chosen: from the
    earliest quarter an open initiative is due in, or else from `today`'s, as far as the roadmap
    goes; moved back when fewer than `span` quarters are left after it."""
    open_ = values(OPEN)
    due = [row["target_q"] for row in rows if row["status"] in open_]
    start = min(due) if due else quarter(today)
    index = next((i for i, q in enumerate(every) if q >= start), len(every))
    index = max(0, min(index, len(every) - span))
    shown = every[index : index + max(span, 1)]
    return quarter_name(shown[0]), quarter_name(shown[-1])
