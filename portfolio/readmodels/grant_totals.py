"""The grant applications counted and summed by stage, funder and currencies, at any position.

The dashboard shows these sums now and as of any moment. Summing 30,000 amounts exactly on every
page costs more than the page may, so the projector keeps two tables:

- `rm_grant_changes`: each change to what an application counts for, as two rows at the event's
  position: its old group and amounts with count -1 and negated amounts, its new ones with count 1;
- `rm_grant_totals`: every group's count and sums at a position, taken after the event that
  passes each multiple of `TOTALS_EVERY` positions.

The sums at position p are the last totals taken at or before p plus the changes after them up to
p: a few thousand rows at most, however long the log. (`portfolio.dashboard` reads them; a test
holds them equal to a sum over the applications themselves.)
"""

from __future__ import annotations

from collections.abc import Callable

from portfolio.readmodels.store import Statement

TOTALS_EVERY = 5000  # positions between two totals: at most this many events' changes are summed on a page

GROUP = "stage, funder_id, requested_currency, awarded_currency"
# The columns whose change moves an application between groups or changes its amounts.
COUNTED = frozenset(
    {"stage", "funder_id", "requested_amount", "requested_currency", "awarded_amount", "awarded_currency"}
)

_CHANGE = (
    f"INSERT INTO rm_grant_changes (position, {GROUP}, count, requested, awarded) "
    f"SELECT :position, {GROUP}, {{count}}, {{sign}}requested_amount, {{sign}}awarded_amount FROM rm_grants "
    "WHERE id = :id"
)
_REMOVED = _CHANGE.format(count=-1, sign="'-' || ")
_ADDED = _CHANGE.format(count=1, sign="")

# The groups at :position (a large number for now): the last totals taken by then, and the changes since.
AT_POSITION = (
    f"SELECT {GROUP}, count, requested, awarded FROM rm_grant_totals "
    "WHERE position = (SELECT MAX(position) FROM rm_grant_totals WHERE position <= :position) "
    f"UNION ALL SELECT {GROUP}, count, requested, awarded FROM rm_grant_changes "
    "WHERE position > (SELECT COALESCE(MAX(position), 0) FROM rm_grant_totals WHERE position <= :position) "
    "AND position <= :position"
)


def around(main: Statement, position: int, created: bool) -> tuple[list[Statement], list[Statement]]:
    """The statements to run before and after `main`, a change to one application's row: its old
    contribution taken away, its new one added; nothing when the change moves no sum."""
    if main.table != "rm_grants" or not COUNTED & main.params.keys():
        return [], []
    params = {"id": main.params["id"], "position": position}
    before = [] if created else [Statement(_REMOVED, params)]
    return before, [Statement(_ADDED, params)]


def passes(previous: int, position: int) -> bool:
    """Whether the event at `position`, after the one at `previous`, passes a multiple of `TOTALS_EVERY`."""
    return position // TOTALS_EVERY > previous // TOTALS_EVERY


def totals(position: int, exact_sum: Callable[[str], str]) -> Statement:
    """Every group's count and exact sums as the applications stand now, kept at `position`."""
    return Statement(
        f"INSERT INTO rm_grant_totals (position, {GROUP}, count, requested, awarded) "
        f"SELECT :position, {GROUP}, COUNT(*), CAST({exact_sum('requested_amount')} AS TEXT), "
        f"CAST({exact_sum('awarded_amount')} AS TEXT) FROM rm_grants GROUP BY {GROUP}",
        {"position": position},
    )
