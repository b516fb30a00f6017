"""No English on a Ukrainian page (issue 18): every text of the interface's own that a person can see
on any page, chart, board pack or e-mail comes in Ukrainian there and in English in English.

The interface's English texts are the catalogue's sources: a page in Ukrainian must show none of them.
(Records' own data, such as "USAID beds", may be in any language and is not the interface's text.)
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.web.conftest import csrf_token
from tests.web.pages import every_page
from web.reminders import message

CATALOGUE = Path("web/translations/uk/LC_MESSAGES/messages.po")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
SHOWN_ATTRIBUTES = re.compile(r'\s(?:title|aria-label|placeholder|alt)="([^"]*)"')


def english_phrases() -> set[str]:
    """The interface's English phrases of three words or more: the sources of the catalogue between
    their placeholders, leaving out any its own translation keeps (such as "NOW, WOW, HOW")."""
    phrases = set()
    with CATALOGUE.open("rb") as source:
        catalogue = read_po(source)
    for entry in catalogue:
        if not entry.id:
            continue
        translations = " ".join(entry.string) if isinstance(entry.string, tuple) else entry.string
        for source in entry.id if isinstance(entry.id, tuple) else (entry.id,):
            for part in PLACEHOLDER.split(source):
                part = " ".join(part.split()).strip(" .,:;()—-·")
                if len(part.split()) >= 3 and re.search(r"[a-z]{3}", part) and part not in translations:
                    phrases.add(part)
    return phrases


def visible_text(page: str) -> str:
    """What a person reads on a page: its text and the attributes shown on hover or read aloud."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S | re.I)
    shown = " ".join(SHOWN_ATTRIBUTES.findall(page))
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page) + " " + shown).split())


def english_on(text: str, phrases: set[str]) -> list[str]:
    return sorted(phrase for phrase in phrases if phrase in text)


@pytest.fixture
def ids(dated_ids):
    return dated_ids


def test_no_page_in_ukrainian_shows_the_interfaces_english(app, signed_in, ids):
    phrases = english_phrases()
    assert len(phrases) > 300  # the test reads the real catalogue
    client = signed_in("admin")
    portfolio = app.extensions["portfolio"]
    pages = [
        url
        for url in every_page(portfolio)
        if not url.startswith("/api/") and not re.search(r"\.(csv|xlsx|ics|pdf|json)$", url)
    ]
    pages += ["/grants/new", "/projects/new", "/audit/chain?verify=1", "/projects/?as_of=2023-03-01&basis=real"]
    found = {}
    for url in pages:
        response = client.get(url)
        leaked = english_on(visible_text(response.get_data(as_text=True)), phrases)
        if leaked:
            found[url] = leaked
    assert found == {}


def test_the_same_pages_in_english_show_no_ukrainian_of_the_interface(app, signed_in, ids):
    client = signed_in("admin")
    client.post("/language", data={"language": "en", "csrf_token": csrf_token(client.get("/").get_data(as_text=True))})
    for url in ("/", "/dashboard/", "/grants/board", "/roadmap/board", "/audit/", "/audit/chain"):
        text = visible_text(client.get(url).get_data(as_text=True))
        assert "Огляд показників" not in text and "Журнал аудиту" not in text, url


@pytest.mark.parametrize("language", ["uk", "en"])
def test_a_reminder_email_is_all_in_its_owners_language(app, ids, language):
    portfolio = app.extensions["portfolio"]
    with app.test_request_context():
        reminders = portfolio.reminders(date(2020, 1, 1), 36500)
        assert reminders, "the scenario has something due"
        mail = message(replace(reminders[0], language=language), 30)
    text = f"{mail['Subject']}\n{mail.get_content()}"
    if language == "uk":
        assert english_on(text, english_phrases()) == [], text
    else:
        assert "fall due in the next 30 days" in text
