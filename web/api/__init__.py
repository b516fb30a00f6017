"""The JSON API under /api/v1/: registers, records, their history and the event log, read with a
personal API token (`Authorization: Bearer pt_…`) or a session, with the same roles as the pages.

Lists take the register's filters, `q`, `sort`, `dir`, `page`, `per_page` and `as_of`. Payloads
are defined once, in `web.api.schemas`; the OpenAPI document is generated from them.
"""

from __future__ import annotations

from flask import Blueprint

api = Blueprint("api", __name__, url_prefix="/api/v1")

from web.api import openapi, resources, writes  # noqa: E402, F401 (their routes join the blueprint)
