"""The first page: the whole portfolio at a glance, from the read models."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template

from web.access import EVERYONE, allow

overview = Blueprint("overview", __name__)


@overview.get("/")
@allow(EVERYONE)
def index() -> str:
    queries = current_app.extensions["portfolio"].queries
    return render_template(
        "overview/index.html",
        projects=queries.projects(),
        grants=queries.grants(),
        memoranda=queries.memoranda(),
        initiatives=queries.initiatives(),
        counts=queries.counts(),
    )
