"""The witness: the chain's head after every write, signed, appended to a place outside the database.

Someone who can change the database can cut its last events together with their links, or wipe
the chain and its checkpoints: nothing left in the database then says that anything is missing.
The witness does: each write appends a line `position link signature moment` to it (the signature
is the checkpoint's HMAC under `AUDIT_KEY`), and `audit verify` requires the store to hold, at the
highest position the witness saw, the link it saw there.

By default the witness is a file beside the SQLite store (`<file>.witness`) or, for PostgreSQL, in
`var/witness/`; `AUDIT_WITNESS` names another file (a mounted append-only volume, a log shipper's
input). A file opened for appending takes each line whole, so every worker may append to one file.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Callable
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Seen:
    """What the witness holds: the highest position it saw with the link there, how many lines it
    has, and the first line whose signature does not hold under this key (0 if none)."""

    position: int
    link: str
    lines: int
    forged_line: int = 0


class Witness:
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._fd: int | None = None
        self._pid = 0

    def append(self, position: int, link: str, signature: str) -> None:
        if self.path is None:
            return
        line = f"{position} {link} {signature or '-'} {datetime.now(UTC).isoformat()}\n".encode()
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

    def exists(self) -> bool:
        return self.path is not None and self.path.exists()

    def read(self, sign: Callable[[int, str], str] | None, keyed: Callable[[int], bool]) -> Seen:
        """Read the whole witness. A line must carry the signature `sign(position, link)` gives
        where the chain is `keyed` at its position, and may carry none ("-") elsewhere; without a
        key (`sign` None) signatures are not checked."""
        top, top_link, lines, forged = 0, "", 0, 0
        if not self.exists():
            return Seen(0, "", 0)
        assert self.path is not None
        with self.path.open(encoding="ascii", errors="replace") as witness:
            for number, line in enumerate(witness, start=1):
                lines += 1
                parts = line.split()
                valid = len(parts) == 4 and parts[0].isdigit() and len(parts[1]) == 64
                if valid and sign is not None and (parts[2] != "-" or keyed(int(parts[0]))):
                    valid = hmac.compare_digest(parts[2], sign(int(parts[0]), parts[1]))
                if not valid:
                    forged = forged or number
                    continue
                if int(parts[0]) > top:
                    top, top_link = int(parts[0]), parts[1]
        return Seen(top, top_link, lines, forged)
