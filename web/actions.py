"""Stage actions ("Submit", "Record award", "Mark rejected"…): each asks for what its step needs.

A blueprint lists its `Action`s; `action_form` shows one action's form (inline by htmx, or as a
page), and `perform` validates it, runs the use case with the version the person saw, and
answers with the updated stage panel, the form with its errors (422), or the newer state (409).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import partial
from typing import Any
from urllib.parse import urlsplit
from uuid import UUID

from flask import redirect, render_template
from flask_babel import get_locale, gettext
from flask_login import current_user
from htmx_flask import make_response, request
from markupsafe import Markup
from marshmallow import ValidationError
from marshmallow import fields as mf
from werkzeug.exceptions import NotFound
from werkzeug.wrappers import Response

from domain.context import recording
from domain.localtime import KYIV
from portfolio.errors import ConflictError, RuleBrokenError
from portfolio.kinds import KINDS
from web import typed
from web.current import current_portfolio
from web.labels import explained, label
from web.record_links import record_url
from web.schemas import FormSchema, WithMoney, rule_errors
from web.security import local_path

Detail = Callable[[UUID], dict[str, Any]]


@dataclass(frozen=True)
class Action:
    name: str
    label: Any
    use_case: Callable[..., Any]  # the Portfolio method it calls, named as such: Portfolio.record_award
    stages: tuple[str, ...]
    fields: dict[str, mf.Field] = field(default_factory=dict)
    money: tuple[str, ...] = ()
    danger: bool = False
    adds: bool = False  # records a sub-record (a KPI, a tranche…) rather than moving the stage
    prepare: Callable[[dict[str, Any]], dict[str, Any]] | None = None  # reshape the form for the use case
    prefill: Callable[[dict[str, Any]], dict[str, Any]] | None = None  # an edit form starts from the record
    needs: str = ""  # offered only when the record has some of these sub-records ("kpis", "disbursements")
    unless: str = ""  # offered only when the record has none of this ("illustrative": not marked yet)

    def schema(self, api: bool = False) -> FormSchema:
        """The form's schema; the API's has no `version` (a program sends it as If-Match)."""
        base = type("ActionBase", (WithMoney, FormSchema), {"money_fields": self.money})
        return base.from_dict(dict(self.fields), name=f"{self.name.title()}Schema")(exclude=("version",) if api else ())


@dataclass(frozen=True)
class StagePanel:
    """Where a kind of record shows its stage and actions."""

    kind: str
    actions: dict[str, Action]
    detail: Callable[..., dict[str, Any]]  # the Portfolio query of one record: Portfolio.grant_detail
    roles: frozenset  # who may act on it
    stage_of: Callable[[dict[str, Any]], str] = lambda record: record["stage"].value

    @property
    def template(self) -> str:
        """The record's detail partial, in its blueprint's folder: "grants/_detail.html"."""
        page, _ = KINDS[self.kind].endpoint or ("", "")
        return f"{page.split('.')[0]}/_detail.html"

    def available(self, record: dict[str, Any], adds: bool = False) -> list[Action]:
        """The actions the record's stage offers, less those with nothing to act on: a form whose
        drop-down of the record's own sub-records would be empty (no tranche left to receive)."""
        return [
            a
            for a in self.for_stage(self.stage_of(record), adds)
            if (not a.needs or record.get(a.needs))
            and not (a.unless and record.get(a.unless))
            and all(spec.metadata["options"](record) for spec in a.fields.values() if spec.metadata.get("of_record"))
        ]

    def for_stage(self, stage: str, adds: bool = False) -> list[Action]:
        return [a for a in self.actions.values() if stage in a.stages and a.adds is adds]


class OrganizationRef(mf.UUID):
    """A drop-down of the organizations in the register."""


def options(spec: mf.Field, record: dict[str, Any] | None) -> list[tuple[str, str]] | None:
    """The choices a field offers: an enum's values, the organizations, or the record's sub-records."""
    if isinstance(spec, mf.Enum):
        return [(m.value, explained(m.value)) for m in spec.enum]
    if isinstance(spec, OrganizationRef):
        return [(o["id"], o["name_uk"]) for o in current_portfolio().queries.organizations()]
    if "options" in spec.metadata and record is not None:
        return [(str(value), text) for value, text in spec.metadata["options"](record)]
    return None


def action_form(panel: StagePanel, record_id: UUID, name: str) -> str:
    action = _find(panel, name)
    record = panel.detail(current_portfolio(), record_id)
    values = {key: _as_input(value) for key, value in action.prefill(record).items()} if action.prefill else {}
    return _render_form(panel, record, action, values=values, errors={}, message=None)


def _as_input(value: Any) -> str:
    """A value a form fills in, as the person would type it."""
    language = str(get_locale())
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, datetime):
        return f"{typed.typed(value.astimezone(KYIV).date(), language)} {value.astimezone(KYIV):%H:%M}"
    if isinstance(value, date):
        return typed.typed(value, language)
    if isinstance(value, Decimal):
        return typed.typed_amount(value, language)
    return "" if value is None else str(getattr(value, "value", value))


def perform(panel: StagePanel, record_id: UUID, name: str) -> Response | tuple[str, int] | str:
    portfolio = current_portfolio()
    action = _find(panel, name)
    load = partial(panel.detail, portfolio)
    values = request.form.to_dict()
    try:
        data = action.schema().load_form(values)
    except ValidationError as error:
        return _render_form(panel, load(record_id), action, values, field_errors(error), None), 422
    try:
        run_action(action, record_id, data)
    except RuleBrokenError as error:
        errors, message = rule_errors(error, action.fields)
        return _render_form(panel, load(record_id), action, values, errors, message), 422
    except ConflictError as error:
        return _conflict(panel, load(record_id), action, values, error.actor)
    back = local_path(values.get("return_to"))  # an action opened from a board returns to its card there
    if back and request.htmx:  # see `returnToCard` in static/app.js
        return make_response("", 204, trigger={"returnToCard": {"url": back, "card": f"card-{record_id}"}})
    if back:
        return redirect(f"{back}#card-{record_id}")
    if request.htmx and urlsplit(request.htmx.current_url or "").path == request.path:
        return make_response("", 204, redirect=record_url(panel.kind, record_id))  # the action's own page: go back
    if request.htmx:
        return _render_detail(panel, load(record_id))
    return redirect(record_url(panel.kind, record_id))


def _conflict(panel: StagePanel, record: dict[str, Any], action: Action, values: dict[str, str], actor: str):
    """Someone saved a change first: the record's newer state, with nothing saved, and the person's
    form open again with what they typed, at the newer version, to send again or not (when the newer
    stage still allows it). From a board, the form alone, saying where the record now stands."""
    message = gettext("Someone changed this record meanwhile; here is its newer state. Nothing was saved.")
    now = gettext("%(person)s changed it; it is now: %(stage)s, version %(version)s.", person=actor or "?",
                  stage=label(panel.stage_of(record)), version=record["version"])  # fmt: skip
    typed = {key: value for key, value in values.items() if key != "version"}
    if values.get("return_to") and request.htmx:
        return _render_form(panel, record, action, typed, {}, f"{message} {now}"), 409
    still = action in panel.available(record, action.adds)
    form = Markup(_form_html(panel, record, action, typed, {}, None)) if still else None
    return _render_detail(panel, record, conflict=f"{message} {now}", status=409, open_form=form)


def run_action(action: Action, record_id: UUID, data: dict[str, Any], version: int | None = None) -> Any:
    """Do an action with its loaded fields, as the signed-in person, against the version they saw
    (from the form's `version`, or given, as the API's If-Match)."""
    form_version = data.pop("version", None)
    version = form_version if version is None else version
    effective = data.pop("effective_date", None)
    reason = data["reason"] if "reason" in action.fields else data.pop("reason", None)
    data = action.prepare(data) if action.prepare else data
    with recording(current_user.username, reason, effective):
        return action.use_case(current_portfolio(), record_id, **data, expected_version=version)


def _render_detail(
    panel: StagePanel, record: dict[str, Any], conflict: str | None = None, status: int = 200, open_form: Any = None
):
    """The record's whole detail partial, swapped in place of the one on the page (with `open_form`
    in its action slot)."""
    context = {panel.kind: record, "panel": panel, "conflict": conflict, "open_form": open_form}
    html = render_template(panel.template, **context)
    if not request.htmx:
        return render_template("actions/conflict.html", html=html, record=record), status
    return make_response(html, status, retarget=f"#{panel.kind}-detail", reswap="outerHTML")


def field_errors(error: ValidationError) -> dict[str, list[str]]:
    """Marshmallow's messages as a list of plain strings per field."""
    messages = error.messages if isinstance(error.messages, dict) else {"_schema": error.messages}
    return {name: [str(m) for m in (found if isinstance(found, list) else [found])] for name, found in messages.items()}


def describe(action: Action, record: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """What the form shows for each field of an action: every value is typed as text, amounts and
    dates as the person's language writes them (see `typed.py`), with the date format beside."""
    described = []
    for name, spec in action.fields.items():
        choices = options(spec, record)
        kind = (
            "select" if choices is not None else
            "checkbox" if isinstance(spec, mf.Boolean) else
            "textarea" if name in ("reason", "text", "comment", "description", "summary") else
            "text"
        )  # fmt: skip
        mode = "decimal" if isinstance(spec, mf.Decimal) else "numeric" if isinstance(spec, mf.Integer) else None
        hint = (
            gettext("mm/dd/yyyy hh:mm") if isinstance(spec, mf.DateTime) else
            gettext("mm/dd/yyyy") if isinstance(spec, mf.Date) else
            None
        )  # fmt: skip
        described.append({"name": name, "label": spec.metadata.get("label", name), "kind": kind, "mode": mode,
                          "hint": hint, "required": spec.required, "choices": choices or ()})  # fmt: skip
    return described


def _render_form(panel, record, action, values, errors, message) -> str:
    template = "actions/_form.html" if request.htmx else "actions/page.html"
    return _form_html(panel, record, action, values, errors, message, template)


def _form_html(panel, record, action, values, errors, message, template: str = "actions/_form.html") -> str:
    return render_template(
        template, panel=panel, record=record, action=action, inputs=describe(action, record),
        values=values, errors=errors, message=message,
        return_to=local_path(values.get("return_to") or request.args.get("return_to")),
    )  # fmt: skip


def _find(panel: StagePanel, name: str) -> Action:
    if name not in panel.actions:
        raise NotFound()
    return panel.actions[name]
