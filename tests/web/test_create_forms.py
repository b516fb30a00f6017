"""Creating records from the forms: valid input makes a record, bad input keeps what was typed."""

from __future__ import annotations

import pytest

from tests.web.conftest import csrf_token


@pytest.fixture
def orgs(app):
    from domain.context import recording
    from domain.enums import OrganizationKind

    portfolio = app.extensions["portfolio"]
    with recording("fundraiser"):
        return {
            "funder": str(portfolio.register_organization("USAID", OrganizationKind.FUNDER, country="US")),
            "cluster": str(portfolio.register_organization("Асоціація меблевиків", OrganizationKind.ASSOCIATION)),
        }


def submit(client, url, data, htmx=False):
    token = csrf_token(client.get(url).get_data(as_text=True))
    return client.post(url, data={"csrf_token": token, **data}, headers={"HX-Request": "true"} if htmx else {})


def test_a_fundraiser_creates_a_grant_application(app, signed_in, orgs):
    client = signed_in("fundraiser")
    response = submit(
        client,
        "/grants/new",
        {
            "title": "1,100 beds",
            "funder_id": orgs["funder"],
            "applicant_id": orgs["cluster"],
            "owner": "Olena",
            "requested": "4500000",
            "requested_currency": "UAH",
            "deadline": "2022-05-01T17:00",
            "call_url": "https://example.org/call",
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    page = client.get(response.location).get_data(as_text=True)
    assert "1,100 beds" in page and "USAID" in page
    grant = app.extensions["portfolio"].queries.grants()[0]
    # 17:00 in Kyiv is 14:00 UTC in summer (EEST, UTC+3)
    assert grant["requested_amount"] == "4500000" and grant["deadline"] == "2022-05-01T14:00:00+00:00"


def test_a_deadline_typed_as_a_day_closes_at_its_end_in_kyiv(app, signed_in, orgs):
    data = {"title": "Open call", "funder_id": orgs["funder"], "applicant_id": orgs["cluster"], "owner": "Olena",
            "requested": "150 000,00", "requested_currency": "EUR", "deadline": "31.03.2027"}  # fmt: skip
    assert submit(signed_in("fundraiser"), "/grants/new", data).status_code == 302
    grant = app.extensions["portfolio"].queries.grants()[0]
    assert grant["deadline"] == "2027-03-31T20:59:00+00:00"  # 23:59 in Kyiv (EEST, UTC+3)


def test_with_htmx_a_created_record_is_opened_by_a_redirect_header(signed_in, orgs):
    response = submit(
        signed_in("admin"),
        "/organizations/new",
        {"name_uk": "EIT Manufacturing", "kind": "network", "country": "BE"},
        htmx=True,
    )
    assert response.status_code == 204 and response.headers["HX-Redirect"].startswith("/organizations/")


@pytest.mark.parametrize(
    ("url", "data", "field"),
    [
        ("/grants/new", {"title": "x", "owner": "o", "requested": "10"}, "funder_id"),
        ("/grants/new", {"title": "x", "owner": "o", "requested": "-1"}, "requested"),
        ("/grants/new", {"title": "x", "owner": "o", "requested": "1", "call_url": "javascript:alert(1)"}, "call_url"),
        ("/projects/new", {"code": "P" * 41, "title": "t", "owner": "o", "priority": "now"}, "code"),
        ("/roadmap/new", {"roadmap": "UCA", "direction": "Growth", "title": "t", "owner": "o"}, "target_on"),
        ("/organizations/new", {"name_uk": "Орган", "kind": "authority", "country": "UKR"}, "country"),
    ],
)
def test_bad_input_is_refused_field_by_field_and_keeps_what_was_typed(app, signed_in, orgs, url, data, field):
    before = app.extensions["portfolio"].recorder.max_notification_id()
    response = submit(signed_in("fundraiser"), url, data)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'class="field-error"' in html
    for value in data.values():
        assert value in html
    assert app.extensions["portfolio"].recorder.max_notification_id() == before


def test_a_domain_rule_is_explained_on_the_form(signed_in, orgs):
    response = submit(signed_in("fundraiser"), "/organizations/new", {"name_uk": "Орган", "kind": "authority"})
    assert response.status_code == 422 and "Для органу влади потрібен рівень" in response.get_data(as_text=True)


def test_readers_cannot_open_the_forms(signed_in):
    assert signed_in("auditor").get("/grants/new").status_code == 403
    assert signed_in("board").get("/roadmap/new").status_code == 200


@pytest.mark.parametrize(
    ("url", "data", "field", "said"),
    [
        ("/organizations/new", {"name_uk": " асоціація МЕБЛЕВИКІВ ", "kind": "association", "country": "UA"},
         "name_uk", "Іншу організацію вже названо «асоціація МЕБЛЕВИКІВ»."),
        ("/projects/new", {"code": "hm-1", "title": "Twin", "owner": "o", "priority": "now",
                           "category": "market_access"}, "code", "Інший проєкт уже має код hm-1."),
    ],
)  # fmt: skip
def test_a_name_or_code_another_record_has_is_refused_beside_its_field(app, signed_in, orgs, url, data, field, said):
    from uuid import UUID

    from domain.context import recording
    from domain.enums import Category, Priority

    with recording("fundraiser"):
        app.extensions["portfolio"].propose_project(
            "HM-1", "Home", UUID(orgs["cluster"]), "o", Priority.NOW, Category.MARKET_ACCESS
        )
    data = {**data, "organization_id": orgs["cluster"]} if "projects" in url else data
    response = submit(signed_in("fundraiser"), url, data)
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and f'<span class="field-error" id="error-{field}">{said}' in html, html


def test_a_new_form_starts_with_the_values_an_empty_field_would_take(signed_in):
    client = signed_in("fundraiser")
    assert 'name="requested_currency" value="EUR"' in client.get("/grants/new").get_data(as_text=True)
    assert 'name="country" value="UA"' in client.get("/organizations/new").get_data(as_text=True)
