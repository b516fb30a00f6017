"""The Ukrainian Cluster Alliance: its Roadmap 2022-23 (six directions, as the report names them,
prepared in August 2022, the strategic session of 10 January 2023), the MSV Brno memorandum with four
Czech partners, and its memberships and partnerships (European Cluster Alliance, International Trade
Council, CSIA, EIT Manufacturing, TCI Network), each with what it brought or opens.

Source: the UCA annual report 2022 (seed 002), written at the end of 2022. Target dates it does not
give, progress percentages, what happened in 2023 and the wording of board decisions beyond the report
are demo data: each such record is marked illustrative, saying what was invented.
"""

from __future__ import annotations

from domain.enums import Category, CommitmentStatus, Health, MemorandumKind, PartyType, Priority
from portfolio.demo.innovation import EIF_PROJECT, KHAI_PROJECT
from portfolio.demo.script import ALL_YES, BOARD, OLENA, PETRENKO, PROGRESS, SHEVCHUK, TARAS, Ref, Script, d, org

ROADMAP = "Дорожня карта УКА 2022–2023"
REPORT = "річний звіт УКА 2022"
SESSION = "2023-01-10"  # the strategic session
# The six directions of the roadmap, as the report writes them (seed 002, lines 213-233)
GROWTH, INSTITUTIONS, CAPACITY = "Зростання", "Інституціоналізація", "Зростання спроможностей"
COOPERATION, INTERNATIONAL, INNOVATION = "Міжкластерна співпраця", "Інтернаціоналізація", "Інноваційний розвиток"
DIRECTIONS = (GROWTH, INSTITUTIONS, CAPACITY, COOPERATION, INTERNATIONAL, INNOVATION)
INVENTED = (
    f"Цільову дату, відсотки виконання, оцінки стану й усе, що сталося у 2023 році, вигадано ({REPORT} написано "
    "наприкінці 2022); напрям і зміст ініціативи — зі звіту."
)
SESSION_INVENTED = (
    "Рішення стратегічної сесії 10 січня 2023 сформульовано за пріоритетами звіту: сама сесія в ньому лише "
    "запланована. "
)

# key: (direction, title, owner, target date)
INITIATIVES = {
    "intensive": (GROWTH, "Перехід від екстенсивного до інтенсивного зростання: відбір найзріліших кластерів",
                  PETRENKO, "2023-03-31"),
    "programme": (INSTITUTIONS, "Виведення Національної програми кластерного розвитку до 2027 на державний рівень",
                  PETRENKO, "2023-12-31"),
    "export_gov": (INSTITUTIONS, "Програма Експорту – Інтернаціоналізації УКА: підтримка уряду", OLENA, "2022-12-31"),
    "comms": (INSTITUTIONS, "Комітет з комунікацій УКА: єдині стандарти та правила взаємопідтримки", OLENA,
              "2022-12-31"),
    "basic": (CAPACITY, "Рівень зрілості «Basic» (5 базових функцій) для кластерів, що виходять на міжнародну арену",
              SHEVCHUK, "2023-03-31"),
    "centres": (CAPACITY, "Ресурсні центри молодих кластерів за галузевою ознакою", SHEVCHUK, "2023-06-30"),
    "rapid": (CAPACITY, "Центри швидкого реагування як окремі ресурсні пули", SHEVCHUK, "2023-06-30"),
    "joint": (COOPERATION, "Перші спільні міжкластерні проєкти на початку 2023", TARAS, "2023-03-31"),
    "slovakia": (INTERNATIONAL, "Форум Clusters Meet Regions для українських кластерів у Словаччині", OLENA,
                 "2023-03-31"),
    "bilateral": (INTERNATIONAL, "Білатеральні угоди з Польщею, Францією та Литвою за зразком чеської", OLENA,
                  "2023-12-31"),
    "khai": (INNOVATION, "Центр 4.0 ХАІ: проєкт до 2,5 млн євро", TARAS, "2023-06-30"),
    "eif": (INNOVATION, "Спонсор або донор для проєктного офісу EIF (55 тис. євро)", OLENA, "2023-06-30"),
}  # fmt: skip
# proposed after the roadmap was approved: one planned, one still a proposal
LATE = {
    "twin": ("2023-10-16 10:00", INNOVATION, "Подвійний цифровий і зелений перехід у кластерах УКА", SHEVCHUK,
             "2024-06-30"),
    "exports": ("2023-11-20 10:00", INTERNATIONAL, "Від проєктів для кластерів — до зростання експорту їхніх членів",
                OLENA, "2024-12-31"),
}  # fmt: skip


def i(key: str) -> Ref:
    return Ref(f"initiative:uca:{key}")


def script(s: Script) -> None:
    for story in (roadmap, brno, memberships, land4developers):
        story(s)


def roadmap(s: Script) -> None:
    s.story = ROADMAP
    decided = ("intensive", "basic", "centres", "programme", "rapid")  # at the strategic session, below
    for key, (direction, title, owner, target) in INITIATIVES.items():
        s.at("2022-08-22 10:00", OLENA, creates=i(key)).propose_initiative(ROADMAP, direction, title, owner, d(target))
        s.at("2022-08-22 10:00", OLENA).mark_illustrative(
            i(key), (SESSION_INVENTED if key in decided else "") + INVENTED
        )
    for key in INITIATIVES:
        s.at(
            "2022-08-29 15:00", PETRENKO, reason="Дорожню карту підготовлено в серпні 2022 за підтримки GIZ"
        ).plan_initiative(i(key))
    for key, when in (
        ("programme", "2022-09-05"),
        ("export_gov", "2022-09-05"),
        ("comms", "2022-09-12"),
        ("basic", "2022-10-03"),
        ("khai", "2022-12-12"),
        ("eif", "2022-12-19"),
        ("intensive", SESSION),
        ("centres", SESSION),
        ("joint", "2023-01-16"),
        ("slovakia", "2023-01-16"),
        ("bilateral", "2023-02-06"),
    ):
        s.at(f"{when} 16:00", OLENA).start_initiative(i(key))
    for key, project in (("khai", KHAI_PROJECT), ("eif", EIF_PROJECT)):
        s.at("2023-02-13 12:00", OLENA).link_initiative_to_project(i(key), project)

    # 2022: what the annual report says about the year
    s.at("2022-12-20 10:00", OLENA).comment_on_initiative(
        i("comms"),
        f"АППАУ та АСТАР створили комітет з комунікацій УКА, де розпочали узгодження єдиних стандартів та правил "
        f"взаємопідтримки ({REPORT})",
    )
    s.at("2022-12-21 10:00", PETRENKO).assess_initiative_health(
        i("programme"), Health.OFF_TRACK, f"Проєкт програми не отримав просування, уряд його не розглядав ({REPORT})"
    )
    s.at("2022-12-21 10:10", PETRENKO).mark_initiative_not_done(
        i("export_gov"), f"Документ УКА (червень 2022) не отримав відповіді від Мінекономіки ({REPORT})"
    )
    s.at("2022-12-21 10:20", SHEVCHUK, reason=PROGRESS).report_initiative_progress(i("basic"), 35)

    # the strategic session of 10 January 2023, entered the next day
    decisions = {
        "intensive": "З березня 2023 екстенсивне зростання змінюється на інтенсивне: фокус на якості менеджменту",
        "basic": "Кластери, що готуються до міжнародного представлення, мають досягти рівня Basic у 1-му кварталі "
        "2023: кластерний менеджмент, нетворкінг і метчмейкінг, комунікації, фандрейзинг",
        "centres": "Молоді кластери швидше об'єднуються в ресурсні центри за галузевою ознакою",
        "programme": "Знайти ресурс для напряму GR",
        "rapid": "Концепцію центрів швидкого реагування об'єднати з ресурсними центрами",
    }
    for key, text in decisions.items():
        s.at(
            "2023-01-11 09:30", PETRENKO, effective=SESSION, reason="Стратегічна сесія УКА 10 січня 2023"
        ).record_board_decision(i(key), text, d(SESSION))
    s.at("2023-01-11 09:40", PETRENKO, effective=SESSION).drop_initiative(
        i("rapid"), "Об'єднано з ініціативою ресурсних центрів (рішення стратегічної сесії 10.01.2023)"
    )
    s.at("2023-01-11 09:50", SHEVCHUK).assess_initiative_health(
        i("basic"), Health.AT_RISK, "Більшість молодих кластерів не мають 5 базових функцій; заважає війна"
    )
    s.at("2023-01-11 10:00", OLENA).comment_on_initiative(
        i("bilateral"), f"Ризик: заборона виїзду чоловікам за кордон може зірвати заплановані конференції ({REPORT})"
    )

    # 2023
    s.at("2023-03-27 10:00", SHEVCHUK, reason=PROGRESS).report_initiative_progress(i("basic"), 55)
    s.at("2023-04-03 10:00", SHEVCHUK).postpone_initiative(
        i("basic"),
        d("2023-06-30"),
        "До кінця 1-го кварталу рівня Basic досягла меншість кластерів",
    )
    s.at("2023-04-03 10:10", SHEVCHUK).start_initiative(i("basic"))
    s.at("2023-07-03 10:00", SHEVCHUK).postpone_initiative(
        i("basic"), d("2023-12-31"), "Координатори кластерів мобілізовані або перевантажені"
    )
    s.at("2023-07-03 10:10", SHEVCHUK).assess_initiative_health(i("basic"), Health.OFF_TRACK, "Друге перенесення")
    s.at("2023-07-03 10:20", SHEVCHUK).start_initiative(i("basic"))
    s.at("2023-10-02 10:00", SHEVCHUK, reason=PROGRESS).report_initiative_progress(i("basic"), 70)
    s.at("2023-04-03 11:00", OLENA).finish_initiative(i("slovakia"))
    s.at("2023-03-20 10:00", PETRENKO, reason=PROGRESS).report_initiative_progress(i("intensive"), 80)
    s.at("2023-04-14 10:00", PETRENKO).finish_initiative(i("intensive"))
    s.at("2023-03-31 10:00", TARAS, reason=PROGRESS).report_initiative_progress(i("joint"), 40)
    s.at("2023-04-03 10:30", TARAS).postpone_initiative(
        i("joint"),
        d("2023-09-30"),
        f"Узгодження спільних проєктів потребує більше часу ({REPORT})",
    )
    s.at("2023-04-03 10:40", TARAS).start_initiative(i("joint"))
    s.at("2023-10-02 10:10", TARAS).finish_initiative(i("joint"))
    s.at("2023-06-05 10:00", SHEVCHUK, reason=PROGRESS).report_initiative_progress(i("centres"), 30)
    s.at("2023-10-02 10:20", SHEVCHUK, reason=PROGRESS).report_initiative_progress(i("centres"), 50)
    s.at("2023-06-05 10:10", TARAS, reason=PROGRESS).report_initiative_progress(i("khai"), 40)
    s.at("2023-07-03 10:30", TARAS).postpone_initiative(
        i("khai"), d("2024-03-31"), "Заявку ще готують, дедлайн донора — 2024"
    )
    s.at("2023-06-05 10:20", OLENA).assess_initiative_health(i("eif"), Health.AT_RISK, "Спонсора поки не знайдено")
    s.at("2023-06-30 10:00", OLENA).hand_over_initiative(i("eif"), TARAS)
    for key, (when, direction, title, owner, target) in LATE.items():
        s.at(when, owner, creates=i(key)).propose_initiative(ROADMAP, direction, title, owner, d(target))
        s.at(when, owner).mark_illustrative(
            i(key),
            f"Ініціативу, її дати й рішення вигадано: {REPORT} лише описує цей напрям; "
            "пропозицій 2023 року в ньому немає.",
        )
    s.at("2023-10-30 15:00", PETRENKO).plan_initiative(i("twin"))
    s.at("2023-11-27 16:00", PETRENKO).comment_on_initiative(
        i("exports"), "Розглянути на наступному засіданні правління разом із планом на 2024 рік"
    )
    s.at("2023-09-04 10:00", OLENA, reason=PROGRESS).report_initiative_progress(i("bilateral"), 35)
    s.at("2023-09-04 10:10", OLENA).assess_initiative_health(
        i("bilateral"), Health.AT_RISK, "Польська угода ще в чернетці"
    )


def brno(s: Script) -> None:
    s.story = "Меморандум MSV Брно"
    memo = Ref("memo:brno")
    s.draft(
        memo, "2022-09-26 11:00", OLENA, MemorandumKind.UNDERSTANDING,
        "Співпраця кластерів України та Чехії в сфері Індустрії 4.0 (виставка MSV, Брно)", ("i4u", PartyType.NETWORK),
    )  # fmt: skip
    s.invented(
        memo,
        "День підписання, назви чеських партнерів, зобов'язання сторін та їх строки вигадано; меморандум з 4-ма "
        "чеськими партнерами на виставці MSV у Брно як початок білатеральної угоди з Чехією — з річного звіту УКА "
        "2022.",
    )
    for n in range(1, 5):
        s.at("2022-09-26 11:10", OLENA).add_party(memo, org(f"cz{n}"), PartyType.FOREIGN_PARTNER)
    s.at("2022-09-28 10:00", OLENA).open_negotiation(memo)
    s.at(
        "2022-10-10 10:00", OLENA, effective="2022-10-05", reason=f"Підписано на виставці MSV у Брно ({REPORT})"
    ).sign_memorandum(memo, d("2022-10-05"), "Брно, виставка MSV", None, None)
    s.at("2022-10-10 10:10", OLENA).activate_memorandum(memo)
    ours, theirs = Ref("commitment:brno:uca"), Ref("commitment:brno:cz1")
    s.at("2022-10-10 10:20", OLENA, creates=ours).make_commitment(
        memo,
        org("i4u"),
        "Підготувати білатеральні угоди за групами кластерів (Чехія — перший приклад)",
        OLENA,
        d("2023-06-30"),
    )
    s.at("2022-10-10 10:30", OLENA, creates=theirs).make_commitment(
        memo, org("cz1"), "Спільні заходи з кластерами УКА в 2023 році", OLENA, d("2023-12-31")
    )
    s.at("2023-02-06 16:10", OLENA).update_commitment(memo, ours, CommitmentStatus.IN_PROGRESS)
    s.at("2023-05-29 10:00", OLENA).update_commitment(memo, theirs, CommitmentStatus.IN_PROGRESS)

    poland = Ref("memo:poland")
    s.draft(
        poland, "2023-05-15 10:00", OLENA, MemorandumKind.COOPERATION, "Білатеральна угода кластерів України та Польщі",
        ("i4u", PartyType.NETWORK),
    )  # fmt: skip
    s.invented(
        poland,
        f"Чернетку, її дати й передачу вигадано: {REPORT} лише планує на 2023 такі угоди з Польщею, "
        "Францією та Литвою.",
    )
    s.at("2023-09-04 10:20", OLENA).hand_over_memorandum(poland, TARAS)


def memberships(s: Script) -> None:
    s.story = "Членство УКА в мережах"
    # The memberships and partnerships the report names among UCA's 13 agreements (seed 002, lines 73-85),
    # each with what it brought in 2022 or opens: key, kind, subject, drafted, signed (days invented),
    # the commitment, whether the report says it was fulfilled in 2022.
    items = [
        ("eca", MemorandumKind.NETWORK_MEMBERSHIP, "Членство в Європейському кластерному альянсі", "2022-05-16",
         "2022-06-01", "Залучати кластери УКА до програм Європейського кластерного альянсу та Єврокомісії", False),
        ("eit_m", MemorandumKind.PARTNERSHIP, "Партнерство з EIT Manufacturing", "2022-05-16", "2022-06-15",
         "Участь українських компаній і стартапів в EIT Jumpstarter та EIT Community Artificial Intelligence", True),
        ("csia", MemorandumKind.NETWORK_MEMBERSHIP, "Членство в Асоціації системних інтеграторів (CSIA)",
         "2022-06-06", "2022-07-01", "Відкрити українським системним інтеграторам доступ до мережі CSIA", False),
        ("itc", MemorandumKind.NETWORK_MEMBERSHIP, "Членство в Міжнародній раді торгівлі (International Trade Council)",
         "2022-06-06", "2022-06-20", "Участь УКА як партнера у трьох бізнес-форумах ITC: Стамбул (липень), Таллінн "
         "(жовтень) та онлайн (грудень)", True),
        ("tci", MemorandumKind.NETWORK_MEMBERSHIP, "Членство в глобальному кластерному альянсі TCI Network",
         "2022-06-06", "2022-11-07", "Знаходити партнерів у кластерах більшості країн світу для участі в "
         "міжнародних проєктах", False),
    ]  # fmt: skip
    for key, kind, subject, drafted, signed, promise, fulfilled in items:
        memo = Ref(f"memo:member:{key}")
        s.draft(memo, f"{drafted} 12:00", OLENA, kind, subject, ("i4u", PartyType.NETWORK), (key, PartyType.NETWORK))
        s.at(f"{drafted} 12:00", OLENA).mark_illustrative(
            memo,
            "Дати підготовки, приєднання й оновлення стану вигадано; членство й зобов'язання — з річного звіту УКА "
            "2022.",
        )
        s.at(f"{signed} 12:00", OLENA).sign_memorandum(memo, d(signed), "онлайн", None, None)
        commitment = Ref(f"commitment:member:{key}")
        if key != "tci":  # joined in November: the report says what it opens, not what began
            s.at(f"{signed} 12:10", OLENA).activate_memorandum(memo)
        s.at(f"{signed} 12:20", OLENA, creates=commitment).make_commitment(memo, org(key), promise, OLENA, None)
        s.at("2022-12-20 11:00", OLENA, reason=REPORT).update_commitment(
            memo, commitment, CommitmentStatus.DONE if fulfilled else CommitmentStatus.IN_PROGRESS
        )
    s.at("2022-12-20 11:10", OLENA).link_memorandum_to_project(Ref("memo:member:eit_m"), EIF_PROJECT)


def land4developers(s: Script) -> None:
    s.story = "Land4Developers"
    marketplace = s.propose(
        Ref("project:land4developers"), "2023-11-20 11:00", OLENA, "UCA-L4D", "i4u", Priority.HOW,
        Category.MARKET_ACCESS, "Маркетплейс Land4Developers",
        "Новий інструмент УКА для виводу на експорт інноваційних МСП з промислових секторів та інжинірингових "
        f"компаній; має стати інформаційним і нетворкінговим хабом для Східної Європи ({REPORT}).",
        ["Україна"], INTERNATIONAL, ["експорт", "платформа"],
    )  # fmt: skip
    s.at("2023-11-20 11:00", OLENA).mark_illustrative(
        marketplace,
        "Дати (пропозиція в листопаді 2023, старт у січні 2024) і відповіді контрольного списку вигадано; опис — з "
        f"{REPORT}, де маркетплейс уже названо новим інструментом УКА.",
    )
    s.at("2023-11-20 11:10", OLENA).plan_project(marketplace, None, False, d("2024-01-15"), None)
    s.at("2023-11-27 10:00", OLENA, reason=BOARD).answer_project_checklist(
        marketplace, {**ALL_YES, "members_invest": False, "measurable": False}
    )
