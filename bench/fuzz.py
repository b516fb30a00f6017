"""`make fuzz`: Schemathesis against the JSON API served by gunicorn (four workers) on SQLite and on
PostgreSQL, with NUL bytes allowed in generated strings, FUZZ_EXAMPLES (200) examples per operation,
every check and the stateful phase; then the widest-values property test with FUZZ_WIDEST (50)
examples per store. After each Schemathesis run the store must hold nothing downstream cannot: no
event set aside in the quarantine, the read models caught up with the log, and the chain intact.

Prints a summary per store and writes it to var/fuzz.json: operations, test cases, responses by
status class (the goal: no 5xx), and the failures of each check.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from domain.context import recording  # noqa: E402
from domain.enums import Role  # noqa: E402
from portfolio.app import Portfolio  # noqa: E402
from portfolio.audit.verification import verify  # noqa: E402
from tests.conftest import fresh_store  # noqa: E402
from tests.faults.gunicorn import serving  # noqa: E402
from tests.portfolio.scenario import build  # noqa: E402

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))
WIDEST = int(os.environ.get("FUZZ_WIDEST", "50"))
STORES = os.environ.get("FUZZ_STORES", "sqlite,postgres").split(",")
OUT = ROOT / "var" / "fuzz"


def seeded(url: str) -> str:
    """The scenario's records and an admin with an API token; returns the token."""
    app = Portfolio(url, audit_key="fuzz")  # the key the served app verifies with
    try:
        build(app)
        with recording("setup"):
            app.open_account("fuzzer", Role.ADMIN, "a long fuzzing password")
            return app.issue_token("fuzzer", "schemathesis", "api")
    finally:
        app.close()


def schemathesis(base: str, token: str, store: str) -> dict:
    report = OUT / f"{store}.ndjson"
    command = [
        str(Path(sys.executable).parent / "schemathesis"), "run", f"{base}/api/v1/openapi.json",
        "--header", f"Authorization: Bearer {token}", "--checks", "all", "--max-examples", str(EXAMPLES),
        "--generation-allow-x00", "true", "--phases", "examples,coverage,fuzzing,stateful",
        "--report", "ndjson", "--report-ndjson-path", str(report), "--no-color", "--seed", "16",
        "--generation-database", "none",
    ]  # fmt: skip
    started = time.monotonic()
    finished = subprocess.run(command, cwd=ROOT, check=False)
    return {"exit_code": finished.returncode, "seconds": round(time.monotonic() - started), **summary(report)}


def summary(report: Path) -> dict:
    """Responses by status class and failures by check, from Schemathesis's event stream."""
    statuses: Counter = Counter()
    failures: Counter = Counter()
    cases = 0
    for line in report.read_text().splitlines():
        event = json.loads(line)
        for name, body in event.items():
            if name != "ScenarioFinished":
                continue
            for case in body.get("recorder", {}).get("interactions", {}).values():
                response = case.get("response")
                if response:
                    cases += 1
                    statuses[f"{response['status_code'] // 100}xx"] += 1
            for check in body.get("recorder", {}).get("checks", {}).values():
                for result in check:
                    if result.get("status") == "failure":
                        failures[result.get("name", "?")] += 1
    return {"responses": cases, "by_status": dict(sorted(statuses.items())), "check_failures": dict(failures)}


def afterwards(url: str) -> dict:
    """What the store holds after the run: events, quarantine, lag, and the chain verified."""
    app = Portfolio(url, audit_key="fuzz")
    try:
        status, verdict = app.projector.status(), verify(app.chain)
        return {"events": status.head, "lag": status.lag, "set_aside": len(app.quarantined()), "chain_ok": verdict.ok}
    finally:
        app.close()


def run_store(kind: str) -> dict:
    with fresh_store(kind, OUT) as url:
        token = seeded(url)
        with serving(url, RATELIMIT_ENABLED="false", AUDIT_KEY="fuzz") as base:
            print(f"fuzz: {kind}: Schemathesis, {EXAMPLES} examples per operation, NUL bytes allowed", flush=True)
            result = schemathesis(base, token, kind)
        return {**result, **afterwards(url)}  # gunicorn stopped: the store as it was left


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    results = {"examples": EXAMPLES, "stores": {kind: run_store(kind) for kind in STORES}}
    print(f"fuzz: the widest values, {WIDEST} examples per store", flush=True)
    widest = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-o", "timeout=0", "tests/web/test_widest_values.py"],
        cwd=ROOT, env={**os.environ, "WIDEST_EXAMPLES": str(WIDEST)}, check=False,
    )  # fmt: skip
    results["widest"] = {"examples_per_store": WIDEST, "passed": widest.returncode == 0}
    (ROOT / "var" / "fuzz.json").write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))
    five_hundreds = sum(store["by_status"].get("5xx", 0) for store in results["stores"].values())
    clean = all(s["set_aside"] == 0 and s["lag"] == 0 and s["chain_ok"] for s in results["stores"].values())
    return 0 if five_hundreds == 0 and clean and results["widest"]["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
