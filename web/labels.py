"""Names for the stored vocabulary values shown on pages, in the person's language."""

from __future__ import annotations

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from portfolio.kinds import KINDS

LABELS = {
    # Project stages
    "idea": _l("idea"), "concept": _l("concept"), "approved": _l("approved"),
    "in_implementation": _l("in implementation"), "completed": _l("completed"),
    "on_hold": _l("on hold"), "cancelled": _l("cancelled"),
    # Grant stages
    "prospect": _l("prospect"), "drafting": _l("drafting"), "submitted": _l("submitted"),
    "under_review": _l("under review"), "awarded": _l("awarded"), "rejected": _l("rejected"),
    "withdrawn": _l("withdrawn"), "contracted": _l("contracted"), "closed": _l("closed"),
    # Memorandum stages
    "draft": _l("draft"), "negotiation": _l("negotiation"), "signed": _l("signed"),
    "active": _l("active"), "expired": _l("expired"), "terminated": _l("terminated"),
    # Initiative status and health
    "proposed": _l("proposed"), "planned": _l("planned"), "in_progress": _l("in progress"),
    "done": _l("done"), "not_done": _l("not done"), "postponed": _l("postponed"),
    "dropped": _l("dropped"), "on_track": _l("on track"), "at_risk": _l("at risk"),
    "off_track": _l("off track"),
    # Priority horizons (seed 000)
    "now": _l("NOW"), "wow": _l("WOW"), "how": _l("HOW"),
    # Project categories and result levels
    "talent_systems": _l("Talent systems"), "trust_building": _l("Trust building"),
    "ecosystem_orchestration": _l("Ecosystem orchestration"), "value_chains": _l("Value chains"),
    "market_access": _l("Market access"), "system_transformation": _l("System transformation"),
    "output": _l("output"), "outcome": _l("outcome"), "impact": _l("impact"),
    # Quality checklist
    "real_business_pain": _l("Solves a real business pain"), "joint_action": _l("Needs joint action"),
    "new_economic_value": _l("Creates new economic value"),
    "several_stakeholder_types": _l("Involves more than one type of stakeholder"),
    "members_invest": _l("Members invest their own resources"), "builds_trust": _l("Builds trust"),
    "measurable": _l("Results are measurable"),
    # Reports and commitments
    "interim": _l("interim report"), "final": _l("final report"), "financial": _l("financial report"),
    "narrative": _l("narrative report"), "audit": _l("audit report"),
    "open": _l("open"),
    # Memorandum kinds and party types
    "understanding": _l("memorandum of understanding"), "cooperation": _l("cooperation agreement"),
    "partnership": _l("partnership agreement"), "licence": _l("licence agreement"), "nda": _l("NDA"),
    "network_membership": _l("membership in a network"), "consortium": _l("consortium agreement"),
    "central_authority": _l("central authority"), "regional_authority": _l("regional authority"),
    "local_self_government": _l("local self-government"), "university": _l("university"),
    "company": _l("company"), "cluster": _l("cluster"), "foreign_partner": _l("foreign partner"),
    "network": _l("network"),
    # Organization kinds and authority levels
    "association": _l("association"), "funder": _l("funder"), "authority": _l("authority"),
    "dih": _l("digital innovation hub"), "central": _l("central"), "regional": _l("regional"),
    "local": _l("local"),
    "archived": _l("archived"),
    # Kinds of record, as portfolio/kinds.py names them
    **{kind.name: _l(kind.label) for kind in KINDS.values()},  # the labels are extracted where declared
    # Roles
    "admin": _l("admin"), "fundraiser": _l("fundraiser"), "board": _l("board"), "auditor": _l("auditor"),
    # Languages of accounts, and what tokens are for
    "uk": _l("Ukrainian"), "en": _l("English"), "api": _l("API"), "calendar": _l("Calendar"),
}  # fmt: skip


# What the priority horizons mean: said where a priority is chosen, and under the projects register.
EXPLAINED = {
    "now": _l("NOW: start now, quick wins"),
    "wow": _l("WOW: a flagship, ambitious"),
    "how": _l("HOW: a way must be found first (research, partners, money)"),
}

_translated: dict[tuple[str, str], str] = {}  # (language, vocabulary key) -> label


def label(value: object) -> str:
    """A vocabulary value's name in the person's language; any other value as it is."""
    key = getattr(value, "value", value)
    if key is None:
        return ""
    if str(key) not in LABELS:
        return str(key)
    cache_key = (str(get_locale()), str(key))
    if cache_key not in _translated:  # bounded by the vocabulary, whatever values pass through
        _translated[cache_key] = str(LABELS[str(key)])
    return _translated[cache_key]


def explained(value: object) -> str:
    """A vocabulary value's name, with what it means where the vocabulary needs it said."""
    key = str(getattr(value, "value", value))
    return str(EXPLAINED[key]) if key in EXPLAINED else label(value)
