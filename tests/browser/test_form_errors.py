"""A bad value in any kind of form is said next to its field, with the focus on it, in the browser;
amounts and dates are typed as the person's language writes them; an action opened from a low card
of a board opens in sight and names its record; a change someone else saved first is said (issue 18)."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import screenshot


def refused(page, form: str, field: str, typed: str, said: str) -> None:
    """Type a value the form must refuse and send it: the message is beside the field, which has the focus."""
    page.fill(f"{form} [name={field}]", typed)
    page.click(f"{form} button[type=submit]")
    expect(page.locator(f"{form} #error-{field}")).to_contain_text(said)
    expect(page.locator(f"{form} #error-{field}")).to_be_visible()
    expect(page.locator(f"{form} [name={field}]")).to_have_attribute("aria-invalid", "true")
    expect(page.locator(f"{form} [name={field}]")).to_be_focused()


def in_view(page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= 0 and box["y"] < height


def test_a_fundraiser_is_told_each_bad_value_and_may_type_amounts_and_dates_in_ukrainian(page_as):
    page = page_as("fundraiser", "/grants/")
    page.click("text=Новий запис…")
    form = "#create-form"
    expect(page.locator(f"{form} [name=title]")).to_be_focused()  # a form that opens takes the focus
    page.fill(f"{form} [name=title]", "Microgrant typed in Ukrainian")
    page.locator(f"{form} select[name=funder_id]").select_option(label="GIZ")
    page.locator(f"{form} select[name=applicant_id]").select_option(label="Харківський IAM кластер")
    page.fill(f"{form} [name=owner]", "Olena")
    page.fill(f"{form} [name=requested_currency]", "EUR")
    refused(page, form, "requested", "сімдесят тисяч", "Введіть суму цифрами, наприклад 43 000,50")  # create
    screenshot(page, "form-error-create")
    page.fill(f"{form} [name=requested]", "150 000,00")
    page.click(f"{form} button[type=submit]")
    expect(page.locator("h1")).to_contain_text("Microgrant typed in Ukrainian")
    expect(page.locator("#grant-detail")).to_contain_text(re.compile(r"150\s000,00"))

    page.click("#stage-panel >> text=Змінити запит")  # an edit
    expect(page.locator("#action-form h3")).to_contain_text("Microgrant typed in Ukrainian")
    refused(page, "#action-form", "requested", "150.000,00 грн", "Введіть суму цифрами")
    page.click("#action-form >> text=Скасувати")

    page.click("#stage-panel >> text=Зафіксувати надання гранту")  # a stage action
    page.fill("#action-form [name=amount_currency]", "EUR")
    page.fill("#action-form [name=decided_on]", "20.05.2024")
    refused(page, "#action-form", "amount", "-75000", "від")
    screenshot(page, "form-error-stage-action")
    page.fill("#action-form [name=amount]", "160000,50")
    refused(page, "#action-form", "decided_on", "31.02.2024", "Введіть дату, наприклад 31.03.2027")
    page.fill("#action-form [name=decided_on]", "20 трав. 2024 р.")  # as the pages print a date
    page.click("#action-form button[type=submit]")
    expect(page.locator("#stage-panel .stage")).to_have_text(re.compile("грант надано"))
    expect(page.locator("#grant-detail")).to_contain_text(re.compile(r"160\s000,50"))

    page.click("#stage-panel >> text=Запланувати транш")  # a sub-record
    expect(page.locator("#action-form h3")).to_contain_text("Запланувати транш")
    page.wait_for_load_state("networkidle")  # on a loaded machine the form was once swapped in again after the fill
    page.fill("#action-form [name=expected_on]", "01.06.2024")
    expect(page.locator("#action-form [name=expected_on]")).to_have_value("01.06.2024")
    refused(page, "#action-form", "amount", "багато", "Введіть суму цифрами")


def test_english_takes_amounts_and_dates_as_english_writes_them(page_as):
    page = page_as("admin")
    page.click("button[value=en]")
    page.goto("/grants/")
    page.click("text=New…")
    form = "#create-form"
    page.fill(f"{form} [name=title]", "Microgrant typed in English")
    page.locator(f"{form} select[name=funder_id]").select_option(label="GIZ")
    page.locator(f"{form} select[name=applicant_id]").select_option(label="Харківський IAM кластер")
    page.fill(f"{form} [name=owner]", "Olena")
    page.fill(f"{form} [name=requested_currency]", "EUR")
    refused(page, form, "requested", "160000,50", "Enter an amount in figures, such as 43,000.50.")
    page.fill(f"{form} [name=requested]", "150,000.00")
    page.click(f"{form} button[type=submit]")
    expect(page.locator("#grant-detail")).to_contain_text("150,000.00")
    page.click("#stage-panel >> text=Submit")
    refused(page, "#action-form", "submitted_on", "31/03/2024", "Enter a date such as 03/31/2027.")
    page.fill("#action-form [name=submitted_on]", "03/31/2024")
    page.click("#action-form button[type=submit]")
    expect(page.locator("#grant-detail")).to_contain_text("Mar 31, 2024")
    page.click("button[value=uk]")


def test_an_action_opened_from_a_board_card_opens_in_sight_names_its_record_and_returns_to_the_card(page_as):
    page = page_as("fundraiser")
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto("/grants/board")
    card = page.locator("article.card", has_text="USAID beds")
    card.scroll_into_view_if_needed()
    card.locator("text=Зафіксувати договір").click()
    expect(page.locator("#action-form h3")).to_contain_text("USAID beds")
    assert in_view(page, "#action-form [name=signed_on]")
    page.fill("#action-form [name=period_start]", "01.07.2022")
    page.fill("#action-form [name=period_end]", "30.06.2024")
    refused(page, "#action-form", "signed_on", "колись", "Введіть дату")
    screenshot(page, "form-error-board-card")
    page.click("#action-form >> text=Скасувати")
    expect(page.locator("dialog#board-action")).not_to_be_visible()
    expect(card).to_be_focused()

    board = page_as("board")
    board.set_viewport_size({"width": 1366, "height": 400})
    board.goto("/roadmap/board")
    chip = board.locator("article.chip", has_text="Basic maturity")
    chip.scroll_into_view_if_needed()
    where = board.locator(".timeline").evaluate("box => [box.scrollTop, box.scrollLeft, window.scrollY]")
    chip.locator("text=Повідомити прогрес").click()
    expect(board.locator("dialog#board-action #action-form h3")).to_contain_text("Basic maturity")
    assert in_view(board, "#action-form [name=percent]")
    expect(board.locator("#action-form [name=percent]")).to_be_focused()
    assert board.locator(".timeline").evaluate("box => [box.scrollTop, box.scrollLeft, window.scrollY]") == where
    board.keyboard.press("Escape")  # closed unsent: the card has the focus again, the board where it was
    expect(board.locator("dialog#board-action")).not_to_be_visible()
    expect(chip).to_be_focused()
    chip.locator("text=Повідомити прогрес").click()
    expect(board.locator("#action-form h3")).to_contain_text("Basic maturity")
    refused(board, "#action-form", "percent", "сорок", "Введіть ціле число")
    board.fill("#action-form [name=percent]", "45")
    board.click("#action-form button[type=submit]")
    expect(board).to_have_url(re.compile(r"/roadmap/board.*#card-"))
    expect(board.locator("article.chip", has_text="Basic maturity")).to_be_focused()


def test_a_change_saved_first_by_someone_else_is_said_and_nothing_is_lost(page_as):
    first, second = page_as("fundraiser"), page_as("admin")
    for page in (first, second):
        page.goto("/grants/")
        page.click("#grants-table >> text=USAID beds")
        page.click("#stage-panel >> text=Передати іншому відповідальному")
    first.fill("#action-form [name=owner]", "Petro")
    first.click("#action-form button[type=submit]")
    expect(first.locator("#grant-detail")).to_contain_text("Petro")
    second.fill("#action-form [name=owner]", "Taras")
    second.click("#action-form button[type=submit]")
    said = second.locator("#stage-panel p.error")
    expect(said).to_contain_text("Ваші зміни не збережено. Його змінив(ла) fundraiser; тепер:")
    expect(said).to_be_focused()
    expect(second.locator("#grant-detail")).to_contain_text("Petro")
    expect(second.locator("#action-form [name=owner]")).to_have_value("Taras")  # what they typed is kept
    screenshot(second, "form-conflict")


def test_an_account_form_says_what_is_wrong_beside_its_field(page_as):
    page = page_as("auditor", "/account/")
    page.fill("[name=name]", "   ")
    page.click("text=Створити токен")
    expect(page.locator("#error-name")).to_be_visible()
    expect(page.locator("[name=name]")).to_be_focused()
