"""The boards on a laptop's screen (1366×768): every pipeline column in sight, and the roadmap's
quarters and directions kept in sight while it scrolls (issue 18)."""

from __future__ import annotations

from tests.browser.conftest import screenshot


def test_the_pipeline_shows_every_column_and_the_roadmap_keeps_its_headers_in_sight(page_as):
    page = page_as("board")
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto("/grants/board")
    board = page.locator("#pipeline-board")
    assert board.evaluate("b => b.scrollWidth <= b.clientWidth + 1"), "the pipeline scrolls sideways"
    last = page.locator("#pipeline-board .column").last.bounding_box()
    assert last["x"] + last["width"] <= 1366
    screenshot(page, "pipeline-board-1366")

    page.goto("/roadmap/board")
    timeline = page.locator("#roadmap-board")
    direction = page.locator("#roadmap-board th[scope=row]").first
    before = direction.bounding_box()
    timeline.evaluate("t => { t.scrollLeft = 400; t.scrollTop = 200; }")
    page.wait_for_timeout(100)
    after = direction.bounding_box()
    assert abs(after["x"] - before["x"]) < 2  # the direction stays at the left edge
    header = page.locator("#roadmap-board thead th").nth(1).bounding_box()
    assert header["y"] >= timeline.bounding_box()["y"] - 1  # the quarters stay on top
    screenshot(page, "roadmap-board-1366")
