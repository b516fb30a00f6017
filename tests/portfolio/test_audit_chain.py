"""Tamper evidence: altering, removing or reordering a stored event is found at its position, on
SQLite and PostgreSQL; an export restored into an empty store ends in the same chain head."""

from __future__ import annotations

from pathlib import Path
from uuid import UUID

import pytest

from portfolio.app import Portfolio
from portfolio.audit.archive import ArchiveError, export_log, import_log
from portfolio.audit.verification import verify
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
    verdict = verify(app.chain)
    assert verdict.ok and verdict.count == app.recorder.max_notification_id()
    assert verdict.head == app.chain.head()[1] and verdict.unchained == 0


def test_an_altered_event_is_found_at_its_position(app):
    record = record_at(app, 5)
    state = bytes(app.recorder.select_notifications(5, 1)[0].state).replace(b'"olena.fundraiser"', b'"mallory"')
    tamper(app, "UPDATE {table} SET state = :state WHERE {position} = 5", state=state)
    verdict = verify(app.chain)
    assert (verdict.ok, verdict.broken_at, verdict.problem, verdict.record_id) == (False, 5, "altered", record)
    assert verdict.count == 4


def test_a_removed_event_is_found_at_its_position(app):
    record = record_at(app, 7)
    tamper(app, "DELETE FROM {table} WHERE {position} = 7")
    verdict = verify(app.chain)
    assert (verdict.ok, verdict.broken_at, verdict.problem, verdict.record_id) == (False, 7, "missing", record)


def test_two_events_swapped_in_the_order_are_found_at_the_first(app):
    record = record_at(app, 3)
    tamper(app, "UPDATE {table} SET {position} = -1 WHERE {position} = 3")
    tamper(app, "UPDATE {table} SET {position} = 3 WHERE {position} = 4")
    tamper(app, "UPDATE {table} SET {position} = 4 WHERE {position} = -1")
    verdict = verify(app.chain)
    assert (verdict.ok, verdict.broken_at, verdict.problem, verdict.record_id) == (False, 3, "altered", record)


def test_a_rewritten_chain_is_caught_by_the_signed_checkpoint(app):
    checkpoint = app.chain.checkpoint("auditor")
    state = bytes(app.recorder.select_notifications(2, 1)[0].state).replace(b"GIZ", b"XYZ")
    tamper(app, "UPDATE {table} SET state = :state WHERE {position} = 2", state=state)
    tamper(app, "DELETE FROM audit_chain WHERE position >= 2")  # whoever altered it also relinks the chain
    app.chain.extend()
    verdict = verify(app.chain)
    assert (verdict.ok, verdict.broken_at, verdict.problem) == (False, checkpoint["position"], "checkpoint")


def test_a_checkpoint_signed_with_another_key_is_reported(app):
    app.chain.checkpoint("auditor")
    app.chain.key = "another key"
    verdict = verify(app.chain)
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
    assert restored.chain.head()[1] == app.chain.head()[1] == header["head"]
    assert header["events"] == app.recorder.max_notification_id()
    assert verify(restored.chain).ok and len(restored.chain.checkpoints()) == 1
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


def test_a_link_removed_from_the_chain_is_found_at_its_position(app):
    record = record_at(app, 9)
    tamper(app, "DELETE FROM audit_chain WHERE position = 9")
    verdict = verify(app.chain)
    assert (verdict.ok, verdict.broken_at, verdict.problem, verdict.record_id) == (False, 9, "unlinked", record)


def test_an_event_removed_with_its_link_is_found_at_its_position(app):
    tamper(app, "DELETE FROM {table} WHERE {position} = 12")
    tamper(app, "DELETE FROM audit_chain WHERE position = 12")
    verdict = verify(app.chain)
    assert (verdict.ok, verdict.broken_at, verdict.problem) == (False, 12, "missing")


def test_a_log_cut_short_below_a_signed_checkpoint_is_found(app):
    checkpoint = app.chain.checkpoint("auditor")
    tamper(app, "DELETE FROM {table} WHERE {position} > 20")
    tamper(app, "DELETE FROM audit_chain WHERE position > 20")
    verdict = verify(app.chain)
    assert (verdict.ok, verdict.broken_at, verdict.problem) == (False, checkpoint["position"], "truncated")


def test_a_chain_started_again_over_stored_events_says_so_and_vouches_for_none_of_them(app):
    tamper(app, "DELETE FROM audit_chain")
    tamper(app, "DELETE FROM audit_chain_starts")
    app.chain.extend()
    verdict = verify(app.chain)
    assert verdict.ok and verdict.starts[-1]["already_stored"] == app.recorder.max_notification_id()
    assert verdict.checkpoints == []


def test_a_link_kept_outside_is_checked_against_the_chain(app):
    position, head = app.chain.head()
    assert verify(app.chain, expect=(position, head)).ok
    verdict = verify(app.chain, expect=(position, "0" * 64))
    assert (verdict.ok, verdict.broken_at, verdict.problem) == (False, position, "expected")


def test_the_chain_goes_on_past_a_write_that_lost_a_race(app, store_url, open_portfolio):
    from domain.context import recording
    from domain.project import Project
    from portfolio.errors import ConflictError

    other = open_portfolio(store_url)
    project = next(iter(read_models(app)["rm_projects"]))["id"]
    first, second = app._load(Project, UUID(project)), other._load(Project, UUID(project))
    with recording("olena"):
        first.describe("First title", "")
        second.describe("Second title", "")
        app._save(first)
        with pytest.raises(ConflictError):
            other._save(second)  # on PostgreSQL this spends a position: the log has a gap
        app.describe_project(UUID(project), "Third title", "")
    assert app.chain.head()[0] == app.recorder.max_notification_id()
    assert verify(app.chain).ok


def test_a_restore_keeps_the_exported_checkpoints_and_signs_none_of_its_own(
    app, another_store_url, tmp_path, open_portfolio
):
    app.chain.checkpoint("auditor")
    export = tmp_path / "log.jsonl"
    with export.open("w", encoding="utf-8") as out:
        export_log(app, out)
    restored = open_portfolio(another_store_url)
    restored.chain.key = "another key"
    import_log(restored, export)
    assert [c["signature"] for c in restored.chain.checkpoints()] == [c["signature"] for c in app.chain.checkpoints()]
    assert verify(restored.chain).problem == "signature"  # signed under another key: shown, never laundered
