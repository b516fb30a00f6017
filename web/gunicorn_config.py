"""gunicorn's settings: `gunicorn --config python:web.gunicorn_config wsgi:app` (`make serve`).

gunicorn's master process reads this module before it forks its workers, so the application's code
is imported once, there: each worker, whether starting with the others or replacing one that
died, begins with every module in memory and only opens the store and catches up, in tens of
milliseconds instead of most of a second. Nothing is opened here (no connection, no pool, no
thread), so nothing is shared across the fork.
"""

import web  # noqa: F401  (the import is the point: the workers inherit it)

workers = 4


def post_worker_init(worker) -> None:  # gunicorn calls it in each worker
    """Open the store and catch up in each worker before it takes its first request."""
    worker.wsgi.extensions["portfolio"].is_empty()
