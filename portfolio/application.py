"""The portfolio application: the event store, the read models, and the machinery of a change."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar, cast
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import IntegrityError, JSONTranscoder, Mapper
from eventsourcing.postgres import PostgresFactory

from domain.errors import DomainError
from domain.record import Record
from portfolio import timetravel
from portfolio.audit import witness
from portfolio.audit.chain import AuditChain
from portfolio.audit.recorders import ChainedRecorder
from portfolio.audit.witness import Witness
from portfolio.config import APPLICATION_NAME, database_url, owner_database_url, startup_lock, store_settings
from portfolio.errors import ConflictError, NotFoundError, RuleBrokenError
from portfolio.readmodels.history import real_day
from portfolio.readmodels.projector import Projector
from portfolio.readmodels.store import PostgresReadModels, ReadModels, SQLiteReadModels
from portfolio.roles import migrate_as_owner
from portfolio.safe_reading import SafeReading
from portfolio.transcodings import register_all

R = TypeVar("R", bound=Record)

# Records recently loaded stay in memory, and a later load reads only the events saved since (the
# library's aggregate cache, fast-forwarded; each load gets its own deep copy). A change and the
# page after it then replay nothing, however long the record's history.
CACHE = {"AGGREGATE_CACHE_MAXSIZE": os.environ.get("AGGREGATE_CACHE_MAXSIZE", "2000")}


@contextmanager
def rules() -> Iterator[None]:
    """Translate domain and library errors into the application's own."""
    try:
        yield
    except DomainError as error:
        raise RuleBrokenError.because(error) from error
    except AggregateNotFoundError as error:
        raise NotFoundError(f"No record {error.args[0] if error.args else ''} was found.") from error


def _refuse_in_the_past() -> None:
    if timetravel.current() is not None:
        raise RuleBrokenError("A view of the past is read-only; return to the present to make changes.")


class PortfolioCore(Application):
    """Storage, read models and the `_create`/`_change` steps that every use case goes through."""

    name = APPLICATION_NAME
    recorder: ChainedRecorder  # named by APPLICATION_RECORDER_TOPIC (`store_settings`)
    read_models: ReadModels

    def __init__(
        self,
        url: str | None = None,
        env: dict[str, str] | None = None,
        audit_key: str | None = None,
        owner_url: str | None = None,
    ) -> None:
        url, owner_url = url or database_url(), owner_url or owner_database_url()
        settings = {**CACHE, **store_settings(url), **(env or {})}
        with startup_lock(settings):
            if owner_url:  # the owner makes the tables; this process then works as the tracker's role
                migrate_as_owner(owner_url, url)
                settings["CREATE_TABLE"] = "n"
            super().__init__(env=settings)
            store = PostgresReadModels if isinstance(self.factory, PostgresFactory) else SQLiteReadModels
            self.read_models = cast(ReadModels, self.factory.tracking_recorder(store))
            self.chain = AuditChain(self.recorder, self.read_models, audit_key, Witness(witness.default_path(url)))
            if not owner_url:
                self.read_models.create_read_models()
                self.chain.create_tables()
            self.recorder.chain = self.chain  # from now on every event is linked as it is inserted
            self.chain.start()
        self.projector = Projector(self, self.read_models)
        self.projector.catch_up_at_start()

    def close(self) -> None:
        self.chain.witness.close()
        super().close()

    def construct_mapper(self) -> Mapper:
        return self.factory.mapper(transcoder=self.construct_transcoder(), mapper_class=SafeReading)

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        register_all(transcoder)

    def _taken(self, table: str, column: str, value: str, by: UUID | None = None) -> bool:
        """Whether a record of the table other than `by` has this name or code (in any case); people,
        registers and imports tell records apart by it."""
        rows = self.read_models.query(
            f"SELECT id FROM {table} WHERE {column}_fold = :value", {"value": value.strip().casefold()}
        )
        return any(row["id"] != str(by) for row in rows)

    def _create(self, make: Callable[[], R]) -> UUID:
        _refuse_in_the_past()
        with rules():
            record = make()
        self._save(record)
        return record.id

    def _change(
        self, cls: type[R], record_id: UUID, change: Callable[[R], Any], expected_version: int | None = None
    ) -> int:
        """Apply one change to a record; returns the record's new version."""
        record, _ = self._apply(cls, record_id, change, expected_version)
        return record.version

    def _add(
        self, cls: type[R], record_id: UUID, add: Callable[[R], UUID], expected_version: int | None = None
    ) -> UUID:
        """Add a sub-record (a KPI, a milestone, a tranche…); returns its id."""
        _, sub_id = self._apply(cls, record_id, add, expected_version)
        return sub_id

    def _apply(
        self, cls: type[R], record_id: UUID, change: Callable[[R], Any], expected_version: int | None
    ) -> tuple[R, Any]:
        """Load, check the version the person saw, change, save: a stale edit is a conflict."""
        _refuse_in_the_past()
        record = self._load(cls, record_id)
        if expected_version is not None and record.version != expected_version:
            actor = self._last_actor(record_id)
            raise ConflictError(
                f"This record was changed by {actor} meanwhile "
                f"(now version {record.version}, you edited version {expected_version}).",
                record.version,
                actor=actor,
            )
        with rules():
            result = change(record)
        self._save(record)
        return record, result

    def _load(self, cls: type[R], record_id: UUID) -> R:
        """The record now or, while viewing the past, at the version it had then (or, on a day when
        a back-dated change had taken effect and an earlier-recorded one had not, as it really was)."""
        as_of = timetravel.current()
        with rules():
            if as_of is not None and as_of.real_on is not None and self._backdated(record_id):
                record = self._really(record_id, as_of)
            else:
                record = self.repository.get(record_id, version=self._version_as_of(record_id))
        if not isinstance(record, cls):
            raise NotFoundError(f"No {cls.__name__} {record_id} was found.")
        return record

    def _version_as_of(self, record_id: UUID) -> int | None:
        as_of = timetravel.current()
        if as_of is None:
            return None
        rows = self.read_models.query(timetravel.version_query(as_of), {"id": str(record_id), **as_of.params()})
        if not rows or rows[0]["version"] is None:
            raise NotFoundError(f"Record {record_id} did not exist yet at that time.")
        return rows[0]["version"]

    def _backdated(self, record_id: UUID) -> bool:
        return bool(self.read_models.rows("SELECT 1 FROM rm_backdated WHERE record_id = :id", {"id": str(record_id)}))

    def _really(self, record_id: UUID, as_of: timetravel.AsOf) -> Record:
        """The record after exactly its changes in effect on the day viewed, in the order recorded."""
        real_on = as_of.real_on
        assert real_on is not None  # `_load` reads a record as it really was only for a view of a day
        sql = "SELECT MAX(version) FROM rm_events WHERE record_id = :id AND position <= :position"
        [(version,)] = self.read_models.rows(sql, {"id": str(record_id), "position": as_of.position})
        events = [e for e in self.events.get(record_id, lte=version or 0) if real_day(e) <= real_on]
        if not events or events[0].originator_version != 1:
            raise NotFoundError(f"Record {record_id} did not exist yet at that time.")
        return timetravel.folded(events)

    def _last_actor(self, record_id: UUID) -> str:
        last = list(self.events.get(record_id, desc=True, limit=1))
        return getattr(last[0], "actor", "someone") if last else "someone"

    def _save(self, record: Record) -> None:
        ours = [(event.originator_version, event.timestamp) for event in record.pending_events]
        try:
            self.save(record)
        except IntegrityError as error:
            if self._already_saved(record.id, ours):  # the library retried a commit whose answer was lost
                self._after_save()
                return
            current: Record = self.repository.get(record.id)
            raise ConflictError(
                "Someone else changed this record at the same moment; your change was not saved.",
                current.version,
            ) from error
        self._after_save()

    def _already_saved(self, record_id: UUID, ours: list[tuple[int, Any]]) -> bool:
        """Whether the store holds exactly these events (by version and time to the microsecond)."""
        if not ours:
            return False
        stored = cast("Iterator[Record.Event]", self.events.get(record_id, gt=ours[0][0] - 1, lte=ours[-1][0]))
        return [(event.originator_version, event.timestamp) for event in stored] == ours

    def _after_save(self) -> None:
        """Bring the read models up to what was just saved (its audit links were saved with it)."""
        self.projector.catch_up()
