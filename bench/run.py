"""`make bench`: every figure of issue 7 beside its floor or goal, on SQLite and on PostgreSQL.

For each store: generate a synthetic national portfolio of BENCH_EVENTS events (default 1,000,000;
deterministic by seed) into a fresh database, then measure, through the whole Flask stack where a
person would (routing, access, queries, templates):

- write: one form POST that changes one record (validation, event, read models, chain, partial
  response), round 50 records of the median history, p50 and p99, and its throughput as a ratio of
  the bare `eventsourcing`
  `Application.save` of one comparable event on the same kind of store (goal >= 0.4);
- read: a filtered, sorted register page of 50 rows (goal p50 <= 25 ms), the dashboard (<= 50 ms),
  a detail page and a record's history;
- as-of: the same pages as of a past date (goal <= 2x the page now);
- rebuild: the read models rebuilt from every event, as a ratio of reading the raw notification
  log in the same run (goal >= 0.5), and the hash-chain verify rate (goal >= 100,000 events/s);
- start-up: a worker's start (open the store, catch up) after gunicorn's master has imported the
  code (`web/gunicorn_config.py`), the import itself, and a worker's resident memory after serving
  a register page (goals < 1 s, < 300 MB).

Prints one table and writes it as JSON to var/bench.json.
"""

from __future__ import annotations

import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.floor import floor_saves_per_second  # noqa: E402
from domain.context import recording  # noqa: E402
from domain.enums import Role  # noqa: E402
from portfolio.audit import witness  # noqa: E402
from portfolio.audit.verification import verify  # noqa: E402
from portfolio.demo.generate import generate  # noqa: E402
from web import create_app  # noqa: E402

EVENTS = int(os.environ.get("BENCH_EVENTS", "1000000"))
RUNS = int(os.environ.get("BENCH_RUNS", "40"))
WRITES = int(os.environ.get("BENCH_WRITES", "200"))
PG_SERVER = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432")
PASSWORD = "bench password 1"
CONFIG = {"SECRET_KEY": "bench", "AUDIT_KEY": "bench", "RATELIMIT_ENABLED": False}


def progress(label: str):
    started = time.monotonic()

    def show(done: int, total: int) -> None:
        rate = done / max(time.monotonic() - started, 1e-9)
        print(f"\r  {label}: {done:,}/{total:,} ({rate:,.0f}/s)   ", end="", file=sys.stderr, flush=True)

    return show


def fresh_database(name: str) -> dict[str, str]:
    """An empty SQLite file and an empty PostgreSQL database of this name, by store."""
    stores = {}
    sqlite = ROOT / "var" / "bench" / f"{name}.db"
    sqlite.parent.mkdir(parents=True, exist_ok=True)
    for leftover in sqlite.parent.glob(f"{name}.db*"):
        leftover.unlink()
    stores["sqlite"] = f"sqlite:///{sqlite}"
    try:
        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=3) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
        stores["postgres"] = f"{PG_SERVER}/{name}"
        witness.forget(stores["postgres"])
    except psycopg.OperationalError as error:
        print(f"PostgreSQL skipped: {error}".strip(), file=sys.stderr)
    return stores


def timed(client, url: str, runs: int = RUNS) -> list[float]:
    for _ in range(3):  # warm up caches and the template compiler
        assert client.get(url).status_code == 200, url
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
    return times


def p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def signed_in(app):
    client = app.test_client()
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").get_data(as_text=True)).group(1)
    client.post("/login", data={"username": "bench", "password": PASSWORD, "csrf_token": token})
    return client


def row(store: str, figure: str, value: float, unit: str, goal: str = "", meets: bool | None = None, **extra) -> dict:
    return {
        "store": store,
        "figure": figure,
        "value": round(value, 3 if value < 10 else 1),
        "unit": unit,
        "goal": goal,
        "meets": meets,
        **extra,
    }


def pages(store: str, app, portfolio) -> list[dict]:
    client = signed_in(app)
    grant = portfolio.read_models.query("SELECT id FROM rm_grants ORDER BY version DESC LIMIT 1")[0]["id"]
    projects = portfolio.read_models.query("SELECT COUNT(*) AS n FROM rm_projects")[0]["n"]
    past = "2021-06-30"
    measured = {
        "register page (filtered, sorted, 50 rows)": ("/projects/?stage=in_implementation&sort=title&per_page=50", 25),
        "dashboard": ("/dashboard/", 50),
        "grant detail": (f"/grants/{grant}", None),
        "grant history": (f"/audit/records/{grant}", None),
    }
    rows = []
    for name, (page, goal) in measured.items():
        joiner = "&" if "?" in page else "?"
        now, then = timed(client, page), timed(client, f"{page}{joiner}as_of={past}")
        rows.append(
            row(
                store,
                f"read: {name}",
                p(now, 50),
                "ms p50",
                f"<= {goal} ms" if goal else "",
                p(now, 50) <= goal if goal else None,
                p99=round(p(now, 99), 1),
                projects=projects,
            )
        )
        ratio = p(then, 50) / p(now, 50)
        rows.append(
            row(
                store,
                f"as-of: {name}",
                p(then, 50),
                "ms p50",
                "<= 2x now",
                ratio <= 2,
                p99=round(p(then, 99), 1),
                ratio=round(ratio, 2),
            )
        )
        print(f"  {name}: done", file=sys.stderr)
    return rows


def writes(store: str, app, portfolio, floor_url: str) -> list[dict]:
    """One form POST that changes one grant application, end to end, as htmx sends it. The writes go
    round 50 open applications of the median history length, so the first write to each loads it
    from the store and the later ones find it in the process's cache, as in use."""
    client = signed_in(app)
    open_grants = portfolio.read_models.query(
        "SELECT id, version FROM rm_grants WHERE stage IN ('prospect', 'drafting', 'submitted', 'under_review') "
        "ORDER BY version"
    )
    middle = len(open_grants) // 2
    grants = {row["id"]: row["version"] for row in open_grants[max(0, middle - 25) : middle + 25]}
    form = client.get(f"/grants/{next(iter(grants))}/act/probability").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
    times, ids = [], list(grants)
    for n in range(WRITES):
        grant = ids[n % len(ids)]
        data = {"csrf_token": token, "version": grants[grant], "percent": n % 100}
        started = time.perf_counter()
        response = client.post(f"/grants/{grant}/act/probability", data=data, headers={"HX-Request": "true"})
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.get_data(as_text=True)[:500]
        grants[grant] += 1
    form_rate = 1000 / statistics.mean(times)
    floor_rate = floor_saves_per_second(floor_url, WRITES)
    ratio = form_rate / floor_rate
    rows = []
    if store == "postgres":  # what the library's insert function would save, without its ordering
        unsafe_rate = floor_saves_per_second(floor_url, WRITES, db_functions=True)
        label = "write: bare save with the library's insert function (unordered)"
        rows.append(row(store, label, unsafe_rate, "per s", vs_ordinary=round(unsafe_rate / floor_rate, 2)))
    return [
        *rows,
        row(store, "write: form POST end to end", p(times, 50), "ms p50", p99=round(p(times, 99), 1)),
        row(
            store,
            "write: throughput vs bare Application.save",
            ratio,
            "ratio",
            ">= 0.4",
            ratio >= 0.4,
            form_per_s=round(form_rate, 1),
            floor_per_s=round(floor_rate, 1),
        ),
    ]


def rebuild_and_verify(store: str, portfolio, events: int) -> list[dict]:
    started, last, count = time.perf_counter(), 0, 0
    while rows := portfolio.recorder.select_notifications(last + 1, 1000):
        count, last = count + len(rows), rows[-1].id
    raw_rate = count / (time.perf_counter() - started)
    started = time.perf_counter()
    portfolio.projector.rebuild(progress=progress("rebuilding"))
    rebuild_rate = events / (time.perf_counter() - started)
    print(file=sys.stderr)
    started = time.perf_counter()
    verdict = verify(portfolio.chain, progress=progress("verifying"))
    verify_rate = verdict.count / (time.perf_counter() - started)
    print(file=sys.stderr)
    assert verdict.ok, verdict
    ratio = rebuild_rate / raw_rate
    return [
        row(
            store,
            "rebuild: read models from every event",
            ratio,
            "ratio to raw read",
            ">= 0.5",
            ratio >= 0.5,
            rebuild_per_s=round(rebuild_rate),
            raw_read_per_s=round(raw_rate),
        ),
        row(store, "verify: hash chain", verify_rate, "events/s", ">= 100,000", verify_rate >= 100_000),
    ]


# The peak is read from /proc (VmHWM, this process's own memory): `ru_maxrss` would report the
# bench's own peak instead, as Linux carries it over from the process that forked the worker.
STARTUP = """
import os, re, sys, time
started = time.perf_counter()
import web  # what gunicorn's master does once, before it forks the workers (web/gunicorn_config.py)
imported = time.perf_counter() - started
started = time.perf_counter()
if os.fork():  # the master waits; the forked worker starts as gunicorn's does
    sys.exit(os.waitstatus_to_exitcode(os.wait()[1]))
app = web.create_app({"DATABASE_URL": sys.argv[1], **%r})
app.extensions["portfolio"].is_empty()  # what gunicorn's post_worker_init does: open and catch up
ready = time.perf_counter() - started
client = app.test_client()
client.post("/login", data={"username": "bench", "password": %r})
client.get("/projects/?per_page=50")
with open("/proc/self/status") as status:
    peak_kb = int(re.search(r"VmHWM:\\s+(\\d+) kB", status.read()).group(1))
print(imported, ready, peak_kb / 1024)
"""


def startup(store: str, url: str) -> list[dict]:
    """A new worker: the time until it can serve, once the code is imported, and its memory after one
    register page; and the import, which gunicorn's master does once for all its workers."""
    config = {**CONFIG, "WTF_CSRF_ENABLED": False}
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", STARTUP % (config, PASSWORD), url],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        runs.append((float(out[0]), float(out[1]), float(out[2])))
    imported, seconds = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
    megabytes = max(r[2] for r in runs)
    return [
        row(store, "start-up: importing the code, once in gunicorn's master", imported, "s"),
        row(store, "start-up: a worker ready to serve", seconds, "s", "< 1 s", seconds < 1),
        row(store, "start-up: resident memory per worker", megabytes, "MB", "< 300 MB", megabytes < 300),
    ]


def measure(store: str, url: str, floor_url: str) -> list[dict]:
    print(f"{store}: generating {EVENTS:,} events", file=sys.stderr)
    app = create_app({"DATABASE_URL": url, **CONFIG})
    portfolio = app.extensions["portfolio"]
    started = time.monotonic()
    events = generate(portfolio, EVENTS, progress=progress("generating"))
    print(f"\n  {events:,} events in {time.monotonic() - started:.0f} s", file=sys.stderr)
    if store == "postgres":  # what autovacuum does after a bulk load: planner statistics, dead rows gone
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("VACUUM ANALYZE")
    with recording("bench"):
        portfolio.open_account("bench", Role.ADMIN, PASSWORD)
    rows = pages(store, app, portfolio) + writes(store, app, portfolio, floor_url)
    rows += rebuild_and_verify(store, portfolio, portfolio.recorder.max_notification_id())
    portfolio.close()
    rows += startup(store, url)
    for r in rows:
        r["events"] = events
    return rows


def main() -> None:
    stores, floors = fresh_database("portfolio_bench"), fresh_database("portfolio_bench_floor")
    rows = []
    for store, url in stores.items():
        rows += measure(store, url, floors[store])
    print(f"{'store':<9} {'figure':<52} {'value':>10} {'unit':<18} {'goal':<12} meets")
    for r in rows:
        meets = "" if r["meets"] is None else "yes" if r["meets"] else "NO"
        print(f"{r['store']:<9} {r['figure']:<52} {r['value']:>10} {r['unit']:<18} {r['goal']:<12} {meets}")
    result: dict[str, Any] = {
        "measured_at": datetime.now(UTC).isoformat(),
        "machine": platform.platform(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "events": EVENTS,
        "runs": RUNS,
        "writes": WRITES,
        "rows": rows,
    }
    out = ROOT / "var" / "bench.json"
    out.write_text(json.dumps(result, indent=2))
    print(f"written to {out}")


if __name__ == "__main__":
    main()
