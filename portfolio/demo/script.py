"""A dated script of use-case calls: written in any order, run in the order of their dates.

A story writes `s.at("2022-05-20 11:00", OLENA).record_award(USAID, m("4500000", "UAH"), d("2022-05-20"))`;
nothing runs then. `Script.calls()` returns every captured call sorted by its date, and the loader
runs them one by one under `clock_set_to` and `recording`. Records that do not exist yet are named
by a `Ref`; a call that creates one says so with `creates=`. A record whose figures the sources do
not give is marked with `s.at(…).mark_illustrative(ref, "what was invented")` as soon as it is made.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from domain.enums import ReportKind
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


def org(key: str) -> Ref:
    return Ref(f"org:{key}")


def d(text: str) -> date:
    return date.fromisoformat(text)


def m(amount: str, currency: str) -> Money:
    return Money.of(amount, currency)


def n(value: str | int) -> Decimal:
    return Decimal(str(value))


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


def money_flow(
    s: Script,
    g: Ref,
    key: str,
    when: str,
    actor: str,
    tranches: list[tuple[str, str, str, str | None]],
    reports: list[tuple[ReportKind, str, str | None]],
) -> None:
    """Plan tranches (amount, currency, expected, received) and reporting duties (kind, due, submitted)."""
    for i, (amount, currency, expected, _) in enumerate(tranches):
        s.at(when, actor, creates=Ref(f"tranche:{key}:{i}"), reason="Графік траншів").plan_disbursement(
            g, m(amount, currency), d(expected)
        )
    for i, (kind, due, _) in enumerate(reports):
        s.at(when, actor, creates=Ref(f"duty:{key}:{i}")).add_reporting_duty(g, kind, d(due))
    for i, (*_, received) in enumerate(tranches):  # entered when it happens, or with the plan if that is later
        if received:
            s.at(max(f"{received} 15:00", when), actor, effective=received).receive_disbursement(
                g, Ref(f"tranche:{key}:{i}"), d(received)
            )
    for i, (*_, submitted) in enumerate(reports):
        if submitted:
            s.at(max(f"{submitted} 16:30", when), actor, effective=submitted).submit_report(
                g, Ref(f"duty:{key}:{i}"), d(submitted)
            )
