"""The kinds of record, each declared once: the names it goes by, its page, where its rows are kept,
which column names a record and which holds its stage, and what a comparison of two moments shows.

Whatever lists the kinds reads them here: the links between records, the audit log and each
record's history, the comparison of two moments, the stage analytics, the register counts, the API
and the pages' links to a record. A new kind of record is one more `Kind` below.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

from domain.account import Account
from domain.board_pack import BoardPack
from domain.enums import GrantStage, InitiativeStatus, MemorandumStage, ProjectStage
from domain.errors import N_
from domain.grant import GrantApplication
from domain.initiative import RoadmapInitiative
from domain.memorandum import Memorandum
from domain.organization import Organization
from domain.project import Project
from domain.quarantine import Quarantine
from domain.rates import ExchangeRates

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
    stages: type[Enum] | None = None  # its stages, in their order
    endpoint: tuple[str, str] | None = None  # its page: (Flask endpoint, the argument naming the record)
    compared: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # values a comparison shows: columns

    @property
    def record_type(self) -> str:
        """How the event store and the audit log name this kind's records."""
        return self.aggregate.__name__


PROJECT = Kind(
    "project", Project, N_("project"), "rm_projects", "title", register="projects",
    stage="stage", stages=ProjectStage, endpoint=("projects.detail", "project_id"),
    compared={"budget": ("budget_amount", "budget_currency"), **_MARK},
)  # fmt: skip
GRANT = Kind(
    "grant", GrantApplication, N_("grant application"), "rm_grants", "title", register="grants",
    stage="stage", stages=GrantStage, endpoint=("grants.detail", "grant_id"),
    compared={"requested": ("requested_amount", "requested_currency"),
              "awarded": ("awarded_amount", "awarded_currency"), **_MARK},
)  # fmt: skip
MEMORANDUM = Kind(
    "memorandum", Memorandum, N_("memorandum"), "rm_memoranda", "subject", register="memoranda",
    stage="stage", stages=MemorandumStage, endpoint=("memoranda.detail", "memorandum_id"),
    compared={"valid_until": ("valid_until",), **_MARK},
)  # fmt: skip
INITIATIVE = Kind(
    "initiative", RoadmapInitiative, N_("initiative"), "rm_initiatives", "title", register="initiatives",
    stage="status", stages=InitiativeStatus, endpoint=("roadmap.detail", "initiative_id"),
    compared={"target_on": ("target_on",), "health": ("health",), "progress": ("progress",), **_MARK},
)  # fmt: skip
ORGANIZATION = Kind(
    "organization", Organization, N_("organization"), "rm_organizations", "name_uk", register="organizations",
    stage="archived", endpoint=("organizations.detail", "organization_id"),
    compared={"name_uk": ("name_uk",), **_MARK},
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
