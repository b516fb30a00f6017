"""Sign-in and sign-out, the signed-in person, and their name on every event they cause."""

from __future__ import annotations

import os
import time
from contextlib import ExitStack
from typing import Any

from flask import Blueprint, Flask, current_app, g, redirect, render_template, request, session, url_for
from flask_babel import gettext
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from limits import parse
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter
from marshmallow import Schema, ValidationError, fields, validate
from werkzeug.exceptions import TooManyRequests
from werkzeug.local import LocalProxy
from werkzeug.wrappers import Response

from domain.context import recording
from domain.enums import Role
from portfolio.counters import DatabaseCounts
from web.access import EVERYONE, PUBLIC, allow
from web.current import current_portfolio
from web.security import local_path

auth = Blueprint("auth", __name__)
login_manager = LoginManager()


class User(UserMixin):
    def __init__(self, account: dict[str, Any]) -> None:
        self.username: str = account["username"]
        self.role: Role = account["role"]

    def get_id(self) -> str:
        return self.username


class SignInSchema(Schema):
    username = fields.String(required=True, validate=validate.Length(min=1, max=40))
    password = fields.String(required=True, validate=validate.Length(min=1, max=200))


@login_manager.user_loader
def load_user(username: str) -> User | None:
    """The person of a live session (see `Portfolio.account_for_session`), or nobody."""
    account = current_portfolio().account_for_session(username, session.get("sid", ""))
    return User(account) if account else None


@login_manager.request_loader
def load_user_from_token(request_: Any) -> User | None:
    """Programs sign in to the API (and only the API) with a personal token: `Authorization: Bearer pt_…`."""
    if request_.blueprint != "api":
        return None
    scheme, _, token = request_.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        return None
    account = current_portfolio().account_for_token(token.strip(), "api")
    return User(account) if account else None


def count_sign_in_attempt() -> None:
    """Count an attempt against the limit of its address and user name, in the store every worker
    shares; past the limit, 429 until the window ends (the right password too)."""
    if not current_app.config["RATELIMIT_ENABLED"]:
        return
    limit = parse(current_app.config["SIGN_IN_LIMIT"])
    key = (request.remote_addr or "", (request.form.get("username") or "").strip().lower()[:40])
    limiter: FixedWindowRateLimiter = current_app.extensions["sign_in_limiter"]
    if not limiter.hit(limit, "sign-in", *key):
        reset = limiter.get_window_stats(limit, "sign-in", *key).reset_time
        raise TooManyRequests(retry_after=max(1, int(reset - time.time())))


@auth.route("/login", methods=["GET", "POST"])
@allow(PUBLIC)
def login() -> str | Response:
    error = None
    if request.method == "POST":
        count_sign_in_attempt()
        try:
            form = SignInSchema().load(request.form.to_dict(), unknown="exclude")
        except ValidationError:
            form = None
        account = form and current_portfolio().authenticate(form["username"], form["password"])
        if account:
            session["sid"] = current_portfolio().start_session(account["username"])
            login_user(User(account))
            return redirect(_safe_next(request.args.get("next")))
        error = gettext("Wrong user name or password, or the account is disabled.")
    status = 401 if error else 200
    return render_template("auth/login.html", error=error, username=request.form.get("username", "")), status


@auth.post("/logout")
@allow(EVERYONE)
def logout() -> Response:
    current_portfolio().end_session(session.pop("sid", ""))
    logout_user()
    return redirect(url_for("auth.login"))


def _safe_next(target: str | None) -> str:
    """Only follow a `next` that stays on this site."""
    return local_path(target) or url_for("overview.index")


def record_as_signed_in_person() -> None:
    """Before each request: every event the request causes carries the signed-in person's name."""
    if current_user.is_authenticated:
        g.recording = ExitStack()
        g.recording.enter_context(recording(current_user.username))


def stop_recording(_: BaseException | None) -> None:
    stack = g.pop("recording", None)
    if stack is not None:
        stack.close()


def init_auth(app: Flask) -> None:
    app.config.setdefault("SIGN_IN_LIMIT", "5 per minute")
    app.config.setdefault("RATELIMIT_ENABLED", True)
    url = app.config.get("RATELIMIT_STORAGE_URL") or os.environ.get("RATELIMIT_STORAGE_URL")
    # The counts live beside the read models, reached when first counted (the portfolio opens on first use).
    read_models = LocalProxy(lambda: app.extensions["portfolio"].read_models)
    storage = storage_from_string(url) if url else DatabaseCounts(read_models)
    app.extensions["sign_in_limiter"] = FixedWindowRateLimiter(storage)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    app.register_blueprint(auth)
    app.before_request(record_as_signed_in_person)
    app.teardown_request(stop_recording)
