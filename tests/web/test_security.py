"""Sign-in, sign-out, CSRF, headers, rate limits, escaping, and the actor on events."""

from __future__ import annotations

import html
from uuid import UUID

import pytest

from domain.context import recording
from domain.enums import OrganizationKind, Role
from portfolio.errors import ConflictError
from tests.web.conftest import PASSWORD, csrf_token, make_app, sign_in
from web.access import EDITORS, allow


def test_signing_in_with_the_right_password_starts_a_session(app):
    client = app.test_client()
    response = sign_in(client, "fundraiser")
    assert response.status_code == 302 and response.location == "/"
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    assert client.get("/").status_code == 200


def test_the_session_cookie_is_secure_over_https(app):
    client = app.test_client()
    token = csrf_token(client.get("/login", base_url="https://localhost").get_data(as_text=True))
    response = client.post(
        "/login",
        base_url="https://localhost",
        data={"username": "board", "password": PASSWORD, "csrf_token": token},
    )
    assert "Secure" in response.headers["Set-Cookie"]


@pytest.mark.parametrize(("username", "password"), [("board", "wrong password!"), ("nobody", PASSWORD), ("", "")])
def test_a_wrong_name_or_password_is_refused_with_a_message(app, username, password):
    response = sign_in(app.test_client(), username, password)
    assert response.status_code == 401
    assert "Невірне ім'я або пароль" in html.unescape(response.get_data(as_text=True))


def test_a_disabled_account_cannot_sign_in_and_loses_its_session(app, signed_in):
    client = signed_in("board")
    with recording("admin"):
        app.extensions["portfolio"].disable_account("board", "left the board")
    assert client.get("/").status_code == 302
    assert sign_in(app.test_client(), "board").status_code == 401


def test_a_redirect_after_sign_in_never_leaves_the_site(app):
    client = app.test_client()
    token = csrf_token(client.get("/login").get_data(as_text=True))
    response = client.post(
        "/login?next=//evil.example/x", data={"username": "admin", "password": PASSWORD, "csrf_token": token}
    )
    assert response.location == "/"


def test_sign_in_attempts_are_rate_limited(sqlite_url):
    app = make_app(sqlite_url, SIGN_IN_LIMIT="3 per minute")
    client = app.test_client()
    responses = [sign_in(client, "admin", "wrong password!") for _ in range(4)]
    assert [r.status_code for r in responses] == [401, 401, 401, 429]
    assert "Забагато спроб" in responses[-1].get_data(as_text=True)
    assert sign_in(client, "admin").status_code == 429  # even the right password waits
    app.extensions["portfolio"].close()


@pytest.mark.parametrize("token", [None, "forged-token"])
def test_a_change_without_a_valid_csrf_token_is_refused_and_records_nothing(app, signed_in, token):
    client = signed_in("admin")
    before = app.extensions["portfolio"].recorder.max_notification_id()
    data = {} if token is None else {"csrf_token": token}
    response = client.post("/logout", data=data)
    assert response.status_code == 400
    assert "CSRF" in response.get_data(as_text=True)
    assert client.get("/").status_code == 200  # still signed in
    assert app.extensions["portfolio"].recorder.max_notification_id() == before


def test_htmx_requests_may_send_the_csrf_token_as_a_header(app, signed_in):
    client = signed_in("admin")
    token = csrf_token(client.get("/").get_data(as_text=True))
    response = client.post("/logout", headers={"X-CSRFToken": token, "HX-Request": "true"})
    assert response.status_code == 302


def test_every_page_carries_the_security_headers(app):
    response = app.test_client().get("/login")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_an_oversized_request_is_refused(app):
    response = app.test_client().post("/login", data={"username": "x" * (11 * 1024 * 1024)})
    assert response.status_code == 413


def test_the_signed_in_person_is_the_actor_on_the_events_they_cause(sqlite_url):
    app = make_app(sqlite_url)
    portfolio = app.extensions["portfolio"]

    @allow(EDITORS)
    def register() -> str:
        return str(portfolio.register_organization("Кластер", OrganizationKind.CLUSTER))

    app.add_url_rule("/test-register", "test_register", register, methods=["POST"])
    client = app.test_client()
    sign_in(client, "fundraiser")
    token = csrf_token(client.get("/").get_data(as_text=True))
    org = client.post("/test-register", headers={"X-CSRFToken": token}).get_data(as_text=True)
    assert [e.actor for e in portfolio.events.get(UUID(org))] == ["fundraiser"]
    portfolio.close()


def test_account_events_never_show_a_password(app):
    portfolio = app.extensions["portfolio"]
    with recording("admin"):
        portfolio.change_password("auditor", "another long password")
        portfolio.change_role("auditor", Role.BOARD, "joined the board")
    rows = portfolio.queries.accounts()
    assert all("password" not in key for row in rows for key in row)
    assert next(r for r in rows if r["username"] == "auditor")["role"] == "board"


def test_an_unhandled_conflict_is_a_409_page_not_a_500(sqlite_url):
    app = make_app(sqlite_url)

    @allow(EDITORS)
    def clash() -> str:
        raise ConflictError("Someone else changed this record at the same moment.", 3)

    app.add_url_rule("/test-clash", "test_clash", clash)
    client = app.test_client()
    sign_in(client, "fundraiser")
    response = client.get("/test-clash")
    assert response.status_code == 409 and "same moment" in response.get_data(as_text=True)
    app.extensions["portfolio"].close()
