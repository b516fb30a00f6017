"""The grant pipeline board: columns by stage, totals in the reporting currency, moving a card."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from domain.context import recording
from domain.money import Money
from tests.web.conftest import csrf_token


@pytest.fixture
def grants(app, funder_and_cluster):
    portfolio, (funder, applicant) = app.extensions["portfolio"], funder_and_cluster
    with recording("fundraiser"):
        soon = datetime.now(UTC) + timedelta(days=10)
        late = portfolio.prospect_application(
            "Overdue call",
            funder,
            applicant,
            "Olena",
            Money.of("1000", "EUR"),
            deadline=datetime(2020, 1, 1, tzinfo=UTC),
        )
        open_ = portfolio.prospect_application(
            "Open call", funder, applicant, "Olena", Money.of("400000", "UAH"), deadline=soon
        )
        won = portfolio.prospect_application("Won", funder, applicant, "Olena", Money.of("50000", "USD"))
        portfolio.record_award(won, Money.of("45000", "USD"), date(2023, 1, 20))
        portfolio.record_exchange_rate("UAH", "EUR", Decimal("0.025"), date(2023, 1, 9))
    return {"late": late, "open": open_, "won": won}


def test_the_board_shows_columns_cards_and_converted_totals(signed_in, grants):
    html = signed_in("board").get("/grants/board").get_data(as_text=True).replace("\xa0", " ").replace("\u202f", " ")
    assert 'id="pipeline-board"' in html and 'id="column-prospect"' in html and 'id="column-awarded"' in html
    assert "11 000,00" in html  # 1,000 EUR + 400,000 UAH at 0.025
    assert "9 січ. 2023" in html  # the date of the rate used
    assert "немає курсу" in html  # USD has no rate yet: shown apart, never guessed
    assert f'id="card-{grants["late"]}"' in html and "прострочено" in html


def test_a_card_offers_the_same_stage_actions_and_returns_to_the_board(app, signed_in, grants):
    client = signed_in("fundraiser")
    html = client.get("/grants/board").get_data(as_text=True)
    assert f"/grants/{grants['open']}/act/submit?return_to=/grants/board" in html
    form = client.get(f"/grants/{grants['open']}/act/submit?return_to=/grants/board", headers={"HX-Request": "true"})
    assert 'name="return_to" value="/grants/board"' in form.get_data(as_text=True)
    token = csrf_token(html)
    response = client.post(
        f"/grants/{grants['open']}/act/submit",
        headers={"HX-Request": "true"},
        data={"csrf_token": token, "version": "1", "submitted_on": "2023-02-01", "return_to": "/grants/board"},
    )
    assert response.status_code == 204 and "HX-Redirect" not in response.headers
    trigger = {"returnToCard": {"url": "/grants/board", "card": f"card-{grants['open']}"}}
    assert json.loads(response.headers["HX-Trigger"]) == trigger
    assert 'id="column-submitted"' in client.get("/grants/board").get_data(as_text=True)
    assert app.extensions["portfolio"].grant_detail(grants["open"])["stage"].value == "submitted"


def test_a_return_address_off_the_site_is_ignored(signed_in, grants):
    client = signed_in("fundraiser")
    token = csrf_token(client.get("/grants/board").get_data(as_text=True))
    response = client.post(
        f"/grants/{grants['open']}/act/start-drafting",
        data={"csrf_token": token, "version": "1", "return_to": "//evil.example/"},
    )
    assert response.status_code == 302 and response.location == f"/grants/{grants['open']}"


def test_readers_see_the_board_without_actions(signed_in, grants):
    html = signed_in("auditor").get("/grants/board").get_data(as_text=True)
    assert "Overdue call" in html and "/act/" not in html


def test_an_htmx_request_for_the_board_gets_only_the_board(signed_in, grants):
    html = signed_in("board").get("/grants/board", headers={"HX-Request": "true", "HX-Target": "pipeline-board"})
    assert html.get_data(as_text=True).startswith('<div id="pipeline-board"')


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"from_currency": "UAH", "to_currency": "EUR", "rate": "-1", "on": "2023-01-09"}, "rate"),
        ({"from_currency": "hryvnia", "to_currency": "EUR", "rate": "0.02", "on": "2023-01-09"}, "from_currency"),
        ({"from_currency": "UAH", "to_currency": "EUR", "rate": "0.02"}, "on"),
    ],
)
def test_a_bad_rate_is_refused_field_by_field(app, signed_in, data, field):
    client = signed_in("fundraiser")
    token = csrf_token(client.get("/rates/").get_data(as_text=True))
    response = client.post("/rates/", data={"csrf_token": token, **data})
    assert response.status_code == 422 and 'class="field-error"' in response.get_data(as_text=True)
    assert app.extensions["portfolio"].exchange_rates() == []


def test_staff_enter_a_rate_and_everyone_sees_it(app, signed_in):
    client = signed_in("fundraiser")
    token = csrf_token(client.get("/rates/").get_data(as_text=True))
    response = client.post(
        "/rates/",
        data={"csrf_token": token, "from_currency": "USD", "to_currency": "EUR", "rate": "0.931", "on": "2023-01-09"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200 and "1 USD = 0,931 EUR" in response.get_data(as_text=True)
    html = signed_in("auditor").get("/rates/").get_data(as_text=True)
    assert "1 USD = 0,931 EUR" in html and 'action="/rates/"' not in html
