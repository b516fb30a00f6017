"""Audit pages: record history, the global log and its CSV, and every page as of a past moment."""

from __future__ import annotations

import csv
import html
import io
import re
from datetime import UTC, date, datetime
from decimal import Decimal
from uuid import UUID

import pytest

from domain.context import clock_set_to, recording
from domain.enums import ReportKind, Role
from portfolio.collation import sorted_by_name
from tests.web.conftest import csrf_token


@pytest.fixture
def ids(dated_ids):
    return dated_ids


def test_every_detail_page_links_to_the_history_of_its_record(signed_in, ids):
    client = signed_in("board")
    for path, key in [("projects", "project"), ("grants", "grant"), ("memoranda", "memo"),
                      ("roadmap", "initiative"), ("organizations", "cluster")]:  # fmt: skip
        html = client.get(f"/{path}/{ids[key]}").get_data(as_text=True)
        assert f'href="/audit/records/{ids[key]}"' in html


def test_the_history_page_reads_as_sentences_with_who_and_why(signed_in, ids):
    html = signed_in("auditor").get(f"/audit/records/{ids['initiative']}").get_data(as_text=True)
    assert "board.petrenko" in html and "Board meeting 10 Jan 2023" in html
    assert "перенесено" in html  # the event, named in the person's language
    html = signed_in("auditor").get(f"/audit/records/{ids['project']}").get_data(as_text=True)
    assert "Permanent members" in html and "новий запис у «вимірювання»" in html


def test_the_audit_log_filters_by_person_and_exports_what_it_shows_as_csv(signed_in, ids):
    client = signed_in("auditor")
    html = client.get("/audit/?actor=taras").get_data(as_text=True)
    assert "A project proposed in June" in html and "Permanent members" not in html
    response = client.get("/audit/log.csv?actor=taras")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert [row["event"] for row in rows] == ["Proposed"] and rows[0]["title"] == "A project proposed in June"
    partial = client.get("/audit/?actor=olena.fundraiser", headers={"HX-Request": "true", "HX-Target": "audit-log"})
    assert partial.get_data(as_text=True).lstrip().startswith('<div id="audit-log"')


def test_a_register_as_of_a_past_date_leaves_out_later_records_and_says_so(signed_in, ids):
    client = signed_in("fundraiser")
    html = client.get("/projects/?as_of=2023-03-01").get_data(as_text=True)
    assert "ClusteRISE" in html and "A project proposed in June" not in html
    assert 'class="time-travel past"' in html and "лише перегляд" in html
    assert f'href="/projects/{ids["project"]}?as_of=2023-03-01"' in html  # links stay in the past
    assert "/projects/new" not in html  # nothing can be created in the past
    assert "A project proposed in June" in client.get("/projects/").get_data(as_text=True)


def test_a_detail_page_of_the_past_hides_the_actions_and_refuses_a_posted_change(signed_in, ids):
    client = signed_in("fundraiser")
    path = f"/grants/{ids['grant']}"
    html = client.get(f"{path}?as_of=2023-03-01").get_data(as_text=True)
    assert "/act/" not in html and "USAID beds" in html
    token = csrf_token(html)
    response = client.post(
        f"{path}/act/start-implementation?as_of=2023-03-01",
        data={"csrf_token": token, "version": "8"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 422 and "лише для читання" in response.get_data(as_text=True)


def test_a_record_that_did_not_exist_yet_is_not_found_in_the_past(signed_in, ids):
    assert signed_in("board").get(f"/projects/{ids['later']}?as_of=2023-03-01").status_code == 404


def test_the_dashboard_and_boards_accept_as_of(signed_in, ids):
    client = signed_in("board")
    for path in ("/dashboard/", "/grants/board", "/roadmap/board", "/", "/memoranda/", "/organizations/"):
        response = client.get(f"{path}?as_of=2023-03-01T10:00")
        assert response.status_code == 200 and "time-travel past" in response.get_data(as_text=True), path


@pytest.mark.parametrize("value", ["yesterday", "2023-13-01", "2023-02-30T10:00", "31.02.2023", "01.03.2023 25:00"])
def test_a_bad_as_of_gets_a_clear_message(signed_in, ids, value):
    response = signed_in("board").get(f"/projects/?as_of={value}")
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "31.03.2027 14:30" in html
    # the page itself, in the present, with what was typed kept in the picker and the message beside it
    assert 'id="projects-table"' in html and f'value="{value}"' in html and 'id="as-of-error"' in html


def test_a_change_posted_with_an_as_of_that_cannot_be_read_is_refused_not_made_in_the_present(app, signed_in, ids):
    client = signed_in("fundraiser")
    path = f"/grants/{ids['grant']}"
    version = app.extensions["portfolio"].grant_detail(ids["grant"])["version"]
    response = client.post(
        f"{path}/act/hand-over?as_of=yesterday",
        data={"csrf_token": csrf_token(client.get(path).get_data(as_text=True)), "version": str(version),
              "owner": "Someone else"},
    )  # fmt: skip
    assert response.status_code == 400
    assert app.extensions["portfolio"].grant_detail(ids["grant"])["version"] == version


@pytest.mark.parametrize(
    ("language", "typed", "shown"),
    [("uk", "01.03.2023", "01.03.2023"), ("uk", "1 бер. 2023 р. 10:00", "01.03.2023 10:00"),
     ("en", "03/01/2023 10:00", "03/01/2023 10:00"), ("en", "2023-03-01", "03/01/2023")],
)  # fmt: skip
def test_as_of_is_typed_as_the_persons_language_writes_a_date_and_links_keep_it_as_iso(
    signed_in, ids, language, typed, shown
):
    client = signed_in("board")
    token = csrf_token(client.get("/").get_data(as_text=True))
    client.post("/language", data={"language": language, "csrf_token": token})
    html = client.get("/projects/", query_string={"as_of": typed}).get_data(as_text=True)
    assert f'name="as_of" size="16" autocomplete="off" value="{shown}"' in html
    assert "as_of=2023-03-01" in html  # every link carries the same moment, whatever the language


def test_a_basis_other_than_recorded_or_real_gets_a_clear_message(signed_in, ids):
    response = signed_in("board").get("/projects/?as_of=2023-01-10&basis=bogus")
    assert response.status_code == 400 and "recorded або real" in response.get_data(as_text=True)


def test_as_it_really_was_is_offered_and_shown(signed_in, ids):
    html = signed_in("board").get("/roadmap/?as_of=2023-01-09&basis=real").get_data(as_text=True)
    assert "Basic maturity" not in html  # proposed at a board meeting whose real date is 10 January
    html = signed_in("board").get("/roadmap/?as_of=2023-01-10&basis=real").get_data(as_text=True)
    assert "Basic maturity" in html and "Як було насправді" in html


def test_an_auditor_reaches_every_audit_page_and_can_change_nothing(app, signed_in, ids):
    client = signed_in("auditor")
    pages = ["/audit/", "/audit/log.csv", f"/audit/records/{ids['grant']}", "/audit/chain", "/audit/chain?verify=1",
             f"/grants/{ids['grant']}?as_of=2023-03-01", "/dashboard/?as_of=2023-03-01"]  # fmt: skip
    for page in pages:
        assert client.get(page).status_code == 200, page
    events = app.extensions["portfolio"].recorder.max_notification_id()
    token = csrf_token(client.get("/audit/chain").get_data(as_text=True))
    assert client.post("/audit/chain/checkpoint", data={"csrf_token": token}).status_code == 403
    assert app.extensions["portfolio"].chain.checkpoints() == []
    assert app.extensions["portfolio"].recorder.max_notification_id() == events


def test_the_chain_page_verifies_the_log_and_an_admin_signs_a_checkpoint(app, signed_in, ids):
    client = signed_in("admin")
    html = client.get("/audit/chain?verify=1").get_data(as_text=True)
    _, head = app.extensions["portfolio"].chain.head()
    assert head in html and 'class="ok"' in html
    token = csrf_token(html)
    assert client.post("/audit/chain/checkpoint", data={"csrf_token": token}).status_code == 302
    html = client.get("/audit/chain").get_data(as_text=True)
    assert head[:16] in html and "admin" in html and "дійсний" in html and "Контрольну точку підписано" in html


def test_a_broken_log_is_shown_and_not_signed(app, signed_in, ids):
    from tests.portfolio.tampering import tamper

    client = signed_in("admin")
    token = csrf_token(client.get("/audit/chain").get_data(as_text=True))
    tamper(app.extensions["portfolio"], "DELETE FROM {table} WHERE {position} = 4")
    response = client.post("/audit/chain/checkpoint", data={"csrf_token": token})
    assert response.status_code == 409 and "Порушення на події №4" in response.get_data(as_text=True)
    assert app.extensions["portfolio"].chain.checkpoints() == []


def test_the_changes_between_two_dates_list_what_was_created_each_linked_to_its_history(signed_in, ids):
    html = signed_in("board").get("/audit/changes?from=2023-03-01&to=2023-07-01").get_data(as_text=True)
    assert "A project proposed in June" in html and f'href="/audit/records/{ids["later"]}"' in html
    assert "USAID beds" not in html  # nothing happened to it between the two dates
    html = signed_in("board").get("/audit/changes?from=2022-12-01&to=2023-07-01").get_data(as_text=True)
    assert "USAID beds" in html


def _act(client, path, action, data):
    html = client.get(path).get_data(as_text=True)
    version = re.search(r'name="version" value="(\d+)"', client.get(f"{path}/act/{action}").get_data(as_text=True))
    return client.post(
        f"{path}/act/{action}",
        data={"csrf_token": csrf_token(html), "version": version.group(1), **data},
        headers={"HX-Request": "true"},
    )


def test_a_mistaken_measurement_is_corrected_and_the_history_shows_both(app, signed_in, ids):
    client, path = signed_in("fundraiser"), f"/projects/{ids['project']}"
    data = {"kpi_id": str(ids["kpi"]), "measured_on": "2021-11-01", "value": "21", "reason": ""}
    refused = _act(client, path, "correct-measurement", data)
    assert refused.status_code == 422 and 'class="field-error"' in refused.get_data(as_text=True)
    done = _act(client, path, "correct-measurement", {**data, "reason": "21 members, not 20: one was missed"})
    assert done.status_code == 200 and "виправлено з 20" in done.get_data(as_text=True)
    history = client.get(f"/audit/records/{ids['project']}").get_data(as_text=True)
    assert "виміряно KPI" in history and "вимірювання KPI виправлено" in history
    assert "21 members, not 20: one was missed" in history
    kpis = app.extensions["portfolio"].read_models.query("SELECT actual FROM rm_kpis")
    assert [row["actual"] for row in kpis] == ["21"]


def test_a_mistaken_award_is_corrected_and_the_register_shows_the_corrected_amount(app, signed_in, ids):
    client, path = signed_in("fundraiser"), f"/grants/{ids['grant']}"
    data = {"amount": "4400000", "amount_currency": "UAH", "decided_on": "2022-05-20", "reason": "typo"}
    assert _act(client, path, "correct-award", data).status_code == 200
    html = client.get("/grants/").get_data(as_text=True)
    assert "4\xa0400\xa0000,00" in html
    assert "присудження виправлено" in client.get(f"/audit/records/{ids['grant']}").get_data(as_text=True)


def test_filtering_a_register_of_the_past_stays_in_the_past(signed_in, ids):
    html = signed_in("board").get("/projects/?as_of=2023-03-01").get_data(as_text=True)
    form = html.split('id="projects-filters"')[1].split("</form>")[0]
    assert '<input type="hidden" name="as_of" value="2023-03-01">' in form


def test_signing_in_is_never_judged_by_the_past(app, signed_in, ids):
    portfolio = app.extensions["portfolio"]
    with clock_set_to(datetime(2023, 1, 1, tzinfo=UTC)), recording("admin"):
        portfolio.open_account("maria", Role.FUNDRAISER, "the old password")
    with clock_set_to(datetime(2023, 6, 1, tzinfo=UTC)), recording("admin"):
        portfolio.change_password("maria", "the new password")
    client = app.test_client()
    token = csrf_token(client.get("/login").get_data(as_text=True))
    old = {"username": "maria", "password": "the old password", "csrf_token": token}
    assert client.post("/login?as_of=2023-03-01", data=old).status_code != 302


def test_a_disabled_account_stays_out_when_it_asks_for_the_past(app, signed_in, ids):
    client = signed_in("fundraiser")
    with recording("admin"):
        app.extensions["portfolio"].disable_account("fundraiser", "left the team")
    response = client.get("/projects/?as_of=2023-03-01")
    assert response.status_code == 302 and "/login" in response.location


@pytest.mark.parametrize("url", ["/projects/?as_of=9999-12-31", "/audit/changes?from=0001-01-01T00:00",
                                 "/audit/?since=0001-01-01"])  # fmt: skip
def test_dates_beyond_the_calendar_get_a_clear_message(signed_in, ids, url):
    response = signed_in("board").get(url)
    assert response.status_code == 400 and "1900" in response.get_data(as_text=True)


@pytest.mark.parametrize("url", ["/audit/?endpoint=x", "/projects/?endpoint=x&_external=1",
                                 "/audit/?page=99999999999999999999"])  # fmt: skip
def test_odd_query_arguments_do_not_break_a_page(signed_in, ids, url):
    assert signed_in("board").get(url).status_code == 200


def test_the_csv_never_hands_a_spreadsheet_a_formula(app, signed_in, ids):
    with recording("olena"):
        app.extensions["portfolio"].describe_project(ids["project"], '=HYPERLINK("http://example.org")', "")
    text = signed_in("auditor").get("/audit/log.csv?event=Described").get_data(as_text=True)
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert row["title"].startswith("'=HYPERLINK")


def test_the_audit_log_of_the_past_leaves_out_what_was_recorded_later(signed_in, ids):
    html = signed_in("auditor").get("/audit/?as_of=2023-03-01").get_data(as_text=True)
    assert "A project proposed in June" not in html and "ClusteRISE" in html


@pytest.mark.parametrize("role", ["fundraiser", "board"])
def test_who_holds_which_role_and_token_is_not_listed_to_other_roles(app, signed_in, ids, role):
    client = signed_in(role)
    assert 'value="Account"' not in client.get("/audit/").get_data(as_text=True)  # not offered as a filter
    assert "/audit/records/" not in client.get("/audit/?record_type=Account").get_data(as_text=True)
    assert len(client.get("/audit/log.csv?record_type=Account").get_data(as_text=True).splitlines()) == 1
    with recording("admin"):
        token = app.extensions["portfolio"].issue_token(role, "mine", "api")
    api = app.test_client().get("/api/v1/events?record_type=Account", headers={"Authorization": f"Bearer {token}"})
    assert api.status_code == 200 and api.get_json()["total"] == 0


def test_auditors_list_the_accounts_events(app, signed_in, ids):
    assert len(signed_in("auditor").get("/audit/log.csv?record_type=Account").get_data(as_text=True).splitlines()) > 4


def test_the_audit_log_says_what_each_change_said_in_words_and_names(signed_in, ids):
    """Not raw field names and record ids (issue 18): the fields by their labels, the records they
    name by their names, amounts, dates and vocabulary values as pages show them."""
    html = signed_in("auditor").get(f"/audit/?record_id={ids['grant']}").get_data(as_text=True)
    assert "донор: GIZ" in html and f"funder_id: {ids['funder']}" not in html
    assert "проєкт: ClusteRISE" in html and str(ids["project"]) not in html
    assert re.search(r"запитувана сума: 4\s500\s000,00\s₴", html) and "дедлайн: 1 трав. 2022" in html


def _log_text(client, language: str, query: str = "") -> str:
    """The audit log's rows as a person reads them, in `language`."""
    token = csrf_token(client.get("/").get_data(as_text=True))
    client.post("/language", data={"language": language, "csrf_token": token})
    page = client.get(f"/audit/?per_page=200{query}").get_data(as_text=True)
    rows = page.split('<div id="audit-log"')[1].split("<tbody>")[1].split("</tbody>")[0]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", rows)).split())


def test_the_audit_log_says_what_every_kind_of_event_said_as_the_history_does(app, signed_in, ids):
    """Not the events' raw data (issue 18): no ids of sub-records, no field names, no dicts or Python
    booleans; sub-records by what names them, the record's own labels, a checklist by its questions."""
    portfolio = app.extensions["portfolio"]
    with recording("olena.fundraiser"):
        portfolio.issue_token("fundraiser", "laptop", "api")
        [token] = portfolio.tokens("fundraiser")
        portfolio.revoke_token("fundraiser", UUID(token["token_id"]))
        milestone = portfolio.add_milestone(ids["project"], "Kick-off", date(2021, 4, 1))
        portfolio.reach_milestone(ids["project"], milestone, date(2021, 4, 2))
        duty = portfolio.add_reporting_duty(ids["grant"], ReportKind.FINAL, date(2022, 12, 1))
        portfolio.submit_report(ids["grant"], duty, date(2022, 11, 30))
        portfolio.comment_on_initiative(ids["initiative"], "On track again")
        portfolio.estimate_win_probability(ids["grant"], 60)
        portfolio.record_exchange_rate("EUR", "UAH", Decimal("44.50"), date(2023, 1, 2))
        portfolio.choose_language("fundraiser", "en")
    client = signed_in("auditor")
    text = _log_text(client, "en")
    raw_data = (
        r" id:",
        r"\{'",
        r"\bTrue\b",
        r"\bFalse\b",
        r"_currency",
        r"\bpercent:",
        r"\banswers\b",
        r"\bpurpose\b",
        r"\bplace:",
        r"(?<!planned )\b(start|end):",
        r"\bestimated:",
        r"language: en\b",
    )
    for raw in (*raw_data, str(ids["kpi"])):
        assert not re.search(raw, text), raw
    for readable in (
        "name: laptop; kind: API",  # the token's id adds nothing where it is issued
        "token: laptop",  # and names it where it is revoked
        "name: Permanent members; unit: members; level: outcome; baseline: 0; target: 25",
        "KPI: Permanent members; value: 20; measured on: Nov 1, 2021; source: final report",
        "KPI: Permanent members; target: 22.5",
        "title: Kick-off; due on: Apr 1, 2021",
        "milestone: Kick-off; done on: Apr 2, 2021",
        "expected on: Jun 1, 2022",  # a tranche planned
        ", expected on Jun 1, 2022; received on: Jun 3, 2022",  # the tranche, by its amount and date
        "reporting duty: final report, due on Dec 1, 2022; submitted on: Nov 30, 2022",
        "party: Харківська міська рада; description: Co-host the forum",
        "commitment: Co-host the forum; status: done",
        "progress: 40%",
        "win probability: 60%",
        "health: at risk; comment: needs funding",
        "comment: On track again",
        "quality checklist: Solves a real business pain: no; Needs joint action: yes;",
        "Results are measurable: yes",
        "rate: 1 EUR = 44.50 UAH on Jan 2, 2023",
        "language: English",
        "place of signing: Kharkiv",
        "budget is an estimate: yes; planned start: Aug 1, 2020; planned end: Nov 30, 2021",
        "target date: Jun 30, 2023",  # postponed
    ):
        assert readable in text, readable
    assert "programme:" not in text  # nothing said of what a new record left empty
    text = _log_text(client, "uk")
    for raw in raw_data:
        assert not re.search(raw, text), raw
    assert re.search(r"транш: 1\s500\s000,00\s₴, очікується 1 черв\. 2022 р\.; отримано: 3 черв\. 2022 р\.", text)
    assert "чек-лист якості: Вирішує реальну проблему бізнесу: ні; Потребує спільних дій: так" in text
    assert "звітний обов'язок: фінальний звіт, строк 1 груд. 2022 р." in text and "токен: laptop" in text


def test_the_audit_logs_filters_list_events_and_kinds_of_record_by_their_labels_in_alphabetical_order(signed_in, ids):
    html_page = signed_in("auditor").get("/audit/").get_data(as_text=True)
    for name in ("record_type", "event"):
        select = html_page.split(f'<select name="{name}">')[1].split("</select>")[0]
        shown = [html.unescape(text) for text in re.findall(r'<option value="[^"]+"[^>]*>([^<]*)</option>', select)]
        assert len(shown) > 5 and shown == sorted_by_name(shown), name
    kinds = html_page.split('<select name="record_type">')[1]
    assert kinds.index(">ініціатива<") < kinds.index(">меморандум<")  # і in its place in the alphabet, not after я


def test_a_date_filter_that_cannot_be_read_is_told_beside_it_and_keeps_what_was_typed(signed_in, ids):
    client = signed_in("auditor")
    page = client.get("/audit/", query_string={"since": "вчора"})
    html = page.get_data(as_text=True)
    assert page.status_code == 400 and 'id="error-since"' in html and 'value="вчора"' in html
    assert 'id="audit-log"' in html  # the log itself, unfiltered by the date it could not read
    swapped = client.get("/audit/", query_string={"until": "31.02.2023"}, headers={"HX-Request": "true"})
    assert swapped.status_code == 422 and swapped.headers["HX-Retarget"] == "#audit-filters"
    assert 'id="error-until"' in swapped.get_data(as_text=True)
