"""Import of organizations, projects and grant applications from CSV or XLSX.

Upload a file and see, row by row, what would be created or changed and every problem; nothing is
saved until the preview is confirmed. The confirmation sends the same file back (it travels in the
preview's form, so no server keeps it) and saves only if the plan is still what was previewed.
Every event is attributed to the importing person, with the file's name as the reason.
"""

from __future__ import annotations

import base64
import binascii
import csv
import io
import re
from typing import Any

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from domain.context import recording
from portfolio.errors import ConflictError, RuleBrokenError
from portfolio.imports import ImportPlan, Problem
from web.access import EDITORS, allow
from web.current import current_portfolio
from web.import_files import MONEY, ImportFileError, read_rows, required_fields
from web.labels import label
from web.register_columns import COLUMNS, IMPORTED
from web.schemas import problem_message, rule_message

imports = Blueprint("imports", __name__, url_prefix="/import")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@imports.get("/")
@allow(EDITORS)
def index() -> str:
    return render_template("imports/index.html", kinds=IMPORTED)


@imports.get("/<kind>/template.<extension>")
@allow(EDITORS)
def template(kind: str, extension: str) -> Response:
    if kind not in IMPORTED or extension not in ("csv", "xlsx"):
        abort(404)
    headers = [str(column.header) for column in COLUMNS[kind]]
    if extension == "csv":
        buffer = io.StringIO()
        csv.writer(buffer).writerow(headers)
        response = Response("\ufeff" + buffer.getvalue(), mimetype="text/csv")
    else:
        response = Response(_template_book(kind, headers), mimetype=XLSX)
    response.headers["Content-Disposition"] = f"attachment; filename={kind}-template.{extension}"
    return response


@imports.post("/<kind>/preview")
@allow(EDITORS)
def preview(kind: str) -> tuple[str, int]:
    upload = request.files.get("file")
    if kind not in IMPORTED:
        abort(404)
    if upload is None or not upload.filename:
        return _page(kind, message=_("Choose a CSV or XLSX file."), status=422)
    return _planned(kind, file_name(upload.filename), upload.read())


@imports.post("/<kind>")
@allow(EDITORS)
def confirm(kind: str) -> Response | tuple[str, int]:
    if kind not in IMPORTED:
        abort(404)
    try:
        data = base64.b64decode(request.form.get("content", ""), validate=True)
    except binascii.Error:
        return _page(kind, message=_("The confirmation lost its file; upload it again."), status=422)
    filename = file_name(request.form.get("filename", ""))
    return _planned(kind, filename, data, previewed=request.form.get("digest", ""))


def file_name(given: str) -> str:
    """The uploaded file's own name, as the reason of its events: no folders, no control characters."""
    name = re.split(r"[\\/]", given)[-1]
    return "".join(char for char in name if char.isprintable()).strip()[:120] or "import"


def _planned(kind: str, filename: str, data: bytes, previewed: str | None = None) -> Response | tuple[str, int]:
    """Plan the file; save it only when confirming a clean plan that is still what was previewed."""
    app = current_portfolio()
    try:
        rows = read_rows(kind, filename, data)
        with recording(current_user.username, _("Import of %(file)s", file=filename)):
            plan = app.plan_import(kind, rows)
            if previewed is None or not plan.ok:
                status = 200 if plan.ok else 422
                return _page(kind, plan=plan, filename=filename, data=data, status=status)
            if plan.digest() != previewed:
                message = _("The records changed since the preview. Check the new preview and confirm again.")
                return _page(kind, plan=plan, filename=filename, data=data, message=message, status=409)
            app.commit_import(plan)
    except ImportFileError as error:
        return _page(kind, message=rule_message(error), status=422)
    except ConflictError as error:
        return _page(kind, message=str(error), status=409)
    except RuleBrokenError as error:
        return _page(kind, message=rule_message(error), status=422)
    flash(_("Imported %(file)s: %(created)s created, %(changed)s changed, %(same)s unchanged.", file=filename,
            created=plan.count("create"), changed=plan.count("change"), same=plan.count("same")))  # fmt: skip
    return redirect(url_for(f"{kind}.index"))


def _page(kind: str, plan: ImportPlan | None = None, filename: str = "", data: bytes = b"", message: str | None = None,
          status: int = 200) -> tuple[str, int]:  # fmt: skip
    html = render_template(
        "imports/preview.html" if plan else "imports/index.html",
        kinds=IMPORTED,
        kind=kind,
        plan=plan,
        filename=filename,
        content=base64.b64encode(data).decode() if plan and plan.ok else "",
        message=message,
        problem_text=problem_text,
    )
    return html, status


def column_name(kind: str, field: str | None) -> str:
    """The header of the column that fills a field (an amount's currency is the column after it)."""
    for column in COLUMNS[kind]:
        if column.field == field:
            return str(column.header)
    return field or ""


def problem_text(kind: str, problem: Problem) -> str:
    """A problem of a row, in the person's language."""
    column, detail = column_name(kind, problem.field), problem.detail
    messages = {
        "invalid": f"{column}: {detail}" if column else detail,  # which cell did not read
        "missing": _("%(column)s is required.", column=column),
        "unknown_organization": _("No organization is named «%(name)s».", name=detail),
        "ambiguous_organization": _("Several organizations are named «%(name)s».", name=detail),
        "duplicate": _("Row %(line)s already names this record.", line=detail),
        "needed_for_stage": _("The stage «%(stage)s» needs %(column)s.", stage=label(detail), column=column),
        "stage_back": _(
            "The record is already at «%(stage)s»; moving it back is a correction, made on its page.",
            stage=label(detail),
        ),
        "not_at_stage": _(
            "%(column)s is given, but at the stage «%(stage)s» there is none.", column=column, stage=label(detail)
        ),
        "unchangeable": _("%(column)s cannot be changed by an import.", column=column),
        "rule": rule_message(problem.refusal) if problem.refusal is not None else detail,
        "value": f"{column}: {problem_message(detail, problem.limit)}",
    }
    return messages.get(problem.code, detail)


def _template_book(kind: str, headers: list[str]) -> bytes:
    """An empty sheet with the register's headers, and a second sheet that explains each column."""
    from openpyxl import Workbook  # imported when first used: a tenth of a second off every worker's start

    book = Workbook()
    sheet = book.active
    sheet.title = kind
    sheet.append(headers)
    sheet.freeze_panes = "A2"
    help_sheet = book.create_sheet(_("Help"))
    help_sheet.append([_("Column"), _("Required"), _("What it takes")])
    needed = required_fields(kind)
    for column in COLUMNS[kind]:
        help_sheet.append([str(column.header), _("yes") if column.field in needed else "", _describe(column.field)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _describe(field: str | None) -> str:
    hints: dict[str, Any] = {
        "stage": _("The stage by its name, as the register shows it; empty: the first stage."),
        "kind": _("The kind by its name, as the register shows it."),
        "priority": "NOW, WOW, HOW",
        "organization": _("The name of an organization already registered."),
        "funder": _("The name of an organization already registered."),
        "applicant": _("The name of an organization already registered."),
        "deadline": _("A date (the end of that day in Kyiv) or a date and time (Kyiv time)."),
        "country": _("Two letters, such as UA or DE."),
    }
    if field in hints:
        return str(hints[field])
    if field in MONEY:
        return _("A number; its currency in the next column.")
    if field and field.endswith("_estimated"):
        return _("Yes if the amount before it is an estimate; empty: it is a fact.")
    if field == "archived":
        return _("Yes or no.")
    if field and (field.endswith("_on") or field.startswith(("planned", "period"))):
        return _("A date: 2024-03-15 or 15.03.2024.")
    if field and field.endswith("_currency"):
        return _("A currency code, such as UAH or EUR.")
    return _("Text.")
