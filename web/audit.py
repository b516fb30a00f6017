"""Audit pages: the global event log (and its CSV), the readable history of any record, and the
state of the tamper-evident chain with its signed checkpoints."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from uuid import UUID

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    g,
    redirect,
    render_template,
    request,
    stream_with_context,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from htmx_flask import make_response
from marshmallow import ValidationError
from werkzeug.exceptions import BadRequest

from domain.context import recording
from domain.localtime import KYIV
from portfolio.audit.log import LogFilter
from portfolio.audit.verification import WitnessUnreadable, sign_checkpoint, verify
from portfolio.collation import sorted_by_name
from portfolio.errors import RuleBrokenError
from web import timetravel
from web.access import ADMINS, AUDITORS, EVERYONE, allow, hidden_record_types
from web.actions import field_errors
from web.current import current_portfolio
from web.formatting import spreadsheet_safe
from web.history_labels import event_label, record_type_label
from web.registers import int_arg
from web.schemas import FormSchema, reason_field, rule_message

audit = Blueprint("audit", __name__, url_prefix="/audit")

CSV_COLUMNS = (
    "position", "recorded_at", "real_on", "effective_on", "actor", "record_type", "record_id", "title",
    "version", "event", "reason", "summary",
)  # fmt: skip


def _day(name: str, errors: dict[str, str] | None) -> date | None:
    """The day typed in a date filter; one that cannot be read is refused (400), or with `errors`
    noted there, by the filter's name, and left out."""
    text = request.args.get(name, "").strip()
    try:
        return timetravel.parse_moment(text)[0].date() if text else None
    except BadRequest as error:
        if errors is None:
            raise
        errors[name] = str(error.description)
        return None


def log_filter(errors: dict[str, str] | None = None) -> LogFilter:
    args = request.args
    return LogFilter(
        record_type=args.get("record_type", ""),
        record_id=args.get("record_id", "")[:36],
        actor=args.get("actor", ""),
        event=args.get("event", ""),
        since=_day("since", errors),
        until=_day("until", errors),
        hidden=hidden_record_types(),
    )


@audit.get("/")
@allow(EVERYONE)
def log() -> str | tuple[str, int] | Response:
    portfolio = current_portfolio()
    errors: dict[str, str] = {}
    chosen = log_filter(errors)
    page = portfolio.audit_log(chosen, int_arg("page", 1), int_arg("per_page", 50))
    choices = portfolio.audit_log_choices(chosen.hidden)
    # People, kinds of record and events as the person reads them, in the order of their alphabet.
    choices["actor"] = sorted_by_name(choices["actor"])
    labelled = {"record_type": record_type_label, "event": event_label}
    for key, label in labelled.items():
        choices[key] = sorted_by_name([(value, label(value)) for value in choices[key]], name=lambda pair: pair[1])
    context = {"page": page, "chosen": chosen, "choices": choices, "errors": errors}
    if errors and request.headers.get("HX-Request") == "true":  # the filters again, each bad date told beside it
        response = make_response(render_template("audit/log.html", **context), 422,
                                 retarget="#audit-filters", reswap="outerHTML")  # fmt: skip
        response.headers["HX-Reselect"] = "#audit-filters"
        return response
    if request.headers.get("HX-Target") == "audit-log":
        return render_template("audit/_log.html", **context)
    return render_template("audit/log.html", **context), 400 if errors else 200


@audit.get("/log.csv")
@allow(EVERYONE)
def log_csv() -> Response:
    rows = current_portfolio().audit_log_rows(log_filter())

    def lines() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: spreadsheet_safe(value) for key, value in row.items()})
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        yield buffer.getvalue()

    response = Response(stream_with_context(lines()), mimetype="text/csv")
    response.headers["Content-Disposition"] = "attachment; filename=audit-log.csv"
    return response


@audit.get("/changes")
@allow(EVERYONE)
def changes() -> tuple[str, int]:
    """What changed between two moments (a Kyiv date means the end of that day)."""
    today = datetime.now(KYIV).date()
    errors: dict[str, str] = {}  # a date that cannot be read is told beside it; its default is compared meanwhile
    since = _moment("from", (today - timedelta(days=30)).isoformat(), errors)
    until = _moment("to", today.isoformat(), errors)
    basis = request.args.get("basis", "")
    before, after = timetravel.resolve(since, basis), timetravel.resolve(until, basis)
    differences = current_portfolio().compare(before, after)
    html = render_template("audit/changes.html", differences=differences, since=since, until=until, basis=basis,
                           before=before, after=after, errors=errors)  # fmt: skip
    return html, 400 if errors else 200


def _moment(name: str, default: str, errors: dict[str, str]) -> str:
    """The moment typed in `name` as ISO; `default` (and its error noted) where it cannot be read."""
    try:
        return timetravel.canonical(request.args.get(name) or default)
    except BadRequest as error:
        errors[name] = str(error.description)
        return default


@audit.get("/chain")
@allow(AUDITORS)
def chain() -> tuple[str, int]:
    """The state of the hash chain, its checkpoints and the quarantine; `?verify=1` recomputes it now."""
    portfolio = current_portfolio()
    if not request.args.get("verify"):
        return _chain_page()
    try:
        return _chain_page(verify(portfolio.chain))
    except WitnessUnreadable as error:
        return _chain_page(unreadable=str(error))


def _chain_page(verdict=None, release=None, status=200, unreadable: str = "") -> tuple[str, int]:
    portfolio = current_portfolio()
    position, head = portfolio.chain.head()
    html = render_template(
        "audit/chain.html",
        position=position,
        head=head,
        status=portfolio.projector.status(),
        checkpoints=list(reversed(portfolio.chain.checkpoints())),
        verdict=verdict,
        can_sign=bool(portfolio.chain.key),
        starts=portfolio.chain.starts(),
        imports=portfolio.chain.imports(),
        witness=str(portfolio.chain.witness.path or ""),
        unreadable=unreadable,
        quarantined=portfolio.quarantined(),
        release=release or {},
    )
    return html, status


def stale_records() -> frozenset[str]:
    """The ids of records with a change set aside (registers mark their rows); read once a request."""
    if "stale_records" not in g:
        g.stale_records = current_portfolio().stale_records()
    return g.stale_records


def stale_events(record_id: UUID | str) -> list[dict]:
    """The changes of a record set aside and not yet repaired (its page says so)."""
    if str(record_id) not in stale_records():
        return []
    return current_portfolio().stale_events(record_id)


class ReleaseSchema(FormSchema):
    reason = reason_field(_l("What was repaired"))


@audit.post("/quarantine/<int:position>/release")
@allow(ADMINS)
def release(position: int) -> Response | tuple[str, int]:
    """An admin says an event set aside is repaired; its record is no longer shown as stale."""
    values = request.form.to_dict()
    try:
        data = ReleaseSchema().load_form(values)
        with recording(current_user.username, data["reason"]):
            current_portfolio().release_from_quarantine(position, data["reason"])
    except ValidationError as error:
        return _chain_page(release={"position": position, "values": values, "errors": field_errors(error)}, status=422)
    except RuleBrokenError as error:
        return _chain_page(release={"position": position, "values": values, "message": rule_message(error)}, status=422)
    return redirect(url_for("audit.chain", _anchor="quarantine"))


@audit.post("/chain/checkpoint")
@allow(ADMINS)
def checkpoint() -> Response | tuple[str, int]:
    """Verify the whole log and sign its head; a broken log is shown, not signed."""
    try:
        verdict, signed = sign_checkpoint(current_portfolio().chain, current_user.username)
    except WitnessUnreadable as error:
        return _chain_page(unreadable=str(error), status=409)
    if signed is None:
        return _chain_page(verdict, status=409)
    flash(_("Checkpoint signed at event #%(position)s.", position=signed["position"]))
    return redirect(url_for("audit.chain"))


@audit.get("/records/<uuid:record_id>")
@allow(EVERYONE)
def history(record_id: UUID) -> str:
    portfolio = current_portfolio()
    record = portfolio.record_title(record_id)
    if record["kind"] == "account" and current_user.role not in AUDITORS:
        abort(403)  # who holds which role and tokens is for auditors and admins
    entries = portfolio.record_history(record_id)
    return render_template("audit/history.html", entries=reversed(entries), record=record, title=_("History"))
