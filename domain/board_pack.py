"""Board pack: what the board was shown, pinned to a position in the event log and its chain link.

A pack is issued once and never changes; the portfolio as of its position, and the changes since
the previous pack, can be rebuilt from the log at any time, and the chain link proves the log up
to that position is the one the board saw. When issued it is also sealed with a digest of each
section of what the board is shown, so opening it later says whether it still shows exactly that.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from eventsourcing.domain import event

from domain.errors import N_, DomainError
from domain.record import Record, require_aware, require_text


class BoardPack(Record):
    class Issued(Record.Created):
        title: str
        as_of: datetime
        position: int
        chain_link: str
        previous_id: UUID | None
        previous_position: int | None

    @event(Issued)
    def __init__(
        self,
        title: str,
        as_of: datetime,
        position: int,
        chain_link: str,
        previous_id: UUID | None,
        previous_position: int | None,
    ) -> None:
        self.title = title
        self.as_of = as_of
        self.position = position
        self.chain_link = chain_link
        self.previous_id = previous_id
        self.previous_position = previous_position
        self.digests: dict[str, str] | None = None

    @classmethod
    def issue(
        cls,
        title: str,
        as_of: datetime,
        position: int,
        chain_link: str,
        previous_id: UUID | None = None,
        previous_position: int | None = None,
    ) -> BoardPack:
        require_aware(as_of, N_("The date of the pack"))
        if position < 1:
            raise DomainError("Nothing had been recorded by that date, so there is nothing to show the board.")
        if previous_position is not None and previous_position > position:
            raise DomainError("A pack cannot be older than the previous pack it is compared with.")
        return cls(require_text(title, N_("The title of the pack")), as_of, position, chain_link, previous_id,
                   previous_position)  # fmt: skip

    class Sealed(Record.Event):
        digests: dict[str, str]

    @event(Sealed)
    def seal(self, digests: dict[str, str]) -> None:
        """Record the SHA-256 digest of each section the board is shown (see `portfolio.board_packs`)."""
        if self.digests is not None:
            raise DomainError("A board pack is sealed once, when it is issued.")
        self.digests = digests
