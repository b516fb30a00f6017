"""No input stops the tracker: each request that once stored a value the read models, pages or feeds
could not hold now gets a clear 4xx naming the field, nothing is stored, and every page still
answers, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from domain.context import recording
from tests.web.conftest import csrf_token, sign_in
from tests.web.pages import every_page, failures


@pytest.fixture
def site(scenario_app):
    app, ids = scenario_app
    portfolio = app.extensions["portfolio"]
    with recording("admin"):
        token = portfolio.issue_token("fundraiser", "script", "api")
    return app, portfolio, ids, token


def _head(portfolio) -> int:
    return portfolio.recorder.max_notification_id() or 0


def _signed_in(app, role: str):
    client = app.test_client()
    assert sign_in(client, role).status_code == 302
    return client


def _post_form(client, url: str, data: dict):
    token = csrf_token(client.get("/account/").get_data(as_text=True))
    return client.post(url, data={**data, "csrf_token": token})


def test_poison_inputs_are_refused_with_their_field_and_store_nothing(site):
    app, portfolio, ids, token = site
    head = _head(portfolio)
    auditor = _signed_in(app, "auditor")
    refused = _post_form(auditor, "/account/tokens", {"name": "a\x00b", "purpose": "calendar"})
    assert refused.status_code == 400 and "NUL" in refused.get_data(as_text=True)

    api = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}

    def create(kind: str, body: dict):
        return api.post(f"/api/v1/{kind}", json=body, headers=headers)

    nul = create("organizations", {"name_uk": "a\x00b", "kind": "cluster"})
    assert nul.status_code == 422 and "name_uk" in nul.get_json()["fields"]
    control = create("organizations", {"name_uk": "a\x01b", "kind": "cluster"})
    assert control.status_code == 422 and "name_uk" in control.get_json()["fields"]
    surrogate = api.post("/api/v1/organizations", data=b'{"name_uk": "a\\ud800b", "kind": "cluster"}',
                         headers={**headers, "Content-Type": "application/json"})  # fmt: skip
    assert surrogate.status_code == 422 and "name_uk" in surrogate.get_json()["fields"]
    grant = {"title": "T", "funder_id": str(ids["funder"]), "applicant_id": str(ids["cluster"]), "owner": "o"}
    huge = create("grants", {**grant, "requested": "1e26"})
    assert huge.status_code == 422 and "requested" in huge.get_json()["fields"]
    fine = create("grants", {**grant, "requested": "100.005"})
    assert fine.status_code == 422 and "requested" in fine.get_json()["fields"]
    ancient = create("grants", {**grant, "requested": "100", "deadline": "0001-01-01T00:00:00"})
    assert ancient.status_code == 422 and "deadline" in ancient.get_json()["fields"]
    initiative = {"roadmap": "R", "direction": "D", "title": "T", "owner": "o", "target_on": "9999-12-31"}
    far = create("initiatives", initiative)
    assert far.status_code == 422 and "target_on" in far.get_json()["fields"]
    assert _head(portfolio) == head


def test_a_date_no_one_can_mean_is_refused_beside_its_field_in_a_form(site):
    app, portfolio, ids, _ = site
    head = _head(portfolio)
    fundraiser = _signed_in(app, "fundraiser")
    page = fundraiser.get(f"/projects/{ids['project']}/act/add-milestone").get_data(as_text=True)
    response = fundraiser.post(
        f"/projects/{ids['project']}/act/add-milestone",
        data={"title": "Far away", "due_on": "9999-12-31", "csrf_token": csrf_token(page)},
        headers={"HX-Request": "true"},
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 422 and "1900" in body and 'name="due_on"' in body
    assert _head(portfolio) == head


def test_nul_in_a_query_parameter_is_a_400_not_a_500(site):
    app, _, _, token = site
    client = _signed_in(app, "board")
    for url in ("/grants/?q=a%00b", "/projects/?owner=%00", "/audit/?actor=%00", "/dashboard/?as_of=%00"):
        assert client.get(url).status_code == 400, url
    api = app.test_client().get("/api/v1/grants?q=%00", headers={"Authorization": f"Bearer {token}"})
    assert api.status_code == 400 and api.get_json()["status"] == 400


def test_after_every_refused_poison_every_page_still_answers(site):
    app, portfolio, _, _ = site
    test_poison_inputs_are_refused_with_their_field_and_store_nothing(site)
    assert failures(_signed_in(app, "admin"), every_page(portfolio)) == {}


def test_a_reason_too_long_is_told_beside_the_reason(site):
    app, _, ids, _ = site
    client = _signed_in(app, "fundraiser")
    url = f"/projects/{ids['project']}/act/add-milestone"
    token = csrf_token(client.get(url).get_data(as_text=True))
    data = {"title": "Launch", "due_on": "2027-01-01", "reason": "x" * 1001, "csrf_token": token}
    body = client.post(url, data=data, headers={"HX-Request": "true"}).get_data(as_text=True)
    reason = body[body.index('name="reason"') :]
    assert "1000" in reason[: reason.index("</label>")]
