"""Board packs: the portfolio as of a chosen date, and what changed since the previous pack.

Issuing a pack records its stamp (the log position and that position's chain link) and seals it:
the SHA-256 digest of each section the board is shown (the figures, each list, the changes), in
the same save. Its contents are read from the history twins at that position whenever the pack is
opened, and their digests compared with the seal, so the page says whether it shows exactly what
the board saw, or which sections differ (a read-model row changed since, say). An auditor can also
have the content recomputed from the events alone, replayed into a scratch copy up to the pack's
position (`recompute_board_pack`), which does not trust the read models at all.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any
from uuid import UUID

from domain.board_pack import BoardPack
from portfolio import timetravel
from portfolio.application import PortfolioCore
from portfolio.errors import NotFoundError, RuleBrokenError
from portfolio.kinds import BY_REGISTER
from portfolio.queries import Queries
from portfolio.readmodels import check
from portfolio.timetravel import AsOf

if TYPE_CHECKING:
    from portfolio.audit.compare import Difference

PACK_COLUMNS = "id, title, as_of, position, chain_link, previous_id, previous_position, created_at, updated_by"
SECTIONS = ("figures", "projects", "grants", "initiatives", "memoranda", "changes")
# The lists whose rows say, as the registers' do, that a record's figures are illustrative, and why.
MARKED = {name: BY_REGISTER[name].table for name in ("projects", "grants", "initiatives", "memoranda")}


class BoardPackUseCases(PortfolioCore):
    """Reads through the audit, comparison and dashboard queries of the whole `Portfolio`."""

    queries: Queries  # `Portfolio`'s

    if TYPE_CHECKING:  # `Portfolio`'s, from `AuditQueries`, `DashboardQueries` and `ComparisonQueries`

        def as_of(self, moment: datetime | None = None, real_on: date | None = None) -> AsOf: ...
        def dashboard(self, currency: str, now: datetime) -> dict[str, Any]: ...
        def compare(self, before: AsOf, after: AsOf) -> dict[str, list[Difference]]: ...

    def issue_board_pack(self, title: str, moment: datetime, currency: str = "EUR") -> UUID:
        """Pin the portfolio as recorded at `moment` for the board, compared with the latest earlier
        pack, and seal what it shows (in `currency`)."""
        position = self.as_of(moment).position
        previous = self.read_models.query(
            f"SELECT {PACK_COLUMNS} FROM rm_board_packs WHERE position <= :p ORDER BY position DESC, created_at DESC "
            "LIMIT 1",
            {"p": position},
        )
        chain_link = self.chain.link_at(position)
        if chain_link is None and position:
            raise RuleBrokenError(
                "The event log has no chain link at event #{position}: verify the log first.", position=position
            )
        earlier = previous[0] if previous else None
        previous_position = earlier["position"] if earlier else None
        sealed = {"currency": currency, **digests(self._content(moment, position, previous_position, currency))}

        def issue() -> BoardPack:
            pack = BoardPack.issue(title, moment, position, chain_link or "",
                                   UUID(earlier["id"]) if earlier else None, previous_position)  # fmt: skip
            pack.seal(sealed)
            return pack

        return self._create(issue)

    def board_packs(self) -> list[dict[str, Any]]:
        return self.read_models.query(f"SELECT {PACK_COLUMNS} FROM rm_board_packs ORDER BY as_of DESC, created_at DESC")

    def board_pack(self, pack_id: UUID, currency: str) -> dict[str, Any]:
        """The pack's stamp, the portfolio as it then stood, the changes since the previous pack, and
        whether all that is what the board was shown (`seal`)."""
        pack = self._pack_from_events(pack_id)
        content = self._content(pack["moment"], pack["position"], pack["previous_position"], currency)
        pack.update(content)
        # Whether the chain still holds the stamped link; `audit verify --expect POSITION:LINK` (or the
        # chain page) recomputes every event up to it.
        pack["stamp_matches"] = self.chain.link_at(pack["position"]) == pack["chain_link"]
        pack["seal"] = self._compared(pack_id, content, currency)
        if not self._row_agrees(pack):
            pack["seal"]["differs"].insert(0, "details")
        pack.update(self._marked(content, AsOf(pack["moment"], pack["position"])))
        return pack

    def _marked(self, content: dict[str, Any], as_of: AsOf) -> dict[str, list[dict[str, Any]]]:
        """The pack's lists with each row's illustrative mark as it stood then (`illustrative` and
        `illustrative_reason`), in copies: the sealed rows never carried it, so packs sealed before
        it was shown keep their digests, and it is no part of the seal."""
        with timetravel.viewing(as_of):
            marks = {
                section: {
                    row["id"]: row["illustrative_reason"] or ""
                    for row in self.read_models.query(
                        f"SELECT id, illustrative_reason FROM {table} WHERE illustrative = 1"
                    )
                }
                for section, table in MARKED.items()
            }
        return {
            section: [
                {
                    **row,
                    "illustrative": row["id"] in marks[section],
                    "illustrative_reason": marks[section].get(row["id"]),
                }
                for row in content[section]
            ]
            for section in MARKED
        }

    def recompute_board_pack(self, pack_id: UUID, currency: str) -> dict[str, Any]:
        """The pack's content rebuilt from the events alone (replayed into a scratch copy of the read
        models up to its position) and compared with its seal."""
        from portfolio.readmodels.projector import Projector

        pack = self._pack_from_events(pack_id)
        with check.scratch_store(self.read_models) as scratch:
            Projector(self, scratch).catch_up(until=pack["position"])
            content = _ReadingFrom(self, scratch)._content(pack["moment"], pack["position"],
                                                           pack["previous_position"], currency)  # fmt: skip
        return self._compared(pack_id, content, currency)

    def _pack_from_events(self, pack_id: UUID) -> dict[str, Any]:
        """The pack's stamp and details as its own events hold them (never its read-model row, which
        a hand in the database could change)."""
        events = list(self.events.get(pack_id))
        if not events or not isinstance(events[0], BoardPack.Issued):
            raise NotFoundError(f"No board pack {pack_id} was found.")
        issued = events[0]
        return {
            "id": str(pack_id), "title": issued.title, "moment": issued.as_of, "as_of": issued.as_of.isoformat(),
            "position": issued.position, "chain_link": issued.chain_link,
            "previous_id": str(issued.previous_id) if issued.previous_id else None,
            "previous_position": issued.previous_position, "created_at": issued.timestamp.isoformat(),
            "updated_by": issued.actor,
        }  # fmt: skip

    def _row_agrees(self, pack: dict[str, Any]) -> bool:
        """Whether the pack's row in the read models (what the list of packs shows) says what its events say."""
        rows = self.read_models.query(f"SELECT {PACK_COLUMNS} FROM rm_board_packs WHERE id = :id", {"id": pack["id"]})
        if not rows:
            return False
        row = rows[0]
        same = all(row[key] == pack[key] for key in ("title", "position", "chain_link", "previous_position"))
        return same and datetime.fromisoformat(row["as_of"]) == pack["moment"]

    def _content(self, moment: datetime, position: int, previous_position: int | None, currency: str) -> dict[str, Any]:
        as_of = AsOf(moment, position)
        with timetravel.viewing(as_of):
            content: dict[str, Any] = {
                "figures": self.dashboard(currency, as_of.moment),
                "projects": self.queries.projects(),
                "grants": self.queries.grants(),
                "initiatives": self.queries.initiatives(),
                "memoranda": self.queries.memoranda(),
            }
        content["changes"] = None
        if previous_position is not None:
            content["changes"] = self.compare(AsOf(as_of.moment, previous_position), as_of)
        return content

    def _compared(self, pack_id: UUID, content: dict[str, Any], currency: str) -> dict[str, Any]:
        """`sealed`: whether the pack was sealed when issued (packs issued before seals were not);
        `currency`: the currency it was sealed in; `differs`: the sections whose digest differs."""
        pack: BoardPack = self.repository.get(pack_id)
        sealed = pack.digests
        if sealed is None:
            return {"sealed": False, "currency": None, "differs": []}
        if sealed.get("currency") != currency:
            return {"sealed": True, "currency": sealed.get("currency"), "differs": []}
        now = digests(content)
        return {"sealed": True, "currency": currency, "differs": [s for s in SECTIONS if sealed.get(s) != now[s]]}


class _ReadingFrom:
    """The application's queries reading another store of read models (a scratch copy): its methods
    are bound to this object, whose `read_models` and `queries` are that store's; everything else
    is the application's. (A copy of the application would close its store when collected.)"""

    def __init__(self, app: Any, store: Any) -> None:
        self._app, self.read_models, self.queries = app, store, Queries(store)

    def __getattr__(self, name: str) -> Any:
        found = getattr(type(self._app), name, None)
        if callable(found) and hasattr(found, "__get__"):
            return found.__get__(self)
        return getattr(self._app, name)


def digests(content: dict[str, Any]) -> dict[str, str]:
    """The SHA-256 of each section as the board is shown it: of the figures, those the pack prints."""
    figures = content["figures"]
    printed = {key: figures[key] for key in ("currency", "by_stage", "win_rate")} | {"won": figures["won"]}
    illustrative = figures.get("illustrative")
    if illustrative and (illustrative["by_stage"] or illustrative["rates"]):  # packs with none keep their digests
        printed["illustrative"] = {key: illustrative[key] for key in ("by_stage", "won", "rates")}
    estimated = figures.get("estimated")
    if estimated and estimated["by_stage"]:  # as above: packs with no estimates keep their digests
        printed["estimated"] = estimated["by_stage"]
    shown = {**{section: content[section] for section in SECTIONS if section != "figures"}, "figures": printed}
    shown["grants"] = [_without_false(row, "requested_estimated") for row in content["grants"]]
    return {section: hashlib.sha256(_canonical(shown[section]).encode()).hexdigest() for section in SECTIONS}


def _without_false(row: dict[str, Any], key: str) -> dict[str, Any]:
    """A row with a flag said only when it is set: rows sealed before the flag existed keep their digests."""
    return {name: value for name, value in row.items() if name != key or value}


def _canonical(value: Any) -> str:
    """The same text for the same content: keys sorted, and the rows of a list in a fixed order of
    their own (a query may return rows that tie in its order either way round)."""
    plain = json.loads(json.dumps(value, default=_plain))

    def ordered(item: Any) -> Any:
        if isinstance(item, dict):
            return {key: ordered(item[key]) for key in sorted(item)}
        if isinstance(item, list):
            return sorted((ordered(element) for element in item), key=lambda e: json.dumps(e, sort_keys=True))
        return item

    return json.dumps(ordered(plain), sort_keys=True)


def _plain(value: Any) -> Any:
    """A value JSON cannot write, as it can: the same value always gives the same text."""
    if isinstance(value, Decimal | UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, set | frozenset | tuple):
        return sorted(value, key=repr) if isinstance(value, set | frozenset) else list(value)
    return repr(value)
