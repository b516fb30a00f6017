"""`flask --app wsgi projections|demo|users …`: commands for operators, with progress.

A command that changes records names the account it acts for with `--as`; an unknown or
disabled account is refused. Only the very first account may be created without one.
"""

from __future__ import annotations

import os
import secrets
import sys
import time
from collections.abc import Callable
from typing import TypeVar

import click
from flask import current_app
from flask.cli import AppGroup

from domain.context import recording
from domain.enums import Role
from domain.values import ValueProblem
from portfolio.app import Portfolio
from portfolio.demo import DEMO_ACCOUNTS, load_demo
from portfolio.demo.generate import generate
from portfolio.errors import PortfolioError

projections = AppGroup("projections", help="Read models: status and rebuild.")
demo = AppGroup("demo", help="The demo portfolio.")
users = AppGroup("users", help="Accounts of the people who sign in.")

SETUP_ACTOR = "setup"
T = TypeVar("T")


def the_portfolio() -> Portfolio:
    return current_app.extensions["portfolio"]


def show_progress(label: str) -> Callable[[int, int], None]:
    """Progress on stderr: redrawn in place on a terminal; elsewhere (a log, cron's mail) a line
    each tenth of the way."""
    started, shown = time.monotonic(), [-1]
    terminal = sys.stderr.isatty()

    def show(done: int, total: int) -> None:
        rate = done / max(time.monotonic() - started, 1e-9)
        line = f"{label}: {done:,}/{total:,} ({rate:,.0f}/s)"
        if terminal:
            click.echo(f"\r{line}", nl=False, err=True)
            return
        tenth = 10 * done // max(total, 1)
        if tenth > shown[0]:
            shown[0] = tenth
            click.echo(line, err=True)

    return show


def _acting_account(name: str | None, role: Role | None = None) -> str:
    portfolio = the_portfolio()
    if name is None:
        if not portfolio.queries.accounts():
            return SETUP_ACTOR
        raise click.UsageError("Name the account you act for with --as NAME.")
    account = portfolio.account(name)
    if account is None or account["disabled"]:
        raise click.UsageError(f"--as {name}: there is no enabled account of that name.")
    if role is not None and account["role"] is not role:
        raise click.UsageError(f"--as {name}: this needs the {role.value} role.")
    return account["username"]


@projections.command("status")
def projections_status() -> None:
    """Show the read models' position in the event log, how far behind they are, and the events
    set aside in the quarantine."""
    portfolio = the_portfolio()
    status = portfolio.projector.status()
    click.echo(f"read models at position {status.position:,} of {status.head:,} (lag {status.lag:,})")
    entries = portfolio.quarantined()
    waiting = [entry for entry in entries if entry["released_at"] is None]
    click.echo(f"events set aside: {len(entries)}, {len(waiting)} waiting for a repair")
    for entry in entries:
        state = "waiting" if entry["released_at"] is None else f"released by {entry['released_by']}"
        click.echo(
            f"  #{entry['position']} {entry['record_type']}.{entry['event']} of {entry['record_id']} "
            f"(version {entry['version']}), {state}: {entry['error']}"
        )


@projections.command("release")
@click.argument("position", type=click.IntRange(min=1))
@click.option("--reason", required=True, help="What was repaired.")
@click.option("--as", "acting", metavar="NAME", required=True)
def projections_release(position: int, reason: str, acting: str) -> None:
    """Release the event at POSITION from the quarantine once its record is repaired."""
    with recording(_acting_account(acting, Role.ADMIN), reason):
        _run(lambda: the_portfolio().release_from_quarantine(position, reason))
    click.echo(f"The event at position {position:,} is released.")


@projections.command("rebuild")
def projections_rebuild() -> None:
    """Drop the read-model tables and rebuild them from every stored event."""
    started = time.monotonic()
    applied = the_portfolio().projector.rebuild(show_progress("rebuilding"))
    click.echo(f"\nrebuilt read models from {applied:,} events in {time.monotonic() - started:.1f} s")


@projections.command("check")
@click.option("--as", "acting", metavar="NAME", default="operator", help="Who ran it (shown on the integrity page).")
@click.option(
    "--sample", type=click.IntRange(min=1), metavar="N", help="Compare only N records chosen at random (faster)."
)
def projections_check(acting: str, sample: int | None) -> None:
    """Compare every read-model table with a rebuild from the events; exit status 1 if any row differs.
    Run it from cron (e.g. nightly, and a --sample hourly): the integrity page shows the last check,
    and every page warns while it found a difference."""
    result = the_portfolio().check_read_models(acting, show_progress("rebuilding a copy"), sample)
    click.echo("", err=True)
    scope = f", a sample of {result.sampled:,} records" if result.sampled is not None else ""
    if result.ok:
        click.echo(f"OK the read models at position {result.position:,} equal a rebuild "
                   f"({result.rows:,} rows in {result.tables} tables{scope}).")  # fmt: skip
        return
    click.echo(f"DIFFERENT at position {result.position:,}: {len(result.differences)} tables differ from a rebuild.")
    for difference in result.differences:
        click.echo(f"  {difference.table}: {difference.only_in_read_models:,} rows a rebuild does not have, "
                   f"{difference.only_in_rebuild:,} rows missing")  # fmt: skip
        for example in difference.examples:
            click.echo(f"    {example}")
    click.echo("Find out who changed them, then `projections rebuild` and check again.")
    sys.exit(1)


@projections.command("catch-up")
def projections_catch_up() -> None:
    """Apply the events the read models have not seen yet."""
    applied = the_portfolio().projector.catch_up(show_progress("catching up"))
    click.echo(f"\napplied {applied:,} events")


@demo.command("load")
def demo_load() -> None:
    """Fill an empty store with the demo portfolio and one account per role."""
    portfolio = the_portfolio()
    if not portfolio.is_empty():
        click.echo("The store already holds events; the demo was not loaded and nothing changed.")
        return

    progress = show_progress("demo: steps recorded")
    load_demo(portfolio, lambda done, total, _label: progress(done, total))
    passwords = {username: secrets.token_urlsafe(12) for username in DEMO_ACCOUNTS}
    with recording(SETUP_ACTOR):
        for username, role in DEMO_ACCOUNTS.items():
            portfolio.open_account(username, role, passwords[username])
    checkpoint = portfolio.chain.checkpoint(SETUP_ACTOR) if portfolio.chain.key else None
    if sys.stderr.isatty():
        click.echo("", err=True)  # end the progress line redrawn in place
    click.echo(f"Demo portfolio loaded: {portfolio.projector.status().head:,} events.")
    if checkpoint:
        click.echo(f"Signed audit checkpoint at position {checkpoint['position']:,}: {checkpoint['link']}")
    click.echo("Demo accounts (shown only now; sign in at /login):")
    for username, role in DEMO_ACCOUNTS.items():
        click.echo(f"  {username:<22} {role.value:<11} {passwords[username]}")


@demo.command("generate")
@click.option("--events", type=click.IntRange(min=1000), default=100_000, show_default=True)
@click.option("--seed", type=int, default=7, show_default=True)
def demo_generate(events: int, seed: int) -> None:
    """Fill an empty store with a synthetic national portfolio of about EVENTS events (for benchmarks)."""
    portfolio = the_portfolio()
    if not portfolio.is_empty():
        raise click.ClickException("The store already holds events; generate into an empty store.")
    started = time.monotonic()
    recorded = generate(portfolio, events, seed, show_progress("generating"))
    click.echo(f"\ngenerated {recorded:,} events in {time.monotonic() - started:.1f} s")


@users.command("create")
@click.argument("name")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--as", "acting", metavar="NAME", help="The admin account that creates it.")
def users_create(name: str, role: str, acting: str | None) -> None:
    """Create an account; the password comes from PORTFOLIO_PASSWORD or is asked for."""
    actor = _acting_account(acting, Role.ADMIN)
    password = os.environ.get("PORTFOLIO_PASSWORD") or click.prompt(
        "Password", hide_input=True, confirmation_prompt=True
    )
    with recording(actor):
        _run(lambda: the_portfolio().open_account(name, Role(role), password))
    click.echo(f"Account {name.lower()} created with the role {role}.")


@users.command("role")
@click.argument("name")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--reason", required=True)
@click.option("--as", "acting", metavar="NAME", required=True)
def users_role(name: str, role: str, reason: str, acting: str) -> None:
    """Give an account another role."""
    with recording(_acting_account(acting, Role.ADMIN)):
        _run(lambda: the_portfolio().change_role(name, Role(role), reason))
    click.echo(f"{name} now has the role {role}.")


@users.command("disable")
@click.argument("name")
@click.option("--reason", required=True)
@click.option("--as", "acting", metavar="NAME", required=True)
def users_disable(name: str, reason: str, acting: str) -> None:
    """Disable an account: it can no longer sign in. Nothing is deleted."""
    with recording(_acting_account(acting, Role.ADMIN)):
        _run(lambda: the_portfolio().disable_account(name, reason))
    click.echo(f"{name} is disabled.")


@users.command("token")
@click.argument("name")
@click.option("--name", "token_name", default="command line", show_default=True, help="What the token is for.")
@click.option("--as", "acting", metavar="NAME", required=True)
def users_token(name: str, token_name: str, acting: str) -> None:
    """Issue a personal API token for NAME and print it (it is shown only now)."""
    with recording(_acting_account(acting, Role.ADMIN)):
        token = _run(lambda: the_portfolio().issue_token(name, token_name, "api"))
    click.echo(token)


@users.command("list")
def users_list() -> None:
    """List the accounts."""
    for row in the_portfolio().queries.accounts():
        state = "disabled" if row["disabled"] else "active"
        click.echo(f"{row['username']:<24} {row['role']:<11} {state}")


def _run(command: Callable[[], T]) -> T:
    try:
        return command()
    except PortfolioError as error:
        problem = error.__cause__
        field = f"{problem.field}: " if isinstance(problem, ValueProblem) and problem.field else ""
        raise click.ClickException(f"{field}{error}") from error
