"""Account: a person who signs in, with one role, and the personal tokens they issue for programs
(the API) and calendar apps. Only a password hash and token digests are ever recorded."""

from __future__ import annotations

import re
from dataclasses import dataclass
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from domain import context
from domain.enums import Role
from domain.errors import N_, DomainError
from domain.record import Record, find, require_reason, require_text

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")
# An address mail can be sent to: the local part's plain characters (RFC 5322 "atext" and dots)
# and a domain of labels; nothing a link or a header could read as more than an address.
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_EMAIL = re.compile(rf"^[A-Za-z0-9.!#$%&'*+/=?^_`{{|}}~-]+@{_LABEL}(?:\.{_LABEL})+$")
TOKEN_PURPOSES = ("api", "calendar")


@dataclass
class Token:
    id: UUID
    name: str
    purpose: str  # "api" (Authorization: Bearer) or "calendar" (a secret feed URL)
    digest: str  # SHA-256 of the token; the token itself is shown once and never stored
    revoked: bool = False


LANGUAGES = ("uk", "en")


class Account(Record):
    @staticmethod
    def create_id(username: str, **_: object) -> UUID:
        """One account per user name: a second account with the same name collides in the store."""
        return account_id(username)

    class Opened(Record.Created):
        username: str
        role: Role
        password_hash: str

    @event(Opened)
    def __init__(self, username: str, role: Role, password_hash: str) -> None:
        self.username, self.role, self.password_hash = username, role, password_hash
        self.disabled = False
        self.email = ""
        self.language: str | None = None  # the person's language for what is sent to them; None: the default
        self.tokens: dict[UUID, Token] = {}

    @classmethod
    def open(cls, username: str, role: Role, password_hash: str) -> Account:
        return cls(username=check_username(username), role=role, password_hash=password_hash)

    def change_role(self, role: Role, reason: str) -> None:
        if role is self.role:
            raise DomainError("{username} already has the role {role}.", username=self.username, role=role)
        self._role_changed(role=role, reason=require_reason(reason, N_("change a role")))

    class RoleChanged(Record.Event):
        role: Role
        reason: str

    @event(RoleChanged)
    def _role_changed(self, role: Role, reason: str) -> None:
        self.role = role

    def change_password(self, password_hash: str) -> None:
        self._password_changed(password_hash=password_hash)

    class PasswordChanged(Record.Event):
        password_hash: str

    @event(PasswordChanged)
    def _password_changed(self, password_hash: str) -> None:
        self.password_hash = password_hash

    def set_email(self, email: str) -> None:
        """Where reminders go; empty for none."""
        email = (email or "").strip().lower()
        if email and (len(email) > 200 or not _EMAIL.match(email)):
            raise DomainError("'{email}' is not an e-mail address.", email=email)
        if email != self.email:
            self._email_set(email=email)

    def choose_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise DomainError(
                "'{language}' is not one of the languages: {languages}.", language=language, languages=LANGUAGES
            )
        if language != self.language:
            self._language_chosen(language=language)

    class LanguageChosen(Record.Event):
        language: str

    @event(LanguageChosen)
    def _language_chosen(self, language: str) -> None:
        self.language = language

    class EmailSet(Record.Event):
        email: str

    @event(EmailSet)
    def _email_set(self, email: str) -> None:
        self.email = email

    def issue_token(self, name: str, purpose: str, digest: str) -> UUID:
        name = require_text(name, N_("The token's name"))
        if purpose not in TOKEN_PURPOSES:
            raise DomainError(
                "A token is for {purposes}, not '{purpose}'.",
                purposes=N_("{one} or {other}", one=TOKEN_PURPOSES[0], other=TOKEN_PURPOSES[1]),
                purpose=purpose,
            )
        if any(t.name == name and not t.revoked for t in self.tokens.values()):
            raise DomainError(
                "{username} already has a token named '{name}'.", about="name", username=self.username, name=name
            )
        token_id = context.new_id()
        self._token_issued(token_id=token_id, name=name, purpose=purpose, digest=digest)
        return token_id

    class TokenIssued(Record.Event):
        token_id: UUID
        name: str
        purpose: str
        digest: str

    @event(TokenIssued)
    def _token_issued(self, token_id: UUID, name: str, purpose: str, digest: str) -> None:
        self.tokens[token_id] = Token(token_id, name, purpose, digest)

    def revoke_token(self, token_id: UUID) -> None:
        token = find(self.tokens, token_id, N_("token"))
        if token.revoked:
            raise DomainError("The token '{name}' is already revoked.", name=token.name)
        self._token_revoked(token_id=token_id)

    class TokenRevoked(Record.Event):
        token_id: UUID

    @event(TokenRevoked)
    def _token_revoked(self, token_id: UUID) -> None:
        self.tokens[token_id].revoked = True

    def disable(self, reason: str) -> None:
        if self.disabled:
            raise DomainError("{username} is already disabled.", username=self.username)
        self._disabled(reason=require_reason(reason, N_("disable an account")))

    class Disabled(Record.Event):
        reason: str

    @event(Disabled)
    def _disabled(self, reason: str) -> None:
        self.disabled = True

    def enable(self, reason: str) -> None:
        if not self.disabled:
            raise DomainError("{username} is not disabled.", username=self.username)
        self._enabled(reason=require_reason(reason, N_("enable an account")))

    class Enabled(Record.Event):
        reason: str

    @event(Enabled)
    def _enabled(self, reason: str) -> None:
        self.disabled = False


def check_username(username: str) -> str:
    name = (username or "").strip().lower()
    if not _USERNAME.match(name):
        raise DomainError(
            "A user name is 2-40 characters: lower-case Latin letters, digits, dots, dashes or underscores."
        )
    return name


def account_id(username: str) -> UUID:
    return uuid5(NAMESPACE_URL, f"portfolio-account:{check_username(username)}")
