"""The demo portfolio: a believable, dated history of 2019–2023 built only through the use cases.

Every record is created and changed by real commands, each recorded by a named person at a moment
in the past (`clock_set_to`) and, where it happened earlier than it was entered, with its effective
date. Facts come from the seed documents (see /work/shared/domain.md); a record with figures the
documents do not give (an amount, tranches, a KPI target or measurement, a target date, a placeholder
organization, the rounded exchange rates) is marked illustrative as soon as it is made, the reason
saying what was invented, so its page, the registers and the totals say so. Exact days inside a
documented month and all times of day are demo data.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from domain.context import clock_set_to, recording
from domain.enums import Role
from portfolio.app import Portfolio
from portfolio.demo import clusterise, grants, innovation, maritime, organizations, practices, rates, uca, zaporizhzhia
from portfolio.demo.script import ANDRII, IRYNA, OLENA, PETRENKO, SHEVCHUK, TARAS, Call, Script

# One account per role, named like the people who recorded the demo history.
DEMO_ACCOUNTS: dict[str, Role] = {
    "admin": Role.ADMIN,
    OLENA: Role.FUNDRAISER,
    TARAS: Role.FUNDRAISER,
    IRYNA: Role.FUNDRAISER,
    ANDRII: Role.FUNDRAISER,
    PETRENKO: Role.BOARD,
    SHEVCHUK: Role.BOARD,
    "auditor.koval": Role.AUDITOR,
}

STORIES = (organizations, clusterise, zaporizhzhia, practices, grants, innovation, maritime, uca, rates)


def demo_calls() -> list[Call]:
    """Every use-case call of the demo, in the order of the moments they are recorded at."""
    script = Script()
    for story in STORIES:
        story.script(script)
    return script.calls()


def load_demo(app: Portfolio, progress: Callable[[int, int, str], None] | None = None) -> bool:
    """Fill an empty store with the demo portfolio; leave any other store alone and return False."""
    if not app.is_empty():
        return False
    calls = demo_calls()
    ids: dict[str, Any] = {}
    last: datetime | None = None
    for done, call in enumerate(calls, start=1):
        # Calls sharing a moment are a second apart, so the clock only moves forward.
        moment = call.when if last is None or call.when > last else last + timedelta(seconds=1)
        with clock_set_to(moment), recording(call.actor, call.reason, call.effective):
            call.run(app, ids)
        last = moment
        if progress is not None:
            progress(done, len(calls), call.label)
    return True
