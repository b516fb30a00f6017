"""The kinds of record, each declared once: the names it goes by, its page, where its rows are kept,
which column names a record and which holds its stage, the fields of its register, and what a
comparison of two moments shows.

Whatever lists the kinds reads them here: the links between records, the audit log and each
record's history, the comparison of two moments, the stage analytics, the register counts, the
read models' per-table facts (`readmodels/schema.py`), the API, the pages' links to a record and
each register's record, action and creation routes (`web/record_pages.py`). A register's fields
give its query's columns (`selected`), its export and import columns (`web/register_columns.py`)
and the API's row schema (`web/api/schemas.py`). A new kind of record is one more `Kind` below; a
new column of a register, one more `Field` (after its event, projector handler and column: see the
README, "A kind of record, declared once").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Literal

from domain import memorandum
from domain.account import Account
from domain.board_pack import BoardPack
from domain.enums import (
    AuthorityLevel,
    Category,
    GrantStage,
    Health,
    InitiativeStatus,
    MemorandumKind,
    MemorandumStage,
    OrganizationKind,
    Priority,
    ProjectStage,
    sql_list,
)
from domain.errors import N_
from domain.grant import GrantApplication
from domain.initiative import RoadmapInitiative
from domain.memorandum import Memorandum
from domain.organization import Organization
from domain.project import Project
from domain.quarantine import Quarantine
from domain.rates import ExchangeRates

# What a field holds, which says how it is written in an export and read back, and typed in the API:
# text; an amount with its currency (two columns, `<name>_amount` and `<name>_currency`, and a third,
# `<name>_estimated`, where the amount may be an estimate); a day; a deadline (a moment, exported as
# its day in Kyiv); a word of a vocabulary; a whole number; yes or no.
FieldType = Literal["text", "money", "day", "deadline", "choice", "count", "flag"]
Vocabulary = type[Enum]  # the words a "choice" field takes (a `type` field below would hide `type`)


@dataclass(frozen=True)
class Field:
    """A column of a kind's register: as its rows, exports and the API name it."""

    name: str
    label: str  # its header (English; translated where it is shown)
    type: FieldType = "text"
    vocabulary: Vocabulary | None = None
    source: str = ""  # the SQL that gives it, where it is not the table's own column (`t.<name>`)
    exported: bool = True  # a column of the register's export, and so of its import
    estimable: bool = False  # an amount the record may give as an estimate, not a fact

    @property
    def columns(self) -> tuple[str, ...]:
        """Its names in a register row."""
        if self.type != "money":
            return (self.name,)
        return (f"{self.name}_amount", f"{self.name}_currency", *([f"{self.name}_estimated"] * self.estimable))


def choice(name: str, label: str, vocabulary: type[Enum]) -> Field:
    return Field(name, label, "choice", vocabulary)


# A memorandum in force with nothing under it: no commitments and no projects (a row of rm_memoranda).
ON_PAPER_ONLY = f"stage IN ({sql_list(memorandum.IN_FORCE)}) AND commitments = 0 AND projects = 0"

# Whether a record's figures are illustrative, and why: every register kind's comparison shows it.
_MARK = {"illustrative": ("illustrative_reason",)}


@dataclass(frozen=True)
class Kind:
    name: str  # as URLs, links and the audit log name one record: "grant"
    aggregate: type  # its class in the domain; the event store names the record type after it
    label: str  # what a person calls it (English; translated where it is shown)
    table: str = ""  # its read model's table; "" where it has none
    title: str = ""  # the column that names a record
    register: str = ""  # its register's name (plural, as the register, exports and the API say it)
    stage: str = ""  # the column that holds its stage
    endpoint: tuple[str, str] | None = None  # its page: (Flask endpoint, the argument naming the record)
    compared: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # values a comparison shows: columns
    fields: tuple[Field, ...] = ()  # its register's columns, in the order its export writes them
    # Columns of its table the register reads in its own ways (see `readmodels/schema.py`): text its
    # search finds (kept case-folded), names it sorts in the Ukrainian alphabet (kept as sort keys),
    # and the values its drop-down filters offer (every value a column has held, by when).
    searched: tuple[str, ...] = ()
    alphabetical: tuple[str, ...] = ()
    offered: tuple[str, ...] = ()

    @property
    def stages(self) -> type[Enum] | None:
        """Its stages, in their order: the vocabulary of its stage's field."""
        return next((f.vocabulary for f in self.fields if f.name == self.stage), None)

    @property
    def record_type(self) -> str:
        """How the event store and the audit log name this kind's records."""
        return self.aggregate.__name__


PROJECT = Kind(
    "project", Project, N_("project"), "rm_projects", "title", register="projects",
    stage="stage", endpoint=("projects.detail", "project_id"),
    compared={"budget": ("budget_amount", "budget_currency"), **_MARK},
    fields=(
        Field("code", N_("Code")), Field("title", N_("Title")),
        Field("organization", N_("Organization"), source="o.name_uk"),
        choice("priority", N_("Priority"), Priority), choice("category", N_("Category"), Category),
        choice("stage", N_("Stage"), ProjectStage), Field("owner", N_("Lead")),
        Field("budget", N_("Budget"), "money", estimable=True),
        Field("planned_end", N_("Planned end"), "day"), Field("planned_start", N_("Planned start"), "day"),
        Field("direction", N_("Direction"), exported=False), Field("regions", N_("Regions"), exported=False),
    ),
    searched=("code", "title", "summary", "owner", "direction", "tags", "regions"), alphabetical=("title", "owner"),
    offered=("organization_id", "direction", "owner", "budget_currency"),
)  # fmt: skip
GRANT = Kind(
    "grant", GrantApplication, N_("grant application"), "rm_grants", "title", register="grants",
    stage="stage", endpoint=("grants.detail", "grant_id"),
    compared={"requested": ("requested_amount", "requested_currency"),
              "awarded": ("awarded_amount", "awarded_currency"), **_MARK},
    fields=(
        Field("title", N_("Title")), Field("programme", N_("Programme")),
        Field("funder", N_("Funder"), source="o.name_uk"), choice("stage", N_("Stage"), GrantStage),
        Field("requested", N_("Requested"), "money", estimable=True), Field("awarded", N_("Awarded"), "money"),
        Field("deadline", N_("Deadline"), "deadline"), Field("owner", N_("Owner")),
        Field("applicant", N_("Applicant"), source="a.name_uk"),
        Field("submitted_on", N_("Submitted"), "day"), Field("decided_on", N_("Decided"), "day"),
        Field("contract_signed_on", N_("Contract signed"), "day"),
        Field("period_start", N_("Period start"), "day"), Field("period_end", N_("Period end"), "day"),
        Field("win_probability", N_("Win probability"), "count", exported=False),
    ),
    searched=("title", "programme", "call_name", "owner"), alphabetical=("title", "owner"),
    offered=("funder_id", "programme", "owner", "requested_currency"),
)  # fmt: skip
MEMORANDUM = Kind(
    "memorandum", Memorandum, N_("memorandum"), "rm_memoranda", "subject", register="memoranda",
    stage="stage", endpoint=("memoranda.detail", "memorandum_id"),
    compared={"valid_until": ("valid_until",), **_MARK},
    fields=(
        Field("subject", N_("Subject")), choice("kind", N_("Kind"), MemorandumKind),
        choice("stage", N_("Stage"), MemorandumStage),
        Field("signed_on", N_("Signed"), "day"), Field("valid_until", N_("Valid until"), "day"),
        Field("commitments", N_("Commitments"), "count"), Field("owner", N_("Owner")),
        Field("parties", N_("Parties"), "count", exported=False),
        Field("projects", N_("Projects"), "count", exported=False),
        Field("lacks_substance", N_("Signed, with no commitments and no projects"), "flag", exported=False,
              source=f"CASE WHEN {ON_PAPER_ONLY} THEN 1 ELSE 0 END"),
    ),
    searched=("subject", "owner"), alphabetical=("subject", "owner"), offered=("owner",),
)  # fmt: skip
INITIATIVE = Kind(
    "initiative", RoadmapInitiative, N_("initiative"), "rm_initiatives", "title", register="initiatives",
    stage="status", endpoint=("roadmap.detail", "initiative_id"),
    compared={"target_on": ("target_on",), "health": ("health",), "progress": ("progress",), **_MARK},
    fields=(
        Field("roadmap", N_("Roadmap")), Field("direction", N_("Direction")), Field("title", N_("Initiative")),
        Field("target_on", N_("Target"), "day"), choice("health", N_("Health"), Health),
        Field("progress", N_("Progress"), "count"), choice("status", N_("Status"), InitiativeStatus),
        Field("owner", N_("Owner")),
        Field("postponements", N_("Postponements"), "count", exported=False),
        Field("original_target_on", N_("Original target"), "day", exported=False),
    ),
    searched=("roadmap", "direction", "title", "owner"), alphabetical=("roadmap", "direction", "title", "owner"),
    offered=("roadmap", "direction", "owner"),
)  # fmt: skip
ORGANIZATION = Kind(
    "organization", Organization, N_("organization"), "rm_organizations", "name_uk", register="organizations",
    stage="archived", endpoint=("organizations.detail", "organization_id"),
    compared={"name_uk": ("name_uk",), **_MARK},
    fields=(
        Field("name_uk", N_("Name")), Field("name_latin", N_("Latin name")),
        choice("kind", N_("Kind"), OrganizationKind), Field("region", N_("Region")), Field("country", N_("Country")),
        choice("authority_level", N_("Authority level"), AuthorityLevel), Field("archived", N_("Archived"), "flag"),
    ),
    searched=("name_uk", "name_latin", "region"), alphabetical=("name_uk", "name_latin", "region"),
    offered=("region", "country"),
)  # fmt: skip

# The records the portfolio is made of, each with its register, in the order pages list them.
KINDS: dict[str, Kind] = {kind.name: kind for kind in (PROJECT, GRANT, MEMORANDUM, INITIATIVE, ORGANIZATION)}
BY_REGISTER: dict[str, Kind] = {kind.register: kind for kind in KINDS.values()}

# Every type of record the event store holds, by the name the store gives it: the portfolio's
# kinds, and the records that keep the system itself (accounts, rates, board packs, quarantine).
RECORD_TYPES: dict[str, Kind] = {
    kind.record_type: kind
    for kind in (
        *KINDS.values(),
        Kind("account", Account, N_("account"), "rm_accounts", "username"),
        Kind("rates", ExchangeRates, N_("exchange rates")),
        Kind(
            "board_pack",
            BoardPack,
            N_("board pack"),
            "rm_board_packs",
            "title",
            endpoint=("board_packs.pack", "pack_id"),
        ),
        Kind("quarantine", Quarantine, N_("quarantine")),
    )
}


def kind_of(record_type: str) -> str:
    """The kind's name of a record type the event store names ("GrantApplication" is "grant"); "" if unknown."""
    kind = RECORD_TYPES.get(record_type)
    return kind.name if kind else ""


def selected(kind: Kind) -> str:
    """The columns of a register's query: each field of the kind (`t` is its table), with what every
    row says: its id, version, and whether its figures are illustrative, and why."""
    own = [f"{field.source} AS {field.name}" if field.source else f"t.{column}" for field in kind.fields
           for column in field.columns]  # fmt: skip
    return ", ".join(["t.id", "t.version", "t.illustrative", "t.illustrative_reason", *own])
