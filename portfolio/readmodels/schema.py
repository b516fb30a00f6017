"""Portable DDL (SQLite and PostgreSQL) for the read-model tables.

Money amounts are TEXT so they stay exact Decimals; dates and times are ISO TEXT, which sorts.
"""

from __future__ import annotations

from portfolio.kinds import KINDS

# Text that registers search, kept case-folded in a `<column>_fold` twin (SQLite cannot lower-case
# Cyrillic itself), so a search for "кластер" finds "Кластер"; text they sort by, kept beside it as
# its ICU sort key in a `<column>_key` twin (see `portfolio/collation.py`), so that both stores order
# names by the Ukrainian alphabet. Each kind declares its own (`portfolio/kinds.py`).
SEARCHABLE = {kind.table: kind.searched for kind in KINDS.values()}
SORTED = {kind.table: kind.alphabetical for kind in KINDS.values()}

# Bump when a table changes: read models at another version are rebuilt from the events on start.
SCHEMA_VERSION = 21


def _folds(table: str) -> str:
    """The derived twins of a table's text: case-folded for search, keyed for sorting."""
    return "".join(f"{column}_fold TEXT, " for column in SEARCHABLE[table]) + "".join(
        f"{column}_key TEXT, " for column in SORTED[table]
    )


_COMMON = "version INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL"
# Whether a record's figures are illustrative (invented, not facts), and why: 1 and the reason while
# marked (see `domain/illustrative.py`). The flag groups the dashboard's sums; the reason is shown.
_ILLUSTRATIVE = "illustrative INTEGER NOT NULL DEFAULT 0, illustrative_reason TEXT"

# The register tables, by their columns. Each has a history twin (see `history.py`), so the
# column list is written once and shared by both.
COLUMNS = {
    "rm_organizations": f"""id TEXT NOT NULL, {_folds("rm_organizations")}
        name_uk TEXT NOT NULL, name_latin TEXT NOT NULL, kind TEXT NOT NULL,
        authority_level TEXT, region TEXT NOT NULL, country TEXT NOT NULL,
        archived INTEGER NOT NULL DEFAULT 0, {_ILLUSTRATIVE}, {_COMMON}""",
    "rm_projects": f"""id TEXT NOT NULL, {_folds("rm_projects")}code TEXT NOT NULL, title TEXT NOT NULL,
        summary TEXT NOT NULL, organization_id TEXT NOT NULL, owner TEXT NOT NULL, priority TEXT NOT NULL,
        category TEXT NOT NULL, direction TEXT NOT NULL, regions TEXT NOT NULL, tags TEXT NOT NULL,
        stage TEXT NOT NULL, budget_amount TEXT, budget_currency TEXT,
        budget_estimated INTEGER NOT NULL DEFAULT 0, planned_start TEXT, planned_end TEXT,
        {_ILLUSTRATIVE}, {_COMMON}""",
    "rm_grants": f"""id TEXT NOT NULL, {_folds("rm_grants")}title TEXT NOT NULL, funder_id TEXT NOT NULL,
        applicant_id TEXT NOT NULL, programme TEXT NOT NULL, call_name TEXT NOT NULL,
        owner TEXT NOT NULL, project_id TEXT, stage TEXT NOT NULL,
        requested_amount TEXT NOT NULL, requested_currency TEXT NOT NULL,
        requested_estimated INTEGER NOT NULL DEFAULT 0, awarded_amount TEXT, awarded_currency TEXT,
        deadline TEXT, submitted_on TEXT,
        decided_on TEXT, contract_signed_on TEXT, period_start TEXT, period_end TEXT,
        win_probability INTEGER, {_ILLUSTRATIVE}, {_COMMON}""",
    "rm_memoranda": f"""id TEXT NOT NULL, {_folds("rm_memoranda")}kind TEXT NOT NULL, subject TEXT NOT NULL,
        owner TEXT NOT NULL, stage TEXT NOT NULL, signed_on TEXT, valid_until TEXT,
        parties INTEGER NOT NULL DEFAULT 0, commitments INTEGER NOT NULL DEFAULT 0,
        projects INTEGER NOT NULL DEFAULT 0, {_ILLUSTRATIVE}, {_COMMON}""",
    "rm_initiatives": f"""id TEXT NOT NULL, {_folds("rm_initiatives")}
        roadmap TEXT NOT NULL, direction TEXT NOT NULL, title TEXT NOT NULL,
        owner TEXT NOT NULL, status TEXT NOT NULL, health TEXT NOT NULL,
        progress INTEGER NOT NULL, target_on TEXT NOT NULL, original_target_on TEXT NOT NULL,
        postponements INTEGER NOT NULL DEFAULT 0, {_ILLUSTRATIVE}, {_COMMON}""",
    # `standing` and `progress` order the KPIs furthest behind first: 0 measured (by `progress`, the
    # share of the way from baseline to target), 1 measured with target = baseline, 2 never measured.
    "rm_kpis": """id TEXT NOT NULL, project_id TEXT NOT NULL, project_code TEXT NOT NULL, name TEXT NOT NULL,
        unit TEXT NOT NULL, level TEXT NOT NULL, baseline TEXT NOT NULL, target TEXT NOT NULL,
        actual TEXT, measured_on TEXT, standing INTEGER NOT NULL DEFAULT 2, progress DOUBLE PRECISION""",
    "rm_links": """from_kind TEXT NOT NULL, from_id TEXT NOT NULL, to_kind TEXT NOT NULL, to_id TEXT NOT NULL""",
    "rm_rates": f"""from_currency TEXT NOT NULL, to_currency TEXT NOT NULL, on_date TEXT NOT NULL,
        rate TEXT NOT NULL, record_id TEXT NOT NULL, {_ILLUSTRATIVE}""",
}

# Each register table's column names, in order.
NAMES = {table: [piece.split()[0] for piece in columns.split(",")] for table, columns in COLUMNS.items()}

# The columns whose values the registers' drop-down filters offer (see `rm_choices`).
CHOICES = {kind.table: kind.offered for kind in KINDS.values()}

# Each pipeline register's stage column: its main filter, which the interval indexes of its history
# twin hold too, so that a register filtered by stage as of a date reads (and counts) only the rows
# it shows, as the stage indexes of the tables do now.
STAGES = {kind.table: kind.stage for kind in KINDS.values() if kind.stages}

PRIMARY_KEYS = {
    **{kind.table: "id" for kind in KINDS.values()},  # a row per record
    "rm_kpis": "id",
    "rm_links": "from_id, to_id",
    "rm_rates": "from_currency, to_currency, on_date",
}

# The column of each table that names the record whose events change its rows.
OWNER_COLUMNS = {
    **{kind.table: "id" for kind in KINDS.values()},
    "rm_kpis": "project_id",
    "rm_links": "from_id",
    "rm_rates": "record_id",
}

# `valid_to` of a history row that is still true: larger than any position.
STILL_TRUE = 9_223_372_036_854_775_807

# Where the schema version is kept; made before anything else, so that tables of an older version
# are dropped before an index of this version is asked of them.
# Events the read models could not apply (see `quarantine.py`).
QUARANTINE = """CREATE TABLE IF NOT EXISTS rm_quarantine (
    position BIGINT PRIMARY KEY, record_id TEXT NOT NULL, record_type TEXT NOT NULL, event TEXT NOT NULL,
    version INTEGER NOT NULL, error TEXT NOT NULL, released_at TEXT, released_by TEXT, released_reason TEXT)"""
META = "CREATE TABLE IF NOT EXISTS rm_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)"

_REGISTER_DDL = tuple(
    f"CREATE TABLE IF NOT EXISTS {table} ({columns}, PRIMARY KEY ({PRIMARY_KEYS[table]}))"
    for table, columns in COLUMNS.items()
)
_HISTORY_DDL = tuple(
    ddl
    for table, columns in COLUMNS.items()
    for ddl in (
        f"CREATE TABLE IF NOT EXISTS {table}_history ({columns}, "
        "valid_from BIGINT NOT NULL, valid_to BIGINT NOT NULL, fork BIGINT NOT NULL)",
        # The rows true at a position, found through their fork (see `spans.py`).
        f"CREATE INDEX IF NOT EXISTS {table}_history_closing ON {table}_history (fork, valid_to)",
        f"CREATE INDEX IF NOT EXISTS {table}_history_opening ON {table}_history (fork, valid_from)",
        f"CREATE INDEX IF NOT EXISTS {table}_history_owner ON {table}_history ({OWNER_COLUMNS[table]}, valid_to)",
    )
)
# How records changed back-dated before an earlier-recorded change really were on each day (see
# `real_days.py`): the rows of each register table, with the days they were true for
# (`real_from` <= day < `real_to`), for the records in `rm_backdated` only.
_REAL_DDL = (
    *(
        ddl
        for table, columns in COLUMNS.items()
        for ddl in (
            f"CREATE TABLE IF NOT EXISTS {table}_real ({columns}, real_from TEXT NOT NULL, real_to TEXT NOT NULL)",
            f"CREATE INDEX IF NOT EXISTS {table}_real_owner ON {table}_real ({OWNER_COLUMNS[table]})",
        )
    ),
    "CREATE TABLE IF NOT EXISTS rm_backdated (record_id TEXT PRIMARY KEY, since BIGINT NOT NULL)",
)
_HISTORY_STAGE_DDL = tuple(
    f"CREATE INDEX IF NOT EXISTS {table}_history_{end}_by_stage ON {table}_history ({stage}, fork, {column})"
    for table, stage in STAGES.items()
    for end, column in (("closing", "valid_to"), ("opening", "valid_from"))
)

# The groups kept at log positions, by name (see `kept_totals.py`): a group's columns, its count and sums.
_KEPT_GROUPS = {
    "grant": """stage TEXT NOT NULL, funder_id TEXT NOT NULL, requested_currency TEXT NOT NULL,
        awarded_currency TEXT, illustrative INTEGER NOT NULL, requested_estimated INTEGER NOT NULL,
        count INTEGER NOT NULL, requested TEXT NOT NULL, awarded TEXT""",
    "project": "priority TEXT NOT NULL, category TEXT NOT NULL, count INTEGER NOT NULL",
    "kpi": "count INTEGER NOT NULL",
}
_KEPT_TABLES = tuple(f"rm_{name}_{kind}" for name in _KEPT_GROUPS for kind in ("totals", "changes"))

TABLES = (
    *_REGISTER_DDL,
    *_HISTORY_DDL,
    *_HISTORY_STAGE_DDL,
    *_REAL_DDL,
    # `sessions_from`: the last opening, role or password change, disabling or enabling; a session
    # started before it has ended (see `sessions` below).
    f"""CREATE TABLE IF NOT EXISTS rm_accounts (
        id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, role TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0, email TEXT NOT NULL DEFAULT '', language TEXT,
        sessions_from TEXT NOT NULL, {_COMMON})""",
    f"""CREATE TABLE IF NOT EXISTS rm_board_packs (
        id TEXT PRIMARY KEY, title TEXT NOT NULL, as_of TEXT NOT NULL, position BIGINT NOT NULL,
        chain_link TEXT NOT NULL, previous_id TEXT, previous_position BIGINT, {_COMMON})""",
    """CREATE TABLE IF NOT EXISTS rm_tokens (
        digest TEXT PRIMARY KEY, token_id TEXT NOT NULL, account_id TEXT NOT NULL, name TEXT NOT NULL,
        purpose TEXT NOT NULL, issued_at TEXT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0)""",
    # Dates inside records (milestones, reports due), for calendars and reminders.
    """CREATE TABLE IF NOT EXISTS rm_due_dates (
        item_id TEXT PRIMARY KEY, record_id TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL,
        due_on TEXT NOT NULL, done_on TEXT)""",
    "CREATE INDEX IF NOT EXISTS rm_due_dates_due ON rm_due_dates (due_on)",
    # One row per event: the audit log's index, and how a moment becomes a position.
    """CREATE TABLE IF NOT EXISTS rm_events (
        position BIGINT PRIMARY KEY, record_id TEXT NOT NULL, record_type TEXT NOT NULL,
        version INTEGER NOT NULL, event TEXT NOT NULL, recorded_at TEXT NOT NULL, real_on TEXT NOT NULL,
        effective_on TEXT, actor TEXT NOT NULL, reason TEXT, summary TEXT NOT NULL, what TEXT)""",
    META,
    QUARANTINE,
    # Counters of the sign-in limit, which every worker and host shares (see `portfolio/counters.py`);
    # not derived from events, so a rebuild keeps them.
    """CREATE TABLE IF NOT EXISTS counters (
        key TEXT PRIMARY KEY, count INTEGER NOT NULL, expires_at DOUBLE PRECISION NOT NULL)""",
    # Each comparison of the read models with a rebuild (`portfolio/readmodels/check.py`); a rebuild keeps them.
    """CREATE TABLE IF NOT EXISTS projection_checks (
        checked_at TEXT PRIMARY KEY, position BIGINT NOT NULL, compared_rows BIGINT NOT NULL,
        differences INTEGER NOT NULL, summary TEXT NOT NULL, checked_by TEXT NOT NULL, sampled INTEGER)""",
    # Each period of the scheduled check, claimed by the first web process that runs it (see `portfolio/checks.py`).
    "CREATE TABLE IF NOT EXISTS projection_check_periods (period BIGINT PRIMARY KEY, claimed_at TEXT NOT NULL)",
    # The sessions of people signed in, by the SHA-256 digest of the secret in their cookie: signing
    # out ends one, so a copied cookie stops working (see `portfolio/accounts.py`). Not from events.
    """CREATE TABLE IF NOT EXISTS sessions (
        digest TEXT PRIMARY KEY, username TEXT NOT NULL, started_at TEXT NOT NULL, ended_at TEXT)""",
    # Every value a column of `CHOICES` has held, with the position where it first appeared: the
    # drop-down filters read this small table instead of a DISTINCT over a whole register, and a
    # view of the past offers the values known by then.
    """CREATE TABLE IF NOT EXISTS rm_choices (
        register_table TEXT NOT NULL, column_name TEXT NOT NULL, value TEXT NOT NULL, since BIGINT NOT NULL,
        PRIMARY KEY (register_table, column_name, value))""",
    # The dashboard's counts and sums by group, kept at positions, and each change to them (see `kept_totals.py`).
    *(
        ddl
        for name, columns in _KEPT_GROUPS.items()
        for table in (f"rm_{name}_totals", f"rm_{name}_changes")
        for ddl in (
            f"CREATE TABLE IF NOT EXISTS {table} (position BIGINT NOT NULL, {columns})",
            f"CREATE INDEX IF NOT EXISTS {table}_position ON {table} (position)",
        )
    ),
    "CREATE INDEX IF NOT EXISTS rm_projects_stage ON rm_projects (stage, priority)",
    "CREATE INDEX IF NOT EXISTS rm_projects_priority ON rm_projects (priority, category)",  # the dashboard's counts
    # The registers' default and most used sorts, with the id that breaks ties: a page of 50 rows
    # is read in order from the index and the rest never sorted.
    "CREATE INDEX IF NOT EXISTS rm_projects_code ON rm_projects (code, id)",
    "CREATE INDEX IF NOT EXISTS rm_projects_title ON rm_projects (title_key, id)",
    "CREATE INDEX IF NOT EXISTS rm_grants_title ON rm_grants (title_key, id)",
    "CREATE INDEX IF NOT EXISTS rm_grants_deadline ON rm_grants (deadline, id)",
    "CREATE INDEX IF NOT EXISTS rm_grants_stage ON rm_grants (stage, deadline)",
    "CREATE INDEX IF NOT EXISTS rm_grants_funder ON rm_grants (funder_id)",
    "CREATE INDEX IF NOT EXISTS rm_memoranda_stage ON rm_memoranda (stage)",
    # The dashboard's lists: memoranda signed with nothing behind them, initiatives in trouble first.
    "CREATE INDEX IF NOT EXISTS rm_memoranda_paper ON rm_memoranda (commitments, projects, signed_on, stage)",
    "CREATE INDEX IF NOT EXISTS rm_initiatives_health ON rm_initiatives (health DESC, target_on, status)",
    "CREATE INDEX IF NOT EXISTS rm_initiatives_status ON rm_initiatives (roadmap, direction, status)",
    "CREATE INDEX IF NOT EXISTS rm_kpis_project ON rm_kpis (project_id)",
    "CREATE INDEX IF NOT EXISTS rm_kpis_standing ON rm_kpis (standing, progress, project_code, name, id)",
    # Two of the dashboard's lists as of a past date, walked in order with each row's span checked.
    "CREATE INDEX IF NOT EXISTS rm_kpis_history_standing ON rm_kpis_history "
    "(standing, progress, project_code, name, id)",
    # Dated rows only: PostgreSQL walked an index of every row for the register's sort by deadline as of
    # a date, undated rows last, and took seconds; a partial index cannot serve that sort.
    "CREATE INDEX IF NOT EXISTS rm_grants_history_deadline ON rm_grants_history (deadline, valid_to, valid_from) "
    "WHERE deadline IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS rm_links_to ON rm_links (to_id)",
    "CREATE INDEX IF NOT EXISTS rm_events_record ON rm_events (record_id, version)",
    "CREATE INDEX IF NOT EXISTS rm_events_recorded_position ON rm_events (recorded_at, position)",
    "CREATE INDEX IF NOT EXISTS rm_events_real ON rm_events (real_on)",
    "CREATE INDEX IF NOT EXISTS rm_events_actor ON rm_events (actor)",
)

READ_MODEL_TABLES = (
    *COLUMNS,
    *(f"{table}_history" for table in COLUMNS),
    *(f"{table}_real" for table in COLUMNS),
    "rm_backdated",
    "rm_accounts",
    "rm_board_packs",
    "rm_tokens",
    "rm_due_dates",
    "rm_events",
    "rm_quarantine",
    "rm_meta",
    "rm_choices",
    *_KEPT_TABLES,
)

# Tables kept beside the read models, not derived from events: a rebuild keeps them.
KEPT_BESIDE = ("counters", "projection_checks", "projection_check_periods", "sessions")

DROP = tuple(f"DROP TABLE IF EXISTS {table}" for table in READ_MODEL_TABLES)
