"""Marking a record's figures illustrative (invented, not facts), and clearing the mark.

One pair of use cases serves every kind that carries figures (projects, grant applications,
memoranda, initiatives, organizations and the exchange rates): the record is found by its id.
"""

from __future__ import annotations

from uuid import UUID

from domain.illustrative import Illustrative
from portfolio.application import PortfolioCore


class IllustrativeUseCases(PortfolioCore):
    def mark_illustrative(self, record_id: UUID, reason: str, expected_version: int | None = None) -> int:
        """Mark the record's figures illustrative; `reason` says what was invented."""
        return self._change(Illustrative, record_id, lambda r: r.mark_illustrative(reason), expected_version)

    def clear_illustrative(self, record_id: UUID, reason: str, expected_version: int | None = None) -> int:
        """The record's figures are facts again; `reason` says why."""
        return self._change(Illustrative, record_id, lambda r: r.clear_illustrative(reason), expected_version)
