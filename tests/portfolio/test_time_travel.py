"""The portfolio as of any moment equals what replaying the log up to that moment builds."""

from __future__ import annotations

import random
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from eventsourcing.persistence import StoredEvent
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.context import clock_set_to, recording
from domain.enums import GrantStage
from domain.money import Money
from portfolio import timetravel
from portfolio.app import Portfolio
from portfolio.errors import NotFoundError, RuleBrokenError
from portfolio.readmodels.history import real_day
from portfolio.readmodels.schema import COLUMNS
from portfolio.registers import ListRequest
from tests.portfolio import random_history

STEPS = st.lists(st.tuples(st.integers(0, 9), st.integers(0, 50), st.integers(0, 99)), min_size=1, max_size=40)


def register_tables(app: Portfolio) -> dict[str, list[dict]]:
    """Every register table as the app reads it now (or as of the moment it is viewing)."""
    result = {}
    for table in COLUMNS:
        rows = app.read_models.query(f"SELECT * FROM {table}")
        rows = [{k: v for k, v in row.items() if k not in ("valid_from", "valid_to", "fork")} for row in rows]
        result[table] = sorted(rows, key=lambda row: tuple(str(v) for v in row.values()))
    return result


@contextmanager
def random_store(
    steps: list[tuple[int, int, int]], backdate: bool = False
) -> Iterator[tuple[Portfolio, list[datetime], Path]]:
    """A store on a temporary SQLite file that holds the random history `steps` (see random_history.run):
    the store, the moment of each step, and the folder; closed afterwards."""
    with tempfile.TemporaryDirectory() as folder:
        app = Portfolio(f"sqlite:///{Path(folder) / 'portfolio.db'}")
        try:
            yield app, random_history.run(app, steps, backdate=backdate), Path(folder)
        finally:
            app.close()


def replayed_up_to(app: Portfolio, position: int, folder: Path) -> Portfolio:
    """A new store holding only the first `position` events of `app`, with its read models built."""
    replica = Portfolio(f"sqlite:///{folder / f'replica-{uuid4()}.db'}")
    notifications = app.recorder.select_notifications(start=1, limit=max(position, 1))[:position]
    stored = [StoredEvent(n.originator_id, n.originator_version, n.topic, n.state) for n in notifications]
    if stored:
        replica.recorder.insert_events(stored)
    replica.projector.catch_up()
    return replica


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=STEPS, data=st.data())
def test_the_registers_and_dashboard_as_of_any_moment_equal_a_replay_of_the_events_recorded_by_then(steps, data):
    with random_store(steps) as (app, moments, folder):
        for _ in range(2):
            moment = data.draw(st.sampled_from(moments)) + timedelta(seconds=30)
            as_of = app.as_of(moment)
            with timetravel.viewing(as_of):
                seen, figures = register_tables(app), app.dashboard("EUR", moment)
            replica = replayed_up_to(app, as_of.position, folder)
            assert seen == register_tables(replica)
            assert figures == replica.dashboard("EUR", moment)  # kept sums, lists walked in index order
            replica.close()


def _stage(app: Portfolio, as_of: timetravel.AsOf) -> str:
    with timetravel.viewing(as_of):
        rows = app.list_register("grants", ListRequest()).rows
    return rows[0]["stage"] if rows else "absent"


def test_a_record_created_later_is_absent_and_a_later_change_is_not_yet_seen(history):
    app, _grant = history
    assert _stage(app, app.as_of(datetime(2023, 2, 28, tzinfo=UTC))) == "absent"
    assert _stage(app, app.as_of(datetime(2023, 3, 3, tzinfo=UTC))) == "prospect"
    assert _stage(app, app.as_of(datetime(2023, 3, 20, tzinfo=UTC))) == "submitted"
    assert _stage(app, app.as_of(datetime(2023, 3, 26, tzinfo=UTC))) == "awarded"


def test_as_it_really_was_counts_a_late_record_on_its_effective_date(history):
    app, _ = history
    assert _stage(app, app.as_of(real_on=date(2023, 3, 17))) == "submitted"
    assert _stage(app, app.as_of(real_on=date(2023, 3, 18))) == "awarded"  # recorded a week later


def test_a_detail_page_of_the_past_shows_the_record_at_the_version_it_had(history):
    app, grant = history
    with timetravel.viewing(app.as_of(datetime(2023, 3, 20, tzinfo=UTC))):
        detail = app.grant_detail(grant)
        assert (detail["version"], detail["stage"]) == (2, GrantStage.SUBMITTED)
    with timetravel.viewing(app.as_of(datetime(2023, 2, 1, tzinfo=UTC))), pytest.raises(NotFoundError):
        app.grant_detail(grant)


def test_nothing_can_be_changed_while_viewing_the_past(history):
    app, grant = history
    with (
        timetravel.viewing(app.as_of(datetime(2023, 3, 20, tzinfo=UTC))),
        recording("olena"),
        pytest.raises(RuleBrokenError, match="read-only"),
    ):
        app.start_grant_implementation(grant)
    assert app.grant_detail(grant)["version"] == 3


def test_the_history_of_a_record_reads_as_changes_with_who_when_and_why(history):
    app, grant = history
    entries = app.record_history(grant)
    assert [e.event for e in entries] == ["Prospected", "Submitted", "Awarded"]
    award = entries[-1]
    assert award.actor == "olena" and award.backdated and award.effective_date == date(2023, 3, 18)
    changes = {c.field: (c.old, c.new) for c in award.changes}
    assert changes["stage"] == (GrantStage.SUBMITTED, GrantStage.AWARDED)
    assert changes["awarded"] == (None, Money.of("90", "EUR"))
    assert entries[0].changes and all(c.old is None for c in entries[0].changes)
    funder_named = {c.field: c.new for c in entries[0].changes}["funder_id"]
    assert funder_named == "GIZ"  # ids of organizations read as their names


def test_a_sub_record_change_names_the_sub_record(sqlite_url, open_portfolio):
    from tests.portfolio.scenario import build

    app = open_portfolio(sqlite_url)
    ids = build(app)
    measured = next(e for e in app.record_history(ids["project"]) if e.event == "KpiMeasured")
    [change] = measured.changes
    assert (change.field, change.item, change.part, change.appended) == (
        "kpis",
        "Permanent members",
        "measurements",
        True,
    )
    assert change.new["value"] == 20


def test_the_audit_log_is_filtered_and_paged(history):
    from portfolio.audit.log import LogFilter

    app, grant = history
    page = app.audit_log(LogFilter(record_id=str(grant)), per_page=2)
    assert page.total == 3 and [row["event"] for row in page.rows] == ["Awarded", "Submitted"]
    assert app.audit_log(LogFilter(since=date(2023, 3, 2), until=date(2023, 3, 5))).total == 1
    assert app.audit_log(LogFilter(actor="nobody")).total == 0
    rows = list(app.audit_log_rows(LogFilter(record_type="GrantApplication"), batch=1))
    assert [row["version"] for row in rows] == [1, 2, 3] and rows[0]["title"] == "Beds"
    assert UUID(rows[0]["record_id"]) == grant


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=STEPS, data=st.data())
def test_the_changes_between_two_moments_are_the_difference_of_the_two_views(steps, data):
    with random_store(steps) as (app, moments, _):
        first, second = sorted(data.draw(st.lists(st.sampled_from(moments), min_size=2, max_size=2)))
        before, after = app.as_of(first), app.as_of(second + timedelta(seconds=30))
        with timetravel.viewing(before):
            old = {row["id"]: row for row in register_tables(app)["rm_grants"]}
        with timetravel.viewing(after):
            new = {row["id"]: row for row in register_tables(app)["rm_grants"]}
        expected = {(i, "created", None, r["stage"]) for i, r in new.items() if i not in old}
        expected |= {
            (i, "stage", old[i]["stage"], r["stage"])
            for i, r in new.items()
            if i in old and old[i]["stage"] != r["stage"]
        }
        expected |= {
            (i, "awarded", _amount(old[i], "awarded"), _amount(r, "awarded"))
            for i, r in new.items()
            if i in old and _amount(old[i], "awarded") != _amount(r, "awarded")
        }
        found = {
            (d.record_id, d.change, d.old, d.new)
            for d in app.compare(before, after).get("grant", [])
            if d.change in ("created", "stage", "awarded")
        }
        assert found == expected


def _amount(row: dict, prefix: str) -> str | None:
    amount = row[f"{prefix}_amount"]
    return None if amount is None else f"{amount} {row[f'{prefix}_currency']}"


def test_the_registers_as_of_a_moment_equal_a_replay_on_postgresql_too(postgres_url, open_portfolio, tmp_path):
    """PostgreSQL finds past rows through a range index: the same property, on fixed random steps."""
    generator = random.Random(5)
    steps = [(generator.randrange(10), generator.randrange(50), generator.randrange(100)) for _ in range(80)]
    app = open_portfolio(postgres_url)
    moments = random_history.run(app, steps)
    for moment in (moments[10], moments[45], moments[-1]):
        as_of = app.as_of(moment + timedelta(seconds=30))
        with timetravel.viewing(as_of):
            seen = register_tables(app)
        replica = replayed_up_to(app, as_of.position, tmp_path)
        assert seen == register_tables(replica)
        replica.close()


def test_the_drop_down_filters_offer_the_values_known_at_the_moment_viewed(history):
    app, grant = history
    funder = UUID(app.read_models.query("SELECT funder_id FROM rm_grants")[0]["funder_id"])
    with recording("olena"), clock_set_to(datetime(2023, 4, 1, 10, tzinfo=UTC)):
        app.hand_over_application(grant, "petro")
        app.rename_organization(funder, "GIZ Україна", "GIZ Ukraine")
    assert app.filter_values("grants")["owner"] == ["olena", "petro"]  # a value once held stays on offer
    assert app.filter_values("grants")["funder"] == ["GIZ Україна"]  # organizations by their name now
    assert app.filter_values("grants")["currency"] == ["EUR"]
    with timetravel.viewing(app.as_of(datetime(2023, 3, 20, tzinfo=UTC))):
        assert app.filter_values("grants")["owner"] == ["olena"]
        assert app.filter_values("grants")["funder"] == ["GIZ"]
    with timetravel.viewing(app.as_of(datetime(2023, 2, 1, tzinfo=UTC))):
        assert app.filter_values("grants")["owner"] == []


def test_a_moment_shows_the_log_up_to_the_first_event_recorded_after_it(store_url, open_portfolio):
    """Writers read their clocks before their events take a position, so an event recorded later
    can take an earlier position; a view of a moment never shows an event recorded after it."""
    from domain.enums import OrganizationKind

    app = open_portfolio(store_url)
    second = datetime(2024, 5, 6, 10, 0, 1, tzinfo=UTC)
    with recording("olena"), clock_set_to(second + timedelta(milliseconds=100)):
        app.register_organization("Recorded at 10:00:01.1", OrganizationKind.FUNDER, "A")
    with recording("taras"), clock_set_to(second - timedelta(milliseconds=100)):  # read its clock earlier
        app.register_organization("Recorded at 10:00:00.9", OrganizationKind.FUNDER, "B")
    assert app.as_of(second).position == 0
    assert app.as_of(second + timedelta(milliseconds=100)).position == 2
    with timetravel.viewing(app.as_of(second)):
        assert app.read_models.query("SELECT name_uk FROM rm_organizations") == []


def test_a_change_back_dated_before_earlier_changes_shows_from_its_own_day_and_brings_none_in(history):
    """An estimate recorded last but effective on 3 March, before the submission of 5 March: on 3
    March the grant was a prospect with that estimate, neither submitted nor awarded (issue 17)."""
    app, grant = history
    with recording("olena", effective_date=date(2023, 3, 3)), clock_set_to(datetime(2023, 3, 26, 10, tzinfo=UTC)):
        app.estimate_win_probability(grant, 40)
    assert _stage(app, app.as_of(real_on=date(2023, 3, 2))) == "prospect"
    with timetravel.viewing(app.as_of(real_on=date(2023, 3, 2))):
        assert app.grant_detail(grant)["win_probability"] is None
    assert _stage(app, app.as_of(real_on=date(2023, 3, 3))) == "prospect"
    with timetravel.viewing(app.as_of(real_on=date(2023, 3, 3))):
        assert app.list_register("grants", ListRequest()).rows[0]["win_probability"] == 40
        detail = app.grant_detail(grant)
        assert (detail["stage"], detail["win_probability"], detail["version"]) == (GrantStage.PROSPECT, 40, 4)
    with timetravel.viewing(app.as_of(real_on=date(2023, 3, 5))):
        detail = app.grant_detail(grant)
        assert (detail["stage"], detail["win_probability"]) == (GrantStage.SUBMITTED, 40)
    assert _stage(app, app.as_of(real_on=date(2023, 3, 18))) == "awarded"
    with timetravel.viewing(app.as_of(real_on=date(2023, 3, 18))):
        assert app.grant_detail(grant)["win_probability"] == 40
    with timetravel.viewing(app.as_of(real_on=date(2023, 2, 28))), pytest.raises(NotFoundError):
        app.grant_detail(grant)


def replayed_really_on(app: Portfolio, day: date, folder: Path) -> Portfolio:
    """A new store holding only the events of `app` in effect by `day`, in the order recorded."""
    replica = Portfolio(f"sqlite:///{folder / f'replica-{uuid4()}.db'}")
    notifications = app.recorder.select_notifications(start=1, limit=1_000_000)
    stored = [
        StoredEvent(n.originator_id, n.originator_version, n.topic, n.state)
        for n in notifications
        if real_day(app.mapper.to_domain_event(n)) <= day
    ]
    if stored:
        replica.recorder.insert_events(stored)
    replica.projector.catch_up()
    return replica


def _really_equal_a_replay(app: Portfolio, days: list[date], folder: Path) -> None:
    for day in days:
        with timetravel.viewing(app.as_of(real_on=day)):
            seen = register_tables(app)
            stages = {g: app.grant_detail(UUID(g))["stage"].value for g in (r["id"] for r in seen["rm_grants"])}
        replica = replayed_really_on(app, day, folder)
        assert seen == register_tables(replica), day
        assert stages == {row["id"]: row["stage"] for row in seen["rm_grants"]}, day
        replica.close()


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(st.tuples(st.integers(0, 9), st.integers(0, 50), st.integers(0, 99)), min_size=20, max_size=50),
       data=st.data())  # fmt: skip
def test_the_registers_as_they_really_were_on_a_day_equal_a_replay_of_the_events_in_effect_by_then(steps, data):
    """Changes back-dated up to four days, in any order: each record on a day shows exactly the
    changes in effect by then, applied in the order recorded (issue 17)."""
    with random_store(steps, backdate=True) as (app, _, folder):
        days = data.draw(st.lists(st.sampled_from(random_history.DAYS), min_size=1, max_size=2, unique=True))
        _really_equal_a_replay(app, days, folder)


def test_the_registers_as_they_really_were_equal_a_replay_on_postgresql_too(postgres_url, open_portfolio, tmp_path):
    generator = random.Random(17)
    steps = [(generator.randrange(10), generator.randrange(50), generator.randrange(100)) for _ in range(80)]
    app = open_portfolio(postgres_url)
    random_history.run(app, steps, backdate=True)
    assert app.read_models.rows("SELECT COUNT(*) FROM rm_backdated")[0][0] > 0
    _really_equal_a_replay(app, random_history.DAYS, tmp_path)


def test_as_it_really_was_the_history_the_changes_and_the_stage_times_count_only_changes_in_effect(history):
    """Found by an outside tester (issue 17): the history of a record, the changes between two days
    and the stage times, as it really was, leave out what was recorded but not yet in effect."""
    app, grant = history
    with recording("olena", effective_date=date(2023, 3, 3)), clock_set_to(datetime(2023, 3, 26, 10, tzinfo=UTC)):
        app.estimate_win_probability(grant, 40)
    with timetravel.viewing(app.as_of(real_on=date(2023, 3, 4))):
        assert [entry.event for entry in app.record_history(grant)] == ["Prospected", "WinProbabilityEstimated"]
    with timetravel.viewing(app.as_of(real_on=date(2023, 2, 1))), pytest.raises(NotFoundError):
        app.record_history(grant)
    other = app.compare(app.as_of(real_on=date(2023, 3, 2)), app.as_of(real_on=date(2023, 3, 4)))["grant"]
    assert [(d.change, d.detail) for d in other] == [("other", "1")]
    with timetravel.viewing(app.as_of(real_on=date(2023, 3, 10))):
        stages = {row.stage: (row.finished, row.ongoing) for row in app.stage_times("grant")}
    assert stages == {"prospect": (1, 0), "submitted": (0, 1)}
    with timetravel.viewing(app.as_of(datetime(2023, 3, 20, tzinfo=UTC))):  # as known then: no award yet
        assert {row.stage for row in app.stage_times("grant")} == {"prospect", "submitted"}
    assert {row.stage: row.ongoing for row in app.stage_times("grant")} == {"prospect": 0, "submitted": 0, "awarded": 1}
