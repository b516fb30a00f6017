"""Stage actions on a grant application: forms, validation, rules, conflicts, htmx and plain posts."""

from __future__ import annotations

from uuid import UUID

import pytest

from domain.money import Money
from tests.web.conftest import csrf_token


def post(client, url, data, htmx=True):
    token = csrf_token(client.get(url.rsplit("/act/", 1)[0]).get_data(as_text=True))
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(url, data={"csrf_token": token, **data}, headers=headers)


def test_the_detail_page_offers_the_actions_of_the_current_stage(signed_in, grant):
    html = signed_in("fundraiser").get(f"/grants/{grant}").get_data(as_text=True)
    assert "Подати" in html or "Submit" in html
    assert "/act/award" in html and "/act/contract" not in html


def test_an_action_done_on_its_own_page_goes_back_to_the_record(app, signed_in, grant):
    """The action's link opened in a tab of its own: its page has no record to swap, so the answer leads back."""
    client = signed_in("fundraiser")
    url = f"/grants/{grant}/act/submit"
    token = csrf_token(client.get(url).get_data(as_text=True))
    response = client.post(url, data={"csrf_token": token, "submitted_on": "2023-02-01", "version": "1"},
                           headers={"HX-Request": "true", "HX-Current-URL": f"http://localhost{url}"})  # fmt: skip
    assert response.status_code == 204 and response.headers["HX-Redirect"] == f"/grants/{grant}"
    assert app.extensions["portfolio"].grant_detail(UUID(str(grant)))["stage"].value == "submitted"


def test_readers_see_no_action_buttons_and_cannot_act(signed_in, grant):
    client = signed_in("board")
    assert "/act/" not in client.get(f"/grants/{grant}").get_data(as_text=True)
    assert client.get(f"/grants/{grant}/act/submit").status_code == 403


def test_an_action_form_asks_for_what_its_step_needs(signed_in, grant):
    html = (
        signed_in("fundraiser").get(f"/grants/{grant}/act/award", headers={"HX-Request": "true"}).get_data(as_text=True)
    )
    assert html.startswith('<form id="action-form"') and 'name="amount"' in html and 'name="decided_on"' in html


def test_submitting_and_awarding_through_htmx_swaps_the_detail(app, signed_in, grant):
    client = signed_in("fundraiser")
    response = post(client, f"/grants/{grant}/act/submit", {"submitted_on": "2023-02-01", "version": "1"})
    assert response.status_code == 200 and response.headers["HX-Retarget"] == "#grant-detail"
    response = post(
        client,
        f"/grants/{grant}/act/award",
        {"amount": "43000", "amount_currency": "EUR", "decided_on": "2023-03-01", "version": "2"},
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    record = app.extensions["portfolio"].grant_detail(UUID(str(grant)))
    assert record["stage"].value == "awarded" and record["awarded"] == Money.of("43000", "EUR")
    assert [e.actor for e in app.extensions["portfolio"].events.get(grant)][-1] == "fundraiser"


def test_without_javascript_an_action_redirects_back_to_the_record(signed_in, grant):
    response = post(signed_in("fundraiser"), f"/grants/{grant}/act/start-drafting", {"version": "1"}, htmx=False)
    assert response.status_code == 302 and response.location == f"/grants/{grant}"


@pytest.mark.parametrize(
    ("action", "data", "field", "message"),
    [
        ("award", {"decided_on": "2023-03-01"}, "amount", "обов"),
        ("award", {"amount": "-5", "decided_on": "2023-03-01"}, "amount", "від"),
        ("award", {"amount": "lots", "decided_on": "2023-03-01"}, "amount", "суму цифрами"),
        ("award", {"amount": "5", "amount_currency": "euro", "decided_on": "2023-03-01"}, "amount_currency", "ISO"),
        ("award", {"amount": "5", "amount_currency": "XYZ", "decided_on": "2023-03-01"}, "amount_currency", "ISO"),
        ("reject", {"decided_on": "2023-03-01"}, "reason", "обов"),
        ("submit", {"submitted_on": "yesterday"}, "submitted_on", "дату"),
        ("correct-stage", {"stage": "heaven", "reason": "x"}, "stage", "Оберіть"),
    ],
)
def test_bad_input_is_shown_next_to_the_field_and_nothing_is_recorded(
    app, signed_in, grant, action, data, field, message
):
    before = app.extensions["portfolio"].recorder.max_notification_id()
    response = post(signed_in("fundraiser"), f"/grants/{grant}/act/{action}", {"version": "1", **data})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'class="field-error"' in html and message.lower() in html.lower(), html
    for name, value in data.items():
        if name != "stage":  # a drop-down cannot show a value it does not offer
            assert f'value="{value}"' in html or f">{value}<" in html  # what the person typed is kept
    assert app.extensions["portfolio"].recorder.max_notification_id() == before


def test_a_broken_rule_is_explained_in_the_form(app, signed_in, grant):
    client = signed_in("fundraiser")
    post(client, f"/grants/{grant}/act/withdraw", {"reason": "no partner", "version": "1"})
    response = post(client, f"/grants/{grant}/act/award", {"amount": "1", "decided_on": "2023-03-01", "version": "2"})
    assert response.status_code == 422
    assert "Заявці на стадії «відкликано» не можна надати грант." in response.get_data(as_text=True)


def test_a_stale_version_gets_409_with_the_newer_state_and_nothing_is_lost(app, signed_in, grant):
    client = signed_in("fundraiser")
    assert post(client, f"/grants/{grant}/act/start-drafting", {"version": "1"}).status_code == 200
    response = post(client, f"/grants/{grant}/act/submit", {"submitted_on": "2023-02-01", "version": "1"})
    html = response.get_data(as_text=True)
    assert response.status_code == 409 and response.headers["HX-Retarget"] == "#grant-detail"
    assert "fundraiser" in html and "підготовка" in html  # who changed it, and the newer stage
    assert app.extensions["portfolio"].grant_detail(grant)["stage"].value == "drafting"


def test_an_unknown_action_is_404(signed_in, grant):
    assert signed_in("fundraiser").get(f"/grants/{grant}/act/teleport").status_code == 404


def test_a_rule_refusal_is_said_in_the_persons_language(signed_in, grant):
    """The domain's messages are translated too (issue 18): closing a grant never awarded."""
    response = post(signed_in("fundraiser"), f"/grants/{grant}/act/close", {"version": "1"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and "Закрити можна лише наданий грант." in html
    assert "Only an awarded grant can be closed." not in html
