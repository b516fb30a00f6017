"""The quarantine as people see it: events set aside, the records they leave stale, and releases."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from domain.quarantine import QUARANTINE_ID, Quarantine
from portfolio.application import PortfolioCore
from portfolio.errors import NotFoundError, RuleBrokenError
from portfolio.kinds import kind_of

_COLUMNS = "position, record_id, record_type, event, version, error, released_at, released_by, released_reason"


class QuarantineUseCases(PortfolioCore):
    def quarantined(self) -> list[dict[str, Any]]:
        """Every event set aside, the ones still waiting for a repair first, then by position; each
        with its record's kind as URLs name it."""
        rows = self.read_models.query(
            f"SELECT {_COLUMNS} FROM rm_quarantine ORDER BY released_at IS NOT NULL, position"
        )
        return [{**row, "kind": kind_of(row["record_type"])} for row in rows]

    def stale_events(self, record_id: UUID | str) -> list[dict[str, Any]]:
        """The events of a record that are set aside and not yet released: its rows miss them."""
        return self.read_models.query(
            f"SELECT {_COLUMNS} FROM rm_quarantine WHERE record_id = :id AND released_at IS NULL ORDER BY position",
            {"id": str(record_id)},
        )

    def stale_records(self) -> frozenset[str]:
        """The ids of the records with an event set aside and not yet released."""
        rows = self.read_models.rows("SELECT DISTINCT record_id FROM rm_quarantine WHERE released_at IS NULL")
        return frozenset(row[0] for row in rows)

    def release_from_quarantine(self, position: int, reason: str) -> None:
        """Say that the event at `position` is repaired (its record corrected, or read by an upcaster)."""
        found = self.read_models.rows("SELECT released_at FROM rm_quarantine WHERE position = :p", {"p": position})
        if not found:
            raise NotFoundError(f"No event at position {position} is set aside.")
        if found[0][0] is not None:
            raise RuleBrokenError("The event at position {position} was already released.", position=position)
        try:
            self._change(Quarantine, QUARANTINE_ID, lambda q: q.release(position, reason))
        except NotFoundError:
            self._create(lambda: _opened_and_released(position, reason))


def _opened_and_released(position: int, reason: str) -> Quarantine:
    quarantine = Quarantine()
    quarantine.release(position, reason)
    return quarantine
