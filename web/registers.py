"""Shared by the register blueprints: read the list request from the URL, render page or table."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum

from flask import g, render_template
from htmx_flask import request

from portfolio.registers import PER_PAGE, ListRequest
from web.current import current_portfolio


@dataclass(frozen=True)
class Filter:
    key: str
    label: str
    options: Iterable[tuple[str, str]]  # drawn once, on the whole page


def list_request(filter_keys: Iterable[str]) -> ListRequest:
    args = request.args
    return ListRequest(
        filters={key: args.get(key, "") for key in filter_keys if args.get(key)},
        q=args.get("q", "")[:200],
        sort=args.get("sort", ""),
        descending=args.get("dir") == "desc",
        page=int_arg("page", 1),
        per_page=int_arg("per_page", PER_PAGE),
    )


def enum_options(enum: type[Enum], label) -> list[tuple[str, str]]:
    return [(member.value, label(member.value)) for member in enum]


def value_options(register: str, key: str) -> Iterator[tuple[str, str]]:
    """A drop-down filter's values, read when the page is drawn (a request for the table alone never
    reads them); a register's filters are read together, once per request."""
    cached = g.setdefault("filter_values", {})
    if register not in cached:
        cached[register] = current_portfolio().filter_values(register)
    yield from ((value, value) for value in cached[register][key])


def render_register(name: str, title: str, filters: list[Filter], folder: str = "", **extra) -> str:
    """The whole page, or only its table when htmx asks for the table."""
    folder = folder or name
    portfolio = current_portfolio()
    page = portfolio.list_register(name, list_request(f.key for f in filters))
    context = {"register": name, "folder": folder, "title": title, "page": page, "filters": filters, **extra}
    if request.htmx and request.htmx.target == f"{name}-table":
        return render_template(f"{folder}/_table.html", **context)
    return render_template("registers/page.html", **context)


MAX_INT_ARG = 1_000_000


def int_arg(name: str, default: int) -> int:
    """A whole number from 1 to a million from the URL, or the default when it is missing or not one."""
    try:
        return min(max(int(request.args.get(name) or default), 1), MAX_INT_ARG)
    except ValueError:
        return default


def link_args(**changes: object) -> dict[str, object]:
    """The page's query arguments with some changed, for its links; names that `url_for` keeps for
    itself (`endpoint`, `_external`…) are left out."""
    kept = {key: value for key, value in request.args.items() if key != "endpoint" and not key.startswith("_")}
    return {**kept, **changes}
