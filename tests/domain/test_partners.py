"""Partners of a project and of a grant application's consortium: each joins in a role and leaves
with a reason; the same rules for both (joining twice is in test_project and test_grant)."""

from __future__ import annotations

from uuid import uuid4

import pytest

from domain.errors import DomainError
from tests.domain.support import fresh, new_events, propose_project, prospect

pytestmark = pytest.mark.usefixtures("as_tester")

KINDS = {  # kind: (a new record of it, a partner's role, why a partner leaves)
    "project": (propose_project, "co-founder", "left the cluster"),
    "grant application": (prospect, "co-applicant", "left the consortium"),
}


@pytest.fixture(params=KINDS)
def kind(request) -> str:
    return request.param


@pytest.fixture
def record(kind):
    return fresh(KINDS[kind][0]())


def test_adding_and_removing_a_partner_records_role_and_reason(record, kind):
    _, role, reason = KINDS[kind]
    partner = uuid4()

    record.add_partner(partner, f" {role} ")
    assert record.partners[partner].role == role
    record.remove_partner(partner, reason)

    added, removed = new_events(record)
    assert (type(added).__name__, added.organization_id, added.role) == ("PartnerAdded", partner, role)
    assert (type(removed).__name__, removed.reason) == ("PartnerRemoved", reason)
    assert record.partners == {}


def test_a_partner_needs_a_role(record):
    with pytest.raises(DomainError, match="role"):
        record.add_partner(uuid4(), " ")
    assert record.partners == {}


@pytest.mark.parametrize("reason", ["", " ", None])
def test_removing_a_partner_needs_a_reason(record, kind, reason):
    partner = uuid4()
    record.add_partner(partner, KINDS[kind][1])

    with pytest.raises(DomainError, match="reason"):
        record.remove_partner(partner, reason)
    assert partner in record.partners


def test_cannot_remove_an_organization_that_is_not_a_partner(record):
    with pytest.raises(DomainError, match="no partner"):
        record.remove_partner(uuid4(), "never was")
