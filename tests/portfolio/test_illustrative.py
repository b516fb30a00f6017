"""The illustrative mark goes from the event to the read models on both stores, as of any moment (as
recorded and as it really was), into the registers' rows and the dashboard's totals."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from domain.context import clock_set_to, recording
from domain.enums import Category, MemorandumKind, OrganizationKind, Priority
from domain.rates import RATES_ID
from portfolio import timetravel
from portfolio.errors import NotFoundError, RuleBrokenError
from portfolio.registers import ListRequest

NOW = datetime(2023, 4, 1, tzinfo=UTC)


def at(day: int):
    return clock_set_to(datetime(2023, 3, day, 10, tzinfo=UTC))


def grant_row(app, as_of=None) -> dict:
    with timetravel.viewing(as_of):
        [row] = app.list_register("grants", ListRequest()).rows
    return row


def illustrative_share(app, as_of=None) -> dict:
    with timetravel.viewing(as_of):
        figures = app.dashboard("EUR", NOW)["illustrative"]
    return {stage: share.amount for stage, share in figures["by_stage"].items()} | {
        "won": figures["won"]["awarded"].amount
    }


def test_a_mark_and_its_clearing_reach_the_register_the_dashboard_and_every_view_of_the_past(history):
    app, grant = history  # prospected 1 March, submitted 5 March, awarded 20 March (recorded the 25th, as of the 18th)
    with recording("olena"), at(26):
        app.mark_illustrative(grant, "The amount was invented for a demo")
    row = grant_row(app)
    assert (row["illustrative"], row["illustrative_reason"]) == (1, "The amount was invented for a demo")
    assert app.grant_detail(grant)["illustrative"] == "The amount was invented for a demo"
    assert illustrative_share(app) == {"awarded": Decimal("90.00"), "won": Decimal("90.00")}
    event = app.read_models.query("SELECT event, actor, reason FROM rm_events ORDER BY position DESC LIMIT 1")[0]
    assert event == {"event": "MarkedIllustrative", "actor": "olena", "reason": "The amount was invented for a demo"}

    with recording("petro"), at(28):
        app.clear_illustrative(grant, "The award letter confirms it")
    assert (grant_row(app)["illustrative"], grant_row(app)["illustrative_reason"]) == (0, None)
    assert illustrative_share(app) == {"won": Decimal("0.00")}

    before, marked = app.as_of(datetime(2023, 3, 25, 12, tzinfo=UTC)), app.as_of(datetime(2023, 3, 27, tzinfo=UTC))
    assert grant_row(app, before)["illustrative"] == 0 and illustrative_share(app, before) == {"won": Decimal("0.00")}
    assert grant_row(app, marked)["illustrative_reason"] == "The amount was invented for a demo"
    assert illustrative_share(app, marked) == {"awarded": Decimal("90.00"), "won": Decimal("90.00")}
    with timetravel.viewing(marked):
        assert app.grant_detail(grant)["illustrative"] == "The amount was invented for a demo"

    app.projector.rebuild()  # the mark is projected from the events alone
    assert grant_row(app)["illustrative"] == 0 and grant_row(app, marked)["illustrative"] == 1


def test_a_mark_back_dated_before_earlier_changes_counts_from_its_own_day_as_it_really_was(history):
    app, grant = history
    with recording("olena", effective_date=date(2023, 3, 3)), at(26):
        app.mark_illustrative(grant, "Invented from the start")
    assert app.read_models.rows("SELECT COUNT(*) FROM rm_grants_real WHERE illustrative = 1")[0][0] > 0
    assert grant_row(app, app.as_of(real_on=date(2023, 3, 2)))["illustrative"] == 0
    on_the_day = grant_row(app, app.as_of(real_on=date(2023, 3, 3)))
    assert (on_the_day["stage"], on_the_day["illustrative_reason"]) == ("prospect", "Invented from the start")
    assert illustrative_share(app, app.as_of(real_on=date(2023, 3, 19))) == {
        "awarded": Decimal("90.00"),
        "won": Decimal("90.00"),
    }


def test_every_kind_with_figures_shows_the_mark_in_its_register(store_url, open_portfolio):
    app = open_portfolio(store_url)
    with recording("olena"):
        organization = app.register_organization("Партнер", OrganizationKind.COMPANY)
        records = {
            "organizations": organization,
            "projects": app.propose_project("P-1", "Парк", organization, "Olena", Priority.WOW, Category.VALUE_CHAINS),
            "memoranda": app.draft_memorandum(MemorandumKind.NDA, "Прототипи", "Olena"),
            "initiatives": app.propose_initiative("Карта", "Зростання", "Центри", "Olena", date(2023, 3, 31)),
        }
        for register, record_id in records.items():
            app.mark_illustrative(record_id, f"{register}: invented")
    for register in records:
        [row] = [r for r in app.list_register(register, ListRequest()).rows if r["id"] == str(records[register])]
        assert (row["illustrative"], row["illustrative_reason"]) == (1, f"{register}: invented"), register
    with recording("olena"), pytest.raises(RuleBrokenError, match="already marked"):
        app.mark_illustrative(organization, "organizations: invented")


def test_the_rates_are_marked_as_one_record_and_a_later_rate_is_marked_with_them(store_url, open_portfolio):
    app = open_portfolio(store_url)
    with recording("taras"), pytest.raises(NotFoundError):
        app.mark_illustrative(RATES_ID, "Rounded")  # no rates yet
    with recording("taras"):
        app.record_exchange_rate("UAH", "EUR", Decimal("0.025"), date(2023, 1, 9))
        app.mark_illustrative(RATES_ID, "Rounded, not the bank's")
        app.record_exchange_rate("USD", "EUR", Decimal("0.93"), date(2023, 1, 9))
    rows = app.read_models.query("SELECT from_currency, illustrative, illustrative_reason FROM rm_rates")
    assert {(r["from_currency"], r["illustrative"], r["illustrative_reason"]) for r in rows} == {
        ("UAH", 1, "Rounded, not the bank's"),
        ("USD", 1, "Rounded, not the bank's"),
    }
    assert app.dashboard("EUR", NOW)["illustrative"]["rates"] == "Rounded, not the bank's"
    with recording("taras"):
        app.clear_illustrative(RATES_ID, "Copied from the bank")
    assert app.illustrative_rates() is None
    assert app.exchange_rates()[0].keys() == {"from_currency", "to_currency", "on_date", "rate"}
