"""`projections check`: a read-model row changed behind the tracker's back is found and named, on
SQLite and PostgreSQL; the check is recorded, and nothing of the scratch copy is left behind."""

from __future__ import annotations

import pytest

from portfolio.readmodels.store import Statement
from tests.portfolio.scenario import build


@pytest.fixture
def app(store_url, open_portfolio):
    portfolio = open_portfolio(store_url)
    build(portfolio)
    return portfolio


def test_read_models_as_projected_equal_a_rebuild(app):
    result = app.check_read_models("auditor")
    assert result.ok and result.position == app.recorder.max_notification_id() and result.rows > 100
    last = app.last_read_model_check()
    assert (last["differences"], last["position"], last["checked_by"]) == (0, result.position, "auditor")


def test_a_changed_row_is_named_with_its_table_and_recorded(app):
    app.read_models.write([Statement("UPDATE rm_grants SET title = 'Changed by hand'", {})])
    result = app.check_read_models("auditor")
    assert not result.ok and [d.table for d in result.differences] == ["rm_grants"]
    assert result.differences[0].only_in_read_models == result.differences[0].only_in_rebuild >= 1
    assert "title='Changed by hand' (rebuilt: " in result.differences[0].examples[0]
    assert app.last_read_model_check()["differences"] == 1
    app.projector.rebuild()
    assert app.check_read_models("auditor").ok


def test_a_removed_row_is_found(app):
    app.read_models.write([Statement("DELETE FROM rm_events WHERE position = 3", {})])
    result = app.check_read_models("auditor")
    assert [(d.table, d.only_in_read_models, d.only_in_rebuild) for d in result.differences] == [("rm_events", 0, 1)]


def test_the_scratch_copy_is_removed(app):
    app.check_read_models("auditor")
    if "postgres" in app.read_models.__class__.__name__.lower():
        schemas = app.read_models.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'check_%'")
        assert schemas == []


def test_a_sample_replays_only_its_records_and_finds_a_changed_row_of_one(app):
    result = app.check_read_models("auditor", sample=1000)  # more than there are: every record
    assert result.ok and result.sampled == len({row["record_id"] for row in app.read_models.query(
        "SELECT DISTINCT record_id FROM rm_events")})  # fmt: skip
    app.read_models.write([Statement("UPDATE rm_kpis SET name = 'Changed by hand'", {})])
    result = app.check_read_models("auditor", sample=1000)
    assert [d.table for d in result.differences] == ["rm_kpis"]
    last = app.last_read_model_check()
    assert last["sampled"] == result.sampled and [table for table, _, _ in last["tables"]] == ["rm_kpis"]


def test_a_sample_that_finds_nothing_does_not_clear_what_a_full_check_found(app):
    app.read_models.write([Statement("UPDATE rm_grants SET title = 'Changed by hand'", {})])
    assert not app.check_read_models("auditor").ok
    for _ in range(3):  # samples of one record: most leave the changed application out and find nothing
        app.check_read_models("auditor", sample=1)
        assert app.last_read_model_check()["differences"] == 1
    app.projector.rebuild()
    app.check_read_models("auditor", sample=1)
    assert app.last_read_model_check()["differences"] == 1  # only a full check says the difference is gone
    assert app.check_read_models("auditor").ok and app.last_read_model_check()["differences"] == 0


def test_the_schedule_runs_one_check_per_period_whoever_claims_it_first(app, store_url, open_portfolio):
    """Each web process tries the scheduled check; the first claim of a period runs it, the others
    find it claimed (issue 17)."""
    from datetime import UTC, datetime, timedelta

    other = open_portfolio(store_url)  # another worker of the same store
    noon = datetime(2026, 12, 2, 12, tzinfo=UTC)
    app.read_models.write([Statement("UPDATE rm_grants SET title = 'Changed by hand'", {})])
    result = app.run_scheduled_check(24, 0, now=noon)
    assert result is not None and [d.table for d in result.differences] == ["rm_grants"]
    assert other.run_scheduled_check(24, 0, now=noon + timedelta(hours=3)) is None  # the same day
    assert app.last_read_model_check()["checked_by"] == "schedule"
    sampled = other.run_scheduled_check(24, 3, now=noon + timedelta(days=1))
    assert sampled is not None and sampled.sampled == 3


def test_the_schedule_thread_checks_on_its_own(app):
    import threading
    import time

    from portfolio.checks import keep_checking

    stop = threading.Event()
    thread = keep_checking(app, 24, 2, wake=0.05, stop=stop)
    for _ in range(200):
        if app.read_models.rows("SELECT checked_by, sampled FROM projection_checks"):
            break
        time.sleep(0.05)
    stop.set()
    thread.join(timeout=30)
    assert app.read_models.rows("SELECT checked_by, sampled FROM projection_checks") == [("schedule", 2)]
