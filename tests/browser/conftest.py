"""A real server on 127.0.0.1 and Debian's Chromium driven by Playwright.

Skipped, with the reason, where /usr/bin/chromium is missing (`make test` installs it when run
as root); in CI (CI=true) a missing browser fails instead.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

# A loaded machine (the whole suite at once) can take more than the default 5 s to answer and swap.
expect.set_options(timeout=15_000)

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SCREENSHOTS = Path("var/screenshots")
PASSWORD = "browser test password"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serving(tmp_path_factory, seed: str, accounts: tuple[str, ...]) -> Iterator[str]:
    """The app under gunicorn-free `flask run` on a fresh SQLite file that `seed` (Python, given `app`,
    a `Portfolio`, and `recording`) fills, with an account for each of `accounts` (named as its role,
    with PASSWORD); yields its address and stops it afterwards."""
    db = tmp_path_factory.mktemp("browser") / "portfolio.db"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db}",
        "PORTFOLIO_SECRET_KEY": "browser-tests",
        "AUDIT_KEY": "browser-tests",
        "PROJECTION_CHECK_EVERY": "0",  # no check of the server's own in the middle of a test
        # Many tests sign in as the same person within a minute; the limit itself is tested in
        # tests/faults/test_sign_in_limit.py.
        "PORTFOLIO_SIGN_IN_LIMIT": "1000 per minute",
    }
    setup = (
        "from domain.context import recording; from domain.enums import Role; from portfolio.app import Portfolio;"
        "import os\napp = Portfolio(audit_key=os.environ['AUDIT_KEY'])\n"
    )
    open_accounts = f"with recording('setup'):\n    [app.open_account(n, Role(n), {PASSWORD!r}) for n in {accounts!r}]"
    subprocess.run([sys.executable, "-c", f"{setup}{seed}\n{open_accounts}"], env=env, check=True)
    port = _free_port()
    log = (tmp_path_factory.mktemp("server") / "server.log").open("w+")
    process = subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "wsgi", "run", "--host", "127.0.0.1", "--port", str(port),
         "--without-threads"],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    for _ in range(150):
        if process.poll() is not None:
            log.seek(0)
            pytest.fail(f"the server did not start: {log.read()[-2000:]}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(10)
    log.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """The app on the scenario, with an account per role."""
    scenario = "from tests.portfolio.scenario import build\nbuild(app)"
    yield from serving(tmp_path_factory, scenario, ("admin", "fundraiser", "board", "auditor"))


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: the browser tests are required in CI")
        pytest.skip(f"{CHROMIUM} is not installed (run `make test` as root to install it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def signed_in(page, server: str, username: str):
    """`page` after signing in as `username`, on the start page."""
    page.goto("/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("#sign-in button[type=submit]")
    page.wait_for_url(f"{server}/")
    return page


@pytest.fixture
def page_as(browser, server):
    """A fresh browser page signed in as the given account, on the start page or the page at `path`."""
    contexts = []

    def open_as(username: str, path: str | None = None, **options):
        context = browser.new_context(base_url=server, locale="uk-UA", **options)
        contexts.append(context)
        page = signed_in(context.new_page(), server, username)
        if path:
            page.goto(path)
        return page

    yield open_as
    for context in contexts:
        context.close()


def screenshot(page, name: str) -> None:
    """Save a full-page screenshot; headless Chromium now and then refuses one, so try again."""
    from playwright.sync_api import Error

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for attempt in range(3):
        try:
            page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
            return
        except Error:
            if attempt == 2:
                raise
            page.wait_for_timeout(500)
