"""`flask audit verify|checkpoint|export|import`: what an operator sees, and the exit status."""

from __future__ import annotations

import re

import pytest

from portfolio.readmodels.store import Statement
from tests.portfolio.scenario import build
from web import create_app


def _app(url):
    return create_app({"DATABASE_URL": url, "TESTING": True, "SECRET_KEY": "test", "AUDIT_KEY": "test"})


@pytest.fixture
def app(sqlite_url):
    flask_app = _app(sqlite_url)
    build(flask_app.extensions["portfolio"])
    yield flask_app
    flask_app.extensions["portfolio"].close()


def run(app, *args):
    return app.test_cli_runner().invoke(args=list(args))


def test_verify_prints_ok_with_the_count_and_the_head(app):
    result = run(app, "audit", "verify")
    count, head = app.extensions["portfolio"].chain.head()
    assert result.exit_code == 0 and f"OK {count:,} events, head {head}" in result.output


def test_verify_names_the_first_broken_position_and_its_record_and_exits_1(app):
    portfolio = app.extensions["portfolio"]
    record = portfolio.recorder.select_notifications(6, 1)[0].originator_id
    portfolio.read_models.write([Statement("DELETE FROM stored_events WHERE rowid = 6", {})])
    result = run(app, "audit", "verify")
    assert result.exit_code == 1
    assert f"BROKEN at position 6 (record {record}): the event stored there is gone" in result.output


def test_a_checkpoint_is_signed_and_counted_by_verify(app):
    signed = run(app, "audit", "checkpoint", "--as", "auditor")
    assert signed.exit_code == 0 and "checkpoint at position" in signed.output
    assert "1 checkpoints, 1 with a valid signature" in run(app, "audit", "verify").output


def test_export_then_import_into_an_empty_store_reports_the_same_head(app, tmp_path):
    file = tmp_path / "log.jsonl"
    exported = run(app, "audit", "export", str(file))
    assert exported.exit_code == 0, exported.output
    head = re.search(r"head (\w{64})", exported.output).group(1)
    restored = _app(f"sqlite:///{tmp_path / 'restored.db'}")
    imported = run(restored, "audit", "import", str(file))
    assert imported.exit_code == 0 and f"the chain head matches: {head}" in imported.output
    again = run(restored, "audit", "import", str(file))
    assert again.exit_code != 0 and "not empty" in again.output
    restored.extensions["portfolio"].close()
