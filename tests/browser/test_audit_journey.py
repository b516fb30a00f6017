"""An auditor in a real browser: a record's history, the portfolio as of a past date, the log's integrity."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import screenshot


def test_an_auditor_reads_a_history_travels_to_the_past_and_verifies_the_log(page_as):
    page = page_as("auditor", "/projects/")
    page.click("#projects-table >> text=ClusteRISE")
    page.click("text=Історія змін")
    expect(page.locator("#record-history h1")).to_contain_text("ClusteRISE")
    expect(page.locator("#record-history")).to_contain_text("виміряно KPI")
    screenshot(page, "record-history")

    page.goto("/projects/")
    page.fill("#time-travel input[name=as_of]", "2020-01-01T12:00")
    page.click("#time-travel button[type=submit]")
    expect(page.locator("#time-travel.past")).to_contain_text("лише перегляд")
    expect(page.locator("#projects-table")).not_to_contain_text("ClusteRISE")  # recorded later
    screenshot(page, "as-of-register")
    page.click("#time-travel >> text=Повернутися до сьогодні")
    expect(page.locator("#projects-table")).to_contain_text("ClusteRISE")

    page.goto("/audit/chain")
    page.click("text=Перевірити весь журнал зараз")
    expect(page.locator("#audit-chain .ok")).to_be_visible()
    screenshot(page, "audit-chain")
    page.goto("/audit/")
    expect(page.locator("#audit-log")).to_contain_text("olena.fundraiser")
    screenshot(page, "audit-log")


def test_a_board_member_issues_a_board_pack_and_sees_the_changes_page(page_as):
    page = page_as("board", "/board-packs/")
    page.fill("input[name=title]", "Засідання правління")
    page.click("text=Сформувати пакет")
    expect(page.locator("#board-pack h1")).to_have_text("Засідання правління")
    expect(page.locator("#board-pack .stamp")).to_contain_text("Ланцюжок хешів досі містить цю ланку")
    screenshot(page, "board-pack")
    page.goto("/audit/changes?from=2020-01-01")
    expect(page.locator("#changes-list")).to_contain_text("ClusteRISE")
    screenshot(page, "changes-between-dates")
