"""`flask audit verify|checkpoint|export|import`: what an operator sees, and the exit status."""

from __future__ import annotations

import re

import pytest

from tests.portfolio.scenario import build
from tests.portfolio.tampering import forge_event, tamper
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
    tamper(portfolio, "DELETE FROM {table} WHERE {position} = 6")
    result = run(app, "audit", "verify")
    assert result.exit_code == 1
    assert f"BROKEN at position 6 (record {record}): the event stored there is gone" in result.output
    assert "The 5 events before it match their links" in result.output


def test_verify_only_reads_and_names_a_forged_tail_a_new_process_never_links(app, sqlite_url):
    portfolio = app.extensions["portfolio"]
    forged = forge_event(portfolio, 5)
    read_models_at, chain_head = portfolio.read_models.position(), portfolio.chain.head()
    fresh = _app(sqlite_url)  # as `flask --app wsgi audit verify` starts: nothing is opened before the command
    result = run(fresh, "audit", "verify")
    assert result.exit_code == 1 and f"BROKEN at position {forged:,}" in result.output
    assert "was not linked when it was written" in result.output
    assert (portfolio.read_models.position(), portfolio.chain.head()) == (read_models_at, chain_head)


def test_verify_fails_when_the_tail_is_cut_and_says_where_the_witness_is(app):
    portfolio = app.extensions["portfolio"]
    last = portfolio.recorder.max_notification_id()
    tamper(portfolio, "DELETE FROM {table} WHERE {position} = :p", p=last)
    tamper(portfolio, "DELETE FROM audit_chain WHERE position = :p", p=last)
    result = run(app, "audit", "verify")
    assert result.exit_code == 1 and f"BROKEN at position {last:,}" in result.output and "cut short" in result.output
    assert not re.search(r"^OK ", result.output, re.MULTILINE)


def test_verify_names_the_witness_it_checked(app):
    result = run(app, "audit", "verify")
    assert result.exit_code == 0 and ".witness) saw every write up to position" in result.output


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
    assert "events were restored on" in run(restored, "audit", "verify").output
    again = run(restored, "audit", "import", str(file))
    assert again.exit_code != 0 and "not empty" in again.output
    restored.extensions["portfolio"].close()


def test_a_broken_log_is_not_signed(app):
    portfolio = app.extensions["portfolio"]
    tamper(portfolio, "DELETE FROM {table} WHERE {position} = 6")
    result = run(app, "audit", "checkpoint", "--as", "auditor")
    assert result.exit_code == 1 and "BROKEN at position 6" in result.output and "Nothing was signed." in result.output
    assert portfolio.chain.checkpoints() == []
