"""A person's calendar feed (iCalendar) at a secret address made on their account page."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, TypeVar

from flask import Blueprint, Response, abort
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from domain.localtime import KYIV
from portfolio.calendar import DueItem
from web.access import PUBLIC, allow
from web.current import current_portfolio
from web.record_links import record_url

if TYPE_CHECKING:
    from icalendar import Calendar, Event

T = TypeVar("T", date, datetime)
calendar = Blueprint("calendar", __name__, url_prefix="/calendar")

PAST_DAYS = 90  # how far back the feed goes
KINDS = {
    "deadline": _l("Call deadline"),
    "milestone": _l("Milestone"),
    "report": _l("Report due"),
    "expiry": _l("Memorandum expires"),
    "target": _l("Initiative target date"),
}


@calendar.get("/<token>.ics")
@allow(PUBLIC)  # the secret address is the credential, as calendar apps cannot sign in
def feed(token: str) -> Response:
    portfolio = current_portfolio()
    account = portfolio.account_for_token(token, "calendar")
    if account is None:
        abort(404)
    items = portfolio.due_items(datetime.now(KYIV).date() - timedelta(days=PAST_DAYS))
    body = _calendar(items).to_ical()
    return Response(body, mimetype="text/calendar", headers={"Cache-Control": "private, max-age=900"})


def due_kind(kind: str) -> str:
    return str(KINDS.get(kind, kind))


def _later(start: T, length: timedelta) -> T:
    """The end of an item that starts at `start`; at the end of the calendar, `start` itself
    (a date an older version stored unchecked, such as 9999-12-31)."""
    try:
        return start + length
    except OverflowError:
        return start


def _calendar(items: list[DueItem]) -> Calendar:
    from icalendar import Calendar  # imported when first used: a tenth of a second off every worker's start

    cal = Calendar()
    cal.add("prodid", "-//Cluster portfolio//uk")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _("Cluster portfolio: what falls due"))
    for item in items:
        cal.add_component(_event(item))
    return cal


def _event(item: DueItem) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", f"{item.kind}-{item.item_id}@portfolio")  # stable, so calendar apps update items in place
    event.add("summary", f"{KINDS[item.kind]}: {item.title}" + (f" — {item.detail}" if item.detail else ""))
    if item.at is not None:
        event.add("dtstart", item.at)
        event.add("dtend", _later(item.at, timedelta(minutes=30)))
    else:
        event.add("dtstart", item.on)
        event.add("dtend", _later(item.on, timedelta(days=1)))
    event.add("dtstamp", datetime.now(KYIV))
    event.add("url", record_url(item.record_kind, item.record_id, _external=True))
    event.add("description", _("Lead: %(owner)s", owner=item.owner))
    return event
