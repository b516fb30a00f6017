"""The witness: the chain's head after every write, signed, appended to a place outside the database.

Someone who can change the database can cut its last events together with their links, or wipe
the chain and its checkpoints: nothing left in the database then says that anything is missing.
The witness does: each write appends a line `position after link signature moment` to it (the head
the write linked, the position its first link followed, and their HMAC under `AUDIT_KEY`), and
`audit verify` requires the chain to hold, at every position the witness saw, the link it saw
there; the witness to begin where the chain began to be linked as written; and the log to reach
the highest position it saw.

By default the witness is a file beside the SQLite store (`<file>.witness`) or, for PostgreSQL, in
`var/witness/`; `AUDIT_WITNESS` names another file (a mounted append-only volume, a log shipper's
input). A file opened for appending takes each line whole, so every worker may append to one file.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent.parent


def default_path(url: str) -> Path | None:
    """Where the witness of the store at `url` is kept unless `AUDIT_WITNESS` says otherwise; None
    for a store in memory, which nothing outlives."""
    configured = os.environ.get("AUDIT_WITNESS")
    if configured:
        return Path(configured)
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        path = unquote(parsed.path[1:] if parsed.path.startswith("/") else parsed.path)
        return None if path == ":memory:" else Path(f"{path}.witness")
    directory = Path(os.environ.get("AUDIT_WITNESS_DIR") or ROOT / "var" / "witness")
    name = f"{parsed.hostname or '127.0.0.1'}-{parsed.port or 5432}-{parsed.path.lstrip('/') or 'postgres'}"
    return directory / f"{name}.witness"


def forget(url: str) -> None:
    """Remove the witness of a store being made anew (benchmarks, tests): it would otherwise report
    the new store as the old one cut short."""
    path = default_path(url)
    if path is not None:
        path.unlink(missing_ok=True)


@dataclass
class Seen:
    """What the witness holds: at each position it saw written, the position that write began after
    and the link (its first 16 hex digits: enough to tell a rewrite); how many lines it has; the
    first line whose signature does not hold under this key (0 if none); the first position it saw
    written with two different links (0 if none)."""

    positions: dict[int, tuple[int, str]] = field(default_factory=dict)
    lines: int = 0
    forged_line: int = 0
    rewritten: int = 0

    @property
    def top(self) -> int:
        return max(self.positions, default=0)

    @property
    def first(self) -> tuple[int, int] | None:
        """The lowest position it saw, with the position that write began after."""
        if not self.positions:
            return None
        lowest = min(self.positions)
        return lowest, self.positions[lowest][0]


class Witness:
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._fd: int | None = None
        self._pid = 0

    def append(self, position: int, after: int, link: str, signature: str) -> None:
        if self.path is None:
            return
        line = f"{position} {after} {link} {signature or '-'} {datetime.now(UTC).isoformat()}\n".encode()
        os.write(self._open(), line)

    def _open(self) -> int:
        """The file, opened once per process for appending (a forked worker opens its own)."""
        if self._fd is None or self._pid != os.getpid():
            assert self.path is not None
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            self._pid = os.getpid()
        return self._fd

    def close(self) -> None:
        if self._fd is not None and self._pid == os.getpid():
            os.close(self._fd)
        self._fd = None

    def tail(self) -> dict[int, int] | None:
        """The positions of the last lines (those written last), each with the position its write
        began after; None without a witness. Signatures are not checked: this is for filling in
        what a process that stopped did not witness, never for verifying."""
        if not self.exists():
            return None
        assert self.path is not None
        with self.path.open("rb") as witness:
            start = max(0, witness.seek(0, os.SEEK_END) - 16384)
            witness.seek(start)
            lines = witness.read().decode("ascii", errors="replace").splitlines(keepends=True)[1 if start else 0 :]
        parts = [line.split() for line in lines if line.endswith("\n")]
        return {int(p[0]): int(p[1]) for p in parts if len(p) == 5 and p[0].isdigit() and p[1].isdigit()}

    def exists(self) -> bool:
        return self.path is not None and self.path.exists()

    def read(self, sign: Callable[[int, int, str], str] | None, keyed: Callable[[int], bool]) -> Seen:
        """Read the whole witness. A line must carry the signature `sign(position, after, link)`
        gives where the chain is `keyed` at its position, and may carry none ("-") elsewhere;
        without a key (`sign` None) signatures are not checked. A last line cut short (a process
        stopped while writing it) is left out."""
        seen = Seen()
        if not self.exists():
            return seen
        assert self.path is not None
        with self.path.open(encoding="ascii", errors="replace") as witness:
            for number, line in enumerate(witness, start=1):  # a line at a time: a witness may be large
                seen.lines += 1
                if not line.endswith("\n"):
                    continue  # the last line, being written or cut short by a stop
                parts = line.split()
                valid = len(parts) == 5 and parts[0].isdigit() and parts[1].isdigit() and len(parts[2]) == 64
                if valid and sign is not None and (parts[3] != "-" or keyed(int(parts[0]))):
                    valid = hmac.compare_digest(parts[3], sign(int(parts[0]), int(parts[1]), parts[2]))
                if not valid:
                    seen.forged_line = seen.forged_line or number
                    continue
                position, entry = int(parts[0]), (int(parts[1]), parts[2][:16])
                if seen.positions.get(position, entry)[1] != entry[1]:
                    seen.rewritten = seen.rewritten or position
                seen.positions[position] = entry
        return seen
