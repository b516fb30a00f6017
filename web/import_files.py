"""Reading an uploaded CSV or XLSX file into the rows an import plans: headers matched to the
register's columns (in Ukrainian or English), each cell read by its column's type.

A file whose columns cannot be matched is refused as a whole (`ImportFileError`), naming the
columns; a cell that cannot be read becomes a problem of its row, so the preview lists them all.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from typing import Any

from flask_babel import force_locale
from flask_babel import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from domain.errors import DomainError
from domain.money import Money
from portfolio.imports import MAX_ROWS, REQUIRED, ImportRow, Problem, fold
from web.i18n import LANGUAGES
from web.register_columns import COLUMNS, Column

MAX_BYTES = 5 * 1024 * 1024
# An amount's field and the field of its currency (the column after it).
MONEY = {"requested": "requested_currency", "awarded": "awarded_currency", "budget": "budget_currency"}


class ImportFileError(ValueError):
    """The file as a whole cannot be imported; the message says why."""


def read_rows(kind: str, filename: str, data: bytes) -> list[ImportRow]:
    """The file's rows, numbered as the spreadsheet numbers them, with the cells that did not read."""
    if len(data) > MAX_BYTES:
        raise ImportFileError(_("The file is larger than %(size)s MB.", size=MAX_BYTES // 1024 // 1024))
    table = _xlsx(data) if filename.lower().endswith(".xlsx") else _csv(data)
    header = next(table, None)
    if header is None:
        raise ImportFileError(_("The file is empty."))
    columns = match_columns(kind, header)
    rows = []
    for line, cells in enumerate(table, start=2):
        if all(cell is None or str(cell).strip() == "" for cell in cells):
            continue
        if len(rows) == MAX_ROWS:
            raise ImportFileError(_("A file can hold at most %(rows)s rows.", rows=MAX_ROWS))
        rows.append(_row(line, columns, cells))
    if not rows:
        raise ImportFileError(_("The file has headers but no rows."))
    return rows


def match_columns(kind: str, header: list[Any]) -> list[Column | None]:
    """The register's column under each header cell (None under an empty header)."""
    known: dict[str, list[Column]] = {}
    for column in COLUMNS[kind]:
        for language in LANGUAGES:
            with force_locale(language):
                names = known.setdefault(fold(str(column.header)), [])
            if column not in names:
                names.append(column)
    matched: list[Column | None] = []
    unknown = []
    for cell in header:
        name = fold(cell)
        if not name:
            matched.append(None)
            continue
        free = [column for column in known.get(name, []) if column not in matched]  # "Currency" comes twice
        if not free:
            unknown.append(str(cell))
        matched.append(free[0] if free else None)
    fields = {column.field for column in matched if column is not None}
    needed = {*REQUIRED[kind], *(MONEY[name] for name in REQUIRED[kind] if name in MONEY)}
    missing = [str(column.header) for column in COLUMNS[kind] if column.field in needed - fields]
    if unknown or missing:
        parts = []
        if unknown:
            parts.append(_("These columns are not ones this import reads: %(names)s.", names=", ".join(unknown)))
        if missing:
            parts.append(_("These columns are missing: %(names)s.", names=", ".join(missing)))
        expected = ", ".join(str(column.header) for column in COLUMNS[kind])
        raise ImportFileError(" ".join([*parts, _("The columns are: %(names)s.", names=expected)]))
    return matched


def _row(line: int, columns: list[Column | None], cells: list[Any]) -> ImportRow:
    row = ImportRow(line, {})
    for column, cell in zip(columns, cells, strict=False):
        if column is None or column.read is None or column.field is None:
            continue
        try:
            row.values[column.field] = column.read(cell)
        except ValueError as error:
            row.problems.append(Problem(column.field, "invalid", str(error)))
    for amount, currency in MONEY.items():
        if amount in row.values or currency in row.values:
            _money(row, amount, currency)
    return row


def _money(row: ImportRow, amount: str, currency: str) -> None:
    """Put an amount and its currency together as Money."""
    value, code = row.values.pop(amount, None), row.values.pop(currency, "")
    if value is None:
        if amount in {p.field for p in row.problems}:
            return
        row.values[amount] = None
        return
    if not code:
        row.problems.append(Problem(currency, "missing"))
        return
    try:
        row.values[amount] = Money(value, code.upper())
    except DomainError as error:
        row.problems.append(Problem(currency, "invalid", str(error)))


def _xlsx(data: bytes) -> Iterator[list[Any]]:
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise ImportFileError(_("The file cannot be read as an Excel (XLSX) workbook.")) from None
    for row in book.worksheets[0].iter_rows(values_only=True):
        yield list(row)


def _csv(data: bytes) -> Iterator[list[Any]]:
    for encoding in ("utf-8-sig", "cp1251"):  # Excel in Ukrainian saves CSV in Windows-1251
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportFileError(_("The file is neither UTF-8 nor Windows-1251 text."))
    try:
        dialect: Any = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    yield from csv.reader(io.StringIO(text), dialect)
