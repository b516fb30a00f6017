"""The organisations' own time zone: the day an event happened is its day in Kyiv."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def _kyiv() -> ZoneInfo:
    try:
        return ZoneInfo("Europe/Kyiv")
    except ZoneInfoNotFoundError:  # time-zone databases older than 2022b
        return ZoneInfo("Europe/Kiev")


KYIV = _kyiv()


def kyiv_day(moment: datetime) -> date:
    return moment.astimezone(KYIV).date()
