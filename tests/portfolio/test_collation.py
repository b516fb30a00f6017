"""Names sort by the Ukrainian alphabet (а б в г ґ д е є … и і ї й), then Latin ones, on both stores."""

from __future__ import annotations

from domain.context import recording
from domain.enums import OrganizationKind
from portfolio.collation import sort_key, sorted_by_name
from portfolio.register_specs import ORGANIZATIONS
from portfolio.registers import ListRequest, filter_choices, list_rows

IN_ORDER = [
    "Агентство",
    "Гарна справа",
    "Ґудзик",
    "Європейська мережа",
    "Иржа",
    "Ініціатива",
    "Їжак",
    "«Чек-ап»",
    "GIZ",
]
LATIN_IN_ORDER = ["apple", "Banana", "cherry", "Éclair", "zebra"]


def test_the_key_orders_names_by_the_ukrainian_then_the_latin_alphabet():
    assert sorted(IN_ORDER[::-1], key=sort_key) == IN_ORDER
    assert sorted_by_name(LATIN_IN_ORDER[::-1]) == LATIN_IN_ORDER
    assert sort_key(None) == sort_key("")


def test_a_register_sorted_by_name_follows_the_ukrainian_alphabet(store_url, open_portfolio):
    app = open_portfolio(store_url)
    with recording("olena"):
        for name, latin in zip(IN_ORDER[::-1], LATIN_IN_ORDER * 2, strict=False):
            app.register_organization(name, OrganizationKind.CLUSTER, latin, region=name)
    app.projector.catch_up()

    def names(sort: str, column: str, descending: bool = False) -> list[str]:
        page = list_rows(app.read_models, ORGANIZATIONS, ListRequest(sort=sort, descending=descending, per_page=50))
        return [row[column] for row in page.rows]

    assert names("name", "name_uk") == IN_ORDER
    assert names("name", "name_uk", descending=True) == IN_ORDER[::-1]
    assert names("latin", "name_latin") == [
        "apple",
        "apple",
        "Banana",
        "Banana",
        "cherry",
        "cherry",
        "Éclair",
        "Éclair",
        "zebra",
    ]
    assert filter_choices(app.read_models, ORGANIZATIONS)["region"] == IN_ORDER
