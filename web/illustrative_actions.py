"""The two actions every record kind with figures offers: mark its figures illustrative (invented, not
facts) with what was invented, and clear the mark with why. Each kind's action table adds them."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from portfolio.app import Portfolio
from web.actions import Action
from web.schemas import reason_field


def illustrative_actions(stages: tuple[str, ...]) -> tuple[Action, Action]:
    """Offered in every one of `stages`: marking while the record is not marked, clearing while it is."""
    return (
        Action("mark-illustrative", _l("Mark the figures illustrative"), Portfolio.mark_illustrative, stages,
               {"reason": reason_field(_l("What is invented, and why"))}, adds=True, unless="illustrative"),
        Action("clear-illustrative", _l("Clear the illustrative mark"), Portfolio.clear_illustrative, stages,
               {"reason": reason_field(_l("Why the figures are facts now"))}, adds=True, needs="illustrative"),
    )  # fmt: skip
