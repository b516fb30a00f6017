"""Personal tokens: an API token signs a program in as its person; a calendar token is the secret
address of an iCalendar feed of what falls due. Only digests are kept; revoked tokens stop working."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar

from domain.context import recording
from tests.portfolio.scenario import build
from tests.web.conftest import csrf_token


@pytest.fixture
def ids(app):
    """The scenario, with a milestone and an initiative's target date ahead of today."""
    portfolio = app.extensions["portfolio"]
    ids = build(portfolio)
    ahead = datetime.now(UTC).date() + timedelta(days=30)
    with recording("olena"):
        portfolio.add_milestone(ids["project"], "Board retreat", ahead)
        portfolio.postpone_initiative(ids["initiative"], ahead + timedelta(days=30), "funding arrives later")
    return ids


def make_token(client, purpose: str, name: str = "my laptop"):
    token = csrf_token(client.get("/account/").get_data(as_text=True))
    response = client.post("/account/tokens", data={"csrf_token": token, "name": name, "purpose": purpose})
    html = response.get_data(as_text=True)
    found = re.search(r'<code id="new-token">([^<]+)</code>', html)
    return response, (found.group(1) if found else None), html


def test_an_api_token_signs_a_program_in_as_its_person_until_it_is_revoked(app, signed_in, ids):
    client = signed_in("fundraiser")
    response, token, _ = make_token(client, "api")
    assert response.status_code == 200 and token.startswith("pt_")
    program = app.test_client()
    assert program.get("/api/v1/projects", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert program.get("/api/v1/projects", headers={"Authorization": "Bearer pt_wrong"}).status_code == 401
    assert token not in client.get("/account/").get_data(as_text=True)  # shown once only
    [row] = app.extensions["portfolio"].tokens("fundraiser")
    page = client.get("/account/").get_data(as_text=True)
    client.post(f"/account/tokens/{row['token_id']}/revoke", data={"csrf_token": csrf_token(page)})
    assert program.get("/api/v1/projects", headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_a_token_is_kept_only_as_a_digest_and_never_shown_in_history(app, signed_in, ids):
    client = signed_in("board")
    _, token, _ = make_token(client, "api")
    account_id = app.extensions["portfolio"].account("board")["id"]
    rows = app.extensions["portfolio"].read_models.query("SELECT * FROM rm_tokens")
    assert token not in str(rows) and token not in str(list(app.extensions["portfolio"].events.get(account_id)))
    history = signed_in("auditor").get(f"/audit/records/{account_id}").get_data(as_text=True)
    assert "my laptop" in history and rows[0]["digest"] not in history


def test_a_token_of_a_disabled_account_or_of_another_purpose_does_not_sign_in(app, signed_in, ids):
    client = signed_in("fundraiser")
    _, calendar_token, _ = make_token(client, "calendar")
    _, api_token, _ = make_token(client, "api", "script")
    program = app.test_client()
    assert program.get("/api/v1/projects", headers={"Authorization": f"Bearer {calendar_token}"}).status_code == 401
    with recording("admin"):
        app.extensions["portfolio"].disable_account("fundraiser", "left")
    assert program.get("/api/v1/projects", headers={"Authorization": f"Bearer {api_token}"}).status_code == 401


def test_bad_token_input_is_refused_with_a_message(signed_in, ids):
    client = signed_in("fundraiser")
    response, token, html = make_token(client, "api", "")
    assert response.status_code == 422 and token is None and 'class="field-error"' in html
    make_token(client, "api", "twice")
    response, _, html = make_token(client, "api", "twice")
    assert response.status_code == 422 and "fundraiser вже має токен з назвою «twice»." in html


def test_a_calendar_feed_lists_what_falls_due_at_its_secret_address(app, signed_in, ids):
    _, token, html = make_token(signed_in("fundraiser"), "calendar")
    assert f"/calendar/{token}.ics" in html
    response = app.test_client().get(f"/calendar/{token}.ics")
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    events = {str(e["summary"]) for e in Calendar.from_ical(response.data).walk("VEVENT")}
    assert any("Board retreat" in summary for summary in events)  # a milestone of the project
    assert any("Basic maturity" in summary for summary in events)  # an initiative's target date
    assert app.test_client().get("/calendar/pt_nothing.ics").status_code == 404


def test_an_admin_issues_an_api_token_from_the_command_line(app, ids):
    result = app.test_cli_runner().invoke(args=["users", "token", "board", "--as", "admin"])
    token = result.output.strip()
    assert result.exit_code == 0 and token.startswith("pt_")
    assert app.test_client().get("/api/v1/projects", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_the_account_page_is_always_about_the_present(signed_in, ids):
    html = signed_in("fundraiser").get("/account/?as_of=2023-01-01").get_data(as_text=True)
    assert "time-travel past" not in html and 'action="/account/tokens"' in html


def test_each_item_has_its_own_calendar_uid_and_finished_records_drop_out(app, signed_in, ids):
    from domain.enums import ReportKind

    portfolio = app.extensions["portfolio"]
    ahead = datetime.now(UTC).date() + timedelta(days=40)
    with recording("olena"):
        portfolio.add_reporting_duty(ids["grant"], ReportKind.INTERIM, ahead)
        portfolio.add_reporting_duty(ids["grant"], ReportKind.INTERIM, ahead + timedelta(days=90))
    _, token, _ = make_token(signed_in("fundraiser"), "calendar")
    events = Calendar.from_ical(app.test_client().get(f"/calendar/{token}.ics").data).walk("VEVENT")
    uids = [str(e["uid"]) for e in events]
    assert len(uids) == len(set(uids)) and sum("Board retreat" in str(e["summary"]) for e in events) == 1
    with recording("olena"):
        portfolio.cancel_project(ids["project"], "no money after all")
    events = Calendar.from_ical(app.test_client().get(f"/calendar/{token}.ics").data).walk("VEVENT")
    assert not any("Board retreat" in str(e["summary"]) for e in events)
