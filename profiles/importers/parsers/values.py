"""Value coercion shared by every parser: numbers, booleans, ids, handles, dates, URLs, with the file/record/field
of a bad value in the error."""
from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from profiles.importers.records import ImportFormatError, from_timestamp, normalize_handle


class Ctx:
    """Where we are in a file, for error messages."""

    def __init__(self, file: str, line: int | None = None, unit: str = "line") -> None:
        self.file, self.line, self.unit = file, line, unit

    def fail(self, field: str | None, message: str) -> ImportFormatError:
        error = ImportFormatError(file=self.file, line=self.line, field=field, message=message)
        if self.unit != "line" and self.line is not None:
            error.args = (str(error).replace(f", line {self.line}", f", {self.unit} {self.line}"),)
        return error

    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line is not None else self.file


def to_int(value: Any, ctx: Ctx, field: str) -> int | None:
    if isinstance(value, dict):
        value = value.get("count")
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ctx.fail(field, f"expected a number, got {value!r}")
    if isinstance(value, int):
        return value
    try:
        return int(float(str(value).strip().replace(",", "")))
    except ValueError:
        raise ctx.fail(field, f"expected a number, got {str(value)[:40]!r}") from None


def to_bool(value: Any, ctx: Ctx, field: str) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1", "yes", "y", "t"):
        return True
    if text in ("false", "0", "no", "n", "f", "none"):
        return False
    raise ctx.fail(field, f"expected true/false, got {str(value)[:40]!r}")


def to_str(value: Any) -> str:
    if value is None:
        return ""
    return str(value).strip()


def to_id(value: Any, ctx: Ctx, field: str, *, required: bool = True) -> str:
    text = to_str(value)
    if not text and required:
        raise ctx.fail(field, "is missing")
    if len(text) > 64:
        raise ctx.fail(field, "is longer than 64 characters")
    return text


def to_handle(value: Any, ctx: Ctx, field: str) -> str:
    handle = normalize_handle(to_str(value))
    if not handle:
        raise ctx.fail(field, "is missing")
    if len(handle) > 64 or any(ch.isspace() for ch in handle):
        raise ctx.fail(field, f"is not a valid handle: {handle[:40]!r}")
    return handle


def to_datetime(value: Any, ctx: Ctx, field: str) -> datetime | None:
    if value is None or value == "":
        return None
    try:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return from_timestamp(value)
        text = str(value).strip()
        if text.lstrip("-").isdigit():
            return from_timestamp(int(text))
        for pattern in ("%a %b %d %H:%M:%S %z %Y",):  # Twitter v1.1
            try:
                return datetime.strptime(text, pattern)
            except ValueError:
                pass
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    except (ValueError, OverflowError, OSError):
        raise ctx.fail(field, f"is not a date: {str(value)[:40]!r}") from None


def to_url(value: Any) -> str:
    text = to_str(value)
    return text if text.startswith(("http://", "https://")) else ""


def compact(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}
