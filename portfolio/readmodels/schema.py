"""Portable DDL (SQLite and PostgreSQL) for the read-model tables.

Money amounts are TEXT so they stay exact Decimals; dates and times are ISO TEXT, which sorts.
"""

from __future__ import annotations

# Text that registers search, kept case-folded in a `<column>_fold` twin (SQLite cannot lower-case
# Cyrillic itself), so a search for "кластер" finds "Кластер".
SEARCHABLE = {
    "rm_organizations": ("name_uk", "name_latin", "region"),
    "rm_projects": ("code", "title", "summary", "owner", "direction", "tags", "regions"),
    "rm_grants": ("title", "programme", "call_name", "owner"),
    "rm_memoranda": ("subject", "owner"),
    "rm_initiatives": ("roadmap", "direction", "title", "owner"),
}

# Bump when a table changes: read models at another version are rebuilt from the events on start.
SCHEMA_VERSION = 3


def _folds(table: str) -> str:
    return "".join(f"{column}_fold TEXT, " for column in SEARCHABLE[table])


_COMMON = "version INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL"

TABLES = (
    f"""CREATE TABLE IF NOT EXISTS rm_organizations (
        id TEXT PRIMARY KEY, {_folds("rm_organizations")}
        name_uk TEXT NOT NULL, name_latin TEXT NOT NULL, kind TEXT NOT NULL,
        authority_level TEXT, region TEXT NOT NULL, country TEXT NOT NULL,
        archived INTEGER NOT NULL DEFAULT 0, {_COMMON})""",
    f"""CREATE TABLE IF NOT EXISTS rm_projects (
        id TEXT PRIMARY KEY, {_folds("rm_projects")}code TEXT NOT NULL, title TEXT NOT NULL, summary TEXT NOT NULL,
        organization_id TEXT NOT NULL, owner TEXT NOT NULL, priority TEXT NOT NULL,
        category TEXT NOT NULL, direction TEXT NOT NULL, regions TEXT NOT NULL, tags TEXT NOT NULL,
        stage TEXT NOT NULL, budget_amount TEXT, budget_currency TEXT,
        budget_estimated INTEGER NOT NULL DEFAULT 0, planned_start TEXT, planned_end TEXT,
        {_COMMON})""",
    f"""CREATE TABLE IF NOT EXISTS rm_grants (
        id TEXT PRIMARY KEY, {_folds("rm_grants")}title TEXT NOT NULL, funder_id TEXT NOT NULL,
        applicant_id TEXT NOT NULL, programme TEXT NOT NULL, call_name TEXT NOT NULL,
        owner TEXT NOT NULL, project_id TEXT, stage TEXT NOT NULL,
        requested_amount TEXT NOT NULL, requested_currency TEXT NOT NULL,
        awarded_amount TEXT, awarded_currency TEXT, deadline TEXT, submitted_on TEXT,
        decided_on TEXT, win_probability INTEGER, {_COMMON})""",
    f"""CREATE TABLE IF NOT EXISTS rm_memoranda (
        id TEXT PRIMARY KEY, {_folds("rm_memoranda")}kind TEXT NOT NULL, subject TEXT NOT NULL, owner TEXT NOT NULL,
        stage TEXT NOT NULL, signed_on TEXT, valid_until TEXT,
        parties INTEGER NOT NULL DEFAULT 0, commitments INTEGER NOT NULL DEFAULT 0,
        projects INTEGER NOT NULL DEFAULT 0, {_COMMON})""",
    f"""CREATE TABLE IF NOT EXISTS rm_initiatives (
        id TEXT PRIMARY KEY, {_folds("rm_initiatives")}
        roadmap TEXT NOT NULL, direction TEXT NOT NULL, title TEXT NOT NULL,
        owner TEXT NOT NULL, status TEXT NOT NULL, health TEXT NOT NULL,
        progress INTEGER NOT NULL, target_on TEXT NOT NULL, original_target_on TEXT NOT NULL,
        postponements INTEGER NOT NULL DEFAULT 0, {_COMMON})""",
    f"""CREATE TABLE IF NOT EXISTS rm_accounts (
        id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, role TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0, {_COMMON})""",
    """CREATE TABLE IF NOT EXISTS rm_kpis (
        id TEXT PRIMARY KEY, project_id TEXT NOT NULL, name TEXT NOT NULL, unit TEXT NOT NULL,
        level TEXT NOT NULL, baseline TEXT NOT NULL, target TEXT NOT NULL,
        actual TEXT, measured_on TEXT)""",
    """CREATE TABLE IF NOT EXISTS rm_links (
        from_kind TEXT NOT NULL, from_id TEXT NOT NULL, to_kind TEXT NOT NULL,
        to_id TEXT NOT NULL, PRIMARY KEY (from_id, to_id))""",
    """CREATE TABLE IF NOT EXISTS rm_rates (
        from_currency TEXT NOT NULL, to_currency TEXT NOT NULL, on_date TEXT NOT NULL, rate TEXT NOT NULL,
        PRIMARY KEY (from_currency, to_currency, on_date))""",
    "CREATE TABLE IF NOT EXISTS rm_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS rm_projects_stage ON rm_projects (stage, priority)",
    "CREATE INDEX IF NOT EXISTS rm_grants_stage ON rm_grants (stage, deadline)",
    "CREATE INDEX IF NOT EXISTS rm_grants_funder ON rm_grants (funder_id)",
    "CREATE INDEX IF NOT EXISTS rm_memoranda_stage ON rm_memoranda (stage)",
    "CREATE INDEX IF NOT EXISTS rm_initiatives_status ON rm_initiatives (roadmap, direction, status)",
    "CREATE INDEX IF NOT EXISTS rm_kpis_project ON rm_kpis (project_id)",
    "CREATE INDEX IF NOT EXISTS rm_links_to ON rm_links (to_id)",
)

READ_MODEL_TABLES = (
    "rm_organizations",
    "rm_accounts",
    "rm_projects",
    "rm_grants",
    "rm_memoranda",
    "rm_initiatives",
    "rm_kpis",
    "rm_links",
    "rm_rates",
    "rm_meta",
)

DROP = tuple(f"DROP TABLE IF EXISTS {table}" for table in READ_MODEL_TABLES)
