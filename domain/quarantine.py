"""The quarantine: stored events the read models could not apply, and the admins' repairs of them.

The projector sets aside an event it cannot apply (one an older version stored unchecked, or one
written into the database by hand) so that it cannot stop the tracker; the record it belongs to is
shown as stale until an admin has repaired it (usually by a correction of that record) and
releases the event here, saying why. A release is history like any change.
"""

from __future__ import annotations

from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from domain.errors import N_, DomainError
from domain.record import Record, require_reason

QUARANTINE_ID = uuid5(NAMESPACE_URL, "portfolio-quarantine")


class Quarantine(Record):
    @staticmethod
    def create_id(**_: object) -> UUID:
        return QUARANTINE_ID

    class Opened(Record.Created):
        pass

    @event(Opened)
    def __init__(self) -> None:
        self.released: set[int] = set()

    def release(self, position: int, reason: str) -> None:
        """Mark the event at `position` repaired: its record is no longer shown as stale."""
        reason = require_reason(reason, N_("release an event from quarantine"))
        if position in self.released:
            raise DomainError("The event at position {position} was already released.", position=position)
        self._released(position=position, reason=reason)

    class Released(Record.Event):
        position: int
        reason: str

    @event(Released)
    def _released(self, position: int, reason: str) -> None:
        self.released.add(position)
