"""`?as_of=` on any page: the portfolio as the store knew it at a moment, or as it really was on a day.

`as_of` takes a Kyiv date (`2023-03-01`, the end of that day) or date and time (`2023-03-01T14:30`);
`basis=real` asks how things really were on that day, going by effective dates. While it is set,
every read shows the past (see `portfolio.timetravel`), every link on the page keeps it, and the
forms that change records are hidden (and refused if posted).
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from flask import Flask, Response, abort, g, request
from flask_babel import get_locale
from flask_babel import gettext as _
from werkzeug.exceptions import BadRequest

from domain.localtime import KYIV
from domain.values import EARLIEST, LATEST
from portfolio import timetravel
from portfolio.timetravel import AsOf
from web import typed
from web.current import current_portfolio

# Pages about the present or about the person: they never view the past, and links to them never
# carry `as_of`.
PRESENT_ONLY = (
    "static", "auth.", "i18n.", "account.", "calendar.", "board_packs.", "imports.", "audit.chain", "audit.checkpoint",
)  # fmt: skip


def parse_moment(text: str) -> tuple[datetime, bool]:
    """A Kyiv date or date-time, as ISO (one with its own offset is converted) or as the person's
    language types it ("31.03.2027", "31.03.2027 14:30"); a bare date means the end of that day.
    Returns (moment, is_day)."""
    language = "" if (request.blueprint or "").startswith("api") else str(get_locale())  # the API reads ISO only
    try:
        if ":" in text:
            moment = datetime.fromisoformat(_iso_moment(text, language))
            moment, is_day = (moment.replace(tzinfo=KYIV) if moment.tzinfo is None else moment.astimezone(KYIV)), False
        else:
            day = date.fromisoformat(typed.day(text, language) if language else text)
            moment, is_day = datetime.combine(day, time.max, KYIV), True
    except (ValueError, OverflowError):
        example = typed.typed(date(2027, 3, 31), language or "iso")
        abort(400, _("'%(text)s' is not a date: type it as %(day)s, or with a time as %(moment)s.",
                     text=text[:40], day=example, moment=f"{example} 14:30"))  # fmt: skip
    if not EARLIEST <= moment.date() <= LATEST:
        abort(400, _("Enter a date between 1900 and 2200."))
    return moment, is_day


def _iso_moment(text: str, language: str) -> str:
    try:
        datetime.fromisoformat(text.replace(" ", "T"))
        return text.replace(" ", "T")
    except ValueError:
        return typed.moment(text, language) if language else text


def shown(text: str | date | None) -> str:
    """A date or date-time given as `as_of` (or a date filter), as the person's language types it."""
    if not text:
        return ""
    if isinstance(text, date):
        return typed.typed(text, str(get_locale()))
    moment, is_day = parse_moment(text)
    day = typed.typed(moment.date(), str(get_locale()))
    return day if is_day else f"{day} {moment:%H:%M}"


def canonical(text: str) -> str:
    """The same moment as ISO, for links that must mean it in any language."""
    moment, is_day = parse_moment(text)
    return moment.date().isoformat() if is_day else moment.strftime("%Y-%m-%dT%H:%M")


def resolve(text: str, basis: str) -> AsOf:
    if basis not in ("", "recorded", "real"):
        abort(400, _("'%(text)s' is not a basis: use recorded or real.", text=basis[:40]))
    moment, _is_day = parse_moment(text)
    portfolio = current_portfolio()
    if basis == "real":
        return portfolio.as_of(real_on=moment.date())
    return portfolio.as_of(moment)


def enter_the_past() -> None:
    text = request.args.get("as_of", "").strip()
    g.as_of = None
    if text and not (request.endpoint or "").startswith(PRESENT_ONLY):
        try:
            g.as_of = resolve(text, request.args.get("basis", ""))
        except BadRequest as error:
            if (request.blueprint or "").startswith("api") or request.method not in ("GET", "HEAD"):
                raise  # a program is told; a change asked of a past that cannot be read is not made
            # A page shows the present, and the picker what was typed with why it cannot be read.
            g.as_of_error, g.as_of_input = error.description, text
            return
        g.as_of_text = canonical(text)  # links keep it as ISO, whatever the language
        g.as_of_basis = "real" if g.as_of.real_on else "recorded"
        g.as_of_input = shown(text)  # the picker shows it as the person types it
        g.as_of_token = timetravel.enter(g.as_of)


def refused_as_of(response: Response) -> Response:
    """A page whose `as_of` could not be read answers 400, though it shows the present."""
    if g.get("as_of_error") and response.status_code == 200:
        response.status_code = 400
    return response


def leave_the_past(_error: BaseException | None) -> None:
    token = g.pop("as_of_token", None)
    if token is not None:
        timetravel.leave(token)


def keep_as_of(endpoint: str, values: dict[str, Any]) -> None:
    """Links made while viewing the past stay in the past."""
    if g.get("as_of") is None or endpoint.startswith(PRESENT_ONLY) or "as_of" in values:
        return
    values["as_of"] = g.as_of_text
    if g.as_of_basis == "real":
        values["basis"] = "real"


def now() -> datetime:
    """The present, or the moment being viewed (for "overdue" and "upcoming")."""
    as_of = g.get("as_of")
    return as_of.moment if as_of is not None else datetime.now(KYIV)


def init_time_travel(app: Flask) -> None:
    app.before_request(enter_the_past)
    app.after_request(refused_as_of)
    app.teardown_request(leave_the_past)
    app.url_defaults(keep_as_of)
    app.add_template_global(shown, "typed_moment")
