"""Practices of the UCA handbook (seed 004, section 3) kept as projects in the portfolio, and the
Kharkiv–Kazakhstan conference, moved to 2022 (seed 001; the sources say nothing of it after that).

The summaries quote the handbook's documented results (reached over several years, some after 2023);
every KPI target and measurement below is invented, so each of these projects is marked illustrative.
"""

from __future__ import annotations

from domain.enums import Category, Priority
from domain.enums import ResultLevel as RL
from portfolio.demo.script import ALL_YES, BOARD, IRYNA, OLENA, TARAS, Ref, Script, d, m, moment, n, org

HANDBOOK = "посібник кращих практик УКА"
# code: (org, title, priority, category, summary, region, tags)
PRACTICES = {
    "KH-IT-BC": ("kh_it", "Boot Camp: інкубаційна програма зі створення цифрових рішень", Priority.NOW,
                 Category.TALENT_SYSTEMS,
                 f"Міждисциплінарні команди студентів створюють продукти під менторством ІТ-компаній. За п'ять років: "
                 f"понад 2000 заявок, близько 500 учасників, 20 компаній-менторів, 28 прототипів ({HANDBOOK}, 3.1.2).",
                 "Харків", ["освіта", "стартапи"]),
    "HEAT-CV": ("heat", "Company Visit: регулярні візити на виробництва учасників", Priority.NOW,
                Category.TRUST_BUILDING,
                f"Щомісячні візити: пітч CEO, вихід у цех (гемба), рефлексія та метчмейкінг. До візитів залучено "
                f"18 МСП, реалізовано 4 прямі B2B-угоди ({HANDBOOK}, 3.2.3).",
                "Київ", ["нетворкінг", "B2B"]),
    "VIN-VC": ("vinnytsia", "Ланцюги доданої вартості у приладобудуванні", Priority.WOW, Category.VALUE_CHAINS,
               f"Кластер як «безпечний брокер» між R&D-розробниками та недозавантаженими заводами: NDA, закритий "
               f"метчмейкінг, ліцензійні угоди. Результати: 6 ключових учасників, 3 ліцензійні угоди, 4 продуктові "
               f"лінійки ({HANDBOOK}, 3.4.1).",
               "Вінниця", ["R&D", "ліцензування"]),
    "UFOOD-2C": ("ufood", "U-Food 2Chains: спільний експорт харчових МСП під єдиним брендом", Priority.NOW,
                 Category.MARKET_ACCESS,
                 f"Продуктові групи, центр експортного консалтингу, спільні стенди U-Food. За час війни — 803 "
                 f"експортні угоди, 52 міжнародні події; 137 учасників, з них 115 МСП ({HANDBOOK}, 3.5.3).",
                 "Черкаси", ["експорт"]),
    "LVIV-CHK": ("lviv_med", "«Чек-ап Львів»: платформа медичних чекапів", Priority.NOW,
                 Category.ECOSYSTEM_ORCHESTRATION,
                 f"Проєкт GIZ: понад 25 приватних клінік навколо профілактичної медицини, понад 10 000 переходів на "
                 f"платформу ({HANDBOOK}, 3.3.1).",
                 "Львів", ["GIZ", "сервіси для МСП"]),
}  # fmt: skip
# code: (proposed, concept, approved, started, completed or None, by)
STAGES = {
    "KH-IT-BC": ("2021-01-18 11:00", "2021-01-25", "2021-02-08", "2021-03-01", None, IRYNA),
    "VIN-VC": ("2021-03-22 11:00", "2021-04-12", "2021-05-10", "2021-06-01", None, TARAS),
    "LVIV-CHK": ("2021-04-12 11:00", "2021-04-26", "2021-05-17", "2021-06-01", "2022-12-16", TARAS),
    "UFOOD-2C": ("2022-02-07 11:00", "2022-02-14", "2022-04-11", "2022-04-18", None, TARAS),
    "HEAT-CV": ("2023-04-03 11:00", "2023-04-10", "2023-04-24", "2023-05-02", None, TARAS),
}
# code: [(kpi, unit, level, target, [(measured on, value)])] — all invented
KPIS = {
    "KH-IT-BC": [("Заявки на участь за сезон", "заявок", RL.OUTPUT, 400, [("2021-12-20", 380), ("2022-12-19", 290),
                                                                        ("2023-12-18", 430)]),
                 ("Прототипи й цифрові продукти за сезон", "прототипів", RL.OUTCOME, 6, [("2021-12-20", 5),
                                                                                        ("2023-12-18", 6)])],
    "VIN-VC": [("Ліцензійні угоди між розробниками та виробниками", "угод", RL.OUTCOME, 3, [("2022-06-30", 1),
                                                                                       ("2023-06-30", 2)])],
    "LVIV-CHK": [("Клініки на платформі", "клінік", RL.OUTPUT, 20, [("2021-12-31", 12), ("2022-12-16", 22)])],
    "UFOOD-2C": [("Експортні угоди учасників", "угод", RL.IMPACT, 300, [("2022-12-31", 180), ("2023-12-29", 390)]),
                 ("Спільні стенди на міжнародних виставках", "подій", RL.OUTPUT, 10, [("2023-12-29", 14)])],
    "HEAT-CV": [("МСП, залучені до візитів", "МСП", RL.OUTPUT, 15, [("2023-09-29", 9), ("2023-12-22", 14)]),
                ("Прямі B2B-угоди за результатами візитів", "угод", RL.OUTCOME, 3, [("2023-12-22", 2)])],
}  # fmt: skip
SECTIONS = {"KH-IT-BC": "3.1.2", "HEAT-CV": "3.2.3", "VIN-VC": "3.4.1", "UFOOD-2C": "3.5.3", "LVIV-CHK": "3.3.1"}
# What else was invented, beside KPIs and dates
INVENTED = {"LVIV-CHK": ", бюджет (60 000 EUR, оцінка)", "HEAT-CV": ", графік візитів"}


def practice(code: str) -> Ref:
    return Ref(f"project:{code}")


def script(s: Script) -> None:
    for code, (key, title, priority, category, summary, region, tags) in PRACTICES.items():
        s.story = title
        p = practice(code)
        proposed, concept, approved, started, completed, by = STAGES[code]
        s.propose(p, proposed, by, code, key, priority, category, title, summary, [region], "", [*tags, "практика УКА"])
        s.at(proposed, by).mark_illustrative(
            p,
            f"Цілі та вимірювання KPI, дати етапів{INVENTED.get(code, '')} вигадані; опис і результати в резюме — з "
            f"посібника кращих практик УКА (розд. {SECTIONS[code]}).",
        )
        s.at(concept, by).develop_project_concept(p)
        s.at(concept, by).answer_project_checklist(p, ALL_YES)
        s.at(approved, by, reason=BOARD).approve_project(p)
        s.at(started, by).start_project(p)
        for i, (name, unit, level, target, measurements) in enumerate(KPIS[code]):
            k = Ref(f"kpi:{code}:{i}")
            s.at(started, by, creates=k).define_kpi(p, name, unit, level, n(0), n(target))
            for measured_on, value in measurements:
                s.at(f"{measured_on} 17:00", by).measure_kpi(
                    p, k, n(value), d(measured_on), "Звіт координатора кластеру"
                )
        if completed:
            s.at(completed, by).complete_project(p)

    s.story = "Boot Camp"
    s.at("2021-03-01 10:30", IRYNA).plan_project(practice("KH-IT-BC"), None, False, d("2021-03-01"), None)
    s.at("2022-03-28 10:00", IRYNA).record_unplanned_result(
        practice("KH-IT-BC"), f"Онлайн-формат дав програмі національне охоплення ({HANDBOOK}, 3.1.2)", d("2022-03-28")
    )
    s.story = "«Чек-ап Львів»"
    s.at("2021-05-17 12:00", TARAS).add_project_partner(practice("LVIV-CHK"), org("giz"), "донор: запуск платформи")
    s.at("2021-05-17 12:10", TARAS, reason="Бюджет — оцінка").plan_project(
        practice("LVIV-CHK"), m("60000", "EUR"), True, d("2021-06-01"), d("2022-12-31")
    )
    s.story = "Company Visit"
    for i, (due, done) in enumerate(
        (("2023-05-26", "2023-05-26"), ("2023-06-30", "2023-06-29"), ("2023-09-29", "2023-10-06"), ("2023-12-22", None))
    ):
        ms = Ref(f"milestone:heat:{i}")
        s.at("2023-05-02 12:00", TARAS, creates=ms).add_milestone(
            practice("HEAT-CV"), f"Візит на виробництво учасника №{i + 1}", d(due)
        )
        if done:
            s.at(f"{done} 18:00", TARAS).reach_milestone(practice("HEAT-CV"), ms, d(done))
    s.story = "Ланцюги приладобудування"
    s.at("2023-01-16 10:00", TARAS, reason=BOARD).classify_project(
        practice("VIN-VC"),
        Priority.NOW,
        Category.VALUE_CHAINS,
        "",
        ["Вінниця", "Житомир"],
        ["R&D", "ліцензування", "оборонні технології", "практика УКА"],
    )

    kazakhstan(s)
    applications(s)


def kazakhstan(s: Script) -> None:
    s.story = "Конференція з Казахстаном"
    p = s.propose(
        Ref("project:kh-kz"), "2021-06-07 11:00", IRYNA, "KH-KZ", "kh_iam", Priority.HOW, Category.MARKET_ACCESS,
        "Українсько-казахська конференція кластерів ІАМ",
        "Ініціатива Харківського кластеру: візити, обміни, виставка в Караганді (червень 2021); велику конференцію "
        "пересунуто на 2022 (фінальний звіт ClusteRISE).",
        ["Харків"], "Smart Export", ["експорт", "Центральна Азія"],
        invented="Дати етапів і строк конференції (червень 2022) вигадані: фінальний звіт ClusteRISE каже лише, що "
        "плани великої україно-казахської конференції пересунуто на 2022; що було далі, джерела не кажуть.",
    )  # fmt: skip
    s.at("2021-06-07 11:10", IRYNA).answer_project_checklist(
        p, {"real_business_pain": True, "several_stakeholder_types": True, "builds_trust": True}
    )
    s.at("2021-09-06 10:00", IRYNA).develop_project_concept(p)
    s.at("2021-10-04 10:10", IRYNA).add_milestone(p, "Конференція в Казахстані", d("2022-06-30"))
    s.at("2021-10-04 10:20", OLENA).link_initiative_to_project(Ref("initiative:clusterise:kazakhstan"), p)


def applications(s: Script) -> None:
    s.story = "Заявки кластерів-практиків, 2023"
    invented = "Заявку вигадано для демонстрації: у посібнику кращих практик УКА її немає"
    vin = s.prospect(
        Ref("grant:vinnytsia"), "2023-08-14 10:00", TARAS, "giz", "vinnytsia", m("35000", "EUR"),
        "Серійне виробництво приладів у ланцюгах доданої вартості", programme="EU4Business (GIZ)",
        deadline=moment("2023-09-29 17:00"),
        invented=f"{invented}; донор, суми, дати й рішення — демо-дані.",
    )  # fmt: skip
    s.at("2023-08-14 10:10", TARAS).link_application_to_project(vin, practice("VIN-VC"))
    s.submission(vin, TARAS, drafting="2023-08-21 10:00", submitted="2023-09-29 15:00", review="2023-10-09 10:00")
    s.award(vin, "2023-12-15 12:00", TARAS, m("32000", "EUR"))
    heat = s.prospect(
        Ref("grant:heat"), "2023-10-23 10:00", TARAS, "eu4business", "heat", m("20000", "EUR"),
        "Company Visit у регіонах: масштабування практики", programme="EU4Business",
        deadline=moment("2023-11-30 18:00"),
        invented=f"{invented}; донор, сума й дати — демо-дані.",
    )  # fmt: skip
    s.at("2023-10-23 10:10", TARAS).link_application_to_project(heat, practice("HEAT-CV"))
    s.submission(heat, TARAS, drafting="2023-10-30 10:00", submitted="2023-11-30 16:00")
