"""Innovation fundraising: APPAU's EIF programme (2022 results from the UCA annual report), the EIC
startup-support consortium of 6 foreign and 5 Ukrainian partners (result pending), the sponsor sought
for the EIF project office (EUR 55k), Center 4.0 KhAI (up to EUR 2.5 M, drafting) and GDT Textile
(a 4-month microgrant of EUR 43k).

Documented amounts are quoted as they are; a record with anything invented beside them is marked
illustrative, saying what was invented.
"""

from __future__ import annotations

from domain.enums import Category, Priority, ReportKind
from domain.enums import ResultLevel as RL
from portfolio.demo.clusterise import KH_MEMO
from portfolio.demo.script import ALL_YES, BOARD, IRYNA, OLENA, TARAS, UCA_REPORT, Ref, Script, d, m, moment, n, org

INNOVATION = "Інноваційний розвиток"  # the UCA roadmap's direction (seed 002, line 233)
HANDBOOK_GDT = "посібника кращих практик УКА, 3.6.3"
EIF_PROJECT = Ref("project:eif")
KHAI_PROJECT = Ref("project:khai-c40")


def script(s: Script) -> None:
    for story in (eif_and_eic, center_khai, gdt_textile):
        story(s)


def eif_and_eic(s: Script) -> None:
    s.story = "Програма EIF і консорціум EIC"
    p = s.propose(
        EIF_PROJECT, "2022-04-11 10:00", OLENA, "EIF-2022", "appau", Priority.NOW, Category.ECOSYSTEM_ORCHESTRATION,
        "Програма інноваційного фандрейзингу EIF для кластерів УКА",
        "З квітня 2022 АППАУ відкрила програму EIF для всіх кластерів УКА: вебінари, кампанія залучення, співпраця з "
        f"DIH КПІ; за 2022 виграно 8 конкурсів I4MS та EIT, 15 бенефіціарів, понад 700 тис. євро ({UCA_REPORT}).",
        ["Україна"], INNOVATION, ["фандрейзинг", "I4MS", "EIT"],
        invented="Цілі KPI (5 конкурсів, 10 бенефіціарів, 500 тис. EUR) і дати етапів вигадані; результати 2022 — з "
        "річного звіту УКА 2022.",
    )  # fmt: skip
    s.at("2022-04-11 10:10", OLENA).develop_project_concept(p)
    s.at("2022-04-11 10:20", OLENA, reason=BOARD).approve_project(p)
    s.at("2022-05-02 09:00", OLENA).start_project(p)
    s.at("2022-05-02 09:10", OLENA).add_project_partner(p, org("dih_kpi"), "експерти DIH для промоції грантів I4MS")
    kpis = [  # key, name, unit, level, target (invented), documented result for 2022
        ("wins", "Виграні конкурси I4MS та EIT", "конкурсів", RL.OUTCOME, 5, 8),
        ("beneficiaries", "Українські бенефіціари", "організацій", RL.OUTCOME, 10, 15),
        ("funding", "Залучене фінансування", "тис. EUR", RL.IMPACT, 500, 700),
    ]
    for key, name, unit, level, target, result in kpis:
        k = Ref(f"kpi:eif:{key}")
        s.at("2022-05-02 09:20", OLENA, creates=k).define_kpi(p, name, unit, level, n(0), n(target))
        s.at("2023-01-16 10:00", OLENA).measure_kpi(
            p, k, n(result), d("2022-12-31"), f"{UCA_REPORT}: понад {result}" if key == "funding" else UCA_REPORT
        )

    g = s.prospect(
        Ref("grant:eic"), "2022-07-11 10:10", TARAS, "eic", "appau", m("2000000", "EUR"),
        "Консорціум підтримки стартапів: 6 іноземних і 5 українських партнерів",
        programme="European Innovation Council", call_name="EIC startup support (бюджет 20 млн євро)",
        deadline=moment("2022-10-27 18:00"),
        invented="Суму запиту (2 млн EUR), дедлайн, дати, ймовірність і склад консорціуму вигадано (іноземні партнери "
        "— записи-заповнювачі); річний звіт УКА 2022 каже лише про конкурс EIC startup support (20 млн євро) і "
        "консорціум з 6 зарубіжних та 5 українських партнерів, результат якого ще невідомий.",
    )  # fmt: skip
    s.at("2022-07-18 10:10", TARAS).link_application_to_project(g, p)
    role = "партнер консорціуму"
    partners = [*(f"eic_foreign{i}" for i in range(1, 7)), "dih_kpi", "khai", "kh_iam", "zp_iam"]
    for i, key in enumerate(partners):
        s.at(f"2022-10-{10 + i // 4:02d} 11:{i:02d}", TARAS).add_consortium_partner(g, org(key), role)
    s.at("2022-10-20 10:00", TARAS, reason="Оцінка фандрейзера").estimate_win_probability(g, 30)
    s.submission(g, TARAS, drafting="2022-07-18 10:00", submitted="2022-10-26 17:30", review="2022-11-15 10:00")
    s.at("2023-05-15 10:00", OLENA).hand_over_application(g, OLENA)

    sponsor = s.prospect(
        Ref("grant:eif-office"), "2023-01-16 11:00", OLENA, "unnamed_funder", "i4u", m("55000", "EUR"),
        "Проєктний офіс EIF для кластерів УКА: пошук спонсора", programme="Спонсорство / донорська підтримка",
        call_reference=f"донора ще не визначено; сума — {UCA_REPORT}",
        invented="Донор — запис-заповнювач, ймовірність і дати вигадані; пошук спонсора чи донора на 55 тис. євро — з "
        "річного звіту УКА 2022.",
    )  # fmt: skip
    s.at("2023-01-16 11:10", OLENA).link_application_to_project(sponsor, p)
    s.at("2023-03-06 10:00", OLENA, reason="Оцінка фандрейзера").estimate_win_probability(sponsor, 20)


def center_khai(s: Script) -> None:
    s.story = "Центр 4.0 ХАІ"
    p = s.propose(
        KHAI_PROJECT, "2022-12-12 10:00", IRYNA, "KH-C40", "khai", Priority.WOW, Category.ECOSYSTEM_ORCHESTRATION,
        "Центр 4.0 ХАІ: вступ до європейської мережі DIH",
        "Масштабний проєкт Центру 4.0 «ХАІ» з використанням досвіду програми EIF; консультації з АППАУ та учасниками "
        f"УКА почались у грудні; шанси на фінансування до 2,5 млн євро ({UCA_REPORT}).",
        ["Харків"], INNOVATION, ["DIH", "інновації", "Індустрія 4.0"],
    )  # fmt: skip
    s.at("2022-12-12 10:10", IRYNA).add_project_partner(p, org("appau"), "консультації, досвід EIF")
    s.at("2022-12-12 10:20", IRYNA).add_project_partner(p, org("kh_iam"), "учасник консультацій")
    s.at("2023-02-06 10:00", IRYNA).develop_project_concept(p)
    s.at("2023-02-06 10:10", IRYNA).plan_project(p, m("2500000", "EUR"), True, None, None)
    s.at("2023-02-06 10:20", IRYNA).answer_project_checklist(p, ALL_YES)
    s.at("2023-03-13 15:00", IRYNA, reason=BOARD).approve_project(p)
    s.at("2023-03-14 10:00", IRYNA).link_memorandum_to_project(KH_MEMO, p)
    g = s.prospect(
        Ref("grant:khai"), "2022-12-12 10:30", IRYNA, "unnamed_funder", "khai", m("2500000", "EUR"), "Центр 4.0 ХАІ",
        programme="Консультації з донорами", call_reference="донора не названо; «до 2,5 млн євро»",
        requested_estimated=True,  # "up to 2.5 million": the report gives no exact figure
        invented="Донор — запис-заповнювач; дедлайн, дати й ймовірність (70 %) вигадані; «має всі шанси отримати "
        "фінансування до 2,5 млн євро» — з річного звіту УКА 2022.",
    )  # fmt: skip
    s.at("2022-12-12 10:40", IRYNA).link_application_to_project(g, p)
    s.at("2023-03-13 15:10", IRYNA).start_drafting(g)
    s.at("2023-03-13 15:20", IRYNA, reason=f"«Має всі шанси» ({UCA_REPORT})").estimate_win_probability(g, 70)
    s.at("2023-09-18 10:00", IRYNA).set_deadline(g, moment("2024-03-14 17:00"))


def gdt_textile(s: Script) -> None:
    s.story = "GDT Textile"
    p = s.propose(
        Ref("project:gdt"), "2023-02-20 10:00", OLENA, "GDT-TEX", "appau", Priority.WOW, Category.SYSTEM_TRANSFORMATION,
        "GDT Textile: галузевий механізм подвійного переходу в легкій промисловості",
        "Мікрогрант на 4 місяці з бюджетом 43 тис. євро: масова діагностика цифрової та зеленої зрілості (ADMA) понад "
        "150 МСП, 80 ініціатив для бізнесу, Дорожня карта подвійного переходу, альянс TTT (посібник кращих практик "
        "УКА, 3.6.3).",
        ["Хмельницький", "Київ"], INNOVATION, ["Twin Transition", "легка промисловість"],
        invented=f"Цілі KPI, проміжне вимірювання (70 МСП) і дати вигадані; результати й бюджет — з {HANDBOOK_GDT}.",
    )  # fmt: skip
    g = s.prospect(
        Ref("grant:gdt"), "2023-02-20 10:10", OLENA, "unnamed_funder", "appau", m("43000", "EUR"),
        "GDT Textile: Дорожня карта подвійного переходу", programme="Мікрогранти (4 місяці)",
        call_reference="донора не названо",
        invented="Донор — запис-заповнювач; дати, транші й звітність вигадано; мікрогрант на 4 місяці, 43 тис. євро — "
        f"з {HANDBOOK_GDT}.",
    )  # fmt: skip
    s.at("2023-02-20 10:20", OLENA).link_application_to_project(g, p)
    s.submission(g, OLENA, drafting="2023-02-27 10:00", submitted="2023-03-15 17:00")
    s.at("2023-02-27 10:10", OLENA).develop_project_concept(p)
    s.award(g, "2023-04-12 12:00", OLENA, m("43000", "EUR"))
    s.at("2023-04-12 12:10", OLENA, reason=BOARD).approve_project(p)
    s.contract(g, "2023-04-25 12:00", OLENA, "2023-05-01", "2023-08-31", implementation="2023-05-01 09:00")
    s.at("2023-04-25 12:10", OLENA).plan_project(p, m("43000", "EUR"), False, d("2023-05-01"), d("2023-08-31"))
    s.at("2023-05-01 09:10", OLENA).start_project(p)
    s.at("2023-05-01 09:20", OLENA).answer_project_checklist(p, ALL_YES)
    for i, (name, unit, level, target) in enumerate(
        (
            ("МСП, охоплені діагностикою ADMA", "МСП", RL.OUTPUT, 120),
            ("Ініціативи для бізнесу (драйвери цінності)", "ініціатив", RL.OUTPUT, 50),
        )
    ):
        s.at("2023-05-01 09:30", OLENA, creates=Ref(f"kpi:gdt:{i}")).define_kpi(p, name, unit, level, n(0), n(target))
    s.at("2023-06-30 16:00", OLENA).measure_kpi(p, Ref("kpi:gdt:0"), n(70), d("2023-06-30"), "Проміжні дані")
    s.at("2023-09-04 10:00", OLENA).measure_kpi(
        p, Ref("kpi:gdt:0"), n(150), d("2023-08-31"), "Посібник кращих практик УКА, 3.6.3: понад 150 МСП"
    )
    s.at("2023-09-04 10:10", OLENA).measure_kpi(
        p, Ref("kpi:gdt:1"), n(80), d("2023-08-31"), "Посібник кращих практик УКА, 3.6.3"
    )
    s.money_flow(g, "gdt", "2023-05-01 09:40", TARAS,
                 [("30100", "EUR", "2023-05-10", "2023-05-12"), ("12900", "EUR", "2023-09-30", "2023-10-09")],
                 [(ReportKind.FINAL, "2023-09-30", "2023-09-28"),
                  (ReportKind.FINANCIAL, "2023-09-30", "2023-09-29")])  # fmt: skip
    s.at("2023-09-29 10:00", OLENA).complete_project(p)
    s.at("2023-10-16 10:00", TARAS).close_grant(g)
