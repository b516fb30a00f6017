"""Ukrainian (default) and English, chosen per person and kept in their session."""

from __future__ import annotations

from flask import Blueprint, Flask, has_request_context, redirect, request, session
from flask_babel import Babel
from flask_login import current_user
from werkzeug.wrappers import Response

from domain.context import recording
from web.access import PUBLIC, allow
from web.current import current_portfolio
from web.security import same_site

LANGUAGES = {"uk": "Українська", "en": "English"}
DEFAULT = "uk"

i18n = Blueprint("i18n", __name__)


def chosen_locale() -> str:
    """The person's language; for a program, its Accept-Language; outside a request the default."""
    if not has_request_context():
        return DEFAULT
    if request.blueprint == "api":
        return request.accept_languages.best_match(LANGUAGES) or DEFAULT
    return session.get("language") or DEFAULT


@i18n.post("/language")
@allow(PUBLIC)
def choose_language() -> Response:
    """The session's language; a signed-in person's account keeps it too, for what is sent to them."""
    language = request.form.get("language", "")
    if language in LANGUAGES:
        session["language"] = language
        if current_user.is_authenticated:
            with recording(current_user.username):
                current_portfolio().choose_language(current_user.username, language)
    return redirect(same_site(request.referrer) or "/")


def init_i18n(app: Flask) -> None:
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT)
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", "Europe/Kyiv")
    Babel(app, locale_selector=chosen_locale)
    app.jinja_env.globals["LANGUAGES"] = LANGUAGES
    app.jinja_env.globals["current_language"] = chosen_locale
    app.register_blueprint(i18n)
