"""The access matrix: every route × anonymous and the four roles, and no route left undeclared."""

from __future__ import annotations

import uuid

import pytest
from flask import url_for
from werkzeug.routing import AnyConverter, IntegerConverter

from tests.web.conftest import ROLES, make_app, sign_in
from web.access import PUBLIC, allowed_roles

WHO = [None, *ROLES]


@pytest.fixture(scope="module")
def matrix_app(tmp_path_factory):
    app = make_app(f"sqlite:///{tmp_path_factory.mktemp('matrix') / 'db.sqlite'}", WTF_CSRF_ENABLED=False)
    yield app
    app.extensions["portfolio"].close()


def _routes(app):
    for rule in app.url_map.iter_rules():
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            args = {name: _example(rule, name) for name in rule.arguments}
            yield rule.endpoint, method, rule, args


def _example(rule, name: str):
    converter = rule._converters[name]
    if isinstance(converter, IntegerConverter):
        return 1
    if isinstance(converter, AnyConverter):
        return sorted(converter.items)[0]
    return str(uuid.uuid4()) if "id" in name else "app.css"


def test_every_route_declares_who_may_use_it(matrix_app):
    undeclared = sorted(
        {endpoint for endpoint, *_ in _routes(matrix_app) if allowed_roles(matrix_app, endpoint) is None}
    )
    assert undeclared == []


@pytest.mark.parametrize("who", WHO, ids=lambda who: who or "anonymous")
def test_each_route_answers_each_role_as_declared(matrix_app, who):
    client = matrix_app.test_client()
    if who:
        assert sign_in(client, who).status_code == 302
    with matrix_app.test_request_context():
        routes = [(e, m, url_for(e, **a), allowed_roles(matrix_app, e)) for e, m, _, a in _routes(matrix_app)]
    checked = 0
    for endpoint, method, url, roles in routes:
        if endpoint == "auth.logout":
            continue  # signing out would end this client's session; tested on its own
        if endpoint in ("api.create", "api.act") and who:
            continue  # writing through the API needs a token, never a session (tests/web/test_api.py)
        response = client.open(url, method=method)
        response.close()
        if roles == PUBLIC:
            assert response.status_code != 403, (endpoint, method)
        elif who is None and endpoint.startswith("api."):  # programs get a status, not a sign-in page
            assert response.status_code == 401, (endpoint, method)
        elif who is None:
            assert response.status_code == 302 and "/login" in response.location, (endpoint, method)
        elif ROLES[who] in roles:
            assert response.status_code not in (401, 403), (endpoint, method, response.status_code)
            assert "/login" not in (response.location or ""), (endpoint, method)
            assert response.status_code < 500, (endpoint, method)
        else:
            assert response.status_code == 403, (endpoint, method, who)
        checked += 1
    assert checked >= 2


def test_htmx_requests_from_anonymous_get_a_redirect_header_not_a_page(matrix_app):
    response = matrix_app.test_client().get("/", headers={"HX-Request": "true"})
    assert response.status_code == 401
    assert response.headers["HX-Redirect"].startswith("/login")
    assert response.get_data(as_text=True) == ""
