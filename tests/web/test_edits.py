"""Editing a record's descriptive fields: the form starts from the record; a stale edit is a 409."""

from __future__ import annotations

import pytest

from tests.portfolio.scenario import build
from tests.web.conftest import csrf_token


@pytest.fixture
def ids(app):
    return build(app.extensions["portfolio"])


def test_an_edit_form_starts_from_the_current_values(signed_in, ids):
    html = signed_in("fundraiser").get(f"/grants/{ids['grant']}/act/edit", headers={"HX-Request": "true"})
    assert 'name="title" value="USAID beds"' in html.get_data(as_text=True)


def test_an_edit_swaps_the_detail_and_keeps_the_history(app, signed_in, ids):
    client = signed_in("fundraiser")
    token = csrf_token(client.get(f"/projects/{ids['project']}").get_data(as_text=True))
    version = app.extensions["portfolio"].project_detail(ids["project"])["version"]
    response = client.post(
        f"/projects/{ids['project']}/act/edit",
        headers={"HX-Request": "true"},
        data={
            "csrf_token": token,
            "version": str(version),
            "title": "ClusteRISE 2.0",
            "summary": "Second phase",
            "reason": "renamed by the board",
        },
    )
    assert response.status_code == 200 and "ClusteRISE 2.0" in response.get_data(as_text=True)
    last = list(app.extensions["portfolio"].events.get(ids["project"]))[-1]
    assert (type(last).__name__, last.title, last.reason, last.actor) == (
        "Described",
        "ClusteRISE 2.0",
        "renamed by the board",
        "fundraiser",
    )


def test_two_people_editing_the_same_record_the_second_gets_409_and_the_newer_values(app, signed_in, ids):
    first, second = signed_in("fundraiser"), signed_in("admin")
    version = app.extensions["portfolio"].initiative_detail(ids["initiative"])["version"]
    for client, title, expected in ((first, "Basic maturity level", 200), (second, "Maturity: basic", 409)):
        token = csrf_token(client.get(f"/roadmap/{ids['initiative']}").get_data(as_text=True))
        response = client.post(
            f"/roadmap/{ids['initiative']}/act/edit",
            headers={"HX-Request": "true"},
            data={"csrf_token": token, "version": str(version), "title": title, "direction": "Growth"},
        )
        assert response.status_code == expected
    assert "Basic maturity level" in response.get_data(as_text=True)  # the second person sees the first's change
    assert app.extensions["portfolio"].initiative_detail(ids["initiative"])["title"] == "Basic maturity level"
