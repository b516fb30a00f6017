"""Rate-limit counters kept in the tracker's own database, so every gunicorn worker and every host
counts the same attempts: the embedded default of the sign-in limit, with nothing more to run. A
storage of the `limits` library (the one Flask-Limiter uses), for its fixed-window strategy; set
`RATELIMIT_STORAGE_URL` (e.g. redis://127.0.0.1:6379) to keep the counts elsewhere instead."""

from __future__ import annotations

import time
from typing import Any

from eventsourcing.persistence import PersistenceError
from limits.storage import Storage

_INCREMENT = (
    "INSERT INTO counters (key, count, expires_at) VALUES (:key, :amount, :now + :expiry) "
    "ON CONFLICT (key) DO UPDATE SET "
    "count = CASE WHEN counters.expires_at <= :now THEN :amount ELSE counters.count + :amount END, "
    "expires_at = CASE WHEN counters.expires_at <= :now THEN :now + :expiry ELSE counters.expires_at END "
    "RETURNING count"
)


class DatabaseCounts(Storage):
    STORAGE_SCHEME = ["portfolio-database"]  # noqa: RUF012 (the library's own declaration is a list)

    def __init__(self, read_models: Any, **options: Any) -> None:
        super().__init__(None, **options)
        self.read_models = read_models

    @property
    def base_exceptions(self) -> type[Exception]:
        return PersistenceError

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        params = {"key": key, "amount": amount, "now": time.time(), "expiry": float(expiry)}
        return int(self.read_models.write_returning(_INCREMENT, params)[0][0])

    def get(self, key: str) -> int:
        rows = self._row(key)
        return int(rows[0][0]) if rows else 0

    def get_expiry(self, key: str) -> float:
        rows = self._row(key)
        return float(rows[0][1]) if rows else time.time()

    def check(self) -> bool:
        try:
            self.read_models.rows("SELECT 1")
        except PersistenceError:
            return False
        return True

    def reset(self) -> int | None:
        return len(self.read_models.write_returning("DELETE FROM counters RETURNING key", {}))

    def clear(self, key: str) -> None:
        self.read_models.write_returning("DELETE FROM counters WHERE key = :key RETURNING key", {"key": key})

    def _row(self, key: str) -> list[tuple[Any, ...]]:
        return self.read_models.rows(
            "SELECT count, expires_at FROM counters WHERE key = :key AND expires_at > :now",
            {"key": key, "now": time.time()},
        )
