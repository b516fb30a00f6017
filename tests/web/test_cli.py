"""The operators' commands: accounts with --as, projections status and rebuild, the demo."""

from __future__ import annotations

import pytest

from tests.portfolio.scenario import build
from web import create_app


@pytest.fixture
def app(sqlite_url):
    flask_app = create_app({"DATABASE_URL": sqlite_url, "TESTING": True, "SECRET_KEY": "test", "AUDIT_KEY": "test"})
    yield flask_app
    flask_app.extensions["portfolio"].close()


def run(app, *args, env=None):
    return app.test_cli_runner().invoke(args=list(args), env=env or {})


def test_the_first_account_needs_no_as_and_later_ones_need_an_admin(app):
    first = run(app, "users", "create", "root", "--role", "admin", env={"PORTFOLIO_PASSWORD": "long enough pw"})
    assert first.exit_code == 0, first.output
    portfolio = app.extensions["portfolio"]
    assert [e.actor for e in portfolio.events.get(portfolio.account("root")["id"])] == ["setup"]

    refused = run(app, "users", "create", "olena", "--role", "fundraiser", env={"PORTFOLIO_PASSWORD": "x" * 12})
    assert refused.exit_code != 0 and "--as" in refused.output

    unknown = run(
        app, "users", "create", "olena", "--role", "fundraiser", "--as", "ghost", env={"PORTFOLIO_PASSWORD": "x" * 12}
    )
    assert unknown.exit_code != 0 and "no enabled account" in unknown.output
    assert portfolio.account("olena") is None

    made = run(
        app, "users", "create", "olena", "--role", "fundraiser", "--as", "root", env={"PORTFOLIO_PASSWORD": "x" * 12}
    )
    assert made.exit_code == 0, made.output
    assert [e.actor for e in portfolio.events.get(portfolio.account("olena")["id"])] == ["root"]


def test_a_short_password_or_a_taken_name_is_refused_with_a_message(app):
    assert run(app, "users", "create", "root", "--role", "admin", env={"PORTFOLIO_PASSWORD": "short"}).exit_code == 1
    run(app, "users", "create", "root", "--role", "admin", env={"PORTFOLIO_PASSWORD": "long enough pw"})
    again = run(
        app, "users", "create", "root", "--role", "board", "--as", "root", env={"PORTFOLIO_PASSWORD": "long enough pw"}
    )
    assert again.exit_code == 1 and "taken" in again.output


def test_an_admin_disables_an_account_with_a_reason(app):
    env = {"PORTFOLIO_PASSWORD": "long enough pw"}
    run(app, "users", "create", "root", "--role", "admin", env=env)
    run(app, "users", "create", "petrenko", "--role", "board", "--as", "root", env=env)
    result = run(app, "users", "disable", "petrenko", "--reason", "left the board", "--as", "root")
    assert result.exit_code == 0, result.output
    assert "petrenko" in run(app, "users", "list").output and "disabled" in run(app, "users", "list").output


def test_projections_status_and_rebuild_report_positions_and_progress(app):
    build(app.extensions["portfolio"])
    head = app.extensions["portfolio"].recorder.max_notification_id()
    assert f"position {head} of {head} (lag 0)" in run(app, "projections", "status").output
    rebuilt = run(app, "projections", "rebuild")
    assert rebuilt.exit_code == 0 and f"from {head} events" in rebuilt.output
    assert f"rebuilding: {head}/{head}" in rebuilt.output


def test_the_demo_loads_once_with_an_account_per_role(app):
    first = run(app, "demo", "load")
    assert first.exit_code == 0, first.output
    assert "Demo accounts" in first.output
    assert "\r" not in first.output and 2 <= first.output.count("demo: steps recorded") <= 11  # issue 18
    roles = {row["role"] for row in app.extensions["portfolio"].queries.accounts()}
    assert roles == {"admin", "fundraiser", "board", "auditor"}
    head = app.extensions["portfolio"].recorder.max_notification_id()
    second = run(app, "demo", "load")
    assert "nothing changed" in second.output
    assert app.extensions["portfolio"].recorder.max_notification_id() == head


def test_progress_off_a_terminal_is_a_line_each_tenth_of_the_way(capsys):
    from portfolio.cli import show_progress

    show = show_progress("working")
    for done in range(1, 1001):
        show(done, 1000)
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 11 and lines[0].startswith("working: 1/") and "\r" not in "".join(lines)
    assert lines[-1].startswith("working: 1,000/1,000")
