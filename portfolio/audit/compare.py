"""What changed between two moments (two board meetings, say): the difference of two as-of views.

Both views are read from the history twins, so comparing costs two queries per kind of record, not
a replay. Each difference names the record, so a page can link it to the record's history.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from portfolio import timetravel
from portfolio.application import PortfolioCore
from portfolio.timetravel import AsOf

# kind: (table, title column, stage column, {field: columns that together make its value})
_MARK = {"illustrative": ("illustrative_reason",)}  # why its figures are illustrative (none: they are facts)
KINDS: dict[str, tuple[str, str, str, dict[str, tuple[str, ...]]]] = {
    "project": ("rm_projects", "title", "stage", {"budget": ("budget_amount", "budget_currency"), **_MARK}),
    "grant": ("rm_grants", "title", "stage", {"requested": ("requested_amount", "requested_currency"),
                                              "awarded": ("awarded_amount", "awarded_currency"), **_MARK}),
    "memorandum": ("rm_memoranda", "subject", "stage", {"valid_until": ("valid_until",), **_MARK}),
    "initiative": ("rm_initiatives", "title", "status", {"target_on": ("target_on",), "health": ("health",),
                                                         "progress": ("progress",), **_MARK}),
    "organization": ("rm_organizations", "name_uk", "archived", {"name_uk": ("name_uk",), **_MARK}),
}  # fmt: skip


@dataclass(frozen=True)
class Difference:
    kind: str
    record_id: str
    title: str
    change: str  # "created", "stage", a field name, "kpi" or "other"
    old: Any = None
    new: Any = None
    detail: str = ""  # the KPI's name, or how many events changed the record


class ComparisonQueries(PortfolioCore):
    def compare(self, before: AsOf, after: AsOf) -> dict[str, list[Difference]]:
        """Every record's differences between the two views, grouped by kind of record."""
        result = {kind: self._compare_kind(kind, before, after) for kind in KINDS}
        created = {d.record_id for d in result["project"] if d.change == "created"}
        kpis = [d for d in self._compare_kpis(before, after) if d.record_id not in created]
        result["project"] = sorted(result["project"] + kpis, key=lambda d: d.title)  # a record's lines together
        return {kind: differences for kind, differences in result.items() if differences}

    def _rows(self, sql: str, as_of: AsOf) -> dict[str, dict[str, Any]]:
        with timetravel.viewing(as_of):
            return {row["id"]: row for row in self.read_models.query(sql)}

    def _compare_kind(self, kind: str, before: AsOf, after: AsOf) -> list[Difference]:
        table, title, stage, fields = KINDS[kind]
        columns = {title, stage, "version", *(c for group in fields.values() for c in group)}
        sql = f"SELECT id, {', '.join(sorted(columns))} FROM {table}"
        old_rows, new_rows = self._rows(sql, before), self._rows(sql, after)
        differences = []
        for record_id, new in sorted(new_rows.items(), key=lambda item: str(item[1][title])):
            old = old_rows.get(record_id)
            name = new[title]
            if old is None:
                differences.append(Difference(kind, record_id, name, "created", None, new[stage]))
                continue
            found = []
            if old[stage] != new[stage]:
                found.append(Difference(kind, record_id, name, "stage", old[stage], new[stage]))
            for field, group in fields.items():
                was, now = tuple(old[c] for c in group), tuple(new[c] for c in group)
                if was != now and field != stage:
                    found.append(Difference(kind, record_id, name, field, _value(was), _value(now)))
            if not found and old["version"] != new["version"]:
                events = self._events_between(record_id, old["version"], new["version"], before, after)
                if events:
                    versions = (old["version"], new["version"])
                    found.append(Difference(kind, record_id, name, "other", *versions, str(events)))
            differences += found
        return differences

    def _events_between(self, record_id: str, old: int, new: int, before: AsOf, after: AsOf) -> int:
        """How many of the record's changes came between the two views: recorded between them, or
        (as it really was) in effect after the first day and by the second."""
        if before.real_on is None or after.real_on is None:
            return new - old
        sql = (
            "SELECT COUNT(*) FROM rm_events WHERE record_id = :id AND real_on > :before AND real_on <= :after "
            "AND position <= :position"
        )
        params = {"id": record_id, "before": before.real_on.isoformat(), "after": after.real_on.isoformat(),
                  "position": after.position}  # fmt: skip
        return self.read_models.rows(sql, params)[0][0]

    def _compare_kpis(self, before: AsOf, after: AsOf) -> list[Difference]:
        sql = (
            "SELECT k.id, k.name, k.actual, k.target, p.id AS project_id, p.title "
            "FROM rm_kpis k JOIN rm_projects p ON p.id = k.project_id"
        )
        old_rows, new_rows = self._rows(sql, before), self._rows(sql, after)
        differences = []
        for kpi_id, new in sorted(new_rows.items(), key=lambda item: (item[1]["title"], item[1]["name"])):
            old = old_rows.get(kpi_id, {"actual": None, "target": None})
            for field in ("actual", "target"):
                if old[field] != new[field]:
                    name, change = new["name"], f"kpi_{field}"
                    differences.append(
                        Difference("project", new["project_id"], new["title"], change, old[field], new[field], name)
                    )
        return differences


def _value(values: tuple[Any, ...]) -> Any:
    """One column as itself; an amount and its currency as "1000 EUR"."""
    if len(values) == 1:
        return values[0]
    return None if values[0] is None else " ".join(str(v) for v in values)
