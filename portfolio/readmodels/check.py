"""`projections check`: the read models compared with a rebuild from the events.

The read models are only a cache of the event log, and a changed row (by a hand in the database,
a bug, a disk) would make a page show a figure the log does not hold. A check replays every event
up to the read models' position into a scratch store of the same kind (a temporary SQLite file, or
a temporary schema in the same PostgreSQL database), then compares every read-model table row by
row and names the rows that differ. A sample check replays only the events of some records chosen
at random from the log (and the quarantine's), and compares the rows of those records in the
tables whose rows belong to one record; the sums kept across records are left to a full check.
Each check is recorded in `projection_checks`, which a rebuild keeps: the integrity page shows it,
and every page warns while a check found a difference that no later full check found gone.
"""

from __future__ import annotations

import json
import random
import tempfile
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

from eventsourcing.persistence import Notification
from eventsourcing.postgres import PostgresDatastore
from eventsourcing.sqlite import SQLiteDatastore

from domain.quarantine import QUARANTINE_ID
from portfolio.readmodels.schema import OWNER_COLUMNS, READ_MODEL_TABLES
from portfolio.readmodels.store import PostgresReadModels, ReadModelMixin, SQLiteReadModels, Statement, fetch_tuples

Progress = Callable[[int, int], None]
COMPARED = tuple(table for table in READ_MODEL_TABLES if table != "rm_meta")  # rm_meta: the schema's version
# The tables whose rows each belong to one record, by the column naming it: what a sample compares.
BY_RECORD = {
    **OWNER_COLUMNS,
    **{f"{table}_{twin}": column for table, column in OWNER_COLUMNS.items() for twin in ("history", "real")},
    "rm_backdated": "record_id",
    "rm_events": "record_id",
    "rm_quarantine": "record_id",
    "rm_due_dates": "record_id",
    "rm_accounts": "id",
    "rm_board_packs": "id",
    "rm_tokens": "account_id",
}
EXAMPLES = 3  # rows shown per table that differs


@dataclass(frozen=True)
class TableDifference:
    table: str
    only_in_read_models: int  # rows the read models have and the rebuild does not (changed or added)
    only_in_rebuild: int  # rows the rebuild has and the read models do not (changed or removed)
    examples: list[str] = field(default_factory=list)  # a few of the read models' rows that differ


@dataclass(frozen=True)
class CheckResult:
    position: int
    tables: int
    rows: int
    differences: list[TableDifference]
    sampled: int | None = None  # records compared, in a sample check

    @property
    def ok(self) -> bool:
        return not self.differences


def check(
    app: Any, progress: Progress | None = None, sample: int | None = None, seed: int | None = None
) -> CheckResult:
    """Rebuild the read models up to their position into a scratch store and compare every table;
    with `sample`, only that many records' rows (chosen at random, by `seed` if given)."""
    from portfolio.readmodels.projector import Projector

    position = app.read_models.position()
    with scratch_store(app.read_models) as scratch:
        if sample is None:
            Projector(app, scratch).catch_up(progress, until=position)
            compared, records = dict.fromkeys(COMPARED), None
        else:
            records = _sampled(app, sample, position, random.Random(seed))
            notifications = _events_of(app, records, position)
            Projector(app, scratch).catch_up(progress, until=position, source=_from(notifications))
            compared = {table: column for table, column in BY_RECORD.items()}
        differences, rows = [], 0
        for table, owner in compared.items():
            live, rebuilt = _rows(app.read_models, table, owner, records), _rows(scratch, table)
            rows += len(live)
            extra, missing = live - rebuilt, rebuilt - live
            if extra or missing:
                examples = _examples(app.read_models, table, extra, missing)
                differences.append(TableDifference(table, sum(extra.values()), sum(missing.values()), examples))
    return CheckResult(position, len(compared), rows, differences, len(records) if records is not None else None)


def _examples(store: ReadModelMixin, table: str, extra: Counter, missing: Counter) -> list[str]:
    """A few rows that differ, each as its first column (the row's key) and the columns whose values
    differ from the rebuilt row with the same key; or the whole row where the rebuild has none."""
    columns = list(store.query(f"SELECT * FROM {table} LIMIT 1")[0]) if extra else []
    rebuilt = {row[0]: row for row in missing}
    examples = []
    for row in list(extra)[:EXAMPLES]:
        other = rebuilt.pop(row[0], None)
        if other is None:
            examples.append(f"{row[0]}: not in a rebuild {repr(row)[:200]}")
            continue
        pairs = zip(columns, row, other, strict=False)
        changed = [f"{name}={mine!r} (rebuilt: {theirs!r})" for name, mine, theirs in pairs if mine != theirs]
        examples.append(f"{row[0]}: " + ", ".join(changed)[:300])
    for key, row in list(rebuilt.items())[: max(0, EXAMPLES - len(examples))]:
        examples.append(f"{key}: missing {repr(row)[:200]}")
    return examples


def record(store: ReadModelMixin, result: CheckResult, actor: str) -> None:
    summary = json.dumps([[d.table, d.only_in_read_models, d.only_in_rebuild] for d in result.differences])
    store.write(
        [
            Statement(
                "INSERT INTO projection_checks (checked_at, position, compared_rows, differences, summary, checked_by, "
                "sampled) VALUES (:t, :p, :r, :d, :s, :a, :n)",
                {"t": datetime.now(UTC).isoformat(), "p": result.position, "r": result.rows,
                 "d": len(result.differences), "s": summary, "a": actor, "n": result.sampled},
            )
        ]
    )  # fmt: skip


def differing_tables(check_row: dict[str, Any]) -> list[tuple[str, int, int]]:
    """The tables a recorded check found different: (table, rows not in a rebuild, rows missing)."""
    try:
        return [tuple(entry) for entry in json.loads(check_row["summary"] or "[]")]
    except (ValueError, TypeError):  # a summary not written by this version
        return [(str(check_row["summary"]), 0, 0)]


def last(store: ReadModelMixin) -> dict[str, Any] | None:
    """The latest check that found a difference no later full check found gone (a sample that
    finds none proves nothing of the rows it did not compare); else the latest check."""
    rows = store.query(
        "SELECT * FROM projection_checks WHERE differences > 0 AND checked_at > COALESCE((SELECT MAX(checked_at) "
        "FROM projection_checks WHERE sampled IS NULL AND differences = 0), '') ORDER BY checked_at DESC LIMIT 1"
    )
    rows = rows or store.query("SELECT * FROM projection_checks ORDER BY checked_at DESC LIMIT 1")
    return rows[0] if rows else None


def _rows(
    store: ReadModelMixin, table: str, owner: str | None = None, records: list[str] | None = None
) -> Counter[tuple[Any, ...]]:
    if owner is None or records is None:
        return Counter(tuple(row) for row in store.rows(f"SELECT * FROM {table}"))
    found: Counter[tuple[Any, ...]] = Counter()
    for start in range(0, len(records), 500):
        chunk = {f"r{n}": record for n, record in enumerate(records[start : start + 500])}
        marks = ", ".join(f":{name}" for name in chunk)
        found.update(tuple(row) for row in store.rows(f"SELECT * FROM {table} WHERE {owner} IN ({marks})", chunk))
    return found


def _sampled(app: Any, size: int, position: int, rng: random.Random) -> list[str]:
    """`size` records of the log up to `position`, at random, and the quarantine (whose releases
    change the rows of the events it holds)."""
    ids = sorted(str(uuid.UUID(str(row[0]))) for row in _read(app, "DISTINCT originator_id", position))
    chosen = set(rng.sample(ids, min(size, len(ids))))
    if str(QUARANTINE_ID) in ids:
        chosen.add(str(QUARANTINE_ID))
    return sorted(chosen)


def _events_of(app: Any, records: list[str], position: int) -> list[Notification]:
    """The stored events of `records` up to `position`, in order."""
    notifications: list[Notification] = []
    for start in range(0, len(records), 500):
        rows = _read(app, "originator_id, originator_version, topic, state", position, records[start : start + 500])
        notifications += [Notification(id=row[-1], originator_id=uuid.UUID(str(row[0])), originator_version=row[1],
                                       topic=row[2], state=bytes(row[3])) for row in rows]  # fmt: skip
    return sorted(notifications, key=lambda n: n.id)


def _read(app: Any, columns: str, position: int, records: list[str] | None = None) -> list[tuple[Any, ...]]:
    """Columns of the stored events up to `position` (of `records` only, if given), read directly;
    each row ends with the event's position unless the columns are DISTINCT."""
    recorder, datastore = app.recorder, app.recorder.datastore
    postgres = isinstance(datastore, PostgresDatastore)
    table = f"{datastore.schema}.{recorder.events_table_name}" if postgres else recorder.events_table_name
    at, mark = ("notification_id", "%s") if postgres else ("rowid", "?")
    selected = columns if columns.startswith("DISTINCT") else f"{columns}, {at}"
    params: list[object]
    sql, params = f"SELECT {selected} FROM {table} WHERE {at} <= {mark}", [position]
    if records is not None:
        ids = [uuid.UUID(record) if postgres else uuid.UUID(record).hex for record in records]
        sql += f" AND originator_id IN ({', '.join(mark for _ in ids)})"
        params += ids
    with datastore.transaction(commit=False) as c:
        c.execute(sql, params)
        return fetch_tuples(c)


def _from(notifications: list[Notification]) -> Any:
    """A source of notifications, as the recorder's `select_notifications` is, over a list in order."""

    def select(start: int, limit: int, stop: int, inclusive_of_start: bool = False) -> list[Notification]:
        after = [n for n in notifications if (n.id >= start if inclusive_of_start else n.id > start) and n.id <= stop]
        return after[:limit]

    return select


@contextmanager
def scratch_store(live: ReadModelMixin) -> Iterator[ReadModelMixin]:
    """Empty read models beside `live`, of the same kind, removed afterwards."""
    datastore = live.datastore
    if isinstance(datastore, PostgresDatastore):
        schema = f"check_{uuid.uuid4().hex[:12]}"
        live.write([Statement(f"CREATE SCHEMA {schema}", {})])
        scratch_datastore = _ScratchPostgres(datastore, schema)
        try:
            store = PostgresReadModels(datastore=scratch_datastore, tracking_table_name="portfolio_tracking")
            yield _created(store)
        finally:
            scratch_datastore.close()
            live.write([Statement(f"DROP SCHEMA {schema} CASCADE", {})])
        return
    with tempfile.TemporaryDirectory(prefix="portfolio-check-") as folder:
        scratch_file = SQLiteDatastore(db_name=str(Path(folder) / "check.db"))
        try:
            yield _created(SQLiteReadModels(datastore=scratch_file))
        finally:
            scratch_file.close()


def _created(store: Any) -> Any:
    store.create_table()
    store.create_read_models()
    return store


class _ScratchPostgres(PostgresDatastore):
    """A second pool on the live database whose connections find tables in the scratch schema."""

    def __init__(self, live: PostgresDatastore, schema: str) -> None:
        self._scratch_schema = schema
        kwargs = cast(dict[str, Any], live.pool.kwargs)  # the library gives its pool a dict
        super().__init__(
            dbname=kwargs["dbname"], host=kwargs["host"], port=kwargs["port"], user=kwargs["user"],
            password=kwargs["password"], pool_size=1, max_overflow=1, schema=schema,
        )  # fmt: skip

    def after_connect_func(self) -> Callable[[Any], None]:
        configure, schema = super().after_connect_func(), self._scratch_schema

        def after_connect(conn: Any) -> None:
            configure(conn)
            conn.cursor().execute(f'SET search_path TO "{schema}"')

        return after_connect
