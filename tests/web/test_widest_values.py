"""The widest values the domain accepts, in every event type, are stored, projected and shown on
every page, export, feed and board pack without an error, on SQLite and PostgreSQL (hypothesis,
a new store for each example; more examples with WIDEST_EXAMPLES, as `make fuzz` does)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.conftest import fresh_store
from tests.web.conftest import make_app, sign_in
from tests.web.pages import every_page, failures
from tests.widest import Widest, event_types, record_all

EXAMPLES = int(os.environ.get("WIDEST_EXAMPLES", "2"))
NO_SHRINKING = (Phase.explicit, Phase.reuse, Phase.generate)  # each example costs a store: report the first as found


def test_the_widest_values_are_stored_projected_and_shown_everywhere(store_kind, tmp_path):
    recorded: set[str] = set()

    @given(data=st.data())
    @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck),
              phases=NO_SHRINKING)  # fmt: skip
    def check(data):
        with fresh_store(store_kind, tmp_path) as url:
            app = make_app(url)
            portfolio = app.extensions["portfolio"]
            try:
                ids = record_all(portfolio, Widest(data), 0)
                assert portfolio.quarantined() == []
                stored = portfolio.recorder.select_notifications(start=1, limit=100_000)
                recorded.update(notification.topic.rsplit(":", 1)[-1] for notification in stored)
                client = app.test_client()
                assert sign_in(client, "admin").status_code == 302
                pages = every_page(portfolio, records={str(record) for record in ids.values()})
                past = [f"{url}{'&' if '?' in url else '?'}as_of=2200-12-31" for url in pages if "/api/" not in url]
                assert failures(client, pages + past[:20]) == {}
            finally:
                portfolio.close()

    check()
    assert event_types() - recorded == set()
