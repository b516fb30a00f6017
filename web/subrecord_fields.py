"""Fields shared by the actions that record sub-records: choices of a record's own sub-records."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from marshmallow import fields

from web.current import current_portfolio
from web.formatting import shown
from web.schemas import FIGURE, REQUIRED, length


def text(label: Any, required: bool = True, max_length: int = 500) -> fields.String:
    if not required:
        return fields.String(load_default="", validate=length(maximum=max_length), metadata={"label": label})
    return fields.String(
        required=True, validate=length(1, max_length), error_messages=REQUIRED, metadata={"label": label}
    )


def number(label: Any) -> fields.Decimal:
    return fields.Decimal(
        required=True,
        places=None,
        allow_nan=False,
        error_messages={**REQUIRED, **FIGURE},
        metadata={"label": label},
    )


def one_of(label: Any, collection: str, title: str, pending: str | None = None, key: str = "id") -> fields.UUID:
    """A drop-down of the record's sub-records in `collection`, named by `title`; with `pending`,
    only those whose `pending` field is still empty (tranches not yet received, reports not sent)."""

    def choices(record: dict[str, Any]) -> list[tuple[Any, str]]:
        items = record.get(collection) or []
        return [(item[key], shown(item[title])) for item in items if pending is None or item.get(pending) is None]

    return fields.UUID(
        required=True,
        error_messages={**REQUIRED, "invalid_uuid": _l("Choose one of the listed values.")},
        metadata={"label": label, "options": choices, "of_record": True},  # no choice: the action is not offered
    )


def project_ref(label: Any) -> fields.UUID:
    """A drop-down of the projects in the register."""

    def choices(_: dict[str, Any]) -> list[tuple[Any, str]]:
        return [(p["id"], f"{p['code']} {p['title']}") for p in current_portfolio().queries.projects()]

    return fields.UUID(
        required=True,
        error_messages={**REQUIRED, "invalid_uuid": _l("Choose one of the listed values.")},
        metadata={"label": label, "options": choices},
    )
