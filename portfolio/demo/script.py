"""A dated script of use-case calls: written in any order, run in the order of their dates.

A story writes `s.at("2022-05-20 11:00", OLENA).record_award(g, m("4500000", "UAH"), d("2022-05-20"))`;
nothing runs then. `Script.calls()` returns every captured call sorted by its date, and the loader
runs them one by one under `clock_set_to` and `recording`. Records that do not exist yet are named
by a `Ref`; a call that creates one says so with `creates=`. A record whose figures the sources do
not give is marked with `s.invented(ref, "what was invented")`, a minute after it is made.

The calls the stories make again and again are written once here, as methods of `Script`:
`s.propose` a project and `s.prospect` an application (each with `invented=`), `s.draft` a
memorandum with its parties, `s.partners` of a project; a grant's `s.submission` (drafting,
submitted, under review), `s.award`, `s.contract` (and the start of implementation) and
`s.money_flow` (tranches and reporting duties). Each records exactly the calls it stands for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from domain.enums import Category, MemorandumKind, PartyType, Priority, ReportKind
from domain.localtime import KYIV
from domain.money import Money
from domain.project import CHECKLIST
from portfolio.app import Portfolio

BOARD = "За рішенням правління"  # staff record the board's decisions on projects and memoranda
PROGRESS = "Відсоток виконання — оцінка відповідального"  # the reason of every progress report
UCA_REPORT = "Річний звіт УКА 2022"  # the source cited by the UCA stories
ALL_YES = dict.fromkeys(CHECKLIST, True)  # every question of the quality checklist answered "yes"

# The people who record changes (fictional user names; the demo accounts use the same names).
OLENA = "olena.fundraiser"  # fundraising office of APPAU / UCA
TARAS = "taras.fundraiser"  # fundraising office, grants and reporting
IRYNA = "iryna.kharkiv"  # coordinator of the Kharkiv IAM cluster
ANDRII = "andrii.zaporizhzhia"  # coordinator of the Zaporizhzhia IAM cluster
PETRENKO = "board.petrenko"  # board member
SHEVCHUK = "board.shevchuk"  # board member


@dataclass(frozen=True)
class Ref:
    """A record (or sub-record) that an earlier call creates."""

    name: str


Party = tuple[str, PartyType]  # a memorandum's party: the organization's key and the party's type


def org(key: str) -> Ref:
    return Ref(f"org:{key}")


def d(text: str) -> date:
    return date.fromisoformat(text)


def m(amount: str, currency: str) -> Money:
    return Money.of(amount, currency)


def n(value: str | int) -> Decimal:
    return Decimal(str(value))


def _day(when: str) -> date:
    """The day of a moment ('2022-05-20 11:00')."""
    return d(when.split(" ")[0])


def moment(text: str) -> datetime:
    """'2022-05-20 11:00' (or a bare day, taken at 10:00) in Kyiv time."""
    value = datetime.fromisoformat(text if " " in text else f"{text} 10:00")
    return value.replace(tzinfo=KYIV)


@dataclass
class Call:
    when: datetime
    order: int
    actor: str
    story: str
    method: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    reason: str | None = None
    effective: date | None = None
    creates: Ref | None = None

    @property
    def label(self) -> str:
        return f"{self.when:%Y-%m-%d} {self.story}: {self.method.replace('_', ' ')}"

    def run(self, target: Any, ids: dict[str, Any]) -> Any:
        args = [_resolve(a, ids) for a in self.args]
        kwargs = {k: _resolve(v, ids) for k, v in self.kwargs.items()}
        result = getattr(target, self.method)(*args, **kwargs)
        if self.creates is not None:
            if self.creates.name in ids:
                raise ValueError(f"The demo creates {self.creates.name} twice.")
            ids[self.creates.name] = result
        return result


def _resolve(value: Any, ids: dict[str, Any]) -> Any:
    if isinstance(value, Ref):
        try:
            return ids[value.name]
        except KeyError:
            raise ValueError(f"The demo uses {value.name} before it is created.") from None
    return value


@dataclass
class Script:
    story: str = ""
    _calls: list[Call] = field(default_factory=list)

    def at(
        self,
        when: str,
        actor: str,
        *,
        reason: str | None = None,
        effective: str | None = None,
        creates: Ref | None = None,
    ) -> _Capture:
        """The next use-case call, recorded at `when` by `actor` (effective: when it really happened)."""
        return _Capture(self, moment(when), actor, reason, d(effective) if effective else None, creates)

    def calls(self) -> list[Call]:
        return sorted(self._calls, key=lambda c: (c.when, c.order))

    def _later(self, when: datetime, minutes: int, actor: str) -> _Capture:
        return _Capture(self, when + timedelta(minutes=minutes), actor, None, None, None)

    def invented(self, ref: Ref, what: str) -> None:
        """Mark `ref` illustrative a minute after the call that creates it, by the same person: `what` was invented."""
        made = next((call for call in self._calls if call.creates == ref), None)
        if made is None:
            raise ValueError(f"The demo marks {ref.name} before it is created.")
        self._later(made.when, 1, made.actor).mark_illustrative(ref, what)

    def propose(
        self,
        p: Ref,
        when: str,
        actor: str,
        code: str,
        organization: str,
        priority: Priority,
        category: Category,
        title: str,
        summary: str,
        regions: list[str],
        direction: str,
        tags: list[str],
        *,
        owner: str = "",
        invented: str | None = None,
    ) -> Ref:
        """`actor` proposes project `p` of `organization` (its key), owned by `owner` (the actor unless named)."""
        self.at(when, actor, creates=p).propose_project(
            code, title, org(organization), owner or actor, priority, category, summary, regions, direction, tags
        )
        if invented:
            self.invented(p, invented)
        return p

    def prospect(
        self,
        g: Ref,
        when: str,
        actor: str,
        funder: str,
        applicant: str,
        requested: Money,
        title: str,
        *,
        owner: str = "",
        effective: str | None = None,
        reason: str | None = None,
        invented: str | None = None,
        **details: Any,
    ) -> Ref:
        """`actor` records the application `g` of `applicant` to `funder` (their keys) for `requested`, owned by
        `owner` (the actor unless named); `details` are the programme, call, deadline and co-financing."""
        self.at(when, actor, creates=g, effective=effective, reason=reason).prospect_application(
            title, org(funder), org(applicant), owner or actor, requested, **details
        )
        if invented:
            self.invented(g, invented)
        return g

    def partners(self, p: Ref, when: str, actor: str, roles: dict[str, str]) -> None:
        """`actor` adds the organizations (by key) to project `p`'s partners, each in its role."""
        for key, role in roles.items():
            self.at(when, actor).add_project_partner(p, org(key), role)

    def draft(self, memo: Ref, when: str, actor: str, kind: MemorandumKind, subject: str, *parties: Party) -> None:
        """`actor` drafts `memo` and owns it; each party (organization key, type) is added 5, 6, … minutes later."""
        self.at(when, actor, creates=memo).draft_memorandum(kind, subject, actor)
        for minutes, (key, party_type) in enumerate(parties, start=5):
            self._later(moment(when), minutes, actor).add_party(memo, org(key), party_type)

    def submission(self, g: Ref, actor: str, *, drafting: str, submitted: str, review: str | None = None) -> None:
        """`actor` starts drafting `g`, submits it (on that day) and, if the funder reviews it, says so."""
        self.at(drafting, actor).start_drafting(g)
        self.at(submitted, actor).submit_application(g, _day(submitted))
        if review:
            self.at(review, actor).mark_under_review(g)

    def award(
        self, g: Ref, when: str, actor: str, amount: Money, *, effective: str | None = None, reason: str | None = None
    ) -> None:
        """The award of `amount` to `g`, recorded at `when`: awarded that day, or on the day it took effect."""
        self.at(when, actor, effective=effective, reason=reason).record_award(
            g, amount, d(effective) if effective else _day(when)
        )

    def contract(
        self, g: Ref, when: str, actor: str, start: str, end: str, *, implementation: str | None = None
    ) -> None:
        """The contract for `g`, signed on the day of `when` for `start` to `end`, and its implementation begun."""
        self.at(when, actor).record_contract(g, _day(when), d(start), d(end))
        if implementation:
            self.at(implementation, actor).start_grant_implementation(g)

    def money_flow(
        self,
        g: Ref,
        key: str,
        when: str,
        actor: str,
        tranches: list[tuple[str, str, str, str | None]],
        reports: list[tuple[ReportKind, str, str | None]],
    ) -> None:
        """Plan tranches (amount, currency, expected, received) and reporting duties (kind, due, submitted)."""
        for i, (amount, currency, expected, _) in enumerate(tranches):
            self.at(when, actor, creates=Ref(f"tranche:{key}:{i}"), reason="Графік траншів").plan_disbursement(
                g, m(amount, currency), d(expected)
            )
        for i, (kind, due, _) in enumerate(reports):
            self.at(when, actor, creates=Ref(f"duty:{key}:{i}")).add_reporting_duty(g, kind, d(due))
        for i, (*_, received) in enumerate(tranches):  # entered when it happens, or with the plan if that is later
            if received:
                self.at(max(f"{received} 15:00", when), actor, effective=received).receive_disbursement(
                    g, Ref(f"tranche:{key}:{i}"), d(received)
                )
        for i, (*_, submitted) in enumerate(reports):
            if submitted:
                self.at(max(f"{submitted} 16:30", when), actor, effective=submitted).submit_report(
                    g, Ref(f"duty:{key}:{i}"), d(submitted)
                )


@dataclass
class _Capture:
    script: Script
    when: datetime
    actor: str
    reason: str | None
    effective: date | None
    creates: Ref | None

    def __getattr__(self, method: str) -> Any:
        if not callable(getattr(Portfolio, method, None)):
            raise AttributeError(f"Portfolio has no use case {method}.")

        def capture(*args: Any, **kwargs: Any) -> None:
            calls = self.script._calls
            calls.append(
                Call(
                    self.when,
                    len(calls),
                    self.actor,
                    self.script.story,
                    method,
                    args,
                    kwargs,
                    self.reason,
                    self.effective,
                    self.creates,
                )
            )

        return capture
