"""Registers to CSV and XLSX: exactly the rows and columns the register shows for its filters."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from domain.context import recording
from domain.enums import Category, Priority


@pytest.fixture
def ids(dated_ids):
    return dated_ids


def rows_of_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


def test_a_csv_export_has_the_registers_rows_for_its_filters_on_every_page(app, signed_in, ids):
    client = signed_in("board")
    with recording("olena"):
        for n in range(30):  # more than a page of the register
            app.extensions["portfolio"].propose_project(f"X-{n:02d}", f"Extra {n}", ids["cluster"], "Olena",
                                                        Priority.WOW, Category.MARKET_ACCESS)  # fmt: skip
    shown = client.get("/projects/?priority=wow&sort=code").get_data(as_text=True)
    assert 'href="/export/projects.csv?priority=wow&amp;sort=code"' in shown
    rows = rows_of_csv(client.get("/export/projects.csv?priority=wow&sort=code"))
    assert rows[0][:3] == ["Код", "Назва", "Організація"]
    assert [row[0] for row in rows[1:]] == [f"X-{n:02d}" for n in range(30)]


def test_headers_come_in_english_on_request_and_amounts_stay_numbers(signed_in, ids):
    client = signed_in("board")
    rows = rows_of_csv(client.get("/export/grants.csv?headers=en"))
    assert rows[0][:4] == ["Title", "Programme", "Funder", "Stage"]
    response = client.get("/export/grants.xlsx")
    sheet = load_workbook(io.BytesIO(response.data)).active
    header = [cell.value for cell in sheet[1]]
    grant = [cell.value for cell in sheet[2]]
    assert header[4] == "Запитано"  # the person's language by default
    assert Decimal(str(grant[4])) == Decimal("4500000") and grant[5] == "UAH"


def test_an_export_of_the_past_has_the_rows_of_then(signed_in, ids):
    rows = rows_of_csv(signed_in("board").get("/export/projects.csv?as_of=2023-03-01"))
    assert [row[1] for row in rows[1:]] == ["ClusteRISE"]


def test_text_that_a_spreadsheet_would_run_is_exported_as_text(app, signed_in, ids):
    with recording("olena"):
        app.extensions["portfolio"].describe_project(ids["project"], "=1+1", "")
    rows = rows_of_csv(signed_in("board").get("/export/projects.csv"))
    assert "'=1+1" in [row[1] for row in rows]


def test_an_unknown_register_is_not_found(signed_in, ids):
    assert signed_in("board").get("/export/secrets.csv").status_code == 404
