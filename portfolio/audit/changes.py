"""A record's history as readable changes: replay its events and compare each state with the last.

A top-level field reads "field: old → new". A change inside a sub-record (a KPI, a tranche, a
partner) names the sub-record by its name and the part that changed, so the page can say
"KPI «Jobs created»: measurements + 120 (2023-05-01)" instead of showing a payload.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from portfolio.details import plain
from portfolio.readmodels.history import SECRET_ATTRIBUTES

_ITEM_NAMES = ("name", "title", "subject", "description", "organization_id", "kind")


@dataclass(frozen=True)
class Change:
    field: str  # the record's field, or the collection of the sub-record ("kpis")
    old: Any
    new: Any
    item: Any = None  # the sub-record's name, when the change is inside one
    part: str = ""  # the field inside the sub-record, or a list inside it ("measurements")
    appended: bool = False  # `new` was added to the list `part` (a measurement, a revision)


def state(record: Any) -> dict[str, Any]:
    """The record's fields as plain values, without private attributes and secrets (at any depth)."""
    fields = {key: value for key, value in vars(record).items() if not key.startswith("_")}
    return _public({key: plain(value) for key, value in fields.items()})


def _public(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _public(item) for key, item in value.items() if key not in SECRET_ATTRIBUTES}
    if isinstance(value, list):
        return [_public(item) for item in value]
    return value


def diff(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    changes: list[Change] = []
    for key in after.keys() | before.keys():
        old, new = before.get(key), after.get(key)
        if old == new or (_empty(old) and _empty(new)) or (old is None and new is False):  # no flag set yet
            continue
        if _is_items(old) or _is_items(new):
            changes += _item_changes(key, old or [], new or [])
        else:
            changes.append(Change(key, old, new))
    return sorted(changes, key=lambda c: (c.field, c.part))


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _is_items(value: Any) -> bool:
    return isinstance(value, list) and any(isinstance(item, dict) for item in value)


def _key(item: dict[str, Any], index: int) -> Any:
    return item.get("id") or item.get("organization_id") or index


def _item_changes(collection: str, old: list[dict], new: list[dict]) -> list[Change]:
    before = {_key(item, n): item for n, item in enumerate(old)}
    after = {_key(item, n): item for n, item in enumerate(new)}
    changes = []
    for key, item in after.items():
        if key not in before:
            changes.append(Change(collection, None, _scalars(item), _name(item)))
            continue
        for part in item.keys() | before[key].keys():
            was, now = before[key].get(part), item.get(part)
            if was == now:
                continue
            if isinstance(was, list) and isinstance(now, list) and now[: len(was)] == was:
                changes += [Change(collection, None, added, _name(item), part, True) for added in now[len(was) :]]
            else:
                changes.append(Change(collection, was, now, _name(item), part))
    changes += [
        Change(collection, _scalars(item), None, _name(item)) for key, item in before.items() if key not in after
    ]
    return changes


def _scalars(item: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in item.items() if key != "id" and not isinstance(value, list | dict)}


def _name(item: Any) -> Any:
    if not isinstance(item, dict):
        return None
    return next((item[key] for key in _ITEM_NAMES if item.get(key) not in (None, "")), None)
