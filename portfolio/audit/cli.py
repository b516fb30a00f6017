"""`flask --app wsgi audit verify|checkpoint|export FILE|import FILE`: the auditor's commands."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask.cli import AppGroup

from portfolio.audit.archive import ArchiveError, export_log, import_log
from portfolio.audit.verification import PROBLEMS, verify
from portfolio.cli import show_progress, the_portfolio
from portfolio.config import keep_private

audit = AppGroup("audit", help="Tamper evidence: verify the event log, sign checkpoints, export and restore.")


@audit.command("verify")
@click.option(
    "--expect", metavar="POSITION:LINK", help="Also check a link kept outside the system (a board pack's stamp)."
)
def audit_verify(expect: str | None) -> None:
    """Recompute the hash chain from the stored events; exit status 1 if anything differs."""
    verdict = verify(the_portfolio().chain, show_progress("verifying"), _expected(expect))
    click.echo("", err=True)
    signed = sum(1 for c in verdict.checkpoints if c["signature_valid"])
    if not verdict.ok:
        click.echo(
            f"BROKEN at position {verdict.broken_at:,} (record {verdict.record_id}): {PROBLEMS[verdict.problem]}."
        )
        click.echo(f"The {verdict.count:,} events before it check out; the last good link is {verdict.head}.")
        sys.exit(1)
    click.echo(f"OK {verdict.count:,} events, head {verdict.head}")
    click.echo(f"{len(verdict.checkpoints)} checkpoints, {signed} with a valid signature.")
    for start in verdict.starts:
        when, found = start["started_at"][:19], start["already_stored"]
        click.echo(f"The chain was started on {when} over {found:,} events already stored.")
    if verdict.unchained:
        click.echo(f"{verdict.unchained:,} newer events are not chained yet (they are linked on the next write).")


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
    """Sign the chain's head now with AUDIT_KEY."""
    try:
        checkpoint = the_portfolio().chain.checkpoint(acting)
    except ValueError as error:
        raise click.ClickException(str(error)) from error
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
def audit_import(file: Path) -> None:
    """Restore an export into an empty store and check that the chain ends in the same head."""
    try:
        header = import_log(the_portfolio(), file, show_progress("importing"))
    except ArchiveError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"\nimported {header['events']:,} events; the chain head matches: {header['head']}")
