"""`flask --app wsgi reminders send`: e-mail each owner what falls due soon (meant for cron).

With no `SMTP_HOST` in the environment nothing is sent: each message is printed instead. Owners
are matched to accounts by user name; an owner without an account or an address is reported.
"""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage

import click
from flask import render_template
from flask.cli import AppGroup
from flask_babel import force_locale, ngettext

from domain.localtime import KYIV
from portfolio.reminders import Reminder, send, smtp_from_environment
from web.current import current_portfolio
from web.i18n import DEFAULT

reminders = AppGroup("reminders", help="E-mail reminders of what falls due.")


def message(reminder: Reminder, days: int) -> EmailMessage:
    """The e-mail, in the language the owner reads the app in."""
    mail = EmailMessage()
    mail["To"] = reminder.email
    with force_locale(reminder.language or DEFAULT):
        mail["Subject"] = ngettext(
            "Due in the next %(days)s days: %(num)s item",
            "Due in the next %(days)s days: %(num)s items",
            len(reminder.items),
            days=days,
        )
        mail.set_content(render_template("mail/reminder.txt", reminder=reminder, days=days))
    return mail


@reminders.command("send")
@click.option("--days", type=click.IntRange(1, 365), default=14, show_default=True, help="How far ahead to look.")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Pretend it is this day (Kyiv).")
def reminders_send(days: int, today: datetime | None) -> None:
    """Send each owner their open items due in the next DAYS days."""
    day = today.date() if today else datetime.now(KYIV).date()
    found = current_portfolio().reminders(day, days)
    messages = [(r, message(r, days)) for r in found if r.email]
    for reminder in found:
        if not reminder.email:
            click.echo(f"{reminder.owner}: no account with an e-mail address; {len(reminder.items)} items not sent")
    smtp = smtp_from_environment()
    if smtp is None:
        for reminder, mail in messages:
            click.echo(
                f"--- would send to {reminder.email} (no SMTP_HOST set): {mail['Subject']}\n{mail.get_content()}"
            )
        return
    send(smtp, [mail for _reminder, mail in messages])
    for reminder, _mail in messages:
        click.echo(f"sent to {reminder.email}: {len(reminder.items)} items")
