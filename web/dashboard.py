"""The dashboard: the portfolio's figures at a glance, with server-rendered SVG charts."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, render_template

from web import timetravel
from web.access import EVERYONE, allow
from web.current import current_portfolio
from web.labels import label

dashboard = Blueprint("dashboard", __name__, url_prefix="/dashboard")


@dashboard.get("/")
@allow(EVERYONE)
def index() -> str:
    figures = current_portfolio().dashboard(current_app.config["REPORTING_CURRENCY"], timetravel.now())
    return render_template("dashboard/index.html", d=figures)


@dashboard.get("/stages")
@allow(EVERYONE)
def stages() -> str:
    """Time in each stage and win rates by funder and year, from the whole history."""
    portfolio = current_portfolio()
    times = {kind: portfolio.stage_times(kind) for kind in ("grant", "project", "initiative", "memorandum")}
    return render_template("dashboard/stages.html", times=times, wins=portfolio.win_rate_table())


@dashboard.app_template_filter("map_rows")
def map_rows(groups: list[dict[str, Any]], kind: str, money) -> list[tuple[str, float, str]]:
    """Chart rows from value groups: (name, value as a number for the bar length, the text shown)."""
    rows = []
    for group in groups:
        name = str(label(group["name"])) if kind == "stage" else group["name"]
        value = group["value"]
        text = f"{money(value.amount, value.currency)} · {group['count']}"
        if value.unconverted:
            text += " + " + ", ".join(money(a, c) for c, a in value.unconverted.items())
        rows.append((name, float(value.amount), text))
    return rows


@dashboard.app_template_filter("count_rows")
def count_rows(groups: list[dict[str, Any]], upper: bool) -> list[tuple[str, float, str]]:
    return [
        (group["name"].upper() if upper else str(label(group["name"])), float(group["count"]), str(group["count"]))
        for group in groups
    ]
