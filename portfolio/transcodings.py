"""How dates, money and enums are written into stored events and read back exactly."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any

from eventsourcing.persistence import JSONTranscoder, Transcoding

from domain.enums import ALL_ENUMS
from domain.money import Money


class DateAsISO(Transcoding):
    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class MoneyAsDict(Transcoding):
    type = Money
    name = "money"

    def encode(self, obj: Money) -> dict[str, Any]:
        return {"amount": obj.amount, "currency": obj.currency}

    def decode(self, data: dict[str, Any]) -> Money:
        return Money.as_stored(data["amount"], data["currency"])


class EnumAsValue(Transcoding):
    def __init__(self, enum: type[Enum]) -> None:
        self.type = enum
        self.name = f"enum_{enum.__name__}"

    def encode(self, obj: Enum) -> str:
        return str(obj.value)

    def decode(self, data: str) -> Enum:
        return self.type(data)


def register_all(transcoder: JSONTranscoder) -> None:
    transcoder.register(DateAsISO())
    transcoder.register(MoneyAsDict())
    for enum in ALL_ENUMS:
        transcoder.register(EnumAsValue(enum))
