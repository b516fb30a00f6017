"""Records whose figures may be illustrative: invented for a demo, a plan or an example, not facts.

A person marks a record illustrative with a reason (what was invented, and why), and clears the
mark with a reason when its figures become real. Both are changes like any other: the event says
who, when and why; the record's pages and the totals that count it say so to whoever reads them.

Each record kind that carries figures derives from `Illustrative`; the library defines the two
events on each kind anew (`Project.MarkedIllustrative`, `GrantApplication.IllustrativeCleared`…), so
the registers, the audit log and the history name them as the kind's own events.
"""

from __future__ import annotations

from typing import Any

from domain import context
from domain.errors import N_, DomainError
from domain.record import Record, require_reason


class Illustrative(Record):
    # The reason while the record is marked illustrative; None while its figures are facts. (A class
    # default, not an annotation: an annotated field would become an argument of every record's creation.)
    illustrative = None

    class MarkedIllustrative(Record.Event):
        """The record's figures are illustrative; the event's reason says what was invented."""

        def apply(self, record: Any) -> None:
            record.illustrative = self.reason

    class IllustrativeCleared(Record.Event):
        """The record's figures are facts again; the event's reason says why."""

        def apply(self, record: Any) -> None:
            record.illustrative = None

    def mark_illustrative(self, reason: str) -> None:
        reason = require_reason(reason, N_("mark a record's figures illustrative"))
        if reason == self.illustrative:
            raise DomainError("This record is already marked illustrative for this reason.")
        self._record_with_reason(type(self).MarkedIllustrative, reason)

    def clear_illustrative(self, reason: str) -> None:
        reason = require_reason(reason, N_("clear the illustrative mark"))
        if self.illustrative is None:
            raise DomainError("This record is not marked illustrative.")
        self._record_with_reason(type(self).IllustrativeCleared, reason)

    def _record_with_reason(self, event_class: type[Record.Event], reason: str) -> None:
        """Trigger the event with `reason` as its why, whoever records it and whenever it took effect."""
        now = context.current_recording()
        with context.recording(now.actor, reason, now.effective_date):
            self.trigger_event(event_class)
