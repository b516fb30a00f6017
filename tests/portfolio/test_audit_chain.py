"""Tamper evidence: altering, removing or reordering a stored event is found at its position, on
SQLite and PostgreSQL; an export restored into an empty store ends in the same chain head."""

from __future__ import annotations

from pathlib import Path

import pytest

from portfolio.app import Portfolio
from portfolio.audit.archive import ArchiveError, export_log, import_log
from portfolio.readmodels.store import Statement
from tests.portfolio.scenario import build, read_models

KEY = "an audit key for tests"


@pytest.fixture
def app(store_url, open_portfolio) -> Portfolio:
    portfolio = open_portfolio(store_url)
    portfolio.chain.key = KEY
    build(portfolio)
    return portfolio


def _events(app: Portfolio) -> tuple[str, str]:
    """The stored events table and its position column on this store."""
    table = app.recorder.events_table_name
    return (table, "notification_id") if "postgres" in type(app.recorder).__module__ else (table, "rowid")


def tamper(app: Portfolio, sql: str, **params) -> None:
    table, position = _events(app)
    app.read_models.write([Statement(sql.format(table=table, position=position), params)])


def record_at(app: Portfolio, position: int) -> str:
    return str(app.recorder.select_notifications(position, 1)[0].originator_id)


def test_an_untouched_log_verifies_with_its_head_and_count(app):
    verdict = app.chain.verify()
    assert verdict.ok and verdict.count == app.recorder.max_notification_id()
    assert verdict.head == app.chain.head()[1] and verdict.unchained == 0


def test_an_altered_event_is_found_at_its_position(app):
    record = record_at(app, 5)
    state = bytes(app.recorder.select_notifications(5, 1)[0].state).replace(b'"olena.fundraiser"', b'"mallory"')
    tamper(app, "UPDATE {table} SET state = :state WHERE {position} = 5", state=state)
    verdict = app.chain.verify()
    assert (verdict.ok, verdict.broken_at, verdict.problem, verdict.record_id) == (False, 5, "altered", record)
    assert verdict.count == 4


def test_a_removed_event_is_found_at_its_position(app):
    record = record_at(app, 7)
    tamper(app, "DELETE FROM {table} WHERE {position} = 7")
    verdict = app.chain.verify()
    assert (verdict.ok, verdict.broken_at, verdict.problem, verdict.record_id) == (False, 7, "missing", record)


def test_two_events_swapped_in_the_order_are_found_at_the_first(app):
    record = record_at(app, 3)
    tamper(app, "UPDATE {table} SET {position} = -1 WHERE {position} = 3")
    tamper(app, "UPDATE {table} SET {position} = 3 WHERE {position} = 4")
    tamper(app, "UPDATE {table} SET {position} = 4 WHERE {position} = -1")
    verdict = app.chain.verify()
    assert (verdict.ok, verdict.broken_at, verdict.problem, verdict.record_id) == (False, 3, "altered", record)


def test_a_rewritten_chain_is_caught_by_the_signed_checkpoint(app):
    checkpoint = app.chain.checkpoint("auditor")
    state = bytes(app.recorder.select_notifications(2, 1)[0].state).replace(b"GIZ", b"XYZ")
    tamper(app, "UPDATE {table} SET state = :state WHERE {position} = 2", state=state)
    tamper(app, "DELETE FROM audit_chain WHERE position >= 2")  # whoever altered it also relinks the chain
    app.chain.extend()
    verdict = app.chain.verify()
    assert (verdict.ok, verdict.broken_at, verdict.problem) == (False, checkpoint["position"], "checkpoint")


def test_a_checkpoint_signed_with_another_key_is_reported(app):
    app.chain.checkpoint("auditor")
    app.chain.key = "another key"
    verdict = app.chain.verify()
    assert not verdict.ok and verdict.problem == "signature"


def test_an_export_restored_into_an_empty_store_ends_in_the_same_head(app, another_store_url, tmp_path, open_portfolio):
    app.chain.checkpoint("auditor")
    export = tmp_path / "log.jsonl"
    seen = []
    with export.open("w", encoding="utf-8") as out:
        header = export_log(app, out, lambda done, total: seen.append((done, total)))
    assert seen[-1] == (header["events"], header["events"])
    restored = open_portfolio(another_store_url)
    restored.chain.key = KEY
    import_log(restored, export)
    assert restored.chain.head() == app.chain.head() == (header["events"], header["head"])
    assert restored.chain.verify().ok and len(restored.chain.checkpoints()) == 1
    assert read_models(restored) == read_models(app)


def test_a_file_with_an_altered_line_is_refused_and_nothing_is_recorded(app, tmp_path, open_portfolio):
    export = tmp_path / "log.jsonl"
    with export.open("w", encoding="utf-8") as out:
        export_log(app, out)
    lines = export.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("olena.fundraiser", "mallory")
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    empty = open_portfolio(f"sqlite:///{tmp_path / 'empty.db'}")
    with pytest.raises(ArchiveError, match="Line 4"):
        import_log(empty, export)
    assert empty.is_empty()


def test_import_refuses_a_store_that_is_not_empty(app, tmp_path):
    export = tmp_path / "log.jsonl"
    with export.open("w", encoding="utf-8") as out:
        export_log(app, out)
    with pytest.raises(ArchiveError, match="not empty"):
        import_log(app, Path(export))
