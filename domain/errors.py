"""Refusals meant for a person, told as templates with values so that any language can tell them.

`DomainError("A {stage} application cannot be awarded.", stage=self.stage)`: the first argument is
a literal template with named placeholders (str.format style), found by `pybabel extract -k
DomainError`; the values fill it. `str(error)` is the English sentence (logs, the JSON API); the web
layer translates `error.template` and writes each value as the person's language writes it (see
`web/schemas.py: rule_message`). A word of the domain's own that a message names (what was empty,
which action was refused) is marked with `N_`, so that it is extracted and translated too.
"""

from __future__ import annotations

from enum import Enum
from typing import Any


def english(template: str, values: dict[str, Any]) -> str:
    """The template filled in with the values as the English text writes them: a vocabulary value
    by its stored name, a list joined with commas, anything else by its own `format`."""
    if not values:
        return template
    return template.format_map({name: _plain(value) for name, value in values.items()})


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(str(_plain(item)) for item in value)
    return value


class Phrase(str):
    """Words of the domain's own, told inside a message (its English text as a `str`), that the web
    layer translates like the message itself: made with `N_`."""

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, /, **values: Any) -> Phrase:
        phrase = super().__new__(cls, english(template, values))
        phrase.template, phrase.values = template, values
        return phrase


def N_(template: str, /, **values: Any) -> Phrase:
    """Mark words for translation where they are written (`pybabel extract` finds `N_` by default);
    they are translated where they are shown."""
    return Phrase(template, **values)


class DomainError(Exception):
    """A business rule was broken; the message is meant for a person. `template` is the literal
    message with its `{placeholders}`, `values` what fills them; `about`, where one value given to
    the refused method is the one at fault, its parameter's name (`<name>_currency` for the currency of
    a Money parameter): a form shows the refusal beside that field."""

    def __init__(self, template: str, /, *, about: str | None = None, **values: Any) -> None:
        super().__init__(english(template, values))
        self.template, self.values, self.about = template, values, about
