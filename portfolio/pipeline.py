"""The grant pipeline: applications by stage, with totals in the reporting currency."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from decimal import Decimal
from typing import Any

from domain import grant
from domain.enums import sql_list, values
from portfolio.rates import RateUseCases

PIPELINE = values(grant.PIPELINE)
_WON, _UNSUBMITTED = values(grant.WON), values(grant.UNSUBMITTED)


class PipelineQueries(RateUseCases):
    def pipeline(self, currency: str, now: datetime) -> list[dict[str, Any]]:
        """One column per open stage: its cards and its total (awarded money once won, else requested),
        and how much of that total is illustrative."""
        rows = self.read_models.query(
            "SELECT g.id, g.title, g.stage, g.deadline, g.requested_amount, g.requested_currency, "
            "g.requested_estimated, g.awarded_amount, g.awarded_currency, g.owner, g.version, g.illustrative, "
            "g.illustrative_reason, o.name_uk AS funder "
            "FROM rm_grants g LEFT JOIN rm_organizations o ON o.id = g.funder_id "
            f"WHERE g.stage IN ({sql_list(grant.PIPELINE)}) ORDER BY g.deadline NULLS LAST, g.title_key"
        )
        columns: dict[str, dict[str, Any]] = {
            stage: {"stage": stage, "cards": [], "totals": defaultdict(Decimal), "illustrative": defaultdict(Decimal)}
            for stage in PIPELINE
        }
        for row in rows:
            won = row["stage"] in _WON and row["awarded_amount"] is not None
            amount = Decimal(row["awarded_amount"] if won else row["requested_amount"])
            code = row["awarded_currency"] if won else row["requested_currency"]
            row["amount"], row["currency"], row["won"] = amount, code, won
            row["overdue"] = bool(
                row["deadline"] and row["stage"] in _UNSUBMITTED and datetime.fromisoformat(row["deadline"]) < now
            )
            columns[row["stage"]]["cards"].append(row)
            columns[row["stage"]]["totals"][code] += amount
            if row["illustrative"]:
                columns[row["stage"]]["illustrative"][code] += amount
        for column in columns.values():
            column["total"] = self.convert_totals(dict(column["totals"]), currency)
            column["illustrative"] = self.convert_totals(dict(column["illustrative"]), currency)
        return list(columns.values())
