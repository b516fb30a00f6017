"""A short dated history shared by the time-travel, audit and analytics tests."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from domain.context import clock_set_to, recording
from domain.enums import OrganizationKind
from domain.money import Money


@pytest.fixture
def history(store_url, open_portfolio):
    """A grant prospected on 1 March, submitted on 5 March, awarded on 20 March (recorded on the 25th
    with its real date of 18 March)."""
    app = open_portfolio(store_url)

    def at(day: int):
        return clock_set_to(datetime(2023, 3, day, 10, tzinfo=UTC))

    with recording("olena"), at(1):
        funder = app.register_organization("GIZ", OrganizationKind.FUNDER)
        grant = app.prospect_application("Beds", funder, funder, "olena", Money.of("100", "EUR"))
    with recording("olena"), at(5):
        app.submit_application(grant, date(2023, 3, 5))
    with recording("olena", effective_date=date(2023, 3, 18)), at(25):
        app.record_award(grant, Money.of("90", "EUR"), date(2023, 3, 18))
    return app, grant
