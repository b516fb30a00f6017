"""Sign-in and sign-out, the signed-in person, and their name on every event they cause."""

from __future__ import annotations

from contextlib import ExitStack
from typing import Any

from flask import Blueprint, Flask, current_app, g, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from marshmallow import Schema, ValidationError, fields, validate
from werkzeug.wrappers import Response

from domain.context import recording
from domain.enums import Role
from web.access import EVERYONE, PUBLIC, allow
from web.security import local_path

auth = Blueprint("auth", __name__)
login_manager = LoginManager()
limiter = Limiter(get_remote_address, storage_uri="memory://", default_limits=[])


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
    account = current_app.extensions["portfolio"].account(username)
    if account is None or account["disabled"]:
        return None
    return User(account)


@login_manager.request_loader
def load_user_from_token(request_: Any) -> User | None:
    """Programs sign in to the API (and only the API) with a personal token: `Authorization: Bearer pt_…`."""
    if request_.blueprint != "api":
        return None
    scheme, _, token = request_.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        return None
    account = current_app.extensions["portfolio"].account_for_token(token.strip(), "api")
    return User(account) if account else None


def _sign_in_key() -> str:
    return f"{get_remote_address()}:{(request.form.get('username') or '').strip().lower()}"


@auth.route("/login", methods=["GET", "POST"])
@allow(PUBLIC)
@limiter.limit(lambda: current_app.config["SIGN_IN_LIMIT"], key_func=_sign_in_key, methods=["POST"])
def login() -> str | Response:
    error = None
    if request.method == "POST":
        try:
            form = SignInSchema().load(request.form.to_dict(), unknown="exclude")
        except ValidationError:
            form = None
        account = form and current_app.extensions["portfolio"].authenticate(form["username"], form["password"])
        if account:
            login_user(User(account))
            return redirect(_safe_next(request.args.get("next")))
        error = gettext("Wrong user name or password, or the account is disabled.")
    status = 401 if error else 200
    return render_template("auth/login.html", error=error, username=request.form.get("username", "")), status


@auth.post("/logout")
@allow(EVERYONE)
def logout() -> Response:
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
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    limiter.init_app(app)
    app.register_blueprint(auth)
    app.before_request(record_as_signed_in_person)
    app.teardown_request(stop_recording)
