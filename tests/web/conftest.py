"""A Flask app on a temporary SQLite file with one account per role, a sign-in helper, the scenario's
records, and a helper that posts a record's action as its detail page does."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from uuid import UUID

import pytest

from domain.context import clock_set_to, recording
from domain.enums import Category, OrganizationKind, Priority, Role
from domain.money import Money
from tests.portfolio.scenario import build
from web import create_app

PASSWORD = "correct horse battery"
ROLES = {role.value: role for role in Role}


def make_app(url: str, **config):
    app = create_app({"DATABASE_URL": url, "TESTING": True, "SECRET_KEY": "test", "AUDIT_KEY": "test", **config})
    with recording("setup"):
        for name, role in ROLES.items():
            app.extensions["portfolio"].open_account(name, role, PASSWORD)
    return app


@pytest.fixture
def app(sqlite_url):
    flask_app = make_app(sqlite_url)
    yield flask_app
    flask_app.extensions["portfolio"].close()


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "the page has no CSRF token"
    return match.group(1)


# The detail page of each kind of record ("/grants/<id>") and the use case that reads it
DETAILS = {
    "projects": "project_detail",
    "grants": "grant_detail",
    "memoranda": "memorandum_detail",
    "roadmap": "initiative_detail",
    "organizations": "organization_detail",
}


def act(app, client, path: str, action: str, data: dict[str, str]):
    """Post `action` of the record whose detail page is `path`, as the page does (htmx): with the page's
    CSRF token and the record's current version."""
    _, kind, record_id = path.split("/")
    version = getattr(app.extensions["portfolio"], DETAILS[kind])(UUID(record_id))["version"]
    token = csrf_token(client.get(path).get_data(as_text=True))
    return client.post(
        f"{path}/act/{action}",
        data={"csrf_token": token, "version": str(version), **data},
        headers={"HX-Request": "true"},
    )


def sign_in(client, username: str, password: str = PASSWORD):
    token = csrf_token(client.get("/login").get_data(as_text=True))
    return client.post("/login", data={"username": username, "password": password, "csrf_token": token})


@pytest.fixture
def signed_in(app):
    """A test client signed in with the given role's account."""

    def client_for(role: str):
        client = app.test_client()
        response = sign_in(client, role)
        assert response.status_code == 302, response.get_data(as_text=True)
        return client

    return client_for


@pytest.fixture
def ids(app):
    """The records of the shared scenario (tests/portfolio/scenario.py), by name."""
    return build(app.extensions["portfolio"])


@pytest.fixture
def scenario_app(store_url):
    """An app on each store in turn (see `store_url`) with the records of the shared scenario: (app, ids)."""
    flask_app = make_app(store_url)
    yield flask_app, build(flask_app.extensions["portfolio"])
    flask_app.extensions["portfolio"].close()


@pytest.fixture
def dated_ids(app):
    """The scenario recorded on 15 January 2023, and one more project proposed on 1 June 2023."""
    portfolio = app.extensions["portfolio"]
    with clock_set_to(datetime(2023, 1, 15, 12, tzinfo=UTC)):
        ids = build(portfolio)
    with clock_set_to(datetime(2023, 6, 1, 12, tzinfo=UTC)), recording("taras"):
        ids["later"] = portfolio.propose_project(
            "LATE-1", "A project proposed in June", ids["cluster"], "Taras", Priority.HOW, Category.VALUE_CHAINS
        )
    return ids


@pytest.fixture
def funder_and_cluster(app):
    """A funder (GIZ) and a cluster that applies to it, registered by a fundraiser."""
    portfolio = app.extensions["portfolio"]
    with recording("fundraiser"):
        funder = portfolio.register_organization("GIZ", OrganizationKind.FUNDER, country="DE")
        return funder, portfolio.register_organization("Кластер", OrganizationKind.CLUSTER)


@pytest.fixture
def grant(app, funder_and_cluster):
    """A grant application just prospected, with its funder and applicant."""
    funder, cluster = funder_and_cluster
    with recording("fundraiser"):
        return app.extensions["portfolio"].prospect_application(
            "GDT Textile", funder, cluster, "Olena", Money.of("43000", "EUR")
        )
