"""What falls due and when: call deadlines, reports due, milestones, memorandum expiries and
initiative target dates, for calendar feeds and reminders. Done items are left out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from domain import grant, initiative, memorandum, project
from domain.enums import sql_list
from portfolio.application import PortfolioCore

SOURCES = (  # (kind of item, kind of record, SQL giving id, title, due, owner, [detail])
    ("deadline", "grant", "SELECT id, id AS item, title, deadline AS due, owner, '' AS detail FROM rm_grants "
                          f"WHERE deadline IS NOT NULL AND stage IN ({sql_list(grant.UNSUBMITTED)})"),
    ("milestone", "project", "SELECT p.id, d.item_id AS item, p.title, d.due_on AS due, p.owner, d.title AS detail "
                             "FROM rm_due_dates d JOIN rm_projects p ON p.id = d.record_id "
                             "WHERE d.kind = 'milestone' AND d.done_on IS NULL "
                             f"AND p.stage NOT IN ({sql_list(project.CLOSED)})"),
    ("report", "grant", "SELECT g.id, d.item_id AS item, g.title, d.due_on AS due, g.owner, d.title AS detail "
                        "FROM rm_due_dates d JOIN rm_grants g ON g.id = d.record_id "
                        "WHERE d.kind = 'report' AND d.done_on IS NULL "
                        f"AND g.stage NOT IN ({sql_list(grant.NOT_FUNDED)})"),
    ("expiry", "memorandum", "SELECT id, id AS item, subject AS title, valid_until AS due, owner, '' AS detail "
                             "FROM rm_memoranda WHERE valid_until IS NOT NULL "
                             f"AND stage IN ({sql_list(memorandum.IN_FORCE)})"),
    ("target", "initiative", "SELECT id, id AS item, title, target_on AS due, owner, roadmap AS detail "
                             f"FROM rm_initiatives WHERE status NOT IN ({sql_list(initiative.ENDED)})"),
)  # fmt: skip


@dataclass(frozen=True)
class DueItem:
    kind: str  # deadline, milestone, report, expiry, target
    record_kind: str  # grant, project, memorandum, initiative
    record_id: str
    item_id: str  # the milestone or report, or the record itself: stable across changes of date
    title: str
    detail: str  # the milestone's title, the report's kind, the roadmap
    on: date
    at: datetime | None  # a call deadline has a time of day
    owner: str


class CalendarQueries(PortfolioCore):
    def due_items(self, since: date, until: date | None = None, owner: str | None = None) -> list[DueItem]:
        """Open items falling due from `since` (to `until`), soonest first; only `owner`'s if given."""
        items = []
        for kind, record_kind, sql in SOURCES:
            for row in self.read_models.query(sql):
                item = _item(kind, record_kind, row)
                if item.on >= since and (until is None or item.on <= until) and owner in (None, item.owner):
                    items.append(item)
        return sorted(items, key=lambda i: (i.on, i.kind, i.title))


def _item(kind: str, record_kind: str, row: dict[str, Any]) -> DueItem:
    due = row["due"]
    at = datetime.fromisoformat(due) if "T" in due else None
    on = at.date() if at else date.fromisoformat(due)
    return DueItem(kind, record_kind, row["id"], row["item"], row["title"], row["detail"] or "", on, at, row["owner"])
