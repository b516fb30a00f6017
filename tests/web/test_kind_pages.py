"""Each kind's declared page (`portfolio/kinds.py`) is a route of the app that takes the declared
argument, and every register's record routes are made from it."""

from __future__ import annotations

from portfolio.kinds import KINDS, RECORD_TYPES


def test_every_declared_page_is_a_route_taking_its_argument(app):
    rules = {rule.endpoint: rule for rule in app.url_map.iter_rules()}
    for kind in RECORD_TYPES.values():
        if kind.endpoint is None:
            continue
        endpoint, argument = kind.endpoint
        assert argument in rules[endpoint].arguments, kind.name
    for kind in KINDS.values():
        blueprint = kind.endpoint[0].split(".")[0]
        assert {f"{blueprint}.act", f"{blueprint}.new"} <= set(rules), kind.name
