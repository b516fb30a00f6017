"""The projector knows every event of every record by its class: a new event must say what it changes."""

from __future__ import annotations

from domain.account import Account
from domain.board_pack import BoardPack
from domain.grant import GrantApplication
from domain.initiative import RoadmapInitiative
from domain.memorandum import Memorandum
from domain.organization import Organization
from domain.project import Project
from domain.quarantine import Quarantine
from domain.rates import ExchangeRates
from domain.record import Record
from portfolio.readmodels.projectors import HANDLERS, SIDE_EFFECTS, STAMP_ONLY

RECORDS = (Account, BoardPack, GrantApplication, RoadmapInitiative, Memorandum, Organization, Project, Quarantine,
           ExchangeRates)  # fmt: skip


def events_of(record: type) -> set[type]:
    return {
        value
        for name, value in vars(record).items()
        if isinstance(value, type) and issubclass(value, Record.Event) and name != "Event"
    }


def test_every_event_of_every_record_is_handled_or_said_to_change_only_its_stamp():
    every = set().union(*(events_of(record) for record in RECORDS))
    known = HANDLERS.keys() | SIDE_EFFECTS.keys() | STAMP_ONLY
    assert every - known == set()
    assert known - every == set()  # and nothing else: each key is an event of a record
