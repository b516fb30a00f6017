"""Registers as CSV and XLSX: the rows the register shows for its filters, search and sort (every
page), with the columns it shows, headed in the person's language (or `?headers=en|uk`).

Amounts are numbers with their currency in the next column, and dates are dates, so a spreadsheet
can add and sort them; vocabulary (stages, kinds) is written as the page shows it. The columns are
in `register_columns.py`; a few come after the page's own (the dates behind a grant's stages, its
applicant), so that an exported file can be imported back whole.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from flask import Blueprint, Response, abort, request
from flask_babel import force_locale

from portfolio.register_specs import REGISTERS
from web.access import EVERYONE, allow
from web.current import current_portfolio
from web.formatting import spreadsheet_safe
from web.i18n import LANGUAGES, chosen_locale
from web.register_columns import COLUMNS
from web.registers import list_request

exports = Blueprint("exports", __name__, url_prefix="/export")


def table(name: str) -> tuple[list[str], list[list[Any]]]:
    """The register's headers and rows, for the current request's filters, search and sort."""
    language = request.args.get("headers") if request.args.get("headers") in LANGUAGES else chosen_locale()
    columns = COLUMNS[name]
    rows = current_portfolio().register_rows(name, list_request(REGISTERS[name].filters))
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
    from openpyxl import Workbook  # imported when first used: a tenth of a second off every worker's start

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
