"""Board packs: the portfolio as of a chosen date, and what changed since the previous pack.

Issuing a pack records only its stamp (the log position and that position's chain link); its
contents are read from the history twins at that position whenever the pack is opened, so it
shows exactly what it showed the board, and `intact` says the log up to it is unchanged.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from domain.board_pack import BoardPack
from portfolio import timetravel
from portfolio.application import PortfolioCore
from portfolio.errors import NotFoundError, RuleBrokenError
from portfolio.timetravel import AsOf

PACK_COLUMNS = "id, title, as_of, position, chain_link, previous_id, previous_position, created_at, updated_by"


class BoardPackUseCases(PortfolioCore):
    """Reads through the audit, comparison and dashboard queries of the whole `Portfolio`."""

    def issue_board_pack(self, title: str, moment: datetime) -> UUID:
        """Pin the portfolio as recorded at `moment` for the board; compared with the latest earlier pack."""
        position = self.as_of(moment).position
        previous = self.read_models.query(
            f"SELECT {PACK_COLUMNS} FROM rm_board_packs WHERE position <= :p ORDER BY position DESC, created_at DESC "
            "LIMIT 1",
            {"p": position},
        )
        chain_link = self.chain.link_at(position)
        if chain_link is None and position:
            raise RuleBrokenError(f"The event log has no chain link at event #{position}: verify the log first.")
        earlier = previous[0] if previous else None
        return self._create(
            lambda: BoardPack.issue(
                title,
                moment,
                position,
                chain_link or "",
                UUID(earlier["id"]) if earlier else None,
                earlier["position"] if earlier else None,
            )
        )

    def board_packs(self) -> list[dict[str, Any]]:
        return self.read_models.query(f"SELECT {PACK_COLUMNS} FROM rm_board_packs ORDER BY as_of DESC, created_at DESC")

    def board_pack(self, pack_id: UUID, currency: str) -> dict[str, Any]:
        """The pack's stamp, the portfolio as it then stood, and the changes since the previous pack."""
        rows = self.read_models.query(f"SELECT {PACK_COLUMNS} FROM rm_board_packs WHERE id = :id", {"id": str(pack_id)})
        if not rows:
            raise NotFoundError(f"No board pack {pack_id} was found.")
        pack = rows[0]
        as_of = AsOf(datetime.fromisoformat(pack["as_of"]), pack["position"])
        with timetravel.viewing(as_of):
            pack["figures"] = self.dashboard(currency, as_of.moment)
            pack["projects"] = self.queries.projects()
            pack["grants"] = self.queries.grants()
            pack["initiatives"] = self.queries.initiatives()
            pack["memoranda"] = self.queries.memoranda()
        pack["changes"] = None
        if pack["previous_position"] is not None:
            before = AsOf(as_of.moment, pack["previous_position"])
            pack["changes"] = self.compare(before, as_of)
        # Whether the chain still holds the stamped link; `audit verify --expect POSITION:LINK` (or the
        # chain page) recomputes every event up to it.
        pack["stamp_matches"] = self.chain.link_at(pack["position"]) == pack["chain_link"]
        return pack
