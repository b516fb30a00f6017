"""What a write costs on a record with a back-dated change, beside one recorded in order (SQLite):
`.venv/bin/python bench/backdated.py`. A record with a change recorded after one that took effect
later is replayed day by day on every write (see `portfolio/readmodels/real_days.py`)."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from domain.context import clock_set_to, recording
from domain.enums import OrganizationKind
from domain.money import Money
from portfolio.app import Portfolio

CHANGES = 48  # each on a day of its own
WRITES = 30


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        app = Portfolio(f"sqlite:///{Path(folder) / 'portfolio.db'}")
        start = datetime(2024, 1, 1, 10, tzinfo=UTC)
        with recording("olena"), clock_set_to(start):
            funder = app.register_organization("GIZ", OrganizationKind.FUNDER)
            backdated = app.prospect_application("Back-dated", funder, funder, "olena", Money.of("100", "EUR"))
            in_order = app.prospect_application("In order", funder, funder, "olena", Money.of("100", "EUR"))
        for n in range(CHANGES):
            with recording("olena"), clock_set_to(start + timedelta(days=n + 1)):
                app.estimate_win_probability(backdated, n)
                app.estimate_win_probability(in_order, n)
        with recording("olena", effective_date=date(2024, 1, 2)), clock_set_to(start + timedelta(days=CHANGES + 5)):
            app.estimate_win_probability(backdated, 7)
        for name, record in (("recorded in order", in_order), ("with a back-dated change", backdated)):
            seconds = []
            for n in range(WRITES):
                with recording("olena"), clock_set_to(start + timedelta(days=CHANGES + 10 + n)):
                    began = time.perf_counter()
                    app.estimate_win_probability(record, n)
                    seconds.append(time.perf_counter() - began)
            events = len(list(app.events.get(record)))
            print(f"a write to a record {name} ({events} events): {statistics.median(seconds) * 1000:.1f} ms p50")
        app.close()


if __name__ == "__main__":
    main()
