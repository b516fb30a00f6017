"""Who may use which route. Every view declares its roles; an undeclared view answers 403.

- admin: accounts and settings; fundraiser: edits grants, organizations, memoranda, projects;
- board: reads everything, records roadmap decisions and initiative status;
- auditor: reads everything, including full history and the audit tools; changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import Flask, Response, abort, current_app, g, jsonify, redirect, request, url_for
from flask_login import current_user

from domain.enums import Role

F = TypeVar("F", bound=Callable[..., Any])

PUBLIC = "public"
EVERYONE = frozenset({Role.ADMIN, Role.FUNDRAISER, Role.BOARD, Role.AUDITOR})
EDITORS = frozenset({Role.ADMIN, Role.FUNDRAISER})
ROADMAP_EDITORS = frozenset({Role.ADMIN, Role.FUNDRAISER, Role.BOARD})
ADMINS = frozenset({Role.ADMIN})
AUDITORS = frozenset({Role.ADMIN, Role.AUDITOR})


def hidden_record_types() -> tuple[str, ...]:
    """The kinds of record whose events the signed-in person may not list: who holds which role and
    which tokens is for auditors and admins alone."""
    return () if current_user.role in AUDITORS else ("Account",)


def allow(roles: frozenset[Role] | str) -> Callable[[F], F]:
    """Declare who may use a view: a set of roles, or PUBLIC for anyone, signed in or not."""

    def declare(view: F) -> F:
        view.allowed_roles = roles  # type: ignore[attr-defined]
        return view

    return declare


def allowed_roles(app: Flask, endpoint: str | None) -> frozenset[Role] | str | None:
    view = app.view_functions.get(endpoint or "")
    return getattr(view, "allowed_roles", None)


def may(endpoint: str) -> bool:
    """Whether the signed-in person may use a route: templates hide what they may not. Nobody may
    change records while viewing the past."""
    if g.get("as_of") is not None and _changes(endpoint):
        return False
    roles = allowed_roles(current_app, endpoint)
    if roles == PUBLIC:
        return True
    return bool(current_user.is_authenticated and roles and current_user.role in roles)


def _changes(endpoint: str) -> bool:
    return any("POST" in (rule.methods or ()) for rule in current_app.url_map.iter_rules(endpoint))


def check_access(app: Flask) -> Response | None:
    """Run before every request: anonymous → sign-in, wrong role or undeclared → 403."""
    if request.endpoint is None:
        return None  # no such route: Flask answers 404
    roles = allowed_roles(app, request.endpoint)
    if roles == PUBLIC:
        return None
    if not current_user.is_authenticated:
        return _to_sign_in()
    if roles is None or current_user.role not in roles:
        abort(403)
    return None


def _to_sign_in() -> Response:
    if request.blueprint == "api":  # programs get a status, not a page
        response = jsonify({"status": 401, "message": "Sign in with a personal API token: Authorization: Bearer pt_…"})
        response.status_code = 401
        response.headers["WWW-Authenticate"] = "Bearer"
        return response
    target = url_for("auth.login", next=request.full_path if request.method == "GET" else None)
    if request.headers.get("HX-Request") == "true":
        response = Response(status=401)
        response.headers["HX-Redirect"] = target
        return response
    return redirect(target)
