"""Registers (filter, search, sort, paginate; page and htmx table) and detail pages."""

from __future__ import annotations

from html import unescape

import pytest

REGISTERS = {
    "/projects/": ("projects-table", "ClusteRISE"),
    "/grants/": ("grants-table", "USAID beds"),
    "/memoranda/": ("memoranda-table", "Cooperation with the city"),
    "/roadmap/": ("initiatives-table", "Basic maturity"),
    "/organizations/": ("organizations-table", "GIZ"),
}


@pytest.mark.parametrize("url", REGISTERS)
def test_a_register_page_shows_its_records_filters_and_table(signed_in, ids, url):
    table, text = REGISTERS[url]
    html = signed_in("auditor").get(url).get_data(as_text=True)
    assert "<html" in html and f'id="{table}"' in html and text in html
    assert 'name="q"' in html and "<select" in html


@pytest.mark.parametrize("url", REGISTERS)
def test_an_htmx_request_for_the_table_gets_only_the_table(signed_in, ids, url):
    table, text = REGISTERS[url]
    html = signed_in("board").get(url, headers={"HX-Request": "true", "HX-Target": table}).get_data(as_text=True)
    assert html.lstrip().startswith(f'<div id="{table}"') and "<html" not in html and text in html


@pytest.mark.parametrize(
    ("query", "present", "absent"),
    [
        ("?q=харківськ", ["Харківський IAM кластер", "Харківська міська рада"], ["GIZ"]),
        ("?q=ХАРКІВСЬКА", ["Харківська міська рада"], ["Харківський IAM кластер"]),
        ("?kind=funder", ["GIZ"], ["Харківська міська рада"]),
        ("?country=DE", ["GIZ"], ["Харківський IAM кластер"]),
        ("?q=100%25_", [], ["GIZ"]),
    ],
)
def test_organizations_can_be_searched_and_filtered(signed_in, ids, query, present, absent):
    html = signed_in("fundraiser").get("/organizations/" + query).get_data(as_text=True)
    for text in present:
        assert text in html
    for text in absent:
        assert text not in html


def test_sorting_and_paging_keep_the_filters_in_the_url(signed_in, ids):
    client = signed_in("fundraiser")
    html = client.get("/organizations/?sort=name&dir=desc&per_page=1&page=2&kind=").get_data(as_text=True)
    assert "3 records" in html or "Записів: 3" in html
    assert "сторінка 2 з 3" in html
    assert 'aria-sort="descending"' in html
    # By the Ukrainian alphabet, Latin after Cyrillic, descending: GIZ, Харківський…, Харківська…
    assert "Харківський IAM кластер" in html and "Харківська міська рада" not in html


def test_unknown_sorts_and_bad_page_numbers_fall_back_quietly(signed_in, ids):
    response = signed_in("board").get("/projects/?sort=drop table&page=abc&per_page=-5&stage=nonsense")
    assert response.status_code == 200
    assert "Немає записів" in response.get_data(as_text=True)


def test_the_project_page_shows_kpis_milestones_checklist_and_links_both_ways(signed_in, ids):
    client = signed_in("auditor")
    html = client.get(f"/projects/{ids['project']}").get_data(as_text=True)
    for text in (
        "ClusteRISE",
        "Permanent members",
        "22,5",  # a KPI value as Ukrainian writes it
        "Strategy session",
        "USAID beds",
        "Cooperation with the city",
        "Basic maturity",
        "доопрацювати",
    ):
        assert text in html, text
    grant_page = client.get(f"/grants/{ids['grant']}").get_data(as_text=True)
    assert "ClusteRISE" in grant_page and "GIZ" in grant_page


@pytest.mark.parametrize(
    ("path", "key", "texts"),
    [
        ("/grants/{}", "grant", ["USAID beds", "1 500 000,00", "проміжний звіт"]),
        ("/memoranda/{}", "memo", ["Co-host the forum", "Харківська міська рада", "ОМС"]),
        ("/memoranda/{}", "paper", ["Підписаний, але без зобов'язань"]),
        ("/roadmap/{}", "initiative", ["war", "2 кв. 2023", "зсув на 91 дн."]),
        ("/organizations/{}", "cluster", ["ClusteRISE", "USAID beds"]),
    ],
)
def test_each_detail_page_shows_its_sub_records(signed_in, ids, path, key, texts):
    html = unescape(signed_in("board").get(path.format(ids[key])).get_data(as_text=True)).replace("\xa0", " ")
    for text in texts:
        assert text in html, text


def test_a_missing_record_is_a_404_page(signed_in, ids):
    response = signed_in("board").get(f"/projects/{ids['grant']}")
    assert response.status_code == 404
    assert "Такої сторінки чи запису немає" in response.get_data(as_text=True)
