"""One way to write dates, times, signed durations and money for people: pages, the report (page, PDF and share
link) and e-mails all use these, so a date reads "21 Oct 2026" everywhere, a time "21 Oct 2026, 14:05" in the
viewer's time zone (Django's current time zone; UTC, as the pages say, unless a view activates another), and an
amount "€12,400" or "€0.04" in the site's locale (Babel's CLDR data: symbol, grouping and decimals per currency)."""

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


def moment_in(value: object, zone: str) -> str:
    """A date and time as pages write it, in `zone` and naming it: "21 Oct 2026, 14:05 Europe/Berlin" (e-mails and
    tasks, which run outside any agency's request, say whose clock they use)."""
    with timezone.override(zone or "UTC"):
        return f"{moment(value)} {zone or 'UTC'}"


def day_in(value: object, zone: str) -> str:
    with timezone.override(zone or "UTC"):
        return day(value)


def hours_apart(hours: float | None, *, before: str = "early", after: str = "late") -> str:
    """A signed number of hours in words: -2.0 -> "2 h early", 3.5 -> "3.5 h late", 0 -> "on time"."""
    if hours is None:
        return ""
    size = abs(float(hours))
    if size < 0.05:
        return "on time"
    text = f"{size:.1f}".rstrip("0").rstrip(".")
    return f"{text} h {before if hours < 0 else after}"


def clock(seconds: object) -> str:
    """A video's length as people read it: "0:41", "23:53", "1:06:40"; "–" when unknown."""
    if seconds is None or seconds == "":
        return "–"
    try:
        total = round(float(seconds))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "–"
    hours, rest = divmod(max(total, 0), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def elapsed(seconds: object) -> str:
    """How long work took, as people say it: "0.6 s", "12 s", "2 min 5 s"; "–" when unknown."""
    try:
        value = float(seconds)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "–"
    if value < 10:
        return f"{max(value, 0.1):.1f} s"
    if value < 60:
        return f"{round(value)} s"
    minutes, rest = divmod(round(value), 60)
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


def _locale() -> str:
    from django.conf import settings
    from django.utils.translation import get_language, to_locale

    return to_locale(get_language() or settings.LANGUAGE_CODE)


def money(value: object, currency: str = "EUR") -> str:
    """An amount in its currency as people read it: whole amounts without cents ("€12,400"), others with the
    currency's own decimals ("€0.04", "¥1,235"); "" when there is none; a value that is not a number as it is."""
    from decimal import Decimal, InvalidOperation

    from babel.core import UnknownLocaleError
    from babel.numbers import UnknownCurrencyError, format_currency

    if value in (None, ""):
        return ""
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    code = (currency or "EUR").upper()
    try:
        if amount == amount.to_integral_value() and abs(amount) >= 1:
            return format_currency(amount, code, locale=_locale(), format="¤#,##0", currency_digits=False)
        return format_currency(amount, code, locale=_locale())
    except (UnknownCurrencyError, UnknownLocaleError, ValueError):
        return f"{code} {amount:,}"


def currency_symbol(currency: str) -> str:
    """The currency's symbol in the site's locale ("€", "£", "US$"… per CLDR), or its code when it has none."""
    from babel.core import UnknownLocaleError
    from babel.numbers import get_currency_symbol

    code = (currency or "EUR").upper()
    try:
        symbol = get_currency_symbol(code, locale=_locale())
    except (UnknownLocaleError, ValueError):
        symbol = code
    return symbol + ("\u00a0" if symbol[-1:].isalpha() else "")  # "CHF 0.08", but "€0.08"
