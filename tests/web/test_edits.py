"""Editing a record's descriptive fields: the form starts from the record; a stale edit is a 409."""

from __future__ import annotations

import pytest

from domain.context import recording
from domain.money import Money
from tests.web.conftest import act, csrf_token


def prospected(portfolio, ids, title: str, requested: Money):
    """A grant application Olena has just prospected for the scenario's cluster, to the scenario's funder."""
    with recording("olena"):
        return portfolio.prospect_application(title, ids["funder"], ids["cluster"], "Olena", requested)


def test_an_edit_form_starts_from_the_current_values(signed_in, ids):
    html = signed_in("fundraiser").get(f"/grants/{ids['grant']}/act/edit", headers={"HX-Request": "true"})
    assert 'name="title" value="USAID beds"' in html.get_data(as_text=True)


def test_an_edit_swaps_the_detail_and_keeps_the_history(app, signed_in, ids):
    edit = {"title": "ClusteRISE 2.0", "summary": "Second phase", "reason": "renamed by the board"}
    response = act(app, signed_in("fundraiser"), f"/projects/{ids['project']}", "edit", edit)
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
    html = response.get_data(as_text=True)
    assert "Basic maturity level" in html  # the second person sees the first's change
    # and their own form again, with what they typed, at the newer version: nothing of theirs is lost
    assert 'id="action-form"' in html and 'value="Maturity: basic"' in html and f'value="{version + 1}"' in html
    assert app.extensions["portfolio"].initiative_detail(ids["initiative"])["title"] == "Basic maturity level"


def test_a_project_is_reclassified_planned_and_loses_a_partner(app, signed_in, ids):
    client, path, pid = signed_in("fundraiser"), f"/projects/{ids['project']}", ids["project"]
    form = client.get(f"{path}/act/plan", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert 'name="budget" value="1\u00a0250\u00a0000,50"' in form and 'name="estimated" value="true" checked' in form
    steps = [
        ("classify", {"priority": "wow", "category": "value_chains", "regions": "Kharkiv, Sumy", "tags": "EU"}),
        ("plan", {"budget": "900000", "budget_currency": "EUR", "start": "2020-09-01", "end": "2021-12-31"}),
        ("add-partner", {"org_id": str(ids["city"]), "role": "co-host"}),
        ("remove-partner", {"org_id": str(ids["city"]), "reason": "left the consortium"}),
    ]
    for action, data in steps:
        response = act(app, client, path, action, data)
        assert response.status_code == 200, (action, response.get_data(as_text=True))
    project = app.extensions["portfolio"].project_detail(pid)
    assert project["priority"].value == "wow" and project["regions"] == ["Kharkiv", "Sumy"]
    assert str(project["budget"].amount) == "900000" and project["budget_estimated"] is False
    assert project["partners"] == []


def test_a_grant_request_deadline_and_probability_are_changed_before_the_decision(app, signed_in, ids):
    portfolio, client = app.extensions["portfolio"], signed_in("fundraiser")
    gid = prospected(portfolio, ids, "EIC", Money.of("100", "EUR"))
    path = f"/grants/{gid}"
    for action, data in [
        ("request", {"requested": "2000000", "requested_currency": "EUR", "co_financing": "50000"}),
        ("deadline", {"deadline": "2022-10-27T17:00"}),
        ("probability", {"percent": "30"}),
    ]:
        response = act(app, client, path, action, data)
        assert response.status_code == 200, (action, response.get_data(as_text=True))
    grant = portfolio.grant_detail(gid)
    assert str(grant["requested"].amount) == "2000000" and str(grant["co_financing"].amount) == "50000"
    assert grant["deadline"].isoformat() == "2022-10-27T17:00:00+03:00" and grant["win_probability"] == 30


def test_a_project_is_unlinked_from_a_memorandum_with_a_reason(app, signed_in, ids):
    client, path = signed_in("fundraiser"), f"/memoranda/{ids['memo']}"
    response = act(
        app, client, path, "unlink-project", {"project_id": str(ids["project"]), "reason": "linked by mistake"}
    )
    assert response.status_code == 200
    assert app.extensions["portfolio"].memorandum_detail(ids["memo"])["links"] == []


def test_an_organization_is_renamed_reclassified_relocated_and_archived(app, signed_in, ids):
    client, path, oid = signed_in("fundraiser"), f"/organizations/{ids['city']}", ids["city"]
    form = client.get(f"{path}/act/reclassify", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert '<option value="local" selected>' in form
    for action, data in [
        ("rename", {"name_uk": "Харківська міська рада", "name_latin": "Kharkiv City Council"}),
        ("reclassify", {"kind": "authority", "level": "regional"}),
        ("relocate", {"region": "Kharkiv oblast", "country": "UA"}),
        ("archive", {"reason": "merged"}),
    ]:
        response = act(app, client, path, action, data)
        assert response.status_code == 200, (action, response.get_data(as_text=True))
    organization = app.extensions["portfolio"].organization_detail(oid)
    assert organization["archived"] and organization["authority_level"].value == "regional"
    assert "/act/" not in client.get(path).get_data(as_text=True)  # an archived organization offers nothing


def test_reclassifying_an_authority_without_a_level_is_explained(app, signed_in, ids):
    response = act(app, signed_in("admin"), f"/organizations/{ids['city']}", "reclassify", {"kind": "authority"})
    assert response.status_code == 422 and "Для органу влади потрібен рівень" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("action", "data", "stage"),
    [
        (
            "contract",
            {"signed_on": "2022-06-01", "period_start": "2022-06-01", "period_end": "2022-12-31"},
            "contracted",
        ),
        ("start-implementation", {}, "in_implementation"),
        ("correct-stage", {"stage": "submitted", "reason": "award was entered too early"}, "submitted"),
    ],
)
def test_the_remaining_grant_stage_actions(app, signed_in, ids, action, data, stage):
    response = act(app, signed_in("fundraiser"), f"/grants/{ids['grant']}", action, data)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert app.extensions["portfolio"].grant_detail(ids["grant"])["stage"].value == stage


def test_review_and_close_through_the_web(app, signed_in, ids):
    portfolio, client = app.extensions["portfolio"], signed_in("fundraiser")
    gid = prospected(portfolio, ids, "Small", Money.of("9", "EUR"))
    path = f"/grants/{gid}"
    for action, data in [
        ("submit", {"submitted_on": "2023-01-01"}),
        ("review", {}),
        ("award", {"amount": "9", "decided_on": "2023-02-01"}),
        ("close", {}),
    ]:
        assert act(app, client, path, action, data).status_code == 200, action
    assert portfolio.grant_detail(gid)["stage"].value == "closed"


@pytest.mark.parametrize("address", ["javascript:alert(document.cookie)", "JaVaScRiPt:alert(1)", "data:text/html,x"])
def test_the_edit_form_refuses_a_call_address_that_is_not_a_web_address(app, signed_in, ids, address):
    client = signed_in("fundraiser")
    token = csrf_token(client.get(f"/grants/{ids['grant']}").get_data(as_text=True))
    before = app.extensions["portfolio"].grant_detail(ids["grant"])["version"]
    response = client.post(
        f"/grants/{ids['grant']}/act/edit",
        headers={"HX-Request": "true"},
        data={"csrf_token": token, "title": "USAID beds", "call_url": address},
    )
    assert response.status_code == 422 and "https://" in response.get_data(as_text=True)
    assert app.extensions["portfolio"].grant_detail(ids["grant"])["version"] == before
