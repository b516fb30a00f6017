"""Grant applications to and for cluster members: USAID – Ukrainian Furniture Makers Association
(UAH 4.5 M, 1,100 beds for displaced people), Ministry of Education – Sumy energy machine-building
cluster (UAH 3.6 M), and one withdrawn and one rejected application so that every stage appears.

Documented amounts are quoted as they are; a record with anything invented beside them (dates,
tranches, an interim measurement, a whole application made up to show a stage) is marked
illustrative, saying what was invented.
"""

from __future__ import annotations

from domain.enums import Category, Priority, ReportKind
from domain.enums import ResultLevel as RL
from portfolio.demo.script import ALL_YES, BOARD, IRYNA, OLENA, TARAS, UCA_REPORT, Ref, Script, d, m, moment, n, org

HANDBOOK = "посібника кращих практик УКА"


def script(s: Script) -> None:
    for story in (sumy, furniture_makers, rejected_and_withdrawn):
        story(s)


def sumy(s: Script) -> None:
    s.story = "Сумський кластер і МОН"
    p = s.propose(
        Ref("project:sumy"), "2021-05-17 11:00", OLENA, "SUMY-NAEK", "sumy", Priority.WOW,
        Category.SYSTEM_TRANSFORMATION, "Кооперація з НАЕК «Енергоатом»: компоненти для енергосистем нового покоління",
        "Кластер як «єдине вікно» між атомною енергетикою та 10+ регіональними МСП і університетами; портфель "
        "інженерних рішень дозволив залучити 3,6 млн грн від Міністерства освіти (посібник кращих практик УКА, 3.6.1).",
        ["Суми"], "", ["GR", "R&D", "енергетика"],
        invented=f"Дати етапів і період реалізації (2022–2023) вигадані; сума 3,6 млн грн — з {HANDBOOK} (3.6.1).",
    )  # fmt: skip
    s.at("2021-05-24 10:00", OLENA).develop_project_concept(p)
    s.at("2021-05-24 10:10", OLENA).answer_project_checklist(p, ALL_YES)
    s.at("2021-05-24 10:20", OLENA).add_project_partner(p, org("mon"), "фінансування НДДКР")
    g = s.prospect(
        Ref("grant:sumy"), "2021-05-17 11:30", OLENA, "mon", "sumy", m("3600000", "UAH"),
        "Розробка компонентів для енергетичних систем нового покоління", programme="Фінансування наукових робіт МОН",
        invented=f"Дати, назву роботи, транші й звітність вигадано; сума 3,6 млн грн від МОН — з {HANDBOOK} (3.6.1).",
    )  # fmt: skip
    s.at("2021-05-24 10:30", OLENA).link_application_to_project(g, p)
    s.submission(g, OLENA, drafting="2021-05-24 10:40", submitted="2021-06-30 17:00", review="2021-07-15 10:00")
    s.award(g, "2021-11-29 10:00", OLENA, m("3600000", "UAH"), effective="2021-11-26")
    s.at("2021-11-29 10:10", OLENA, reason=BOARD).approve_project(p)
    s.contract(g, "2021-12-10 12:00", OLENA, "2022-01-01", "2023-12-31", implementation="2022-01-10 09:00")
    s.at("2022-01-10 09:10", OLENA).start_project(p)
    s.at("2022-01-10 09:20", OLENA, reason="Бюджет дорівнює гранту МОН").plan_project(
        p, m("3600000", "UAH"), False, d("2022-01-01"), d("2023-12-31")
    )
    s.money_flow(g, "sumy", "2022-01-10 09:30", TARAS,
                 [("1200000", "UAH", "2022-02-15", "2022-02-17"), ("1200000", "UAH", "2023-02-15", "2023-02-21"),
                  ("1200000", "UAH", "2023-12-15", None)],
                 [(ReportKind.INTERIM, "2022-12-20", "2022-12-19"), (ReportKind.FINANCIAL, "2022-12-31", "2023-01-09"),
                  (ReportKind.FINAL, "2024-01-31", None)])  # fmt: skip
    s.at("2022-03-09 10:00", OLENA, reason="Кластер не покидав Сум; роботи тривають").hand_over_application(g, TARAS)


def furniture_makers(s: Script) -> None:
    s.story = "USAID – Українська асоціація меблевиків"
    p = s.propose(
        Ref("project:uam-vpo"), "2022-04-04 10:00", OLENA, "UAM-VPO", "uam", Priority.NOW, Category.VALUE_CHAINS,
        "Ліжка та гуманітарна допомога для внутрішньо переміщених осіб",
        "Учасники УАМ закупили гуманітарну допомогу й виготовили 1100 ліжок для ВПО за грантом USAID на 4,5 млн грн "
        f"({UCA_REPORT}).",
        ["Київ"], "", ["гуманітарна допомога", "USAID"],
        invented="Дати етапів і проміжне вимірювання (420 ліжок) вигадані; грант 4,5 млн грн і 1100 ліжок — з річного "
        "звіту УКА 2022.",
    )  # fmt: skip
    g = s.prospect(
        Ref("grant:usaid"), "2022-04-04 10:10", OLENA, "usaid", "uam", m("4500000", "UAH"),
        "Ліжка для внутрішньо переміщених осіб", programme="Гуманітарна підтримка економічної стійкості", deadline=None,
        invented="Назву програми, дедлайн, ймовірність, дати, транші й звітність вигадано; грант USAID на 4,5 млн грн "
        "Українській асоціації меблевиків — з річного звіту УКА 2022.",
    )  # fmt: skip
    s.submission(g, OLENA, drafting="2022-04-05 10:00", submitted="2022-04-20 15:00", review="2022-04-25 10:00")
    s.at("2022-04-05 10:10", OLENA).link_application_to_project(g, p)
    s.at("2022-04-06 10:00", OLENA).set_deadline(g, moment("2022-04-22 18:00"))
    s.at("2022-04-06 10:10", OLENA, reason="Оцінка фандрейзера").estimate_win_probability(g, 60)
    late = "Лист про нагороду від 20 травня внесено 24 травня"
    s.award(g, "2022-05-24 11:00", OLENA, m("4500000", "UAH"), effective="2022-05-20", reason=late)
    s.at("2022-05-24 11:10", OLENA).develop_project_concept(p)
    s.at("2022-05-24 11:20", OLENA, reason=BOARD).approve_project(p)
    s.contract(g, "2022-05-31 12:00", OLENA, "2022-06-01", "2022-12-31", implementation="2022-06-01 09:00")
    s.at("2022-06-01 09:10", OLENA).start_project(p)
    s.at("2022-06-01 09:20", OLENA).plan_project(p, m("4500000", "UAH"), False, d("2022-06-01"), d("2022-12-31"))
    s.at("2022-06-01 09:30", OLENA).answer_project_checklist(p, {**ALL_YES, "new_economic_value": False})
    beds = Ref("kpi:uam:beds")
    s.at("2022-06-01 09:40", OLENA, creates=beds).define_kpi(
        p, "Виготовлені ліжка для ВПО", "ліжок", RL.OUTPUT, n(0), n(1100)
    )
    s.at("2022-08-17 10:00", OLENA).measure_kpi(p, beds, n(420), d("2022-08-15"), "Проміжний звіт УАМ")
    s.at("2023-01-30 10:00", OLENA).measure_kpi(p, beds, n(1100), d("2022-12-31"), UCA_REPORT)
    s.money_flow(g, "usaid", "2022-06-01 10:00", TARAS,
                 [("1500000", "UAH", "2022-06-10", "2022-06-14"), ("1500000", "UAH", "2022-08-15", "2022-08-19"),
                  ("1500000", "UAH", "2022-10-14", "2022-10-20")],
                 [(ReportKind.INTERIM, "2022-09-15", "2022-09-13"), (ReportKind.FINANCIAL, "2023-01-31", "2023-01-27"),
                  (ReportKind.FINAL, "2023-01-31", "2023-01-30")])  # fmt: skip
    s.at("2023-01-30 11:00", OLENA).complete_project(p)
    s.at("2023-02-10 10:00", TARAS).close_grant(g)


def rejected_and_withdrawn(s: Script) -> None:
    s.story = "Відхилена та відкликана заявки"
    smp = s.prospect(
        Ref("grant:smp-withdrawn"), "2022-01-17 10:00", TARAS, "eic", "zp_iam", m("80000", "EUR"),
        "Інтернаціоналізація кластерів разом із польським партнером",
        programme="Single Market Programme (Euroclusters)", deadline=moment("2022-04-05 18:00"),
        invented="Заявку вигадано, щоб показати стадію «відкликано»: у джерелах її немає; суми, дати й причина — "
        "демо-дані.",
    )  # fmt: skip
    s.at("2022-01-24 10:00", TARAS).start_drafting(smp)
    s.at("2022-03-09 10:00", TARAS).withdraw_application(
        smp, "Партнери консорціуму не встигли узгодити заявку до дедлайну"
    )
    i4ms = s.prospect(
        Ref("grant:i4ms-rejected"), "2022-05-23 10:00", IRYNA, "i4ms", "kh_iam", m("60000", "EUR"),
        "Цифрові сервіси для МСП Харкова на базі хабу", programme="I4MS (Horizon Europe)", call_name="I4MS Open Call",
        deadline=moment("2022-06-30 18:00"),
        invented="Заявку вигадано, щоб показати стадію «відхилено»: у джерелах її немає; суми, дати й оцінка — "
        "демо-дані.",
    )  # fmt: skip
    s.submission(i4ms, IRYNA, drafting="2022-05-30 10:00", submitted="2022-06-29 17:00", review="2022-07-11 10:00")
    s.at("2022-09-19 10:00", IRYNA, effective="2022-09-15").mark_rejected(
        i4ms, "Оцінка нижча за поріг фінансування", d("2022-09-15")
    )
