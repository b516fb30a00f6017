"""Use cases for accounts: open, change role or password, disable, and sign-in checks."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any
from uuid import UUID

from werkzeug.security import check_password_hash, generate_password_hash

from domain.account import Account, account_id
from domain.enums import Role
from domain.errors import DomainError
from portfolio import timetravel
from portfolio.application import PortfolioCore
from portfolio.errors import ConflictError, NotFoundError, RuleBrokenError
from portfolio.readmodels.projectors import moment_text
from portfolio.readmodels.store import Statement

MIN_PASSWORD = 10
SESSION_LENGTH = timedelta(days=31)  # a session lasts at most this long, as Flask's permanent cookie


def _hash(password: str) -> str:
    if len(password or "") < MIN_PASSWORD:
        raise RuleBrokenError("A password needs at least {count} characters.", count=MIN_PASSWORD)
    return generate_password_hash(password)


class AccountUseCases(PortfolioCore):
    def open_account(self, username: str, role: Role, password: str) -> UUID:
        password_hash = _hash(password)
        try:
            return self._create(lambda: Account.open(username, role, password_hash))
        except ConflictError:
            raise RuleBrokenError("The user name '{username}' is taken.", username=username) from None

    def change_role(self, username: str, role: Role, reason: str) -> int:
        return self._change(Account, self._account_id(username), lambda a: a.change_role(role, reason))

    def change_password(self, username: str, password: str) -> int:
        password_hash = _hash(password)
        return self._change(Account, self._account_id(username), lambda a: a.change_password(password_hash))

    def disable_account(self, username: str, reason: str) -> int:
        return self._change(Account, self._account_id(username), lambda a: a.disable(reason))

    def enable_account(self, username: str, reason: str) -> int:
        return self._change(Account, self._account_id(username), lambda a: a.enable(reason))

    def account(self, username: str) -> dict[str, Any] | None:
        """The account's public facts (never its password hash), or None."""
        try:
            found = self._current_account(username)
        except NotFoundError:
            return None
        return {"id": found.id, "username": found.username, "role": found.role, "disabled": found.disabled,
                "email": found.email}  # fmt: skip

    def set_email(self, username: str, email: str) -> int:
        return self._change(Account, self._account_id(username), lambda a: a.set_email(email))

    def choose_language(self, username: str, language: str) -> int:
        """The language a person reads: kept so that what is sent to them (reminders) is in it."""
        return self._change(Account, self._account_id(username), lambda a: a.choose_language(language))

    def issue_token(self, username: str, name: str, purpose: str) -> str:
        """A new personal token, returned once: only its SHA-256 digest is recorded."""
        token = f"pt_{secrets.token_urlsafe(32)}"
        self._change(Account, self._account_id(username), lambda a: a.issue_token(name, purpose, _digest(token)))
        return token

    def revoke_token(self, username: str, token_id: UUID) -> int:
        return self._change(Account, self._account_id(username), lambda a: a.revoke_token(token_id))

    def tokens(self, username: str) -> list[dict[str, Any]]:
        return self.read_models.query(
            "SELECT token_id, name, purpose, issued_at, revoked FROM rm_tokens WHERE account_id = :id "
            "ORDER BY issued_at DESC",
            {"id": str(self._account_id(username))},
        )

    def start_session(self, username: str) -> str:
        """A new session of a person who has just signed in: the secret goes into their cookie, only
        its digest is kept. Sessions older than SESSION_LENGTH are cleared away."""
        secret = secrets.token_urlsafe(32)
        now = datetime.now(UTC)
        self.read_models.write([
            Statement("DELETE FROM sessions WHERE started_at < :old", {"old": moment_text(now - SESSION_LENGTH)}),
            Statement("INSERT INTO sessions (digest, username, started_at) VALUES (:digest, :username, :now)",
                      {"digest": _digest(secret), "username": username, "now": moment_text(now)}),
        ])  # fmt: skip
        return secret

    def end_session(self, secret: str) -> None:
        """Sign out: the session's cookie no longer works, even if someone copied it."""
        self.read_models.write([Statement(
            "UPDATE sessions SET ended_at = :now WHERE digest = :digest AND ended_at IS NULL",
            {"digest": _digest(secret), "now": moment_text(datetime.now(UTC))},
        )])  # fmt: skip

    def account_for_session(self, username: str, secret: str) -> dict[str, Any] | None:
        """The account of a live session: not signed out, not older than SESSION_LENGTH, started after
        the account's last role or password change, and the account enabled; otherwise None."""
        rows = self.read_models.query(
            "SELECT a.id, a.username, a.role FROM sessions s JOIN rm_accounts a ON a.username = s.username "
            "WHERE s.digest = :digest AND s.username = :username AND s.ended_at IS NULL "
            "AND s.started_at >= a.sessions_from AND s.started_at >= :old AND a.disabled = 0",
            {"digest": _digest(secret or ""), "username": username,
             "old": moment_text(datetime.now(UTC) - SESSION_LENGTH)},
        )  # fmt: skip
        if not rows:
            return None
        return {"id": UUID(rows[0]["id"]), "username": rows[0]["username"], "role": Role(rows[0]["role"]),
                "disabled": False}  # fmt: skip

    def account_for_token(self, token: str, purpose: str) -> dict[str, Any] | None:
        """The enabled account a live token of this purpose belongs to, or None."""
        rows = self.read_models.query(
            "SELECT a.username FROM rm_tokens t JOIN rm_accounts a ON a.id = t.account_id "
            "WHERE t.digest = :digest AND t.purpose = :purpose AND t.revoked = 0",
            {"digest": _digest(token or ""), "purpose": purpose},
        )
        account = self.account(rows[0]["username"]) if rows else None
        return account if account and not account["disabled"] else None

    def authenticate(self, username: str, password: str) -> dict[str, Any] | None:
        """The account if the password is right and the account is enabled; otherwise None."""
        try:
            found = self._current_account(username)
        except NotFoundError:
            check_password_hash(_dummy_hash(), password or "")  # same time whether or not the name exists
            return None
        if not check_password_hash(found.password_hash, password or "") or found.disabled:
            return None
        return {"id": found.id, "username": found.username, "role": found.role, "disabled": False}

    def _current_account(self, username: str) -> Account:
        """The account as it is now, even while a page views the past: who may sign in and with
        which role is never a question about the past."""
        with timetravel.viewing(None):
            return self._load(Account, self._account_id(username))

    @staticmethod
    def _account_id(username: str) -> UUID:
        try:
            return account_id(username)
        except DomainError:
            raise NotFoundError(f"There is no account '{username}'.") from None


@cache
def _dummy_hash() -> str:
    """A hash to check unknown names against; made on first use, as scrypt takes a fifth of a
    second that a starting worker need not spend."""
    return generate_password_hash("not a real password")


def _digest(token: str) -> str:
    """Tokens are long and random, so a plain SHA-256 stores them safely (no slow hash needed)."""
    return hashlib.sha256(token.encode()).hexdigest()
