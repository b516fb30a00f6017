"""A synthetic national portfolio for benchmarks, deterministic by seed.

About 50 clusters, funders and authorities; projects, grant applications, memoranda and roadmap
initiatives in the proportions of a national alliance (per million events: 20,000 projects, 30,000
applications, 5,000 memoranda, 3,000 initiatives), each with a history spread over five years. The
records are the real aggregates, changed by their own methods (a step the rules refuse is skipped),
but saved in daily batches: saving one change at a time through the use cases would take hours for
a million events. Every name says "(synthetic)".
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from domain.context import clock_set_to, ids_from, recording
from domain.enums import (
    AuthorityLevel,
    Category,
    GrantStage,
    Health,
    MemorandumKind,
    PartyType,
    Priority,
    ResultLevel,
)
from domain.enums import OrganizationKind as Kind
from domain.errors import DomainError
from domain.grant import GrantApplication
from domain.initiative import RoadmapInitiative
from domain.localtime import KYIV
from domain.memorandum import Memorandum
from domain.money import Money
from domain.organization import Organization
from domain.project import Project
from domain.record import Record

START = date(2019, 1, 1)
DAYS = 5 * 365
SHAPE = {"project": 0.020, "grant": 0.030, "memorandum": 0.005, "initiative": 0.003}  # records per event
PEOPLE = tuple(f"staff{n:02d} (synthetic)" for n in range(40))
REGIONS = ("Київ", "Харків", "Львів", "Дніпро", "Одеса", "Запоріжжя", "Вінниця", "Полтава", "Чернігів", "Суми")
CURRENCIES = ("EUR", "EUR", "EUR", "USD", "UAH")
Progress = Callable[[int, int], None]


def generate(app: Any, events: int, seed: int = 7, progress: Progress | None = None) -> int:
    """Record about `events` events into an empty store; returns how many were recorded. The same
    seed records the same events: the same ids, times, people and values."""
    with ids_from(seed):
        return _generate(app, events, random.Random(seed), progress)


def _generate(app: Any, events: int, rng: random.Random, progress: Progress | None) -> int:
    organizations = _organizations(app, rng)
    clusters = [o for o in organizations if o.kind is Kind.CLUSTER]
    funders = [o for o in organizations if o.kind is Kind.FUNDER]
    counts = {kind: max(1, round(events * share)) for kind, share in SHAPE.items()}
    steps_per_record = max(0, (events - len(organizations)) // sum(counts.values()) - 1)
    schedule: dict[int, list[tuple[str, int]]] = {}
    for kind, count in counts.items():
        for n in range(count):
            born = rng.randrange(DAYS - 30)
            schedule.setdefault(born, []).append((kind, n))
            for _ in range(steps_per_record):
                schedule.setdefault(born + 1 + rng.randrange(DAYS - born - 1), []).append((kind, n))
    records: dict[tuple[str, int], Record] = {}
    recorded = len(organizations)
    for day in sorted(schedule):
        touched: dict[Any, Record] = {}
        moment = datetime.combine(START + timedelta(days=day), time(10), KYIV)
        with clock_set_to(moment), recording(rng.choice(PEOPLE)):
            for kind, n in schedule[day]:
                record = records.get((kind, n))
                if record is None:
                    record = records[(kind, n)] = _create(kind, n, rng, clusters, funders, moment.date())
                else:
                    _step(kind, record, rng, clusters, moment.date())
                touched[record.id] = record
        pending = sum(len(r.pending_events) for r in touched.values())
        app.save(*touched.values())  # linked as written, as every write is
        shown, recorded = recorded, recorded + pending
        if progress and recorded // 5000 > shown // 5000:  # every 5,000 events
            progress(min(recorded, events), events)
    app.projector.catch_up(progress)
    return recorded


def _organizations(app: Any, rng: random.Random) -> list[Organization]:
    register, local = Organization.register, AuthorityLevel.LOCAL
    with clock_set_to(datetime.combine(START, time(9), KYIV)), recording("generator"):
        made = [register(f"Кластер {n:02d} (synthetic)", Kind.CLUSTER, region=rng.choice(REGIONS)) for n in range(50)]
        made += [register(f"Донор {n:02d} (synthetic)", Kind.FUNDER, country="EU") for n in range(30)]
        made += [
            register(
                f"Громада {n:02d} (synthetic)",
                Kind.AUTHORITY,
                region=rng.choice(REGIONS),
                authority_level=local,
            )
            for n in range(20)
        ]
        app.save(*made)
    return made


def _money(rng: random.Random, low: int, high: int, currency: str | None = None) -> Money:
    return Money.of(str(rng.randrange(low, high, 500)), currency or rng.choice(CURRENCIES))


def _create(kind: str, n: int, rng: random.Random, clusters: list, funders: list, today: date) -> Record:
    cluster = rng.choice(clusters)
    owner = rng.choice(PEOPLE)
    if kind == "project":
        return Project.propose(
            f"P-{n:05d}",
            f"Проєкт {n} (synthetic)",
            cluster.id,
            owner,
            rng.choice(list(Priority)),
            rng.choice(list(Category)),
            regions=[cluster.region],
            direction=f"Напрям {n % 12}",
        )
    if kind == "grant":
        return GrantApplication.prospect(
            f"Заявка {n} (synthetic)",
            rng.choice(funders).id,
            cluster.id,
            owner,
            _money(rng, 10_000, 2_000_000),
            programme=f"Програма {n % 40}",
        )
    if kind == "memorandum":
        return Memorandum.draft(rng.choice(list(MemorandumKind)), f"Меморандум {n} (synthetic)", owner)
    return RoadmapInitiative.propose(
        f"Дорожня карта {2019 + n % 5}",
        f"Напрям {n % 12}",
        f"Ініціатива {n} (synthetic)",
        owner,
        today + timedelta(days=rng.randrange(90, 720)),
    )


def _step(kind: str, record: Any, rng: random.Random, clusters: list, today: date) -> None:
    """One plausible change; the first that the record's rules allow, out of a few tried."""
    options = STEPS[kind](record, rng, clusters, today)
    rng.shuffle(options)
    for option in options[:4]:
        try:
            option()
            return
        except DomainError:
            continue


def _project_steps(p: Project, rng: random.Random, clusters: list, today: date) -> list[Callable[[], Any]]:
    kpis = list(p.kpis)
    steps = [
        p.develop_concept,
        p.approve,
        p.start,
        lambda: p.hand_over(rng.choice(PEOPLE)),
        lambda: p.define_kpi(f"KPI {len(kpis)}", "шт.", ResultLevel.OUTPUT, Decimal(0), Decimal(rng.randrange(5, 500))),
        lambda: p.plan(_money(rng, 5_000, 900_000), rng.random() < 0.3, today, today + timedelta(days=365)),
        lambda: p.add_milestone(f"Віха {len(p.milestones)}", today + timedelta(days=rng.randrange(30, 365))),
    ]
    if kpis:
        steps += [
            lambda: p.measure_kpi(rng.choice(kpis), Decimal(rng.randrange(0, 500)), today, "звіт (synthetic)")
        ] * 3
    if rng.random() < 0.05:
        steps.append(p.complete)
    return steps


def _grant_steps(g: GrantApplication, rng: random.Random, clusters: list, today: date) -> list[Callable[[], Any]]:
    steps: list[Callable[[], Any]] = [
        g.start_drafting,
        lambda: g.submit(today),
        g.mark_under_review,
        lambda: g.estimate_win_probability(rng.randrange(101)),
        lambda: g.hand_over(rng.choice(PEOPLE)),
    ]
    if g.stage in (GrantStage.SUBMITTED, GrantStage.UNDER_REVIEW):
        steps.append(
            lambda: (
                g.award(_money(rng, 10_000, 1_000_000, g.requested.currency), today)
                if rng.random() < 0.4
                else g.reject("не пройшла відбір (synthetic)", today)
            )
        )
    awarded = g.awarded
    if awarded is not None:
        tranches = [t for t, d in g.disbursements.items() if d.received_on is None]
        steps += [
            lambda: g.contract(today, today, today + timedelta(days=365)),
            g.start_implementation,
            lambda: g.plan_disbursement(Money.of(str(awarded.amount / 2), awarded.currency), today),
        ]
        if tranches:
            steps.append(lambda: g.receive_disbursement(tranches[0], today))
    return steps


def _memorandum_steps(m: Memorandum, rng: random.Random, clusters: list, today: date) -> list[Callable[[], Any]]:
    party = rng.choice(clusters)
    steps: list[Callable[[], Any]] = [
        lambda: m.add_party(party.id, PartyType.CLUSTER),
        m.open_negotiation,
        m.activate,
        lambda: m.sign(today, "Київ", None, today + timedelta(days=rng.randrange(365, 1500))),
    ]
    if m.parties:
        owner = next(iter(m.parties))
        steps.append(lambda: m.make_commitment(owner, "Спільний захід (synthetic)", rng.choice(PEOPLE), None))
    return steps


def _initiative_steps(i: RoadmapInitiative, rng: random.Random, clusters: list, today: date) -> list[Callable[[], Any]]:
    return [
        i.plan,
        i.start,
        lambda: i.report_progress(rng.randrange(101)),
        lambda: i.assess_health(rng.choice(list(Health))),
        lambda: i.postpone(i.target_on + timedelta(days=rng.randrange(30, 180)), "бракує коштів (synthetic)"),
        lambda: i.comment("Обговорено на засіданні (synthetic)"),
    ]


# Each kind's record goes to its own kind's steps.
STEPS: dict[str, Callable[[Any, random.Random, list, date], list[Callable[[], Any]]]] = {
    "project": _project_steps,
    "grant": _grant_steps,
    "memorandum": _memorandum_steps,
    "initiative": _initiative_steps,
}
