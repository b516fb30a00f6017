"""Sessions, CSRF, security headers and size limits for every response."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask, Response, request, session
from flask.sessions import SecureCookieSessionInterface
from flask_babel import gettext
from flask_wtf.csrf import CSRFProtect
from werkzeug.exceptions import BadRequest

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'"
)
MAX_UPLOAD = 10 * 1024 * 1024

csrf = CSRFProtect()


class SessionOverHttps(SecureCookieSessionInterface):
    """Mark the session cookie Secure whenever the request came over HTTPS."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(app.config["SESSION_COOKIE_SECURE"] or request.is_secure)


def kept_secret(variable: str, var_dir: Path) -> str:
    """The environment variable, or else a key made once and kept in var/ so every worker shares it.
    Several hosts must share the variable instead."""
    configured = os.environ.get(variable)
    if configured:
        return configured
    path = var_dir / variable.lower()
    var_dir.mkdir(parents=True, exist_ok=True)
    try:
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as file:
            file.write(secrets.token_hex(32))
    except FileExistsError:
        pass
    return path.read_text().strip()


def local_path(target: str | None) -> str | None:
    """`target` if it is a path on this site (safe to redirect to), else None. Browsers drop tabs and
    line breaks from an address and read a backslash as a slash, so "/\t/evil.example" would leave
    the site: a target with any of them, or with a scheme or host, is refused."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    if any(character.isspace() or not character.isprintable() for character in target):
        return None
    try:
        parts = urlsplit(target)
    except ValueError:  # an address Python cannot take apart is no address to send anyone to
        return None
    return target if not parts.scheme and not parts.netloc else None


def same_site(url: str | None) -> str | None:
    """The path of `url` (an absolute address on this host, or a path) when it stays on this site."""
    if url and url.startswith(request.host_url):
        url = "/" + url[len(request.host_url) :]
    return local_path(url)


def refuse_nul() -> None:
    """Before every request: no text anywhere holds NUL, so a parameter or form field with one is
    refused at once with its name (PostgreSQL could not even compare it with a stored value)."""
    for source in (request.args, request.form):
        for name, value in source.items(multi=True):
            if "\x00" in name or "\x00" in value:
                shown = name.replace("\x00", "\ufffd")
                raise BadRequest(
                    gettext("The field «%(name)s» holds a NUL character, which no text may hold.", name=shown)
                )


def add_security_headers(response: Response) -> Response:
    if "_user_id" in session or request.blueprint == "api":  # a person's pages, exports and the API
        response.headers.setdefault("Cache-Control", "no-store")
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    return response


def init_security(app: Flask) -> None:
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
    app.config["MAX_CONTENT_LENGTH"] = app.config["MAX_CONTENT_LENGTH"] or MAX_UPLOAD
    app.config["MAX_FORM_MEMORY_SIZE"] = MAX_UPLOAD  # an import's confirmation carries its file in a field
    app.session_interface = SessionOverHttps()
    app.before_request(refuse_nul)
    csrf.init_app(app)
    app.after_request(add_security_headers)
