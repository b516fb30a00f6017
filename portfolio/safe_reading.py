"""Read stored events safely: text that an older version stored unchecked cannot reach a page.

Versions before the checks of `domain/values.py` stored whatever text a request sent, NUL and
other control characters included; PostgreSQL's text columns refuse NUL, XLSX cannot hold control
characters, and a page would send them raw. Such a character reads as U+FFFD (the replacement
character) wherever the event is used: aggregates, read models, history, exports. The stored bytes,
which the audit chain covers, stay as they are, and `audit export` writes them unchanged.
"""

from __future__ import annotations

import re
from typing import Any

from eventsourcing.persistence import Mapper, StoredEvent

_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
# How JSON writes those characters: only a stored event containing one of these needs a look.
_ESCAPES = (b"\\u00", b"\\b", b"\\f")


class SafeReading(Mapper):
    def to_domain_event(self, stored_event: StoredEvent) -> Any:
        event = super().to_domain_event(stored_event)
        plain = not (self.cipher or self.compressor)
        if plain and not any(escape in stored_event.state for escape in _ESCAPES):
            return event
        for key, value in vars(event).items():
            vars(event)[key] = safe(value)
        return event


def safe(value: Any) -> Any:
    """`value` with every control character but tab and line breaks in its text replaced."""
    if isinstance(value, str):
        return _UNSAFE.sub("\ufffd", value)
    if isinstance(value, list):
        return [safe(item) for item in value]
    if isinstance(value, dict):
        return {safe(key): safe(item) for key, item in value.items()}
    return value
