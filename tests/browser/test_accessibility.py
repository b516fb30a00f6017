"""WCAG 2.2 AA on every kind of page, checked by axe-core in the browser (issue 18).

axe-core comes from the npm registry at test time, pinned in the Makefile; it is never committed.
A serious or critical violation fails the test, naming the rule and the elements. (The pages' Content
Security Policy would refuse axe's script, so these pages are opened with it bypassed.)
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

AXE = Path("var/npm/node_modules/axe-core/axe.min.js")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="module")
def axe():
    if not AXE.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{AXE} is missing: `make test` installs it")
        pytest.skip(f"{AXE} is missing (`make test` installs it)")
    return AXE.read_text()


def violations(page, axe: str) -> list[str]:
    """The serious and critical violations on the page as it is now, one line each."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe)
    found = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)["violations"]
    return [
        f"{page.url}: {v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(f"{n['target']}: {n['failureSummary'][:160]}" for n in v["nodes"][:3])
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


def first_link(page, selector: str) -> str:
    return page.locator(selector).first.get_attribute("href")


def test_every_kind_of_page_has_no_serious_accessibility_violation(browser, server, page_as, axe):
    found: list[str] = []
    signed_out = browser.new_context(base_url=server, locale="uk-UA", bypass_csp=True).new_page()
    signed_out.goto("/login")
    found += violations(signed_out, axe)
    signed_out.context.close()

    page = page_as("admin", bypass_csp=True)  # the page's own policy would refuse axe's script
    found += violations(page, axe)  # the start page
    for path in ("/dashboard/", "/dashboard/stages", "/grants/board", "/roadmap/board", "/rates/", "/account/",
                 "/audit/", "/audit/chain", "/audit/changes", "/board-packs/", "/import/", "/api/v1/docs"):  # fmt: skip
        page.goto(path)
        found += violations(page, axe)
    for register, row_link in (("/projects/", "#projects-table"), ("/grants/", "#grants-table"),
                               ("/memoranda/", "#memoranda-table"), ("/roadmap/", "#initiatives-table"),
                               ("/organizations/", "#organizations-table")):  # fmt: skip
        page.goto(register)
        found += violations(page, axe)
        page.goto(first_link(page, f"{row_link} tbody a"))  # a detail page of each kind
        found += violations(page, axe)
    page.goto(first_link(page, "a[href^='/audit/records/']") or "/audit/")  # a record's history
    found += violations(page, axe)
    page.goto("/board-packs/")
    pack = page.locator("a[href^='/board-packs/']:not([href$='.pdf'])").first
    if pack.count():
        page.goto(pack.get_attribute("href"))
        found += violations(page, axe)
    page.goto("/projects/?as_of=2023-03-01")  # a page of the past, with its banner
    found += violations(page, axe)

    page.goto("/grants/")  # forms as they open and as they refuse a value
    page.click("text=Новий запис…")
    expect(page.locator("#create-form [name=title]")).to_be_focused()
    found += violations(page, axe)
    page.fill("#create-form [name=title]", "Accessible")
    page.locator("#create-form select[name=funder_id]").select_option(label="GIZ")
    page.locator("#create-form select[name=applicant_id]").select_option(label="Харківський IAM кластер")
    page.fill("#create-form [name=owner]", "Olena")
    page.fill("#create-form [name=requested]", "багато")
    page.click("#create-form button[type=submit]")
    expect(page.locator("#create-form #error-requested")).to_be_visible()
    found += violations(page, axe)
    page.goto("/grants/board")
    page.locator("article.card .card-actions a").first.click()
    expect(page.locator("dialog#board-action #action-form")).to_be_visible()
    found += violations(page, axe)

    assert not found, "\n".join(found)


def test_the_boards_work_with_the_keyboard(page_as):
    """A card's action is reached with Tab, opened with Enter, closed with Escape, and the focus
    comes back to where it was."""
    page = page_as("board", "/roadmap/board")
    action = page.locator("article.chip .card-actions a").first
    action.focus()
    page.keyboard.press("Enter")
    expect(page.locator("dialog#board-action #action-form")).to_be_visible()
    focused = page.evaluate("document.activeElement.closest('dialog') !== null")
    assert focused, "the focus is in the dialog"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('dialog') !== null"), "Tab stays in the dialog"
    page.keyboard.press("Escape")
    expect(page.locator("dialog#board-action")).not_to_be_visible()
    assert page.evaluate("document.activeElement.closest('article.chip') !== null"), "back on the card"
