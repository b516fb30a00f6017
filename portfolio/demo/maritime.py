"""The Maritime Cluster of Ukraine: the EBRD mini-grant that paid for its portfolio of projects
(seed 000), its Ukrainian pavilion at Europort 2023, and the projects co-financed by 4BIZ (the B2B
meetings in Varna, Constanța and Batumi of "4BIZ Boosting the Blue Economy in the Black Sea Region")
and EU4Business (seed 004, 3.5.2). Amounts and dates are not in the sources: those records are marked
illustrative, saying what was invented.
"""

from __future__ import annotations

from domain.enums import Category, Priority, ReportKind
from domain.enums import ResultLevel as RL
from portfolio.demo.script import ALL_YES, BOARD, OLENA, TARAS, Ref, Script, d, m, n

HANDBOOK = "посібник кращих практик УКА, 3.5.2"


def script(s: Script) -> None:
    maritime(s)


def maritime(s: Script) -> None:
    s.story = "Морський кластер України"
    mini = s.prospect(
        Ref("grant:maritime-ebrd"), "2020-09-14 12:20", OLENA, "ebrd", "maritime", m("5000", "EUR"),
        "Міні-грант ЄБРР: портфель стратегічних проєктів Морського кластеру України", programme="Міні-гранти ЄБРР",
        effective="2020-06-15", reason="Внесено заднім числом для повноти портфеля",
        invented="Суму (5 000 EUR), дати, транш і звіт вигадано: програма стратегічних сесій кластеру ІАМ каже лише, "
        "що портфель проєктів МКУ зроблено за кошти міні-гранту ЄБРР, здобутого самим кластером.",
    )  # fmt: skip
    s.at("2020-09-14 12:25", OLENA).submit_application(mini, d("2020-06-15"))
    s.at("2020-09-14 12:30", OLENA).record_award(mini, m("5000", "EUR"), d("2020-07-10"))
    s.at("2020-09-14 12:35", OLENA).start_grant_implementation(mini)
    s.money_flow(
        mini, "maritime-ebrd", "2020-09-14 12:40", OLENA, [("5000", "EUR", "2020-07-20", "2020-07-21")],
        [(ReportKind.FINAL, "2020-12-15", "2020-12-10")],
    )  # fmt: skip
    s.at("2020-12-14 10:00", OLENA).close_grant(mini)

    p = s.propose(
        Ref("project:maritime"), "2023-02-13 10:30", TARAS, "MKU-BLUE", "maritime", Priority.NOW,
        Category.MARKET_ACCESS, "Представлення морської індустрії України та блакитної економіки в ЄС",
        "Колективний брокеридж і спільний український павільйон на галузевих виставках (Europort 2023 у Роттердамі); "
        "B2B-зустрічі у Варні, Констанці та Батумі в рамках проєкту 4BIZ Boosting the Blue Economy in the Black Sea "
        "Region; членство в SEA Europe, ENMC, EBI; проєкти на основі співфінансування 4BIZ та EU4Business "
        f"({HANDBOOK}).",
        ["Миколаїв"], "Інтернаціоналізація", ["експорт", "блакитна економіка"],
        invented="Ціль і вимірювання KPI (15 і 12 компаній), дати етапів вигадані; заходи й членства — з посібника "
        "кращих практик УКА (3.5.2).",
    )  # fmt: skip
    s.at("2023-02-20 10:00", TARAS).develop_project_concept(p)
    s.at("2023-02-20 10:10", TARAS).answer_project_checklist(p, ALL_YES)
    s.at("2023-05-08 10:00", TARAS, reason=BOARD).approve_project(p)
    s.at("2023-06-01 09:00", TARAS).start_project(p)
    k = Ref("kpi:maritime:companies")
    s.at("2023-06-01 09:10", TARAS, creates=k).define_kpi(
        p, "Компанії в українському павільйоні Europort 2023", "компаній", RL.OUTPUT, n(0), n(15)
    )
    s.at("2023-11-13 12:00", TARAS).measure_kpi(p, k, n(12), d("2023-11-10"), "Звіт МКУ після виставки")
    expo = Ref("milestone:maritime:europort")
    s.at("2023-06-01 09:20", TARAS, creates=expo).add_milestone(
        p, "Український павільйон на Europort 2023", d("2023-11-10")
    )
    s.at("2023-11-13 12:10", TARAS).reach_milestone(p, expo, d("2023-11-10"))

    four = s.prospect(
        Ref("grant:maritime-4biz"), "2023-02-13 10:40", TARAS, "fourbiz", "maritime", m("30000", "EUR"),
        "B2B-зустрічі морської індустрії у Варні, Констанці та Батумі", programme="4BIZ",
        call_name="4BIZ Boosting the Blue Economy in the Black Sea Region", co_financing=m("10000", "EUR"),
        invented="Суми (30 000 EUR і співфінансування 10 000 EUR), дати, транші й звітність вигадано; B2B-зустрічі у "
        "Варні, Констанці та Батумі в рамках проєкту 4BIZ — з посібника кращих практик УКА (3.5.2).",
    )  # fmt: skip
    s.submission(four, TARAS, drafting="2023-02-15 10:00", submitted="2023-03-10 16:00", review="2023-03-20 10:00")
    s.award(four, "2023-05-08 11:00", TARAS, m("30000", "EUR"), effective="2023-05-05")
    s.contract(four, "2023-05-22 11:00", TARAS, "2023-06-01", "2023-12-31", implementation="2023-06-01 09:30")
    s.at("2023-05-22 11:10", TARAS).link_application_to_project(four, p)
    s.money_flow(four, "maritime-4biz", "2023-06-01 09:40", TARAS,
                 [("20000", "EUR", "2023-06-15", "2023-06-20"), ("10000", "EUR", "2024-02-15", None)],
                 [(ReportKind.INTERIM, "2023-10-31", "2023-10-30"),
                  (ReportKind.FINAL, "2024-01-31", None)])  # fmt: skip

    eu = s.prospect(
        Ref("grant:maritime-eu4business"), "2023-08-21 10:00", TARAS, "eu4business", "maritime", m("40000", "EUR"),
        "Інтеграція морських МСП у європейські ланцюги доданої вартості", programme="EU4Business",
        co_financing=m("8000", "EUR"),
        invented=f"Назву, суми, зміну запиту й дати вигадано; {HANDBOOK} каже лише про грантові проєкти МКУ на основі "
        "співфінансування EU4Business.",
    )  # fmt: skip
    s.submission(eu, TARAS, drafting="2023-08-28 10:00", submitted="2023-10-02 16:00", review="2023-10-16 10:00")
    s.at("2023-09-11 10:00", TARAS).change_request(eu, m("45000", "EUR"), m("9000", "EUR"))
    s.at("2023-10-02 16:10", TARAS).link_application_to_project(eu, p)
    s.award(eu, "2023-12-18 12:00", TARAS, m("45000", "EUR"), effective="2023-12-15")
    s.contract(eu, "2023-12-28 12:00", TARAS, "2024-02-01", "2024-12-31")
