"""Error pages: a clear message, never a stack trace; htmx requests get the message alone."""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, current_app, jsonify, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import Conflict, HTTPException, NotFound

from portfolio.errors import STORE_ERRORS, ConflictError, NotFoundError, unreachable
from web.security import same_site

MESSAGES = {
    400: _l("The request could not be read."),
    403: _l("You have no access to this page or action."),
    404: _l("There is no such page or record."),
    405: _l("This method is not supported here."),
    413: _l("The request is too large."),
    429: _l("Too many attempts. Wait a minute and try again."),
    500: _l(
        "Something went wrong on the server; it has been logged. If you were saving a change, look whether it "
        "was recorded before you try again."
    ),
}
UNAVAILABLE_MESSAGE = _l(
    "The database cannot be reached just now; the portfolio will be back by itself as soon as it is. "
    "If you were saving a change, look whether it was recorded before you try again."
)
CSRF_MESSAGE = _l("The form is out of date or has no security (CSRF) token. Reload the page and try again.")


def json_error(code: int, message: Any, version: int | None = None) -> tuple[Response, int]:
    """The API's errors: {status, message, fields (for bad input), version (on a conflict)}."""
    body: dict[str, Any] = {"status": code}
    if isinstance(message, dict):  # marshmallow's messages by field
        fields = {str(name): found if isinstance(found, list) else [found] for name, found in message.items()}
        body["message"], body["fields"] = str(_l("Some fields are not valid.")), fields
    else:
        body["message"] = str(message)
    if version is not None:
        body["version"] = version
    return jsonify(body), code


def from_a_program() -> bool:
    """Whether the request is the API's (even one whose URL matched none of its routes)."""
    return request.blueprint == "api" or request.path.startswith("/api/")


def render_error(error: HTTPException) -> tuple[Any, int, dict[str, str]]:
    code = error.code or 500
    headers = {name: value for name, value in error.get_headers() if name != "Content-Type"}  # Allow, Retry-After
    if from_a_program():
        return (*json_error(code, error.description), headers)
    message = CSRF_MESSAGE if isinstance(error, CSRFError) else MESSAGES.get(code, error.description)
    if code == 400 and error.description != type(error).description:  # a message that names the bad value
        message = error.description
    template = "errors/_message.html" if request.headers.get("HX-Request") == "true" else "errors/page.html"
    return render_template(template, code=code, message=message), code, headers


def render_not_found(error: NotFoundError) -> tuple[Any, int, dict[str, str]]:
    return render_error(NotFound(str(error)))


def render_conflict(error: ConflictError) -> tuple[Any, int] | tuple[Any, int, dict[str, str]]:
    """A conflict that no form handled itself: say so, never a 500."""
    if from_a_program():
        return json_error(409, str(error), error.version)
    return render_error(Conflict(str(error)))


def render_unavailable(error: Exception) -> tuple[str, int, dict[str, str]] | tuple[Response, int, dict[str, str]]:
    """The store is down: 503 with a page that itself needs no database (not even the signed-in
    person). Any other failure of the store is a bug and stays a 500, with its traceback logged."""
    if not unreachable(error):
        raise error
    current_app.logger.warning("The database cannot be reached: %s", error, exc_info=error)
    headers = {"Retry-After": "10"}
    if from_a_program():
        response, code = json_error(503, str(UNAVAILABLE_MESSAGE))
        return response, code, headers
    retry = request.full_path if request.method == "GET" else same_site(request.referrer) or "/"
    page = current_app.jinja_env.get_template("errors/unavailable.html")  # no context processors: they load the person
    return page.render(message=UNAVAILABLE_MESSAGE, retry=retry), 503, headers


def init_errors(app: Flask) -> None:
    app.register_error_handler(HTTPException, render_error)
    for error in STORE_ERRORS:
        app.register_error_handler(error, render_unavailable)
    app.register_error_handler(NotFoundError, render_not_found)
    app.register_error_handler(ConflictError, render_conflict)
