"""Events the read models could not apply, set aside in plain view (see `domain/quarantine.py`).

When an event cannot be turned into rows (it does not read, or a value breaks a projector) or its
rows cannot be written (a column refuses a value, a unique name is taken twice), the projector
passes its position with a row in `rm_quarantine` instead: what the event was and what failed.
Every later event is applied as usual, so one event can never stop the tracker. A rebuild sets
the same events aside again, and their releases (events too) apply again after them.
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

from portfolio.readmodels.history import audit_index
from portfolio.readmodels.store import Statement
from portfolio.safe_reading import safe

ERROR_LENGTH = 1000


def readable(text: str, limit: int = ERROR_LENGTH) -> str:
    """Text any column of either store can hold (see `safe_reading.safe`), cut to `limit`."""
    return safe(text)[:limit]


def set_aside(notification: Any, error: BaseException, event: Any = None) -> list[Statement]:
    """The row that passes the event at the notification's position, with its audit log entry
    when the event could at least be read."""
    topic = notification.topic.rsplit(":", 1)[-1]
    record_type, _, name = topic.partition(".")
    values = {
        "position": notification.id,
        "record_id": str(notification.originator_id),
        "record_type": readable(record_type, 100),
        "event": readable(name or topic, 100),
        "version": notification.originator_version,
        "error": readable(f"{type(error).__name__}: {error}"),
    }
    columns = ", ".join(values)
    row = Statement(f"INSERT INTO rm_quarantine ({columns}) VALUES ({', '.join(f':{k}' for k in values)})", values)
    return [row] if event is None else [row, audit_index(event, notification.id)]


def released(event: Any) -> list[Statement]:
    sql = (
        "UPDATE rm_quarantine SET released_at = :at, released_by = :by, released_reason = :reason "
        "WHERE position = :position"
    )
    at = event.timestamp.astimezone(UTC).isoformat()
    return [Statement(sql, {"position": event.position, "at": at, "by": event.actor, "reason": event.reason})]
