"""Board packs: issue one as of a date, open it as a printable page or as a PDF."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from uuid import UUID

from flask import Blueprint, Response, abort, current_app, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from marshmallow import ValidationError

from domain.context import recording
from domain.localtime import KYIV
from portfolio.errors import RuleBrokenError
from web import typed
from web.access import AUDITORS, EVERYONE, ROADMAP_EDITORS, allow
from web.actions import field_errors
from web.current import current_portfolio
from web.schemas import FormSchema, date_field, rule_message, text

board_packs = Blueprint("board_packs", __name__, url_prefix="/board-packs")
STYLESHEET = Path(__file__).parent / "static" / "app.css"


SECTIONS = {  # the sections of a pack, as its seal names them
    "details": _l("the pack's own details in the list of packs (title, date, stamp)"),
    "figures": _l("Summary"),
    "projects": _l("Projects"),
    "grants": _l("Grant applications"),
    "initiatives": _l("Roadmap"),
    "memoranda": _l("Memoranda"),
    "changes": _l("Changes since the previous pack"),
}


@board_packs.app_template_filter("pack_section")
def pack_section(name: str) -> str:
    return str(SECTIONS.get(name, name))


class PackSchema(FormSchema):
    title = text(max_length=200, metadata={"label": _l("Title")})
    as_of = date_field(_l("The portfolio as of (end of day)"))


def _index(values: dict, errors: dict, message: str | None, status: int = 200) -> tuple[str, int]:
    packs = current_portfolio().board_packs()
    return render_template("board_packs/index.html", packs=packs, values=values, errors=errors, message=message), status


@board_packs.get("/")
@allow(EVERYONE)
def index() -> tuple[str, int]:
    return _index({"as_of": typed.typed(datetime.now(KYIV).date(), str(get_locale()))}, {}, None)


@board_packs.post("/")
@allow(ROADMAP_EDITORS)
def issue() -> Response | tuple[str, int]:
    values = request.form.to_dict()
    try:
        data = PackSchema().load_form(values)
    except ValidationError as error:
        return _index(values, field_errors(error), None, 422)
    now = datetime.now(KYIV)
    if data["as_of"] > now.date():
        too_late = _("A pack shows what was recorded by a day that has begun: today or earlier.")
        return _index(values, {"as_of": [too_late]}, None, 422)
    moment = min(datetime.combine(data["as_of"], time.max, KYIV), now)  # today: as recorded by now
    try:
        with recording(current_user.username):
            pack_id = current_portfolio().issue_board_pack(
                data["title"], moment, current_app.config["REPORTING_CURRENCY"]
            )
    except RuleBrokenError as error:
        return _index(values, {}, rule_message(error), 422)
    return redirect(url_for("board_packs.pack", pack_id=pack_id))


def _render(pack_id: UUID, for_pdf: bool, replayed: dict | None = None) -> str:
    pack = current_portfolio().board_pack(pack_id, current_app.config["REPORTING_CURRENCY"])
    return render_template("board_packs/pack.html", pack=pack, for_pdf=for_pdf, replayed=replayed)


@board_packs.get("/<uuid:pack_id>")
@allow(EVERYONE)
def pack(pack_id: UUID) -> str:
    return _render(pack_id, for_pdf=False)


@board_packs.get("/<uuid:pack_id>/from-events")
@allow(AUDITORS)
def from_events(pack_id: UUID) -> str:
    """The pack with its content also recomputed from the events alone and compared with its seal."""
    portfolio = current_portfolio()
    replayed = portfolio.recompute_board_pack(pack_id, current_app.config["REPORTING_CURRENCY"])
    return _render(pack_id, for_pdf=False, replayed=replayed)


@board_packs.get("/<uuid:pack_id>.pdf")
@allow(EVERYONE)
def pdf(pack_id: UUID) -> Response:
    """The same page as a PDF (WeasyPrint; it needs the Pango library of the operating system)."""
    try:
        from weasyprint import CSS, HTML
    except OSError:  # the library is installed but the system's Pango is missing
        abort(503, _("PDF needs the Pango library on the server; use your browser's Print → Save as PDF instead."))
    document = HTML(string=_render(pack_id, for_pdf=True), base_url=request.host_url)
    response = Response(document.write_pdf(stylesheets=[CSS(filename=STYLESHEET)]), mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="board-pack-{pack_id}.pdf"'
    return response
