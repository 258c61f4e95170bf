"""Reading ids and numbers from query strings and bodies: a bad value is a 400 naming the parameter, never a
ValueError or OverflowError (500) when it reaches the database."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rest_framework import serializers

from config.converters import MAX_ID
from config.errors import ApplicationError


def int_param(params: Mapping[str, Any], name: str, *, minimum: int = 1, maximum: int = MAX_ID) -> int | None:
    """The whole number in `params[name]`, None when absent or empty; ApplicationError (400) when malformed."""
    raw = params.get(name)
    if raw is None or str(raw).strip() == "":
        return None
    text = str(raw).strip()
    if not text.lstrip("-").isdigit() or len(text) > 20 or not minimum <= int(text) <= maximum:
        raise ApplicationError(f"{name} must be a whole number from {minimum} to {maximum}.", field=name)
    return int(text)


class TextField(serializers.CharField):
    """Text in a request body: a JSON string, never a number or a boolean turned into one ({"name": 0} is a 400)."""

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class IdField(serializers.IntegerField):
    """An id in a request body: a positive integer a database column can hold."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(**kwargs)
