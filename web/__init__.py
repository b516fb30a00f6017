"""The web layer: `create_app` builds the Flask app around one `Portfolio` per process."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from flask import Flask
from htmx_flask import Htmx
from werkzeug.local import LocalProxy

from domain.localtime import KYIV
from portfolio.app import Portfolio
from portfolio.audit.cli import audit as audit_commands
from portfolio.checks import keep_checking
from portfolio.cli import demo, projections, users
from portfolio.config import check_schedule, database_url, store_settings
from web import labels
from web.access import PUBLIC, check_access, may
from web.account import account
from web.api import api
from web.audit import audit, stale_events, stale_records
from web.auth import init_auth
from web.board_packs import board_packs
from web.calendar import calendar, due_kind
from web.dashboard import dashboard
from web.errors import init_errors
from web.exports import exports
from web.formatting import amount, day, moment, money, number, quarter, said, shown
from web.grants import grants
from web.history_labels import event_label, field_label, problem_label, record_type_label
from web.i18n import init_i18n
from web.imports import imports
from web.memoranda import memoranda
from web.organizations import organizations
from web.overview import overview
from web.projects import projects
from web.rates import rates
from web.record_links import record_url
from web.registers import link_args
from web.reminders import reminders
from web.roadmap import roadmap
from web.security import csrf, init_security, kept_secret
from web.timetravel import init_time_travel

BLUEPRINTS = (
    overview,
    dashboard,
    projects,
    grants,
    memoranda,
    roadmap,
    organizations,
    rates,
    audit,
    board_packs,
    account,
    calendar,
    exports,
    imports,
    api,
)


def create_app(config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__, template_folder="../templates", static_folder="static")
    app.config.from_mapping(DATABASE_URL=database_url(), REPORTING_CURRENCY="EUR")
    app.config.from_prefixed_env("PORTFOLIO")
    app.config.update(config or {})
    var = Path(app.root_path).parent / "var"
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = kept_secret("PORTFOLIO_SECRET_KEY", var)
    if not app.config.get("AUDIT_KEY"):
        app.config["AUDIT_KEY"] = kept_secret("AUDIT_KEY", var)
    store_settings(app.config["DATABASE_URL"])  # a DATABASE_URL that cannot be used is told now
    app.config.setdefault("CHECK_SCHEDULE", check_schedule())  # (hours, records); 0 hours: never
    app.extensions["portfolio"] = _opened_on_first_use(
        lambda: Portfolio(app.config["DATABASE_URL"], audit_key=app.config["AUDIT_KEY"])
    )
    Htmx(app)
    init_security(app)
    csrf.exempt(api)  # its writes need a bearer token, which no cross-site page can send
    init_auth(app)
    init_errors(app)
    init_i18n(app)
    app.jinja_env.globals.update(
        may=may, label=labels.label, day=day, moment=moment, money=money, shown=shown, amount=amount, said=said
    )
    app.jinja_env.globals.update(quarter=quarter, number=number, record_url=record_url)
    app.jinja_env.globals.update(link_args=link_args, due_kind=due_kind, kyiv=KYIV, explained=labels.explained)
    app.jinja_env.globals.update(stale_records=stale_records, stale_events=stale_events)
    app.jinja_env.globals.update(last_read_model_check=lambda: app.extensions["portfolio"].last_read_model_check())
    app.jinja_env.globals.update(
        event_label=event_label,
        field_label=field_label,
        record_type_label=record_type_label,
        problem_label=problem_label,
    )
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    app.view_functions["static"].allowed_roles = PUBLIC  # type: ignore[attr-defined]
    app.before_request(lambda: check_access(app))
    app.before_request(_check_schedule_started(app))
    init_time_travel(app)  # after the access check: strangers are sent to sign in first
    for group in (projections, demo, users, audit_commands, reminders):
        app.cli.add_command(group)
    return app


def _check_schedule_started(app: Flask) -> Callable[[], None]:
    """A hook that starts the scheduled read-model check (`portfolio/checks.py`) at a server's first
    request: in each gunicorn worker, or `flask run`; never in a command or a test."""
    started: list[threading.Thread] = []

    def start() -> None:
        hours, sample = app.config["CHECK_SCHEDULE"]
        if not started and hours and not app.testing:
            started.append(keep_checking(app.extensions["portfolio"], hours, sample))

    return start


def _opened_on_first_use(open_: Callable[[], Portfolio]) -> Portfolio:
    """The portfolio, opened (read models caught up) when something first uses it: the first request,
    or a command. `audit verify` never does, so it reads the log without starting anything; gunicorn
    opens it in each worker before its first request (`web/gunicorn_config.py`)."""
    lock, opened = threading.Lock(), []

    def portfolio() -> Portfolio:
        if not opened:
            with lock:
                if not opened:
                    opened.append(open_())
        return opened[0]

    return cast(Portfolio, LocalProxy(portfolio))
