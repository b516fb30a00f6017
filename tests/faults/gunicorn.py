"""gunicorn with the project's settings (four workers) on a store, for tests that cross processes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def serving(database_url: str, **settings: str) -> Iterator[str]:
    """The base URL of gunicorn serving `database_url`; `settings` are PORTFOLIO_… variables."""
    port = _unused_port()
    settings = {"DATABASE_URL": database_url, "SECRET_KEY": "test", "AUDIT_KEY": "test", **settings}
    env = {**os.environ, **{f"PORTFOLIO_{name}": value for name, value in settings.items()}}
    gunicorn = Path(sys.executable).parent / "gunicorn"
    options = ["--config", "python:web.gunicorn_config", "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen([str(gunicorn), *options, "wsgi:app"], cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                requests.get(f"{base}/login", timeout=2)
                break
            except requests.RequestException:
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(30)


def _unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
