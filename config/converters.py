"""Path converters. `<id:pk>` matches only ids a database column can hold, so `/x/99999999999999999999/` is a
plain 404 instead of an OverflowError (500) deep in the database driver."""

from __future__ import annotations

from django.urls import register_converter

MAX_ID = 2**63 - 1  # BIGINT / SQLite INTEGER


class IdConverter:
    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:
            raise ValueError("id out of range")  # the resolver treats this as "no match": 404
        return number

    def to_url(self, value: int | str) -> str:
        return str(value)


register_converter(IdConverter, "id")
