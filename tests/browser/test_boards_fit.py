"""The boards and the dashboard on a laptop's screen (1366×768), in Ukrainian, with the demo portfolio
(long names, illustrative figures in every column): every pipeline column and every figure of its
headers in sight, the roadmap's default quarters without scrolling sideways and its quarters and
directions kept in sight while it scrolls, and the funders' names whole and readable (issue 18)."""

from __future__ import annotations

import pytest

from portfolio.roadmap_board import DEFAULT_SPAN
from tests.browser.conftest import screenshot, serving, signed_in

LAPTOP = {"width": 1366, "height": 768}


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    """The app on the demo portfolio, with a board member's account."""
    yield from serving(tmp_path_factory, "from portfolio.demo import load_demo\nload_demo(app)", ("board",))


@pytest.fixture
def laptop(browser, demo_server):
    """A board member's page, 1366×768, in Ukrainian, on the demo portfolio."""
    context = browser.new_context(base_url=demo_server, locale="uk-UA", viewport=LAPTOP)
    yield signed_in(context.new_page(), demo_server, "board")
    context.close()


# The elements under `root` matching `selector` whose content runs past their box (cut off) or out
# of their column, as "tag: text" lines.
OVERFLOWING = """(root, selector) => [...root.querySelectorAll(selector)].filter(e => {
    const box = e.getBoundingClientRect(), column = e.closest('.column').getBoundingClientRect();
    const spills = box.right > column.right + 0.5 || box.left < column.left - 0.5;
    return spills || (e.clientWidth > 0 && e.scrollWidth > e.clientWidth);
}).map(e => e.tagName + ': ' + e.textContent.trim().replace(/\\s+/g, ' ').slice(0, 60))"""


def test_the_pipeline_shows_every_column_and_every_figure_of_their_headers(laptop):
    page = laptop
    page.goto("/grants/board")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    board = page.locator("#pipeline-board")
    assert board.evaluate("b => b.scrollWidth <= b.clientWidth + 1"), "the pipeline scrolls sideways"
    columns = page.locator("#pipeline-board .column")
    assert columns.count() == 7
    last = columns.last.bounding_box()
    assert last["x"] + last["width"] <= LAPTOP["width"]
    assert page.locator("#pipeline-board .column header .illustrative").count() >= 7  # the demo's shares
    for index in range(7):
        header = columns.nth(index).locator("header")
        assert header.evaluate(OVERFLOWING, "*") == [], f"column {index + 1}: a figure is cut off"
    assert board.evaluate(OVERFLOWING, ".card, .card *") == []
    screenshot(page, "fit-pipeline-board")


def test_the_roadmap_shows_its_default_quarters_without_scrolling_sideways_and_keeps_its_headers_in_sight(laptop):
    page = laptop
    page.goto("/roadmap/board")
    timeline = page.locator("#roadmap-board")
    options = page.locator("#choose-from option").evaluate_all("options => options.map(o => o.value)")
    names = page.locator("#choose-from option").all_inner_texts()  # as Ukrainian names them: "1 кв. 2024"
    first, last = page.locator("#choose-from").input_value(), page.locator("#choose-to").input_value()
    chosen = options.index(last) - options.index(first) + 1
    assert len(options) == 9 and chosen == DEFAULT_SPAN  # the demo's nine quarters; six unless chosen otherwise
    quarters = page.locator("#roadmap-board thead th").all_inner_texts()[1:]
    assert quarters == names[options.index(first) : options.index(last) + 1]
    assert timeline.evaluate("t => t.scrollWidth <= t.clientWidth + 1"), "the default quarters scroll sideways"
    right = timeline.evaluate("t => t.getBoundingClientRect().right")
    ends = page.locator("#roadmap-board thead th").evaluate_all(
        "ths => ths.map(th => th.getBoundingClientRect().right)"
    )
    assert max(ends) <= right + 1  # the last quarter in sight
    screenshot(page, "fit-roadmap-board")

    page.goto(f"/roadmap/board?from={options[0]}&to={options[-1]}")  # all nine: the box scrolls sideways
    assert page.locator("#roadmap-board thead th").count() == 10
    timeline = page.locator("#roadmap-board")
    assert timeline.evaluate("t => t.scrollWidth > t.clientWidth")
    direction = page.locator("#roadmap-board th[scope=row]").first
    before = direction.bounding_box()
    timeline.evaluate("t => { t.scrollLeft = 400; t.scrollTop = 200; }")
    page.wait_for_timeout(100)
    after = direction.bounding_box()
    assert abs(after["x"] - before["x"]) < 2  # the direction stays at the left edge
    header = page.locator("#roadmap-board thead th").nth(1).bounding_box()
    assert header["y"] >= timeline.bounding_box()["y"] - 1  # the quarters stay on top


def test_the_dashboard_names_every_funder_whole_and_every_chart_readably(laptop):
    page = laptop
    page.goto("/dashboard/")
    names = page.locator("#by-funder th[scope=row]")
    assert names.count() >= 9
    found = page.locator("#by-funder").evaluate("""section => {
        const size = e => {  // the size the text is drawn at (an SVG's text is scaled with its drawing)
            const svg = e.closest('svg'), own = parseFloat(getComputedStyle(e).fontSize);
            return svg ? own * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : own;
        };
        const texts = [...section.querySelectorAll('*')].filter(e => [...e.childNodes].some(
            n => n.nodeType === Node.TEXT_NODE && n.textContent.trim()));
        return {
            clipped: [...section.querySelectorAll('*')].filter(e => getComputedStyle(e).textOverflow !== 'clip'
                || (e.clientWidth > 0 && e.scrollWidth > e.clientWidth)).map(e => e.textContent.trim()),
            small: texts.filter(e => size(e) < 12).map(e => e.textContent.trim() + ' ' + size(e)),
            cut: [...section.querySelectorAll('[title]')].filter(e => e.textContent.trim() !== e.title)
                .map(e => e.textContent.trim()),
        };
    }""")
    assert found == {"clipped": [], "small": [], "cut": []}
    assert "Німецьке товариство міжнародного співробітництва (GIZ)" in names.all_inner_texts()
    lines = names.evaluate_all("""names => names.map(n => { const style = getComputedStyle(n);
        const text = n.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
        return Math.round(text / parseFloat(style.lineHeight)); })""")
    assert max(lines) <= 2, lines  # the longest names on two lines
    drawn = page.locator("#dashboard svg.chart").evaluate_all("""charts => charts.flatMap(svg => {
        const box = svg.getBoundingClientRect(), scale = box.width / svg.viewBox.baseVal.width;
        return [...svg.querySelectorAll(':scope > text')].filter(t => {
            const b = t.getBoundingClientRect();
            return parseFloat(getComputedStyle(t).fontSize) * scale < 12 || b.left < box.left || b.right > box.right;
        }).map(t => t.textContent.trim());
    })""")
    assert drawn == [], "the other charts' text is small or runs out of the chart"
    screenshot(page, "fit-dashboard")


def test_a_board_pack_marks_its_illustrative_rows_as_the_registers_do(laptop):
    page = laptop
    page.goto("/board-packs/")
    page.fill("#board-packs input[name=title]", "Засідання правління, грудень 2023")
    page.fill("#board-packs input[name=as_of]", "31.12.2023")
    page.click("#board-packs button[type=submit]")
    page.wait_for_url("**/board-packs/*-*")
    marks = page.locator("#board-pack section").evaluate_all("""sections => sections.map(s => [
        s.querySelector('h2').textContent.split(' (')[0],
        s.querySelectorAll('tbody td span.illustrative[title^="Ілюстративні дані: "]').length])""")
    marked = {name: count for name, count in marks if count}
    assert {"Проєкти", "Грантові заявки", "Меморандуми"} <= set(marked), marks
    assert "саме те, що бачило правління" in page.locator("#seal").inner_text()
    screenshot(page, "fit-board-pack")
