"""{% load formatting %}: config.formatting as template filters (day, moment, hours_apart, money, duration)."""

from __future__ import annotations

from django import template

from config import formatting

register = template.Library()
register.filter("day", formatting.day)
register.filter("moment", formatting.moment)
register.filter("hours_apart", formatting.hours_apart)
register.filter("money", formatting.money)
register.filter("duration", formatting.clock)
register.filter("elapsed", formatting.elapsed)


@register.simple_tag
def timezone_name() -> str:
    """The zone the page's times are written in ("UTC", "Europe/Berlin"): the agency's for its signed-in members."""
    from django.utils import timezone

    return timezone.get_current_timezone_name()
