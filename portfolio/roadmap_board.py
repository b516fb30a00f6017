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


class RoadmapBoardQueries(PortfolioCore):
    def roadmaps(self) -> list[str]:
        return [
            row["roadmap"] for row in self.read_models.query("SELECT DISTINCT roadmap FROM rm_initiatives ORDER BY 1")
        ]

    def roadmap_board(self, roadmap: str) -> dict[str, Any]:
        """Directions × quarters; each initiative sits in its target quarter and, if it slipped,
        leaves a trace in the quarter it was first planned for."""
        rows = self.read_models.query(
            "SELECT id, direction, title, owner, status, health, progress, target_on, original_target_on, "
            "postponements, version FROM rm_initiatives WHERE roadmap = :roadmap ORDER BY direction, target_on",
            {"roadmap": roadmap},
        )
        if not rows:
            return {"roadmap": roadmap, "quarters": [], "directions": []}
        for row in rows:
            row["target_q"] = quarter(date.fromisoformat(row["target_on"]))
            row["original_q"] = quarter(date.fromisoformat(row["original_target_on"]))
            row["slip_days"] = (
                date.fromisoformat(row["target_on"]) - date.fromisoformat(row["original_target_on"])
            ).days
        quarters = quarters_between(min(r["original_q"] for r in rows), max(r["target_q"] for r in rows))
        directions: dict[str, dict[tuple[int, int], list[dict[str, Any]]]] = {}
        for row in rows:
            cells = directions.setdefault(row["direction"], {q: [] for q in quarters})
            cells[row["target_q"]].append({**row, "ghost": False})
            if row["original_q"] != row["target_q"]:
                cells[row["original_q"]].append({**row, "ghost": True})
        return {
            "roadmap": roadmap,
            "quarters": [f"{year}-Q{q}" for year, q in quarters],
            "directions": [{"name": name, "cells": [cells[q] for q in quarters]} for name, cells in directions.items()],
        }
