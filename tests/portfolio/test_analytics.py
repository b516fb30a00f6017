"""Stage analytics from history: days in each stage by real dates, and win rates by funder and year."""

from __future__ import annotations

from datetime import UTC, date, datetime

from domain.context import clock_set_to, recording
from domain.money import Money


def test_days_in_each_stage_count_from_the_real_dates_of_the_changes(history):
    app, _ = history
    times = {t.stage: t for t in app.stage_times("grant")}
    assert (times["prospect"].finished, times["prospect"].median_days) == (1, 4)  # 1 → 5 March
    assert (times["submitted"].finished, times["submitted"].median_days) == (1, 13)  # 5 → 18 March (effective)
    assert (times["awarded"].finished, times["awarded"].ongoing) == (0, 1)


def test_a_change_that_keeps_the_stage_does_not_start_a_new_stay(history):
    app, grant = history
    with recording("olena"), clock_set_to(datetime(2023, 4, 1, tzinfo=UTC)):
        app.correct_award(grant, Money.of("95", "EUR"), date(2023, 3, 18), "typo")
    assert {t.stage: t.ongoing for t in app.stage_times("grant")}["awarded"] == 1
    assert [t.finished for t in app.stage_times("grant")] == [1, 1, 0]


def test_win_rates_count_decisions_per_funder_and_year(history):
    app, _ = history
    [rate] = app.win_rates()
    assert (rate.funder, rate.year, rate.won, rate.lost, rate.percent) == ("GIZ", 2023, 1, 0, 100)
    table = app.win_rate_table()
    assert table["years"] == [2023] and table["rows"][0][0] == "GIZ"


def test_an_empty_portfolio_has_no_stage_times_or_win_rates(sqlite_url, open_portfolio):
    app = open_portfolio(sqlite_url)
    assert app.stage_times("project") == [] and app.win_rate_table() == {"years": [], "rows": []}
