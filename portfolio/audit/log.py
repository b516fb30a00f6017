"""The audit log: every event, filtered and paged; each record's history; moments made positions."""

from __future__ import annotations

import ast
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, cast
from uuid import UUID

from domain.localtime import KYIV, kyiv_day
from domain.record import Record
from portfolio import timetravel
from portfolio.application import PortfolioCore
from portfolio.audit.changes import Change, diff, state
from portfolio.errors import NotFoundError
from portfolio.kinds import RECORD_TYPES, kind_of
from portfolio.readmodels.history import real_day
from portfolio.registers import MAX_PER_PAGE

LOG_COLUMNS = (
    "position, record_id, record_type, version, event, recorded_at, real_on, effective_on, actor, reason, summary, what"
)


@dataclass(frozen=True)
class LogFilter:
    record_type: str = ""
    record_id: str = ""
    actor: str = ""
    event: str = ""
    since: date | None = None  # Kyiv days, inclusive
    until: date | None = None
    hidden: tuple[str, ...] = ()  # record types the reader may not see (accounts, for most roles)

    def where(self) -> tuple[str, dict[str, Any]]:
        conditions: list[str] = []
        params: dict[str, Any] = {}
        if self.hidden:
            conditions.append(_not_in("record_type", self.hidden, params))
        for column in ("record_type", "record_id", "actor", "event"):
            if getattr(self, column):
                conditions.append(f"{column} = :{column}")
                params[column] = getattr(self, column)
        if self.since:
            conditions.append("recorded_at >= :since")
            params["since"] = _utc(self.since)
        if self.until:
            conditions.append("recorded_at < :until")
            params["until"] = _utc(self.until + timedelta(days=1))
        as_of = timetravel.current()
        if as_of is not None:  # the log as it stood then: nothing recorded later
            conditions.append("position <= :as_of_position")
            params.update(as_of.params())
            if as_of.real_on is not None:
                conditions.append("real_on <= :as_of_real_on")
        return (" WHERE " + " AND ".join(conditions)) if conditions else "", params


def _what(row: dict[str, Any]) -> list[tuple[str, str, Any]] | None:
    """What a log row's event says, as [field, kind, value] (see `history.what`); None for a row of
    an older version, which has only its summary."""
    try:
        return [tuple(entry) for entry in json.loads(row["what"])] if row.get("what") else None
    except (ValueError, TypeError):
        return None


# What the log says of an event's fields, so that it reads as the record's history does (see
# `_readable`). An event's field by the record's field it sets, where their names differ, so that
# both are labelled alike:
_AS_RECORD_FIELD = {
    ("Planned", "start"): "planned_start",
    ("Planned", "end"): "planned_end",
    ("Planned", "estimated"): "budget_estimated",
    ("Signed", "place"): "signed_place",
    ("ChecklistAnswered", "answers"): "checklist",
    ("ProgressReported", "percent"): "progress",
    ("WinProbabilityEstimated", "percent"): "win_probability",
    ("Postponed", "to_date"): "target_on",
    ("Commented", "text"): "comment",
    ("DecisionRecorded", "text"): "decision",
    ("TokenIssued", "purpose"): "kind",
}
# Fields kept as text whose values are words of a vocabulary (shown by their labels) or percentages.
_TEXT_KINDS = {"purpose": "value", "language": "value", "percent": "percent"}
# The sub-records events name by id, by the field that holds it: the event that adds one (where the
# id adds nothing to what the event says) and the fields of that event that name it.
SUB_RECORDS = {
    "kpi_id": ("KpiDefined", ("name",)),
    "milestone_id": ("MilestoneAdded", ("title",)),
    "disbursement_id": ("DisbursementPlanned", ("amount", "expected_on")),
    "duty_id": ("ReportingDutyAdded", ("kind", "due_on")),
    "commitment_id": ("CommitmentMade", ("description",)),
    "token_id": ("TokenIssued", ("name",)),
}
# A rate is said as one: "1 EUR = 44.50 UAH on 2 January 2023".
_RATE = ("from_currency", "to_currency", "rate", "on")
# Fields that are proof, not news: the board pack's page shows them.
_LEFT_OUT = {("Issued", "chain_link"), ("Issued", "previous_position")}


def _readable(row: dict[str, Any], entries: list[tuple[str, str, Any]], items: dict[str, list]) -> list[tuple]:
    """What an event says as a person reads it, as [field, kind, value] for `templates/audit/_log.html`
    (the field "" for a value that says what it is): the fields by the names the record's history
    gives them, a sub-record by what names it (`items`, by id), a rate as one, the checklist's
    answers read back from the text the log wrote them as, percentages as such; nothing empty
    said of a record being created."""
    event, created = row.get("event") or "", row.get("version") == 1
    said = {key: value for key, _, value in entries}
    result: list[tuple] = []
    for key, kind, value in entries:
        if key in SUB_RECORDS:
            if event != SUB_RECORDS[key][0] and value in items:
                result.append((key, "item", items[value]))
            continue
        if (event, key) in _LEFT_OUT or (created and value in (None, "")):
            continue
        if key in _RATE:
            if key == "rate" and all(part in said for part in _RATE):
                result.append(("rate", "rate", [said[part] for part in _RATE]))
            continue
        if key == "digests":  # the sections a board pack shows, sealed: their digests prove, the currency says
            currency = (_literal(value) or {}).get("currency")
            result += [("currency", "text", currency)] if currency else []
            continue
        if key == "position" and isinstance(value, str) and value.isdigit():  # a position in the log
            result.append(("", "up_to_event" if event == "Issued" else "event_number", int(value)))
            continue
        if kind == "text" and value is not None:
            answers = _literal(value) if key == "answers" else None
            kind, value = ("answers", answers) if answers else (_TEXT_KINDS.get(key, kind), value)
        result.append((_AS_RECORD_FIELD.get((event, key), key), kind, value))
    return result


def _literal(text: Any) -> dict[str, Any] | None:
    """A dict an event held, as the log wrote it out (`{'measurable': True}`), or None."""
    try:
        value = ast.literal_eval(text) if isinstance(text, str) and text.startswith("{") else None
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None
    return value if isinstance(value, dict) and all(isinstance(key, str) for key in value) else None


def _item(entries: list[tuple[str, str, Any]], fields: Iterable[str]) -> list[tuple[str, str, Any]]:
    """A sub-record named by the fields of the event that added it: the first as it is, the rest by
    their labels ("₴1,500,000.00, expected on 1 June 2022")."""
    said = {key: (kind, value) for key, kind, value in entries}
    named = [(field, *said[field]) for field in fields if said.get(field, (None, None))[1] not in (None, "")]
    return [("" if n == 0 else field, kind, value) for n, (field, kind, value) in enumerate(named)]


@dataclass(frozen=True)
class LogPage:
    rows: list[dict[str, Any]]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


@dataclass(frozen=True)
class HistoryEntry:
    position: int | None
    version: int
    event: str
    recorded_at: datetime
    effective_date: date | None
    actor: str
    reason: str | None
    changes: list[Change] = field(default_factory=list)

    @property
    def backdated(self) -> bool:
        """Whether it really happened on another day than the one it was recorded on."""
        return self.effective_date is not None and self.effective_date != kyiv_day(self.recorded_at)


def _in(column: str, values: list[str], params: dict[str, Any]) -> str:
    names = [f"{column}_in_{n}" for n in range(len(values))]
    params.update(zip(names, values, strict=True))
    return f"{column} IN ({', '.join(':' + name for name in names)})"


def _not_in(column: str, values: tuple[str, ...], params: dict[str, Any]) -> str:
    names = [f"{column}_not_{n}" for n in range(len(values))]
    params.update(zip(names, values, strict=True))
    return f"{column} NOT IN ({', '.join(':' + name for name in names)})"


def _utc(day: date) -> str:
    """The first moment of a Kyiv day, as the audit index writes times."""
    return datetime.combine(day, time(), KYIV).astimezone(UTC).isoformat(timespec="microseconds")


# How long before it takes its position a writer may have read its clock: the time a write waits
# for the store's lock (5 s on PostgreSQL, 30 s on SQLite) and the rest of its request, with room.
# Events further out of order than this are taken as a clock set wrong, not as a writer that was
# waiting: they neither cut a view of a moment short nor extend it.
WRITE_SKEW = timedelta(minutes=2)


class AuditQueries(PortfolioCore):
    def audit_log(self, log_filter: LogFilter, page: int = 1, per_page: int = 50) -> LogPage:
        where, params = log_filter.where()
        per_page, page = min(max(per_page, 1), MAX_PER_PAGE), max(page, 1)
        total = self.read_models.query(f"SELECT COUNT(*) AS n FROM rm_events{where}", params)[0]["n"]
        rows = self.read_models.query(
            f"SELECT {LOG_COLUMNS} FROM rm_events{where} ORDER BY position DESC "
            f"LIMIT {per_page} OFFSET {(page - 1) * per_page}",
            params,
        )
        return LogPage(self._with_titles(rows), total, page, per_page)

    def audit_log_rows(self, log_filter: LogFilter, batch: int = 1000) -> Iterator[dict[str, Any]]:
        """Every matching event, oldest first, read in batches (for exports of any size)."""
        where, params = log_filter.where()
        after = 0
        while True:
            condition = f"{where} AND position > :after" if where else " WHERE position > :after"
            rows = self.read_models.query(
                f"SELECT {LOG_COLUMNS} FROM rm_events{condition} ORDER BY position LIMIT {batch}",
                {**params, "after": after},
            )
            if not rows:
                return
            yield from self._with_titles(rows, what=False)
            after = rows[-1]["position"]

    def audit_log_choices(self, hidden: tuple[str, ...] = ()) -> dict[str, list[str]]:
        """The values the log's filters can take, without those of the `hidden` record types."""
        params: dict[str, Any] = {}
        where = f" WHERE {_not_in('record_type', hidden, params)}" if hidden else ""
        return {
            column: [
                row["v"]
                for row in self.read_models.query(
                    f"SELECT DISTINCT {column} AS v FROM rm_events{where} ORDER BY 1", params
                )
            ]
            for column in ("record_type", "actor", "event")
        }

    def record_history(self, record_id: UUID) -> list[HistoryEntry]:
        """Every event of one record, oldest first, each as the changes it made (up to the
        version the record had, while viewing the past; as it really was on a day, only the events
        in effect by then)."""
        last = self._version_as_of(record_id)
        positions = {
            row["version"]: row["position"]
            for row in self.read_models.query(
                "SELECT version, position FROM rm_events WHERE record_id = :id", {"id": str(record_id)}
            )
        }
        events = cast("list[Record.Event]", list(self.events.get(record_id, lte=last)))  # every record is a Record
        as_of = timetravel.current()
        real_on = as_of.real_on if as_of is not None else None
        really = real_on is not None
        if real_on is not None:  # only the changes in effect by the day
            events = [event for event in events if real_day(event) <= real_on]
            events = events if events and events[0].originator_version == 1 else []
        entries: list[HistoryEntry] = []
        record: Record | None = None
        before: dict[str, Any] = {}
        known: dict[str, str] = {}
        for event in events:
            record = timetravel.applied(event, record) if really else event.mutate(record)
            after = state(record)
            entries.append(
                HistoryEntry(
                    positions.get(event.originator_version),
                    event.originator_version,
                    type(event).__qualname__.split(".", 1)[1],
                    event.timestamp,
                    getattr(event, "effective_date", None),
                    getattr(event, "actor", ""),
                    getattr(event, "reason", None),
                    [self._named(change, known) for change in diff(before, after)],
                )
            )
            before = after
        if not entries:
            raise NotFoundError(f"No record {record_id} was found.")
        return entries

    def record_title(self, record_id: UUID) -> dict[str, Any]:
        rows = self.read_models.query(
            "SELECT record_type FROM rm_events WHERE record_id = :id AND version = 1", {"id": str(record_id)}
        )
        if not rows:
            raise NotFoundError(f"No record {record_id} was found.")
        return self._with_titles([{"record_id": str(record_id), "record_type": rows[0]["record_type"]}])[0]

    def as_of(self, moment: datetime | None = None, real_on: date | None = None) -> timetravel.AsOf:
        """The view of the past for a moment (what the store knew) or a day (how it really was)."""
        if real_on is not None:
            head = self.projector.status().position
            return timetravel.AsOf(datetime.combine(real_on, time(), KYIV), head, real_on)
        assert moment is not None and moment.tzinfo is not None
        # The log up to the last event recorded by the moment, but never past an event recorded after
        # it: a writer reads its clock before its event takes a position, so the two orders differ
        # by up to WRITE_SKEW between concurrent writers.
        t, skew = moment.astimezone(UTC), WRITE_SKEW
        window = {"from": (t - skew).isoformat(timespec="microseconds"), "t": t.isoformat(timespec="microseconds"),
                  "until": (t + skew).isoformat(timespec="microseconds")}  # fmt: skip
        rows = self.read_models.query(
            "SELECT MAX(position) AS position FROM rm_events WHERE recorded_at > :from AND recorded_at <= :t", window
        )
        if rows[0]["position"] is None:  # nothing recorded just before: the last event recorded before that
            rows = self.read_models.query(
                "SELECT position FROM rm_events WHERE recorded_at <= :t ORDER BY recorded_at DESC, position DESC "
                "LIMIT 1",
                window,
            )
        position = rows[0]["position"] if rows and rows[0]["position"] is not None else 0
        later = self.read_models.query(
            "SELECT MIN(position) AS position FROM rm_events WHERE recorded_at > :t AND recorded_at <= :until "
            "AND position <= :p",
            {**window, "p": position},
        )
        if later[0]["position"] is not None:
            position = later[0]["position"] - 1
        return timetravel.AsOf(moment, position)

    def _named(self, change: Change, known: dict[str, str] | None = None) -> Change:
        """The change with the ids of the records in it replaced by their names (looked up once for
        all the changes that share `known`)."""
        known = {} if known is None else known

        def name(value: Any) -> Any:
            if isinstance(value, UUID):
                if str(value) not in known:
                    known[str(value)] = self._names([str(value)]).get(str(value), str(value))
                return known[str(value)]
            if isinstance(value, dict):
                return {key: name(item) for key, item in value.items()}
            return value

        return replace(change, old=name(change.old), new=name(change.new), item=name(change.item))

    def _with_titles(self, rows: list[dict[str, Any]], what: bool = True) -> list[dict[str, Any]]:
        """Add each row's record kind and current title, and (with `what`) what its event says as the
        record's history says it (see `_readable`), the records and sub-records in it named."""
        said = [_what(row) if what else None for row in rows]
        mentioned = {value for entries in said for key, kind, value in entries or ()
                     if kind == "id" and key not in SUB_RECORDS}  # fmt: skip
        names = self._names(sorted({row["record_id"] for row in rows} | mentioned))
        titled = [
            {**row, "kind": kind_of(row["record_type"]), "title": names.get(row["record_id"], "")} for row in rows
        ]
        if what:
            items = self._sub_records(titled, said)
            for row, entries in zip(titled, said, strict=True):
                named = [(key, kind, names.get(value, value) if kind == "id" else value)
                         for key, kind, value in entries or ()]  # fmt: skip
                row["what"] = None if entries is None else _readable(row, named, items)
        return titled

    def _sub_records(
        self, rows: list[dict[str, Any]], said: list[list[tuple[str, str, Any]] | None]
    ) -> dict[str, list[tuple[str, str, Any]]]:
        """What names each sub-record (a KPI, a tranche, a token) the rows' events name by its id, by
        id: the fields of the event that added it to its record (see `_item`)."""
        naming = zip(rows, said, strict=True)
        owners = sorted({row["record_id"] for row, entries in naming for key, _, _ in entries or ()
                         if key in SUB_RECORDS and row.get("event") != SUB_RECORDS[key][0]})  # fmt: skip
        if not owners:
            return {}
        adding = {event: (key, fields) for key, (event, fields) in SUB_RECORDS.items()}
        params: dict[str, Any] = {}
        added = self.read_models.query(
            f"SELECT event, what FROM rm_events WHERE {_in('record_id', owners, params)} "
            f"AND {_in('event', list(adding), params)}",
            params,
        )
        items = {}
        for row in added:
            key, fields = adding[row["event"]]
            entries = _what(row) or []
            item_id = next((value for field, _, value in entries if field == key), None)
            if isinstance(item_id, str):
                items[item_id] = _item(entries, fields)
        return items

    def _names(self, ids: list[str]) -> dict[str, str]:
        """The names (titles) of the records with these ids, by id."""
        found: dict[str, str] = {}
        if not ids:
            return found
        marks = ", ".join(f":id{n}" for n in range(len(ids)))
        params = {f"id{n}": value for n, value in enumerate(ids)}
        for kind in RECORD_TYPES.values():
            if kind.table:
                sql = f"SELECT id, {kind.title} AS name FROM {kind.table} WHERE id IN ({marks})"
                found.update({row["id"]: row["name"] for row in self.read_models.query(sql, params)})
        return found
