"""`flask --app wsgi audit verify|checkpoint|export FILE|import FILE`: the auditor's commands."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from portfolio.audit.archive import ArchiveError, export_log, import_log
from portfolio.audit.verification import PROBLEMS, Verdict, WitnessUnreadable, opened_log, sign_checkpoint, verify
from portfolio.cli import show_progress, the_portfolio
from portfolio.config import keep_private

audit = AppGroup("audit", help="Tamper evidence: verify the event log, sign checkpoints, export and restore.")


@audit.command("verify")
@click.option(
    "--expect", metavar="POSITION:LINK", help="Also check a link kept outside the system (a board pack's stamp)."
)
def audit_verify(expect: str | None) -> None:
    """Recompute the hash chain from the stored events, only reading them; exit status 1 if anything
    differs from the chain, its signed checkpoints or its witness."""
    try:
        with opened_log(current_app.config["DATABASE_URL"], current_app.config["AUDIT_KEY"]) as chain:
            verdict = verify(chain, show_progress("verifying"), _expected(expect))
    except WitnessUnreadable as error:
        raise click.ClickException(str(error)) from error
    click.echo("", err=True)
    for line in verdict_lines(verdict):
        click.echo(line)
    if not verdict.ok:
        sys.exit(1)


WITNESS_PROBLEMS = ("witness_forged", "unwitnessed", "cut", "rewritten", "witness_begins", "witness_gap", "trailing")


def verdict_lines(verdict: Verdict) -> list[str]:
    """What `audit verify` says of a verdict, exactly as far as it was checked."""
    if not verdict.ok:
        where = f"at position {verdict.broken_at:,}" if verdict.broken_at is not None else "in the witness"
        if verdict.problem == "witness_forged":
            where = f"at line {verdict.witness_line:,} of the witness"
        record = f" (record {verdict.record_id})" if verdict.record_id else ""
        lines = [f"BROKEN {where}{record}: {PROBLEMS[verdict.problem]}."]
        if verdict.problem in WITNESS_PROBLEMS:
            lines.append(
                f"The {verdict.count:,} events checked before it match their links; the witness is {verdict.witness}."
            )
        elif verdict.problem == "checkpoint":
            lines.append(
                f"The events up to position {verdict.held:,}, where the last signed checkpoint held, check out."
                if verdict.held
                else "No earlier signed checkpoint held, so no event before it is vouched for."
            )
        elif verdict.problem in ("expected", "truncated"):
            lines.append(f"The {verdict.count:,} events the log holds match their links; its head is {verdict.head}.")
        else:
            lines.append(
                f"The {verdict.count:,} events before it match their links; the last good link is {verdict.head}."
            )
        return lines
    signed = sum(1 for c in verdict.checkpoints if c["signature_valid"])
    lines = [f"OK {verdict.count:,} events, head {verdict.head}"]
    lines.append(f"{len(verdict.checkpoints)} checkpoints, {signed} with a valid signature.")
    if verdict.witness and verdict.witnessed:
        lines.append(
            f"The witness ({verdict.witness}) saw every write up to position {verdict.witnessed:,}, and each holds."
        )
    elif verdict.witness:
        lines.append(f"The witness ({verdict.witness}) has seen no write yet.")
    else:
        lines.append("No witness is kept (a store in memory): a cut tail would not be found.")
    for start in verdict.starts:
        when, found = start["started_at"][:19], start["already_stored"]
        lines.append(
            f"The chain was started on {when} over {found:,} events already stored, vouching for none of them."
        )
    for restored in verdict.imports:
        when, count = restored["imported_at"][:19], restored["events"]
        lines.append(
            f"{count:,} events were restored on {when} from an export whose signatures were checked."
            if restored["signed"]
            else f"{count:,} events were restored on {when} UNSIGNED: nothing vouches for them before that day."
        )
    return lines


def _expected(text: str | None) -> tuple[int, str] | None:
    if not text:
        return None
    position, _, chain_link = text.partition(":")
    if not position.isdigit() or len(chain_link) != 64:
        raise click.BadParameter("use POSITION:LINK, e.g. 1204:3fa9… (64 hex digits)", param_hint="--expect")
    return int(position), chain_link


@audit.command("checkpoint")
@click.option("--as", "acting", metavar="NAME", default="operator", help="Who signs it (shown on the audit page).")
def audit_checkpoint(acting: str) -> None:
    """Verify the whole log, then sign the chain's head with AUDIT_KEY (a broken log is not signed)."""
    try:
        verdict, checkpoint = sign_checkpoint(the_portfolio().chain, acting)
    except (ValueError, WitnessUnreadable) as error:
        raise click.ClickException(str(error)) from error
    if checkpoint is None:
        for line in verdict_lines(verdict):
            click.echo(line)
        click.echo("Nothing was signed.")
        sys.exit(1)
    if checkpoint["signed_by"] != acting:
        click.echo(f"the head at position {checkpoint['position']:,} was already signed by {checkpoint['signed_by']} "
                   f"on {checkpoint['signed_at'][:19]}; nothing new was signed")  # fmt: skip
    click.echo(f"checkpoint at position {checkpoint['position']:,}: {checkpoint['link']}")
    click.echo(f"signature {checkpoint['signature']}")


@audit.command("export")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def audit_export(file: Path) -> None:
    """Write every event with its chain link, and the checkpoints, as JSON Lines."""
    try:
        keep_private(file)  # the export holds password hashes
        with file.open("w", encoding="utf-8") as out:
            header = export_log(the_portfolio(), out, show_progress("exporting"))
    except ArchiveError as error:
        file.unlink()  # an incomplete export must not pass for a backup
        raise click.ClickException(str(error)) from error
    click.echo(f"\nexported {header['events']:,} events to {file}; head {header['head']}")


@audit.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--unsigned",
    is_flag=True,
    help="Restore a file whose checkpoints are missing or signed with another key; recorded as unsigned.",
)
def audit_import(file: Path, unsigned: bool) -> None:
    """Restore an export into an empty store at the positions it had, and check that the chain ends
    in the same head and the file's end is signed with AUDIT_KEY."""
    try:
        header = import_log(the_portfolio(), file, show_progress("importing"), unsigned=unsigned)
    except ArchiveError as error:
        raise click.ClickException(str(error)) from error
    if unsigned:
        click.echo(f"\nimported {header['events']:,} events UNSIGNED: linked afresh, vouched for by nothing before now")
    else:
        click.echo(f"\nimported {header['events']:,} events; the chain head matches: {header['head']}")
