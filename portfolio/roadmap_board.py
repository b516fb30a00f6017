"""The roadmap board: initiatives by direction and quarter, with every slip visible."""

from __future__ import annotations

from datetime import date
from typing import Any

from portfolio.application import PortfolioCore


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

    def roadmap_board(self, roadmap: str, first: str = "", last: str = "") -> dict[str, Any]:
        """Directions × quarters; each initiative sits in its target quarter and, if it slipped,
        leaves a trace in the quarter it was first planned for. `first` and `last` ("2025-Q1") narrow
        the quarters shown (one the roadmap does not have is not applied); the initiatives whose target
        falls outside them are counted, not hidden silently."""
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
