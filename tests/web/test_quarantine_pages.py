"""The quarantine as people meet it: the record's page and its register row say it is stale, the
integrity page names the event and what failed, an admin releases it with a reason (a reason is
required, beside its field), and the operators' commands show and release it too."""

from __future__ import annotations

from datetime import datetime

import pytest

from domain.grant import GrantApplication
from domain.localtime import KYIV
from tests.portfolio.scenario import build
from tests.portfolio.stored_directly import store_unchecked
from tests.web.conftest import csrf_token


@pytest.fixture
def stale(app):
    """The scenario's grant with a deadline an older version stored as the year 1."""
    portfolio = app.extensions["portfolio"]
    ids = build(portfolio)
    version = portfolio.grant_detail(ids["grant"])["version"]
    store_unchecked(portfolio, GrantApplication.DeadlineSet, ids["grant"], version + 1,
                    deadline=datetime(1, 1, 1, tzinfo=KYIV))  # fmt: skip
    portfolio.projector.catch_up()
    return ids["grant"], portfolio.quarantined()[0]["position"]


def test_the_record_and_its_register_row_say_they_are_stale(signed_in, stale):
    grant, position = stale
    client = signed_in("board")
    detail = client.get(f"/grants/{grant}").get_data(as_text=True)
    assert "може бути застарілою" in detail and f"№{position}" in detail
    assert "застаріле" in client.get("/grants/").get_data(as_text=True)


def test_the_integrity_page_names_the_event_and_what_failed(signed_in, stale):
    _, position = stale
    html = signed_in("auditor").get("/audit/chain").get_data(as_text=True)
    assert "Відкладені події" in html and "OverflowError" in html and f">{position}<" in html
    assert "Звільнити" not in html  # releasing is an admin's


def test_an_admin_releases_the_event_with_a_reason_and_the_record_is_no_longer_stale(app, signed_in, stale):
    _, position = stale
    client = signed_in("admin")
    token = csrf_token(client.get("/audit/chain").get_data(as_text=True))
    refused = client.post(f"/audit/quarantine/{position}/release", data={"csrf_token": token, "reason": " "})
    assert refused.status_code == 422 and 'class="field-error"' in refused.get_data(as_text=True)
    released = client.post(
        f"/audit/quarantine/{position}/release", data={"csrf_token": token, "reason": "Deadline re-entered"}
    )
    assert released.status_code == 302
    assert "застаріле" not in client.get("/grants/").get_data(as_text=True)
    assert "Deadline re-entered" in client.get("/audit/chain").get_data(as_text=True)
    again = client.post(f"/audit/quarantine/{position}/release", data={"csrf_token": token, "reason": "again"})
    assert again.status_code == 422
    [entry] = app.extensions["portfolio"].quarantined()
    assert entry["released_by"] == "admin"


def test_the_operators_commands_show_and_release_the_event(app, stale):
    _, position = stale
    runner = app.test_cli_runner()
    status = runner.invoke(args=["projections", "status"])
    assert status.exit_code == 0 and "1 waiting for a repair" in status.output and "DeadlineSet" in status.output
    rebuilt = runner.invoke(args=["projections", "rebuild"])
    assert rebuilt.exit_code == 0, rebuilt.output
    released = runner.invoke(args=["projections", "release", str(position), "--reason", "fixed", "--as", "admin"])
    assert released.exit_code == 0, released.output
    assert "0 waiting" in runner.invoke(args=["projections", "status"]).output
    assert app.extensions["portfolio"].stale_records() == frozenset()
