"""Recording sub-records from the detail pages: KPIs, measurements, milestones, tranches, commitments."""

from __future__ import annotations

from tests.web.conftest import act


def test_a_kpi_is_added_measured_and_re_planned_from_the_project_page(app, signed_in, ids):
    client, path, pid = signed_in("fundraiser"), f"/projects/{ids['project']}", ids["project"]
    form = client.get(f"{path}/act/measure", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "Permanent members" in form  # the KPIs of this project are offered
    steps = [
        ("add-kpi", {"name": "Executive team", "unit": "people", "level": "output", "baseline": "0", "target": "2"}),
        ("measure", {"kpi_id": str(ids["kpi"]), "value": "21", "measured_on": "2022-01-15", "source": "register"}),
        ("add-milestone", {"title": "Marketplace launch", "due_on": "2020-12-01"}),
        ("unplanned", {"description": "Joined EIT Manufacturing", "recorded_on": "2021-06-01"}),
        ("checklist", {"real_business_pain": "true", "joint_action": "true", "measurable": "true"}),
    ]
    for action, data in steps:
        response = act(app, client, path, action, data)
        assert response.status_code == 200, (action, response.get_data(as_text=True))
    project = app.extensions["portfolio"].project_detail(pid)
    assert [k["name"] for k in project["kpis"]] == ["Permanent members", "Executive team"]
    assert str(project["kpis"][0]["actual"]) == "21"
    assert project["checklist"]["joint_action"] is True and project["checklist"]["builds_trust"] is False
    assert project["unplanned_results"][0]["description"] == "Joined EIT Manufacturing"


def test_tranches_and_reports_are_recorded_on_an_awarded_grant(app, signed_in, ids):
    client, path, gid = signed_in("fundraiser"), f"/grants/{ids['grant']}", ids["grant"]
    tranche = {"amount": "3000000", "amount_currency": "UAH", "expected_on": "2022-09-01"}
    assert act(app, client, path, "plan-tranche", tranche).status_code == 200
    grant = app.extensions["portfolio"].grant_detail(gid)
    pending = next(d for d in grant["disbursements"] if d["received_on"] is None)
    received = {"disbursement_id": str(pending["id"]), "received_on": "2022-09-05"}
    assert act(app, client, path, "receive-tranche", received).status_code == 200
    duty = app.extensions["portfolio"].grant_detail(gid)["reporting_duties"][0]
    report = {"duty_id": str(duty["id"]), "submitted_on": "2022-08-30"}
    assert act(app, client, path, "submit-report", report).status_code == 200
    grant = app.extensions["portfolio"].grant_detail(gid)
    assert str(grant["received"].amount) == "4500000"
    assert grant["reporting_duties"][0]["submitted_on"].isoformat() == "2022-08-30"


def test_a_tranche_in_another_currency_is_refused_with_the_rule(app, signed_in, ids):
    tranche = {"amount": "10", "amount_currency": "EUR", "expected_on": "2022-09-01"}
    response = act(app, signed_in("fundraiser"), f"/grants/{ids['grant']}", "plan-tranche", tranche)
    assert response.status_code == 422 and "UAH" in response.get_data(as_text=True)


def test_a_commitment_gives_a_paper_memorandum_substance(app, signed_in, ids):
    client, path, mid = signed_in("admin"), f"/memoranda/{ids['paper']}", ids["paper"]
    assert app.extensions["portfolio"].memorandum_detail(mid)["lacks_substance"]
    commitment = {"party_id": str(ids["funder"]), "description": "Host a partner day", "owner": "Olena"}
    response = act(app, client, path, "commit", commitment)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert not app.extensions["portfolio"].memorandum_detail(mid)["lacks_substance"]


def test_linking_a_memorandum_to_a_project_shows_on_both_pages(app, signed_in, ids):
    client = signed_in("fundraiser")
    response = act(app, client, f"/memoranda/{ids['paper']}", "link-project", {"project_id": str(ids["project"])})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert "ClusteRISE" in client.get(f"/memoranda/{ids['paper']}").get_data(as_text=True)
    assert "Network membership" in client.get(f"/projects/{ids['project']}").get_data(as_text=True)


def test_a_board_member_comments_on_an_initiative(app, signed_in, ids):
    comment = {"text": "Discussed in the January session"}
    response = act(app, signed_in("board"), f"/roadmap/{ids['initiative']}", "comment", comment)
    assert response.status_code == 200
    assert "Discussed in the January session" in response.get_data(as_text=True)


def test_a_kpi_value_in_words_is_asked_for_as_a_number_not_an_amount(app, signed_in, ids):
    measurement = {"kpi_id": str(ids["kpi"]), "value": "багато", "measured_on": "2022-01-15", "source": "register"}
    response = act(app, signed_in("fundraiser"), f"/projects/{ids['project']}", "measure", measurement)
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and "Введіть число цифрами" in html and "суму" not in html


def test_an_action_with_nothing_left_to_choose_is_not_offered(app, signed_in, ids):
    client, path, gid = signed_in("fundraiser"), f"/grants/{ids['grant']}", ids["grant"]
    tranche = {"amount": "3000000", "amount_currency": "UAH", "expected_on": "2022-09-01"}
    assert act(app, client, path, "plan-tranche", tranche).status_code == 200
    assert "/act/receive-tranche" in client.get(path).get_data(as_text=True)
    for pending in [d for d in app.extensions["portfolio"].grant_detail(gid)["disbursements"] if not d["received_on"]]:
        received = {"disbursement_id": str(pending["id"]), "received_on": "2022-09-05"}
        assert act(app, client, path, "receive-tranche", received).status_code == 200
    page = client.get(path).get_data(as_text=True)
    assert "/act/receive-tranche" not in page and "/act/correct-tranche" in page  # every tranche received


def test_the_commitment_form_offers_the_memorandums_parties_by_name(app, signed_in, ids):
    client = signed_in("admin")
    form = client.get(f"/memoranda/{ids['paper']}/act/commit", headers={"HX-Request": "true"})
    assert form.status_code == 200
    assert f'<option value="{ids["funder"]}"' in form.get_data(as_text=True)
