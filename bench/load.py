"""`make load`: gunicorn with 4 workers on PostgreSQL under 50 concurrent sessions, 90% reads and 10%
writes, then the faults: a worker killed with SIGKILL and the database cut off for 10 seconds, all
under the same load. After each run it checks that every write the server accepted is in the event
log and that the read models equal a fresh rebuild from the events.

The database is reached through a TCP proxy (the one the fault tests use), so cutting it off plays a
stopped PostgreSQL without stopping the server other programs use. The client is a bounded thread
pool of `requests` sessions on 127.0.0.1; each session signs in, then loops: a write hands a grant
application over to a new, unique owner name (so each accepted write can be found in the log), a
read is a register page, a detail page or the dashboard. A write is timed from opening its form to
the answer to its POST.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse
from uuid import UUID

import psycopg
import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from domain.context import recording  # noqa: E402
from domain.enums import Role  # noqa: E402
from portfolio.app import Portfolio  # noqa: E402
from portfolio.audit import witness  # noqa: E402
from portfolio.demo.generate import generate  # noqa: E402
from portfolio.readmodels.store import Statement  # noqa: E402
from tests.faults.proxy import Proxy  # noqa: E402
from tests.portfolio.scenario import read_models  # noqa: E402

PG_SERVER = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432")
EVENTS = int(os.environ.get("LOAD_EVENTS", "30000"))
SESSIONS = int(os.environ.get("LOAD_SESSIONS", "50"))
SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
PORT = int(os.environ.get("LOAD_PORT", "8765"))
PASSWORD = "load password 1"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
VERSION = re.compile(r'name="version" value="(\d+)"')


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {"read": [], "write": []})
    statuses: Counter = field(default_factory=Counter)
    accepted: list[tuple[str, str]] = field(default_factory=list)  # (grant id, owner written)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def note(self, kind: str, started: float, status: int | str) -> None:
        with self.lock:
            self.latencies[kind].append((time.perf_counter() - started) * 1000)
            self.statuses[f"{kind} {status}"] += 1


def sign_in(http: requests.Session, base: str) -> None:
    token = CSRF.search(http.get(f"{base}/login", timeout=30).text).group(1)
    http.post(f"{base}/login", data={"username": "load", "password": PASSWORD, "csrf_token": token}, timeout=30)


def session(base: str, grants: list[str], projects: list[str], tally: Tally, stop: float, n: int) -> None:
    """One person: a write is the form and its POST, timed together; a failed request counts with
    the time it took, under the kind of step it was."""
    rng = random.Random(n)
    http = requests.Session()
    written, signed_in = 0, False
    while time.monotonic() < stop:
        kind, started = ("write" if rng.random() < 0.1 else "read"), time.perf_counter()
        try:
            if not signed_in:
                sign_in(http, base)
                signed_in, started = True, time.perf_counter()
            if kind == "write":
                written += write(http, base, rng.choice(grants), f"load-{n}-{written}", tally, started)
            else:
                response = http.get(f"{base}{rng.choice(reads(grants, projects, rng))}", timeout=30)
                tally.note("read", started, response.status_code)
                signed_in = not response.url.endswith("/login")
        except (requests.RequestException, AttributeError) as error:  # a dropped connection, a page without a form
            tally.note(kind, started, type(error).__name__)
            time.sleep(0.2)


def reads(grants: list[str], projects: list[str], rng: random.Random) -> list[str]:
    return [
        "/projects/?stage=in_implementation&sort=title&per_page=50", "/grants/?sort=deadline",
        f"/projects/{rng.choice(projects)}", f"/grants/{rng.choice(grants)}", "/dashboard/",
    ]  # fmt: skip


def write(http: requests.Session, base: str, grant: str, owner: str, tally: Tally, started: float) -> int:
    """Hand a grant over to a new owner, as a person does: open the form, send it. 1 if accepted."""
    form = http.get(f"{base}/grants/{grant}/act/hand-over", timeout=30)
    if form.status_code != 200:
        tally.note("write", started, form.status_code)
        return 0
    data = {"csrf_token": CSRF.search(form.text).group(1), "version": VERSION.search(form.text).group(1),
            "owner": owner}  # fmt: skip
    url = f"{base}/grants/{grant}/act/hand-over"
    response = http.post(url, data=data, headers={"HX-Request": "true"}, timeout=30)
    tally.note("write", started, response.status_code)
    if response.status_code != 200:
        return 0
    with tally.lock:
        tally.accepted.append((grant, owner))
    return 1


def p(values: list[float], q: int) -> float:
    return round(statistics.quantiles(values, n=100, method="inclusive")[q - 1], 1) if len(values) > 1 else 0.0


def run_load(base: str, grants: list[str], projects: list[str], faults=None) -> Tally:
    tally, stop = Tally(), time.monotonic() + SECONDS
    threads = [threading.Thread(target=session, args=(base, grants, projects, tally, stop, n)) for n in range(SESSIONS)]
    for thread in threads:
        thread.start()
    if faults:
        faults()
    for thread in threads:
        thread.join()
    return tally


def check(url: str, tally: Tally) -> dict:
    """Every accepted write is in the log, and the read models equal a fresh rebuild."""
    app = Portfolio(url, audit_key="load")
    app.projector.catch_up()
    missing = []
    owners: dict[str, set[str]] = {}
    for grant, owner in tally.accepted:
        if grant not in owners:
            owners[grant] = {getattr(e, "owner", None) for e in app.events.get(UUID(grant))}
        if owner not in owners[grant]:
            missing.append(owner)
    kept = read_models(app)
    app.projector.rebuild()
    equal = read_models(app) == kept
    app.close()
    return {
        "accepted_writes": len(tally.accepted),
        "missing_from_log": len(missing),
        "read_models_equal_rebuild": equal,
    }


def summary(name: str, tally: Tally, seconds: float) -> dict:
    reads, writes = tally.latencies["read"], tally.latencies["write"]
    return {
        "run": name,
        "sessions": SESSIONS,
        "seconds": round(seconds),
        "requests": len(reads) + len(writes),
        "throughput_per_s": round((len(reads) + len(writes)) / seconds, 1),
        "read_p50_ms": p(reads, 50),
        "read_p99_ms": p(reads, 99),
        "write_p50_ms": p(writes, 50),
        "write_p99_ms": p(writes, 99),
        "statuses": dict(sorted(tally.statuses.items())),
        "errors": sum(n for status, n in tally.statuses.items() if not status.endswith((" 200", " 409"))),
    }


def main() -> None:
    name = "portfolio_load"
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    url = f"{PG_SERVER}/{name}"
    witness.forget(url)
    print(f"generating {EVENTS:,} events", file=sys.stderr)
    app = Portfolio(url, audit_key="load")  # the key the served app writes with
    generate(app, EVENTS, progress=lambda done, total: print(f"\r  {done:,}/{total:,}", end="", file=sys.stderr))
    print(file=sys.stderr)
    app.read_models.write([Statement("ANALYZE", {})])
    with recording("load"):
        app.open_account("load", Role.FUNDRAISER, PASSWORD)
    open_grants = "SELECT id FROM rm_grants WHERE stage NOT IN ('rejected', 'withdrawn')"
    grants = [r["id"] for r in app.read_models.query(open_grants)]
    projects = [r["id"] for r in app.read_models.query("SELECT id FROM rm_projects")]
    app.close()

    server_address = urlparse(PG_SERVER)
    proxy = Proxy((server_address.hostname or "127.0.0.1", server_address.port or 5432)).start()
    credentials = server_address.username or "postgres"
    if server_address.password:
        credentials += f":{server_address.password}"
    through_proxy = f"postgresql://{credentials}@127.0.0.1:{proxy.port}/{name}"
    env = {
        **os.environ,
        "PORTFOLIO_DATABASE_URL": through_proxy,
        "PORTFOLIO_SECRET_KEY": "load",
        "PORTFOLIO_AUDIT_KEY": "load",
        "PORTFOLIO_RATELIMIT_ENABLED": "false",
    }
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "--config",
            "python:web.gunicorn_config",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--timeout",
            "60",
            "wsgi:app",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{PORT}"
    try:
        for _ in range(100):
            try:
                requests.get(f"{base}/login", timeout=2)
                break
            except requests.RequestException:
                time.sleep(0.2)
        results = []
        print(f"load: {SESSIONS} sessions for {SECONDS} s", file=sys.stderr)
        started = time.monotonic()
        tally = run_load(base, grants, projects)
        results.append({**summary("steady load", tally, time.monotonic() - started), **check(url, tally)})

        def faults() -> None:
            time.sleep(SECONDS * 0.25)
            workers = subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True, text=True).stdout.split()
            os.kill(int(workers[0]), signal.SIGKILL)
            print(f"  killed worker {workers[0]} with SIGKILL", file=sys.stderr)
            time.sleep(SECONDS * 0.25)
            proxy.cut()
            print("  database cut off for 10 s", file=sys.stderr)
            time.sleep(10)
            proxy.restore()
            print("  database back", file=sys.stderr)

        print("load with faults: a worker killed, the database cut off for 10 s", file=sys.stderr)
        started = time.monotonic()
        tally = run_load(base, grants, projects, faults)
        results.append(
            {**summary("worker killed, database cut 10 s", tally, time.monotonic() - started), **check(url, tally)}
        )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(30)
        proxy.cut()
    for result in results:
        print(json.dumps(result, ensure_ascii=False))
    out = ROOT / "var" / "load.json"
    out.write_text(
        json.dumps({"measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "runs": results}, indent=2)
    )
    print(f"written to {out}")


if __name__ == "__main__":
    main()
