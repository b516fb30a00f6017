"""Each kind's declaration (`portfolio/kinds.py`) names real things: its table's columns, its
aggregate's events, its register; a name that drifts fails here, not on a page."""

from __future__ import annotations

import pytest

from domain.record import Record
from portfolio.kinds import KINDS, RECORD_TYPES, Kind
from portfolio.readmodels.schema import NAMES, READ_MODEL_TABLES
from portfolio.register_specs import REGISTERS


@pytest.mark.parametrize("kind", KINDS.values(), ids=list(KINDS))
def test_every_column_a_kind_names_is_a_column_of_its_table(kind: Kind):
    columns = set(NAMES[kind.table])
    own = {column for field in kind.fields if not field.source for column in field.columns}
    compared = {column for group in kind.compared.values() for column in group}
    named = {kind.title, kind.stage, *own, *compared, *kind.searched, *kind.alphabetical, *kind.offered}
    assert named - columns == set()


@pytest.mark.parametrize("kind", KINDS.values(), ids=list(KINDS))
def test_a_kind_is_its_register_and_its_stages_are_its_stage_fields_words(kind: Kind):
    assert REGISTERS[kind.register].table == kind.table
    stage_field = next((field for field in kind.fields if field.name == kind.stage), None)
    assert stage_field is not None and kind.stages is stage_field.vocabulary
    assert len({field.name for field in kind.fields}) == len(kind.fields)  # one name, one field


def test_every_record_type_the_store_holds_is_an_aggregate_named_as_its_kind_says():
    for name, kind in RECORD_TYPES.items():
        assert issubclass(kind.aggregate, Record) and kind.aggregate.__name__ == name
        assert not kind.table or kind.table in READ_MODEL_TABLES
    assert len({kind.name for kind in RECORD_TYPES.values()}) == len(RECORD_TYPES)
