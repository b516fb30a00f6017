"""`projections check`: the read models compared with a rebuild from the events.

The read models are only a cache of the event log, and a changed row (by a hand in the database,
a bug, a disk) would make a page show a figure the log does not hold. A check replays every event
up to the read models' position into a scratch store of the same kind (a temporary SQLite file, or
a temporary schema in the same PostgreSQL database), then compares every read-model table row by
row and names the rows that differ. Each check is recorded in `projection_checks`, which a rebuild
keeps: the integrity page shows the last one, and every page warns while the last one found a
difference.
"""

from __future__ import annotations

import tempfile
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from eventsourcing.postgres import PostgresDatastore
from eventsourcing.sqlite import SQLiteDatastore

from portfolio.readmodels.schema import READ_MODEL_TABLES
from portfolio.readmodels.store import PostgresReadModels, ReadModelMixin, SQLiteReadModels, Statement

Progress = Callable[[int, int], None]
COMPARED = tuple(table for table in READ_MODEL_TABLES if table != "rm_meta")  # rm_meta: the schema's version
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

    @property
    def ok(self) -> bool:
        return not self.differences


def check(app: Any, progress: Progress | None = None) -> CheckResult:
    """Rebuild the read models up to their position into a scratch store and compare every table."""
    from portfolio.readmodels.projector import Projector

    position = app.read_models.position()
    with scratch_store(app.read_models) as scratch:
        Projector(app, scratch).catch_up(progress, until=position)
        differences, rows = [], 0
        for table in COMPARED:
            live, rebuilt = _rows(app.read_models, table), _rows(scratch, table)
            rows += len(live)
            extra, missing = live - rebuilt, rebuilt - live
            if extra or missing:
                examples = [repr(row)[:300] for row in list(extra.elements())[:EXAMPLES]]
                differences.append(TableDifference(table, sum(extra.values()), sum(missing.values()), examples))
    return CheckResult(position, len(COMPARED), rows, differences)


def record(store: ReadModelMixin, result: CheckResult, actor: str) -> None:
    summary = "; ".join(
        f"{d.table}: {d.only_in_read_models} rows not in a rebuild, {d.only_in_rebuild} missing"
        for d in result.differences
    )
    store.write(
        [
            Statement(
                "INSERT INTO projection_checks (checked_at, position, compared_rows, differences, summary, checked_by) "
                "VALUES (:t, :p, :r, :d, :s, :a)",
                {"t": datetime.now(UTC).isoformat(), "p": result.position, "r": result.rows,
                 "d": len(result.differences), "s": summary, "a": actor},
            )
        ]
    )  # fmt: skip


def last(store: ReadModelMixin) -> dict[str, Any] | None:
    rows = store.query("SELECT * FROM projection_checks ORDER BY checked_at DESC LIMIT 1")
    return rows[0] if rows else None


def _rows(store: ReadModelMixin, table: str) -> Counter[tuple[Any, ...]]:
    return Counter(tuple(row) for row in store.rows(f"SELECT * FROM {table}"))


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
        scratch_datastore = SQLiteDatastore(db_name=str(Path(folder) / "check.db"))
        try:
            yield _created(SQLiteReadModels(datastore=scratch_datastore))
        finally:
            scratch_datastore.close()


def _created(store: Any) -> Any:
    store.create_table()
    store.create_read_models()
    return store


class _ScratchPostgres(PostgresDatastore):
    """A second pool on the live database whose connections find tables in the scratch schema."""

    def __init__(self, live: PostgresDatastore, schema: str) -> None:
        self._scratch_schema = schema
        kwargs = live.pool.kwargs
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
