"""The portfolio the app being served holds: `current_portfolio()`, for views and the helpers they call."""

from __future__ import annotations

from flask import current_app

from portfolio.app import Portfolio


def current_portfolio() -> Portfolio:
    """The app's portfolio (opened when first used: see `web/__init__.py`)."""
    portfolio: Portfolio = current_app.extensions["portfolio"]
    return portfolio
