"""`audit export` and `audit import`: every event with its chain link as JSON Lines, and back.

The first line describes the file (how many events, the chain's head, its scheme: from which
positions links are keyed and by which key); then one line per event in log order, with its
position; then the signed checkpoints. Export recomputes the chain as it writes, stops at the
first event that does not match its link, checks it ended at the head it announced, and only then
signs that head as a checkpoint, so a file's end is vouched for. Import reads the file twice: first to
check every link, the head and the checkpoints' signatures under this store's `AUDIT_KEY` (nothing
is recorded if anything is wrong), then to insert the events into an empty store at the positions
they had, gaps included; the store's own chain, linked as they are inserted, must end in the same
head. A file without a signed checkpoint at its end, or signed with another key, is refused unless
`--unsigned` is given: the events are then linked afresh under this key, and the import is recorded
as unsigned, so `audit verify` says the chain vouches for nothing before it.

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

from portfolio.audit.chain import BATCH, GENESIS, Links, key_id, scheme_at, sign

FORMAT = "portfolio-audit-log"
VERSION = 3
INSERT_BATCH = 1000
Progress = Callable[[int, int], None]


class ArchiveError(Exception):
    """The export or import cannot go on; the message says where and why."""


def export_log(app: Any, out: IO[str], progress: Progress | None = None) -> dict[str, Any]:
    """Write every chained event; returns the header written first."""
    chain = app.chain
    head_position, head = chain.head()
    schemes = [{key: value for key, value in s.items() if key != "signature_valid"} for s in chain.schemes()]
    header = {"format": FORMAT, "version": VERSION, "exported_at": datetime.now(UTC).isoformat(),
              "head_position": head_position, "head": head, "schemes": schemes, "starts": chain.starts()}  # fmt: skip
    out.write(json.dumps(header) + "\n")
    links, previous, written = Links(chain.key), GENESIS, 0
    for start in range(0, head_position, BATCH):
        chained = {row[0]: row[4] for row in chain.chain_rows(start, min(start + BATCH, head_position))}
        for n in app.recorder.select_notifications(start, BATCH, stop=start + BATCH, inclusive_of_start=False):
            if n.id > head_position:
                break
            scheme = scheme_at(n.id, schemes)
            keyed = bool(scheme and scheme["keyed"])
            previous = links(previous, n.originator_id, n.originator_version, n.topic, bytes(n.state), keyed)
            if chained.get(n.id) != previous:
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
    if chain.key and head_position:
        chain.checkpoint("export", at=(head_position, head))  # the file's end, its links checked just now, is signed
    for checkpoint in chain.checkpoints():
        if checkpoint["position"] <= head_position:  # not one signed by a write made during the export
            checkpoint.pop("signature_valid")
            out.write(json.dumps({"checkpoint": checkpoint}) + "\n")
    return {**header, "events": written}


def import_log(app: Any, path: Path, progress: Progress | None = None, unsigned: bool = False) -> dict[str, Any]:
    """Restore an export into an empty store; returns the file's header with the count of events."""
    if app.recorder.max_notification_id() or app.chain.head()[0]:
        raise ArchiveError("The store is not empty: import restores into an empty store only.")
    header = check_file(path, app.chain.key, unsigned)
    if not unsigned:
        checkpoints = [record["checkpoint"] for record in _events(path) if "checkpoint" in record]
        app.chain.restore(_schemes(header, app.chain.key), header.get("starts", []), checkpoints)
    batch: list[tuple[int, StoredEvent]] = []
    done = 0
    for record in _events(path):
        if "checkpoint" in record:
            continue
        batch.append((int(record["position"]), StoredEvent(UUID(record["originator_id"]),
                      record["originator_version"], record["topic"], _bytes(record))))  # fmt: skip
        if len(batch) == INSERT_BATCH:
            done = _insert(app, batch, done, header["events"], progress)
            batch = []
    done = _insert(app, batch, done, header["events"], progress)
    _, head = app.chain.head()
    if not unsigned and head != header["head"]:
        raise ArchiveError(f"The restored chain ends in {head}, not in {header['head']}.")
    app.chain.record_import(done, head, signed=not unsigned)
    app.projector.catch_up()
    return header


def check_file(path: Path, key: str | None, unsigned: bool = False) -> dict[str, Any]:
    """Recompute the chain over the file: every link, the head and (unless `unsigned`) the signed
    checkpoint at its end must hold under `key`. Returns the header with the number of events."""
    records = _records(path)
    header = next(records, None)
    if not header or header.get("format") != FORMAT:
        raise ArchiveError(f"{path} is not an audit export (its first line names no '{FORMAT}').")
    schemes = header.get("schemes", [])
    foreign = [s for s in schemes if s["keyed"] and s["key_id"] != key_id(key)]
    if foreign and not unsigned:
        raise ArchiveError(
            "The export's chain is keyed with another AUDIT_KEY than this store's: restore it with the key it "
            "was written with, or with --unsigned (its links and checkpoints are then not checked)."
        )
    links, previous, count, last, chained = Links(key), GENESIS, 0, 0, {}
    checkpoints = []
    for number, record in enumerate(records, start=2):
        if "checkpoint" in record:
            checkpoints.append(record["checkpoint"])
            continue
        try:
            position = int(record["position"])
            scheme = scheme_at(position, schemes)
            keyed = bool(scheme and scheme["keyed"])
            if not (keyed and foreign):
                previous = links(previous, record["originator_id"], record["originator_version"], record["topic"],
                                 _bytes(record), keyed)  # fmt: skip
            else:
                previous = record["link"]  # not ours to check (--unsigned)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise ArchiveError(f"Line {number}: not an event ({error}).") from error
        if position <= last or record["link"] != previous:
            raise ArchiveError(f"Line {number}: the event at position {record['position']} does not match its link.")
        count, last = count + 1, position
        chained[position] = previous
    if previous != header.get("head") or last != header.get("head_position", last):
        raise ArchiveError(f"The file's {count} events end in {previous}, not in the head it announces.")
    if not unsigned:
        _check_signed(checkpoints, chained, key, last)
    return {**header, "events": count}


def _schemes(header: dict[str, Any], key: str | None) -> list[dict[str, Any]]:
    """The file's scheme; a file of an older version has none, as its links are all plain SHA-256:
    the events up to its head are linked so again, and later ones under this store's key."""
    if "schemes" in header:
        return header["schemes"]
    since = datetime.now(UTC).isoformat()
    return [{"after": header.get("head_position", 0), "keyed": 1 if key else 0, "key_id": key_id(key), "since": since}]


def _check_signed(checkpoints: list[dict[str, Any]], chained: dict[int, str], key: str | None, last: int) -> None:
    """Every checkpoint must sign, under `key`, the link the file has at its position, and one must
    sign the file's last event."""
    for checkpoint in checkpoints:
        position: Any = checkpoint.get("position")  # as the file has it (JSON): one of another type matches nothing
        signed_link = checkpoint.get("link")
        valid = (
            bool(key)
            and chained.get(position) == signed_link
            and checkpoint.get("signature") == sign(key or "", position, signed_link or "")
        )
        if not valid:
            raise ArchiveError(
                f"The checkpoint at position {position} is not signed with this store's AUDIT_KEY over the file's "
                "link there: restore with the key it was signed with, or with --unsigned."
            )
    if last and not any(checkpoint.get("position") == last for checkpoint in checkpoints):
        raise ArchiveError(
            "No signed checkpoint vouches for the file's last event, so events cut from its end would go unseen: "
            "export it again with this version, or restore it with --unsigned."
        )


def _insert(app: Any, batch: list[tuple[int, StoredEvent]], done: int, total: int, progress: Progress | None) -> int:
    if batch:
        app.recorder.insert_at([position for position, _ in batch], [event for _, event in batch])
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
