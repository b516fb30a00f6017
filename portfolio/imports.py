"""Import of organizations, projects and grant applications from the rows of a spreadsheet.

The web layer reads a file into typed values by column (`ImportRow`). Here each row becomes the
events it means: a new record, or the changes to the record it names (an organization by its
name, a project by its code, an application by its title and funder). A column the file does not
have leaves its field alone. A stage is reached by the ordinary stage actions, so the rules of the
pages hold, and a stage action is only taken where the file gives its facts (a submission date, a
decision, a contract); nothing is made up. `plan_import` builds the records in memory and says, row
by row, what would be recorded and every problem; `commit_import` saves a clean plan's records in
one transaction, or nothing.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import partial
from typing import Any
from uuid import UUID

from eventsourcing.persistence import IntegrityError

from domain import context
from domain.enums import GrantStage, ProjectStage
from domain.errors import DomainError
from domain.grant import ORDER, WON, GrantApplication
from domain.illustrative import Illustrative
from domain.localtime import KYIV, kyiv_day
from domain.organization import Organization
from domain.project import MAIN_LINE, Project
from domain.record import Record
from domain.values import ValueProblem
from portfolio.application import _refuse_in_the_past
from portfolio.audit.changes import Change, diff, state
from portfolio.audit.log import AuditQueries
from portfolio.errors import ConflictError, RuleBrokenError

G, S = GrantStage, ProjectStage
KINDS = ("organizations", "projects", "grants")
# The fields every row must fill in.
REQUIRED = {
    "organizations": ("name_uk", "kind"),
    "projects": ("code", "title", "organization", "owner", "priority", "category"),
    "grants": ("title", "funder", "applicant", "owner", "requested"),
}
MAX_ROWS = 5000

# What a problem's code means; the web layer words each one in the person's language.
PROBLEMS = (
    "invalid",  # the cell cannot be read as the column's type (detail: the value)
    "missing",  # a required cell is empty
    "unknown_organization",  # no organization has this name (detail: the name)
    "ambiguous_organization",  # several organizations have this name
    "duplicate",  # an earlier row of the file names the same record (detail: its line)
    "needed_for_stage",  # the stage needs this fact (detail: the stage)
    "stage_back",  # the file's stage is behind the record's: that is a correction, not an import
    "not_at_stage",  # a fact the record's stage does not have (an award before a decision)
    "unchangeable",  # the field has no ordinary change (an application's applicant)
    "rule",  # a domain rule refused it (detail: its English message; `refusal`: the error, to tell it translated)
    "value",  # a value no part of the tracker could hold (detail: the code of `domain.values.ValueProblem`)
)


def fold(text: Any) -> str:
    return " ".join(str(text or "").split()).casefold()


@dataclass(frozen=True)
class Problem:
    field: str | None
    code: str
    detail: str = ""
    limit: Any = None  # the bound a value broke, for a "value" problem
    # dataclasses' `field` by its module: in this class, `field` names the attribute above
    refusal: DomainError | None = dataclasses.field(default=None, compare=False, repr=False)  # for a "rule" problem


@dataclass
class ImportRow:
    """One row of the file: its line number, its values by field, and the cells that did not read."""

    line: int
    values: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)


@dataclass
class RowPlan:
    line: int
    key: str
    outcome: str = "error"  # create | change | same | error
    record_id: UUID | None = None
    events: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class ImportPlan:
    kind: str
    rows: list[RowPlan]
    records: list[Record]

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not any(row.problems for row in self.rows)

    def count(self, outcome: str) -> int:
        return sum(1 for row in self.rows if row.outcome == outcome)

    def digest(self) -> str:
        """A fingerprint of what the plan would record, so a confirmation saves what was previewed."""
        text = repr([(row.line, row.outcome, row.record_id if row.outcome != "create" else None, row.events,
                      row.changes) for row in self.rows])  # fmt: skip
        return hashlib.sha256(text.encode()).hexdigest()


class _Organizations:
    """Organizations by name (Ukrainian or Latin), to resolve the names a file gives."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.by_name: dict[str, set[str]] = {}
        for row in rows:
            for name in (row["name_uk"], row["name_latin"]):
                if name:
                    self.by_name.setdefault(fold(name), set()).add(row["id"])

    def find(self, values: dict[str, Any], key: str, problems: list[Problem]) -> UUID | None:
        name = values.get(key)
        if not name:
            return None
        found = self.by_name.get(fold(name), set())
        if len(found) != 1:
            problems.append(Problem(key, "ambiguous_organization" if found else "unknown_organization", str(name)))
            return None
        return UUID(next(iter(found)))


def _differs(record: Any, values: dict[str, Any], *names: str) -> bool:
    """Whether the file gives any of these fields a value other than the record's."""
    return any(name in values and values[name] != getattr(record, name) for name in names)


def _flag(values: dict[str, Any], name: str, otherwise: bool) -> bool:
    """A yes-or-no the file gives (an empty cell is no, as the export writes it); `otherwise` where
    the file has no such column."""
    return bool(values[name]) if name in values else otherwise


def _flag_differs(record: Any, values: dict[str, Any], name: str) -> bool:
    return _flag(values, name, getattr(record, name)) != getattr(record, name)


def _gives(record: Any, values: dict[str, Any], *names: str) -> bool:
    """Whether the file gives any of these facts, and a value other than the record's."""
    return any(values.get(name) is not None and values[name] != getattr(record, name) for name in names)


def _deadline(grant: Any, values: dict[str, Any]) -> None:
    """A deadline given as a day is the end of that day in Kyiv, and names no change when it is the
    day of the record's deadline (an export gives only the day)."""
    given = values.get("deadline")
    if isinstance(given, date) and not isinstance(given, datetime):
        recorded = getattr(grant, "deadline", None)
        same_day = recorded is not None and kyiv_day(recorded) == given
        values["deadline"] = recorded if same_day else datetime.combine(given, time(23, 59), KYIV)


def _reason(values: dict[str, Any]) -> str:
    return values.get("reason") or context.current_recording().reason or ""


class ImportUseCases(AuditQueries):
    def plan_import(self, kind: str, rows: list[ImportRow]) -> ImportPlan:
        """What importing these rows would record, row by row, and every problem; saves nothing."""
        _refuse_in_the_past()
        if kind not in KINDS:
            raise RuleBrokenError("Only {kinds} can be imported.", kinds=KINDS)
        if len(rows) > MAX_ROWS:
            raise RuleBrokenError(
                "A file can hold at most {most} rows; this one has {count}.", most=MAX_ROWS, count=len(rows)
            )
        organizations = _Organizations(self.read_models.query("SELECT id, name_uk, name_latin FROM rm_organizations"))
        existing = self._existing(kind)
        name_of, build = {
            "organizations": (lambda v: [v.get("name_uk")], self._organization_row),
            "projects": (lambda v: [v.get("code")], self._project_row),
            "grants": (lambda v: [v.get("title"), v.get("funder")], self._grant_row),
        }[kind]
        plan = ImportPlan(kind, [], [])
        seen: dict[str, int] = {}  # the line of the row that named each record
        for row in rows:
            names = [str(name or "") for name in name_of(row.values)]
            key = "\n".join(fold(name) for name in names)
            row_plan = RowPlan(row.line, " — ".join(name for name in names if name), problems=list(row.problems))
            plan.rows.append(row_plan)
            told = {problem.field for problem in row.problems}  # a cell that did not read is not also "missing"
            row_plan.problems += [
                Problem(f, "missing") for f in REQUIRED[kind] if row.values.get(f) in (None, "") and f not in told
            ]
            same = existing.get(key) or key  # two spellings of one funder still name one application
            if key.strip() and same in seen:
                row_plan.problems.append(Problem(None, "duplicate", str(seen[same])))
                continue
            seen[same] = row.line
            if row_plan.problems:
                continue
            record = self._planned_record(
                row_plan,
                existing.get(key),
                partial(_marked, partial(build, v=row.values, orgs=organizations), row.values),
            )
            if record is not None and row_plan.outcome in ("create", "change"):
                plan.records.append(record)
        return plan

    def commit_import(self, plan: ImportPlan) -> None:
        """Save every record of a clean plan in one transaction, or nothing."""
        _refuse_in_the_past()
        if not plan.ok:
            raise RuleBrokenError("The file has problems; nothing was imported.")
        if not plan.records:
            return
        try:
            self.save(*plan.records)
        except IntegrityError as error:
            raise ConflictError("Some records changed while importing; nothing was imported.", 0) from error
        self._after_save()

    def _existing(self, kind: str) -> dict[str, str]:
        """The ids of the records a row can name, by the row's key."""
        if kind == "organizations":
            rows = self.read_models.query("SELECT id, name_uk AS k FROM rm_organizations")
            return {fold(row["k"]): row["id"] for row in rows}
        if kind == "projects":
            rows = self.read_models.query("SELECT id, code AS k FROM rm_projects")
            return {fold(row["k"]): row["id"] for row in rows}
        rows = self.read_models.query(
            "SELECT t.id, t.title, o.name_uk, o.name_latin FROM rm_grants t "
            "JOIN rm_organizations o ON o.id = t.funder_id"
        )
        return {
            f"{fold(row['title'])}\n{fold(name)}": row["id"]
            for row in rows
            for name in (row["name_uk"], row["name_latin"])
            if name
        }

    def _planned_record(
        self, row: RowPlan, record_id: str | None, build: Callable[[Record | None], Record | None]
    ) -> Record | None:
        """Apply one row to a new record or to the one it names, and note what that records."""
        record: Record | None = self.repository.get(UUID(record_id)) if record_id else None
        before = state(record) if record is not None else {}
        try:
            record = build(record)
        except _Problems as error:
            row.problems += error.problems
        except ValueProblem as error:
            row.problems.append(Problem(error.field or None, "value", error.code, error.limit))
        except DomainError as error:
            row.problems.append(Problem(None, "rule", str(error), refusal=error))
        if record is None or row.problems:
            return None
        row.record_id = record.id
        row.events = [type(event).__qualname__.split(".", 1)[1] for event in record.pending_events]
        row.changes = [self._named(change) for change in diff(before, state(record))] if row.events else []
        row.outcome = "same" if not row.events else "change" if record_id else "create"
        return record

    # Organizations ------------------------------------------------------------------------
    def _organization_row(self, org: Any, v: dict[str, Any], orgs: _Organizations) -> Organization:
        if org is None:
            org = Organization.register(
                v.get("name_uk", ""), v["kind"], v.get("name_latin", ""), v.get("region", ""),
                v.get("country") or "UA", v.get("authority_level"),
            )  # fmt: skip
        elif org.archived and v.get("archived") is False:
            raise _Problems([Problem("archived", "unchangeable")])
        self._update_organization(org, v)  # an archived organization refuses any change
        if v.get("archived") and not org.archived:
            org.archive(_reason(v))
        return org

    @staticmethod
    def _update_organization(org: Organization, v: dict[str, Any]) -> None:
        if _differs(org, v, "name_latin"):
            org.rename(v.get("name_uk", org.name_uk), v["name_latin"])
        if _differs(org, v, "kind", "authority_level"):
            org.reclassify(v.get("kind", org.kind), v.get("authority_level", org.authority_level))
        if _differs(org, v, "region", "country"):
            org.relocate(v.get("region", org.region), v.get("country") or org.country)

    # Projects -----------------------------------------------------------------------------
    def _project_row(self, project: Any, v: dict[str, Any], orgs: _Organizations) -> Project | None:
        problems: list[Problem] = []
        organization_id = orgs.find(v, "organization", problems)
        if problems:
            raise _Problems(problems)
        if project is None:
            if organization_id is None:
                raise _Problems([Problem("organization", "missing")])
            project = Project.propose(
                v.get("code", ""), v.get("title", ""), organization_id, v.get("owner", ""), v["priority"], v["category"]
            )
        elif organization_id is not None and organization_id != project.organization_id:
            raise _Problems([Problem("organization", "unchangeable")])
        else:
            if _differs(project, v, "title"):
                project.describe(v["title"], project.summary)
            if _differs(project, v, "priority", "category"):
                project.classify(v.get("priority", project.priority), v.get("category", project.category),
                                 project.direction, project.regions, project.tags)  # fmt: skip
            if _differs(project, v, "owner"):
                project.hand_over(v["owner"])
        planned = _differs(project, v, "budget", "planned_start", "planned_end")
        if planned or _flag_differs(project, v, "budget_estimated"):
            start, end = v.get("planned_start", project.planned_start), v.get("planned_end", project.planned_end)
            estimated = _flag(v, "budget_estimated", project.budget_estimated)
            project.plan(v.get("budget", project.budget), estimated, start, end)
        if v.get("stage") not in (None, project.stage):
            _move_project(project, v["stage"], _reason(v))
        return project

    # Grant applications ---------------------------------------------------------------------
    def _grant_row(self, grant: Any, v: dict[str, Any], orgs: _Organizations) -> GrantApplication | None:
        problems: list[Problem] = []
        funder_id, applicant_id = orgs.find(v, "funder", problems), orgs.find(v, "applicant", problems)
        if problems:
            raise _Problems(problems)
        _deadline(grant, v)
        if grant is None:
            if funder_id is None:
                raise _Problems([Problem("funder", "missing")])
            if applicant_id is None:
                raise _Problems([Problem("applicant", "missing")])
            grant = GrantApplication.prospect(
                v.get("title", ""), funder_id, applicant_id, v.get("owner", ""), v["requested"],
                programme=v.get("programme", ""), deadline=v.get("deadline"),
                requested_estimated=_flag(v, "requested_estimated", False),
            )  # fmt: skip
        else:
            _change_grant(grant, v, applicant_id)
        if v.get("stage") not in (None, grant.stage):
            _move_grant(grant, v["stage"], v)
        if grant.awarded is not None and _gives(grant, v, "awarded", "decided_on"):
            grant.correct_award(v.get("awarded") or grant.awarded, v.get("decided_on") or grant.decided_on, _reason(v))
        _check_facts(grant, v)
        return grant


def _marked(
    build: Callable[[Record | None], Illustrative | None], v: dict[str, Any], record: Record | None
) -> Illustrative | None:
    """The row applied, and the record marked illustrative where the row gives a reason it is not
    yet marked for (an empty cell clears nothing: that takes a reason, on the record's page)."""
    record = build(record)
    if record is not None and v.get("illustrative") and v["illustrative"] != record.illustrative:
        record.mark_illustrative(v["illustrative"])
    return record


class _Problems(DomainError):
    """Problems with named fields, found while applying a row."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("{problems}", problems="; ".join(f"{p.field}: {p.code}" for p in problems))  # never shown
        self.problems = problems


def _change_grant(grant: GrantApplication, v: dict[str, Any], applicant_id: UUID | None) -> None:
    if applicant_id is not None and applicant_id != grant.applicant_id:
        raise _Problems([Problem("applicant", "unchangeable")])
    if _differs(grant, v, "title", "programme"):
        grant.describe_call(v.get("title", grant.title), v.get("programme", grant.programme), grant.call_name,
                            grant.call_reference, grant.call_url)  # fmt: skip
    if _differs(grant, v, "deadline"):
        grant.set_deadline(v["deadline"])
    if _differs(grant, v, "requested") or _flag_differs(grant, v, "requested_estimated"):
        estimated = _flag(v, "requested_estimated", grant.requested_estimated)
        grant.change_request(v.get("requested", grant.requested), grant.co_financing, estimated,
                             grant.co_financing_estimated)  # fmt: skip
    if _differs(grant, v, "owner"):
        grant.hand_over(v["owner"])


def _check_facts(grant: GrantApplication, v: dict[str, Any]) -> None:
    """Every stage fact the file gives must be the record's now: none is dropped or left unsaid."""
    problems = []
    for name in ("submitted_on", "awarded", "decided_on", "contract_signed_on", "period_start", "period_end"):
        given, recorded = v.get(name), getattr(grant, name)
        if given is not None and recorded is None:
            problems.append(Problem(name, "not_at_stage", grant.stage.value))
        elif given is not None and given != recorded:
            problems.append(Problem(name, "unchangeable"))
    if problems:
        raise _Problems(problems)


# The facts that a stage action records, by the stage it reaches.
_GRANT_FACTS = {
    G.SUBMITTED: ("submitted_on",),
    G.AWARDED: ("awarded", "decided_on"),
    G.REJECTED: ("decided_on",),
    G.CONTRACTED: ("contract_signed_on", "period_start", "period_end"),
}


def _move_grant(grant: GrantApplication, target: GrantStage, v: dict[str, Any]) -> None:
    """Reach the file's stage by stage actions: the target's, and those whose facts the file gives."""
    current = grant.stage
    if target in (G.REJECTED, G.WITHDRAWN):
        path = [G.SUBMITTED] if v.get("submitted_on") and current in (G.PROSPECT, G.DRAFTING) else []
        path.append(target)
    elif current not in ORDER or ORDER.index(target) < ORDER.index(current):
        raise _Problems([Problem("stage", "stage_back", current.value)])
    else:
        between = ORDER[ORDER.index(current) + 1 : ORDER.index(target) + 1]
        given = [s for s in between if s is target or all(v.get(f) is not None for f in _GRANT_FACTS.get(s, ("-",)))]
        if target in (G.IN_IMPLEMENTATION, G.CLOSED) and current not in WON and G.AWARDED not in given:
            given.insert(0, G.AWARDED)  # only an awarded grant is implemented or closed
        path = given
    for stage in path:
        missing = [name for name in _GRANT_FACTS.get(stage, ()) if v.get(name) is None]
        if missing:
            raise _Problems([Problem(name, "needed_for_stage", stage.value) for name in missing])
        _GRANT_ACTIONS[stage](grant, v)


_GRANT_ACTIONS: dict[GrantStage, Callable[[GrantApplication, dict[str, Any]], None]] = {
    G.DRAFTING: lambda g, v: g.start_drafting(),
    G.SUBMITTED: lambda g, v: g.submit(v["submitted_on"]),
    G.UNDER_REVIEW: lambda g, v: g.mark_under_review(),
    G.AWARDED: lambda g, v: g.award(v["awarded"], v["decided_on"]),
    G.REJECTED: lambda g, v: g.reject(_reason(v), v["decided_on"]),
    G.WITHDRAWN: lambda g, v: g.withdraw(_reason(v)),
    G.CONTRACTED: lambda g, v: g.contract(v["contract_signed_on"], v["period_start"], v["period_end"]),
    G.IN_IMPLEMENTATION: lambda g, v: g.start_implementation(),
    G.CLOSED: lambda g, v: g.close(),
}


def _move_project(project: Project, target: ProjectStage, reason: str) -> None:
    """Reach the file's stage with the one stage action that leads there."""
    if target is S.ON_HOLD:
        project.put_on_hold(reason)
    elif target is S.CANCELLED:
        project.cancel(reason)
    else:
        if project.stage is S.ON_HOLD:
            project.resume()
        if project.stage not in MAIN_LINE or MAIN_LINE.index(target) < MAIN_LINE.index(project.stage):
            raise _Problems([Problem("stage", "stage_back", project.stage.value)])
        if target is not project.stage:
            _PROJECT_ACTIONS[target](project)


_PROJECT_ACTIONS: dict[ProjectStage, Callable[[Project], None]] = {
    S.CONCEPT: Project.develop_concept,
    S.APPROVED: Project.approve,
    S.IN_IMPLEMENTATION: Project.start,
    S.COMPLETED: Project.complete,
}
