"""Twenty people change the same grant application at the same moment, through gunicorn with four
workers on PostgreSQL: one change is accepted, every other gets 409 with the newer state, and the
history holds exactly the accepted one."""

from __future__ import annotations

import re
import threading

import pytest
import requests

from domain.context import recording
from domain.enums import OrganizationKind, Role
from domain.money import Money
from portfolio.app import Portfolio
from tests.faults.gunicorn import serving

PASSWORD = "correct horse battery"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
VERSION = re.compile(r'name="version" value="(\d+)"')
CLIENTS = 20


@pytest.fixture
def server(postgres_url):
    app = Portfolio(postgres_url)
    with recording("setup"):
        app.open_account("olena", Role.FUNDRAISER, PASSWORD)
        funder = app.register_organization("Фонд", OrganizationKind.FUNDER)
        cluster = app.register_organization("Кластер", OrganizationKind.CLUSTER)
        grant = app.prospect_application("Contested", funder, cluster, "Olena", Money.of("100", "EUR"))
    app.close()
    with serving(postgres_url, RATELIMIT_ENABLED="false") as base:
        yield base, grant, postgres_url


def test_twenty_simultaneous_changes_one_accepted_the_rest_409_none_lost(server):
    base, grant, url = server
    start, results = threading.Barrier(CLIENTS), [None] * CLIENTS

    def change(n: int) -> None:
        http = requests.Session()
        token = CSRF.search(http.get(f"{base}/login").text).group(1)
        http.post(f"{base}/login", data={"username": "olena", "password": PASSWORD, "csrf_token": token})
        form = http.get(f"{base}/grants/{grant}/act/hand-over").text
        data = {"csrf_token": CSRF.search(form).group(1), "version": VERSION.search(form).group(1), "owner": f"P{n}"}
        start.wait(30)  # all twenty send at once, each against the version they saw
        response = http.post(f"{base}/grants/{grant}/act/hand-over", data=data, headers={"HX-Request": "true"})
        results[n] = (response.status_code, response.text)

    threads = [threading.Thread(target=change, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    statuses = sorted(status for status, _ in results)
    accepted = [text[:500] for status, text in results if status == 200]  # what each accepted answer said, if not one
    assert statuses == [200] + [409] * (CLIENTS - 1), (statuses, accepted)
    winner = next(f"P{n}" for n, (status, _) in enumerate(results) if status == 200)
    assert all(winner in text for status, text in results if status == 409)  # the newer state is shown

    app = Portfolio(url)
    handed = [event.owner for event in app.events.get(grant) if type(event).__name__ == "HandedOver"]
    app.close()
    assert handed == [winner]
