"""Every refusal of a rule is told in the person's language, with its values written their way.

A `DomainError` (and the application's own `RuleBrokenError`) carries a literal template with named
placeholders and the values that fill them: extraction finds every template, the Ukrainian catalogue
translates each with the same placeholders, and the web layer fills the translation with labels,
dates and numbers as the person's locale writes them.
"""

from __future__ import annotations

import ast
import csv
import io
import string
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from flask_babel import force_locale

from domain.enums import GrantStage, ProjectStage
from domain.errors import N_, DomainError
from domain.money import Money
from portfolio.errors import RuleBrokenError
from tests.web.conftest import csrf_token
from web.schemas import problem_message, rule_message

ROOT = Path(__file__).resolve().parents[2]
TOLD = {"DomainError", "RuleBrokenError", "N_"}  # extracted by these names (see the Makefile)
# The domain's helpers that name a word of the domain's own in their message, and where it is.
WORDS = {"require_text": 1, "require_reason": 1, "require_order": 2, "require_aware": 1, "require_percent": 1,
         "require_number": 1, "find": 2, "_check_not_ended": 0, "_check_won": 0, "_check_open": 0}  # fmt: skip
CATALOGUE = ROOT / "web/translations/uk/LC_MESSAGES/messages.po"


def _calls():
    for folder in ("domain", "portfolio", "web"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if isinstance(node, ast.Call):
                    name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
                    yield f"{path.relative_to(ROOT)}:{node.lineno}", name, node


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_refusal_is_a_literal_template_filled_by_named_values():
    """No f-string, `%` or `.format` as a refusal's message, so extraction finds each one; and the
    values given are exactly the template's placeholders."""
    wrong = []
    for where, name, call in _calls():
        if name not in TOLD:
            continue
        first = call.args[0] if call.args else None
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            wrong.append(f"{where}: {name}({ast.unparse(first) if first else ''})")
            continue
        given = {keyword.arg for keyword in call.keywords} - {"about"}  # `about` names a field, not a value
        if None not in given and _placeholders(first.value) != given:
            wrong.append(f"{where}: {first.value!r} is filled with {sorted(given)}")
    assert wrong == []


def test_the_domains_own_words_in_refusals_are_marked_for_translation():
    """What was empty, which action was refused: written with `N_`, never as a bare string."""
    bare = [
        f"{where}: {name}({ast.unparse(call.args[WORDS[name]])})"
        for where, name, call in _calls()
        if name in WORDS
        and len(call.args) > WORDS[name]
        and isinstance(call.args[WORDS[name]], ast.Constant | ast.JoinedStr)
    ]
    assert bare == []


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    keywords = [argument for name in ("_l", "DomainError", "RuleBrokenError") for argument in ("-k", name)]
    command = [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", *keywords, "-o", str(pot)]
    subprocess.run([*command, "."], check=True, capture_output=True, cwd=ROOT)
    with pot.open("rb") as source:
        return read_po(source)


def test_every_refusal_and_word_of_the_domain_is_extracted(extracted):
    ids = {message.id for message in extracted}
    assert "A {stage} application cannot be awarded." in ids
    assert "The end of {what} ({end}) cannot be before its start ({start})." in ids
    assert "the review (decision before submission)" in ids and "The project title" in ids  # words (N_)
    assert "move to {stage}" in ids and "The user name '{username}' is taken." in ids  # a phrase; portfolio/


def test_every_refusal_has_a_ukrainian_translation_with_the_same_placeholders(extracted):
    with CATALOGUE.open("rb") as source:
        catalogue = read_po(source)
    told_here = [
        message
        for message in extracted
        if message.id and any(path.startswith(("domain/", "portfolio/")) for path, _ in message.locations)
    ]
    assert len(told_here) > 150
    missing, different = [], []
    for message in told_here:
        translated = catalogue.get(message.id)
        if translated is None or not translated.string or translated.fuzzy:
            missing.append(message.id)
        elif "python-brace-format" in message.flags and _placeholders(translated.string) != _placeholders(message.id):
            different.append((message.id, translated.string))
    assert missing == [] and different == []


def test_the_english_text_stays_for_logs_and_the_api():
    error = DomainError("A {stage} application cannot be changed ({action}).", stage=GrantStage.CLOSED,
                        action=N_("move to {stage}", stage=GrantStage.AWARDED))  # fmt: skip
    assert str(error) == "A closed application cannot be changed (move to awarded)."
    assert error.template == "A {stage} application cannot be changed ({action})."
    assert error.values["stage"] is GrantStage.CLOSED
    listed = DomainError("Unknown checklist questions: {questions}.", questions=["a", "b"])
    assert str(listed) == "Unknown checklist questions: a, b."
    assert str(RuleBrokenError.because(error)) == str(error)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("uk", "Проєкт на стадії «завершено» не можна змінювати (перехід на стадію «затверджено»)."),
        ("en", "A completed project cannot be changed (move to approved)."),
    ],
)
def test_a_refusal_is_told_with_its_words_and_labels_in_the_language(app, language, expected):
    error = DomainError("A {stage} project cannot be changed ({action}).", stage=ProjectStage.COMPLETED,
                        action=N_("move to {stage}", stage=ProjectStage.APPROVED))  # fmt: skip
    with app.test_request_context(), force_locale(language):
        assert rule_message(error) == expected
        assert rule_message(RuleBrokenError.because(error)) == expected


@pytest.mark.parametrize(
    ("language", "amount", "day", "money"),
    [("uk", "-1\xa0234,50", "15 січ. 2023", "43\xa0000,00\xa0EUR"), ("en", "-1,234.50", "Jan 15, 2023", "€43,000.00")],
)
def test_amounts_dates_and_money_are_written_as_the_locale_writes_them(app, language, amount, day, money):
    with app.test_request_context(), force_locale(language):
        negative = rule_message(DomainError("An amount of money cannot be negative ({amount}).",
                                            amount=Decimal("-1234.50")))  # fmt: skip
        assert amount in negative
        assert day in rule_message(DomainError("This tranche was already received on {received_on}.",
                                               received_on=date(2023, 1, 15)))  # fmt: skip
        assert money in rule_message(DomainError("{x}", x=Money.of("43000", "EUR")))


def post(client, url, data):
    token = csrf_token(client.get(url.rsplit("/act/", 1)[0]).get_data(as_text=True))
    return client.post(url, data={"csrf_token": token, **data}, headers={"HX-Request": "true"})


def _refused(client, grant_id, action, data):
    response = post(client, f"/grants/{grant_id}/act/{action}", data)
    assert response.status_code == 422, response.get_data(as_text=True)
    return response.get_data(as_text=True)


def test_a_refusal_through_the_web_is_said_in_ukrainian_and_in_english(app, signed_in, grant):
    client = signed_in("fundraiser")
    assert (
        post(client, f"/grants/{grant}/act/submit", {"submitted_on": "2023-02-01", "version": "1"}).status_code == 200
    )
    early = {"amount": "1000", "amount_currency": "EUR", "decided_on": "2023-01-15", "version": "2"}
    html = _refused(client, grant, "award", early)
    said = (
        "Кінець розгляду (рішення раніше за подання) (15 січ. 2023\u202fр.) "
        "не може бути раніше за початок (1 лют. 2023\u202fр.)."
    )
    assert said in html, html  # the domain's word, and the dates as Ukrainian writes them
    assert f'<span class="field-error" id="error-decided_on">{said}' in html  # beside the field at fault
    assert post(client, f"/grants/{grant}/act/withdraw", {"reason": "no partner", "version": "2"}).status_code == 200
    late = {"amount": "1000", "amount_currency": "EUR", "decided_on": "2023-03-01", "version": "3"}
    html = _refused(client, grant, "award", late)
    assert "Заявці на стадії «відкликано» не можна надати грант." in html and "cannot be awarded" not in html

    token = csrf_token(client.get("/").get_data(as_text=True))
    assert client.post("/language", data={"language": "en", "csrf_token": token}).status_code == 302
    assert "A withdrawn application cannot be awarded." in _refused(client, grant, "award", late)


def test_a_value_the_domain_cannot_hold_is_told_by_its_problem(app):
    from domain.values import check_text

    with pytest.raises(DomainError) as caught:
        check_text("x" * 600)
    assert str(caught.value) == "Text longer than 500 characters."
    with app.test_request_context(), force_locale("uk"):
        assert rule_message(caught.value) == problem_message("too_long", 500) == "Найбільша кількість символів: 500."


def test_a_row_an_import_cannot_apply_is_told_in_ukrainian(signed_in):
    buffer = io.StringIO()
    csv.writer(buffer).writerows([["Name", "Kind", "Country"], ["Кластер Півдня", "cluster", "Ukraine"]])
    client = signed_in("fundraiser")
    token = csrf_token(client.get("/import/").get_data(as_text=True))
    response = client.post(
        "/import/organizations/preview",
        data={"csrf_token": token, "file": (io.BytesIO(buffer.getvalue().encode()), "orgs.csv")},
        content_type="multipart/form-data",
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and "«UKRAINE» — не дволітерний код країни, як-от UA чи DE." in html, html


def test_a_refusal_about_one_value_is_shown_beside_its_field(app, signed_in, grant):
    client = signed_in("admin")
    html = post(client, "/account/tokens", {"name": "Phone", "purpose": "calendar"}).get_data(as_text=True)
    refused = post(client, "/account/tokens", {"name": "Phone", "purpose": "calendar"})
    assert refused.status_code == 422 and 'id="error-name"' in refused.get_data(as_text=True), html
