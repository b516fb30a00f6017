"""Zaporizhzhia: the mini-grants of Oct–Dec 2020, the portfolio of strategic projects (NOW–WOW–HOW,
due mid-June 2021), its projects (industrial park, vocational training, Center 4.0 and the DIH network),
the agreements sought with the city and the oblast, and the GIZ grant for the Brno stand (Nov 2021).

Source: the strategy-session programme (seed 000) and the ClusteRISE final report (seed 001). Records
with figures the sources do not give are marked illustrative, saying what was invented.
"""

from __future__ import annotations

from domain.enums import Category, MemorandumKind, PartyType, Priority, ReportKind
from domain.enums import ResultLevel as RL
from portfolio.demo.clusterise import CLUSTERISE
from portfolio.demo.script import ALL_YES, ANDRII, BOARD, OLENA, TARAS, Ref, Script, d, m, n, org

PROGRAMME = "програма стратегічних сесій кластеру ІАМ"  # seed 000
REPORT = "фінальний звіт ClusteRISE"

PORTFOLIO = Ref("project:zp-portfolio")
PARK = Ref("project:zp-park")
VET = Ref("project:zp-vet")
C40 = Ref("project:zp-c40")
BRNO_GRANT = Ref("grant:zp-brno")


def script(s: Script) -> None:
    mini_grants(s)
    portfolio(s)
    projects(s)
    agreements(s)
    brno_grant(s)


def mini_grants(s: Script) -> None:
    s.story = "Міні-гранти Запоріжжя 2020"
    grants = [  # key, applicant, title, amount (invented)
        ("cci", "zp_cci", "Міні-грант: маркетплейс кластеру ІАМ і переклад сайту англійською мовою", "4000"),
        ("appau", "appau", "Міні-грант: первинна стратегія кластеру ІАМ, навчання учасників і стратегічна сесія "
                           "22 грудня", "5000"),
    ]  # fmt: skip
    for key, applicant, title, amount in grants:
        g = Ref(f"grant:mini:{key}")
        s.at(
            "2020-10-19 10:00",
            TARAS,
            creates=g,
            effective="2020-10-05",
            reason="Внесено заднім числом: заявку подано на початку жовтня",
        ).prospect_application(
            title,
            org("unnamed_funder"),
            org(applicant),
            ANDRII,
            m(amount, "EUR"),
            programme="Міні-гранти для стейкхолдерів кластеру (жовтень–грудень 2020)",
            call_reference="донора не названо",
        )
        s.at("2020-10-19 10:01", TARAS).mark_illustrative(
            g,
            f"Суму, дати, транш і звіт вигадано, як і розподіл робіт між ТПП та АППАУ; {PROGRAMME} каже лише, що "
            "ці роботи стали можливими завдяки міні-грантам, отриманим Запорізькою ТПП та АППАУ в жовтні–грудні 2020.",
        )
        s.at("2020-10-19 10:10", TARAS).submit_application(g, d("2020-10-07"))
        s.at("2020-10-19 10:20", TARAS, effective="2020-10-14").record_award(g, m(amount, "EUR"), d("2020-10-14"))
        s.at("2020-10-19 10:30", TARAS).record_contract(g, d("2020-10-15"), d("2020-10-15"), d("2020-12-31"))
        s.at("2020-10-19 10:40", TARAS).link_application_to_project(g, CLUSTERISE)
        s.at("2020-10-19 10:50", TARAS, creates=Ref(f"tranche:mini:{key}")).plan_disbursement(
            g, m(amount, "EUR"), d("2020-10-20")
        )
        s.at("2020-10-19 11:00", TARAS, creates=Ref(f"duty:mini:{key}")).add_reporting_duty(
            g, ReportKind.FINAL, d("2021-01-15")
        )
        s.at("2020-10-21 12:00", TARAS).receive_disbursement(g, Ref(f"tranche:mini:{key}"), d("2020-10-20"))
        s.at("2020-10-21 12:10", TARAS).start_grant_implementation(g)
        s.at("2021-01-12 15:00", TARAS).submit_report(g, Ref(f"duty:mini:{key}"), d("2021-01-12"))
        s.at("2021-01-20 10:00", TARAS).close_grant(g)


def portfolio(s: Script) -> None:
    s.story = "Портфель стратегічних проєктів Запоріжжя"
    p = PORTFOLIO
    s.at("2021-01-25 10:00", ANDRII, creates=p).propose_project(
        "ZP-PORT",
        "Портфель стратегічних проєктів Запорізького кластеру ІАМ (NOW–WOW–HOW)",
        org("zp_iam"),
        ANDRII,
        Priority.NOW,
        Category.ECOSYSTEM_ORCHESTRATION,
        "2–3 фасилітовані стратегічні сесії з експертами регіону та органами влади; мета — портфель проєктів до "
        "середини червня 2021 і угоди з мерією та ОДА про включення пріоритетних проєктів у плани розвитку. "
        "Бенчмарк — портфель Морського кластеру України. Бюджет: фасилітатор, орієнтовно 2–3 тис. євро.",
        ["Запоріжжя"],
        "Smart Organization",
        ["стратегування", "GR"],
    )
    s.at("2021-01-25 10:01", ANDRII).mark_illustrative(
        p,
        f"Дати сесій і їх перенесення, ціль KPI (10 проєктів) та його вимірювання вигадані; мета, завдання й "
        f"бюджет фасилітатора (2–3 тис. євро) — з документа «{PROGRAMME}».",
    )
    s.at("2021-02-01 10:00", ANDRII).develop_project_concept(p)
    s.at("2021-02-01 10:10", ANDRII).plan_project(p, m("3000", "EUR"), True, d("2021-03-01"), d("2021-06-15"))
    s.at("2021-02-01 10:20", ANDRII).answer_project_checklist(p, {**ALL_YES, "members_invest": False})
    s.at("2021-02-22 15:00", ANDRII, reason=BOARD).approve_project(p)
    for key, role in (
        ("zp_cci", "співорганізатор сесій"),
        ("zp_city", "учасник сесій від міста"),
        ("zp_oda", "учасник сесій від області"),
        ("zp_poly", "експерти університету"),
    ):
        s.at("2021-02-22 15:10", ANDRII).add_project_partner(p, org(key), role)
    s.at("2021-03-01 09:00", ANDRII).start_project(p)
    sessions = [("s1", "Стратегічна сесія 1: генерування ідей", "2021-03-25", "2021-03-25"),
                ("s2", "Стратегічна сесія 2: консенсус щодо пріоритетів", "2021-04-29", "2021-05-13"),
                ("portfolio", "Портфель стратегічних проєктів готовий", "2021-06-15", "2021-07-09")]  # fmt: skip
    for key, title, due, _ in sessions:
        s.at("2021-03-01 09:10", ANDRII, creates=Ref(f"milestone:zp:{key}")).add_milestone(p, title, d(due))
    s.at("2021-04-26 10:00", ANDRII).reschedule_milestone(
        p, Ref("milestone:zp:s2"), d("2021-05-13"), "Карантинні обмеження офлайн-зібрань"
    )
    s.at("2021-06-14 10:00", ANDRII).reschedule_milestone(
        p,
        Ref("milestone:zp:portfolio"),
        d("2021-07-09"),
        "Доопрацювання фільтрування пропозицій",
    )
    for key, _, _, done in sessions:
        s.at(f"{done} 18:00", ANDRII).reach_milestone(p, Ref(f"milestone:zp:{key}"), d(done))
    k = Ref("kpi:zp-portfolio:projects")
    s.at("2021-03-01 09:20", ANDRII, creates=k).define_kpi(
        p, "Проєкти в портфелі з пріоритетом NOW–WOW–HOW", "проєктів", RL.OUTPUT, n(0), n(10)
    )
    s.at("2021-05-14 10:00", ANDRII).measure_kpi(p, k, n(17), d("2021-05-13"), "Ідеї після сесії 2")
    s.at("2021-07-12 10:00", ANDRII).measure_kpi(p, k, n(9), d("2021-07-09"), "Фінальний портфель")
    s.at("2021-07-20 10:00", ANDRII, reason=BOARD).complete_project(p)


def projects(s: Script) -> None:
    s.story = "Проєкти портфеля Запоріжжя"
    s.at("2021-05-17 10:00", ANDRII, creates=PARK).propose_project(
        "ZP-PARK",
        "Індустріальний парк у Запоріжжі",
        org("zp_iam"),
        ANDRII,
        Priority.WOW,
        Category.SYSTEM_TRANSFORMATION,
        "Магніт для виробничників регіону. Заходи з розвитку індустріального парку й кластерів включено в плани "
        "розвитку Запоріжжя до 2025; відповідальний — кластер ІАМ (фінальний звіт ClusteRISE, розд. 7).",
        ["Запоріжжя"],
        "Smart Product",
        ["інвестиції", "GR"],
    )
    s.at("2021-07-12 11:00", ANDRII).develop_project_concept(PARK)
    s.at("2021-07-12 11:10", ANDRII).add_project_partner(PARK, org("zp_city"), "включення в плани розвитку міста")
    s.at("2021-11-26 10:00", ANDRII, reason="Заходи включено в плани розвитку до 2025").approve_project(PARK)
    s.at("2021-11-26 10:10", ANDRII).answer_project_checklist(PARK, {**ALL_YES, "members_invest": False})

    s.at("2021-05-17 10:10", ANDRII, creates=VET).propose_project(
        "ZP-VET",
        "Покращення професійно-технічної підготовки кадрів для промислових хайтек",
        org("zp_iam"),
        ANDRII,
        Priority.HOW,
        Category.TALENT_SYSTEMS,
        "Значні покращення у професійно-технічній підготовці — один із проєктів-«магнітів» для учасників кластеру.",
        ["Запоріжжя"],
        "Smart Organization",
        ["освіта", "кадри"],
    )
    s.at("2021-07-12 11:20", ANDRII).develop_project_concept(VET)
    s.at("2021-07-12 11:30", ANDRII).answer_project_checklist(
        VET, {"real_business_pain": True, "joint_action": True, "several_stakeholder_types": True, "measurable": True}
    )
    s.at("2022-09-05 10:00", ANDRII).hand_over_project(VET, OLENA)

    s.at("2021-05-17 10:20", ANDRII, creates=C40).propose_project(
        "ZP-C40",
        "Центр 4.0 у Запоріжжі та вступ до європейської мережі DIH",
        org("zp_iam"),
        ANDRII,
        Priority.HOW,
        Category.ECOSYSTEM_ORCHESTRATION,
        "Для розробників та освітян — створення Центру 4.0 з подальшим входженням у європейську мережу DIH.",
        ["Запоріжжя"],
        "Smart Product",
        ["DIH", "інновації", "R&D"],
    )
    s.at("2021-07-12 11:40", ANDRII).develop_project_concept(C40)
    s.at("2021-07-12 11:50", ANDRII).add_project_partner(C40, org("zp_poly"), "майбутній оператор Центру 4.0")
    duplicate = Ref("project:zp-park-duplicate")
    s.at("2021-05-18 09:00", TARAS, creates=duplicate).propose_project(
        "ZP-INDPARK",
        "Індустріальний парк Запоріжжя",
        org("zp_iam"),
        TARAS,
        Priority.WOW,
        Category.SYSTEM_TRANSFORMATION,
        "Індустріальний парк у Запоріжжі для виробничників регіону.",
        ["Запоріжжя"],
        "Smart Product",
        ["інвестиції"],
    )
    s.at("2021-05-18 09:30", ANDRII, reason="Дублікат запису").cancel_project(
        duplicate, "Дублікат проєкту ZP-PARK, внесеного напередодні: цей запис створено помилково"
    )
    s.at("2021-09-20 10:00", ANDRII, reason=BOARD).put_project_on_hold(
        C40,
        "У «Запорізькій політехніці» вибори керівництва тривають понад 1,5 року, що блокує роботу місцевих "
        "експертів з інноваційного розвитку (фінальний звіт ClusteRISE, розд. 7)",
    )


def agreements(s: Script) -> None:
    s.story = "Угоди з мерією та ОДА Запоріжжя"
    oda, city = Ref("memo:zp-oda"), Ref("memo:zp-city")
    subject = "Включення пріоритетних проєктів кластеру ІАМ у плани розвитку"
    for memo, key, party in (
        (oda, "zp_oda", PartyType.REGIONAL_AUTHORITY),
        (city, "zp_city", PartyType.LOCAL_SELF_GOVERNMENT),
    ):
        s.at("2021-07-19 10:00", ANDRII, creates=memo).draft_memorandum(MemorandumKind.COOPERATION, subject, ANDRII)
        s.at("2021-07-19 10:05", ANDRII).add_party(memo, org("zp_iam"), PartyType.CLUSTER)
        s.at("2021-07-19 10:06", ANDRII).add_party(memo, org(key), party)
        s.at("2021-08-02 10:00", ANDRII).open_negotiation(memo)
    s.at("2021-08-02 10:10", ANDRII).link_memorandum_to_project(city, PARK)
    s.at("2022-01-17 10:00", ANDRII).describe_memorandum(
        oda, MemorandumKind.COOPERATION, f"{subject} (Запорізька область)"
    )
    s.at("2021-12-08 10:00", ANDRII, reason=BOARD).terminate_memorandum(
        city,
        "Угоду з містом не підписано: заходи з розвитку індустріального парку й кластерів, за які відповідає кластер "
        f"ІАМ, натомість включено в плани розвитку Запоріжжя до 2025 ({REPORT}, розд. 7)",
    )
    s.at("2021-12-08 10:05", ANDRII, reason=BOARD).unlink_memorandum_from_project(
        city, PARK, "Угоду не підписано; заходи парку включено в плани розвитку міста до 2025"
    )


def brno_grant(s: Script) -> None:
    s.story = "Грант GIZ: стенд у Брно"
    g = BRNO_GRANT
    s.at("2021-07-05 10:00", ANDRII, creates=g).prospect_application(
        "Запорізький кластер ІАМ на міжнародній виставці в Брно",
        org("giz"),
        org("zp_iam"),
        ANDRII,
        m("25000", "EUR"),
        programme="EU4Business (GIZ)",
        call_name="Інтернаціоналізація кластерів",
    )
    s.at("2021-07-05 10:01", ANDRII).mark_illustrative(
        g,
        "Суму (25 000 EUR), транші, дати, ймовірність і назву конкурсу вигадано: фінальний звіт ClusteRISE каже "
        "лише, що стенд кластеру на виставці в Брно в листопаді 2021 — у межах нового гранту, здобутого завдяки GIZ.",
    )
    s.at("2021-07-06 10:00", ANDRII).start_drafting(g)
    s.at("2021-07-19 10:00", OLENA, reason="Оцінка фандрейзера").estimate_win_probability(g, 70)
    s.at("2021-07-30 16:00", ANDRII).submit_application(g, d("2021-07-30"))
    s.at("2021-08-09 10:00", ANDRII).mark_under_review(g)
    s.at("2021-09-13 12:00", ANDRII, effective="2021-09-10").record_award(g, m("25000", "EUR"), d("2021-09-10"))
    s.at("2021-09-20 12:00", ANDRII).record_contract(g, d("2021-09-20"), d("2021-10-01"), d("2022-06-30"))
    s.at("2021-09-20 12:10", TARAS, creates=Ref("tranche:brno:1"), reason="Графік траншів").plan_disbursement(
        g, m("15000", "EUR"), d("2021-10-15")
    )
    s.at("2021-09-20 12:11", TARAS, creates=Ref("tranche:brno:2"), reason="Графік траншів").plan_disbursement(
        g, m("10000", "EUR"), d("2022-03-31")
    )
    s.at("2021-09-20 12:20", TARAS, creates=Ref("duty:brno:interim")).add_reporting_duty(
        g, ReportKind.INTERIM, d("2022-01-31")
    )
    s.at("2021-09-20 12:21", TARAS, creates=Ref("duty:brno:final")).add_reporting_duty(
        g, ReportKind.FINAL, d("2022-07-31")
    )
    s.at("2021-10-01 09:00", ANDRII).start_grant_implementation(g)
    s.at("2021-10-15 15:00", TARAS).receive_disbursement(g, Ref("tranche:brno:1"), d("2021-10-15"))
    s.at("2022-02-03 15:00", TARAS).submit_report(g, Ref("duty:brno:interim"), d("2022-02-03"))
    s.at("2022-06-06 15:00", TARAS).receive_disbursement(g, Ref("tranche:brno:2"), d("2022-06-03"))
    s.at("2022-09-30 15:00", TARAS).submit_report(g, Ref("duty:brno:final"), d("2022-09-30"))
    s.at("2022-10-10 10:00", TARAS).close_grant(g)
    s.at("2021-09-20 12:30", ANDRII).link_application_to_project(g, CLUSTERISE)
