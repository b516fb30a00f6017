"""`audit export` and `audit import`: every event with its chain link as JSON Lines, and back.

The first line describes the file (how many events, the chain's head); then one line per event in
log order; then the signed checkpoints. Export recomputes the chain as it writes, stops at the
first event that does not match its link, and checks it ended at the head it announced. Import
reads the file twice: first to check every link and the head (nothing is recorded if anything is
wrong), then to insert the events into an empty store; the store's own chain, computed afresh from
the inserted events, must end in the same head. The exported checkpoints are restored as they
were (never signed again), so `audit verify` shows whether they still hold under this key.

An export holds everything the store holds, account password hashes (scrypt) included: keep it
as safe as the database.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from portfolio.audit.chain import BATCH, GENESIS, link, link_of

FORMAT = "portfolio-audit-log"
INSERT_BATCH = 1000
Progress = Callable[[int, int], None]


class ArchiveError(Exception):
    """The export or import cannot go on; the message says where and why."""


def export_log(app: Any, out: IO[str], progress: Progress | None = None) -> dict[str, Any]:
    """Write every chained event; returns the header written first."""
    head_position, head = app.chain.head()
    header = {"format": FORMAT, "version": 2, "exported_at": datetime.now(UTC).isoformat(),
              "head_position": head_position, "head": head}  # fmt: skip
    out.write(json.dumps(header) + "\n")
    previous, written = GENESIS, 0
    for start in range(0, head_position, BATCH):
        links = {row[0]: row[4] for row in app.chain.chain_rows(start, min(start + BATCH, head_position))}
        for n in app.recorder.select_notifications(start, BATCH, stop=start + BATCH, inclusive_of_start=False):
            if n.id > head_position:
                break
            previous = link_of(previous, n)
            if links.get(n.id) != previous:
                raise ArchiveError(
                    f"The log is broken at position {n.id}: run `audit verify`. The export is incomplete."
                )
            out.write(json.dumps({"position": n.id, "originator_id": str(n.originator_id),
                                  "originator_version": n.originator_version, "topic": n.topic,
                                  **_state(bytes(n.state)), "link": previous}, ensure_ascii=False) + "\n")  # fmt: skip
            written += 1
        if progress:
            progress(min(start + BATCH, head_position), head_position)
    if previous != head:
        raise ArchiveError(f"The events end in {previous}, not in the chain's head {head}: run `audit verify`.")
    for checkpoint in app.chain.checkpoints():
        checkpoint.pop("signature_valid")
        out.write(json.dumps({"checkpoint": checkpoint}) + "\n")
    return {**header, "events": written}


def import_log(app: Any, path: Path, progress: Progress | None = None) -> dict[str, Any]:
    """Restore an export into an empty store; returns the file's header with the count of events."""
    if app.recorder.max_notification_id():
        raise ArchiveError("The store is not empty: import restores into an empty store only.")
    header = check_file(path)
    checkpoints = [record["checkpoint"] for record in _events(path) if "checkpoint" in record]
    app.chain.restore_checkpoints(checkpoints)
    batch: list[StoredEvent] = []
    done = 0
    for record in _events(path):
        if "checkpoint" in record:
            continue
        batch.append(StoredEvent(UUID(record["originator_id"]), record["originator_version"], record["topic"],
                                 _bytes(record)))  # fmt: skip
        if len(batch) == INSERT_BATCH:
            done = _insert(app, batch, done, header["events"], progress)
            batch = []
    done = _insert(app, batch, done, header["events"], progress)
    app.chain.extend(sign_checkpoints=False)
    _, head = app.chain.head()
    if head != header["head"]:
        raise ArchiveError(f"The restored chain ends in {head}, not in {header['head']}.")
    app.projector.catch_up()
    return header


def check_file(path: Path) -> dict[str, Any]:
    """Recompute the chain over the file: every link and the head must match. Returns the header
    with the number of events counted."""
    records = _records(path)
    header = next(records, None)
    if not header or header.get("format") != FORMAT:
        raise ArchiveError(f"{path} is not an audit export (its first line names no '{FORMAT}').")
    previous, count, last = GENESIS, 0, 0
    for number, record in enumerate(records, start=2):
        if "checkpoint" in record:
            continue
        try:
            previous = link(previous, record["originator_id"], record["originator_version"], record["topic"],
                            _bytes(record))  # fmt: skip
            ordered = int(record["position"]) > last
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise ArchiveError(f"Line {number}: not an event ({error}).") from error
        if not ordered or record["link"] != previous:
            raise ArchiveError(f"Line {number}: the event at position {record['position']} does not match its link.")
        count, last = count + 1, int(record["position"])
    if previous != header.get("head"):
        raise ArchiveError(f"The file's {count} events end in {previous}, not in the head it announces.")
    return {**header, "events": count}


def _insert(app: Any, batch: list[StoredEvent], done: int, total: int, progress: Progress | None) -> int:
    if batch:
        app.recorder.insert_events(batch)
        done += len(batch)
        if progress:
            progress(done, total)
    return done


def _events(path: Path) -> Iterator[dict[str, Any]]:
    """The lines after the header."""
    records = _records(path)
    next(records, None)
    return records


def _records(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as error:
                    raise ArchiveError(f"Line {number} is not JSON: {error.msg}.") from error


def _state(state: bytes) -> dict[str, str]:
    try:
        return {"state": state.decode("utf-8")}
    except UnicodeDecodeError:
        return {"state_base64": base64.b64encode(state).decode("ascii")}


def _bytes(record: dict[str, Any]) -> bytes:
    if "state_base64" in record:
        return base64.b64decode(record["state_base64"])
    return record["state"].encode("utf-8")
