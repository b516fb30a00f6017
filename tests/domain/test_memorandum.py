"""Memorandum: drafted, negotiated, signed by at least two parties, in force until it ends."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from domain.enums import CommitmentStatus, MemorandumKind, MemorandumStage, PartyType
from domain.errors import DomainError
from domain.memorandum import Memorandum
from tests.domain.support import declared_event_names, event_names, fresh, new_events, reach, state

pytestmark = pytest.mark.usefixtures("as_tester")

M = MemorandumStage
CLUSTER, CITY = uuid4(), uuid4()
SIGNED_ON = date(2021, 10, 27)


def draft() -> Memorandum:
    return Memorandum.draft(MemorandumKind.COOPERATION, "Cooperation on the IAM cluster", "Olha")


@pytest.fixture
def memorandum() -> Memorandum:
    """A draft between the Kharkiv IAM cluster and Kharkiv City Council."""
    record = draft()
    record.add_party(CLUSTER, PartyType.CLUSTER)
    record.add_party(CITY, PartyType.LOCAL_SELF_GOVERNMENT)
    return fresh(record)


def move_to(memorandum: Memorandum, stage: MemorandumStage) -> Memorandum:
    """Bring the draft to `stage` by its ordinary steps; the events are collected."""
    m = memorandum
    steps = {
        M.DRAFT: [],
        M.NEGOTIATION: [m.open_negotiation],
        M.SIGNED: [lambda: m.sign(SIGNED_ON, "Kharkiv", None, date(2023, 12, 31))],
        M.ACTIVE: [lambda: m.sign(SIGNED_ON, "Kharkiv", None, date(2023, 12, 31)), m.activate],
        M.EXPIRED: [lambda: m.sign(SIGNED_ON, "Kharkiv", None, date(2023, 12, 31)), m.expire],
        M.TERMINATED: [lambda: m.terminate("the council withdrew")],
    }
    return reach(m, stage, steps)


def test_drafting_a_memorandum_records_its_kind_subject_and_owner():
    record = Memorandum.draft(MemorandumKind.NDA, " Prototype exchange ", " Olha ")

    [drafted] = new_events(record)
    assert type(drafted).__name__ == "Drafted"
    assert (drafted.kind, drafted.subject, drafted.owner) == (MemorandumKind.NDA, "Prototype exchange", "Olha")
    assert record.stage is M.DRAFT
    assert (record.parties, record.commitments, record.project_ids) == ({}, {}, [])


@pytest.mark.parametrize(("subject", "owner", "message"), [(" ", "Olha", "subject"), ("Cooperation", "", "owner")])
def test_cannot_draft_a_memorandum_without_subject_or_owner(subject, owner, message):
    with pytest.raises(DomainError, match=message):
        Memorandum.draft(MemorandumKind.COOPERATION, subject, owner)


def test_describing_a_memorandum_records_kind_and_subject(memorandum):
    memorandum.describe(MemorandumKind.PARTNERSHIP, " Joint vocational training ")
    memorandum.describe(MemorandumKind.PARTNERSHIP, "Joint vocational training")

    [described] = new_events(memorandum)
    assert (type(described).__name__, described.kind, described.subject) == (
        "Described",
        MemorandumKind.PARTNERSHIP,
        "Joint vocational training",
    )


def test_cannot_describe_a_memorandum_with_an_empty_subject(memorandum):
    with pytest.raises(DomainError, match="subject"):
        memorandum.describe(MemorandumKind.COOPERATION, " ")


def test_handing_a_memorandum_over_records_the_new_owner(memorandum):
    memorandum.hand_over(" Petro ")
    memorandum.hand_over("Petro")

    [handed_over] = new_events(memorandum)
    assert (type(handed_over).__name__, handed_over.owner) == ("HandedOver", "Petro")
    with pytest.raises(DomainError, match="owner"):
        memorandum.hand_over("")


def test_adding_a_party_records_the_organization_and_its_type():
    record = draft()

    record.add_party(CITY, PartyType.LOCAL_SELF_GOVERNMENT)

    _, added = new_events(record)
    assert (type(added).__name__, added.organization_id, added.party_type) == (
        "PartyAdded",
        CITY,
        PartyType.LOCAL_SELF_GOVERNMENT,
    )
    assert record.parties[CITY].party_type is PartyType.LOCAL_SELF_GOVERNMENT


def test_cannot_add_the_same_party_twice(memorandum):
    with pytest.raises(DomainError, match="already a party"):
        memorandum.add_party(CITY, PartyType.REGIONAL_AUTHORITY)


@pytest.mark.parametrize("stage", [M.SIGNED, M.ACTIVE, M.EXPIRED, M.TERMINATED])
def test_parties_can_only_be_added_before_signing(memorandum, stage):
    move_to(memorandum, stage)

    with pytest.raises(DomainError, match="before the memorandum is signed"):
        memorandum.add_party(uuid4(), PartyType.FOREIGN_PARTNER)


def test_negotiation_opens_only_from_a_draft(memorandum):
    memorandum.open_negotiation()

    assert event_names(memorandum) == ["NegotiationOpened"]
    assert memorandum.stage is M.NEGOTIATION
    with pytest.raises(DomainError, match="Only a draft"):
        memorandum.open_negotiation()


@pytest.mark.parametrize("stage", [M.DRAFT, M.NEGOTIATION])
def test_signing_records_date_place_and_validity(memorandum, stage):
    move_to(memorandum, stage)

    memorandum.sign(SIGNED_ON, " Kharkiv ", date(2021, 11, 1), date(2023, 12, 31))

    [signed] = new_events(memorandum)
    assert type(signed).__name__ == "Signed"
    assert (signed.signed_on, signed.place) == (SIGNED_ON, "Kharkiv")
    assert (signed.valid_from, signed.valid_until) == (date(2021, 11, 1), date(2023, 12, 31))
    assert memorandum.stage is M.SIGNED
    assert (memorandum.signed_on, memorandum.signed_place) == (SIGNED_ON, "Kharkiv")


def test_a_memorandum_is_valid_from_its_signing_unless_said_otherwise(memorandum):
    memorandum.sign(SIGNED_ON, "Kharkiv", None, None)

    assert (memorandum.valid_from, memorandum.valid_until) == (SIGNED_ON, None)


@pytest.mark.parametrize("parties", [0, 1])
def test_a_memorandum_needs_two_parties_to_be_signed(parties):
    record = draft()
    for _ in range(parties):
        record.add_party(uuid4(), PartyType.CLUSTER)

    with pytest.raises(DomainError, match="two parties"):
        record.sign(SIGNED_ON, "Kharkiv", None, None)
    assert record.stage is M.DRAFT


@pytest.mark.parametrize(
    ("valid_from", "valid_until", "message"),
    [
        (date(2022, 1, 1), date(2021, 12, 31), "validity"),
        (None, date(2021, 10, 26), "validity"),
        (date(2021, 1, 1), date(2021, 6, 30), "after its validity has ended"),
    ],
)
def test_cannot_sign_a_memorandum_with_an_impossible_validity(memorandum, valid_from, valid_until, message):
    with pytest.raises(DomainError, match=message):
        memorandum.sign(SIGNED_ON, "Kharkiv", valid_from, valid_until)
    assert memorandum.stage is M.DRAFT


@pytest.mark.parametrize("stage", [M.SIGNED, M.ACTIVE])
def test_cannot_sign_a_memorandum_twice(memorandum, stage):
    move_to(memorandum, stage)

    with pytest.raises(DomainError, match="already signed on 2021-10-27"):
        memorandum.sign(date(2022, 1, 1), "Kyiv", None, None)


@pytest.mark.parametrize("stage", [M.EXPIRED, M.TERMINATED])
def test_cannot_sign_an_expired_or_terminated_memorandum(memorandum, stage):
    move_to(memorandum, stage)

    with pytest.raises(DomainError, match=f"is {stage.value} and cannot be signed"):
        memorandum.sign(date(2024, 1, 1), "Kharkiv", None, None)
    assert memorandum.stage is stage


def test_a_signed_memorandum_becomes_active_and_then_expires(memorandum):
    move_to(memorandum, M.SIGNED)

    memorandum.activate()
    memorandum.expire()

    assert event_names(memorandum) == ["Activated", "Expired"]
    assert memorandum.stage is M.EXPIRED


def test_a_signed_memorandum_may_expire_without_becoming_active(memorandum):
    move_to(memorandum, M.SIGNED)

    memorandum.expire()

    assert memorandum.stage is M.EXPIRED


@pytest.mark.parametrize("stage", [M.DRAFT, M.NEGOTIATION, M.ACTIVE, M.EXPIRED, M.TERMINATED])
def test_only_a_signed_memorandum_becomes_active(memorandum, stage):
    move_to(memorandum, stage)

    with pytest.raises(DomainError, match="Only a signed memorandum"):
        memorandum.activate()


@pytest.mark.parametrize("stage", [M.DRAFT, M.NEGOTIATION, M.EXPIRED, M.TERMINATED])
def test_only_a_memorandum_in_force_can_expire(memorandum, stage):
    move_to(memorandum, stage)

    with pytest.raises(DomainError, match="in force can expire"):
        memorandum.expire()


@pytest.mark.parametrize("stage", [M.DRAFT, M.NEGOTIATION, M.SIGNED, M.ACTIVE])
def test_a_memorandum_can_be_terminated_with_a_reason_until_it_ends(memorandum, stage):
    move_to(memorandum, stage)

    memorandum.terminate(" the council was dissolved ")

    [terminated] = new_events(memorandum)
    assert (type(terminated).__name__, terminated.reason) == ("Terminated", "the council was dissolved")
    assert memorandum.stage is M.TERMINATED


@pytest.mark.parametrize("reason", ["", "  ", None])
def test_terminating_a_memorandum_needs_a_reason(memorandum, reason):
    move_to(memorandum, M.ACTIVE)

    with pytest.raises(DomainError, match="reason"):
        memorandum.terminate(reason)
    assert memorandum.stage is M.ACTIVE


@pytest.mark.parametrize("stage", [M.EXPIRED, M.TERMINATED])
def test_an_ended_memorandum_cannot_be_terminated(memorandum, stage):
    move_to(memorandum, stage)

    with pytest.raises(DomainError, match=f"already {stage.value}"):
        memorandum.terminate("again")


@pytest.mark.parametrize("stage", [M.EXPIRED, M.TERMINATED])
@pytest.mark.parametrize(
    "change",
    [
        lambda m: m.describe(MemorandumKind.NDA, "Other"),
        lambda m: m.make_commitment(CITY, "Provide premises", "Olha", None),
    ],
    ids=["describe", "make_commitment"],
)
def test_an_ended_memorandum_cannot_be_changed(memorandum, stage, change):
    move_to(memorandum, stage)

    with pytest.raises(DomainError, match=f"is {stage.value} and cannot be changed"):
        change(memorandum)


def test_extending_a_memorandum_records_the_new_end_and_the_reason(memorandum):
    move_to(memorandum, M.ACTIVE)

    memorandum.extend(date(2025, 12, 31), " second phase agreed ")

    [extended] = new_events(memorandum)
    assert (type(extended).__name__, extended.valid_until, extended.reason) == (
        "Extended",
        date(2025, 12, 31),
        "second phase agreed",
    )
    assert memorandum.valid_until == date(2025, 12, 31)


@pytest.mark.parametrize("valid_until", [date(2023, 12, 31), date(2023, 6, 30)])
def test_an_extension_must_end_later_than_the_current_validity(memorandum, valid_until):
    move_to(memorandum, M.SIGNED)

    with pytest.raises(DomainError, match="must be after 2023-12-31"):
        memorandum.extend(valid_until, "more time")


@pytest.mark.parametrize("reason", ["", None])
def test_extending_a_memorandum_needs_a_reason(memorandum, reason):
    move_to(memorandum, M.SIGNED)

    with pytest.raises(DomainError, match="reason"):
        memorandum.extend(date(2025, 12, 31), reason)


@pytest.mark.parametrize("stage", [M.DRAFT, M.NEGOTIATION, M.EXPIRED, M.TERMINATED])
def test_only_a_memorandum_in_force_can_be_extended(memorandum, stage):
    move_to(memorandum, stage)

    with pytest.raises(DomainError, match="in force can be extended"):
        memorandum.extend(date(2025, 12, 31), "more time")


def test_a_commitment_is_made_by_a_party_and_its_status_tracked(memorandum):
    move_to(memorandum, M.ACTIVE)

    commitment = memorandum.make_commitment(CITY, " Provide premises for Center 4.0 ", " Olha ", date(2022, 3, 1))
    memorandum.update_commitment(commitment, CommitmentStatus.IN_PROGRESS)
    memorandum.update_commitment(commitment, CommitmentStatus.DONE)

    made, *updates = new_events(memorandum)
    assert type(made).__name__ == "CommitmentMade"
    assert (made.commitment_id, made.party_id, made.description, made.owner, made.due_on) == (
        commitment,
        CITY,
        "Provide premises for Center 4.0",
        "Olha",
        date(2022, 3, 1),
    )
    assert [(type(u).__name__, u.status) for u in updates] == [
        ("CommitmentUpdated", CommitmentStatus.IN_PROGRESS),
        ("CommitmentUpdated", CommitmentStatus.DONE),
    ]
    assert memorandum.commitments[commitment].status is CommitmentStatus.DONE


@pytest.mark.parametrize(
    ("party", "description", "owner", "message"),
    [(uuid4(), "Premises", "Olha", "no party"), (CITY, " ", "Olha", "commitment"), (CITY, "Premises", "", "owner")],
)
def test_cannot_make_an_invalid_commitment(memorandum, party, description, owner, message):
    with pytest.raises(DomainError, match=message):
        memorandum.make_commitment(party, description, owner, None)
    assert memorandum.commitments == {}


def test_a_commitment_status_must_change_to_be_updated(memorandum):
    commitment = memorandum.make_commitment(CITY, "Premises", "Olha", None)

    with pytest.raises(DomainError, match="already open"):
        memorandum.update_commitment(commitment, CommitmentStatus.OPEN)
    with pytest.raises(DomainError, match="no commitment"):
        memorandum.update_commitment(uuid4(), CommitmentStatus.DONE)


def test_linking_and_unlinking_a_project_records_the_reason(memorandum):
    project = uuid4()

    memorandum.link_project(project)
    memorandum.unlink_project(project, "project merged")

    linked, unlinked = new_events(memorandum)
    assert (type(linked).__name__, linked.project_id) == ("ProjectLinked", project)
    assert (type(unlinked).__name__, unlinked.reason) == ("ProjectUnlinked", "project merged")
    assert memorandum.project_ids == []


def test_project_links_cannot_be_doubled_or_removed_without_reason(memorandum):
    project = uuid4()
    memorandum.link_project(project)

    with pytest.raises(DomainError, match="already linked"):
        memorandum.link_project(project)
    with pytest.raises(DomainError, match="reason"):
        memorandum.unlink_project(project, " ")
    with pytest.raises(DomainError, match="not linked"):
        memorandum.unlink_project(uuid4(), "never was")
    assert memorandum.project_ids == [project]


@pytest.mark.parametrize(
    ("stage", "commitment", "project", "paper_only"),
    [
        (M.DRAFT, False, False, False),
        (M.NEGOTIATION, False, False, False),
        (M.SIGNED, False, False, True),
        (M.ACTIVE, False, False, True),
        (M.ACTIVE, True, False, False),
        (M.ACTIVE, False, True, False),
        (M.EXPIRED, False, False, False),
        (M.TERMINATED, False, False, False),
    ],
)
def test_a_memorandum_in_force_with_no_commitment_and_no_project_is_flagged(
    memorandum, stage, commitment, project, paper_only
):
    if commitment:
        memorandum.make_commitment(CITY, "Premises", "Olha", None)
    if project:
        memorandum.link_project(uuid4())
    move_to(memorandum, stage)

    assert memorandum.lacks_substance is paper_only


@pytest.mark.parametrize("ending", ["Expired", "Terminated"])
def test_a_full_history_replays_to_an_equal_state(store, replayed, ending):
    record = draft()
    record.describe(MemorandumKind.PARTNERSHIP, "Center 4.0 and the European DIH network")
    record.hand_over("Petro")
    record.add_party(CLUSTER, PartyType.CLUSTER)
    record.add_party(CITY, PartyType.LOCAL_SELF_GOVERNMENT)
    record.open_negotiation()
    record.sign(SIGNED_ON, "Kharkiv", date(2021, 11, 1), date(2023, 12, 31))
    record.activate()
    record.extend(date(2025, 12, 31), "second phase")
    commitment = record.make_commitment(CITY, "Premises", "Olha", date(2022, 3, 1))
    record.update_commitment(commitment, CommitmentStatus.DONE)
    kept, dropped = uuid4(), uuid4()
    record.link_project(kept)
    record.link_project(dropped)
    record.unlink_project(dropped, "merged")
    record.mark_illustrative("signing day invented")
    record.clear_illustrative("signing day confirmed")
    record.mark_illustrative("commitments invented")
    if ending == "Expired":
        record.expire()
    else:
        record.terminate("the council was dissolved")

    again = replayed(record)

    assert state(again) == state(record)
    assert again.project_ids == [kept]
    assert again.commitments[commitment].status is CommitmentStatus.DONE
    stored = [type(e).__name__ for e in store.events.get(record.id)]
    assert stored[-1] == ending
    assert set(stored) | {"Expired", "Terminated"} == declared_event_names(Memorandum)
