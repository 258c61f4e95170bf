"""One way to write dates, times and signed durations for people: pages, the report (page, PDF and share link)
and e-mails all use these, so a date reads "21 Oct 2026" everywhere and a time "21 Oct 2026, 14:05" in the
viewer's time zone (Django's current time zone; UTC, as the pages say, unless a view activates another)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone


def _day(when: dt.date) -> str:
    return f"{when.day} {when:%b %Y}"  # "1 Mar 2019": no leading zero


def _as_datetime(value: object) -> dt.date | dt.datetime | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    return None


def day(value: object) -> str:
    """A date as people read it: "21 Oct 2026" (a datetime in the current time zone); "" when there is none."""
    when = _as_datetime(value)
    if when is None:
        return "" if value in (None, "") else str(value)
    if isinstance(when, dt.datetime) and timezone.is_aware(when):
        when = timezone.localtime(when)
    return _day(when)


def moment(value: object) -> str:
    """A date and time: "21 Oct 2026, 14:05" in the current time zone; a plain date as day()."""
    when = _as_datetime(value)
    if when is None:
        return "" if value in (None, "") else str(value)
    if not isinstance(when, dt.datetime):
        return _day(when)
    if timezone.is_aware(when):
        when = timezone.localtime(when)
    return f"{_day(when)}, {when:%H:%M}"


def hours_apart(hours: float | None, *, before: str = "early", after: str = "late") -> str:
    """A signed number of hours in words: -2.0 -> "2 h early", 3.5 -> "3.5 h late", 0 -> "on time"."""
    if hours is None:
        return ""
    size = abs(float(hours))
    if size < 0.05:
        return "on time"
    text = f"{size:.1f}".rstrip("0").rstrip(".")
    return f"{text} h {before if hours < 0 else after}"
