"""Registers: filtered, searched, sorted and paginated lists straight from the read-model tables.

Each `Register` names the columns a person may sort and filter by; anything else is ignored, so
no request can inject SQL. Search matches the case-folded twins of the searchable columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from math import ceil
from typing import Any, NamedTuple

from portfolio import timetravel
from portfolio.collation import sorted_by_name
from portfolio.readmodels.schema import SEARCHABLE
from portfolio.readmodels.store import ReadModelMixin

PER_PAGE = 25
NAMES = ("organization_id", "funder_id")  # columns that hold an organization's id
MAX_PER_PAGE = 200


@dataclass(frozen=True)
class Register:
    table: str
    select: str
    sorts: dict[str, str]
    filters: dict[str, str]
    default_sort: str
    joins: str = ""
    choices: dict[str, str] = field(default_factory=dict)  # drop-down filter -> its column in `CHOICES`

    def search_columns(self) -> tuple[str, ...]:
        return tuple(f"t.{column}_fold" for column in SEARCHABLE.get(self.table, ()))


@dataclass(frozen=True)
class ListRequest:
    filters: dict[str, str] = field(default_factory=dict)
    q: str = ""
    sort: str = ""
    descending: bool = False
    page: int = 1
    per_page: int = PER_PAGE


@dataclass(frozen=True)
class Page:
    rows: list[dict[str, Any]]
    total: int
    request: ListRequest
    sort: str

    @property
    def pages(self) -> int:
        return max(1, ceil(self.total / self.request.per_page))


def list_rows(store: ReadModelMixin, register: Register, request: ListRequest) -> Page:
    query = _query(register, request)
    per_page = min(max(request.per_page, 1), MAX_PER_PAGE)
    page = max(request.page, 1)
    total = store.query(f"SELECT COUNT(*) AS n {query.counted}", query.params)[0]["n"]
    window = f"{query.order} LIMIT {per_page} OFFSET {(page - 1) * per_page}"
    if query.joined:  # a filter or the sort needs the joined tables
        sql = f"SELECT {register.select} {query.base} {window}"
    else:  # the page's rows first, then the names joined to them alone
        sql = f"SELECT {register.select} FROM (SELECT t.* {query.counted} {window}) t {register.joins} {query.order}"
    rows = store.query(sql, query.params)
    shown = ListRequest(request.filters, request.q, query.sort, request.descending, page, per_page)
    return Page(rows, total, shown, query.sort)


def all_rows(store: ReadModelMixin, register: Register, request: ListRequest) -> list[dict[str, Any]]:
    """Every row the register shows for this request, on every page, in its order (for exports)."""
    query = _query(register, request)
    return store.query(f"SELECT {register.select} {query.base} {query.order}", query.params)


class _Query(NamedTuple):
    base: str  # FROM … WHERE …
    counted: str  # the same without the joins when no condition needs them (a join to one name adds no rows)
    params: dict[str, Any]
    order: str  # ORDER BY …
    sort: str  # the sort key used
    joined: bool  # whether a condition or the order needs the joins


def _query(register: Register, request: ListRequest) -> _Query:
    where, params, joined = [], {}, False
    for key, value in request.filters.items():
        if key in register.filters and value:
            where.append(_condition(register.filters[key], f":f_{key}"))
            params[f"f_{key}"] = value
            joined = joined or _uses_joins(register.filters[key])
    if request.q.strip() and register.search_columns():
        params["q"] = f"%{_escape_like(request.q.strip().casefold())}%"
        where.append("(" + " OR ".join(f"{c} LIKE :q ESCAPE '\\'" for c in register.search_columns()) + ")")
    sql_where = f" WHERE {' AND '.join(where)}" if where else ""
    sort = request.sort if request.sort in register.sorts else register.default_sort
    direction = "DESC" if request.descending else "ASC"
    order = f"ORDER BY {register.sorts[sort]} {direction} NULLS LAST, t.id {direction}"
    base = f"FROM {register.table} t {register.joins}{sql_where}"
    counted = base if joined else f"FROM {register.table} t{sql_where}"
    return _Query(base, counted, params, order, sort, joined or _uses_joins(register.sorts[sort]))


def _uses_joins(expression: str) -> bool:
    """Whether an expression names a table other than the register's own (`t`)."""
    return bool(set(re.findall(r"\b([a-z_]\w*)\.\w", expression)) - {"t"})


def _condition(expression: str, placeholder: str) -> str:
    """`t.stage` means equality; an expression with `{p}` places the value itself."""
    return expression.format(p=placeholder) if "{p}" in expression else f"{expression} = {placeholder}"


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def filter_choices(store: ReadModelMixin, register: Register) -> dict[str, list[str]]:
    """The values each drop-down filter of a register can take, in one query: every value its
    column has held (as of the date viewed), from `rm_choices`; organizations are offered by name."""
    keys = {column: key for key, column in register.choices.items()}
    if not keys:
        return {}
    names = ", ".join(f"'{column}'" for column in NAMES)
    since = " AND c.since <= :as_of_position" if timetravel.current() else ""
    rows = store.query(
        "SELECT DISTINCT c.column_name AS c, COALESCE(o.name_uk, c.value) AS v FROM rm_choices c "
        f"LEFT JOIN rm_organizations o ON o.id = c.value AND c.column_name IN ({names}) "
        f"WHERE c.register_table = :table{since} AND (o.id IS NOT NULL OR c.column_name NOT IN ({names})) "
        "ORDER BY 1, 2",
        {"table": register.table},
    )
    values: dict[str, list[str]] = {key: [] for key in register.choices}
    for row in rows:
        if row["c"] in keys:
            values[keys[row["c"]]].append(row["v"])
    return {key: sorted_by_name(names) for key, names in values.items()}
