"""`flask reminders send`: each owner gets their items due soon, by SMTP (a local sink here), or
sees what would be sent when no SMTP server is configured."""

from __future__ import annotations

import socket
from datetime import date

import pytest
from aiosmtpd.controller import Controller

from domain.account import account_id
from domain.context import recording
from tests.portfolio.scenario import build
from tests.web.conftest import csrf_token


class Sink:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], str]] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content.decode("utf-8", "replace")))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp(monkeypatch):
    sink, port = Sink(), _free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setenv("SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("SMTP_PORT", str(port))
    yield sink
    controller.stop()


@pytest.fixture
def ids(app):
    portfolio = app.extensions["portfolio"]
    ids = build(portfolio)
    with recording("admin"):
        portfolio.add_milestone(ids["project"], "Board retreat", date(2030, 5, 10))
        portfolio.hand_over_project(ids["project"], "fundraiser")  # the owner is an account
    return ids


def test_an_owner_with_an_address_gets_their_items_by_smtp(app, signed_in, ids, smtp):
    client = signed_in("fundraiser")
    page = client.get("/account/").get_data(as_text=True)
    client.post("/account/email", data={"csrf_token": csrf_token(page), "email": "Fundraiser@Example.org"})
    result = app.test_cli_runner().invoke(args=["reminders", "send", "--days", "30", "--today", "2030-05-01"])
    assert result.exit_code == 0, result.output
    assert "sent to fundraiser@example.org: 1 items" in result.output
    [(recipients, content)] = smtp.messages
    assert recipients == ["fundraiser@example.org"] and "Board retreat" in content


def test_without_smtp_the_messages_are_shown_and_owners_without_an_address_are_named(app, signed_in, ids, monkeypatch):
    monkeypatch.delenv("SMTP_HOST", raising=False)
    with recording("fundraiser"):
        app.extensions["portfolio"].set_email("fundraiser", "f@example.org")
    result = app.test_cli_runner().invoke(args=["reminders", "send", "--days", "30", "--today", "2030-05-01"])
    assert "would send to f@example.org" in result.output and "Board retreat" in result.output
    result = app.test_cli_runner().invoke(args=["reminders", "send", "--days", "3", "--today", "2030-05-01"])
    assert "would send" not in result.output  # nothing due in the next three days


def test_an_owner_without_an_account_address_is_reported(app, ids, monkeypatch):
    monkeypatch.delenv("SMTP_HOST", raising=False)
    result = app.test_cli_runner().invoke(args=["reminders", "send", "--days", "30", "--today", "2030-05-01"])
    assert "fundraiser: no account with an e-mail address; 1 items not sent" in result.output


def test_a_bad_address_is_refused_on_the_account_page(signed_in, ids):
    client = signed_in("fundraiser")
    page = client.get("/account/").get_data(as_text=True)
    response = client.post("/account/email", data={"csrf_token": csrf_token(page), "email": "not an address"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and "«not an address» — не адреса електронної пошти." in html


def test_a_reminder_is_in_the_language_its_owner_chose_in_the_app(app, signed_in, ids, monkeypatch):
    monkeypatch.delenv("SMTP_HOST", raising=False)
    with recording("fundraiser"):
        app.extensions["portfolio"].set_email("fundraiser", "f@example.org")
    run = ["reminders", "send", "--days", "30", "--today", "2030-05-01"]
    ukrainian = app.test_cli_runner().invoke(args=run).output
    client = signed_in("fundraiser")
    page = client.get("/account/").get_data(as_text=True)
    client.post("/language", data={"csrf_token": csrf_token(page), "language": "en"})
    english = app.test_cli_runner().invoke(args=run).output
    assert "Due in the next 30 days" in english and "Due in the next 30 days" not in ukrainian
    history = app.extensions["portfolio"].record_history(account_id("fundraiser"))
    assert [entry.event for entry in history][-1] == "LanguageChosen"
