"""`make bench`: measure pages as of a past moment against the same pages now, on SQLite and PostgreSQL.

For each store: generate a synthetic portfolio of BENCH_EVENTS events (default 100,000) into a fresh
database, then time each page through the whole Flask stack (routing, access, queries, templates) with
the test client, many times, and report p50 and p99 and the ratio of the as-of page to the current one.
Prints one table and writes it as JSON to var/bench.json.
"""

from __future__ import annotations

import json
import os
import platform
import re
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from domain.context import recording  # noqa: E402
from domain.enums import Role  # noqa: E402
from portfolio.demo.generate import generate  # noqa: E402
from portfolio.readmodels.store import Statement  # noqa: E402
from web import create_app  # noqa: E402

EVENTS = int(os.environ.get("BENCH_EVENTS", "100000"))
RUNS = int(os.environ.get("BENCH_RUNS", "40"))
PG_SERVER = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432")
PASSWORD = "bench password 1"


def progress(label: str):
    started = time.monotonic()

    def show(done: int, total: int) -> None:
        rate = done / max(time.monotonic() - started, 1e-9)
        print(f"\r  {label}: {done:,}/{total:,} ({rate:,.0f}/s)   ", end="", file=sys.stderr, flush=True)

    return show


def fresh_stores() -> dict[str, str]:
    stores = {}
    sqlite = ROOT / "var" / "bench" / "bench.db"
    sqlite.parent.mkdir(parents=True, exist_ok=True)
    for leftover in sqlite.parent.glob("bench.db*"):
        leftover.unlink()
    stores["sqlite"] = f"sqlite:///{sqlite}"
    try:
        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=3) as admin:
            admin.execute('DROP DATABASE IF EXISTS "portfolio_bench" WITH (FORCE)')
            admin.execute('CREATE DATABASE "portfolio_bench"')
        stores["postgres"] = f"{PG_SERVER}/portfolio_bench"
    except psycopg.OperationalError as error:
        print(f"PostgreSQL skipped: {error}".strip(), file=sys.stderr)
    return stores


def timed(client, url: str) -> list[float]:
    for _ in range(3):  # warm up caches and the template compiler
        assert client.get(url).status_code == 200, url
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
    return times


def p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def measure(store: str, url: str) -> list[dict]:
    print(f"{store}: generating {EVENTS:,} events", file=sys.stderr)
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench", "AUDIT_KEY": "bench", "RATELIMIT_ENABLED": False})
    portfolio = app.extensions["portfolio"]
    started = time.monotonic()
    events = generate(portfolio, EVENTS, progress=progress("generating"))
    print(f"\n  {events:,} events in {time.monotonic() - started:.0f} s", file=sys.stderr)
    if store == "postgres":  # planner statistics, as after any bulk load (autovacuum would get there later)
        portfolio.read_models.write([Statement("ANALYZE", {})])
    with recording("bench"):
        portfolio.open_account("bench", Role.ADMIN, PASSWORD)
    client = app.test_client()
    login = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', login).group(1)
    client.post("/login", data={"username": "bench", "password": PASSWORD, "csrf_token": token})
    grant = portfolio.read_models.query("SELECT id FROM rm_grants ORDER BY version DESC LIMIT 1")[0]["id"]
    past = "2021-06-30"
    pages = {
        "register (filtered, sorted, 50 rows)": "/projects/?stage=in_implementation&sort=title&per_page=50",
        "grant detail": f"/grants/{grant}",
        "dashboard": "/dashboard/",
    }
    rows = []
    for name, page in pages.items():
        joiner = "&" if "?" in page else "?"
        now, then = timed(client, page), timed(client, f"{page}{joiner}as_of={past}")
        rows.append({"store": store, "page": name, "events": events,
                     "now_p50_ms": round(p(now, 50), 1), "now_p99_ms": round(p(now, 99), 1),
                     "as_of_p50_ms": round(p(then, 50), 1), "as_of_p99_ms": round(p(then, 99), 1),
                     "ratio_p50": round(p(then, 50) / p(now, 50), 2)})  # fmt: skip
        print(f"  {name}: done", file=sys.stderr)
    portfolio.close()
    return rows


def main() -> None:
    rows = []
    for store, url in fresh_stores().items():
        rows += measure(store, url)
    header = f"{'store':<9} {'page':<38} {'now p50':>8} {'now p99':>8} {'as-of p50':>10} {'as-of p99':>10} {'ratio':>6}"
    print(header)
    for r in rows:
        print(f"{r['store']:<9} {r['page']:<38} {r['now_p50_ms']:>8} {r['now_p99_ms']:>8} "
              f"{r['as_of_p50_ms']:>10} {r['as_of_p99_ms']:>10} {r['ratio_p50']:>6}")  # fmt: skip
    result = {"measured_at": datetime.now(UTC).isoformat(), "machine": platform.platform(),
              "cpus": os.cpu_count(), "python": platform.python_version(), "runs": RUNS, "rows": rows}  # fmt: skip
    out = ROOT / "var" / "bench.json"
    out.write_text(json.dumps(result, indent=2))
    print(f"written to {out}")


if __name__ == "__main__":
    main()
