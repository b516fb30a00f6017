"""Sign-in, sign-out, CSRF, headers, rate limits, escaping, and the actor on events."""

from __future__ import annotations

import html
from uuid import UUID, uuid4

import pytest

from domain.context import recording
from domain.enums import OrganizationKind, Role
from portfolio.errors import ConflictError
from tests.web.conftest import PASSWORD, csrf_token, make_app, sign_in
from web import create_app
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


@pytest.mark.parametrize(
    "target",
    ["/%09/evil.example/phish", "/%0A/evil.example", "/\\evil.example", "//evil.example", "https://evil.example"],
)
def test_a_redirect_after_sign_in_never_leaves_the_site_however_it_is_disguised(app, target):
    client = app.test_client()
    token = csrf_token(client.get("/login").get_data(as_text=True))
    data = {"username": "admin", "password": PASSWORD, "csrf_token": token}
    assert client.post(f"/login?next={target}", data=data).location == "/"


def test_an_actions_return_address_never_leaves_the_site(app, signed_in):
    client = signed_in("fundraiser")
    with recording("olena"):
        org = app.extensions["portfolio"].register_organization("Кластер", OrganizationKind.CLUSTER)
    page = client.get(f"/organizations/{org}/act/relocate").get_data(as_text=True)
    for back in ("/\t/evil.example/phish", "/\n/evil.example"):
        response = client.post(f"/organizations/{org}/act/relocate", headers={"HX-Request": "true"},
                               data={"region": "Львів", "country": "UA", "csrf_token": csrf_token(page),
                                     "return_to": back})  # fmt: skip
        assert response.status_code == 200 and "HX-Redirect" not in response.headers


def test_signing_out_ends_the_session_even_for_a_copied_cookie(app, signed_in):
    client = signed_in("board")
    stolen = client.get_cookie("session").value
    token = csrf_token(client.get("/").get_data(as_text=True))
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302
    thief = app.test_client()
    thief.set_cookie("session", stolen)
    assert thief.get("/").status_code == 302  # to the sign-in page


@pytest.mark.parametrize(
    "change",
    [
        lambda p: p.change_role("board", Role.AUDITOR, "moved to audit"),
        lambda p: p.change_password("board", "a brand new password"),
        lambda p: p.disable_account("board", "left"),
    ],
    ids=["role", "password", "disabled"],
)
def test_a_role_or_password_change_or_disabling_ends_the_persons_sessions(app, signed_in, change):
    client = signed_in("board")
    assert client.get("/").status_code == 200
    with recording("admin"):
        change(app.extensions["portfolio"])
    assert client.get("/").status_code == 302


def test_signed_in_pages_exports_and_the_api_are_never_cached(app, signed_in):
    client = signed_in("board")
    for url in ("/", "/grants/", "/export/grants.csv", "/api/v1/grants"):
        assert client.get(url).headers["Cache-Control"] == "no-store", url
    assert "no-store" not in app.test_client().get("/login").headers.get("Cache-Control", "")


def test_a_wrong_method_answers_405_with_the_methods_allowed(app, signed_in):
    response = signed_in("board").put("/grants/")
    assert response.status_code == 405 and set(response.headers["Allow"].split(", ")) >= {"GET"}


def test_the_store_file_and_an_audit_export_are_readable_by_their_owner_alone(tmp_path):
    import os
    import stat

    url = f"sqlite:///{tmp_path / 'store.db'}"
    app = make_app(url)
    assert stat.S_IMODE(os.stat(tmp_path / "store.db").st_mode) == 0o600
    result = app.test_cli_runner().invoke(args=["audit", "export", str(tmp_path / "log.jsonl")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(os.stat(tmp_path / "log.jsonl").st_mode) == 0o600
    app.extensions["portfolio"].close()


def test_the_sign_in_limit_is_shared_by_every_worker_through_the_database(sqlite_url):
    config = {"DATABASE_URL": sqlite_url, "SECRET_KEY": "test", "AUDIT_KEY": "test", "SIGN_IN_LIMIT": "3 per minute"}
    workers = [make_app(sqlite_url, SIGN_IN_LIMIT="3 per minute"), create_app(config), create_app(config)]
    statuses = [sign_in(worker.test_client(), "admin", "wrong password!").status_code for worker in workers]
    statuses.append(sign_in(workers[0].test_client(), "admin", "wrong password!").status_code)
    assert statuses == [401, 401, 401, 429]
    for worker in workers:
        worker.extensions["portfolio"].close()


def test_the_sign_in_limit_can_be_kept_in_redis_instead(sqlite_url):
    import os

    import redis

    url = "redis://127.0.0.1:6379/15"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip("Redis not reachable at 127.0.0.1:6379")
    config = {"DATABASE_URL": sqlite_url, "SECRET_KEY": "test", "AUDIT_KEY": "test", "SIGN_IN_LIMIT": "2 per minute",
              "RATELIMIT_STORAGE_URL": url}  # fmt: skip
    first, second = make_app(sqlite_url, **config), create_app(config)
    name = f"nobody{uuid4().hex[:8]}"  # a name of its own: the counts live outside this test's store
    statuses = [sign_in(app.test_client(), name, "wrong password!").status_code for app in (first, second, first)]
    assert statuses == [401, 401, 429]
    assert app_counts(first) == 0  # nothing was counted in the database
    for app in (first, second):
        app.extensions["portfolio"].close()


def app_counts(app) -> int:
    return app.extensions["portfolio"].read_models.rows("SELECT COUNT(*) FROM counters")[0][0]
