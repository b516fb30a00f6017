"""The interval tree that finds the history rows true at a position (`portfolio.readmodels.spans`)."""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime

import pytest

from portfolio import timetravel
from portfolio.demo.generate import generate
from portfolio.readmodels import spans
from portfolio.readmodels.schema import COLUMNS, STILL_TRUE


def _highest_node(low: int, high: int) -> int:
    """The number in [low, high] with the most trailing zero bits, found by looking at each."""
    return max(range(low, high + 1), key=lambda n: (n & -n, -n))


@pytest.mark.parametrize("seed", range(5))
def test_a_closed_spans_fork_is_its_highest_node(seed):
    rng = random.Random(seed)
    for _ in range(300):
        valid_from = rng.randrange(1, 5000)
        valid_to = valid_from + rng.randrange(1, 3000)
        assert spans.fork_of(valid_from, valid_to) == _highest_node(valid_from, valid_to - 1), (valid_from, valid_to)


def _history(rng: random.Random) -> sqlite3.Connection:
    """A history twin of 400 records, each a chain of versions closed the way `history.py` closes them."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE rm_things_history (owner INTEGER, valid_from BIGINT, valid_to BIGINT, fork BIGINT)")
    events = [(position, rng.randrange(400)) for position in range(1, 6000)]
    for position, owner in events:
        db.execute(
            f"UPDATE rm_things_history SET valid_to = :position, fork = {spans.closed_fork(position)} "
            f"WHERE owner = :owner AND valid_to = {STILL_TRUE}",
            {"owner": owner, "position": position},
        )
        db.execute("INSERT INTO rm_things_history VALUES (?, ?, ?, ?)", (owner, position, STILL_TRUE, spans.ROOT))
    return db


def test_the_sql_closes_a_row_with_the_fork_python_computes():
    db = _history(random.Random(1))
    closed = db.execute(f"SELECT valid_from, valid_to, fork FROM rm_things_history WHERE valid_to < {STILL_TRUE}")
    rows = closed.fetchall()
    assert len(rows) > 5000
    assert all(fork == spans.fork_of(valid_from, valid_to) for valid_from, valid_to, fork in rows)


def test_the_rows_true_at_a_position_are_exactly_those_whose_span_holds_it():
    db = _history(random.Random(2))
    rows = db.execute("SELECT owner, valid_from, valid_to FROM rm_things_history").fetchall()
    for position in [0, 1, 2, 3, 4095, 4096, 4097, 5998, 5999, 6000, *random.Random(3).sample(range(6000), 200)]:
        found = db.execute(
            f"SELECT owner, valid_from, valid_to FROM ({spans.true_at('rm_things', position)})",
            {"as_of_position": position},
        ).fetchall()
        expected = [row for row in rows if row[1] <= position < row[2]]
        assert sorted(found) == sorted(expected), position
    assert 0 < len(expected) < 400


def test_the_rows_met_by_walking_another_index_are_those_the_interval_index_finds(store_url, open_portfolio):
    """A query that walks an index of its own (`walk=True`) checks each row's span itself: at every
    position of a generated log, both ways read the same rows of every register table."""
    app = open_portfolio(store_url)
    generate(app, 400)
    head = app.recorder.max_notification_id()
    moment = datetime.now(UTC)
    for position in range(0, head + 1):
        with timetravel.viewing(timetravel.AsOf(moment, position)):
            for table in COLUMNS:
                found, walked = (
                    app.read_models.query(f"SELECT * FROM {table}"),
                    app.read_models.query(f"SELECT * FROM {table}", walk=True),
                )
                assert sorted(map(repr, found)) == sorted(map(repr, walked)), (table, position)
    with timetravel.viewing(timetravel.AsOf(moment, head)):
        assert len(app.read_models.query("SELECT * FROM rm_kpis", walk=True)) > 0
