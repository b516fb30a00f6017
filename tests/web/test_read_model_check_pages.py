"""What people see of `projections check`: the integrity page shows the last check, and every page
warns while it found a difference; the command exits 1 naming the table."""

from __future__ import annotations

from portfolio.readmodels.store import Statement
from tests.portfolio.scenario import build


def test_a_check_that_found_a_difference_is_shown_on_every_page_until_a_clean_one(app, signed_in):
    portfolio = app.extensions["portfolio"]
    build(portfolio)
    client = signed_in("board")
    assert 'id="read-models-warning"' not in client.get("/projects/").get_data(as_text=True)
    portfolio.read_models.write([Statement("UPDATE rm_projects SET title = 'Changed by hand'", {})])
    result = app.test_cli_runner().invoke(args=["projections", "check", "--as", "auditor"])
    assert result.exit_code == 1 and "rm_projects: " in result.output and "Changed by hand" in result.output
    page = client.get("/projects/").get_data(as_text=True)
    assert 'id="read-models-warning"' in page and "не те, що містить журнал" in page
    chain = signed_in("auditor").get("/audit/chain").get_data(as_text=True)
    assert "таблиця відрізняється від перебудови" in chain and "<code>rm_projects</code>" in chain
    portfolio.projector.rebuild()
    result = app.test_cli_runner().invoke(args=["projections", "check"])
    assert result.exit_code == 0 and "\nOK the read models at position" in result.output
    assert 'id="read-models-warning"' not in client.get("/projects/").get_data(as_text=True)


def test_the_integrity_page_says_how_often_the_server_checks_on_its_own(app, signed_in):
    client = signed_in("auditor")
    for schedule, said in (
        ((24.0, 500), "Вебсервер також сам перевіряє вибірку з 500 записів кожні 24 год."),
        ((0.5, 0), "Вебсервер також сам перевіряє всі записи кожні 0.5 год."),
        ((0.0, 500), "Вебсервер сам не перевіряє (PROJECTION_CHECK_EVERY дорівнює 0)."),
    ):
        app.config["CHECK_SCHEDULE"] = schedule
        assert said in client.get("/audit/chain").get_data(as_text=True)
