"""Events commit in the order of their positions: a reader following the positions (the projector)
never passes one that commits later. Issue 17 reproduced this on PostgreSQL with the library's
insert function, which takes no lock: an insert held open while another save commits."""

from __future__ import annotations

import threading

from domain.context import recording
from domain.enums import OrganizationKind
from portfolio.audit.verification import verify
from tests.portfolio.scenario import build

KEY = "an audit key for tests"


def test_a_save_waits_for_an_insert_held_open_and_no_event_is_skipped(store_url, open_portfolio):
    app, other = open_portfolio(store_url, KEY), open_portfolio(store_url, KEY)
    build(app)
    held, release = threading.Event(), threading.Event()
    write_links = other.chain.write_links

    def held_open(cursor, positions, stored_events):  # inserted and linked, not yet committed
        write_links(cursor, positions, stored_events)
        held.set()
        release.wait(10)

    other.chain.write_links = held_open
    errors = []

    def save(portfolio, name: str) -> None:
        try:
            with recording(name):
                portfolio.register_organization(name, OrganizationKind.FUNDER, name)
        except Exception as error:  # shown by the assertion below
            errors.append(error)

    first = threading.Thread(target=save, args=(other, "Held open"))
    first.start()
    assert held.wait(10)
    second = threading.Thread(target=save, args=(app, "Saved meanwhile"))
    second.start()
    second.join(0.5)
    assert second.is_alive(), "a later insert committed while an earlier one was still open"
    release.set()
    first.join(10)
    second.join(10)
    assert errors == []
    app.projector.catch_up()
    positions = [n.id for n in app.recorder.select_notifications(1, 10_000)]
    projected = [row["position"] for row in app.read_models.query("SELECT position FROM rm_events ORDER BY position")]
    assert projected == positions
    names = {row["name"] for row in app.read_models.query("SELECT name_uk AS name FROM rm_organizations")}
    assert {"Held open", "Saved meanwhile"} <= names
    assert verify(app.chain).ok
