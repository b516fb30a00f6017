"""A person marks a record's figures illustrative from its page, and sees the mark there, in the
register, in the dashboard's totals and the history, on both stores; the rates page does the same."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.context import recording
from tests.web.conftest import act, csrf_token, sign_in

REASON = "Сума й транші вигадані для демонстрації"


@pytest.fixture
def web(scenario_app):
    flask_app, ids = scenario_app
    with recording("taras"):
        flask_app.extensions["portfolio"].record_exchange_rate("UAH", "EUR", Decimal("0.025"), date(2022, 1, 10))
    client = flask_app.test_client()
    assert sign_in(client, "fundraiser").status_code == 302
    return flask_app, client, ids


def test_a_grant_marked_illustrative_says_so_on_its_page_in_the_register_and_in_the_totals(web):
    flask_app, client, ids = web
    grant = f"/grants/{ids['grant']}"
    page = client.get(grant).get_data(as_text=True)
    assert "/act/mark-illustrative" in page and "/act/clear-illustrative" not in page
    assert "Ілюстративні дані" not in page
    form = client.get(f"/grants/{ids['grant']}/act/mark-illustrative", headers={"HX-Request": "true"})
    assert 'name="reason"' in form.get_data(as_text=True)
    assert act(flask_app, client, grant, "mark-illustrative", {"reason": ""}).status_code == 422

    swapped = act(flask_app, client, grant, "mark-illustrative", {"reason": REASON})
    html = swapped.get_data(as_text=True)
    assert swapped.status_code == 200 and "Ілюстративні дані" in html and REASON in html
    assert "/act/clear-illustrative" in html and "/act/mark-illustrative" not in html

    register = client.get("/grants/").get_data(as_text=True)
    assert 'class="illustrative"' in register and REASON in register and "ілюстративні" in register
    dashboard = client.get("/dashboard/").get_data(as_text=True)
    assert "з них ілюстративні: 112" in dashboard  # 4,500,000 UAH at 0.025 = 112,500 EUR, all of it marked
    assert "з них ілюстративні" in client.get("/grants/board").get_data(as_text=True)
    exported = client.get("/export/grants.csv").get_data(as_text=True)
    assert "Ілюстративні дані" in exported.splitlines()[0] and REASON in exported
    history = client.get(f"/audit/records/{ids['grant']}").get_data(as_text=True)
    assert "позначено як ілюстративні" in history and REASON in history

    client.post("/language", data={"language": "en", "csrf_token": csrf_token(register)})
    assert "Illustrative figures" in client.get(f"/grants/{ids['grant']}").get_data(as_text=True)
    assert "of which illustrative: " in client.get("/dashboard/").get_data(as_text=True)

    confirmed = {"reason": "The award letter confirms the amount"}
    cleared = act(flask_app, client, grant, "clear-illustrative", confirmed)
    assert cleared.status_code == 200 and "Illustrative figures" not in cleared.get_data(as_text=True)
    assert "of which illustrative" not in client.get("/dashboard/").get_data(as_text=True)


def test_every_kind_offers_the_mark_on_its_page(web):
    _, client, ids = web
    for path in (f"/projects/{ids['project']}", f"/memoranda/{ids['memo']}", f"/roadmap/{ids['initiative']}",
                 f"/organizations/{ids['cluster']}"):  # fmt: skip
        assert "/act/mark-illustrative" in client.get(path).get_data(as_text=True), path


def test_the_rates_are_marked_and_cleared_from_their_page(web):
    flask_app, client, _ = web
    page = client.get("/rates/").get_data(as_text=True)
    assert 'id="rates-illustrative"' in page and "Ілюстративні дані" not in page
    token = csrf_token(page)
    assert client.post("/rates/illustrative", data={"csrf_token": token, "reason": ""}).status_code == 422
    marked = client.post("/rates/illustrative", data={"csrf_token": token, "reason": "Округлені курси"})
    assert marked.status_code == 302
    page = client.get("/rates/").get_data(as_text=True)
    assert "Ілюстративні дані" in page and "Округлені курси" in page
    assert "Курси валют ілюстративні: Округлені курси" in client.get("/dashboard/").get_data(as_text=True)
    client.post("/rates/illustrative", data={"csrf_token": token, "reason": "Курси НБУ"})
    assert flask_app.extensions["portfolio"].illustrative_rates() is None
