"""Checking the log against its hash chain, its signed checkpoints and its witness (`audit verify`,
the chain page).

Every position the chain or the store knows is visited in order: an event with its link must hash
to that link (keyed with `AUDIT_KEY` wherever the chain's scheme says so); a link without its event
means the event was removed; an event without a link was put there outside the tracker, which links
every event in the transaction that stores it. Then every checkpoint must sign a link the chain
still has, with this key; one beyond the chain's head means the log was cut short. Last, the
witness kept outside the database must find, at the highest position it saw written, the link it
saw there. A link kept elsewhere (a board pack's stamp, an earlier `audit checkpoint`) can be
checked too. Verifying only reads: it opens no read models and writes nothing.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypedDict, cast

from eventsourcing.persistence import InfrastructureFactory
from eventsourcing.postgres import PostgresFactory
from eventsourcing.utils import Environment

from portfolio.audit import witness
from portfolio.audit.chain import (
    BATCH,
    CHECKPOINT_EVERY,
    GENESIS,
    AuditChain,
    ChainRow,
    Links,
    StoredRow,
    key_id,
    scheme_at,
    sign_witnessed,
)
from portfolio.config import APPLICATION_NAME, store_settings
from portfolio.readmodels.store import PostgresReadModels, ReadModels, SQLiteReadModels

Progress = Callable[[int, int], None]

PROBLEMS = {  # what each kind of break means, for operators (the web page has its own, translated)
    "missing": "the event stored there is gone",
    "unlinked": "an event is stored there that was not linked when it was written: it was put there "
    "outside the tracker, or its link was removed",
    "altered": "the event stored there, or its place in the order, differs from what was chained",
    "checkpoint": "the link signed at this checkpoint differs from the chain recomputed from the events: "
    "the checkpoint was altered, or the events and links before it rewritten",
    "signature": "the checkpoint here is not signed with this AUDIT_KEY (another key, or forged)",
    "truncated": "a signed checkpoint lies beyond the end of the chain: the log was cut short",
    "expected": "the link kept outside the system for this position differs from the chain",
    "key": "the chain from here on is keyed with another AUDIT_KEY than the one configured (or none is)",
    "downgraded": "the chain stops being keyed here: links from here on could be computed without the key",
    "witness": "the witness saw another link written at this position: the chain was rewritten",
    "cut": "the witness saw an event written at this position, which the log no longer holds: the log was cut short",
    "witness_forged": "a line of the witness is not signed with this AUDIT_KEY",
    "unwitnessed": "the witness is missing, so a cut tail or a wiped chain could not be found",
    "unschemed": "the chain has no record of how it is linked: the store was last written by an older version "
    "(start the tracker once), or its audit tables were wiped",
    "scheme": "the record of how the chain is linked from here on is not signed with this AUDIT_KEY: it was forged",
    "unsigned": "no signed checkpoint is kept here, where the chain passed a thousand events: it was removed",
    "rewritten": "the witness saw two different links written at this position: the log was cut and written again",
    "witness_begins": "the witness begins here, after the chain began to be linked as written: its first lines "
    "are gone, or it was replaced",
    "witness_gap": "the witness has no line for the write that begins here: lines were removed from it, or a "
    "process stopped between saving and witnessing (a start of the tracker witnesses it)",
    "trailing": "the witness has not seen the writes from here on: lines were removed from its end, or a process "
    "stopped between saving and witnessing (a start of the tracker witnesses its head again)",
}


@dataclass(frozen=True)
class Verdict:
    ok: bool
    count: int  # events that check out
    head: str  # the last link that checked out
    broken_at: int | None = None
    record_id: str | None = None  # the record of the event at `broken_at`, as the chain (or the store) knows it
    problem: str = ""  # a key of PROBLEMS
    held: int = 0  # the position up to which the log is vouched for by a signed checkpoint or the witness
    checkpoints: list[dict[str, Any]] = field(default_factory=list)
    starts: list[dict[str, Any]] = field(default_factory=list)  # when the chain was started, over how many events
    imports: list[dict[str, Any]] = field(default_factory=list)  # restores of an export into this store
    witnessed: int = 0  # the highest position the witness saw written
    witness: str = ""  # where the witness is kept ("" if nowhere)
    witness_line: int = 0  # the first line of the witness not signed with this key


class _Context(TypedDict):
    """What every verdict of one verification tells besides where it broke (fields of `Verdict`)."""

    checkpoints: list[dict[str, Any]]
    starts: list[dict[str, Any]]
    imports: list[dict[str, Any]]
    witnessed: int
    witness: str
    witness_line: int


class WitnessUnreadable(Exception):
    """The witness cannot be read (not a file, no permission); the message says which."""


@contextmanager
def opened_log(url: str, key: str | None) -> Iterator[AuditChain]:
    """The audit chain of the store at `url`, opened only to read it: no table is created, no read
    model is caught up and nothing is linked, whatever the store holds."""
    settings = {**store_settings(url), "CREATE_TABLE": "n"}
    factory = InfrastructureFactory.construct(Environment(APPLICATION_NAME, settings))
    try:
        recorder = factory.application_recorder()
        store = PostgresReadModels if isinstance(factory, PostgresFactory) else SQLiteReadModels
        read_models = cast(ReadModels, factory.tracking_recorder(store))
        yield AuditChain(recorder, read_models, key, witness.Witness(witness.default_path(url)))
    finally:
        factory.close()


def verify(chain: AuditChain, progress: Progress | None = None, expect: tuple[int, str] | None = None) -> Verdict:
    stored_before = chain.recorder.max_notification_id() or 0  # read before the witness: a later write
    schemes = chain.schemes()  # is not expected in it
    witnessed = _witnessed(chain, schemes, stored_before)
    chain_head, _ = chain.head()
    until = max(chain_head, chain.recorder.max_notification_id() or 0)
    checkpoints = {c["position"]: c for c in chain.checkpoints()}
    context: _Context = {
        "checkpoints": list(checkpoints.values()),
        "starts": chain.starts(),
        "imports": chain.imports(),
        "witnessed": witnessed.top,
        "witness": str(chain.witness.path or ""),
        "witness_line": witnessed.forged_line,
    }
    links, keyed, next_scheme = Links(chain.key), False, 0
    previous, last, checked, held, seen, matched = GENESIS, 0, 0, 0, {}, set()
    watched = {*checkpoints, *([expect[0]] if expect else [])}

    def broken(position: int | None, record_id: str | None, problem: str) -> Verdict:
        return Verdict(False, checked, previous, position, record_id, problem, held, **context)

    if chain.key and not schemes and until:
        return broken(1, None, "unschemed")
    for position, event, row in _walk(chain, until, progress):
        while next_scheme < len(schemes) and schemes[next_scheme]["after"] < position:
            scheme, next_scheme = schemes[next_scheme], next_scheme + 1
            if scheme["keyed"] and scheme["key_id"] != key_id(chain.key):
                return broken(position, None, "key")
            if chain.key and not scheme["signature_valid"]:
                return broken(position, None, "scheme")
            if keyed and not scheme["keyed"]:
                return broken(position, None, "downgraded")
            keyed = bool(scheme["keyed"])
        if row is None:
            return broken(position, event[1] if event else None, "unlinked")
        _, after, record_id, _, chained = row
        if after != last:  # a position before this one is gone from both the store and the chain
            return broken(after, None, "missing")
        if event is None:
            return broken(position, record_id, "missing")
        _, stored_id, version, topic, state = event
        current = links(previous, stored_id, version, topic, bytes(state), keyed)
        if current != chained:
            return broken(position, record_id, "altered")
        checkpoint = checkpoints.get(position)
        if checkpoint and checkpoint["link"] != current:
            return broken(position, record_id, "checkpoint")
        if checkpoint and not checkpoint["signature_valid"]:
            return broken(position, record_id, "signature")
        if keyed and chain.key and not checkpoint and position // CHECKPOINT_EVERY > last // CHECKPOINT_EVERY:
            return broken(position, record_id, "unsigned")  # every write signs one as it passes a thousand
        if position in witnessed.positions:
            if witnessed.positions[position][1] != current[:16]:
                return broken(position, record_id, "witness")
            matched.add(position)
        if position in watched:
            seen[position] = current
        if checkpoint:
            held = position
        previous, last, checked = current, position, checked + 1
    beyond = [position for position in checkpoints if position > last]
    if beyond:
        return broken(min(beyond), None, "truncated")
    unseen = [position for position in checkpoints if position not in seen]
    if unseen:
        return broken(min(unseen), None, "missing")
    problem = _witness_problem(chain, schemes, witnessed, matched, last, stored_before)
    if problem:
        return broken(problem[0], None, problem[1])
    held = max(held, witnessed.top)
    if expect and seen.get(expect[0]) != expect[1]:  # not in the chain, or another link
        return Verdict(False, checked, previous, expect[0], None, "expected", held, **context)
    return Verdict(True, checked, previous, held=held, **context)


def sign_checkpoint(chain: AuditChain, actor: str) -> tuple[Verdict, dict[str, Any] | None]:
    """Verify the whole log, and sign its head only if it checks out: a signature vouches for what
    was checked, never for a log already broken. Returns the verdict and the checkpoint (None if
    nothing was signed)."""
    verdict = verify(chain)
    return verdict, chain.checkpoint(actor) if verdict.ok else None


def _witnessed(chain: AuditChain, schemes: list[dict[str, Any]], stored: int) -> witness.Seen:
    """The witness as read now; read again once if it trails the log, since a write that was just
    committed may be appending its line."""
    signature = (lambda p, after, link: sign_witnessed(chain.key, p, after, link)) if chain.key else None

    def keyed(position: int) -> bool:
        return bool((scheme_at(position, schemes) or {}).get("keyed"))

    try:
        seen = chain.witness.read(signature, keyed)
        if seen.top < stored:
            time.sleep(0.05)
            seen = chain.witness.read(signature, keyed)
    except OSError as error:  # not a file, or not readable
        raise WitnessUnreadable(f"The witness {chain.witness.path} cannot be read: {error.strerror}.") from error
    return seen


def _witness_problem(
    chain: AuditChain,
    schemes: list[dict[str, Any]],
    seen: witness.Seen,
    matched: set[int],
    last: int,
    stored_before: int,
) -> tuple[int | None, str] | None:
    """Where and how the witness and the log disagree, after every link held (`matched`: the
    positions the witness saw that the walk found with the same link)."""
    if seen.forged_line:
        return None, "witness_forged"
    if seen.rewritten:
        return seen.rewritten, "rewritten"
    if seen.top > last:
        return last + 1, "cut"
    missing = [position for position in seen.positions if position not in matched]
    if missing:  # the witness saw a write at a position the log has no event at
        return min(missing), "witness"
    if not _written_since_scheme(chain, schemes, last):
        return None
    if not seen.positions:
        return None, "unwitnessed"
    first, after = seen.first or (0, 0)
    if after != schemes[0]["after"]:
        return first, "witness_begins"
    ordered = sorted(seen.positions)
    for earlier, later in itertools.pairwise(ordered):
        if seen.positions[later][0] != earlier:  # the write ending at `later` began after another one
            return earlier + 1, "witness_gap"
    if seen.top < min(stored_before, last):
        return seen.top + 1, "trailing"
    return None


def _written_since_scheme(chain: AuditChain, schemes: list[dict[str, Any]], last: int) -> bool:
    """Whether events were linked as they were written, which the witness should then have seen."""
    return bool(schemes) and chain.witness.path is not None and last > schemes[0]["after"]


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
