"""Tamper evidence: altering, removing, adding or reordering a stored event, rewriting the chain
without the key, cutting the tail or wiping the chain is found at its position, on SQLite and
PostgreSQL; an export restored into an empty store keeps its positions and ends in the same head."""

from __future__ import annotations

from pathlib import Path
from uuid import UUID

import pytest
from eventsourcing.persistence import StoredEvent

from domain.context import recording
from domain.enums import OrganizationKind
from portfolio.app import Portfolio
from portfolio.audit.archive import ArchiveError, export_log, import_log
from portfolio.audit.chain import AuditKeyError
from portfolio.audit.cli import verdict_lines
from portfolio.audit.verification import opened_log, verify
from portfolio.audit.witness import Witness
from portfolio.readmodels.store import Statement
from tests.portfolio.scenario import build, read_models
from tests.portfolio.tampering import events_table, forge_event, relink, stored_event, tamper

KEY = "an audit key for tests"


@pytest.fixture
def app(store_url, open_portfolio) -> Portfolio:
    portfolio = open_portfolio(store_url, KEY)
    build(portfolio)
    return portfolio


def record_at(app: Portfolio, position: int) -> str:
    return str(app.recorder.select_notifications(position, 1)[0].originator_id)


def exported(app: Portfolio, path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        export_log(app, out)
    return path


def test_an_untouched_log_verifies_with_its_head_count_and_witness(app):
    verdict = verify(app.chain)
    assert verdict.ok and verdict.count == app.recorder.max_notification_id()
    assert verdict.head == app.chain.head()[1] and verdict.witnessed == app.recorder.max_notification_id()
    assert app.chain.schemes()[0]["after"] == 0 and app.chain.schemes()[0]["keyed"] == 1


def test_an_altered_event_is_found_at_its_position(app):
    record = record_at(app, 5)
    state = bytes(app.recorder.select_notifications(5, 1)[0].state).replace(b'"olena.fundraiser"', b'"mallory"')
    tamper(app, "UPDATE {table} SET state = :state WHERE {position} = 5", state=state)
    verdict = verify(app.chain)
    assert (verdict.ok, verdict.broken_at, verdict.problem, verdict.record_id) == (False, 5, "altered", record)
    assert verdict.count == 4


@pytest.mark.parametrize(
    ("position", "statements", "problem"),
    [
        (7, ["DELETE FROM {table} WHERE {position} = 7"], "missing"),
        (3, ["UPDATE {table} SET {position} = -1 WHERE {position} = 3",
             "UPDATE {table} SET {position} = 3 WHERE {position} = 4",
             "UPDATE {table} SET {position} = 4 WHERE {position} = -1"], "altered"),
        (9, ["DELETE FROM audit_chain WHERE position = 9"], "unlinked"),
    ],
    ids=["a removed event", "two events swapped in the order (at the first)", "a link removed from the chain"],
)  # fmt: skip
def test_a_removed_or_reordered_event_or_link_is_found_at_its_position(app, position, statements, problem):
    record = record_at(app, position)
    for statement in statements:
        tamper(app, statement)
    verdict = verify(app.chain)
    assert (verdict.ok, verdict.broken_at, verdict.problem, verdict.record_id) == (False, position, problem, record)


@pytest.mark.parametrize("guess", [None, "a guessed key"])
def test_an_altered_event_relinked_without_the_key_is_found_at_the_event(app, guess):
    state = bytes(app.recorder.select_notifications(2, 1)[0].state).replace(b"GIZ", b"XYZ")
    tamper(app, "UPDATE {table} SET state = :state WHERE {position} = 2", state=state)
    relink(app, guess, start=2)  # whoever altered it also recomputes every link after it
    verdict = verify(app.chain)
    assert (verdict.ok, verdict.broken_at, verdict.problem, verdict.count) == (False, 2, "altered", 1)


def test_a_chain_rewritten_with_the_key_is_caught_by_the_witness_and_the_signed_checkpoint(app):
    checkpoint = app.chain.checkpoint("auditor")
    state = bytes(app.recorder.select_notifications(2, 1)[0].state).replace(b"GIZ", b"XYZ")
    tamper(app, "UPDATE {table} SET state = :state WHERE {position} = 2", state=state)
    relink(app, KEY, start=2)  # the key itself leaked: only what was witnessed or signed before says otherwise
    verdict = verify(app.chain)
    assert (verdict.ok, verdict.broken_at, verdict.problem) == (False, 2, "witness")
    app.chain.witness = Witness(None)  # without the witness, the checkpoint signed before still holds it
    verdict = verify(app.chain)
    assert (verdict.ok, verdict.broken_at, verdict.problem, verdict.held) == (
        False,
        checkpoint["position"],
        "checkpoint",
        0,
    )
    assert "No earlier signed checkpoint held" in verdict_lines(verdict)[1]


def test_a_forged_checkpoint_signature_is_reported(app):
    checkpoint = app.chain.checkpoint("auditor")
    tamper(app, "UPDATE audit_checkpoints SET signature = :s WHERE position = :p", s="0" * 64, p=checkpoint["position"])
    verdict = verify(app.chain)
    assert (verdict.ok, verdict.broken_at, verdict.problem) == (False, checkpoint["position"], "signature")


def test_verifying_with_another_key_says_so_at_the_first_keyed_link(app):
    app.chain.key = "another key"
    verdict = verify(app.chain)
    assert (verdict.ok, verdict.broken_at, verdict.problem) == (False, 1, "key")


def test_a_process_with_another_key_saves_nothing(app, store_url, open_portfolio):
    other = open_portfolio(store_url, "another key")
    before = app.recorder.max_notification_id()
    with recording("olena"), pytest.raises(AuditKeyError):
        other.register_organization("Someone", OrganizationKind.FUNDER, "S")
    assert app.recorder.max_notification_id() == before and verify(app.chain).ok


def test_an_export_restored_into_an_empty_store_keeps_its_positions_and_ends_in_the_same_head(
    app, another_store_url, tmp_path, open_portfolio
):
    gap = app.recorder.max_notification_id() + 3  # as a failed insert leaves on PostgreSQL
    first = stored_event(app, 1)
    app.recorder.insert_at([gap], [StoredEvent(UUID(int=7), 1, first.topic, first.state)])
    app.projector.catch_up()
    export = tmp_path / "log.jsonl"
    seen = []
    with export.open("w", encoding="utf-8") as out:
        header = export_log(app, out, lambda done, total: seen.append((done, total)))
    assert seen[-1] == (gap, gap)
    restored = open_portfolio(another_store_url, KEY)
    import_log(restored, export)
    assert restored.chain.head() == app.chain.head() == (gap, header["head"])
    positions = [n.id for n in restored.recorder.select_notifications(1, 10_000)]
    assert positions == [n.id for n in app.recorder.select_notifications(1, 10_000)] and gap - 1 not in positions
    verdict = verify(restored.chain)
    assert verdict.ok and len(restored.chain.checkpoints()) == 1 and verdict.imports[0]["signed"] == 1
    assert read_models(restored) == read_models(app)
    with recording("olena"):
        restored.register_organization("After", OrganizationKind.FUNDER, "A")
    assert restored.recorder.max_notification_id() == gap + 1 and verify(restored.chain).ok


def test_a_file_with_an_altered_line_is_refused_and_nothing_is_recorded(app, tmp_path, open_portfolio):
    export = exported(app, tmp_path / "log.jsonl")
    lines = export.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("olena.fundraiser", "mallory")
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    empty = open_portfolio(f"sqlite:///{tmp_path / 'empty.db'}", KEY)
    with pytest.raises(ArchiveError, match="Line 4"):
        import_log(empty, export)
    assert empty.is_empty()


def test_import_refuses_a_store_that_is_not_empty(app, tmp_path):
    export = tmp_path / "log.jsonl"
    with export.open("w", encoding="utf-8") as out:
        export_log(app, out)
    with pytest.raises(ArchiveError, match="not empty"):
        import_log(app, Path(export))


def test_an_event_removed_with_its_link_is_found_at_its_position(app):
    tamper(app, "DELETE FROM {table} WHERE {position} = 12")
    tamper(app, "DELETE FROM audit_chain WHERE position = 12")
    verdict = verify(app.chain)
    assert (verdict.ok, verdict.broken_at, verdict.problem) == (False, 12, "missing")


def test_a_log_cut_short_below_a_signed_checkpoint_is_found(app):
    checkpoint = app.chain.checkpoint("auditor")
    tamper(app, "DELETE FROM {table} WHERE {position} > 20")
    tamper(app, "DELETE FROM audit_chain WHERE position > 20")
    verdict = verify(app.chain)
    assert (verdict.ok, verdict.broken_at, verdict.problem) == (False, checkpoint["position"], "truncated")


def test_a_log_cut_short_after_the_last_checkpoint_is_found_by_the_witness(app):
    last = app.recorder.max_notification_id()
    tamper(app, "DELETE FROM {table} WHERE {position} > :p", p=last - 3)
    tamper(app, "DELETE FROM audit_chain WHERE position > :p", p=last - 3)
    verdict = verify(app.chain)
    assert (verdict.ok, verdict.broken_at, verdict.problem) == (False, last - 2, "cut")  # the first one missing


def test_a_forged_tail_is_named_and_never_linked_by_a_start(app, store_url, open_portfolio):
    forged = forge_event(app, 5)
    verdict = verify(app.chain)
    assert (verdict.ok, verdict.broken_at, verdict.problem, verdict.record_id) == (
        False,
        forged,
        "unlinked",
        record_at(app, 5),
    )
    reopened = open_portfolio(store_url, KEY)
    assert reopened.chain.head()[0] == forged - 1
    assert verify(reopened.chain).problem == "unlinked"


@pytest.mark.parametrize(
    "wiped", [("audit_chain", "audit_checkpoints"), ("audit_chain", "audit_checkpoints", "audit_chain_scheme")]
)
def test_a_wiped_chain_fails_loudly_even_after_a_start_and_a_write(app, store_url, open_portfolio, wiped):
    app.chain.checkpoint("auditor")
    for table in wiped:
        tamper(app, f"DELETE FROM {table}")
    problem = "unschemed" if "audit_chain_scheme" in wiped else "unlinked"
    verdict = verify(app.chain)
    assert (verdict.ok, verdict.broken_at, verdict.problem) == (False, 1, problem)
    reopened = open_portfolio(store_url, KEY)  # the witness shows it is no old store: nothing is linked again
    assert reopened.chain.head()[0] == 0
    with recording("olena"):
        reopened.register_organization("After", OrganizationKind.FUNDER, "A")
    verdict = verify(reopened.chain)
    assert (verdict.ok, verdict.broken_at) == (False, 1) and verdict.problem in ("unlinked", "unschemed")


def test_a_wiped_chain_relinked_without_the_key_is_found(app):
    """Everything rewritten as an old store's would be: plain links, an unkeyed scheme from the start,
    and a witness of the new links (whoever did it can write the witness too)."""
    tamper(app, "DELETE FROM audit_chain_scheme")
    tamper(app, "DELETE FROM audit_checkpoints")
    relink(app, None)
    app.read_models.write(
        [
            Statement(
                "INSERT INTO audit_chain_scheme (after, keyed, key_id, since, signature) VALUES (0, 0, '', 'now', '')",
                {},
            )
        ]
    )
    app.chain.witness.close()
    app.chain.witness.path.unlink()
    verdict = verify(app.chain)
    assert (verdict.ok, verdict.broken_at, verdict.problem) == (False, 1, "scheme")


def test_the_witness_is_required_once_events_were_linked_as_written(app):
    app.chain.witness.close()
    app.chain.witness.path.unlink()
    verdict = verify(app.chain)
    assert (verdict.ok, verdict.problem) == (False, "unwitnessed")


def test_a_forged_witness_line_is_reported(app):
    with app.chain.witness.path.open("a") as witness:
        witness.write(f"{10**6} {'a' * 64} {'b' * 64} 2026-12-02T00:00:00+00:00\n")
    assert verify(app.chain).problem == "witness_forged"


def test_verify_only_reads(app, store_url):
    forged = forge_event(app, 5)
    position, chain_head = app.read_models.position(), app.chain.head()
    with opened_log(store_url, KEY) as chain:
        verdict = verify(chain)
    assert (verdict.ok, verdict.broken_at) == (False, forged)
    assert (app.read_models.position(), app.chain.head()) == (position, chain_head)


def test_a_store_of_an_older_version_is_linked_once_at_start_and_keyed_from_there(app, store_url, open_portfolio):
    last = app.recorder.max_notification_id()
    relink(app, None)  # as an older version linked: plain SHA-256, after the events, and lagging
    tamper(app, "DELETE FROM audit_chain WHERE position > :p", p=last - 2)
    tamper(app, "DELETE FROM audit_chain_scheme")
    tamper(app, "DELETE FROM audit_checkpoints")
    app.chain.witness.close()
    app.chain.witness.path.unlink()
    reopened = open_portfolio(store_url, KEY)
    assert reopened.chain.head()[0] == last and reopened.chain.schemes()[0]["after"] == last
    with recording("olena"):
        reopened.register_organization("After", OrganizationKind.FUNDER, "A")
    assert verify(reopened.chain).ok
    reopened.chain.key = None
    assert verify(reopened.chain).problem == "key"


def test_a_link_kept_outside_is_checked_against_the_chain(app):
    position, head = app.chain.head()
    assert verify(app.chain, expect=(position, head)).ok
    verdict = verify(app.chain, expect=(position, "0" * 64))
    assert (verdict.ok, verdict.broken_at, verdict.problem) == (False, position, "expected")


def test_the_chain_goes_on_past_a_write_that_lost_a_race(app, store_url, open_portfolio):
    from domain.context import recording
    from domain.project import Project
    from portfolio.errors import ConflictError

    other = open_portfolio(store_url)
    project = next(iter(read_models(app)["rm_projects"]))["id"]
    first, second = app._load(Project, UUID(project)), other._load(Project, UUID(project))
    with recording("olena"):
        first.describe("First title", "")
        second.describe("Second title", "")
        app._save(first)
        with pytest.raises(ConflictError):
            other._save(second)  # on PostgreSQL this spends a position: the log has a gap
        app.describe_project(UUID(project), "Third title", "")
    assert app.chain.head()[0] == app.recorder.max_notification_id()
    assert verify(app.chain).ok


def test_a_file_of_another_key_is_refused_unless_restored_unsigned_which_is_recorded(
    app, another_store_url, tmp_path, open_portfolio
):
    export = exported(app, tmp_path / "log.jsonl")
    restored = open_portfolio(another_store_url, "another key")
    with pytest.raises(ArchiveError, match="another AUDIT_KEY"):
        import_log(restored, export)
    assert restored.is_empty()
    import_log(restored, export, unsigned=True)
    verdict = verify(restored.chain)
    assert verdict.ok and verdict.imports[0]["signed"] == 0 and restored.chain.checkpoints() == []
    assert any("UNSIGNED" in line for line in verdict_lines(verdict))
    assert read_models(restored) == read_models(app)


def test_a_file_whose_end_no_checkpoint_signs_is_refused(app, another_store_url, tmp_path, open_portfolio):
    export = exported(app, tmp_path / "log.jsonl")
    lines = export.read_text(encoding="utf-8").splitlines()
    export.write_text("\n".join(line for line in lines if '"checkpoint"' not in line) + "\n", encoding="utf-8")
    restored = open_portfolio(another_store_url, KEY)
    with pytest.raises(ArchiveError, match="No signed checkpoint"):
        import_log(restored, export)
    assert restored.is_empty()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE {table} SET topic = 'x' WHERE {position} = 3",
        "DELETE FROM {table} WHERE {position} = 3",
        "UPDATE audit_chain SET link = 'x' WHERE position = 3",
        "DELETE FROM audit_chain WHERE position = 3",
        "DELETE FROM audit_checkpoints",
        "DELETE FROM audit_chain_scheme",
    ],
)
def test_the_log_and_its_chain_refuse_updates_and_deletes(app, sql):
    app.chain.checkpoint("auditor")
    table, position = events_table(app)
    with pytest.raises(Exception, match="append-only"):
        app.read_models.write([Statement(sql.format(table=table, position=position), {})])
    assert verify(app.chain).ok


def test_a_log_cut_short_and_written_again_is_found(app):
    last = app.recorder.max_notification_id()
    tamper(app, "DELETE FROM {table} WHERE {position} > :p", p=last - 3)
    tamper(app, "DELETE FROM audit_chain WHERE position > :p", p=last - 3)
    with recording("olena"):
        for n in range(4):  # SQLite numbers them again from the cut; PostgreSQL goes on past it
            app.register_organization(f"After {n}", OrganizationKind.FUNDER, "A")
    verdict = verify(app.chain)
    assert (verdict.ok, verdict.broken_at, verdict.problem) in (
        (False, last - 2, "rewritten"),
        (False, last - 2, "witness"),
    )


def test_a_witness_removed_or_emptied_is_found_after_later_writes(app):
    app.chain.witness.close()
    lines = app.chain.witness.path.read_text().splitlines(keepends=True)
    app.chain.witness.path.write_text(lines[0])  # only its first line is left
    verdict = verify(app.chain)
    assert (verdict.ok, verdict.problem) == (False, "trailing")
    app.chain.witness.path.unlink()
    with recording("olena"):
        app.register_organization("After", OrganizationKind.FUNDER, "A")
    verdict = verify(app.chain)
    assert (verdict.ok, verdict.problem) == (False, "witness_begins")


def test_a_witness_that_cannot_be_written_loses_no_write_and_a_start_witnesses_the_head(app, store_url, open_portfolio):
    path = app.chain.witness.path
    app.chain.witness.close()
    app.chain.witness.path = path.parent / "not-a-file"
    app.chain.witness.path.mkdir()
    with recording("olena"):
        app.register_organization("Saved all the same", OrganizationKind.FUNDER, "A")
    assert "Saved all the same" in {
        row["name_uk"] for row in app.read_models.query("SELECT name_uk FROM rm_organizations")
    }
    app.chain.witness.path = path
    assert verify(app.chain).problem == "trailing"
    open_portfolio(store_url, KEY)  # a start witnesses the head again
    assert verify(app.chain).ok


def test_a_line_removed_from_the_middle_of_the_witness_is_found(app):
    app.chain.witness.close()
    lines = app.chain.witness.path.read_text().splitlines(keepends=True)
    removed = int(lines[5].split()[0])
    app.chain.witness.path.write_text("".join(lines[:5] + lines[6:]))
    verdict = verify(app.chain)
    assert (verdict.ok, verdict.problem, verdict.broken_at) == (False, "witness_gap", int(lines[4].split()[0]) + 1)
    assert removed >= verdict.broken_at


def test_an_export_of_a_broken_log_signs_nothing(app, tmp_path):
    tamper(app, "DELETE FROM {table} WHERE {position} = 6")
    with (tmp_path / "log.jsonl").open("w", encoding="utf-8") as out, pytest.raises(ArchiveError, match="broken"):
        export_log(app, out)
    assert app.chain.checkpoints() == []
