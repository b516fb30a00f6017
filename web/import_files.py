"""Reading an uploaded CSV or XLSX file into the rows an import plans: headers matched to the
register's columns (in Ukrainian or English), each cell read by its column's type.

A file whose columns cannot be matched is refused as a whole (`ImportFileError`), naming the
columns; a cell that cannot be read becomes a problem of its row, so the preview lists them all.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from flask_babel import force_locale
from flask_babel import gettext as _

from domain.errors import DomainError
from domain.money import Money
from portfolio.imports import MAX_ROWS, REQUIRED, ImportRow, Problem, fold
from portfolio.kinds import KINDS
from web.i18n import LANGUAGES
from web.register_columns import COLUMNS, Column
from web.schemas import rule_message

MAX_BYTES = 5 * 1024 * 1024
MAX_LINES = 4 * MAX_ROWS  # lines read, empty ones included, before a file is refused
# An amount's field and the field of its currency (the column after it).
# Each amount a file may give, with its currency's column.
MONEY = {f.name: f.columns[1] for kind in KINDS.values() for f in kind.fields if f.type == "money"}


class ImportFileError(ValueError):
    """The file as a whole cannot be imported; the message says why."""


def read_rows(kind: str, filename: str, data: bytes) -> list[ImportRow]:
    """The file's rows, numbered as the spreadsheet numbers them, with the cells that did not read."""
    if len(data) > MAX_BYTES:
        raise ImportFileError(_("The file is larger than %(size)s MB.", size=MAX_BYTES // 1024 // 1024))
    is_xlsx = data.startswith(b"PK") or filename.lower().endswith(".xlsx")  # an XLSX file is a ZIP archive
    lines = _xlsx(data) if is_xlsx else _csv(data)  # read as they are needed: a huge file stops early
    header = next(lines, None)
    if header is None:
        raise ImportFileError(_("The file is empty."))
    columns = match_columns(kind, header)
    rows = []
    for line, cells in enumerate(lines, start=2):
        if line > MAX_LINES:
            raise ImportFileError(_("A file can have at most %(lines)s lines, empty ones included.", lines=MAX_LINES))
        if all(cell is None or str(cell).strip() == "" for cell in cells):
            continue
        if len(rows) == MAX_ROWS:
            raise ImportFileError(_("A file can hold at most %(rows)s rows.", rows=MAX_ROWS))
        rows.append(_row(line, columns, cells))
    if not rows:
        raise ImportFileError(_("The file has headers but no rows."))
    return rows


def required_fields(kind: str) -> set[str]:
    """The fields a file of this kind must have a column for (a required amount's currency too)."""
    return {*REQUIRED[kind], *(MONEY[name] for name in REQUIRED[kind] if name in MONEY)}


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
        free = [column for column in known.get(name, []) if column not in matched]
        if len(free) > 1 and matched and matched[-1] is not None:  # "Currency" belongs to the amount before it
            after = [column for column in free if column.field == MONEY.get(matched[-1].field or "")]
            free = after or free
        if not free:
            unknown.append(str(cell))
        matched.append(free[0] if free else None)
    fields = {column.field for column in matched if column is not None}
    needed = required_fields(kind)
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
        if amount in row.values or amount in {p.field for p in row.problems}:
            _money(row, amount, currency)
        else:
            row.values.pop(currency, None)  # a currency alone says nothing about any amount
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
        row.problems.append(Problem(currency, "invalid", rule_message(error)))


def _xlsx(data: bytes) -> Iterator[list[Any]]:
    """The first sheet's rows, one at a time. A formula is read as the value the spreadsheet last
    computed; one never computed (a file written by a program) is refused rather than read as empty.
    The sheet's own note of its size is not trusted (a program may write "A1:B2" over ten rows)."""
    from openpyxl import load_workbook  # imported when first used: a tenth of a second off every worker's start

    try:
        values = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        formulas = load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
        values.reset_dimensions()
        formulas.reset_dimensions()
        pairs = zip(values.iter_rows(values_only=True), formulas.iter_rows(values_only=True), strict=False)
        for line, (cells, sources) in enumerate(pairs, start=1):
            for cell, source in zip(cells, sources, strict=False):
                if cell is None and isinstance(source, str) and source.startswith("="):
                    raise ImportFileError(_uncomputed(line, source))
            yield list(cells)
    except ImportFileError:
        raise
    except Exception:  # a damaged or odd workbook, whatever the parser trips on
        raise ImportFileError(_("The file cannot be read as an Excel (XLSX) workbook.")) from None


def _uncomputed(line: int, formula: str) -> str:
    return _(
        "Row %(line)s has a formula without a computed value (%(formula)s). Open the file in a spreadsheet and "
        "save it, or write the value itself.",
        line=line,
        formula=formula[:40],
    )


def _csv(data: bytes) -> Iterator[list[Any]]:
    for encoding in ("utf-8-sig", "cp1251"):  # Excel in Ukrainian saves CSV in Windows-1251
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportFileError(_("The file is neither UTF-8 nor Windows-1251 text."))
    first = text.splitlines()[0] if text.strip() else ""
    try:
        dialect: Any = csv.Sniffer().sniff(first, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        yield from csv.reader(io.StringIO(text, newline=""), dialect)
    except csv.Error as error:
        raise ImportFileError(_("The file cannot be read as CSV: %(error)s.", error=error)) from None
