"""Every page, export, feed and pack a portfolio shows, to be fetched by a signed-in test client."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

from domain.context import recording

# The register page of each kind of record, whose read model is the table rm_<kind>; a record's page is its
# register's address and its id
REGISTERS = {"projects": "/projects/", "grants": "/grants/", "memoranda": "/memoranda/",
             "initiatives": "/roadmap/", "organizations": "/organizations/"}  # fmt: skip
GENERAL = (
    "/", "/dashboard/", "/dashboard/stages", "/grants/board", "/roadmap/board", "/rates/", "/account/",
    "/audit/", "/audit/log.csv", "/audit/chain", "/audit/changes?from=1900-01-01&to=2200-12-31", "/board-packs/",
    "/api/v1/events", "/api/v1/openapi.json", "/import/",
)  # fmt: skip


def every_page(portfolio: Any, username: str = "admin", records: set[str] | None = None) -> list[str]:
    """The URLs of every page that shows the records of `portfolio` now (the detail pages of
    `records` only, when given): with a board pack issued now and a calendar token of `username`'s
    (both made here)."""
    with recording(username):
        portfolio.issue_board_pack("Every page", datetime.now(UTC))
        token = portfolio.issue_token(username, f"feed {uuid4().hex[:8]}", "calendar")
    urls = [*GENERAL, f"/calendar/{token}.ics"]
    for kind, register in REGISTERS.items():
        urls += [register, f"{register}?sort=title&dir=desc" if kind != "organizations" else f"{register}?q=a"]
        urls += [f"/export/{kind}.csv", f"/export/{kind}.xlsx", f"/api/v1/{kind}"]
        for row in portfolio.read_models.query(f"SELECT id FROM rm_{kind}"):
            record = row["id"]
            if records is not None and record not in records:
                continue
            urls += [f"{register}{record}", f"/audit/records/{record}", f"/api/v1/{kind}/{record}",
                     f"/api/v1/{kind}/{record}/history"]  # fmt: skip
    packs = portfolio.read_models.query("SELECT id FROM rm_board_packs ORDER BY position DESC, created_at DESC")
    for pack in packs[:1] if records is not None else packs:
        urls += [f"/board-packs/{pack['id']}", f"/board-packs/{pack['id']}.pdf"]
    return urls


def failures(client: Any, urls: list[str]) -> dict[str, str]:
    """The URLs that answer with a server error (or raise, in a test client), and what happened."""
    found = {}
    for url in urls:
        try:
            status = client.get(url).status_code
        except Exception as error:
            found[url] = repr(error)
            continue
        if status >= 500:
            found[url] = str(status)
    return found
