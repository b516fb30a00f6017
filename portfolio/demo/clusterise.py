"""ClusteRISE (Aug 2020 – Nov 2021): the project, its GIZ grant, KPIs per region, its Smart roadmap,
and the memoranda around it (APPAU – Zaporizhzhia CCI, spring 2019; Kharkiv City Council, 27 Oct 2021).

Source: the ClusteRISE final report (seed 001), whose project manager, Олександр Юрчак, leads the
project here. KPI targets, the 20-of-25 members, the dates of the strategy session, ClusterWeek, the
round table and the memorandum are documented; the records with anything else (the grant's amount
and tranches, the other measurements, target dates) are marked illustrative, saying what was invented.
"""

from __future__ import annotations

from domain.enums import Category, CommitmentStatus, Health, MemorandumKind, PartyType, Priority, ReportKind
from domain.enums import ResultLevel as RL
from portfolio.demo.script import (
    ALL_YES,
    ANDRII,
    BOARD,
    IRYNA,
    OLENA,
    PETRENKO,
    PROGRESS,
    SHEVCHUK,
    TARAS,
    Ref,
    Script,
    d,
    m,
    n,
    org,
)

CLUSTERISE = Ref("project:clusterise")
GRANT = Ref("grant:clusterise")
ZP_MEMO = Ref("memo:appau-zp-cci")
KH_MEMO = Ref("memo:kharkiv-city")
ROADMAP = "Дорожня карта ClusteRISE 2020–2021"
SOURCE = "Фінальний звіт ClusteRISE"
LEAD = "Олександр Юрчак"  # "Керівник проєкту ClusteRISE" (seed 001, lines 25-26)

REGIONS = {"kh": "Харків", "zp": "Запоріжжя"}
# key: (name, unit, level, documented target) — the five KPIs of the project plan, per region (001, 114-118)
KPIS = {
    "members": ("постійні учасники кластеру", "юр. осіб", RL.OUTCOME, 25),
    "team": ("виконавча дирекція кластеру", "осіб", RL.OUTPUT, 2),
    "plans": ("участь у регіональних планах розвитку", "%", RL.OUTCOME, 30),
    "eu_projects": ("європейські проєкти інноваційного розвитку", "проєктів", RL.OUTCOME, 1),
    "eu_partners": ("європейські партнери", "партнерів", RL.OUTCOME, 2),
    "services": ("регулярні сервіси для членів (фандрейзинг, експортний маркетинг)", "сервісів", RL.OUTPUT, 2),
}
# (measured on, recorded on, by, source, {(region, kpi): value})
MEASUREMENTS = [
    ("2021-01-29", "2021-02-02 11:00", OLENA, "Проміжний огляд правління, січень 2021",
     {("kh", "members"): 9, ("zp", "members"): 12, ("kh", "team"): 1, ("zp", "team"): 1}),
    ("2021-06-30", "2021-07-06 15:00", OLENA, "Піврічний звіт донору",
     {("kh", "members"): 15, ("zp", "members"): 17, ("kh", "plans"): 5, ("zp", "plans"): 10,
      ("kh", "eu_partners"): 1, ("zp", "eu_partners"): 1, ("kh", "services"): 1, ("zp", "services"): 0}),
    ("2021-11-30", "2021-12-08 10:00", OLENA, f"{SOURCE}, розд. 7: 20 учасників при плані 25 в обох кластерах",
     {("kh", "members"): 20, ("zp", "members"): 20}),
    ("2021-11-30", "2021-12-08 10:30", OLENA, "Оцінка керівництва проєкту, листопад 2021",
     {("kh", "team"): 2, ("zp", "team"): 1, ("kh", "plans"): 10, ("zp", "plans"): 15, ("kh", "eu_projects"): 0,
      ("zp", "eu_projects"): 0, ("kh", "eu_partners"): 2, ("zp", "eu_partners"): 3, ("kh", "services"): 1,
      ("zp", "services"): 1}),
]  # fmt: skip


def kpi_name(region: str, key: str) -> str:
    name, unit, _, target = KPIS[key]
    return f"{REGIONS[region]}: {name} (≥ {target} {unit})"


def kpi(region: str, key: str) -> Ref:
    return Ref(f"kpi:clusterise:{region}:{key}")


def script(s: Script) -> None:
    for story in (zaporizhzhia_memorandum, grant, project, smart_roadmap, kharkiv_memorandum):
        story(s)


def zaporizhzhia_memorandum(s: Script) -> None:
    s.story = "Меморандум АППАУ – Запорізька ТПП"
    commitments = (Ref("commitment:zp-cci:convene"), Ref("commitment:zp-cci:concept"))
    s.draft(
        ZP_MEMO, "2019-03-12 10:00", OLENA, MemorandumKind.UNDERSTANDING,
        "Створення кластеру ІАМ у Запорізькому регіоні", ("appau", PartyType.CLUSTER), ("zp_cci", PartyType.NETWORK),
    )  # fmt: skip
    s.at("2019-03-25 16:00", OLENA).open_negotiation(ZP_MEMO)
    s.invented(
        ZP_MEMO,
        f"День підписання, строк дії й зобов'язання сторін вигадані: {SOURCE} (розд. 3) каже лише, "
        "що АППАУ підписала з Запорізькою ТПП меморандум про створення кластеру ІАМ навесні 2019.",
    )
    s.at(
        "2019-04-22 12:00", OLENA, effective="2019-04-18", reason=f"Підписано навесні 2019 ({SOURCE}, розд. 3)"
    ).sign_memorandum(ZP_MEMO, d("2019-04-18"), "Запоріжжя", None, d("2021-12-31"))
    s.at("2019-04-22 12:10", OLENA, creates=commitments[0]).make_commitment(
        ZP_MEMO, org("zp_cci"), "Регулярно збирати потенційних учасників кластеру ІАМ у Запоріжжі", ANDRII, None
    )
    s.at("2019-04-22 12:12", OLENA, creates=commitments[1]).make_commitment(
        ZP_MEMO, org("appau"), "Надати концепцію кластерів ІАМ і методичну підтримку запуску", OLENA, d("2019-12-31")
    )
    s.at("2019-05-06 09:00", OLENA).activate_memorandum(ZP_MEMO)
    s.at("2019-09-16 10:00", ANDRII).update_commitment(ZP_MEMO, commitments[0], CommitmentStatus.IN_PROGRESS)
    s.at("2019-12-20 10:00", OLENA).update_commitment(ZP_MEMO, commitments[1], CommitmentStatus.DONE)
    s.at(
        "2020-02-05 10:30", ANDRII, reason=f"Запорізький кластер ІАМ розпочав регулярну роботу в лютому 2020 ({SOURCE})"
    ).update_commitment(ZP_MEMO, commitments[0], CommitmentStatus.DONE)
    s.at("2020-08-10 12:00", OLENA).link_memorandum_to_project(ZP_MEMO, CLUSTERISE)
    s.at("2022-01-10 09:00", TARAS).expire_memorandum(ZP_MEMO)


def grant(s: Script) -> None:
    s.story = "Грант GIZ на ClusteRISE"
    s.prospect(
        GRANT, "2020-06-01 10:00", OLENA, "giz", "appau", m("180000", "EUR"),
        "ClusteRISE: розвиток кластерів ІАМ у Харкові та Запоріжжі",
        programme="EU4Business: Конкурентоспроможність та інтернаціоналізація МСП (ЄС та уряд Німеччини через GIZ)",
        call_name="Підтримка кластерного розвитку",
        invented=f"Суму запиту й гранту (180 000 EUR), транші, дати й звітність вигадано: {SOURCE} не наводить сум; "
        "задокументовано програму, донора (ЄС та уряд Німеччини через GIZ) і період серпень 2020 – листопад 2021.",
    )  # fmt: skip
    s.submission(GRANT, OLENA, drafting="2020-06-03 09:30", submitted="2020-06-26 17:00", review="2020-07-01 10:00")
    s.award(GRANT, "2020-07-20 12:00", OLENA, m("180000", "EUR"), effective="2020-07-17")
    s.contract(GRANT, "2020-07-30 15:00", OLENA, "2020-08-01", "2021-11-30", implementation="2020-08-03 09:00")
    s.money_flow(GRANT, "clusterise", "2020-08-03 09:10", TARAS,
                 [("72000", "EUR", "2020-08-15", "2020-08-20"), ("72000", "EUR", "2021-03-15", "2021-03-19"),
                  ("36000", "EUR", "2021-12-31", "2022-01-14")],
                 [(ReportKind.INTERIM, "2021-02-28", "2021-02-26"), (ReportKind.FINAL, "2021-12-15", "2021-12-14"),
                  (ReportKind.FINANCIAL, "2021-12-31", "2021-12-28")])  # fmt: skip
    s.at("2022-01-20 10:00", TARAS).close_grant(GRANT)


def project(s: Script) -> None:
    s.story = "ClusteRISE"
    p = s.propose(
        CLUSTERISE, "2020-06-15 11:00", OLENA, "CR-2020", "appau", Priority.NOW, Category.ECOSYSTEM_ORCHESTRATION,
        "ClusteRISE: розвиток кластерів ІАМ у Харківському та Запорізькому регіонах",
        "Підтримка розвитку 2-х експортно-орієнтованих кластерів ІАМ (інжиніринг – автоматизація – машинобудування) у "
        "регіонах Запоріжжя та Харкова. Фінансування ЄС та уряду Німеччини через GIZ (програма EU4Business); "
        f"виконавець — АППАУ; серпень 2020 – листопад 2021; керівник проєкту — {LEAD}.",
        ["Харків", "Запоріжжя"], "Smart Organization / Smart Product / Smart Export",
        ["GIZ", "EU4Business", "кластери ІАМ"], owner=LEAD,
        invented="Бюджет (180 000 EUR, оцінка), базові значення KPI, проміжні вимірювання (крім 20 учасників при "
        "плані 25), переглянута ціль участі в планах Запоріжжя та початкові строки віх вигадані; у фінальному звіті "
        "ClusteRISE їх немає.",
    )  # fmt: skip
    s.at("2020-06-22 10:00", OLENA).develop_project_concept(p)
    s.at("2020-07-20 12:30", OLENA, reason=BOARD).approve_project(p)
    s.at("2020-07-20 12:40", OLENA, reason="Бюджет — оцінка: у звітах суму не наведено").plan_project(
        p, m("180000", "EUR"), True, d("2020-08-01"), d("2021-11-30")
    )
    s.at("2020-07-21 10:00", OLENA).link_application_to_project(GRANT, p)
    s.partners(p, "2020-07-21 10:10", OLENA, {
        "kh_iam": "регіональний кластер-бенефіціар", "zp_iam": "регіональний кластер-бенефіціар",
        "zp_cci": "лідер кластерної ініціативи в Запоріжжі", "giz": "донор і впроваджувальна агенція",
    })  # fmt: skip
    s.at("2020-07-21 10:20", OLENA).answer_project_checklist(p, {**ALL_YES, "members_invest": False})
    s.at("2020-08-03 09:30", OLENA, effective="2020-08-01").start_project(p)

    kpi_reason = f"KPI з плану проєкту, серпень 2020 ({SOURCE}, розд. 3); базове значення 0 — відлік від старту"
    for region in REGIONS:
        for key, (_, unit, level, target) in KPIS.items():
            s.at("2020-08-10 11:00", OLENA, reason=kpi_reason, creates=kpi(region, key)).define_kpi(
                p, kpi_name(region, key), unit, level, n(0), n(target)
            )
    for measured_on, recorded, actor, source, values in MEASUREMENTS:
        for (region, key), value in values.items():
            s.at(recorded, actor).measure_kpi(p, kpi(region, key), n(value), d(measured_on), source)
    s.at("2021-01-22 16:00", ANDRII, effective="2021-01-22").revise_kpi_target(
        p,
        kpi("zp", "plans"),
        n(20),
        "План проєкту суттєво скориговано в січні 2021: восени 2020 з'ясувалося, що ні місто, ні область не мають "
        "проєктів у сфері кластеру ІАМ.",
    )

    milestones = [  # key, title, due (as first planned), done
        ("session", "Стратегічна сесія Запорізького кластеру ІАМ", "2020-12-22", "2020-12-22"),
        ("tid", "Технологічно-інноваційні дні в Запоріжжі та Харкові", "2021-03-31", "2021-03-26"),
        ("week", "Український кластерний тиждень ClusterWeek, 26–28 квітня", "2021-04-28", "2021-04-28"),
        ("forum", "Перший форум кластерів ІАМ у Миколаєві", "2021-07-31", "2021-07-16"),
        ("meetup", "Технологічний мітап «САПР у машинобудуванні», Харків", "2021-08-31", "2021-08-26"),
        ("roles", "Розподіл ролей і функцій у правлінні кластерів", "2021-03-31", None),
        ("final", "Заключна конференція проєкту, Запоріжжя", "2021-08-31", "2021-11-25"),
    ]
    for key, title, due, _ in milestones:
        s.at("2020-08-10 12:00", OLENA, creates=Ref(f"milestone:clusterise:{key}")).add_milestone(p, title, d(due))
    replan = f"План скориговано в січні 2021, період проєкту подовжено до кінця листопада 2021 ({SOURCE}, розд. 7)"
    s.at("2021-01-22 16:10", OLENA).reschedule_milestone(p, Ref("milestone:clusterise:final"), d("2021-11-25"), replan)
    s.at("2021-01-22 16:12", OLENA).reschedule_milestone(
        p,
        Ref("milestone:clusterise:roles"),
        d("2021-09-30"),
        "Наприкінці 2020 стало зрозуміло, що координатори кластерів не справляються з обсягом завдань",
    )
    for key, _, _, done in milestones:
        if done:
            s.at(f"{done} 19:00", ANDRII if key in ("session", "final") else IRYNA).reach_milestone(
                p, Ref(f"milestone:clusterise:{key}"), d(done)
            )
    s.at("2021-10-13 09:00", IRYNA, effective="2021-10-12").record_unplanned_result(
        p,
        "Круглий стіл у Харкові 12 жовтня: спільна заява університетів і бізнесу з планом дій для ЗВО",
        d("2021-10-12"),
    )
    s.at("2021-12-08 11:00", OLENA).record_unplanned_result(
        p, "Проєкт стимулював появу кластерів ІАМ у Вінниці, Києві та Миколаєві", d("2021-11-30")
    )
    s.at("2021-12-08 11:05", OLENA).record_unplanned_result(
        p, "Близько 10 ініціатив і заходів кластери створили самі, «знизу», поза планом проєкту", d("2021-11-30")
    )
    s.at("2021-12-10 10:00", OLENA, effective="2021-11-30", reason=BOARD).complete_project(p)


def smart_roadmap(s: Script) -> None:
    s.story = ROADMAP
    so, sp, se = "Smart Organization", "Smart Product", "Smart Export"
    # key: (direction, title, owner, first target)
    items = {
        "legal": (so, "Офіційне оформлення кластерних ініціатив у юридичні особи", OLENA, "2021-02-28"),
        "network": (so, "Регулярний нетворкінг учасників кластерів", ANDRII, "2021-03-31"),
        "roles": (so, "Чіткий розподіл ролей і функцій у правлінні кластерів", PETRENKO, "2021-06-30"),
        "finance": (so, "Утримання менеджменту кластерів за власний кошт", PETRENKO, "2021-11-30"),
        "landscape": (sp, "Інноваційні ландшафти кластерів ІАМ", IRYNA, "2021-03-31"),
        "tid": (sp, "Технологічно-інноваційні дні в Запоріжжі та Харкові", IRYNA, "2021-03-31"),
        "meetups": (sp, "Технологічні мітапи в Харкові: BIM (липень) і «САПР у машинобудуванні» (серпень)", IRYNA,
                    "2021-08-31"),
        "week": (se, "Український кластерний тиждень ClusterWeek", OLENA, "2021-04-30"),
        "kazakhstan": (se, "Українсько-казахська конференція кластерів ІАМ", IRYNA, "2021-10-31"),
        "brno": (se, "Стенд Запорізького кластеру ІАМ на міжнародній виставці в Брно", ANDRII, "2021-11-30"),
        "export": (se, "Сервіс експортного маркетингу для членів кластерів", OLENA, "2021-11-30"),
    }  # fmt: skip
    invented = (
        f"Цільові дати, відсотки виконання й дні змін вигадані: {SOURCE} (розд. 5, рис. 2) показує дорожню карту "
        "3-х Smart без строків; заходи, їх виконання чи невиконання — зі звіту."
    )
    for key, (direction, title, owner, target) in items.items():
        ref = Ref(f"initiative:clusterise:{key}")
        s.at("2020-08-12 10:00", OLENA, creates=ref).propose_initiative(ROADMAP, direction, title, owner, d(target))
        s.at("2020-08-12 10:00", OLENA).mark_illustrative(ref, invented)
        s.at("2020-08-12 10:30", PETRENKO).plan_initiative(ref)
        s.at("2020-08-13 09:00", OLENA).link_initiative_to_project(ref, CLUSTERISE)

    def i(key: str) -> Ref:
        return Ref(f"initiative:clusterise:{key}")

    for key, when in (
        ("legal", "2020-09-01"),
        ("network", "2020-10-05"),
        ("roles", "2020-11-02"),
        ("landscape", "2020-11-16"),
        ("tid", "2021-01-11"),
        ("week", "2021-02-01"),
        ("finance", "2021-02-01"),
        ("meetups", "2021-05-17"),
        ("kazakhstan", "2021-06-07"),
        ("brno", "2021-09-20"),
        ("export", "2021-03-01"),
    ):
        s.at(when, OLENA).start_initiative(i(key))

    s.at("2020-11-30 10:00", OLENA, reason=PROGRESS).report_initiative_progress(i("legal"), 60)
    s.at(
        "2021-02-15 10:30", IRYNA, reason=f"Обидва кластери швидко оформилися в юридичні особи ({SOURCE}, розд. 5)"
    ).finish_initiative(i("legal"))
    s.at(
        "2021-02-26 18:00", ANDRII, reason="Запорізький кластер вийшов на регулярний нетворкінг у лютому 2021"
    ).finish_initiative(i("network"))
    s.at("2021-01-22 17:00", PETRENKO, effective="2021-01-22").record_board_decision(
        i("roles"), "Скоригувати план проєкту ClusteRISE і подовжити період до кінця листопада 2021", d("2021-01-22")
    )
    s.at("2021-03-15 10:00", PETRENKO).assess_initiative_health(
        i("roles"), Health.AT_RISK, "Координатори не справляються з обсягом завдань; стейкхолдери не беруть зобов'язань"
    )
    s.at("2021-09-13 10:00", PETRENKO).assess_initiative_health(
        i("roles"), Health.OFF_TRACK, "Виконавчі директори працюють part-time; бракує часу, досвіду та ресурсів"
    )
    s.at("2021-10-18 10:00", IRYNA).comment_on_initiative(
        i("roles"),
        "Жовтень 2021: Харківський кластер посилив правління керівниками провідних підприємств і ввів нового "
        "виконавчого директора з більшим часовим ресурсом",
    )
    s.at("2021-12-08 12:00", PETRENKO).mark_initiative_not_done(
        i("roles"), f"Розподіл ролей у правлінні залишився невирішеним до кінця проєкту ({SOURCE}, розд. 5)"
    )
    s.at("2021-12-08 12:05", PETRENKO).mark_initiative_not_done(
        i("finance"), f"Фінансова готовність утримувати менеджмент за власний кошт не досягнута ({SOURCE}, розд. 7)"
    )
    s.at("2021-03-05 10:00", IRYNA).finish_initiative(i("landscape"))
    s.at("2021-02-22 10:00", SHEVCHUK).assess_initiative_health(
        i("tid"), Health.AT_RISK, "Технічні університети пасивні й не інтегруються в аженду кластерного розвитку"
    )
    s.at("2021-03-29 10:00", IRYNA).finish_initiative(i("tid"))
    s.at("2021-04-29 10:00", OLENA).finish_initiative(i("week"))
    s.at("2021-07-19 10:00", IRYNA, reason=PROGRESS).report_initiative_progress(i("meetups"), 50)
    s.at("2021-08-30 10:00", IRYNA).finish_initiative(i("meetups"))
    s.at("2021-10-04 10:00", IRYNA).postpone_initiative(
        i("kazakhstan"), d("2022-06-30"), f"Плани великої україно-казахської конференції пересунуто на 2022 ({SOURCE})"
    )
    s.at("2021-11-15 10:00", ANDRII).finish_initiative(i("brno"))
    s.at("2021-06-28 10:00", OLENA, reason=PROGRESS).report_initiative_progress(i("export"), 30)
    s.at("2021-09-13 10:10", OLENA).assess_initiative_health(
        i("export"), Health.AT_RISK, "Фірми не мають профільних менеджерів, «просто немає кого навчати»"
    )
    s.at("2021-12-08 12:10", PETRENKO).mark_initiative_not_done(
        i("export"), f"Запуск послуг з фандрейзингу та експортного маркетингу слабкий ({SOURCE}, розд. 7)"
    )


def kharkiv_memorandum(s: Script) -> None:
    s.story = "Меморандум з Харківською міською радою"
    city, cluster = Ref("commitment:kh-city:city"), Ref("commitment:kh-city:cluster")
    s.draft(
        KH_MEMO, "2021-09-27 11:00", IRYNA, MemorandumKind.COOPERATION,
        "Співпраця Харківського кластеру ІАМ і Харківської міської ради",
        ("kh_iam", PartyType.CLUSTER), ("kh_city", PartyType.LOCAL_SELF_GOVERNMENT),
    )  # fmt: skip
    s.invented(
        KH_MEMO,
        f"Зобов'язання сторін, їх строки й стан, а також дати підготовки вигадані: {SOURCE} каже лише, що "
        "меморандум про співпрацю з мерією підписано в Харкові 27 жовтня 2021.",
    )
    s.at("2021-10-04 15:00", IRYNA).open_negotiation(KH_MEMO)
    s.at(
        "2021-10-28 09:30",
        IRYNA,
        effective="2021-10-27",
        reason=f"Підписано на зустрічі в Харкові 27 жовтня 2021 ({SOURCE})",
    ).sign_memorandum(KH_MEMO, d("2021-10-27"), "Харків", None, None)
    s.at("2021-10-28 09:40", IRYNA).activate_memorandum(KH_MEMO)
    s.at("2021-10-28 09:45", IRYNA, creates=city).make_commitment(
        KH_MEMO,
        org("kh_city"),
        "Залучати кластер до підготовки міських програм розвитку промисловості та інновацій",
        IRYNA,
        d("2022-06-30"),
    )
    s.at("2021-10-28 09:50", IRYNA, creates=cluster).make_commitment(
        KH_MEMO,
        org("kh_iam"),
        "Подати місту пропозиції проєктів кластеру (портфель NOW–WOW–HOW)",
        IRYNA,
        d("2022-03-31"),
    )
    s.at("2021-10-28 10:00", IRYNA).link_memorandum_to_project(KH_MEMO, CLUSTERISE)
    s.at("2021-12-15 10:00", IRYNA).update_commitment(KH_MEMO, cluster, CommitmentStatus.IN_PROGRESS)
    s.at("2022-02-10 10:00", IRYNA).update_commitment(KH_MEMO, cluster, CommitmentStatus.DONE)
    s.at("2022-02-14 10:00", IRYNA).update_commitment(KH_MEMO, city, CommitmentStatus.IN_PROGRESS)
