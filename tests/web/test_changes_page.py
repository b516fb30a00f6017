"""The changes between two dates, as a board member reads them before a meeting."""

from __future__ import annotations

from datetime import datetime, timedelta

from domain.context import recording
from domain.localtime import KYIV


def test_changes_that_move_no_shown_field_are_counted_in_the_persons_language(app, signed_in, dated_ids):
    with recording("board"):
        for text in ("First thought", "Second thought"):
            app.extensions["portfolio"].comment_on_initiative(dated_ids["initiative"], text)
    since = (datetime.now(KYIV) - timedelta(days=1)).date().isoformat()
    response = signed_in("board").get(f"/audit/changes?from={since}")
    assert response.status_code == 200 and "інших змін: 2" in response.get_data(as_text=True)
