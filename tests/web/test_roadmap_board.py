"""The roadmap board: directions × quarters, slips visible, status recorded in place."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from domain.context import recording
from portfolio.roadmap_board import DEFAULT_SPAN
from tests.web.conftest import csrf_token


def test_the_board_places_an_initiative_in_its_quarter_and_shows_where_it_was_first_planned(signed_in, ids):
    html = signed_in("auditor").get("/roadmap/board").get_data(as_text=True)
    assert "2023-Q1" in html and "2023-Q2" in html and "Growth" in html
    assert f'id="card-{ids["initiative"]}"' in html
    assert "<s>Basic maturity</s> → 2 кв. 2023" in html  # the trace of the original quarter, as Ukrainian names it
    assert '<th data-quarter="2023-Q1">1 кв. 2023</th>' in html
    assert "зсув на 91 дн." in html and "/act/" not in html


def test_a_choice_of_quarters_narrows_the_board_and_says_how_many_initiatives_fall_outside(signed_in, ids):
    client = signed_in("auditor")
    html = client.get("/roadmap/board?from=2023-Q2&to=2023-Q2").get_data(as_text=True)
    assert 'data-quarter="2023-Q2"' in html and 'data-quarter="2023-Q1"' not in html
    assert f'id="card-{ids["initiative"]}"' in html  # its target is in Q2; its trace in Q1 is out of sight
    assert "<s>Basic maturity</s>" not in html
    html = client.get("/roadmap/board?from=2023-Q1&to=2023-Q1").get_data(as_text=True)
    assert f'id="card-{ids["initiative"]}"' not in html and "<s>Basic maturity</s>" in html
    assert "поза показаними кварталами" in html  # counted, not hidden silently
    reversed_ = client.get("/roadmap/board?from=2023-Q2&to=2023-Q1").get_data(as_text=True)
    assert 'data-quarter="2023-Q1"' in reversed_ and 'data-quarter="2023-Q2"' in reversed_
    unknown = client.get("/roadmap/board?from=1999-Q9&to=bogus").get_data(as_text=True)  # not applied
    assert 'data-quarter="2023-Q1"' in unknown and 'data-quarter="2023-Q2"' in unknown


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


@pytest.fixture
def long_roadmap(app):
    """A roadmap of nine quarters, 2024-Q1 to 2026-Q1: the first two quarters' initiatives done, the
    earliest open one due in 2024-Q3."""
    portfolio = app.extensions["portfolio"]
    ids = {}
    with recording("olena"):
        for quarter_end in ("2024-03-31", "2024-06-30", "2024-09-30", "2025-06-30", "2026-03-31"):
            ids[quarter_end] = portfolio.propose_initiative(
                "Long", "Growth", f"Due {quarter_end}", "Olena", date.fromisoformat(quarter_end)
            )
        for done in ("2024-03-31", "2024-06-30"):
            portfolio.plan_initiative(ids[done])
            portfolio.start_initiative(ids[done])
            portfolio.finish_initiative(ids[done])
    return ids


def shown_quarters(html: str) -> list[str]:
    return re.findall(r'<th data-quarter="(\d{4}-Q\d)">', html)


def test_by_default_the_board_shows_the_quarters_a_laptop_holds_from_the_earliest_open_initiative(
    app, signed_in, long_roadmap
):
    client = signed_in("auditor")
    html = client.get("/roadmap/board?roadmap=Long").get_data(as_text=True)
    assert DEFAULT_SPAN == 6
    assert shown_quarters(html) == ["2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
    assert '<option value="2024-Q3" selected>' in html and '<option value="2025-Q4" selected>' in html
    assert "3 ініціативи поза показаними кварталами" in html  # the two done before, the one due after
    everything = client.get("/roadmap/board?roadmap=Long&from=2024-Q1&to=2026-Q1").get_data(as_text=True)
    assert len(shown_quarters(everything)) == 9  # a range chosen is shown whole, scrolling sideways


def test_the_default_quarters_end_with_the_roadmap_and_follow_today_when_nothing_is_open(app, long_roadmap):
    portfolio = app.extensions["portfolio"]
    with recording("olena"):
        for quarter_end in ("2024-09-30", "2025-06-30", "2026-03-31"):
            portfolio.drop_initiative(long_roadmap[quarter_end], "not needed")
    board = portfolio.roadmap_board("Long", today=date(2024, 5, 10))
    assert board["quarters"] == ["2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3"]
    board = portfolio.roadmap_board("Long", today=date(2030, 1, 1))  # long after: the last six quarters
    assert board["outside"] == 3 and board["first"] == "2024-Q4"
    assert board["quarters"][-1] == "2026-Q1" and len(board["quarters"]) == DEFAULT_SPAN
    assert portfolio.roadmap_board("Long", today=date(2020, 1, 1))["quarters"][0] == "2024-Q1"
    assert len(portfolio.roadmap_board("Long", "2024-Q1", "2026-Q1")["quarters"]) == 9


def test_a_board_member_returns_to_the_quarters_they_were_looking_at(signed_in, long_roadmap):
    html = signed_in("board").get("/roadmap/board?roadmap=Long").get_data(as_text=True)
    assert "return_to=/roadmap/board?roadmap%3DLong%26from%3D2024-Q3%26to%3D2025-Q4" in html
