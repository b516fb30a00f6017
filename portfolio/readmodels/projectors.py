"""Turn each domain event into the read-model rows it changes.

`HANDLERS` maps an event class (`Project.Approved`) to a function that returns
column values for its record's row; `SIDE_EFFECTS` adds rows elsewhere (KPIs, links, counters).
Every event also stamps its record's row with the new version, time and actor.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID

from domain.account import Account
from domain.board_pack import BoardPack
from domain.enums import GrantStage, Health, InitiativeStatus, MemorandumStage, ProjectStage
from domain.grant import UNDECIDED, GrantApplication
from domain.initiative import RoadmapInitiative
from domain.memorandum import Memorandum
from domain.money import Money
from domain.organization import Organization
from domain.project import Project
from domain.quarantine import Quarantine
from domain.rates import ExchangeRates
from portfolio.collation import sort_key
from portfolio.kinds import RECORD_TYPES
from portfolio.readmodels import kept_totals, quarantine
from portfolio.readmodels.history import audit_index, choices, history
from portfolio.readmodels.schema import SEARCHABLE, SORTED
from portfolio.readmodels.store import Statement

Row = dict[str, Any]


def cell(value: Any) -> Any:
    """A Python value as stored in a read-model column."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return value


def moment_text(moment: datetime) -> str:
    """A moment as text that sorts in time order (UTC, always with microseconds)."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def money(prefix: str, value: Money | None) -> Row:
    return {
        f"{prefix}_amount": None if value is None else str(value.amount),
        f"{prefix}_currency": None if value is None else value.currency,
    }


def fields(*names: str) -> Callable[[Any], Row]:
    return lambda e: {name: getattr(e, name) for name in names}


def const(**values: Any) -> Callable[[Any], Row]:
    return lambda e: values


def _sessions_from(e: Any) -> Row:
    """Sessions that started before a change to who may do what have ended."""
    return {"sessions_from": moment_text(e.timestamp)}


HANDLERS: dict[type, Callable[[Any], Row]] = {
    # Organization
    Organization.Registered: fields("name_uk", "name_latin", "kind", "authority_level", "region", "country"),
    Organization.Renamed: fields("name_uk", "name_latin"),
    Organization.Reclassified: fields("kind", "authority_level"),
    Organization.Relocated: fields("region", "country"),
    Organization.Archived: const(archived=1),
    # Account (the password hash never leaves the event store)
    Account.Opened: lambda e: {**fields("username", "role")(e), **_sessions_from(e)},
    Account.RoleChanged: lambda e: {"role": e.role, **_sessions_from(e)},
    Account.PasswordChanged: lambda e: _sessions_from(e),
    Account.Disabled: lambda e: {"disabled": 1, **_sessions_from(e)},
    Account.Enabled: lambda e: {"disabled": 0, **_sessions_from(e)},
    Account.EmailSet: fields("email"),
    Account.LanguageChosen: fields("language"),
    # Board pack
    BoardPack.Issued: fields("title", "as_of", "position", "chain_link", "previous_id", "previous_position"),
    # Project
    Project.Proposed: lambda e: {
        **fields(
            "code",
            "title",
            "summary",
            "organization_id",
            "owner",
            "priority",
            "category",
            "direction",
            "regions",
            "tags",
        )(e),
        "stage": ProjectStage.IDEA,
    },
    Project.Described: fields("title", "summary"),
    Project.Classified: fields("priority", "category", "direction", "regions", "tags"),
    Project.HandedOver: fields("owner"),
    Project.Planned: lambda e: {
        **money("budget", e.budget),
        "budget_estimated": e.estimated,
        "planned_start": e.start,
        "planned_end": e.end,
    },
    Project.ConceptDeveloped: const(stage=ProjectStage.CONCEPT),
    Project.Approved: const(stage=ProjectStage.APPROVED),
    Project.Started: const(stage=ProjectStage.IN_IMPLEMENTATION),
    Project.Completed: const(stage=ProjectStage.COMPLETED),
    Project.PutOnHold: const(stage=ProjectStage.ON_HOLD),
    Project.Resumed: fields("stage"),
    Project.Cancelled: const(stage=ProjectStage.CANCELLED),
    Project.StageCorrected: fields("stage"),
    # Grant application
    GrantApplication.Prospected: lambda e: {
        **fields("title", "funder_id", "applicant_id", "programme", "call_name", "owner", "deadline")(e),
        **money("requested", e.requested),
        "requested_estimated": e.requested_estimated,
        "stage": GrantStage.PROSPECT,
    },
    GrantApplication.CallDescribed: fields("title", "programme", "call_name"),
    GrantApplication.DeadlineSet: fields("deadline"),
    GrantApplication.RequestChanged: lambda e: {
        **money("requested", e.requested),
        "requested_estimated": e.requested_estimated,
    },
    GrantApplication.WinProbabilityEstimated: lambda e: {"win_probability": e.percent},
    GrantApplication.HandedOver: fields("owner"),
    GrantApplication.ProjectLinked: fields("project_id"),
    GrantApplication.DraftingStarted: const(stage=GrantStage.DRAFTING),
    GrantApplication.Submitted: lambda e: {"stage": GrantStage.SUBMITTED, "submitted_on": e.submitted_on},
    GrantApplication.ReviewStarted: const(stage=GrantStage.UNDER_REVIEW),
    GrantApplication.Awarded: lambda e: {
        "stage": GrantStage.AWARDED,
        "decided_on": e.decided_on,
        **money("awarded", e.amount),
    },
    GrantApplication.AwardCorrected: lambda e: {"decided_on": e.decided_on, **money("awarded", e.amount)},
    GrantApplication.Rejected: lambda e: {"stage": GrantStage.REJECTED, "decided_on": e.decided_on},
    GrantApplication.Withdrawn: const(stage=GrantStage.WITHDRAWN),
    GrantApplication.Contracted: lambda e: {
        "stage": GrantStage.CONTRACTED,
        "contract_signed_on": e.signed_on,
        "period_start": e.period_start,
        "period_end": e.period_end,
    },
    GrantApplication.ImplementationStarted: const(stage=GrantStage.IN_IMPLEMENTATION),
    GrantApplication.Closed: const(stage=GrantStage.CLOSED),
    GrantApplication.StageCorrected: lambda e: {
        "stage": e.stage,
        **({"decided_on": None, **money("awarded", None)} if e.stage in UNDECIDED else {}),
    },
    # Memorandum
    Memorandum.Drafted: lambda e: {**fields("kind", "subject", "owner")(e), "stage": MemorandumStage.DRAFT},
    Memorandum.Described: fields("kind", "subject"),
    Memorandum.HandedOver: fields("owner"),
    Memorandum.NegotiationOpened: const(stage=MemorandumStage.NEGOTIATION),
    Memorandum.Signed: lambda e: {
        "stage": MemorandumStage.SIGNED,
        "signed_on": e.signed_on,
        "valid_until": e.valid_until,
    },
    Memorandum.Activated: const(stage=MemorandumStage.ACTIVE),
    Memorandum.Expired: const(stage=MemorandumStage.EXPIRED),
    Memorandum.Terminated: const(stage=MemorandumStage.TERMINATED),
    Memorandum.Extended: fields("valid_until"),
    # Roadmap initiative
    RoadmapInitiative.Proposed: lambda e: {
        **fields("roadmap", "direction", "title", "owner", "target_on")(e),
        "original_target_on": e.target_on,
        "status": InitiativeStatus.PROPOSED,
        "health": Health.ON_TRACK,
        "progress": 0,
    },
    RoadmapInitiative.Retitled: fields("title", "direction"),
    RoadmapInitiative.HandedOver: fields("owner"),
    RoadmapInitiative.Planned: const(status=InitiativeStatus.PLANNED),
    RoadmapInitiative.Started: const(status=InitiativeStatus.IN_PROGRESS),
    RoadmapInitiative.Finished: const(status=InitiativeStatus.DONE, progress=100),
    RoadmapInitiative.MarkedNotDone: const(status=InitiativeStatus.NOT_DONE),
    RoadmapInitiative.Dropped: const(status=InitiativeStatus.DROPPED),
    RoadmapInitiative.Postponed: lambda e: {"status": InitiativeStatus.POSTPONED, "target_on": e.to_date},
    RoadmapInitiative.HealthAssessed: fields("health"),
    RoadmapInitiative.ProgressReported: lambda e: {"progress": e.percent},
    # Illustrative figures, on every kind that carries them (see `domain/illustrative.py`)
    **{
        event: handler
        for kind in (Organization, Project, GrantApplication, Memorandum, RoadmapInitiative)
        for event, handler in (
            (kind.MarkedIllustrative, lambda e: {"illustrative": 1, "illustrative_reason": e.reason}),
            (kind.IllustrativeCleared, const(illustrative=0, illustrative_reason=None)),
        )
    },
}


def _count(table: str, column: str, step: int) -> Callable[[Any], list[Statement]]:
    sql = f"UPDATE {table} SET {column} = {column} + {step} WHERE id = :id"
    return lambda e: [Statement(sql, {"id": str(e.originator_id)})]


def _link(from_kind: str) -> Callable[[Any], list[Statement]]:
    def statements(e: Any) -> list[Statement]:
        me = str(e.originator_id)
        result = []
        if from_kind == "grant":  # a grant links to at most one project: replace the old link
            result.append(Statement("DELETE FROM rm_links WHERE from_id = :id", {"id": me}))
        if e.project_id is not None:
            result.append(
                Statement(
                    "INSERT INTO rm_links (from_kind, from_id, to_kind, to_id) "
                    "VALUES (:kind, :id, 'project', :project)",
                    {"kind": from_kind, "id": me, "project": str(e.project_id)},
                )
            )
        return result

    return statements


def _unlink(e: Any) -> list[Statement]:
    sql = "DELETE FROM rm_links WHERE from_id = :id AND to_id = :project"
    return [Statement(sql, {"id": str(e.originator_id), "project": str(e.project_id)})]


def _kpi_defined(e: Any) -> list[Statement]:
    sql = (
        "INSERT INTO rm_kpis (id, project_id, project_code, name, unit, level, baseline, target) "
        "VALUES (:id, :project_id, (SELECT code FROM rm_projects WHERE id = :project_id), "
        ":name, :unit, :level, :baseline, :target)"
    )
    values = {"id": e.kpi_id, "project_id": e.originator_id, **fields("name", "unit", "level", "baseline", "target")(e)}
    return [Statement(sql, {k: cell(v) for k, v in values.items()})]


def _kpi_measured(e: Any) -> list[Statement]:
    sql = (
        "UPDATE rm_kpis SET actual = :value, measured_on = :measured_on "
        "WHERE id = :id AND (measured_on IS NULL OR measured_on <= :measured_on)"
    )
    params = {"id": str(e.kpi_id), "value": str(e.value), "measured_on": e.measured_on.isoformat()}
    return [Statement(sql, params), _kpi_standing(e)]


def _kpi_measurement_corrected(e: Any) -> list[Statement]:
    sql = "UPDATE rm_kpis SET actual = :value WHERE id = :id AND measured_on = :measured_on"
    params = {"id": str(e.kpi_id), "value": str(e.value), "measured_on": e.measured_on.isoformat()}
    return [Statement(sql, params), _kpi_standing(e)]


def _kpi_revised(e: Any) -> list[Statement]:
    sql = "UPDATE rm_kpis SET target = :target WHERE id = :id"
    return [Statement(sql, {"id": str(e.kpi_id), "target": str(e.target)}), _kpi_standing(e)]


_SPAN = "(CAST(target AS DOUBLE PRECISION) - CAST(baseline AS DOUBLE PRECISION))"
_STANDING = (
    f"UPDATE rm_kpis SET progress = (CAST(actual AS DOUBLE PRECISION) - CAST(baseline AS DOUBLE PRECISION)) "
    f"/ NULLIF({_SPAN}, 0), standing = CASE WHEN actual IS NULL THEN 2 WHEN {_SPAN} = 0 THEN 1 ELSE 0 END "
    "WHERE id = :id"
)  # for the order only (the same on both stores); the percent shown is exact


def _kpi_standing(e: Any) -> Statement:
    """How far along its KPI is, from the values its row now holds."""
    return Statement(_STANDING, {"id": str(e.kpi_id)})


def _rate(e: Any) -> list[Statement]:
    """A rate, illustrative as the table's other rates are (the rates are one record, marked as a whole)."""
    flag, reason = (
        f"(SELECT {column} FROM rm_rates WHERE record_id = :record ORDER BY on_date LIMIT 1)"
        for column in ("illustrative", "illustrative_reason")
    )
    sql = (
        "INSERT INTO rm_rates (from_currency, to_currency, on_date, rate, record_id, illustrative, "
        f"illustrative_reason) VALUES (:f, :t, :on, :rate, :record, COALESCE({flag}, 0), {reason}) "
        "ON CONFLICT (from_currency, to_currency, on_date) DO UPDATE SET rate = :rate"
    )
    params = {"f": e.from_currency, "t": e.to_currency, "on": e.on.isoformat(), "rate": str(e.rate)}
    return [Statement(sql, {**params, "record": str(e.originator_id)})]


def _rates_marked(illustrative: bool) -> Callable[[Any], list[Statement]]:
    sql = "UPDATE rm_rates SET illustrative = :flag, illustrative_reason = :reason WHERE record_id = :record"
    return lambda e: [
        Statement(sql, {"flag": int(illustrative), "reason": e.reason if illustrative else None,
                        "record": str(e.originator_id)})
    ]  # fmt: skip


def _due(kind: str, item: str, title: Callable[[Any], str]) -> Callable[[Any], list[Statement]]:
    """A milestone or a report due: a dated item inside a record."""

    def statements(e: Any) -> list[Statement]:
        sql = (
            "INSERT INTO rm_due_dates (item_id, record_id, kind, title, due_on) "
            "VALUES (:item, :record, :kind, :title, :due_on)"
        )
        values = {"item": str(getattr(e, item)), "record": str(e.originator_id), "kind": kind, "title": title(e),
                  "due_on": e.due_on.isoformat()}  # fmt: skip
        return [Statement(sql, values)]

    return statements


def _due_set(item: str, column: str, attribute: str) -> Callable[[Any], list[Statement]]:
    sql = f"UPDATE rm_due_dates SET {column} = :value WHERE item_id = :item"
    return lambda e: [Statement(sql, {"item": str(getattr(e, item)), "value": getattr(e, attribute).isoformat()})]


def _token_issued(e: Any) -> list[Statement]:
    sql = (
        "INSERT INTO rm_tokens (digest, token_id, account_id, name, purpose, issued_at) "
        "VALUES (:digest, :token_id, :account_id, :name, :purpose, :issued_at)"
    )
    values = {"token_id": e.token_id, "account_id": e.originator_id, "issued_at": e.timestamp,
              **fields("digest", "name", "purpose")(e)}  # fmt: skip
    return [Statement(sql, {k: cell(v) for k, v in values.items()})]


def _token_revoked(e: Any) -> list[Statement]:
    return [Statement("UPDATE rm_tokens SET revoked = 1 WHERE token_id = :id", {"id": str(e.token_id)})]


SIDE_EFFECTS: dict[type, Callable[[Any], list[Statement]]] = {
    Quarantine.Released: quarantine.released,
    Account.TokenIssued: _token_issued,
    Project.MilestoneAdded: _due("milestone", "milestone_id", lambda e: e.title),
    Project.MilestoneRescheduled: _due_set("milestone_id", "due_on", "due_on"),
    Project.MilestoneReached: _due_set("milestone_id", "done_on", "done_on"),
    GrantApplication.ReportingDutyAdded: _due("report", "duty_id", lambda e: e.kind.value),
    GrantApplication.ReportSubmitted: _due_set("duty_id", "done_on", "submitted_on"),
    Account.TokenRevoked: _token_revoked,
    ExchangeRates.Opened: _rate,
    ExchangeRates.RateRecorded: _rate,
    ExchangeRates.MarkedIllustrative: _rates_marked(True),
    ExchangeRates.IllustrativeCleared: _rates_marked(False),
    Project.KpiDefined: _kpi_defined,
    Project.KpiMeasured: _kpi_measured,
    Project.KpiTargetRevised: _kpi_revised,
    Project.KpiMeasurementCorrected: _kpi_measurement_corrected,
    GrantApplication.ProjectLinked: _link("grant"),
    Memorandum.ProjectLinked: lambda e: _link("memorandum")(e) + _count("rm_memoranda", "projects", 1)(e),
    Memorandum.ProjectUnlinked: lambda e: _unlink(e) + _count("rm_memoranda", "projects", -1)(e),
    Memorandum.PartyAdded: _count("rm_memoranda", "parties", 1),
    Memorandum.CommitmentMade: _count("rm_memoranda", "commitments", 1),
    RoadmapInitiative.ProjectLinked: _link("initiative"),
    RoadmapInitiative.ProjectUnlinked: _unlink,
    RoadmapInitiative.Postponed: _count("rm_initiatives", "postponements", 1),
}


# Events that change no column of the read models but their record's version, time and actor: what
# they record (partners, tranches, decisions, comments…) is read from the record itself, or from the
# audit index. Every event of every record is in HANDLERS, SIDE_EFFECTS or here (a test checks).
STAMP_ONLY: frozenset[type] = frozenset({
    Account.Created, BoardPack.Created, BoardPack.Sealed, Quarantine.Created, Quarantine.Opened,
    ExchangeRates.Created, Organization.Created, Project.Created, GrantApplication.Created, Memorandum.Created,
    RoadmapInitiative.Created,
    GrantApplication.PartnerAdded, GrantApplication.PartnerRemoved, GrantApplication.DisbursementPlanned,
    GrantApplication.DisbursementReceived, GrantApplication.DisbursementCorrected,
    RoadmapInitiative.DecisionRecorded, RoadmapInitiative.Commented, Memorandum.CommitmentUpdated,
    Project.PartnerAdded, Project.PartnerRemoved, Project.UnplannedResultRecorded, Project.ChecklistAnswered,
})  # fmt: skip


def statements_for(event: Any, position: int) -> list[Statement]:
    """The statements that bring the read models up to date with the event at `position`."""
    changes = row_changes(event)
    return [
        *(statement for change in changes for statement in kept_totals.around(change, position)),
        *history(event, position, changes),
        *choices(position, changes),
        audit_index(event, position),
    ]


def row_changes(event: Any) -> list[Statement]:
    """The statements that change the rows of the read models for the event itself (no history, no audit index)."""
    record_type = RECORD_TYPES.get(type(event).__qualname__.split(".")[0])
    table = record_type.table if record_type else ""
    extra = SIDE_EFFECTS.get(type(event))
    if not table:  # a record with no register row of its own (the exchange rates, the quarantine)
        return extra(event) if extra else []
    stamp = {
        "version": event.originator_version,
        "updated_at": event.timestamp,
        "updated_by": event.actor,
    }
    handler = HANDLERS.get(type(event))
    values = {**(handler(event) if handler else {}), **stamp}
    values = {key: cell(value) for key, value in values.items()}
    values.update({f"{key}_fold": values[key].casefold() for key in SEARCHABLE.get(table, ()) if key in values})
    values.update({f"{key}_key": sort_key(values[key]) for key in SORTED.get(table, ()) if key in values})
    values["id"] = str(event.originator_id)
    if event.originator_version == 1:
        values["created_at"] = values["updated_at"]
        columns = ", ".join(values)
        placeholders = ", ".join(f":{key}" for key in values)
        main = Statement(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", values)
    else:
        assignments = ", ".join(f"{key} = :{key}" for key in values if key != "id")
        main = Statement(f"UPDATE {table} SET {assignments} WHERE id = :id", values)
    return [main, *(extra(event) if extra else [])]
