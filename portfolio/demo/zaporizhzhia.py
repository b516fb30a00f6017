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

PARK = Ref("project:zp-park")
VET = Ref("project:zp-vet")
C40 = Ref("project:zp-c40")


def script(s: Script) -> None:
    for story in (mini_grants, portfolio, projects, agreements, brno_grant):
        story(s)


def mini_grants(s: Script) -> None:
    s.story = "Міні-гранти Запоріжжя 2020"
    grants = [  # key, applicant, title, amount (invented)
        ("cci", "zp_cci", "Міні-грант: маркетплейс кластеру ІАМ і переклад сайту англійською мовою", "4000"),
        ("appau", "appau", "Міні-грант: первинна стратегія кластеру ІАМ, навчання учасників і стратегічна сесія "
                           "22 грудня", "5000"),
    ]  # fmt: skip
    for key, applicant, title, amount in grants:
        g = s.prospect(
            Ref(f"grant:mini:{key}"), "2020-10-19 10:00", TARAS, "unnamed_funder", applicant, m(amount, "EUR"), title,
            owner=ANDRII, programme="Міні-гранти для стейкхолдерів кластеру (жовтень–грудень 2020)",
            call_reference="донора не названо", effective="2020-10-05",
            reason="Внесено заднім числом: заявку подано на початку жовтня",
            invented=f"Суму, дати, транш і звіт вигадано, як і розподіл робіт між ТПП та АППАУ; {PROGRAMME} каже "
            "лише, що ці роботи стали можливими завдяки міні-грантам, отриманим Запорізькою ТПП та АППАУ в "
            "жовтні–грудні 2020.",
        )  # fmt: skip
        s.at("2020-10-19 10:10", TARAS).submit_application(g, d("2020-10-07"))
        s.award(g, "2020-10-19 10:20", TARAS, m(amount, "EUR"), effective="2020-10-14")
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
    p = s.propose(
        Ref("project:zp-portfolio"), "2021-01-25 10:00", ANDRII, "ZP-PORT", "zp_iam", Priority.NOW,
        Category.ECOSYSTEM_ORCHESTRATION, "Портфель стратегічних проєктів Запорізького кластеру ІАМ (NOW–WOW–HOW)",
        "2–3 фасилітовані стратегічні сесії з експертами регіону та органами влади; мета — портфель проєктів до "
        "середини червня 2021 і угоди з мерією та ОДА про включення пріоритетних проєктів у плани розвитку. Бенчмарк "
        "— портфель Морського кластеру України. Бюджет: фасилітатор, орієнтовно 2–3 тис. євро.",
        ["Запоріжжя"], "Smart Organization", ["стратегування", "GR"],
        invented="Дати сесій і їх перенесення, ціль KPI (10 проєктів) та його вимірювання вигадані; мета, завдання й "
        f"бюджет фасилітатора (2–3 тис. євро) — з документа «{PROGRAMME}».",
    )  # fmt: skip
    s.at("2021-02-01 10:00", ANDRII).develop_project_concept(p)
    s.at("2021-02-01 10:10", ANDRII).plan_project(p, m("3000", "EUR"), True, d("2021-03-01"), d("2021-06-15"))
    s.at("2021-02-01 10:20", ANDRII).answer_project_checklist(p, {**ALL_YES, "members_invest": False})
    s.at("2021-02-22 15:00", ANDRII, reason=BOARD).approve_project(p)
    s.partners(p, "2021-02-22 15:10", ANDRII, {
        "zp_cci": "співорганізатор сесій", "zp_city": "учасник сесій від міста", "zp_oda": "учасник сесій від області",
        "zp_poly": "експерти університету",
    })  # fmt: skip
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
    s.propose(
        PARK, "2021-05-17 10:00", ANDRII, "ZP-PARK", "zp_iam", Priority.WOW, Category.SYSTEM_TRANSFORMATION,
        "Індустріальний парк у Запоріжжі",
        "Магніт для виробничників регіону. Заходи з розвитку індустріального парку й кластерів включено в плани "
        "розвитку Запоріжжя до 2025; відповідальний — кластер ІАМ (фінальний звіт ClusteRISE, розд. 7).",
        ["Запоріжжя"], "Smart Product", ["інвестиції", "GR"],
    )  # fmt: skip
    s.at("2021-07-12 11:00", ANDRII).develop_project_concept(PARK)
    s.at("2021-07-12 11:10", ANDRII).add_project_partner(PARK, org("zp_city"), "включення в плани розвитку міста")
    s.at("2021-11-26 10:00", ANDRII, reason="Заходи включено в плани розвитку до 2025").approve_project(PARK)
    s.at("2021-11-26 10:10", ANDRII).answer_project_checklist(PARK, {**ALL_YES, "members_invest": False})

    s.propose(
        VET, "2021-05-17 10:10", ANDRII, "ZP-VET", "zp_iam", Priority.HOW, Category.TALENT_SYSTEMS,
        "Покращення професійно-технічної підготовки кадрів для промислових хайтек",
        "Значні покращення у професійно-технічній підготовці — один із проєктів-«магнітів» для учасників кластеру.",
        ["Запоріжжя"], "Smart Organization", ["освіта", "кадри"],
    )  # fmt: skip
    s.at("2021-07-12 11:20", ANDRII).develop_project_concept(VET)
    s.at("2021-07-12 11:30", ANDRII).answer_project_checklist(
        VET, {"real_business_pain": True, "joint_action": True, "several_stakeholder_types": True, "measurable": True}
    )
    s.at("2022-09-05 10:00", ANDRII).hand_over_project(VET, OLENA)

    s.propose(
        C40, "2021-05-17 10:20", ANDRII, "ZP-C40", "zp_iam", Priority.HOW, Category.ECOSYSTEM_ORCHESTRATION,
        "Центр 4.0 у Запоріжжі та вступ до європейської мережі DIH",
        "Для розробників та освітян — створення Центру 4.0 з подальшим входженням у європейську мережу DIH.",
        ["Запоріжжя"], "Smart Product", ["DIH", "інновації", "R&D"],
    )  # fmt: skip
    s.at("2021-07-12 11:40", ANDRII).develop_project_concept(C40)
    s.at("2021-07-12 11:50", ANDRII).add_project_partner(C40, org("zp_poly"), "майбутній оператор Центру 4.0")
    duplicate = s.propose(
        Ref("project:zp-park-duplicate"), "2021-05-18 09:00", TARAS, "ZP-INDPARK", "zp_iam", Priority.WOW,
        Category.SYSTEM_TRANSFORMATION, "Індустріальний парк Запоріжжя",
        "Індустріальний парк у Запоріжжі для виробничників регіону.", ["Запоріжжя"], "Smart Product", ["інвестиції"],
    )  # fmt: skip
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
        s.draft(
            memo,
            "2021-07-19 10:00",
            ANDRII,
            MemorandumKind.COOPERATION,
            subject,
            ("zp_iam", PartyType.CLUSTER),
            (key, party),
        )
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
    g = s.prospect(
        Ref("grant:zp-brno"), "2021-07-05 10:00", ANDRII, "giz", "zp_iam", m("25000", "EUR"),
        "Запорізький кластер ІАМ на міжнародній виставці в Брно", programme="EU4Business (GIZ)",
        call_name="Інтернаціоналізація кластерів",
        invented="Суму (25 000 EUR), транші, дати, ймовірність і назву конкурсу вигадано: фінальний звіт ClusteRISE "
        "каже лише, що стенд кластеру на виставці в Брно в листопаді 2021 — у межах нового гранту, здобутого завдяки "
        "GIZ.",
    )  # fmt: skip
    s.submission(g, ANDRII, drafting="2021-07-06 10:00", submitted="2021-07-30 16:00", review="2021-08-09 10:00")
    s.at("2021-07-19 10:00", OLENA, reason="Оцінка фандрейзера").estimate_win_probability(g, 70)
    s.award(g, "2021-09-13 12:00", ANDRII, m("25000", "EUR"), effective="2021-09-10")
    s.contract(g, "2021-09-20 12:00", ANDRII, "2021-10-01", "2022-06-30", implementation="2021-10-01 09:00")
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
    s.at("2021-10-15 15:00", TARAS).receive_disbursement(g, Ref("tranche:brno:1"), d("2021-10-15"))
    s.at("2022-02-03 15:00", TARAS).submit_report(g, Ref("duty:brno:interim"), d("2022-02-03"))
    s.at("2022-06-06 15:00", TARAS).receive_disbursement(g, Ref("tranche:brno:2"), d("2022-06-03"))
    s.at("2022-09-30 15:00", TARAS).submit_report(g, Ref("duty:brno:final"), d("2022-09-30"))
    s.at("2022-10-10 10:00", TARAS).close_grant(g)
    s.at("2021-09-20 12:30", ANDRII).link_application_to_project(g, CLUSTERISE)
