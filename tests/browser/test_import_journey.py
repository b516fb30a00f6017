"""A fundraiser imports grant applications from a spreadsheet in a real browser: the template, a
file with a mistake refused row by row, the corrected file previewed and confirmed."""

from __future__ import annotations

import io

from openpyxl import Workbook
from playwright.sync_api import expect

from tests.browser.conftest import screenshot

HEADER = ["Назва", "Донор", "Заявник", "Стадія", "Запитано", "Валюта", "Відповідальний", "Подано"]


def workbook(path, rows) -> str:
    book = Workbook()
    for row in [HEADER, *rows]:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(buffer.getvalue())
    return str(path)


def test_a_fundraiser_previews_a_file_puts_it_right_and_imports_it(page_as, tmp_path):
    page = page_as("fundraiser", "/grants/")
    page.click("text=Імпорт з файлу")
    expect(page.locator("#grants a[href='/import/grants/template.xlsx']")).to_be_visible()

    wrong = workbook(tmp_path / "заявки.xlsx", [
        ["Horizon Europe: кластери", "GIZ", "Kharkiv IAM", "подано", "250 000,50", "EUR", "olena", "2026-03-01"],
        ["Без донора", "Nobody Foundation", "Kharkiv IAM", "", "1000", "EUR", "olena", ""],
    ])  # fmt: skip
    page.set_input_files("#grants input[type=file]", wrong)
    page.click("#grants >> text=Переглянути")
    expect(page.locator("#import-preview")).to_contain_text("Немає організації з назвою «Nobody Foundation»")
    expect(page.locator("#import-preview form button")).to_have_count(0)
    screenshot(page, "import-preview-with-a-problem")

    right = workbook(tmp_path / "заявки.xlsx", [
        ["Horizon Europe: кластери", "GIZ", "Kharkiv IAM", "подано", "250 000,50", "EUR", "olena", "2026-03-01"],
    ])  # fmt: skip
    page.goto("/import/")
    page.set_input_files("#grants input[type=file]", right)
    page.click("#grants >> text=Переглянути")
    expect(page.locator("#import-preview .outcome-create")).to_contain_text("Horizon Europe: кластери")
    screenshot(page, "import-preview")
    page.click("text=Імпортувати 1 запис")
    expect(page.locator(".flash")).to_contain_text("створено 1")
    expect(page.locator("#grants-table")).to_contain_text("Horizon Europe: кластери")
