"""Read models: exactly once under concurrent catch-up, and a rebuild equals the incremental result."""

from __future__ import annotations

import multiprocessing

from domain.context import recording
from domain.enums import OrganizationKind
from portfolio.app import Portfolio
from portfolio.readmodels import projector
from portfolio.readmodels.schema import CHOICES
from portfolio.register_specs import REGISTERS
from tests.portfolio.scenario import build, read_models


def _catch_up(url: str, batch: int, ready, go) -> None:
    app = Portfolio(url)
    ready.wait(60)
    go.wait(60)
    app.projector.catch_up(batch=batch)
    app.close()


def test_two_processes_catching_up_at_once_apply_each_event_exactly_once(store_url, open_portfolio):
    app = open_portfolio(store_url)
    ids = build(app)
    with recording("olena"):  # more events than a batch, and counters that would double if applied twice
        for n in range(30):
            app.report_initiative_progress(ids["initiative"], n)
            app.make_commitment(ids["paper"], ids["cluster"], f"Commitment {n}", "Olena", None)
    expected = read_models(app)
    app.read_models.drop_read_models()
    app.read_models.create_read_models()
    assert app.projector.status().position == 0

    context = multiprocessing.get_context("spawn")
    ready, go = context.Barrier(3), context.Event()
    workers = [context.Process(target=_catch_up, args=(store_url, batch, ready, go)) for batch in (3, 5)]
    for worker in workers:
        worker.start()
    ready.wait(60)
    go.set()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0

    assert app.projector.status().lag == 0
    assert read_models(app) == expected


def test_a_rebuild_equals_the_incrementally_built_read_models(store_url, open_portfolio):
    app = open_portfolio(store_url)
    build(app)
    incremental = read_models(app)
    seen = []
    applied = app.projector.rebuild(lambda done, total: seen.append((done, total)))
    assert applied == app.recorder.max_notification_id()
    assert seen and seen[-1][0] == seen[-1][1]
    assert read_models(app) == incremental


def test_a_projection_that_fell_behind_catches_up_from_its_position(sqlite_url, open_portfolio):
    writer, reader = open_portfolio(sqlite_url), open_portfolio(sqlite_url)
    build(writer)
    assert reader.projector.status().lag == 0
    with recording("olena"):
        writer.register_organization("EIT Manufacturing", OrganizationKind.NETWORK)
    assert reader.projector.status().lag == 0  # the writer caught the shared tables up itself
    assert any(o["name_uk"] == "EIT Manufacturing" for o in reader.queries.organizations())


def test_read_models_of_another_schema_version_are_rebuilt_on_start(store_url, open_portfolio):
    app = open_portfolio(store_url)
    build(app)
    expected = read_models(app)
    app.read_models.query("SELECT 1 AS one")  # the tables exist
    with app.read_models.datastore.transaction(commit=True) as cursor:
        cursor.execute("UPDATE rm_meta SET value = '0'")
        cursor.execute("DELETE FROM rm_projects")
        cursor.execute("DROP TABLE rm_kpis")  # an older layout, which this version's indexes do not fit
        cursor.execute("CREATE TABLE rm_kpis (id TEXT PRIMARY KEY)")
    reopened = open_portfolio(store_url)
    assert read_models(reopened) == expected


def test_a_search_finds_ukrainian_text_whatever_its_case(sqlite_url, open_portfolio):
    app = open_portfolio(sqlite_url)
    build(app)
    rows = app.read_models.query(
        "SELECT name_uk FROM rm_organizations WHERE name_uk_fold LIKE :q", {"q": "%харківськ%"}
    )
    assert {row["name_uk"] for row in rows} == {"Харківський IAM кластер", "Харківська міська рада"}


def test_every_drop_down_filter_reads_a_column_the_projector_notes():
    for register in REGISTERS.values():
        assert set(register.choices.values()) <= set(CHOICES.get(register.table, ())), register.table
        assert set(register.choices) <= set(register.filters), register.table


def test_a_long_catch_up_at_start_says_how_far_it_is(sqlite_url, open_portfolio, monkeypatch, capsys):
    app = open_portfolio(sqlite_url)
    with recording("olena"):
        for n in range(30):
            app.register_organization(f"Org {n}", OrganizationKind.CLUSTER)
    app.read_models.drop_read_models()  # as a new schema would on the next start
    app.read_models.create_read_models()
    monkeypatch.setattr(projector, "LONG_CATCH_UP", 10)
    open_portfolio(sqlite_url)
    lines = capsys.readouterr().err.splitlines()
    head = app.recorder.max_notification_id()
    assert lines == [f"read models: catching up: position {head:,} of {head:,}"]  # one batch
    monkeypatch.setattr(projector, "LONG_CATCH_UP", 1000)
    app.read_models.drop_read_models()
    app.read_models.create_read_models()
    open_portfolio(sqlite_url)
    assert capsys.readouterr().err == ""  # a short one says nothing


def test_a_long_catch_up_reports_a_line_each_twentieth_of_the_way(capsys):
    show = projector._lines("catching up")
    for position in range(500, 1_000_001, 500):
        show(position, 1_000_000)
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 20
    assert lines[0] == "catching up: position 50,000 of 1,000,000"
    assert lines[-1] == "catching up: position 1,000,000 of 1,000,000"
