"""Reminders: each owner's items falling due in the next days, and sending them by SMTP.

SMTP comes from the environment: `SMTP_HOST` (none: nothing is sent, the messages are only
shown), `SMTP_PORT` (25), `SMTP_USER` and `SMTP_PASSWORD` (optional), `SMTP_STARTTLS` (`y` to
upgrade the connection), `SMTP_FROM` (the sender, `portfolio@localhost` by default).
"""

from __future__ import annotations

import os
import smtplib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from email.message import EmailMessage

from portfolio.calendar import CalendarQueries, DueItem


@dataclass(frozen=True)
class Reminder:
    owner: str
    email: str  # "" when the owner has no account or no address: it cannot be sent
    items: list[DueItem]
    language: str | None = None  # the language the owner chose in the app; None: the default


@dataclass(frozen=True)
class Smtp:
    host: str
    port: int
    user: str
    password: str
    starttls: bool
    sender: str


def smtp_from_environment() -> Smtp | None:
    host = os.environ.get("SMTP_HOST", "").strip()
    if not host:
        return None
    return Smtp(
        host,
        int(os.environ.get("SMTP_PORT", "25")),
        os.environ.get("SMTP_USER", ""),
        os.environ.get("SMTP_PASSWORD", ""),
        os.environ.get("SMTP_STARTTLS", "").lower() in ("y", "yes", "1", "true"),
        os.environ.get("SMTP_FROM", "portfolio@localhost"),
    )


def send(smtp: Smtp, messages: list[EmailMessage]) -> None:
    """Send every message over one connection."""
    with smtplib.SMTP(smtp.host, smtp.port, timeout=30) as connection:
        if smtp.starttls:
            connection.starttls()
        if smtp.user:
            connection.login(smtp.user, smtp.password)
        for message in messages:
            message["From"] = smtp.sender
            connection.send_message(message)


class ReminderQueries(CalendarQueries):
    def reminders(self, today: date, days: int) -> list[Reminder]:
        """Per owner, the open items due from today to `days` days ahead, with where to send them."""
        by_owner: dict[str, list[DueItem]] = defaultdict(list)
        for item in self.due_items(today, today + timedelta(days=days)):
            by_owner[item.owner].append(item)
        accounts = {row["username"]: row for row in self.read_models.query(
            "SELECT username, email, language FROM rm_accounts WHERE disabled = 0")}  # fmt: skip
        reminders = []
        for owner, items in sorted(by_owner.items()):
            account = accounts.get(owner.strip().lower(), {})
            reminders.append(Reminder(owner, account.get("email", ""), items, account.get("language")))
        return reminders
