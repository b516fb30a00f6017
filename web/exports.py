"""Registers as CSV and XLSX: the rows the register shows for its filters, search and sort (every
page), with the columns it shows, headed in the person's language (or `?headers=en|uk`).

Amounts are numbers with their currency in the next column, and dates are dates, so a spreadsheet
can add and sort them; vocabulary (stages, kinds) is written as the page shows it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from flask import Blueprint, Response, abort, current_app, request
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from openpyxl import Workbook

from portfolio.register_specs import REGISTERS
from web.access import EVERYONE, allow
from web.formatting import spreadsheet_safe
from web.i18n import LANGUAGES, chosen_locale
from web.labels import label
from web.registers import list_request

exports = Blueprint("exports", __name__, url_prefix="/export")


@dataclass(frozen=True)
class Column:
    header: Any
    value: Callable[[dict[str, Any]], Any]


def text(key: str) -> Callable[[dict[str, Any]], Any]:
    return lambda row: row.get(key) or ""


def vocab(key: str) -> Callable[[dict[str, Any]], Any]:
    return lambda row: label(row.get(key)) if row.get(key) else ""


def number(key: str) -> Callable[[dict[str, Any]], Any]:
    return lambda row: None if row.get(key) is None else Decimal(str(row[key]))


def day(key: str) -> Callable[[dict[str, Any]], Any]:
    return lambda row: date.fromisoformat(row[key][:10]) if row.get(key) else None


COLUMNS: dict[str, list[Column]] = {
    "projects": [Column(_l("Code"), text("code")), Column(_l("Title"), text("title")),
                 Column(_l("Organization"), text("organization")),
                 Column(_l("Priority"), lambda r: (r.get("priority") or "").upper()),
                 Column(_l("Category"), vocab("category")), Column(_l("Stage"), vocab("stage")),
                 Column(_l("Lead"), text("owner")), Column(_l("Budget"), number("budget_amount")),
                 Column(_l("Currency"), text("budget_currency")), Column(_l("Planned end"), day("planned_end"))],
    "grants": [Column(_l("Title"), text("title")), Column(_l("Programme"), text("programme")),
               Column(_l("Funder"), text("funder")), Column(_l("Stage"), vocab("stage")),
               Column(_l("Requested"), number("requested_amount")), Column(_l("Currency"), text("requested_currency")),
               Column(_l("Awarded"), number("awarded_amount")), Column(_l("Currency"), text("awarded_currency")),
               Column(_l("Deadline"), day("deadline")), Column(_l("Owner"), text("owner"))],
    "memoranda": [Column(_l("Subject"), text("subject")), Column(_l("Kind"), vocab("kind")),
                  Column(_l("Stage"), vocab("stage")), Column(_l("Signed"), day("signed_on")),
                  Column(_l("Valid until"), day("valid_until")), Column(_l("Commitments"), number("commitments")),
                  Column(_l("Owner"), text("owner"))],
    "initiatives": [Column(_l("Roadmap"), text("roadmap")), Column(_l("Direction"), text("direction")),
                    Column(_l("Initiative"), text("title")), Column(_l("Target"), day("target_on")),
                    Column(_l("Health"), vocab("health")), Column(_l("Progress"), number("progress")),
                    Column(_l("Status"), vocab("status")), Column(_l("Owner"), text("owner"))],
    "organizations": [Column(_l("Name"), text("name_uk")), Column(_l("Latin name"), text("name_latin")),
                      Column(_l("Kind"), vocab("kind")), Column(_l("Region"), text("region")),
                      Column(_l("Country"), text("country"))],
}  # fmt: skip


def table(name: str) -> tuple[list[str], list[list[Any]]]:
    """The register's headers and rows, for the current request's filters, search and sort."""
    language = request.args.get("headers") if request.args.get("headers") in LANGUAGES else chosen_locale()
    columns = COLUMNS[name]
    rows = current_app.extensions["portfolio"].register_rows(name, list_request(REGISTERS[name].filters))
    with force_locale(language):
        headers = [str(column.header) for column in columns]
        cells = [[column.value(row) for column in columns] for row in rows]
    return headers, cells


@exports.get("/<register>.csv")
@allow(EVERYONE)
def as_csv(register: str) -> Response:
    if register not in COLUMNS:
        abort(404)
    headers, rows = table(register)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows([[spreadsheet_safe(cell) if cell is not None else "" for cell in row] for row in rows])
    response = Response("\ufeff" + buffer.getvalue(), mimetype="text/csv")  # the BOM makes Excel read UTF-8
    response.headers["Content-Disposition"] = f"attachment; filename={register}.csv"
    return response


@exports.get("/<register>.xlsx")
@allow(EVERYONE)
def as_xlsx(register: str) -> Response:
    if register not in COLUMNS:
        abort(404)
    headers, rows = table(register)
    book = Workbook()
    sheet = book.active
    sheet.title = register
    sheet.append(headers)
    for row in rows:
        sheet.append([spreadsheet_safe(cell) for cell in row])
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    response = Response(buffer.getvalue(), mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response.headers["Content-Disposition"] = f"attachment; filename={register}.xlsx"
    return response
