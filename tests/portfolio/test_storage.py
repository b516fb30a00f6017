"""The application on a SQLite file and on PostgreSQL: round trips, conflicts, errors."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from domain.context import recording
from domain.enums import GrantStage, Health, InitiativeStatus, MemorandumStage, ProjectStage, ResultLevel
from domain.money import Money
from portfolio.config import ConfigError, store_settings
from portfolio.errors import ConflictError, NotFoundError, RuleBrokenError
from tests.portfolio.scenario import KYIV, build


def test_every_field_type_round_trips_exactly_through_the_store(store_url, open_portfolio):
    ids = build(open_portfolio(store_url))
    fresh = open_portfolio(store_url)

    project = fresh.repository.get(ids["project"])
    assert project.stage is ProjectStage.APPROVED
    assert project.budget == Money(Decimal("1250000.50"), "EUR")
    assert project.planned_start == date(2020, 8, 1) and type(project.planned_start) is date
    assert project.regions == ["Kharkiv", "Zaporizhzhia"]
    kpi = project.kpis[ids["kpi"]]
    assert kpi.level is ResultLevel.OUTCOME
    assert kpi.target == Decimal("22.5") and kpi.revisions[0].old_target == Decimal("25")
    assert kpi.measurements[0].value == Decimal("20")
    assert project.checklist["joint_action"] is True

    grant = fresh.repository.get(ids["grant"])
    assert grant.stage is GrantStage.AWARDED
    assert grant.deadline == datetime(2022, 5, 1, 17, 0, tzinfo=KYIV)
    assert grant.deadline.utcoffset() == KYIV.utcoffset(None)
    assert grant.co_financing == Money(Decimal("0.01"), "UAH")
    assert str(grant.awarded.amount) == "4500000.00"
    assert grant.received == Money(Decimal("1500000"), "UAH")

    memo = fresh.repository.get(ids["memo"])
    assert memo.stage is MemorandumStage.SIGNED and memo.signed_on == date(2021, 10, 27)

    initiative = fresh.repository.get(ids["initiative"])
    assert initiative.status is InitiativeStatus.POSTPONED and initiative.health is Health.AT_RISK
    assert initiative.original_target_on == date(2023, 3, 31)


def test_events_carry_who_why_and_when_it_really_happened(store_url, open_portfolio):
    ids = build(open_portfolio(store_url))
    events = list(open_portfolio(store_url).events.get(ids["initiative"]))
    assert {e.actor for e in events} == {"board.petrenko"}
    assert events[0].reason == "Board meeting 10 Jan 2023"
    assert events[0].effective_date == date(2023, 1, 10)
    assert all(e.timestamp.tzinfo is not None for e in events)


def test_a_stale_version_is_a_conflict_and_nothing_is_lost(store_url, open_portfolio):
    app = open_portfolio(store_url)
    ids = build(app)
    seen = app.repository.get(ids["project"]).version
    with recording("ivan"):
        app.describe_project(ids["project"], "ClusteRISE 2", "first", expected_version=seen)
        with pytest.raises(ConflictError) as conflict:
            app.describe_project(ids["project"], "ClusteRISE 3", "second", expected_version=seen)
    assert conflict.value.version == seen + 1
    assert "ivan" in str(conflict.value)
    assert app.repository.get(ids["project"]).title == "ClusteRISE 2"


def test_concurrent_saves_of_one_record_surface_as_a_conflict(store_url, open_portfolio):
    first, second = open_portfolio(store_url), open_portfolio(store_url)
    ids = build(first)
    mine = first.repository.get(ids["grant"])
    theirs = second.repository.get(ids["grant"])
    with recording("a"):
        mine.hand_over("Anna")
    with recording("b"):
        theirs.hand_over("Bohdan")
    first.save(mine)
    with pytest.raises(ConflictError):
        second._save(theirs)
    assert first.repository.get(ids["grant"]).owner == "Anna"


def test_broken_rules_and_missing_records_become_the_applications_own_errors(sqlite_url, open_portfolio):
    app = open_portfolio(sqlite_url)
    ids = build(app)
    with recording("olena"):
        with pytest.raises(RuleBrokenError, match="cannot be withdrawn"):
            app.withdraw_application(ids["grant"], "changed our minds")
        with pytest.raises(NotFoundError):
            app.approve_project(ids["grant"])
        with pytest.raises(NotFoundError):
            app.approve_project(ids["kpi"])


def test_a_command_returns_only_after_the_read_models_show_it(store_url, open_portfolio):
    app = open_portfolio(store_url)
    ids = build(app)
    with recording("olena"):
        app.start_project(ids["project"])
    row = next(p for p in app.queries.projects() if p["id"] == str(ids["project"]))
    assert row["stage"] == "in_implementation"
    assert app.projector.status().lag == 0


def test_events_are_saved_durably_though_the_read_models_are_not_waited_for(store_url, open_portfolio):
    """Projecting commits without waiting for the disk (the log can give it again); the setting
    must not stay on the connection that the event store uses next."""
    app = open_portfolio(store_url)
    build(app)
    setting = "PRAGMA synchronous" if store_url.startswith("sqlite") else "SHOW synchronous_commit"
    for _ in range(3):  # whichever pooled connection comes next
        with app.recorder.datastore.transaction(commit=False) as cursor:
            cursor.execute(setting)
            row = cursor.fetchone()
            value = row[0] if not isinstance(row, dict) else next(iter(row.values()))
        assert str(value) in ("2", "3", "on")  # FULL or EXTRA on SQLite


@pytest.mark.parametrize(
    ("url", "message"),
    [("mysql://x", "not supported"), ("sqlite:///", "names no SQLite file")],
)
def test_unusable_database_urls_are_refused_with_a_message(url, message):
    with pytest.raises(ConfigError, match=message):
        store_settings(url)
