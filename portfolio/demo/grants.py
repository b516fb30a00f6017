"""Grant applications of 2020–2023 with the projects they fund, so that every stage appears:
USAID – Ukrainian Furniture Makers Association (UAH 4.5 M, 1,100 beds), the EIC consortium (result
pending), GDT Textile (EUR 43k, 4 months), Ministry of Education – Sumy cluster (UAH 3.6 M), Center 4.0
KhAI (up to EUR 2.5 M, drafting), the Maritime Cluster's EBRD, 4BIZ and EU4Business grants, the EIF
project-office sponsor (EUR 55k, prospect), one rejected and one withdrawn application.

Documented amounts are quoted as they are; everything else is marked "(synthetic)" in the call
reference, the KPI name or the reason of the event.
"""

from __future__ import annotations

from domain.enums import Category, Priority, ReportKind
from domain.enums import ResultLevel as RL
from portfolio.demo.clusterise import KH_MEMO
from portfolio.demo.practices import practice
from portfolio.demo.script import (
    IRYNA,
    OLENA,
    PETRENKO,
    SHEVCHUK,
    SYNTHETIC,
    TARAS,
    Ref,
    Script,
    d,
    m,
    moment,
    n,
    org,
)
from portfolio.demo.zaporizhzhia import ALL_YES

USAID = Ref("grant:usaid")
EIC = Ref("grant:eic")
GDT = Ref("grant:gdt")
SUMY = Ref("grant:sumy")
KHAI = Ref("grant:khai")
UAM_PROJECT = Ref("project:uam-vpo")
EIF_PROJECT = Ref("project:eif")
GDT_PROJECT = Ref("project:gdt")
SUMY_PROJECT = Ref("project:sumy")
KHAI_PROJECT = Ref("project:khai-c40")
MARITIME_PROJECT = Ref("project:maritime")
UCA_REPORT = "Річний звіт УКА 2022"


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
        s.at(when, actor, creates=Ref(f"tranche:{key}:{i}"), reason=f"Графік траншів {SYNTHETIC}").plan_disbursement(
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


def script(s: Script) -> None:
    maritime(s)
    sumy(s)
    furniture_makers(s)
    rejected_and_withdrawn(s)
    eif_and_eic(s)
    center_khai(s)
    gdt_textile(s)
    recent_applications(s)


def maritime(s: Script) -> None:
    s.story = "Морський кластер України"
    mini = Ref("grant:maritime-ebrd")
    s.at(
        "2020-09-14 12:20",
        OLENA,
        creates=mini,
        effective="2020-06-15",
        reason="Внесено заднім числом для повноти портфеля",
    ).prospect_application(
        "Міні-грант ЄБРР: портфель стратегічних проєктів Морського кластеру України",
        org("ebrd"),
        org("maritime"),
        OLENA,
        m("5000", "EUR"),
        programme="Міні-гранти ЄБРР",
        call_reference=f"суми й дати {SYNTHETIC}",
    )
    s.at("2020-09-14 12:25", OLENA).submit_application(mini, d("2020-06-15"))
    s.at("2020-09-14 12:30", OLENA).record_award(mini, m("5000", "EUR"), d("2020-07-10"))
    s.at("2020-09-14 12:35", OLENA).start_grant_implementation(mini)
    money_flow(
        s,
        mini,
        "maritime-ebrd",
        "2020-09-14 12:40",
        OLENA,
        [("5000", "EUR", "2020-07-20", "2020-07-21")],
        [(ReportKind.FINAL, "2020-12-15", "2020-12-10")],
    )
    s.at("2020-12-14 10:00", OLENA).close_grant(mini)

    p = MARITIME_PROJECT
    s.at("2023-02-13 10:30", TARAS, creates=p).propose_project(
        "MKU-BLUE",
        "Представлення морської індустрії України та блакитної економіки в ЄС",
        org("maritime"),
        TARAS,
        Priority.NOW,
        Category.MARKET_ACCESS,
        "Колективний брокеридж і спільний український павільйон на галузевих виставках (Europort 2023 у Роттердамі); "
        "членство в SEA Europe, ENMC, EBI; проєкти на основі співфінансування 4BIZ та EU4Business (посібник кращих "
        "практик УКА, 3.5.2).",
        ["Миколаїв"],
        "Internationalization",
        ["експорт", "блакитна економіка", "synthetic"],
    )
    s.at("2023-02-20 10:00", TARAS).develop_project_concept(p)
    s.at("2023-02-20 10:10", TARAS).answer_project_checklist(p, ALL_YES)
    s.at("2023-05-08 10:00", PETRENKO).approve_project(p)
    s.at("2023-06-01 09:00", TARAS).start_project(p)
    k = Ref("kpi:maritime:companies")
    s.at("2023-06-01 09:10", TARAS, creates=k).define_kpi(
        p, f"Компанії в українському павільйоні Europort 2023 (ціль {SYNTHETIC})", "компаній", RL.OUTPUT, n(0), n(15)
    )
    s.at("2023-11-13 12:00", TARAS).measure_kpi(p, k, n(12), d("2023-11-10"), f"Звіт МКУ після виставки {SYNTHETIC}")
    expo = Ref("milestone:maritime:europort")
    s.at("2023-06-01 09:20", TARAS, creates=expo).add_milestone(
        p, "Український павільйон на Europort 2023", d("2023-11-10")
    )
    s.at("2023-11-13 12:10", TARAS).reach_milestone(p, expo, d("2023-11-10"))

    four = Ref("grant:maritime-4biz")
    s.at("2023-02-13 10:40", TARAS, creates=four).prospect_application(
        "Український павільйон морської індустрії на Europort 2023",
        org("fourbiz"),
        org("maritime"),
        TARAS,
        m("30000", "EUR"),
        programme="4BIZ",
        call_reference=f"суми й дати {SYNTHETIC}",
        co_financing=m("10000", "EUR"),
    )
    s.at("2023-02-15 10:00", TARAS).start_drafting(four)
    s.at("2023-03-10 16:00", TARAS).submit_application(four, d("2023-03-10"))
    s.at("2023-03-20 10:00", TARAS).mark_under_review(four)
    s.at("2023-05-08 11:00", TARAS, effective="2023-05-05").record_award(four, m("30000", "EUR"), d("2023-05-05"))
    s.at("2023-05-22 11:00", TARAS).record_contract(four, d("2023-05-22"), d("2023-06-01"), d("2023-12-31"))
    s.at("2023-05-22 11:10", TARAS).link_application_to_project(four, p)
    s.at("2023-06-01 09:30", TARAS).start_grant_implementation(four)
    money_flow(
        s,
        four,
        "maritime-4biz",
        "2023-06-01 09:40",
        TARAS,
        [("20000", "EUR", "2023-06-15", "2023-06-20"), ("10000", "EUR", "2024-02-15", None)],
        [(ReportKind.INTERIM, "2023-10-31", "2023-10-30"), (ReportKind.FINAL, "2024-01-31", None)],
    )

    eu = Ref("grant:maritime-eu4business")
    s.at("2023-08-21 10:00", TARAS, creates=eu).prospect_application(
        "Інтеграція морських МСП у європейські ланцюги доданої вартості",
        org("eu4business"),
        org("maritime"),
        TARAS,
        m("40000", "EUR"),
        programme="EU4Business",
        call_reference=f"суми й дати {SYNTHETIC}",
        co_financing=m("8000", "EUR"),
    )
    s.at("2023-08-28 10:00", TARAS).start_drafting(eu)
    s.at("2023-09-11 10:00", TARAS).change_request(eu, m("45000", "EUR"), m("9000", "EUR"))
    s.at("2023-10-02 16:00", TARAS).submit_application(eu, d("2023-10-02"))
    s.at("2023-10-02 16:10", TARAS).link_application_to_project(eu, p)
    s.at("2023-10-16 10:00", TARAS).mark_under_review(eu)
    s.at("2023-12-18 12:00", TARAS, effective="2023-12-15").record_award(eu, m("45000", "EUR"), d("2023-12-15"))
    s.at("2023-12-28 12:00", TARAS).record_contract(eu, d("2023-12-28"), d("2024-02-01"), d("2024-12-31"))


def recent_applications(s: Script) -> None:
    s.story = "Заявки кінця 2023"
    vin = Ref("grant:vinnytsia")
    s.at("2023-08-14 10:00", TARAS, creates=vin).prospect_application(
        f"Серійне виробництво приладів у ланцюгах доданої вартості {SYNTHETIC}",
        org("giz"),
        org("vinnytsia"),
        TARAS,
        m("35000", "EUR"),
        programme="EU4Business (GIZ)",
        call_reference=f"заявка, суми й дати {SYNTHETIC}",
        deadline=moment("2023-09-29 17:00"),
    )
    s.at("2023-08-14 10:10", TARAS).link_application_to_project(vin, practice("VIN-VC"))
    s.at("2023-08-21 10:00", TARAS).start_drafting(vin)
    s.at("2023-09-29 15:00", TARAS).submit_application(vin, d("2023-09-29"))
    s.at("2023-10-09 10:00", TARAS).mark_under_review(vin)
    s.at("2023-12-15 12:00", TARAS).record_award(vin, m("32000", "EUR"), d("2023-12-15"))
    heat = Ref("grant:heat")
    s.at("2023-10-23 10:00", TARAS, creates=heat).prospect_application(
        f"Company Visit у регіонах: масштабування практики {SYNTHETIC}",
        org("eu4business"),
        org("heat"),
        TARAS,
        m("20000", "EUR"),
        programme="EU4Business",
        call_reference=f"заявка, суми й дати {SYNTHETIC}",
        deadline=moment("2023-11-30 18:00"),
    )
    s.at("2023-10-23 10:10", TARAS).link_application_to_project(heat, practice("HEAT-CV"))
    s.at("2023-10-30 10:00", TARAS).start_drafting(heat)
    s.at("2023-11-30 16:00", TARAS).submit_application(heat, d("2023-11-30"))
    marketplace = Ref("project:land4developers")
    s.at("2023-11-20 11:00", OLENA, creates=marketplace).propose_project(
        "UCA-L4D",
        "Маркетплейс Land4Developers",
        org("i4u"),
        OLENA,
        Priority.HOW,
        Category.MARKET_ACCESS,
        f"Новий інструмент УКА для виводу на експорт інноваційних МСП з промислових секторів та інжинірингових "
        f"компаній; має стати інформаційним і нетворкінговим хабом для Східної Європи ({UCA_REPORT}).",
        ["Україна"],
        "Internationalization",
        ["експорт", "платформа"],
    )
    s.at("2023-11-20 11:10", OLENA).plan_project(marketplace, None, False, d("2024-01-15"), None)
    s.at("2023-11-27 10:00", SHEVCHUK).answer_project_checklist(
        marketplace, {**ALL_YES, "members_invest": False, "measurable": False}
    )


def sumy(s: Script) -> None:
    s.story = "Сумський кластер і МОН"
    p, g = SUMY_PROJECT, SUMY
    s.at("2021-05-17 11:00", OLENA, creates=p).propose_project(
        "SUMY-NAEK",
        "Кооперація з НАЕК «Енергоатом»: компоненти для енергосистем нового покоління",
        org("sumy"),
        OLENA,
        Priority.WOW,
        Category.SYSTEM_TRANSFORMATION,
        "Кластер як «єдине вікно» між атомною енергетикою та 10+ регіональними МСП і університетами; портфель "
        "інженерних рішень дозволив залучити 3,6 млн грн від Міністерства освіти (посібник кращих практик УКА, 3.6.1).",
        ["Суми"],
        "",
        ["GR", "R&D", "енергетика"],
    )
    s.at("2021-05-24 10:00", OLENA).develop_project_concept(p)
    s.at("2021-05-24 10:10", OLENA).answer_project_checklist(p, ALL_YES)
    s.at("2021-05-24 10:20", OLENA).add_project_partner(p, org("mon"), "фінансування НДДКР")
    s.at("2021-05-17 11:30", OLENA, creates=g).prospect_application(
        "Розробка компонентів для енергетичних систем нового покоління",
        org("mon"),
        org("sumy"),
        OLENA,
        m("3600000", "UAH"),
        programme="Фінансування наукових робіт МОН",
        call_reference=f"дати {SYNTHETIC}",
    )
    s.at("2021-05-24 10:30", OLENA).link_application_to_project(g, p)
    s.at("2021-05-24 10:40", OLENA).start_drafting(g)
    s.at("2021-06-30 17:00", OLENA).submit_application(g, d("2021-06-30"))
    s.at("2021-07-15 10:00", OLENA).mark_under_review(g)
    s.at("2021-11-29 10:00", OLENA, effective="2021-11-26").record_award(g, m("3600000", "UAH"), d("2021-11-26"))
    s.at("2021-11-29 10:10", PETRENKO).approve_project(p)
    s.at("2021-12-10 12:00", OLENA).record_contract(g, d("2021-12-10"), d("2022-01-01"), d("2023-12-31"))
    s.at("2022-01-10 09:00", OLENA).start_grant_implementation(g)
    s.at("2022-01-10 09:10", OLENA).start_project(p)
    s.at("2022-01-10 09:20", OLENA, reason=f"Бюджет дорівнює гранту МОН; період {SYNTHETIC}").plan_project(
        p, m("3600000", "UAH"), False, d("2022-01-01"), d("2023-12-31")
    )
    money_flow(
        s,
        g,
        "sumy",
        "2022-01-10 09:30",
        TARAS,
        [
            ("1200000", "UAH", "2022-02-15", "2022-02-17"),
            ("1200000", "UAH", "2023-02-15", "2023-02-21"),
            ("1200000", "UAH", "2023-12-15", None),
        ],
        [
            (ReportKind.INTERIM, "2022-12-20", "2022-12-19"),
            (ReportKind.FINANCIAL, "2022-12-31", "2023-01-09"),
            (ReportKind.FINAL, "2024-01-31", None),
        ],
    )
    s.at("2022-03-09 10:00", OLENA, reason="Кластер не покидав Сум; роботи тривають").hand_over_application(g, TARAS)


def furniture_makers(s: Script) -> None:
    s.story = "USAID – Українська асоціація меблевиків"
    p, g = UAM_PROJECT, USAID
    s.at("2022-04-04 10:00", OLENA, creates=p).propose_project(
        "UAM-VPO",
        "Ліжка та гуманітарна допомога для внутрішньо переміщених осіб",
        org("uam"),
        OLENA,
        Priority.NOW,
        Category.VALUE_CHAINS,
        f"Учасники УАМ закупили гуманітарну допомогу й виготовили 1100 ліжок для ВПО за грантом USAID на 4,5 млн грн "
        f"({UCA_REPORT}).",
        ["Київ"],
        "",
        ["гуманітарна допомога", "USAID"],
    )
    s.at("2022-04-04 10:10", OLENA, creates=g).prospect_application(
        "Ліжка для внутрішньо переміщених осіб",
        org("usaid"),
        org("uam"),
        OLENA,
        m("4500000", "UAH"),
        programme="Гуманітарна підтримка економічної стійкості",
        call_reference=f"дати й транші {SYNTHETIC}",
        deadline=None,
    )
    s.at("2022-04-05 10:00", OLENA).start_drafting(g)
    s.at("2022-04-05 10:10", OLENA).link_application_to_project(g, p)
    s.at("2022-04-06 10:00", OLENA).set_deadline(g, moment("2022-04-22 18:00"))
    s.at("2022-04-06 10:10", OLENA, reason=f"Оцінка {SYNTHETIC}").estimate_win_probability(g, 60)
    s.at("2022-04-20 15:00", OLENA).submit_application(g, d("2022-04-20"))
    s.at("2022-04-25 10:00", OLENA).mark_under_review(g)
    s.at(
        "2022-05-24 11:00", OLENA, effective="2022-05-20", reason="Лист про нагороду від 20 травня внесено 24 травня"
    ).record_award(g, m("4500000", "UAH"), d("2022-05-20"))
    s.at("2022-05-24 11:10", OLENA).develop_project_concept(p)
    s.at("2022-05-24 11:20", PETRENKO).approve_project(p)
    s.at("2022-05-31 12:00", OLENA).record_contract(g, d("2022-05-31"), d("2022-06-01"), d("2022-12-31"))
    s.at("2022-06-01 09:00", OLENA).start_grant_implementation(g)
    s.at("2022-06-01 09:10", OLENA).start_project(p)
    s.at("2022-06-01 09:20", OLENA).plan_project(p, m("4500000", "UAH"), False, d("2022-06-01"), d("2022-12-31"))
    s.at("2022-06-01 09:30", OLENA).answer_project_checklist(p, {**ALL_YES, "new_economic_value": False})
    beds = Ref("kpi:uam:beds")
    s.at("2022-06-01 09:40", OLENA, creates=beds).define_kpi(
        p, "Виготовлені ліжка для ВПО", "ліжок", RL.OUTPUT, n(0), n(1100)
    )
    s.at("2022-08-17 10:00", OLENA).measure_kpi(p, beds, n(420), d("2022-08-15"), f"Проміжний звіт УАМ {SYNTHETIC}")
    s.at("2023-01-30 10:00", OLENA).measure_kpi(p, beds, n(1100), d("2022-12-31"), UCA_REPORT)
    money_flow(
        s,
        g,
        "usaid",
        "2022-06-01 10:00",
        TARAS,
        [
            ("1500000", "UAH", "2022-06-10", "2022-06-14"),
            ("1500000", "UAH", "2022-08-15", "2022-08-19"),
            ("1500000", "UAH", "2022-10-14", "2022-10-20"),
        ],
        [
            (ReportKind.INTERIM, "2022-09-15", "2022-09-13"),
            (ReportKind.FINANCIAL, "2023-01-31", "2023-01-27"),
            (ReportKind.FINAL, "2023-01-31", "2023-01-30"),
        ],
    )
    s.at("2023-01-30 11:00", OLENA).complete_project(p)
    s.at("2023-02-10 10:00", TARAS).close_grant(g)


def rejected_and_withdrawn(s: Script) -> None:
    s.story = "Відхилена та відкликана заявки"
    smp = Ref("grant:smp-withdrawn")
    s.at("2022-01-17 10:00", TARAS, creates=smp).prospect_application(
        f"Інтернаціоналізація кластерів разом із польським партнером {SYNTHETIC}",
        org("eic"),
        org("zp_iam"),
        TARAS,
        m("80000", "EUR"),
        programme="Single Market Programme (Euroclusters)",
        call_reference=f"заявка, суми й дати {SYNTHETIC}",
        deadline=moment("2022-04-05 18:00"),
    )
    s.at("2022-01-24 10:00", TARAS).start_drafting(smp)
    s.at("2022-03-09 10:00", TARAS).withdraw_application(
        smp, "Повномасштабне вторгнення: члени правління мобілізовані, подати заявку до дедлайну неможливо"
    )
    i4ms = Ref("grant:i4ms-rejected")
    s.at("2022-05-23 10:00", IRYNA, creates=i4ms).prospect_application(
        f"Цифрові сервіси для МСП Харкова на базі хабу {SYNTHETIC}",
        org("i4ms"),
        org("kh_iam"),
        IRYNA,
        m("60000", "EUR"),
        programme="I4MS (Horizon Europe)",
        call_name="I4MS Open Call",
        call_reference=f"заявка, суми й дати {SYNTHETIC}",
        deadline=moment("2022-06-30 18:00"),
    )
    s.at("2022-05-30 10:00", IRYNA).start_drafting(i4ms)
    s.at("2022-06-29 17:00", IRYNA).submit_application(i4ms, d("2022-06-29"))
    s.at("2022-07-11 10:00", IRYNA).mark_under_review(i4ms)
    s.at("2022-09-19 10:00", IRYNA, effective="2022-09-15").mark_rejected(
        i4ms, f"Оцінка нижча за поріг фінансування {SYNTHETIC}", d("2022-09-15")
    )


def eif_and_eic(s: Script) -> None:
    s.story = "Програма EIF і консорціум EIC"
    p = EIF_PROJECT
    s.at("2022-04-11 10:00", OLENA, creates=p).propose_project(
        "EIF-2022",
        "Програма інноваційного фандрейзингу EIF для кластерів УКА",
        org("appau"),
        OLENA,
        Priority.NOW,
        Category.ECOSYSTEM_ORCHESTRATION,
        f"З квітня 2022 АППАУ відкрила програму EIF для всіх кластерів УКА: вебінари, кампанія залучення, співпраця "
        f"з DIH КПІ; за 2022 виграно 8 конкурсів I4MS та EIT, 15 бенефіціарів, понад 700 тис. євро ({UCA_REPORT}).",
        ["Україна"],
        "Innovation development",
        ["фандрейзинг", "I4MS", "EIT", "synthetic"],
    )
    s.at("2022-04-11 10:10", OLENA).develop_project_concept(p)
    s.at("2022-04-11 10:20", PETRENKO).approve_project(p)
    s.at("2022-05-02 09:00", OLENA).start_project(p)
    s.at("2022-05-02 09:10", OLENA).add_project_partner(p, org("dih_kpi"), "експерти DIH для промоції грантів I4MS")
    kpis = [  # key, name, unit, level, target (synthetic), documented result for 2022
        ("wins", "Виграні конкурси I4MS та EIT", "конкурсів", RL.OUTCOME, 5, 8),
        ("beneficiaries", "Українські бенефіціари", "організацій", RL.OUTCOME, 10, 15),
        ("funding", "Залучене фінансування", "тис. EUR", RL.IMPACT, 500, 700),
    ]
    for key, name, unit, level, target, result in kpis:
        k = Ref(f"kpi:eif:{key}")
        s.at("2022-05-02 09:20", OLENA, creates=k).define_kpi(
            p, f"{name} (ціль {SYNTHETIC})", unit, level, n(0), n(target)
        )
        s.at("2023-01-16 10:00", OLENA).measure_kpi(
            p, k, n(result), d("2022-12-31"), f"{UCA_REPORT}: понад {result}" if key == "funding" else UCA_REPORT
        )

    g = EIC
    s.at("2022-07-11 10:10", TARAS, creates=g).prospect_application(
        "Консорціум підтримки стартапів: 6 іноземних і 5 українських партнерів",
        org("eic"),
        org("appau"),
        TARAS,
        m("2000000", "EUR"),
        programme="European Innovation Council",
        call_name="EIC startup support (бюджет 20 млн євро)",
        call_reference=f"сума запиту й дедлайн {SYNTHETIC}",
        deadline=moment("2022-10-27 18:00"),
    )
    s.at("2022-07-18 10:00", TARAS).start_drafting(g)
    s.at("2022-07-18 10:10", TARAS).link_application_to_project(g, p)
    role = f"партнер консорціуму (склад не названо в джерелах, {SYNTHETIC})"
    partners = [*(f"cz{i}" for i in range(1, 5)), "eic_foreign1", "eic_foreign2", "dih_kpi", "khai", "kh_iam", "zp_iam"]
    for i, key in enumerate(partners):
        s.at(f"2022-10-{10 + i // 4:02d} 11:{i:02d}", TARAS).add_consortium_partner(g, org(key), role)
    s.at("2022-10-20 10:00", TARAS, reason=f"Оцінка {SYNTHETIC}").estimate_win_probability(g, 30)
    s.at("2022-10-26 17:30", TARAS).submit_application(g, d("2022-10-26"))
    s.at("2022-11-15 10:00", TARAS).mark_under_review(g)
    s.at("2023-05-15 10:00", OLENA).hand_over_application(g, OLENA)

    sponsor = Ref("grant:eif-office")
    s.at("2023-01-16 11:00", OLENA, creates=sponsor).prospect_application(
        "Проєктний офіс EIF для кластерів УКА: пошук спонсора",
        org("unnamed_funder"),
        org("i4u"),
        OLENA,
        m("55000", "EUR"),
        programme="Спонсорство / донорська підтримка",
        call_reference=f"донора ще не визначено; сума — {UCA_REPORT}",
    )
    s.at("2023-01-16 11:10", OLENA).link_application_to_project(sponsor, p)
    s.at("2023-03-06 10:00", OLENA, reason=f"Оцінка {SYNTHETIC}").estimate_win_probability(sponsor, 20)


def center_khai(s: Script) -> None:
    s.story = "Центр 4.0 ХАІ"
    p, g = KHAI_PROJECT, KHAI
    s.at("2022-12-12 10:00", IRYNA, creates=p).propose_project(
        "KH-C40",
        "Центр 4.0 ХАІ: вступ до європейської мережі DIH",
        org("khai"),
        IRYNA,
        Priority.WOW,
        Category.ECOSYSTEM_ORCHESTRATION,
        f"Масштабний проєкт Центру 4.0 «ХАІ» з використанням досвіду програми EIF; консультації з АППАУ та "
        f"учасниками УКА почались у грудні; шанси на фінансування до 2,5 млн євро ({UCA_REPORT}).",
        ["Харків"],
        "Innovation development",
        ["DIH", "інновації", "Індустрія 4.0"],
    )
    s.at("2022-12-12 10:10", IRYNA).add_project_partner(p, org("appau"), "консультації, досвід EIF")
    s.at("2022-12-12 10:20", IRYNA).add_project_partner(p, org("kh_iam"), "учасник консультацій")
    s.at("2023-02-06 10:00", IRYNA).develop_project_concept(p)
    s.at("2023-02-06 10:10", IRYNA).plan_project(p, m("2500000", "EUR"), True, None, None)
    s.at("2023-02-06 10:20", IRYNA).answer_project_checklist(p, ALL_YES)
    s.at("2023-03-13 15:00", SHEVCHUK).approve_project(p)
    s.at("2023-03-14 10:00", IRYNA).link_memorandum_to_project(KH_MEMO, p)
    s.at("2022-12-12 10:30", IRYNA, creates=g).prospect_application(
        "Центр 4.0 ХАІ",
        org("unnamed_funder"),
        org("khai"),
        IRYNA,
        m("2500000", "EUR"),
        programme="Консультації з донорами",
        call_reference="донора не названо; «до 2,5 млн євро»",
    )
    s.at("2022-12-12 10:40", IRYNA).link_application_to_project(g, p)
    s.at("2023-03-13 15:10", IRYNA).start_drafting(g)
    s.at(
        "2023-03-13 15:20", IRYNA, reason=f"«Має всі шанси» ({UCA_REPORT}); відсоток {SYNTHETIC}"
    ).estimate_win_probability(g, 70)
    s.at("2023-09-18 10:00", IRYNA, reason=f"Дедлайн {SYNTHETIC}").set_deadline(g, moment("2024-03-14 17:00"))


def gdt_textile(s: Script) -> None:
    s.story = "GDT Textile"
    p, g = GDT_PROJECT, GDT
    s.at("2023-02-20 10:00", OLENA, creates=p).propose_project(
        "GDT-TEX",
        "GDT Textile: галузевий механізм подвійного переходу в легкій промисловості",
        org("appau"),
        OLENA,
        Priority.WOW,
        Category.SYSTEM_TRANSFORMATION,
        "Мікрогрант на 4 місяці з бюджетом 43 тис. євро: масова діагностика цифрової та зеленої зрілості (ADMA) "
        "понад 150 МСП, 80 ініціатив для бізнесу, Дорожня карта подвійного переходу, альянс TTT (посібник кращих "
        "практик УКА, 3.6.3).",
        ["Хмельницький", "Київ"],
        "Innovation development",
        ["Twin Transition", "легка промисловість", "synthetic"],
    )
    s.at("2023-02-20 10:10", OLENA, creates=g).prospect_application(
        "GDT Textile: Дорожня карта подвійного переходу",
        org("unnamed_funder"),
        org("appau"),
        OLENA,
        m("43000", "EUR"),
        programme="Мікрогранти (4 місяці)",
        call_reference=f"донор не названий; дати {SYNTHETIC}",
    )
    s.at("2023-02-20 10:20", OLENA).link_application_to_project(g, p)
    s.at("2023-02-27 10:00", OLENA).start_drafting(g)
    s.at("2023-02-27 10:10", OLENA).develop_project_concept(p)
    s.at("2023-03-15 17:00", OLENA).submit_application(g, d("2023-03-15"))
    s.at("2023-04-12 12:00", OLENA).record_award(g, m("43000", "EUR"), d("2023-04-12"))
    s.at("2023-04-12 12:10", PETRENKO).approve_project(p)
    s.at("2023-04-25 12:00", OLENA).record_contract(g, d("2023-04-25"), d("2023-05-01"), d("2023-08-31"))
    s.at("2023-04-25 12:10", OLENA).plan_project(p, m("43000", "EUR"), False, d("2023-05-01"), d("2023-08-31"))
    s.at("2023-05-01 09:00", OLENA).start_grant_implementation(g)
    s.at("2023-05-01 09:10", OLENA).start_project(p)
    s.at("2023-05-01 09:20", OLENA).answer_project_checklist(p, ALL_YES)
    for i, (name, unit, level, target) in enumerate(
        (
            ("МСП, охоплені діагностикою ADMA", "МСП", RL.OUTPUT, 120),
            ("Ініціативи для бізнесу (драйвери цінності)", "ініціатив", RL.OUTPUT, 50),
        )
    ):
        s.at("2023-05-01 09:30", OLENA, creates=Ref(f"kpi:gdt:{i}")).define_kpi(
            p, f"{name} (ціль {SYNTHETIC})", unit, level, n(0), n(target)
        )
    s.at("2023-06-30 16:00", OLENA).measure_kpi(
        p, Ref("kpi:gdt:0"), n(70), d("2023-06-30"), f"Проміжні дані {SYNTHETIC}"
    )
    s.at("2023-09-04 10:00", OLENA).measure_kpi(
        p, Ref("kpi:gdt:0"), n(150), d("2023-08-31"), "Посібник кращих практик УКА, 3.6.3: понад 150 МСП"
    )
    s.at("2023-09-04 10:10", OLENA).measure_kpi(
        p, Ref("kpi:gdt:1"), n(80), d("2023-08-31"), "Посібник кращих практик УКА, 3.6.3"
    )
    money_flow(
        s,
        g,
        "gdt",
        "2023-05-01 09:40",
        TARAS,
        [("30100", "EUR", "2023-05-10", "2023-05-12"), ("12900", "EUR", "2023-09-30", "2023-10-09")],
        [(ReportKind.FINAL, "2023-09-30", "2023-09-28"), (ReportKind.FINANCIAL, "2023-09-30", "2023-09-29")],
    )
    s.at("2023-09-29 10:00", OLENA).complete_project(p)
    s.at("2023-10-16 10:00", TARAS).close_grant(g)
