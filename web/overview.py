"""The first page: what the signed-in person's role looks at first, with the portfolio's counts.

A fundraiser sees the applications still open (their own, if any names them as its owner), what
falls due in the next 30 days; a board member the initiatives in trouble and what waits for the
board's decision; an auditor the latest events, the latest corrections and the chain's head; an
administrator the latter and what waits for the board.
"""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, render_template
from flask_login import current_user

from domain.enums import Role
from domain.localtime import kyiv_day
from web import timetravel
from web.access import EVERYONE, allow
from web.current import current_portfolio

overview = Blueprint("overview", __name__)

DUE_WITHIN = timedelta(days=30)


@overview.get("/")
@allow(EVERYONE)
def index() -> str:
    portfolio = current_portfolio()
    queries, role = portfolio.queries, current_user.role
    shown = {}
    if role is Role.FUNDRAISER:
        mine = queries.open_applications(current_user.username)
        shown["applications"], shown["mine"] = (mine, True) if mine else (queries.open_applications(), False)
        today = kyiv_day(timetravel.now())
        shown["due"] = portfolio.due_items(today, today + DUE_WITHIN)
    if role in (Role.BOARD, Role.ADMIN):
        shown["troubled"] = portfolio.troubled_initiatives()
        shown["awaiting"] = queries.awaiting_decision()
    if role in (Role.AUDITOR, Role.ADMIN):
        shown["latest"] = queries.latest_events()
        shown["corrections"] = queries.latest_events(corrections=True)
        shown["chain"] = portfolio.chain.head()
    return render_template("overview/index.html", counts=queries.counts(), **shown)
