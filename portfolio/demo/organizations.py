"""The organizations of the demo, registered when they first matter, and a few later changes.

Names, kinds and places are public facts from the seed documents. Where the documents do not
name an organization (the four Czech partners at MSV Brno, the six foreign members of the EIC
consortium, funders of some small grants) the record is a placeholder, marked illustrative.
"""

from __future__ import annotations

from domain.enums import AuthorityLevel as L
from domain.enums import OrganizationKind as K
from portfolio.demo.script import ANDRII, IRYNA, OLENA, TARAS, Script, org

UCA_REPORT = "річний звіт УКА 2022"

# key: (registered on, by, name_uk, kind, name_latin, region, country); the country "XX", a user-assigned code,
# where the documents do not say
ORGANIZATIONS: dict[str, tuple[str, str, str, K, str, str, str]] = {
    "appau": ("2019-02-11 09:30", OLENA, "Асоціація «Підприємств промислової автоматизації України» (АППАУ)",
              K.ASSOCIATION, "APPAU — Association of Industrial Automation Enterprises of Ukraine", "Київ", "UA"),
    "i4u": ("2019-02-11 09:40", OLENA, "Кластерний комітет платформи Industry4Ukraine",
            K.NETWORK, "Industry4Ukraine cluster committee", "Київ", "UA"),
    "zp_cci": ("2019-02-11 09:50", OLENA, "Запорізька торгово-промислова палата",
               K.ASSOCIATION, "Zaporizhzhia Chamber of Commerce and Industry", "Запоріжжя", "UA"),
    "zp_cci_dup": ("2019-03-04 14:10", TARAS, "ТПП Запоріжжя",
                   K.ASSOCIATION, "Zaporizhzhia CCI", "Запоріжжя", "UA"),
    "giz": ("2019-06-17 11:00", OLENA, "Німецьке товариство міжнародного співробітництва (GIZ)",
            K.FUNDER, "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ) GmbH", "", "DE"),
    "zp_iam": ("2020-02-05 10:00", ANDRII, "Запорізький кластер ІАМ",
               K.CLUSTER, "Zaporizhzhia IAM Cluster", "Запоріжжя", "UA"),
    "kh_iam": ("2020-03-16 10:00", IRYNA, "Ініціатива Харківського кластеру ІАМ",
               K.CLUSTER, "Kharkiv IAM cluster initiative", "Харків", "UA"),
    "eu4business": ("2020-07-01 10:00", OLENA, "Ініціатива ЄС EU4Business",
                    K.FUNDER, "EU4Business (European Union initiative)", "", "BE"),
    "ebrd": ("2020-09-14 12:00", OLENA, "Європейський банк реконструкції та розвитку (ЄБРР)",
             K.FUNDER, "European Bank for Reconstruction and Development (EBRD)", "", "GB"),
    "maritime": ("2020-09-14 12:10", OLENA, "ГС «Морський кластер України» (МКУ)",
                 K.CLUSTER, "Maritime Cluster of Ukraine", "Миколаїв", "UA"),
    "unnamed_funder": ("2020-10-05 10:00", TARAS, "Донор, не названий у джерелах",
                       K.FUNDER, "Funder not named in the sources", "", "XX"),
    "zp_poly": ("2020-10-20 10:00", ANDRII, "Національний університет «Запорізька політехніка»",
                K.UNIVERSITY, "Zaporizhzhia Polytechnic National University", "Запоріжжя", "UA"),
    "zp_city": ("2020-11-09 10:00", ANDRII, "Запорізька міська рада",
                K.AUTHORITY, "Zaporizhzhia City Council", "Запоріжжя", "UA"),
    "zp_oda": ("2020-11-09 10:05", ANDRII, "Запорізька обласна державна адміністрація",
               K.AUTHORITY, "Zaporizhzhia Regional State Administration", "Запоріжжя", "UA"),
    "ufood": ("2020-12-01 10:00", TARAS, "Агропродовольчий кластер U-Food (Ukrainian Food Association)",
              K.CLUSTER, "U-Food agri-food cluster (Ukrainian Food Association)", "Черкаси", "UA"),
    "kh_it": ("2021-01-18 10:00", IRYNA, "Kharkiv IT Cluster",
              K.CLUSTER, "Kharkiv IT Cluster", "Харків", "UA"),
    "dih_kpi": ("2021-02-01 10:00", OLENA, "Хаб цифрових інновацій КПІ (DIH KPI)",
                K.DIH, "DIH KPI (Igor Sikorsky Kyiv Polytechnic Institute)", "Київ", "UA"),
    "vinnytsia": ("2021-03-22 10:00", TARAS, "Вінницький кластер приладобудування та автоматизації",
                  K.CLUSTER, "Vinnytsia Instrument-Making and Automation Cluster", "Вінниця", "UA"),
    "lviv_med": ("2021-04-12 10:00", TARAS, "ГС «Львівський кластер медичного бізнесу»",
                 K.CLUSTER, "Lviv Medical Business Cluster", "Львів", "UA"),
    "sumy": ("2021-05-17 10:00", OLENA, "ГС «Сумський машинобудівний кластер енергетичного обладнання»",
             K.CLUSTER, "Sumy Energy Machine-Building Cluster", "Суми", "UA"),
    "mon": ("2021-05-17 10:10", OLENA, "Міністерство освіти і науки України",
            K.AUTHORITY, "Ministry of Education and Science of Ukraine", "Київ", "UA"),
    "kh_city": ("2021-09-20 10:00", IRYNA, "Харківська міська рада",
                K.AUTHORITY, "Kharkiv City Council", "Харків", "UA"),
    "khai": ("2021-09-20 10:10", IRYNA, "Національний аерокосмічний університет «Харківський авіаційний інститут»",
             K.UNIVERSITY, "National Aerospace University «Kharkiv Aviation Institute» (KhAI)", "Харків", "UA"),
    "salt_road": ("2022-01-24 10:00", TARAS, "Херсонський кластер «Соляна дорога»",
                  K.CLUSTER, "Kherson cluster «Salt Road»", "Херсон", "UA"),
    "uam": ("2022-04-04 09:30", OLENA, "Українська асоціація меблевиків (УАМ)",
            K.ASSOCIATION, "Ukrainian Furniture Makers Association", "Київ", "UA"),
    "usaid": ("2022-04-04 09:40", OLENA, "Агентство США з міжнародного розвитку (USAID)",
              K.FUNDER, "United States Agency for International Development (USAID)", "", "US"),
    "eca": ("2022-05-16 10:00", OLENA, "Європейський кластерний альянс",
            K.NETWORK, "European Cluster Alliance", "", "BE"),
    "eit_m": ("2022-05-16 10:10", OLENA, "EIT Manufacturing",
              K.NETWORK, "EIT Manufacturing", "", "FR"),
    "i4ms": ("2022-05-16 10:20", OLENA, "Ініціатива ЄС I4MS (ICT Innovation for Manufacturing SMEs)",
             K.FUNDER, "I4MS — ICT Innovation for Manufacturing SMEs", "", "BE"),
    "csia": ("2022-06-06 10:00", OLENA, "Асоціація системних інтеграторів (CSIA)",
             K.NETWORK, "Control System Integrators Association (CSIA)", "", "US"),
    "tci": ("2022-06-06 10:10", OLENA, "Глобальна кластерна мережа TCI Network",
            K.NETWORK, "TCI Network", "", "ES"),
    "itc": ("2022-06-06 10:20", OLENA, "Міжнародна рада торгівлі (International Trade Council, ІТС)",
            K.NETWORK, "International Trade Council (ITC)", "", "XX"),
    "eic": ("2022-01-17 09:30", TARAS, "Європейська рада з інновацій (EIC) / EISMEA",
            K.FUNDER, "European Innovation Council and SMEs Executive Agency (EISMEA)", "", "BE"),
    **{
        f"cz{i}": ("2022-09-26 10:00", OLENA, f"Чеський партнер {i} меморандуму MSV Брно",
                   kind, f"Czech partner {i} of the MSV Brno memorandum", "", "CZ")
        for i, kind in enumerate((K.CLUSTER, K.ASSOCIATION, K.UNIVERSITY, K.COMPANY), start=1)
    },
    **{
        f"eic_foreign{i}": ("2022-10-10 10:00", TARAS, f"Іноземний партнер консорціуму EIC {i}",
                            K.COMPANY, f"Foreign EIC consortium partner {i}", "", "XX")
        for i in range(1, 7)
    },
    "fourbiz": ("2023-02-13 10:00", TARAS, "Програма 4BIZ",
                K.FUNDER, "4BIZ co-financing programme", "", "UA"),
    "heat": ("2023-04-03 10:00", TARAS, "Теплоенергетичний кластер України",
             K.CLUSTER, "Heat Power Engineering Cluster of Ukraine", "Київ", "UA"),
}  # fmt: skip
# The authorities' level of government (every other organization has none)
AUTHORITY_LEVELS = {"zp_city": L.LOCAL, "zp_oda": L.REGIONAL, "mon": L.CENTRAL, "kh_city": L.LOCAL}

# Placeholders for organizations the sources do not name: key -> what was invented.
PLACEHOLDERS = {
    "unnamed_funder": "Запис-заповнювач: донора цих грантів у джерелах не названо.",
    **{
        f"cz{i}": f"Запис-заповнювач: назву й вид організації вигадано; {UCA_REPORT} каже лише про меморандум "
        "з 4-ма чеськими партнерами на виставці MSV у Брно."
        for i in range(1, 5)
    },
    **{
        f"eic_foreign{i}": f"Запис-заповнювач: назву, вид і країну вигадано; {UCA_REPORT} каже лише про консорціум "
        "з 6 зарубіжних та 5 українських партнерів."
        for i in range(1, 7)
    },
}


def script(s: Script) -> None:
    s.story = "Організації"
    for key, (when, actor, name_uk, kind, name_latin, region, country) in ORGANIZATIONS.items():
        level = AUTHORITY_LEVELS.get(key)
        s.at(when, actor, creates=org(key)).register_organization(name_uk, kind, name_latin, region, country, level)
        if key in PLACEHOLDERS:
            s.at(when, actor).mark_illustrative(org(key), PLACEHOLDERS[key])

    s.at(
        "2019-03-05 09:15", OLENA, reason="Дублікат запису «Запорізька торгово-промислова палата»."
    ).archive_organization(org("zp_cci_dup"), "Дублікат: ця палата вже зареєстрована 11.02.2019.")
    s.at("2021-02-15 10:00", IRYNA, effective="2021-02-01").rename_organization(
        org("kh_iam"), "Харківський кластер ІАМ", "Kharkiv IAM Cluster"
    )
    s.at(
        "2022-03-21 10:00",
        OLENA,
        reason="Комітет продовжив роботу як Український кластерний альянс (березень 2022).",
        effective="2022-03-15",
    ).rename_organization(org("i4u"), "Український кластерний альянс (УКА)", "Ukrainian Cluster Alliance (UCA)")
    s.at("2022-03-21 10:05", OLENA).reclassify_organization(org("i4u"), K.ASSOCIATION, None)
    s.at(
        "2022-09-12 10:00", TARAS, reason="Кластер релоковано з Херсона до Умані (річний звіт УКА 2022)."
    ).relocate_organization(org("salt_road"), "Умань (Черкаська обл.)", "UA")
