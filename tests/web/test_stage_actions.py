"""Every stage action of projects, memoranda and initiatives, through the web, with its rules."""

from __future__ import annotations

import pytest

from tests.web.conftest import act


def current(app, method, record_id):
    return getattr(app.extensions["portfolio"], method)(record_id)


@pytest.mark.parametrize(
    ("steps", "final"),
    [
        ([("start", {}), ("hold", {"reason": "funding gap"}), ("resume", {}), ("complete", {})], "completed"),
        ([("cancel", {"reason": "partner left"})], "cancelled"),
        ([("correct-stage", {"stage": "concept", "reason": "approved by mistake"})], "concept"),
    ],
)
def test_project_stage_actions(app, signed_in, ids, steps, final):
    client, path = signed_in("fundraiser"), f"/projects/{ids['project']}"
    for action, data in steps:
        response = act(app, client, path, action, data)
        assert response.status_code == 200, response.get_data(as_text=True)
    assert current(app, "project_detail", ids["project"])["stage"].value == final


def test_memorandum_stage_actions(app, signed_in, ids):
    client, path = signed_in("admin"), f"/memoranda/{ids['memo']}"
    for action, data in [
        ("activate", {}),
        ("extend", {"valid_until": "2027-12-31", "reason": "renewed"}),
        ("terminate", {"reason": "the council withdrew"}),
    ]:
        assert act(app, client, path, action, data).status_code == 200
    memorandum = current(app, "memorandum_detail", ids["memo"])
    assert memorandum["stage"].value == "terminated" and str(memorandum["valid_until"]) == "2027-12-31"


def test_a_board_member_records_status_health_and_decisions_on_an_initiative(app, signed_in, ids):
    client, path = signed_in("board"), f"/roadmap/{ids['initiative']}"
    steps = [
        ("start", {}),
        ("progress", {"percent": "60"}),
        ("health", {"health": "off_track", "comment": "no funding yet"}),
        ("decide", {"text": "Seek EU4Business co-financing", "decided_on": "2023-01-10"}),
        ("finish", {}),
    ]
    for action, data in steps:
        response = act(app, client, path, action, data)
        assert response.status_code == 200, (action, response.get_data(as_text=True))
    initiative = current(app, "initiative_detail", ids["initiative"])
    assert initiative["status"].value == "done" and initiative["health"].value == "off_track"
    assert initiative["decisions"][0]["text"] == "Seek EU4Business co-financing"


@pytest.mark.parametrize(
    ("data", "status"),
    [({"to_date": "2020-01-01", "reason": "x"}, 422), ({"to_date": "2024-01-01"}, 422), ({"percent": "1"}, 422)],
)
def test_a_postponement_must_move_later_and_say_why(app, signed_in, ids, data, status):
    response = act(app, signed_in("board"), f"/roadmap/{ids['initiative']}", "postpone", data)
    assert response.status_code == status


def test_the_board_cannot_change_projects_and_the_auditor_changes_nothing(signed_in, ids):
    assert signed_in("board").get(f"/projects/{ids['project']}/act/start").status_code == 403
    assert signed_in("auditor").get(f"/roadmap/{ids['initiative']}/act/plan").status_code == 403


def test_a_resumed_project_shows_the_stage_it_was_in_before_the_hold(app, signed_in, ids):
    client, path = signed_in("fundraiser"), f"/projects/{ids['project']}"
    for action, data in [("hold", {"reason": "waiting for funding"}), ("resume", {})]:
        assert act(app, client, path, action, data).status_code == 200
    row = next(p for p in app.extensions["portfolio"].queries.projects() if p["id"] == str(ids["project"]))
    assert row["stage"] == "approved"
