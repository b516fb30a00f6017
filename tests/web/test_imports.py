"""Import from CSV and XLSX: a preview row by row, all or nothing, attributed to the importer."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from domain.context import recording
from domain.enums import GrantStage, ProjectStage, Role
from portfolio.demo import load_demo
from portfolio.registers import ListRequest
from tests.web.conftest import PASSWORD, csrf_token, make_app, sign_in
from web import create_app


def xlsx(rows: list[list]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_file(rows: list[list], delimiter: str = ",", encoding: str = "utf-8-sig") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode(encoding)


def preview(client, kind: str, data: bytes, filename: str):
    token = csrf_token(client.get("/import/").get_data(as_text=True))
    return client.post(
        f"/import/{kind}/preview",
        data={"csrf_token": token, "file": (io.BytesIO(data), filename)},
        content_type="multipart/form-data",
    )


def confirmation(html: str) -> dict[str, str]:
    """The hidden fields of the preview's confirm form."""
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html))


def import_file(client, kind: str, data: bytes, filename: str):
    shown = preview(client, kind, data, filename)
    assert shown.status_code == 200, shown.get_data(as_text=True)
    return client.post(f"/import/{kind}", data=confirmation(shown.get_data(as_text=True)))


ORG_HEADER = ["Name", "Latin name", "Kind", "Region", "Country", "Authority level"]
GRANT_HEADER = ["Title", "Funder", "Applicant", "Stage", "Requested", "Currency", "Awarded", "Currency", "Deadline",
                "Owner", "Submitted", "Decided"]  # fmt: skip
GRANT_COLUMNS = {"funder": "GIZ", "applicant": "Kharkiv IAM", "stage": "", "currency": "EUR", "awarded": "",
                 "awarded_currency": "", "deadline": "", "owner": "olena", "submitted": "", "decided": ""}  # fmt: skip


def grant_row(title: str, requested: str, **columns: str) -> list[str]:
    """A row of a grants file: GIZ's application by the Kharkiv IAM cluster in EUR, owned by olena, unless
    `columns` (named as in GRANT_COLUMNS) say otherwise."""
    c = {**GRANT_COLUMNS, **columns}
    return [title, c["funder"], c["applicant"], c["stage"], requested, c["currency"], c["awarded"],
            c["awarded_currency"], c["deadline"], c["owner"], c["submitted"], c["decided"]]  # fmt: skip


def test_a_preview_lists_what_each_row_would_record_and_saves_nothing(app, signed_in, dated_ids):
    client = signed_in("fundraiser")
    events_before = app.extensions["portfolio"].recorder.max_notification_id()
    data = xlsx([
        ORG_HEADER,
        ["Нова асоціація", "New Association", "association", "Львівська", "UA", ""],
        ["Нова асоціація", "", "association", "", "UA", ""],
        ["Інша", "", "planet", "", "UA", ""],
    ])  # fmt: skip
    page = preview(client, "organizations", data, "orgs.xlsx")
    html = page.get_data(as_text=True)
    assert page.status_code == 422
    assert "Нова асоціація" in html and "Рядок 2 уже називає цей запис." in html
    assert "«planet» — не одне з" in html
    assert app.extensions["portfolio"].recorder.max_notification_id() == events_before


def test_a_file_with_errors_records_nothing_and_reports_every_bad_row(app, signed_in, dated_ids):
    client = signed_in("fundraiser")
    portfolio = app.extensions["portfolio"]
    events_before = portfolio.recorder.max_notification_id()
    data = csv_file([
        GRANT_HEADER,
        grant_row("Good one", "1000", stage="prospect"),
        grant_row("Unknown funder", "1000", funder="Nobody Foundation", applicant="ClusteRISE"),
        grant_row("Bad amount", "a lot"),
        grant_row("Bad date", "10", deadline="31.02.2024"),
        grant_row("Bad stage", "10", stage="dreaming"),
        grant_row("No decision", "10", stage="awarded", awarded="5", awarded_currency="EUR"),
    ], delimiter=";")  # fmt: skip
    page = preview(client, "grants", data, "grants.csv")
    html = page.get_data(as_text=True)
    assert page.status_code == 422
    for message in ("Немає організації з назвою «Nobody Foundation».", "«a lot» — не сума.",
                    "«31.02.2024» — не дата", "«dreaming» — не одне з", "потрібне поле «Рішення»"):  # fmt: skip
        assert message in html
    assert html.count('class="outcome-error"') == 5
    assert 'name="content"' not in html  # nothing to confirm
    assert portfolio.recorder.max_notification_id() == events_before


def test_a_confirmed_import_saves_all_rows_attributed_to_the_importer_with_the_file_name(app, signed_in, dated_ids):
    client = signed_in("fundraiser")
    portfolio = app.extensions["portfolio"]
    data = csv_file([
        GRANT_HEADER,
        ["Horizon call", "GIZ", "Kharkiv IAM", "under review", "250 000,50", "eur", "", "", "2024-03-15",
         "olena", "2024-03-01", ""],
        ["Won call", "GIZ", "Kharkiv IAM", "грант надано", "1000", "EUR", "900", "EUR", "", "taras",
         "2023-01-10", "2023-03-01"],
    ])  # fmt: skip
    response = import_file(client, "grants", data, "grants 2024.csv")
    assert response.status_code == 302
    rows = {row["title"]: row for row in portfolio.register_rows("grants", ListRequest())}
    horizon, won = rows["Horizon call"], rows["Won call"]
    assert horizon["stage"] == GrantStage.UNDER_REVIEW.value and horizon["submitted_on"] == "2024-03-01"
    assert Decimal(horizon["requested_amount"]) == Decimal("250000.50") and horizon["requested_currency"] == "EUR"
    assert horizon["deadline"].startswith("2024-03-15T21:59")  # 23:59 in Kyiv
    assert won["stage"] == "awarded" and Decimal(won["awarded_amount"]) == 900 and won["decided_on"] == "2023-03-01"
    history = portfolio.record_history(__import__("uuid").UUID(won["id"]))
    assert [entry.event for entry in history] == ["Prospected", "Submitted", "Awarded"]
    assert {(entry.actor, entry.reason) for entry in history} == {("fundraiser", "Імпорт з grants 2024.csv")}
    assert "Імпортовано grants 2024.csv: створено 2" in client.get(response.location).get_data(as_text=True)


def test_a_row_that_names_an_existing_record_changes_it_and_unchanged_rows_record_nothing(app, signed_in, dated_ids):
    client = signed_in("fundraiser")
    portfolio = app.extensions["portfolio"]
    export = client.get("/export/projects.xlsx?headers=en")
    sheet = load_workbook(io.BytesIO(export.data)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    code = rows[0].index("Code")
    target = next(row for row in rows[1:] if row[code] == "CR-1")
    target[rows[0].index("Lead")] = "Mykola"
    target[rows[0].index("Stage")] = "in implementation"
    events_before = portfolio.recorder.max_notification_id()
    page = preview(client, "projects", xlsx(rows), "projects.xlsx")
    html = page.get_data(as_text=True)
    assert page.status_code == 200, html
    assert html.count('class="outcome-change"') == 1 and 'class="outcome-create"' not in html
    assert "Mykola" in html
    client.post("/import/projects", data=confirmation(html))
    events = [row["event"] for row in portfolio.read_models.query(
        "SELECT event FROM rm_events WHERE position > :p ORDER BY position", {"p": events_before})]  # fmt: skip
    assert events == ["HandedOver", "Started"]


def test_a_confirmation_saves_only_what_was_previewed(app, signed_in, dated_ids):
    client = signed_in("fundraiser")
    data = xlsx([ORG_HEADER, ["Нова асоціація", "", "association", "", "UA", ""]])
    html = preview(client, "organizations", data, "orgs.xlsx").get_data(as_text=True)
    first = client.post("/import/organizations", data=confirmation(html))
    assert first.status_code == 302
    again = client.post("/import/organizations", data=confirmation(html))  # the same confirmation, sent twice
    assert again.status_code == 409
    assert "змінилися після попереднього перегляду" in again.get_data(as_text=True)
    names = [row["name_uk"] for row in app.extensions["portfolio"].register_rows("organizations", ListRequest())]
    assert names.count("Нова асоціація") == 1


def test_files_that_cannot_be_imported_are_refused_with_the_reason(signed_in, dated_ids):
    client = signed_in("fundraiser")
    wrong = preview(client, "organizations", xlsx([["Name", "Colour"], ["X", "red"]]), "o.xlsx")
    assert wrong.status_code == 422
    text = wrong.get_data(as_text=True)
    assert "Colour" in text and "Бракує колонок: Вид" in text
    assert preview(client, "organizations", b"not a workbook", "o.xlsx").status_code == 422
    assert preview(client, "organizations", csv_file([ORG_HEADER]), "o.csv").status_code == 422
    token = csrf_token(client.get("/import/").get_data(as_text=True))
    lost = client.post("/import/organizations", data={"csrf_token": token, "content": "%%%", "filename": "x"})
    assert lost.status_code == 422


def test_only_editors_import(signed_in, dated_ids):
    assert signed_in("board").get("/import/").status_code == 403
    assert signed_in("auditor").get("/import/grants/template.xlsx").status_code == 403


def test_each_kind_has_a_template_that_explains_its_columns(signed_in, dated_ids):
    client = signed_in("fundraiser")
    book = load_workbook(io.BytesIO(client.get("/import/grants/template.xlsx?").data))
    assert [cell.value for cell in book.worksheets[0][1]][:4] == ["Назва", "Програма", "Донор", "Стадія"]
    assert len(list(book.worksheets[1].iter_rows())) == 1 + len(book.worksheets[0][1])
    header = client.get("/import/projects/template.csv").get_data(as_text=True).lstrip("\ufeff")
    assert header.startswith("Код,Назва")


@pytest.fixture
def demo_app(store_url):
    flask_app = create_app({"DATABASE_URL": store_url, "TESTING": True, "SECRET_KEY": "test", "AUDIT_KEY": "test"})
    load_demo(flask_app.extensions["portfolio"])
    with recording("setup"):
        flask_app.extensions["portfolio"].open_account("fundraiser", Role.FUNDRAISER, PASSWORD)
    yield flask_app
    flask_app.extensions["portfolio"].close()


@pytest.fixture
def empty_app(another_store_url):
    flask_app = make_app(another_store_url)
    yield flask_app
    flask_app.extensions["portfolio"].close()


def exported(client, register: str) -> list[list]:
    sheet = load_workbook(io.BytesIO(client.get(f"/export/{register}.xlsx").data)).active
    header, *rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    return [header, *sorted(rows, key=lambda row: [str(cell) for cell in row])]


@pytest.mark.parametrize("store_url", ["sqlite", "postgres"], indirect=True)
def test_round_trip_export_to_xlsx_import_into_an_empty_store_and_the_registers_match(demo_app, empty_app):
    source, target = demo_app.test_client(), empty_app.test_client()
    for client in (source, target):
        sign_in(client, "fundraiser")
    for register in ("organizations", "projects", "grants"):  # organizations first: the others name them
        data = source.get(f"/export/{register}.xlsx").data
        response = import_file(target, register, data, f"{register}.xlsx")
        assert response.status_code == 302, response.get_data(as_text=True)
    for register in ("organizations", "projects", "grants"):
        assert exported(target, register) == exported(source, register)
    stages = {row["stage"] for row in empty_app.extensions["portfolio"].register_rows("projects", ListRequest())}
    assert ProjectStage.IN_IMPLEMENTATION.value in stages


def test_odd_files_are_refused_with_a_message_never_a_crash(signed_in, dated_ids):
    client = signed_in("fundraiser")
    huge_cell = csv_file([ORG_HEADER, ["x" * 200_000, "", "cluster", "", "UA", ""]])
    old_mac = "\r".join(",".join(row) for row in [ORG_HEADER, ["Нова", "", "cluster", "", "UA", ""]]).encode()
    broken = xlsx([ORG_HEADER])[:400]
    for data, name in ((huge_cell, "o.csv"), (broken, "o.xlsx"), (b"", "o.csv")):
        assert preview(client, "organizations", data, name).status_code == 422
    assert preview(client, "organizations", old_mac, "o.csv").status_code == 200
    book = Workbook()
    book.active.append(GRANT_HEADER)
    book.active.append(grant_row("T", "=1000*2"))
    buffer = io.BytesIO()
    book.save(buffer)  # openpyxl computes no formula: the file holds none of its values
    page = preview(client, "grants", buffer.getvalue(), "g.xlsx")
    assert page.status_code == 422 and "=1000*2" in page.get_data(as_text=True)


def test_values_out_of_range_are_problems_of_their_row(signed_in, dated_ids):
    client = signed_in("fundraiser")
    data = csv_file([
        GRANT_HEADER,
        grant_row("Huge", "1e27"),
        grant_row("Negative", "-5"),
        grant_row("Ancient", "5", deadline="0001-01-01 00:30"),
        grant_row("Dropped date", "5", submitted="2024-03-01"),
    ])  # fmt: skip
    page = preview(client, "grants", data, "g.csv")
    assert page.status_code == 422
    assert page.get_data(as_text=True).count('class="outcome-error"') == 4


def test_a_cyrillic_file_name_is_kept_and_a_workbook_is_known_by_its_content(app, signed_in, dated_ids):
    client = signed_in("fundraiser")
    data = xlsx([ORG_HEADER, ["Нова асоціація", "", "association", "", "UA", ""]])
    response = import_file(client, "organizations", data, "Організації 2024.xlsx")
    assert response.status_code == 302
    query = "SELECT reason FROM rm_events ORDER BY position DESC LIMIT 1"
    reasons = app.extensions["portfolio"].read_models.query(query)
    assert reasons[0]["reason"] == "Імпорт з Організації 2024.xlsx"


def test_amounts_in_either_convention_and_currencies_by_position(app, signed_in, dated_ids):
    client = signed_in("fundraiser")
    header = ["Title", "Funder", "Applicant", "Stage", "Awarded", "Currency", "Requested", "Currency", "Owner",
              "Decided"]  # fmt: skip
    data = csv_file([
        header,
        ["Swapped", "GIZ", "Kharkiv IAM", "awarded", "900", "EUR", "1.234,56", "UAH", "olena", "2024-04-01"],
    ], delimiter=";")  # fmt: skip
    assert import_file(client, "grants", data, "g.csv").status_code == 302
    row = next(r for r in app.extensions["portfolio"].register_rows("grants", ListRequest()) if r["title"] == "Swapped")
    assert (Decimal(row["requested_amount"]), row["requested_currency"]) == (Decimal("1234.56"), "UAH")
    assert (Decimal(row["awarded_amount"]), row["awarded_currency"]) == (Decimal("900"), "EUR")


def test_an_unchanged_export_imports_back_as_unchanged(signed_in, dated_ids):
    client = signed_in("fundraiser")
    for register in ("organizations", "projects", "grants"):
        page = preview(client, register, client.get(f"/export/{register}.xlsx").data, f"{register}.xlsx")
        html = page.get_data(as_text=True)
        assert page.status_code == 200, html
        assert 'class="outcome-change"' not in html and 'class="outcome-create"' not in html, register


def _sheet_xml(rows: int) -> bytes:
    def row(name: str, kind: str) -> str:  # no cell addresses: the rows are numbered in order
        return f'<row><c t="inlineStr"><is><t>{name}</t></is></c><c t="inlineStr"><is><t>{kind}</t></is></c></row>'

    cells = row("Org", "cluster") * rows
    namespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{namespace}"><dimension ref="A1:B{rows + 1}"/>'
        f"<sheetData>{row('Name', 'Kind')}{cells}</sheetData></worksheet>"
    ).encode()


def _with_sheet(book: bytes, sheet: bytes) -> bytes:
    """The workbook with its first sheet's XML replaced."""
    source, buffer = zipfile.ZipFile(io.BytesIO(book)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, sheet if item.filename == "xl/worksheets/sheet1.xml" else source.read(item))
    return buffer.getvalue()


def test_a_workbook_of_two_hundred_thousand_rows_is_refused_by_its_row_limit(signed_in, dated_ids):
    book = _with_sheet(xlsx([["Name"]]), _sheet_xml(200_000))
    assert len(book) < 500_000  # far under the upload limit: the rows, not the bytes, must stop it
    page = preview(signed_in("fundraiser"), "organizations", book, "big.xlsx")
    assert page.status_code == 422 and "5000" in page.get_data(as_text=True).replace("\u00a0", "").replace(" ", "")


def test_a_workbook_that_understates_its_size_is_read_whole(signed_in, dated_ids):
    rows = [ORG_HEADER, *[[f"Кластер {n}", "", "cluster", "", "UA", ""] for n in range(10)]]
    book = xlsx(rows)
    sheet = zipfile.ZipFile(io.BytesIO(book)).read("xl/worksheets/sheet1.xml")
    understated = _with_sheet(book, re.sub(rb'<dimension ref="[^"]+"', b'<dimension ref="A1:B2"', sheet))
    page = preview(signed_in("fundraiser"), "organizations", understated, "o.xlsx")
    assert page.status_code == 200 and "Кластер 9" in page.get_data(as_text=True)
    assert "Рядків: 10; нових: 10" in page.get_data(as_text=True)


def test_a_cell_no_store_could_hold_is_a_problem_of_its_row_with_its_column(signed_in, dated_ids):
    data = csv_file([ORG_HEADER, ["Нова\x01назва", "", "cluster", "", "UA", ""]])
    page = preview(signed_in("fundraiser"), "organizations", data, "o.csv")
    assert page.status_code == 422 and "керівні символи" in page.get_data(as_text=True)


def test_a_reason_in_the_illustrative_column_marks_the_record_and_an_empty_cell_clears_nothing(
    app, signed_in, dated_ids
):
    client = signed_in("fundraiser")
    header = [*ORG_HEADER, "Illustrative figures"]
    rows = [header, ["GIZ", "GIZ", "funder", "", "DE", "", "Назву взято для прикладу"]]
    assert import_file(client, "organizations", csv_file(rows), "o.csv").status_code == 302
    page = client.get("/organizations/", query_string={"q": "GIZ"}).get_data(as_text=True)
    assert "Назву взято для прикладу" in page
    rows[1][-1] = ""
    assert "без змін: 1" in preview(client, "organizations", csv_file(rows), "o.csv").get_data(as_text=True)


def test_an_estimate_column_says_whether_the_amount_before_it_is_an_estimate_as_the_export_writes_it(
    app, signed_in, dated_ids
):
    client = signed_in("fundraiser")
    header = ["Title", "Funder", "Applicant", "Stage", "Requested", "Currency", "Estimate", "Owner"]
    rows = [header, ["Beds", "GIZ", "Kharkiv IAM", "prospect", "2 000 000", "UAH", "так", "olena"]]
    assert import_file(client, "grants", csv_file(rows), "g.csv").status_code == 302

    def beds() -> dict:
        rows = app.extensions["portfolio"].register_rows("grants", ListRequest())
        return next(row for row in rows if row["title"] == "Beds")

    assert beds()["requested_estimated"] == 1
    exported_rows = csv.reader(io.StringIO(client.get("/export/grants.csv").get_data(as_text=True)))
    [exported_header, *values] = list(exported_rows)
    beds_row = next(row for row in values if row[0] == "Beds")
    assert beds_row[exported_header.index("Орієнтовна сума")] == "так"
    assert "без змін: 1" in preview(client, "grants", csv_file(rows), "g.csv").get_data(as_text=True)
    rows[1][6] = "maybe"
    assert "«maybe»" in preview(client, "grants", csv_file(rows), "g.csv").get_data(as_text=True)
    without_the_column = [[cell for n, cell in enumerate(row) if n != 6] for row in rows]
    without_the_column[1][4] = "2 100 000"  # a file without the column says nothing of it: still an estimate
    assert import_file(client, "grants", csv_file(without_the_column), "g.csv").status_code == 302
    assert (beds()["requested_amount"], beds()["requested_estimated"]) == ("2100000", 1)
    rows[1][4:7] = ["2 100 000", "UAH", ""]  # as the export writes an amount that is a fact
    assert import_file(client, "grants", csv_file(rows), "g.csv").status_code == 302
    assert beds()["requested_estimated"] == 0


def test_a_negative_amount_is_one_problem_of_its_cell_not_also_a_missing_one(signed_in, dated_ids):
    client = signed_in("fundraiser")
    html = preview(client, "grants", csv_file([GRANT_HEADER, grant_row("Negative", "-5")]), "g.csv").get_data(
        as_text=True
    )
    assert "«-5»" in html and "обовʼязков" not in html and "обов'язков" not in html


def test_dates_and_times_read_as_people_write_them_and_a_bad_one_names_its_column(app, signed_in, dated_ids):
    client = signed_in("fundraiser")
    dotted, bad = grant_row("Dotted", "5", deadline="31.03.2027 18:00"), grant_row("Bad", "5", deadline="31.13")
    rows = [GRANT_HEADER, dotted, bad]
    html = preview(client, "grants", csv_file(rows), "g.csv").get_data(as_text=True)
    assert "Дедлайн: «31.13»" in html
    assert html.count('class="outcome-error"') == 1  # the dotted date and time read
    rows = [GRANT_HEADER, grant_row("Slashed", "5", deadline="03/31/2027")]
    token = csrf_token(client.get("/import/").get_data(as_text=True))
    client.post("/language", data={"language": "en", "csrf_token": token})
    html = preview(client, "grants", csv_file(rows), "g.csv").get_data(as_text=True)
    assert 'class="outcome-error"' not in html, html  # in English, month first, as its forms are written
