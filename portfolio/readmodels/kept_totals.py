"""Counts and exact sums of a register's rows by group, at any position: the dashboard's figures.

The dashboard shows the grant applications' sums by stage, funder and currencies (and how much of
them is illustrative), the projects counted by priority and category, and how many KPIs there are,
now and as of any moment. Counting and summing tens of thousands of rows on every page costs more
than the page may, so for each `Kept` below the projector keeps two tables:

- `rm_<name>_changes`: each change to what a row counts for, as rows at the event's position: its
  old group and amounts with count -1 and negated amounts, its new ones with count 1;
- `rm_<name>_totals`: every group's count and sums at a position, taken after the event that
  passes each multiple of `TOTALS_EVERY` positions.

The figures at position p are the last totals taken at or before p plus the changes after them up
to p: a few hundred rows, however long the log. New totals are taken the same way, the last ones
plus the changes since added up by group, so taking them costs as little as reading them.
(`portfolio.dashboard` reads them; a test holds them equal to a count and sum over the rows.)
"""

from __future__ import annotations

from collections.abc import Callable

from portfolio.readmodels.store import Statement

TOTALS_EVERY = 1000  # positions between two totals: at most this many events' changes are read on a page


class Kept:
    """What is kept of one register: its rows counted by `group`, and `sums` (kept column, the
    register's amount column) summed exactly. Rows are only ever added or changed, never removed."""

    def __init__(self, name: str, table: str, group: tuple[str, ...], sums: tuple[tuple[str, str], ...] = ()):
        self.name, self.table, self.group, self.sums = name, table, group, sums
        self.changes, self.totals = f"rm_{name}_changes", f"rm_{name}_totals"
        # The columns whose change moves a row between groups or changes its amounts.
        self.counted = frozenset(group) | {amount for _, amount in sums}
        self.columns = ", ".join((*group, "count", *(kept for kept, _ in sums)))
        self._removed, self._added = self._change(-1, "'-' || "), self._change(1, "")
        # The groups at :position (a large number for now): the last totals by then, and the changes since.
        last = f"SELECT MAX(position) FROM {self.totals} WHERE position <= :position"
        self.at_position = (
            f"SELECT {self.columns} FROM {self.totals} WHERE position = ({last}) UNION ALL "
            f"SELECT {self.columns} FROM {self.changes} WHERE position > COALESCE(({last}), 0) "
            "AND position <= :position"
        )

    def _change(self, count: int, sign: str) -> str:
        values = ", ".join((*self.group, str(count), *(f"{sign}{amount}" for _, amount in self.sums)))
        return (
            f"INSERT INTO {self.changes} (position, {self.columns}) "
            f"SELECT :position, {values} FROM {self.table} WHERE id = :id"
        )

    def summed(self, exact_sum: Callable[[str], str]) -> str:
        """A SELECT of the groups as the rows stand (or stood, in a view of the past), counted and summed."""
        group = "".join(f"{column}, " for column in self.group)
        sums = "".join(f", CAST({exact_sum(amount)} AS TEXT) AS {kept}" for kept, amount in self.sums)
        return f"SELECT {group}COUNT(*) AS count{sums} FROM {self.table}{self._group_by()}"

    def added_up(self, exact_sum: Callable[[str], str]) -> str:
        """A SELECT of the groups at :position added up from the last totals and the changes since;
        groups left empty are dropped."""
        group = "".join(f"{column}, " for column in self.group)
        sums = "".join(f", CAST({exact_sum(kept)} AS TEXT) AS {kept}" for kept, _ in self.sums)
        return (
            f"SELECT {group}SUM(count) AS count{sums} FROM ({self.at_position}) kept{self._group_by()} "
            "HAVING SUM(count) > 0"
        )

    def _group_by(self) -> str:
        return f" GROUP BY {', '.join(self.group)}" if self.group else ""

    def around(self, change: Statement, position: int) -> tuple[list[Statement], list[Statement]]:
        """The statements to run before and after `change`, to a row of this register: its old
        contribution taken away, its new one added; nothing when the change moves no count or sum."""
        created = change.sql.startswith("INSERT")
        if not created and not self.counted & change.params.keys():
            return [], []
        params = {"id": change.params["id"], "position": position}
        before = [] if created else [Statement(self._removed, params)]
        return before, [Statement(self._added, params)]


GRANTS = Kept(
    "grant",
    "rm_grants",
    ("stage", "funder_id", "requested_currency", "awarded_currency", "illustrative", "requested_estimated"),
    (("requested", "requested_amount"), ("awarded", "awarded_amount")),
)
PROJECTS = Kept("project", "rm_projects", ("priority", "category"))
KPIS = Kept("kpi", "rm_kpis", ())
KEPT = {kept.table: kept for kept in (GRANTS, PROJECTS, KPIS)}


def around(change: Statement, position: int) -> list[Statement]:
    """`change`, with what it moves in the kept counts and sums before and after it."""
    kept = KEPT.get(change.table)
    if kept is None:
        return [change]
    before, after = kept.around(change, position)
    return [*before, change, *after]


def passes(previous: int, position: int) -> bool:
    """Whether the event at `position`, after the one at `previous`, passes a multiple of `TOTALS_EVERY`."""
    return position // TOTALS_EVERY > previous // TOTALS_EVERY


def totals(position: int, exact_sum: Callable[[str], str]) -> list[Statement]:
    """Every kept group's count and exact sums at `position` (after its event's changes), kept there."""
    return [
        Statement(
            f"INSERT INTO {kept.totals} (position, {kept.columns}) "
            f"SELECT :position, {kept.columns} FROM ({kept.added_up(exact_sum)}) now",
            {"position": position},
        )
        for kept in KEPT.values()
    ]
