"""Names in the order a Ukrainian reader expects: the Ukrainian alphabet (а б в г ґ д е є ж з и і ї й …),
then Latin names in the English alphabet, case and accents mattering only where all else is equal.

ICU (through PyICU) knows the Ukrainian alphabet; neither SQLite nor every PostgreSQL does. So each
name a register sorts by is kept beside it as its ICU sort key (`<column>_key`, see the read-model
schema), in hexadecimal, which sorts the same byte by byte in either store and can be indexed.
"""

from __future__ import annotations

import icu

_UKRAINIAN = icu.Collator.createInstance(icu.Locale("uk_UA"))
# Quotes and other punctuation do not decide the order: «Чек-ап Львів» is filed under Ч.
_UKRAINIAN.setAttribute(icu.UCollAttribute.ALTERNATE_HANDLING, icu.UCollAttributeValue.SHIFTED)
KEYED = 100  # characters: names that agree this far are ordered by their record (a key must fit an index)


def sort_key(text: str | None) -> str:
    """The text's place in the Ukrainian alphabet's order, as text that sorts byte by byte."""
    return _UKRAINIAN.getSortKey((text or "")[:KEYED]).hex()


def sorted_by_name(items, name=lambda item: item):
    """`items` ordered by the Ukrainian alphabet of their names (for lists sorted in Python)."""
    return sorted(items, key=lambda item: _UKRAINIAN.getSortKey(name(item) or ""))
