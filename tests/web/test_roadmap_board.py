"""The roadmap board: directions × quarters, slips visible, status recorded in place."""

from __future__ import annotations

import json

import pytest

from tests.portfolio.scenario import build
from tests.web.conftest import csrf_token


@pytest.fixture
def ids(app):
    return build(app.extensions["portfolio"])


def test_the_board_places_an_initiative_in_its_quarter_and_shows_where_it_was_first_planned(signed_in, ids):
    html = signed_in("auditor").get("/roadmap/board").get_data(as_text=True)
    assert "2023-Q1" in html and "2023-Q2" in html and "Growth" in html
    assert f'id="card-{ids["initiative"]}"' in html
    assert "<s>Basic maturity</s> → 2023-Q2" in html  # the trace of the original quarter
    assert "зсув на 91 дн." in html and "/act/" not in html


def test_a_choice_of_quarters_narrows_the_board_and_says_how_many_initiatives_fall_outside(signed_in, ids):
    client = signed_in("auditor")
    html = client.get("/roadmap/board?from=2023-Q2&to=2023-Q2").get_data(as_text=True)
    assert "<th>2023-Q2</th>" in html and "<th>2023-Q1</th>" not in html
    assert f'id="card-{ids["initiative"]}"' in html  # its target is in Q2; its trace in Q1 is out of sight
    assert "<s>Basic maturity</s>" not in html
    html = client.get("/roadmap/board?from=2023-Q1&to=2023-Q1").get_data(as_text=True)
    assert f'id="card-{ids["initiative"]}"' not in html and "<s>Basic maturity</s>" in html
    assert "поза показаними кварталами" in html  # counted, not hidden silently
    reversed_ = client.get("/roadmap/board?from=2023-Q2&to=2023-Q1").get_data(as_text=True)
    assert "<th>2023-Q1</th>" in reversed_ and "<th>2023-Q2</th>" in reversed_
    unknown = client.get("/roadmap/board?from=1999-Q9&to=bogus").get_data(as_text=True)  # not applied
    assert "<th>2023-Q1</th>" in unknown and "<th>2023-Q2</th>" in unknown


def test_a_board_member_records_a_decision_from_the_board_and_returns_to_it(app, signed_in, ids):
    client = signed_in("board")
    html = client.get("/roadmap/board?roadmap=UCA Roadmap 2022-23").get_data(as_text=True)
    assert "/act/decide?return_to=" in html
    version = app.extensions["portfolio"].initiative_detail(ids["initiative"])["version"]
    response = client.post(
        f"/roadmap/{ids['initiative']}/act/decide",
        headers={"HX-Request": "true"},
        data={
            "csrf_token": csrf_token(html),
            "version": str(version),
            "text": "Keep Q2",
            "decided_on": "2023-01-10",
            "return_to": "/roadmap/board?roadmap=UCA+Roadmap+2022-23",
        },
    )
    back = json.loads(response.headers["HX-Trigger"])["returnToCard"]
    assert response.status_code == 204 and back["url"].startswith("/roadmap/board") and back["card"].startswith("card-")
    assert app.extensions["portfolio"].initiative_detail(ids["initiative"])["decisions"][0]["text"] == "Keep Q2"


def test_an_unknown_roadmap_shows_an_empty_board(signed_in, ids):
    response = signed_in("board").get(
        "/roadmap/board?roadmap=nothing", headers={"HX-Request": "true", "HX-Target": "roadmap-board"}
    )
    assert response.get_data(as_text=True).startswith('<div id="roadmap-board"')
