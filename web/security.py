"""Sessions, CSRF, security headers and size limits for every response."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from flask import Flask, Response, request
from flask.sessions import SecureCookieSessionInterface
from flask_wtf.csrf import CSRFProtect

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
    """`target` if it is a path on this site (safe to redirect to), else None."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return None


def add_security_headers(response: Response) -> Response:
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
    csrf.init_app(app)
    app.after_request(add_security_headers)
