"""Reads for the web layer: plain dicts from the read-model tables, never aggregates."""

from __future__ import annotations

from typing import Any

from domain.enums import sql_list
from domain.grant import UNDECIDED
from portfolio.kinds import BY_REGISTER, ON_PAPER_ONLY
from portfolio.readmodels.store import ReadModelMixin

Rows = list[dict[str, Any]]


class Queries:
    def __init__(self, store: ReadModelMixin) -> None:
        self.store = store

    def projects(self) -> Rows:
        return self.store.query(
            "SELECT p.id, p.code, p.title, p.stage, p.priority, p.category, p.owner, "
            "o.name_uk AS organization FROM rm_projects p "
            "LEFT JOIN rm_organizations o ON o.id = p.organization_id ORDER BY p.code"
        )

    def grants(self) -> Rows:
        return self.store.query(
            "SELECT g.id, g.title, g.stage, g.requested_amount, g.requested_currency, g.requested_estimated, "
            "g.awarded_amount, g.awarded_currency, g.deadline, f.name_uk AS funder "
            "FROM rm_grants g LEFT JOIN rm_organizations f ON f.id = g.funder_id "
            "ORDER BY g.deadline DESC NULLS LAST, g.title_key"
        )

    def memoranda(self) -> Rows:
        return self.store.query(
            "SELECT id, kind, subject, stage, signed_on, valid_until, commitments, projects, "
            f"CASE WHEN {ON_PAPER_ONLY} THEN 1 ELSE 0 END AS lacks_substance "
            "FROM rm_memoranda ORDER BY signed_on DESC NULLS LAST, subject_key"
        )

    def initiatives(self) -> Rows:
        return self.store.query(
            "SELECT id, roadmap, direction, title, status, health, progress, target_on, "
            "original_target_on, postponements FROM rm_initiatives "
            "ORDER BY roadmap_key, direction_key, target_on"
        )

    def organizations(self) -> Rows:
        return self.store.query(
            "SELECT id, name_uk, name_latin, kind, region, country, archived FROM rm_organizations ORDER BY name_uk_key"
        )

    def accounts(self) -> Rows:
        return self.store.query(
            "SELECT id, username, role, disabled, created_at, updated_by FROM rm_accounts ORDER BY username"
        )

    def counts(self) -> dict[str, int]:
        """How many records each register holds."""
        return {
            name: self.store.query(f"SELECT COUNT(*) AS n FROM {kind.table}")[0]["n"]
            for name, kind in BY_REGISTER.items()
        }

    # The start page of each role (web/overview.py).
    def open_applications(self, owner: str | None = None, limit: int = 20) -> Rows:
        """Applications not decided yet, the nearest deadline first; only `owner`'s if given (by
        the owner's name, case-folded)."""
        mine = "AND owner_fold = :owner " if owner else ""
        return self.store.query(
            "SELECT id, title, stage, deadline, owner, requested_amount, requested_currency, requested_estimated "
            "FROM rm_grants "
            f"WHERE stage IN ({sql_list(UNDECIDED)}) {mine}"
            "ORDER BY deadline NULLS LAST, title_key LIMIT :limit",
            {"owner": (owner or "").casefold(), "limit": limit},
        )

    def awaiting_decision(self, limit: int = 20) -> Rows:
        """What waits for the board: initiatives proposed and not planned, projects in concept."""
        return self.store.query(
            "SELECT 'initiative' AS kind, id, title, status AS stage, updated_at FROM rm_initiatives "
            "WHERE status = 'proposed' UNION ALL "
            "SELECT 'project' AS kind, id, title, stage, updated_at FROM rm_projects WHERE stage = 'concept' "
            "ORDER BY updated_at LIMIT :limit",
            {"limit": limit},
        )

    def latest_events(self, corrections: bool = False, limit: int = 15) -> Rows:
        """The latest events of the log (only corrections, with `corrections`), newest first."""
        which = "WHERE event LIKE '%Correct%' " if corrections else ""
        return self.store.query(
            "SELECT position, record_id, record_type, event, actor, recorded_at, reason FROM rm_events "
            f"{which}ORDER BY position DESC LIMIT :limit",
            {"limit": limit},
        )
