"""Board packs: issued as of a date, stamped with the log position and chain link, opened again later
showing exactly what they showed, with the changes since the previous pack; also as a PDF."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

import pytest

from domain.context import clock_set_to, recording
from tests.web.conftest import csrf_token


@pytest.fixture
def ids(dated_ids):
    return dated_ids


def issue(client, title, as_of):
    token = csrf_token(client.get("/board-packs/").get_data(as_text=True))
    return client.post("/board-packs/", data={"csrf_token": token, "title": title, "as_of": as_of})


def test_a_pack_shows_the_portfolio_as_of_its_date_and_its_stamp(app, signed_in, ids):
    client = signed_in("board")
    response = issue(client, "Board meeting, March 2023", "2023-03-01")
    assert response.status_code == 302
    html = client.get(response.location).get_data(as_text=True)
    assert "ClusteRISE" in html and "A project proposed in June" not in html
    [pack] = app.extensions["portfolio"].board_packs()
    assert f"№{pack['position']}" in html and pack["chain_link"] in html
    assert pack["chain_link"] == app.extensions["portfolio"].chain.link_at(pack["position"])
    assert "Це перший пакет." in html
    assert "flask" not in html and '<link rel="icon"' in html  # no operator's command for the board (issue 18)
    for_auditor = signed_in("auditor").get(response.location).get_data(as_text=True)
    assert "flask --app wsgi audit verify --expect" in for_auditor
    icon = client.get("/static/favicon.svg")
    assert icon.status_code == 200
    icon.close()


def test_a_pack_opened_later_shows_exactly_what_it_showed_and_the_next_pack_lists_the_changes(app, signed_in, ids):
    client = signed_in("board")
    first = issue(client, "March", "2023-03-01").location
    shown = client.get(first).get_data(as_text=True)
    with recording("taras"):
        app.extensions["portfolio"].describe_project(ids["project"], "ClusteRISE renamed", "")
    assert client.get(first).get_data(as_text=True) == shown  # later events change nothing in it
    second = issue(client, "July", "2023-07-01").location
    html = client.get(second).get_data(as_text=True)
    changes = html.split('id="changes-list"')[1]
    assert "A project proposed in June" in changes and "ClusteRISE renamed" not in html


@pytest.mark.parametrize(("title", "as_of", "message"), [("", "2023-03-01", "обов"), ("X", "someday", "дату")])
def test_a_pack_with_bad_input_is_refused_with_a_message(app, signed_in, ids, title, as_of, message):
    response = issue(signed_in("board"), title, as_of)
    assert response.status_code == 422 and message in response.get_data(as_text=True).lower()
    assert app.extensions["portfolio"].board_packs() == []


def test_a_pack_of_a_date_before_anything_was_recorded_is_refused(app, signed_in, ids):
    response = issue(signed_in("board"), "Too early", "2019-01-01")
    assert response.status_code == 422 and "На ту дату ще нічого не було записано" in response.get_data(as_text=True)


def test_an_auditor_reads_packs_but_cannot_issue_one(signed_in, ids):
    client = signed_in("auditor")
    assert "Issue the pack" not in client.get("/board-packs/").get_data(as_text=True)
    assert issue(client, "Mine", "2023-03-01").status_code == 403


def _pdf_unavailable() -> str:
    """Why PDFs cannot be made here ("" if they can): WeasyPrint needs the system's Pango."""
    try:
        import weasyprint  # noqa: F401
    except OSError as error:
        return f"WeasyPrint cannot load the system's Pango library ({error}); `make test` as root installs it"
    return ""


@pytest.mark.skipif(bool(_pdf_unavailable()), reason=_pdf_unavailable() or "PDF available")
def test_a_pack_is_also_a_pdf(signed_in, ids):
    client = signed_in("board")
    location = issue(client, "March", "2023-03-01").location
    response = client.get(f"{location}.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")


def test_a_pack_says_its_content_is_what_the_board_saw_and_names_a_section_that_changed(app, signed_in, ids):
    from portfolio.readmodels.store import Statement

    client = signed_in("board")
    location = issue(client, "March", "2023-03-01").location
    html = client.get(location).get_data(as_text=True)
    assert 'id="seal"' in html and "саме те, що бачило правління" in html
    portfolio = app.extensions["portfolio"]
    portfolio.read_models.write([Statement("UPDATE rm_projects_history SET title = 'Changed by hand'", {})])
    html = client.get(location).get_data(as_text=True)
    seal = html.split('id="seal"')[1].split("</span>")[0]
    assert "відрізняються від того, що бачило правління" in seal and "Проєкти" in seal and "Опис" not in seal
    auditor = signed_in("auditor")
    assert client.get(location + "/from-events").status_code == 403  # a board member may not start a replay
    replayed = auditor.get(location + "/from-events").get_data(as_text=True)
    from_events = replayed.split('id="seal-from-events"')[1].split("</span>")[0]
    assert "саме те, що бачило правління" in from_events  # the events still give what the board saw
    portfolio.projector.rebuild()
    assert "саме те, що бачило правління" in client.get(location).get_data(as_text=True)


def test_a_pack_shows_its_own_details_from_its_events_and_says_when_its_row_was_changed(app, signed_in, ids):
    from portfolio.readmodels.store import Statement

    client = signed_in("board")
    location = issue(client, "March", "2023-03-01").location
    portfolio = app.extensions["portfolio"]
    portfolio.read_models.write([Statement("UPDATE rm_board_packs SET title = 'Forged', position = 1", {})])
    html = client.get(location).get_data(as_text=True)
    assert "<h1>March</h1>" in html and "Forged" not in html.split('id="seal"')[0]
    seal = html.split('id="seal"')[1].split("</span>")[0]
    assert "відрізняються від того, що бачило правління" in seal


def test_a_pack_of_a_day_to_come_is_refused_beside_its_field(app, signed_in, ids):
    from datetime import datetime, timedelta

    from domain.localtime import KYIV

    tomorrow = (datetime.now(KYIV) + timedelta(days=1)).date().isoformat()
    response = issue(signed_in("board"), "Next meeting", tomorrow)
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and "сьогодні або раніше" in html
    assert app.extensions["portfolio"].board_packs() == []


def test_a_packs_rows_are_marked_illustrative_as_the_registers_mark_them_without_touching_its_seal(app, signed_in, ids):
    """Projects, grants, initiatives and memoranda whose figures were illustrative at the pack's moment
    carry the registers' mark (the reason in its title); the mark is read beside the sealed rows, which
    never carried it, so a pack sealed before it was shown still verifies."""
    from portfolio.board_packs import digests

    portfolio = app.extensions["portfolio"]
    with clock_set_to(datetime(2023, 2, 1, 12, tzinfo=UTC)), recording("olena"):
        portfolio.mark_illustrative(ids["project"], "Budget invented")
        portfolio.mark_illustrative(ids["grant"], "Amount invented")
        portfolio.mark_illustrative(ids["memo"], "Dates invented")
    with clock_set_to(datetime(2023, 4, 1, 12, tzinfo=UTC)), recording("olena"):
        portfolio.mark_illustrative(ids["initiative"], "Marked after the pack's moment")
    client = signed_in("board")
    location = issue(client, "March", "2023-03-01").location
    html = client.get(location).get_data(as_text=True)
    mark = '<span class="illustrative" title="Ілюстративні дані: {}">ілюстративні</span>'
    sections = ("Проєкти", "Грантові заявки", "Дорожня карта", "Меморандуми")
    projects, grants, initiatives, memoranda = (
        html.split(f"<h2>{name} (")[1].split("</section>")[0] for name in sections
    )
    assert "ClusteRISE" in projects and projects.count(mark.format("Budget invented")) == 1
    assert grants.count(mark.format("Amount invented")) == 1
    assert memoranda.count(mark.format("Dates invented")) == 1
    assert "illustrative" not in initiatives  # marked only after the pack's moment
    assert "саме те, що бачило правління" in html.split('id="seal"')[1].split("</span>")[0]

    [pack] = portfolio.board_packs()
    sealed = portfolio.repository.get(UUID(pack["id"])).digests
    content = portfolio._content(datetime.fromisoformat(pack["as_of"]), pack["position"], None, "EUR")
    assert all("illustrative" not in row for section in ("projects", "grants", "memoranda") for row in content[section])
    assert {key: sealed[key] for key in digests(content)} == digests(content)  # what the seal covers: no mark
