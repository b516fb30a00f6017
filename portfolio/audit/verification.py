"""Checking the log against its hash chain and its signed checkpoints (`audit verify`, the chain page).

Every position the chain or the store knows, up to the chain's head, is visited in order: an event
with its link must hash to that link; a link without its event means the event was removed; an event
without a link means a link was removed or an event slipped in. Then every checkpoint must sign a
link the chain still has, with this key; one beyond the chain's head means the log was cut short. A
link kept outside the system (a board pack's stamp, an earlier `audit checkpoint`) can be checked too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from portfolio.audit.chain import BATCH, GENESIS, AuditChain, ChainRow, StoredRow, link

Progress = Callable[[int, int], None]

PROBLEMS = {  # what each kind of break means, for operators (the web page has its own, translated)
    "missing": "the event stored there is gone",
    "unlinked": "an event is stored there that the chain never linked (a link was removed, or the event added later)",
    "altered": "the event stored there, or its place in the order, differs from what was chained",
    "checkpoint": "the link signed at this checkpoint differs from the chain recomputed from the events",
    "signature": "the checkpoint here is not signed with this AUDIT_KEY (another key, or forged)",
    "truncated": "a signed checkpoint lies beyond the end of the chain: the log was cut short",
    "expected": "the link kept outside the system for this position differs from the chain",
}


@dataclass(frozen=True)
class Verdict:
    ok: bool
    count: int  # events that check out
    head: str  # the last link that checked out
    broken_at: int | None = None
    record_id: str | None = None  # the record of the event at `broken_at`, as the chain (or the store) knows it
    problem: str = ""  # a key of PROBLEMS
    unchained: int = 0  # events after the chain's head, not linked yet
    checkpoints: list[dict[str, Any]] = field(default_factory=list)
    starts: list[dict[str, Any]] = field(default_factory=list)  # when the chain was started, over how many events


def verify(chain: AuditChain, progress: Progress | None = None, expect: tuple[int, str] | None = None) -> Verdict:
    chain_head, _ = chain.head()
    checkpoints = {c["position"]: c for c in chain.checkpoints()}
    context = {"checkpoints": list(checkpoints.values()), "starts": chain.starts()}
    previous, last, checked, seen = GENESIS, 0, 0, {}
    for position, event, row in _walk(chain, chain_head, progress):
        if row is None:
            return Verdict(False, checked, previous, position, event[1], "unlinked", **context)
        _, after, record_id, _, chained = row
        if after != last:  # a position before this one is gone from both the store and the chain
            return Verdict(False, checked, previous, after, None, "missing", **context)
        if event is None:
            return Verdict(False, checked, previous, position, record_id, "missing", **context)
        _, stored_id, version, topic, state = event
        current = link(previous, stored_id, version, topic, bytes(state))
        if current != chained:
            return Verdict(False, checked, previous, position, record_id, "altered", **context)
        checkpoint = checkpoints.get(position)
        if checkpoint and checkpoint["link"] != current:
            return Verdict(False, checked, previous, position, record_id, "checkpoint", **context)
        if checkpoint and not checkpoint["signature_valid"]:
            return Verdict(False, checked, previous, position, record_id, "signature", **context)
        if position in checkpoints or (expect and expect[0] == position):
            seen[position] = current
        previous, last, checked = current, position, checked + 1
    beyond = [position for position in checkpoints if position > chain_head]
    if beyond:
        return Verdict(False, checked, previous, min(beyond), None, "truncated", **context)
    unseen = [position for position in checkpoints if position not in seen]
    if unseen:
        return Verdict(False, checked, previous, min(unseen), None, "missing", **context)
    if expect and seen.get(expect[0]) != expect[1]:  # not in the chain, or another link
        return Verdict(False, checked, previous, expect[0], None, "expected", **context)
    unchained = len(chain.recorder.select_notifications(chain_head, BATCH, inclusive_of_start=False))
    return Verdict(True, checked, previous, unchained=unchained, **context)


def _walk(
    chain: AuditChain, until: int, progress: Progress | None
) -> Iterator[tuple[int, StoredRow | None, ChainRow | None]]:
    """Each position up to `until` that the chain or the store knows, with what each has there."""
    start = 0
    while start < until:
        end = min(start + BATCH, until)
        yield from _merged(chain.stored_rows(start, end), chain.chain_rows(start, end))
        start = end
        if progress:
            progress(start, until)


def _merged(events: list[StoredRow], rows: list[ChainRow]) -> Iterator[tuple[int, StoredRow | None, ChainRow | None]]:
    """Events and links, both in order of position, side by side where their positions meet."""
    if [event[0] for event in events] == [row[0] for row in rows]:  # as it should be
        for event, row in zip(events, rows, strict=True):
            yield event[0], event, row
        return
    stored, chained = {event[0]: event for event in events}, {row[0]: row for row in rows}
    for position in sorted(stored.keys() | chained.keys()):
        yield position, stored.get(position), chained.get(position)
