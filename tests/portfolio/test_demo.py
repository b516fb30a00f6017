"""The demo portfolio: documented facts, every stage, a dated history of 2019–2023, loaded only once."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import UTC, date, datetime
from decimal import Decimal
from uuid import UUID

import pytest

from domain.context import recording
from domain.enums import GrantStage, InitiativeStatus, MemorandumStage, OrganizationKind, ProjectStage
from domain.money import Money
from portfolio.app import Portfolio
from portfolio.demo import DEMO_ACCOUNTS, load_demo
from portfolio.demo.clusterise import KPIS, REGIONS, kpi_name
from portfolio.demo.uca import DIRECTIONS

# The five KPIs of the ClusteRISE plan per region (seed 001, lines 114-118; domain.md).
CLUSTERISE_TARGETS = {"members": 25, "team": 2, "plans": 30, "eu_projects": 1, "eu_partners": 2, "services": 2}
# The six directions of the UCA roadmap as the annual report writes them (seed 002, lines 213-233).
UCA_DIRECTIONS = {
    "Зростання",
    "Інституціоналізація",
    "Зростання спроможностей",
    "Міжкластерна співпраця",
    "Інтернаціоналізація",
    "Інноваційний розвиток",
}


@pytest.fixture(scope="module")
def demo():
    app = Portfolio("sqlite:///:memory:")
    seen: list[tuple[int, int, str]] = []
    loaded = load_demo(app, lambda done, total, label: seen.append((done, total, label)))
    yield app, loaded, seen
    app.close()


@pytest.fixture(scope="module")
def app(demo) -> Portfolio:
    return demo[0]


@pytest.fixture(scope="module")
def events(app):
    notifications = app.recorder.select_notifications(start=1, limit=10000)
    assert len(notifications) == app.recorder.max_notification_id()
    return [app.mapper.to_domain_event(n) for n in notifications]


def one(rows, **match):
    """The only row whose columns contain the given texts, with its id as a UUID."""
    found = [row for row in rows if all(value in str(row[key]) for key, value in match.items())]
    assert len(found) == 1, (match, found)
    return {**found[0], "id": UUID(found[0]["id"])}


def test_an_empty_store_is_filled_and_progress_is_reported_for_every_step(demo):
    app, loaded, seen = demo
    assert loaded is True
    total = seen[0][1]
    assert [done for done, _, _ in seen] == list(range(1, total + 1))
    assert {t for _, t, _ in seen} == {total}
    assert all(label for _, _, label in seen)
    assert total == app.recorder.max_notification_id()  # each step is one command, one event


def test_counts_per_kind(app):
    assert app.queries.counts() == {
        "projects": 19,
        "grants": 17,
        "memoranda": 11,
        "initiatives": 25,
        "organizations": 45,
    }
    names = {row["name_latin"] for row in app.queries.organizations()}
    for documented in (
        "APPAU — Association of Industrial Automation Enterprises of Ukraine",
        "Kharkiv IAM Cluster",
        "Zaporizhzhia IAM Cluster",
        "Ukrainian Furniture Makers Association",
        "Kharkiv City Council",
        "Zaporizhzhia Chamber of Commerce and Industry",
        "Ministry of Education and Science of Ukraine",
        "Sumy Energy Machine-Building Cluster",
        "Maritime Cluster of Ukraine",
        "Ukrainian Cluster Alliance (UCA)",
        "European Cluster Alliance",
        "EIT Manufacturing",
        "International Trade Council (ITC)",
    ):
        assert documented in names
    appau = one(app.queries.organizations(), name_uk="АППАУ")
    assert appau["name_uk"] == "Асоціація «Підприємств промислової автоматизації України» (АППАУ)"  # seed 001, 59


def test_placeholder_organizations_are_marked_illustrative_and_documented_ones_are_not(app):
    rows = app.read_models.query("SELECT name_uk, country, illustrative, illustrative_reason FROM rm_organizations")
    czech = [row for row in rows if row["country"] == "CZ"]
    assert len(czech) == 4 and all(
        row["illustrative"] and "4-ма чеськими" in row["illustrative_reason"] for row in czech
    )
    foreign_eic = [row for row in rows if row["name_uk"].startswith("Іноземний партнер консорціуму EIC")]
    assert len(foreign_eic) == 6 and all(row["illustrative"] for row in foreign_eic)
    marked = {row["name_uk"] for row in rows if row["illustrative"]}
    assert marked == {row["name_uk"] for row in [*czech, *foreign_eic]} | {"Донор, не названий у джерелах"}


def test_every_stage_and_status_appears(app):
    assert {r["stage"] for r in app.queries.projects()} == {s.value for s in ProjectStage}
    assert {r["stage"] for r in app.queries.grants()} == {s.value for s in GrantStage}
    assert {r["stage"] for r in app.queries.memoranda()} == {s.value for s in MemorandumStage}
    assert {r["status"] for r in app.queries.initiatives()} == {s.value for s in InitiativeStatus}
    assert {r["priority"] for r in app.queries.projects()} == {"now", "wow", "how"}
    assert len({r["category"] for r in app.queries.projects()}) == 6


def test_clusterise_has_its_documented_kpis_per_region_with_measurements_and_a_revision(app):
    row = one(app.queries.projects(), code="CR-2020")
    assert row["stage"] == "completed"
    detail = app.project_detail(row["id"])
    assert detail["owner"] == "Олександр Юрчак"  # "Керівник проєкту ClusteRISE" (seed 001, lines 25-26)
    assert "180 000 EUR" in detail["illustrative"] and "20 учасників при плані 25" in detail["illustrative"]
    kpis = {k["name"]: k for k in detail["kpis"]}
    assert len(kpis) == 12 and set(KPIS) == set(CLUSTERISE_TARGETS) and set(REGIONS.values()) == {"Харків", "Запоріжжя"}
    for region in REGIONS:
        for key, target in CLUSTERISE_TARGETS.items():
            kpi = kpis[kpi_name(region, key)]
            assert kpi["name"].startswith(REGIONS[region]) and f"≥ {target}" in kpi["name"]
            first_target = kpi["revisions"][0]["old_target"] if kpi["revisions"] else kpi["target"]
            assert first_target == Decimal(target)
            assert kpi["measurements"], kpi["name"]
        members = kpis[kpi_name(region, "members")]
        assert members["actual"] == Decimal(20) and members["target"] == Decimal(25)
        assert "20 учасників при плані 25" in members["measurements"][-1]["source"]
    revised = [k for k in detail["kpis"] if k["revisions"]]
    assert len(revised) == 1 and revised[0]["revisions"][0]["reason"]
    milestones = {m["title"]: m for m in detail["milestones"]}
    assert milestones["Стратегічна сесія Запорізького кластеру ІАМ"]["done_on"] == date(2020, 12, 22)
    assert detail["unplanned_results"] and detail["checklist_verdict"] == "ready"
    assert {link["kind"] for link in detail["links"]} == {"grant", "memorandum", "initiative"}
    directions = {r["direction"] for r in app.queries.initiatives() if "ClusteRISE" in r["roadmap"]}
    assert directions == {"Smart Organization", "Smart Product", "Smart Export"}


def test_the_kharkiv_memorandum_was_signed_on_27_october_2021_with_commitments_and_a_project(app):
    row = one(app.queries.memoranda(), subject="Харківської міської ради")
    assert row["signed_on"] == "2021-10-27" and row["stage"] == "active"
    detail = app.memorandum_detail(row["id"])
    assert detail["signed_on"] == date(2021, 10, 27)
    assert len(detail["parties"]) == 2 and detail["commitments"] and detail["project_ids"]
    assert detail["lacks_substance"] is False


def test_memoranda_of_2019_and_brno_and_memberships_that_are_not_on_paper_only(app):
    zaporizhzhia = app.memorandum_detail(one(app.queries.memoranda(), subject="Запорізькому регіоні")["id"])
    assert zaporizhzhia["signed_on"].year == 2019 and zaporizhzhia["signed_on"].month in (3, 4, 5)
    brno = app.memorandum_detail(one(app.queries.memoranda(), subject="MSV")["id"])
    foreign = [p for p in brno["parties"] if p["party_type"].value == "foreign_partner"]
    assert len(foreign) == 4
    assert [row["subject"] for row in app.queries.memoranda() if row["lacks_substance"]] == []
    # TCI Network opens partners for international projects (seed 002, line 84); the International Trade
    # Council is among UCA's agreements and made it a partner of three business forums (lines 73, 76).
    tci = app.memorandum_detail(one(app.queries.memoranda(), subject="TCI Network")["id"])
    assert tci["stage"].value == "signed" and tci["commitments"] and tci["lacks_substance"] is False
    itc = app.memorandum_detail(one(app.queries.memoranda(), subject="International Trade Council")["id"])
    assert itc["kind"].value == "network_membership" and itc["stage"].value == "active"
    [forums] = itc["commitments"]
    assert "Стамбул" in forums["description"] and forums["status"].value == "done"
    assert {p["name"] for p in itc["parties"]} == {
        "Український кластерний альянс (УКА)",
        "Міжнародна рада торгівлі (International Trade Council, ІТС)",
    }


def test_the_documented_grants(app):
    grants = app.queries.grants()
    usaid = app.grant_detail(one(grants, funder="USAID")["id"])
    assert usaid["awarded"] == Money.of("4500000", "UAH") and usaid["requested"].amount == Decimal("4500000")
    assert usaid["received"] == Money.of("4500000", "UAH") and usaid["stage"] is GrantStage.CLOSED
    assert usaid["disbursements"] and all(r["submitted_on"] for r in usaid["reporting_duties"])

    eic = app.grant_detail(one(grants, title="Консорціум")["id"])
    assert eic["stage"] is GrantStage.UNDER_REVIEW and eic["decided_on"] is None
    countries = Counter(app.organization_detail(p["organization_id"])["country"] == "UA" for p in eic["partners"])
    assert countries == {False: 6, True: 4}  # and the applicant, APPAU: 5 Ukrainian partners

    gdt = app.grant_detail(one(grants, title="GDT Textile")["id"])
    assert gdt["awarded"] == Money.of("43000", "EUR")
    assert (gdt["period_end"] - gdt["period_start"]).days in range(119, 124)  # four months

    sumy = app.grant_detail(one(grants, title="енергетичних систем")["id"])
    assert sumy["awarded"] == Money.of("3600000", "UAH") and sumy["funder"] == "Міністерство освіти і науки України"

    khai = app.grant_detail(one(grants, title="Центр 4.0 ХАІ")["id"])
    assert khai["requested"] == Money.of("2500000", "EUR") and khai["stage"] is GrantStage.DRAFTING

    minis = [g for g in grants if g["title"].startswith("Міні-грант:")]
    assert len(minis) == 2
    maritime = [app.grant_detail(UUID(g["id"])) for g in grants]
    assert {g["funder"] for g in maritime if "Морськ" in g["applicant"]} >= {
        "Програма 4BIZ",
        "Ініціатива ЄС EU4Business",
    }
    [four_biz] = [g for g in maritime if g["funder"] == "Програма 4BIZ"]  # seed 004, line 1210
    assert "Варні, Констанці та Батумі" in four_biz["title"] and "Europort" not in four_biz["title"]
    assert four_biz["call_name"] == "4BIZ Boosting the Blue Economy in the Black Sea Region"


def test_invented_figures_are_marked_illustrative_on_their_records(app):
    grants = app.queries.grants()
    for title in ("ClusteRISE", "виставці в Брно", "Міні-грант ЄБРР", "Консорціум", "B2B-зустрічі"):
        detail = app.grant_detail(one(grants, title=title)["id"])
        assert detail["illustrative"] and "вигада" in detail["illustrative"], title
    assert app.illustrative_rates() and "НБУ" in app.illustrative_rates()
    figures = app.dashboard("EUR", datetime(2024, 1, 1, tzinfo=UTC))
    assert figures["illustrative"]["won"]["awarded"].amount > 0 and figures["illustrative"]["rates"]
    # Records whose figures all come from the sources carry no mark.
    park = app.project_detail(one(app.queries.projects(), code="ZP-PARK")["id"])
    assert park["illustrative"] is None


def test_the_uca_roadmap_has_six_directions_postponements_and_the_strategic_session(app):
    rows = [r for r in app.queries.initiatives() if "УКА" in r["roadmap"]]
    assert {r["direction"] for r in rows} == UCA_DIRECTIONS == set(DIRECTIONS)
    comms = app.initiative_detail(one(rows, title="Комітет з комунікацій")["id"])
    assert comms["status"] is InitiativeStatus.IN_PROGRESS  # coordination started (seed 002, line 204)
    assert any("розпочали узгодження" in comment for comment in comms["comments"])
    basic = app.initiative_detail(one(rows, title="Basic")["id"])
    assert basic["original_target_on"] == date(2023, 3, 31) and len(basic["postponements"]) == 2
    assert all(p["reason"] for p in basic["postponements"]) and basic["health"].value == "off_track"
    session = [dec for r in rows for dec in app.initiative_detail(UUID(r["id"]))["decisions"]]
    assert len(session) >= 3 and {dec["decided_on"] for dec in session} == {date(2023, 1, 10)}


def test_handbook_practices_are_projects_with_synthetic_numbers_marked(app):
    projects = app.queries.projects()
    for code in ("KH-IT-BC", "HEAT-CV", "VIN-VC", "UFOOD-2C", "LVIV-CHK", "ZP-PARK", "ZP-VET", "ZP-C40", "KH-C40"):
        one(projects, code=code)
    assert one(projects, code="ZP-C40")["stage"] == "on_hold"
    assert one(projects, code="ZP-INDPARK")["stage"] == "cancelled"  # a duplicate entry, not an event of the world
    verdicts = {app.project_detail(UUID(p["id"]))["checklist_verdict"] for p in projects}
    assert {"ready", "rework"} <= verdicts
    documented_kpis = {kpi_name(region, key) for region in REGIONS for key in KPIS} | {"Виготовлені ліжка для ВПО"}
    for row in app.read_models.query(
        "SELECT k.name, p.illustrative, p.illustrative_reason FROM rm_kpis k JOIN rm_projects p ON p.id = k.project_id"
    ):
        assert row["name"] in documented_kpis or "KPI" in row["illustrative_reason"], row["name"]


def test_the_kazakhstan_conference_was_moved_to_2022_and_nothing_says_the_invasion_cancelled_it(app):
    initiative = one(app.queries.initiatives(), title="Українсько-казахська")  # seed 001, line 292
    assert initiative["status"] == "postponed" and initiative["target_on"].startswith("2022")
    project = one(app.queries.projects(), code="KH-KZ")
    assert project["stage"] not in ("cancelled", "on_hold")
    for record_id in (initiative["id"], project["id"]):
        reasons = app.read_models.query(
            "SELECT reason, what FROM rm_events WHERE record_id = :id", {"id": str(record_id)}
        )
        assert not any("вторгнення" in f"{r['reason']} {r['what']}" for r in reasons)


def test_no_demo_text_says_synthetic(events):
    for event in events:
        assert "synthetic" not in repr(vars(event)).lower(), event


def test_the_history_is_dated_2019_to_2023_in_order_by_several_people(events):
    stamps = [e.timestamp for e in events]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)  # the clock only moves forward
    assert {s.year for s in stamps} == {2019, 2020, 2021, 2022, 2023}
    effective = {e.effective_date.year for e in events if e.effective_date}
    assert effective == {2019, 2020, 2021, 2022, 2023}
    actors = Counter(e.actor for e in events)
    assert len(actors) >= 6 and "board.petrenko" in actors and "olena.fundraiser" in actors
    assert set(actors) <= set(DEMO_ACCOUNTS)


def test_records_have_several_events_each(app, events):
    per_record = Counter(e.originator_id for e in events)
    kinds: dict[str, list[int]] = defaultdict(list)
    for e in events:
        if e.originator_version == 1:
            kinds[type(e).__qualname__.split(".")[0]].append(per_record[e.originator_id])
    for kind in ("Project", "GrantApplication", "Memorandum", "RoadmapInitiative"):
        assert min(kinds[kind]) >= 2, kind
        assert sum(kinds[kind]) / len(kinds[kind]) >= 5, kind
    assert len(events) / len(per_record) >= 5
    assert sum(kinds["Organization"]) > len(kinds["Organization"])  # renamed, relocated, archived


def test_a_second_load_returns_false_and_adds_nothing(app):
    head = app.recorder.max_notification_id()
    assert load_demo(app) is False
    assert app.recorder.max_notification_id() == head


def test_a_store_with_any_record_is_left_alone():
    app = Portfolio("sqlite:///:memory:")
    try:
        with recording("olena.fundraiser"):
            app.register_organization("АППАУ", OrganizationKind.ASSOCIATION)
        assert load_demo(app) is False
        assert app.recorder.max_notification_id() == 1
    finally:
        app.close()
