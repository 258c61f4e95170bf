"""Value coercion shared by every parser: numbers, booleans, ids, handles, dates, URLs, with the file/record/field
of a bad value in the error."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from profiles.importers.records import MAX_COUNT, ImportFormatError, from_timestamp, handle_problem
from profiles.platforms import platform_get


class Ctx:
    """Where we are in a file, for error messages: the file, and the line (JSON Lines, CSV) or record (items of a
    JSON array)."""

    def __init__(self, file: str, line: int | None = None, unit: str = "line") -> None:
        self.file, self.line, self.unit = file, line, unit

    def fail(self, field: str | None, message: str) -> ImportFormatError:
        return ImportFormatError(file=self.file, line=self.line, field=field, message=message, unit=self.unit)

    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line is not None else self.file


def as_dict(value: Any) -> dict[str, Any]:
    """`value` if it is a JSON object, else an empty one (a missing or malformed nested object reads as empty)."""
    return value if isinstance(value, dict) else {}


def to_int(value: Any, ctx: Ctx, field: str) -> int | None:
    """A count: a number, a numeric string ("12,000"), or Instagram's {"count": n}; 0 … 2^63-1."""
    if isinstance(value, dict):
        value = value.get("count")
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ctx.fail(field, f"expected a number, got {value!r}")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float | str):
        try:
            number = int(float(str(value).strip().replace(",", "")))
        except (ValueError, OverflowError):  # "lots", "nan", "inf"
            raise ctx.fail(field, f"expected a number, got {str(value)[:40]!r}") from None
    else:
        raise ctx.fail(field, f"expected a number, got {type(value).__name__}")
    if number < 0:
        raise ctx.fail(field, f"must not be negative, got {number}")
    if number > MAX_COUNT:
        raise ctx.fail(field, f"is out of range (more than 2^63-1): {str(number)[:40]}")
    return number


MAX_DURATION_SECONDS = 30 * 24 * 3600.0  # a live stream's archive can run for days; a month is a broken value


def to_seconds(value: Any, ctx: Ctx, field: str) -> float | None:
    """A duration in seconds (a number or a numeric string); 0 … 30 days."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ctx.fail(field, f"expected seconds, got {type(value).__name__}")
    try:
        seconds = float(str(value).strip())
    except ValueError:
        raise ctx.fail(field, f"expected seconds, got {str(value)[:40]!r}") from None
    if not 0 <= seconds <= MAX_DURATION_SECONDS:  # also refuses nan
        raise ctx.fail(field, f"must be between 0 and 30 days in seconds, got {str(value)[:40]}")
    return seconds


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
    if isinstance(value, dict | list):
        return ""  # a nested object where text was expected carries no text (never its repr)
    # NUL characters: TikTok's Research API pads some usernames with them, and PostgreSQL cannot store them in text.
    return str(value).replace("\x00", "").strip()


def to_text(value: Any) -> str:
    """Free text from sources that write a missing value as the string "None" (the 2019 scrape, instaloader's
    business_category_name)."""
    text = to_str(value)
    return "" if text in ("None", "null") else text


def to_id(value: Any, ctx: Ctx, field: str, *, required: bool = True) -> str:
    text = to_str(value)
    if not text and required:
        raise ctx.fail(field, "is missing")
    if len(text) > 64:
        raise ctx.fail(field, "is longer than 64 characters")
    return text


def to_handle(value: Any, ctx: Ctx, field: str, platform: str) -> str:
    """A platform handle, lower-case (an id standing in for one as written), one leading '@' removed, checked
    against the platform's rules."""
    if value is not None and not isinstance(value, str | int):
        raise ctx.fail(field, f"expected a handle, got {type(value).__name__}")
    handle = platform_get(platform).normalize(to_str(value))
    if not handle:
        raise ctx.fail(field, "is missing")
    problem = handle_problem(platform, handle)
    if problem:
        raise ctx.fail(field, problem)
    return handle


def to_handles(values: Any, ctx: Ctx, field: str, platform: str) -> list[str]:
    """Referenced handles (mentions, tags): each validated like an account's own handle; duplicates dropped."""
    handles: dict[str, None] = {}
    for index, value in enumerate(values or []):
        if value:
            handles.setdefault(to_handle(value, ctx, f"{field}[{index}]", platform), None)
    return list(handles)


def to_datetime(value: Any, ctx: Ctx, field: str) -> datetime | None:
    if value is None or value == "":
        return None
    try:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return from_timestamp(value)
        text = str(value).strip()
        if text.lstrip("-").isdigit():
            return from_timestamp(int(text))
        try:  # ISO 8601 first: most files' dates, and the cheap check (a failed strptime costs ~10 us a value)
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return datetime.strptime(text, "%a %b %d %H:%M:%S %z %Y")  # Twitter v1.1: "Wed Oct 10 20:19:24 +0000 2018"
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    except (ValueError, OverflowError, OSError):
        raise ctx.fail(field, f"is not a date: {str(value)[:40]!r}") from None


def to_url(value: Any) -> str:
    text = to_str(value)
    return text if text.startswith(("http://", "https://")) else ""


def compact(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}
