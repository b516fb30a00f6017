"""The widest values the domain accepts, and a script that records every kind of event with them.

`Widest` draws each value from hypothesis, biased to the edges of what `domain/values.py` takes:
text as long as its field allows, in any script, with markup, formulas, quotes, emoji and
right-to-left marks; the first and last dates; the largest amounts and finest decimals. `record_all`
calls every use case once or more, so that each event type of every record kind is stored.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any
from urllib.parse import quote
from uuid import UUID

from hypothesis import strategies as st

from domain.context import recording
from domain.enums import (
    AuthorityLevel,
    Category,
    CommitmentStatus,
    GrantStage,
    Health,
    MemorandumKind,
    OrganizationKind,
    PartyType,
    Priority,
    ProjectStage,
    ReportKind,
    ResultLevel,
    Role,
)
from domain.localtime import KYIV
from domain.money import Money
from domain.project import CHECKLIST
from domain.rates import RATES_ID
from domain.record import Record
from domain.values import (
    AMOUNT_DIGITS,
    EARLIEST,
    LATEST,
    MINOR_UNITS,
    NUMBER_DIGITS,
    NUMBER_PLACES,
    ValueProblem,
    is_multiline,
    text_limit,
)
from portfolio.errors import RuleBrokenError

# Text that has broken trackers: markup, formulas, quotes, escapes, emoji, right-to-left, combining marks.
TRICKY = (
    '<script>alert("x")</script> =HYPERLINK("http://x";"y") +1 -1 @SUM(A1) \'quote\' "double" \\back\\slash '
    "%s %(name)s {{ 7*7 }} ${x} ; , | 🚀 👩‍👩‍👧 \u200fמ\u200e Ї ї Ґ ё é e\u0301 \u00a0nbsp\u200bzero-width "
)
CURRENCIES = ("EUR", "UAH", "USD", "JPY", "KWD")
# pages and admins make these; the base of the kinds with figures declares events that each kind records as its own
NOT_RECORDED_HERE = {"BoardPack.Issued", "BoardPack.Sealed", "Quarantine.Opened", "Quarantine.Released",
                     "Illustrative.MarkedIllustrative", "Illustrative.IllustrativeCleared"}  # fmt: skip
ZONES = (UTC, KYIV, timezone(timedelta(hours=14)), timezone(timedelta(hours=-12)))


class Widest:
    """Values for the fields of a script, drawn from hypothesis's `data` (see `st.data()`)."""

    def __init__(self, data: Any) -> None:
        self.data = data

    def text(self, field: str) -> str:
        limit = text_limit(field)
        breaks = "\n\t\r" if is_multiline(field) else ""
        refused = "\u2028\u2029\x85\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
        alphabet = st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters=refused)
        alphabet = st.one_of(alphabet, st.sampled_from(breaks)) if breaks else alphabet
        longest = (TRICKY * (limit // len(TRICKY) + 1))[:limit]
        drawn = st.one_of(st.just(longest), st.text(alphabet, min_size=1, max_size=limit))
        return self.data.draw(drawn.filter(lambda text: text.strip()), label=field)

    def name(self, field: str, tag: str) -> str:
        """A text as wide as `text` gives, told apart from the others by `tag` (an organization's
        name is its own: no two organizations share one)."""
        return f"{tag} {self.text(field)}"[: text_limit(field)]

    def day(self, earliest: date = EARLIEST, latest: date = LATEST) -> date:
        edges = [d for d in (earliest, latest) if earliest <= d <= latest]
        return self.data.draw(st.one_of(st.sampled_from(edges), st.dates(earliest, latest)), label="day")

    def days(self, count: int) -> list[date]:
        """Days in order, for what must follow one another (a period's start and end)."""
        return sorted(self.day() for _ in range(count))

    def past_day(self) -> date:
        """A day something happened: not after today."""
        return self.day(EARLIEST, datetime.now(KYIV).date())

    def past_days(self, count: int) -> list[date]:
        """Days things happened, in order (submitted, decided, contracted…)."""
        return sorted(self.past_day() for _ in range(count))

    def moment(self) -> datetime:
        zone = self.data.draw(st.sampled_from(ZONES), label="zone")
        earliest = datetime.combine(EARLIEST, datetime.min.time()) + timedelta(days=1)
        latest = datetime.combine(LATEST, datetime.min.time()) - timedelta(days=1)
        return self.data.draw(st.datetimes(earliest, latest), label="moment").replace(tzinfo=zone)

    def money(self, currency: str | None = None) -> Money:
        currency = currency or self.data.draw(st.sampled_from(CURRENCIES), label="currency")
        places = MINOR_UNITS.get(currency, 2)
        largest = Decimal(10**AMOUNT_DIGITS) - Decimal(1).scaleb(-places)
        amount = self.data.draw(
            st.one_of(st.just(largest), st.decimals(0, largest, places=places, allow_nan=False)), label="amount"
        )
        return Money(amount, currency)

    def number(self) -> Decimal:
        largest = Decimal(10**NUMBER_DIGITS) - Decimal(1).scaleb(-NUMBER_PLACES)
        drawn = st.decimals(-largest, largest, places=NUMBER_PLACES, allow_nan=False, allow_infinity=False)
        return self.data.draw(st.one_of(st.sampled_from([largest, -largest]), drawn), label="number")

    def rate(self) -> Decimal:
        largest = Decimal(10**NUMBER_DIGITS) - 1
        smallest = Decimal(1).scaleb(-NUMBER_PLACES)
        drawn = st.decimals(smallest, largest, places=NUMBER_PLACES, allow_nan=False)
        return self.data.draw(st.one_of(st.sampled_from([smallest, largest]), drawn), label="rate")

    def other_text(self, field: str, old: str) -> str:
        """Text for `field` that differs from `old` (a change to the same value records nothing)."""
        text = self.text(field)
        if text.strip() == old.strip():
            text = text.strip()[:-1] + ("x" if not text.strip().endswith("x") else "y")
        return text

    def other_number(self, old: Decimal) -> Decimal:
        number = self.number()
        return number if number != old else (number - 1 if number > 0 else number + 1)

    def other_money(self, old: Money) -> Money:
        money = self.money(old.currency)
        unit = Decimal(1).scaleb(-MINOR_UNITS.get(old.currency, 2))
        return money if money != old else Money(old.amount - unit if old.amount else unit, old.currency)

    def after(self, day: date) -> date:
        """A day later than `day` (which is never the last one a script draws)."""
        return self.day(day + timedelta(days=1), LATEST)

    def before_last(self) -> date:
        return self.day(EARLIEST, LATEST - timedelta(days=1))

    def one(self, choices: Any) -> Any:
        return self.data.draw(st.sampled_from(list(choices)))


class Tolerant:
    """The application, with each use case allowed to be refused by a rule when drawn values happen
    to coincide (a correction to the same amount, a postponement to the same day): such a step
    records nothing. A refused value is never tolerated: the values drawn are all ones the domain
    must take."""

    def __init__(self, app: Any) -> None:
        self.app = app

    def __getattr__(self, name: str) -> Any:
        use_case = getattr(self.app, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            try:
                return use_case(*args, **kwargs)
            except RuleBrokenError as error:
                if isinstance(error.__cause__, ValueProblem):
                    raise
                return None

        return call


def record_all(app: Any, v: Widest, n: int) -> dict[str, UUID]:
    """Every event type of every kind, with drawn values; `n` tells this run's records apart."""
    ids: dict[str, UUID] = {}
    app = Tolerant(app)
    effective = v.data.draw(st.one_of(st.none(), st.dates(EARLIEST, datetime.now(KYIV).date())), label="effective")
    with recording(f"widest{n}", reason=v.text("reason"), effective_date=effective):
        _organizations(app, v, ids, n)
        _projects(app, v, ids, n)
        _grants(app, v, ids)
        _memoranda(app, v, ids)
        _initiatives(app, v, ids)
        _accounts(app, v, n)
        app.record_exchange_rate(v.one(CURRENCIES[1:]), "EUR", v.rate(), v.past_day())
        app.record_exchange_rate("EUR", "UAH", v.rate(), v.past_day())
        _illustrative(app, v, ids)
    return ids


def _illustrative(app: Any, v: Widest, ids: dict[str, UUID]) -> None:
    """Each kind with figures (and the rates) marked illustrative, cleared, and marked again, so the
    pages show the widest reasons."""
    for record in (ids["org"], ids["project"], ids["grant"], ids["memo"], ids["initiative"], RATES_ID):
        app.mark_illustrative(record, v.text("reason"))
        app.clear_illustrative(record, v.text("reason"))
        app.mark_illustrative(record, v.text("reason"))


def _organizations(app: Any, v: Widest, ids: dict[str, UUID], n: int) -> None:
    kind = v.one(OrganizationKind)
    level = v.one(AuthorityLevel) if kind is OrganizationKind.AUTHORITY else None
    ids["org"] = app.register_organization(
        v.name("name_uk", f"{n}.1"), kind, v.text("name_latin"), v.text("region"), "UA", level
    )
    ids["funder"] = app.register_organization(
        v.name("name_uk", f"{n}.2"), OrganizationKind.FUNDER, region=v.text("region")
    )
    ids["partner"] = app.register_organization(
        v.name("name_uk", f"{n}.3"), OrganizationKind.AUTHORITY, country="PL", authority_level=v.one(AuthorityLevel)
    )
    # at least its country changes:
    app.rename_organization(ids["partner"], v.name("name_uk", f"{n}.4"), v.text("name_latin"))
    app.reclassify_organization(ids["partner"], OrganizationKind.UNIVERSITY, None)
    app.relocate_organization(ids["partner"], v.text("region"), "DE")
    archived = app.register_organization(v.name("name_uk", f"{n}.5"), OrganizationKind.COMPANY)
    app.archive_organization(archived, v.text("reason"))


def _projects(app: Any, v: Widest, ids: dict[str, UUID], n: int) -> None:
    code = f"W{n}-{v.text('code')}"[:40]
    title, owner, direction = v.text("title"), v.text("owner"), v.text("direction")
    project = ids["project"] = app.propose_project(
        code, title, ids["org"], owner, v.one(Priority), v.one(Category),
        v.text("summary"), [v.text("regions"), v.text("regions")], direction, [v.text("tags")],
    )  # fmt: skip
    app.describe_project(project, v.other_text("title", title), v.text("summary"))
    app.classify_project(project, v.one(Priority), v.one(Category), v.other_text("direction", direction),
                         [v.text("regions")], [v.text("tags"), v.text("tags")])  # fmt: skip
    app.hand_over_project(project, v.other_text("owner", owner))
    start, end = v.days(2)
    app.plan_project(project, v.money(), True, start, end)
    app.add_project_partner(project, ids["partner"], v.text("role"))
    target, measured, value = v.number(), v.past_day(), v.number()
    kpi = app.define_kpi(project, v.text("name"), v.text("unit"), v.one(ResultLevel), v.number(), target)
    app.measure_kpi(project, kpi, value, measured, v.text("source"))
    app.correct_kpi_measurement(project, kpi, measured, v.other_number(value), v.text("reason"))
    app.revise_kpi_target(project, kpi, v.other_number(target), v.text("reason"))
    app.record_unplanned_result(project, v.text("description"), v.past_day())
    milestone = app.add_milestone(project, v.text("title"), v.day())
    app.reschedule_milestone(project, milestone, v.day(), v.text("reason"))
    app.reach_milestone(project, milestone, v.past_day())
    app.answer_project_checklist(project, {question: v.one((True, False)) for question in CHECKLIST})
    app.develop_project_concept(project)
    app.approve_project(project)
    app.start_project(project)
    app.put_project_on_hold(project, v.text("reason"))
    app.resume_project(project)
    app.complete_project(project)
    app.correct_project_stage(project, ProjectStage.IN_IMPLEMENTATION, v.text("reason"))
    app.remove_project_partner(project, ids["partner"], v.text("reason"))
    cancelled = app.propose_project(f"{code[:38]}-c", v.text("title"), ids["org"], v.text("owner"),
                                    Priority.HOW, Category.MARKET_ACCESS)  # fmt: skip
    app.cancel_project(cancelled, v.text("reason"))


def _grants(app: Any, v: Widest, ids: dict[str, UUID]) -> None:
    currency, title, owner = v.one(CURRENCIES), v.text("title"), v.text("owner")
    grant = ids["grant"] = app.prospect_application(
        title, ids["funder"], ids["org"], owner, v.money(currency), v.text("programme"),
        v.text("call_name"), v.text("call_reference"), "https://example.org/" + quote(v.text("call_url"))[:1900],
        v.money(), v.moment(),
    )  # fmt: skip
    app.describe_call(grant, v.other_text("title", title), v.text("programme"), v.text("call_name"),
                      v.text("call_reference"), "https://ec.europa.eu/calls?id=" + "9" * 1900)  # fmt: skip
    app.set_deadline(grant, v.moment())
    app.change_request(grant, v.money(currency), v.money())
    app.estimate_win_probability(grant, v.one((0, 100, 55)))
    app.hand_over_application(grant, v.other_text("owner", owner))
    app.link_application_to_project(grant, ids["project"])
    app.add_consortium_partner(grant, ids["partner"], v.text("role"))
    app.start_drafting(grant)
    submitted, decided, corrected, signed, received, sent = v.past_days(6)
    start, end = v.days(2)
    app.submit_application(grant, submitted)
    app.mark_under_review(grant)
    awarded = v.money(currency)
    app.record_award(grant, awarded, decided)
    app.correct_award(grant, v.other_money(awarded), corrected, v.text("reason"))
    app.record_contract(grant, signed, start, end)
    app.start_grant_implementation(grant)
    tranche = app.plan_disbursement(grant, v.money(currency), v.day())
    app.receive_disbursement(grant, tranche, received)
    app.correct_disbursement(grant, tranche, v.money(currency), None, v.text("reason"))
    duty = app.add_reporting_duty(grant, v.one(ReportKind), v.day())
    app.submit_report(grant, duty, sent)
    app.remove_consortium_partner(grant, ids["partner"], v.text("reason"))
    app.close_grant(grant)
    app.correct_grant_stage(grant, GrantStage.IN_IMPLEMENTATION, v.text("reason"))
    rejected = app.prospect_application(v.text("title"), ids["funder"], ids["org"], v.text("owner"), v.money())
    app.mark_rejected(rejected, v.text("reason"), v.past_day())
    withdrawn = app.prospect_application(v.text("title"), ids["funder"], ids["org"], v.text("owner"), v.money())
    app.withdraw_application(withdrawn, v.text("reason"))


def _memoranda(app: Any, v: Widest, ids: dict[str, UUID]) -> None:
    subject, owner = v.text("subject"), v.text("owner")
    memo = ids["memo"] = app.draft_memorandum(v.one(MemorandumKind), subject, owner)
    app.describe_memorandum(memo, v.one(MemorandumKind), v.other_text("subject", subject))
    app.hand_over_memorandum(memo, v.other_text("owner", owner))
    app.add_party(memo, ids["org"], v.one(PartyType))
    app.add_party(memo, ids["partner"], v.one(PartyType))
    app.open_negotiation(memo)
    signed = v.past_day()
    until = v.day(signed, LATEST - timedelta(days=1))
    app.sign_memorandum(memo, signed, v.text("place"), None, until)
    app.activate_memorandum(memo)
    app.extend_memorandum(memo, v.after(until), v.text("reason"))
    commitment = app.make_commitment(memo, ids["org"], v.text("description"), v.text("owner"), v.day())
    app.update_commitment(memo, commitment, v.one([s for s in CommitmentStatus if s is not CommitmentStatus.OPEN]))
    app.link_memorandum_to_project(memo, ids["project"])
    app.unlink_memorandum_from_project(memo, ids["project"], v.text("reason"))
    app.link_memorandum_to_project(memo, ids["project"])
    app.expire_memorandum(memo)
    ended = app.draft_memorandum(MemorandumKind.NDA, v.text("subject"), v.text("owner"))
    app.terminate_memorandum(ended, v.text("reason"))


def _initiatives(app: Any, v: Widest, ids: dict[str, UUID]) -> None:
    target, title, owner = v.before_last(), v.text("title"), v.text("owner")
    roadmap, direction = v.text("roadmap"), v.text("direction")
    initiative = ids["initiative"] = app.propose_initiative(roadmap, direction, title, owner, target)
    app.retitle_initiative(initiative, v.other_text("title", title), v.text("direction"))
    app.hand_over_initiative(initiative, v.other_text("owner", owner))
    app.plan_initiative(initiative)
    app.start_initiative(initiative)
    app.postpone_initiative(initiative, v.after(target), v.text("reason"))
    app.assess_initiative_health(initiative, v.one(Health), v.text("comment"))
    app.report_initiative_progress(initiative, v.one((0, 100, 37)))
    app.record_board_decision(initiative, v.text("text"), v.past_day())
    app.comment_on_initiative(initiative, v.text("text"))
    app.link_initiative_to_project(initiative, ids["project"])
    app.unlink_initiative_from_project(initiative, ids["project"], v.text("reason"))
    app.link_initiative_to_project(initiative, ids["project"])
    app.finish_initiative(initiative)
    for end in (app.mark_initiative_not_done, app.drop_initiative):
        other = app.propose_initiative(v.text("roadmap"), v.text("direction"), v.text("title"), v.text("owner"),
                                       v.day())  # fmt: skip
        end(other, v.text("reason"))


def _accounts(app: Any, v: Widest, n: int) -> None:
    name = f"widest{n}"
    app.open_account(name, Role.FUNDRAISER, "a long enough password")
    app.change_role(name, Role.BOARD, v.text("reason"))
    app.change_password(name, "another long password")
    app.set_email(name, f"{name}@example.org")
    app.choose_language(name, "en")
    app.issue_token(name, v.text("name")[:80], "api")
    token_id = app.tokens(name)[0]["token_id"]
    app.revoke_token(name, UUID(token_id))
    app.disable_account(name, v.text("reason"))
    app.enable_account(name, v.text("reason"))


def event_types() -> set[str]:
    """Every event type the domain declares (`Project.Approved`…), but those recorded elsewhere."""
    found, pending = set(), list(Record.__subclasses__())
    while pending:
        kind = pending.pop()
        pending.extend(kind.__subclasses__())
        for name, value in vars(kind).items():
            if isinstance(value, type) and issubclass(value, Record.Event) and name not in ("Event", "Created"):
                found.add(f"{kind.__name__}.{name}")
    return found - NOT_RECORDED_HERE
