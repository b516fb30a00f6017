"""The address of one record's page, by its kind's name (see `portfolio/kinds.py`)."""

from __future__ import annotations

from flask import url_for

from portfolio.kinds import RECORD_TYPES

_PAGES = {kind.name: kind.endpoint for kind in RECORD_TYPES.values() if kind.endpoint}


def record_url(kind: str, record_id: object, **options: object) -> str | None:
    """The record's page; None for a kind that has no page of its own (accounts, the rates)."""
    if kind not in _PAGES:
        return None
    endpoint, argument = _PAGES[kind]
    return url_for(endpoint, **{argument: record_id}, **options)
