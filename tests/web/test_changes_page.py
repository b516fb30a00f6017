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


def test_a_date_that_cannot_be_read_is_told_beside_its_field_and_kept_as_typed(signed_in, dated_ids):
    response = signed_in("board").get("/audit/changes?from=31.02.2023&to=2023-07-01")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'value="31.02.2023" aria-invalid="true" aria-describedby="error-from"' in html
    assert 'id="error-from"' in html and 'id="error-to"' not in html
    assert "Усі події за цей час" in html  # the page still compares: from its default day to the one given
