"""PostgreSQL unreachable for a while: every request gets a clear 503, the app comes back by itself
when the database does, and nothing accepted before or after is lost."""

from __future__ import annotations

import time

import pytest

from domain.context import recording
from domain.enums import Category, OrganizationKind, Priority
from portfolio.registers import ListRequest
from tests.faults.proxy import Proxy
from tests.web.conftest import csrf_token, make_app, sign_in


@pytest.fixture
def proxy():
    cut_off = Proxy(("127.0.0.1", 5432)).start()
    yield cut_off
    cut_off.cut()


@pytest.fixture
def app(postgres_url, proxy):
    flask_app = make_app(postgres_url.replace(":5432/", f":{proxy.port}/"), PROPAGATE_EXCEPTIONS=False)
    yield flask_app
    flask_app.extensions["portfolio"].close()


def hand_over(client, project_id, owner: str):
    page = client.get(f"/projects/{project_id}/act/hand-over").get_data(as_text=True)
    version = page.split('name="version" value="', 1)[1].split('"', 1)[0]
    return client.post(f"/projects/{project_id}/act/hand-over", data={
        "csrf_token": csrf_token(page), "version": version, "owner": owner})  # fmt: skip


def test_while_the_database_is_down_requests_get_503_and_afterwards_all_is_as_before(app, proxy):
    portfolio = app.extensions["portfolio"]
    with recording("olena"):
        org = portfolio.register_organization("Кластер", OrganizationKind.CLUSTER)
        project = portfolio.propose_project("P-1", "Project", org, "Olena", Priority.NOW, Category.MARKET_ACCESS)
    client = app.test_client()
    sign_in(client, "fundraiser")
    assert hand_over(client, project, "Before").status_code in (200, 204, 302)

    proxy.cut()
    started = time.monotonic()
    down = client.get("/projects/")
    assert down.status_code == 503 and down.headers["Retry-After"] == "10"
    assert "База даних зараз недоступна" in down.get_data(as_text=True)
    api = client.get("/api/v1/projects", headers={"Accept": "application/json"})
    assert api.status_code in (401, 503)  # the API asks for its token before it touches the store
    assert time.monotonic() - started < 60

    proxy.restore()
    deadline = time.monotonic() + 30
    while client.get("/projects/").status_code != 200:  # the pool reconnects by itself
        assert time.monotonic() < deadline, "the app did not come back after the database did"
        time.sleep(0.5)
    assert hand_over(client, project, "After").status_code in (200, 204, 302)
    owners = [entry.changes for entry in portfolio.record_history(project) if entry.event == "HandedOver"]
    assert len(owners) == 2
    assert [row["owner"] for row in portfolio.register_rows("projects", ListRequest())] == ["After"]
