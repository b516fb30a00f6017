"""The pages every kind of record has, made alike for each: a record's page, its actions (a form,
or doing it) and the form that creates one. Their addresses take the argument the kind declares
(`portfolio/kinds.py`: "grant_id"); who may act is the panel's roles."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Blueprint, render_template, request

from portfolio.kinds import KINDS
from web import creation
from web.access import EVERYONE, allow
from web.actions import StagePanel, action_form, perform
from web.creation import CreateForm
from web.current import current_portfolio


def add_record_pages(blueprint: Blueprint, panel: StagePanel, form: CreateForm) -> None:
    """`<blueprint>.detail`, `.act` and `.new`: /<id>, /<id>/act/<action> and /new."""
    kind = KINDS[panel.kind]
    assert kind.endpoint is not None and kind.endpoint[0] == f"{blueprint.name}.detail"
    argument = kind.endpoint[1]

    @allow(EVERYONE)
    def detail(**ids: UUID) -> str:
        record = panel.detail(current_portfolio(), ids[argument])
        return render_template(f"{blueprint.name}/detail.html", **{kind.name: record}, panel=panel)

    @allow(panel.roles)
    def act(action: str, **ids: UUID) -> Any:
        """A stage action: its form (GET), or doing it (POST)."""
        if request.method == "GET":
            return action_form(panel, ids[argument], action)
        return perform(panel, ids[argument], action)

    @allow(panel.roles)
    def new() -> Any:
        """The form for a new record (GET), or creating it (POST)."""
        if request.method == "GET":
            return creation.show(form)
        return creation.create(form)

    blueprint.add_url_rule(f"/<uuid:{argument}>", view_func=detail, methods=["GET"])
    blueprint.add_url_rule(f"/<uuid:{argument}>/act/<action>", view_func=act, methods=["GET", "POST"])
    blueprint.add_url_rule("/new", view_func=new, methods=["GET", "POST"])
