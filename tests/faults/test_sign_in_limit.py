"""The sign-in limit holds across gunicorn's four workers: sixty wrong passwords sent at once from
twelve clients, with a limit of five a minute, let exactly five through, on both stores."""

from __future__ import annotations

import re
import threading

import requests

from domain.context import recording
from domain.enums import Role
from portfolio.app import Portfolio
from tests.faults.gunicorn import serving

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
CLIENTS, ATTEMPTS = 12, 5


def test_sixty_wrong_passwords_through_four_workers_let_exactly_five_through(store_url):
    app = Portfolio(store_url)
    with recording("setup"):
        app.open_account("olena", Role.FUNDRAISER, "correct horse battery")
    app.close()
    statuses: list[int] = []
    with serving(store_url, SIGN_IN_LIMIT="5 per minute") as base:
        start = threading.Barrier(CLIENTS)

        def attempt() -> None:
            http = requests.Session()
            token = CSRF.search(http.get(f"{base}/login").text).group(1)
            start.wait(30)
            for _ in range(ATTEMPTS):
                data = {"username": "olena", "password": "not the password", "csrf_token": token}
                statuses.append(http.post(f"{base}/login", data=data, allow_redirects=False).status_code)

        threads = [threading.Thread(target=attempt) for _ in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    assert sorted(statuses) == [401] * 5 + [429] * (CLIENTS * ATTEMPTS - 5)
