"""Ukrainian by default, English on request, and every interface text translated."""

from __future__ import annotations

import subprocess
import sys

from babel.messages.pofile import read_po

from tests.portfolio.scenario import build
from tests.web.conftest import csrf_token


def test_pages_are_in_ukrainian_by_default_and_english_on_request(app, signed_in):
    build(app.extensions["portfolio"])
    client = signed_in("board")
    page = client.get("/grants/").get_data(as_text=True)
    assert "Грантові заявки" in page and "грант надано" in page and 'lang="uk"' in page
    assert "27 жовт. 2021" in client.get("/memoranda/").get_data(as_text=True)  # dated the Ukrainian way

    response = client.post("/language", data={"language": "en", "csrf_token": csrf_token(page)})
    assert response.status_code == 302
    page = client.get("/grants/").get_data(as_text=True)
    assert "Grant applications" in page and "awarded" in page and 'lang="en"' in page
    assert "Oct 27, 2021" in client.get("/memoranda/").get_data(as_text=True)
    assert "₴4,500,000.00" in page or "UAH4,500,000.00" in page


def test_an_unknown_language_changes_nothing(app, signed_in):
    client = signed_in("board")
    token = csrf_token(client.get("/").get_data(as_text=True))
    client.post("/language", data={"language": "xx", "csrf_token": token})
    assert 'lang="uk"' in client.get("/").get_data(as_text=True)


def test_every_interface_text_has_a_ukrainian_translation(tmp_path):
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-k",
            "DomainError",
            "-k",
            "RuleBrokenError",
            "-o",
            str(pot),
            ".",
        ],
        check=True,
        capture_output=True,
    )
    with pot.open("rb") as source:
        wanted = {m.id for m in read_po(source) if m.id}
    with open("web/translations/uk/LC_MESSAGES/messages.po", "rb") as source:
        translated = {m.id for m in read_po(source) if m.id and m.string}
    assert sorted(wanted - translated) == []
