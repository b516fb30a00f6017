"""The core journeys in a real browser: a fundraiser's grant, a board member's decision, languages."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import screenshot


def test_a_fundraiser_creates_a_grant_application_and_moves_it_to_submitted_and_awarded_on_the_board(page_as):
    page = page_as("fundraiser")
    page.click("nav.registers >> text=Грантові заявки")
    page.click("text=Новий запис…")
    form = page.locator("#create-form")
    form.locator("input[name=title]").fill("GDT Textile microgrant")
    form.locator("select[name=funder_id]").select_option(label="GIZ")
    form.locator("select[name=applicant_id]").select_option(label="Харківський IAM кластер")
    form.locator("input[name=owner]").fill("Olena")
    form.locator("input[name=requested]").fill("43000")
    form.locator("input[name=requested_currency]").fill("EUR")
    form.locator("button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text("GDT Textile microgrant")

    page.click("nav.registers >> text=Воронка")
    card = page.locator("article.card", has_text="GDT Textile microgrant")
    expect(page.locator("#column-prospect")).to_contain_text("GDT Textile microgrant")
    card.locator("text=Подати").click()
    page.fill("#action-form input[name=submitted_on]", "2023-02-01")
    page.click("#action-form button[type=submit]")
    expect(page.locator("#column-submitted")).to_contain_text("GDT Textile microgrant")

    page.locator("article.card", has_text="GDT Textile microgrant").locator("text=Зафіксувати надання гранту").click()
    page.fill("#action-form input[name=amount]", "43000")
    page.fill("#action-form input[name=amount_currency]", "EUR")
    page.fill("#action-form input[name=decided_on]", "2023-03-01")
    page.click("#action-form button[type=submit]")
    expect(page.locator("#column-awarded")).to_contain_text("GDT Textile microgrant")
    page.locator("#column-awarded >> text=GDT Textile microgrant").click()
    expect(page.locator("#stage-panel .stage")).to_have_text("грант надано")
    screenshot(page, "grant-awarded")


def test_a_board_member_filters_the_roadmap_and_records_a_decision(page_as):
    page = page_as("board", "/roadmap/")
    page.select_option("select[name=health]", "at_risk")
    expect(page).to_have_url(re.compile(r"health=at_risk"))
    expect(page.locator("#initiatives-table")).to_contain_text("Basic maturity")
    page.click("#initiatives-table >> text=Basic maturity")
    page.click("#stage-panel >> text=Записати рішення правління")
    page.fill("#action-form textarea[name=text]", "Seek co-financing from EU4Business")
    page.fill("#action-form input[name=decided_on]", "2023-01-10")
    page.click("#action-form button[type=submit]")
    expect(page.locator("#decisions")).to_contain_text("Seek co-financing from EU4Business")
    screenshot(page, "roadmap-decision")


def test_switching_the_language_to_english_and_back(page_as):
    page = page_as("auditor")
    expect(page.locator("h1")).to_have_text("Портфель")
    page.click("button[value=en]")
    expect(page.locator("h1")).to_have_text("Portfolio")
    page.goto("/grants/")
    expect(page.locator("#grants-table")).to_contain_text("awarded")
    screenshot(page, "grants-register-en")
    page.click("button[value=uk]")
    expect(page.locator("h1")).to_have_text("Грантові заявки")


def test_the_dashboard_and_boards_are_readable_and_saved_as_screenshots(page_as):
    page = page_as("board", "/dashboard/")
    expect(page.locator("#by-stage svg")).to_be_visible()
    screenshot(page, "dashboard")
    page.goto("/grants/board")
    expect(page.locator("#pipeline-board")).to_contain_text("USAID beds")
    screenshot(page, "pipeline-board")
    page.goto("/roadmap/board")
    expect(page.locator("#roadmap-board")).to_contain_text("Basic maturity")
    screenshot(page, "roadmap-board")
