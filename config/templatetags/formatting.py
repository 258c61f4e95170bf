"""{% load formatting %}: config.formatting as template filters (day, moment, hours_apart)."""

from __future__ import annotations

from django import template

from config import formatting

register = template.Library()
register.filter("day", formatting.day)
register.filter("moment", formatting.moment)
register.filter("hours_apart", formatting.hours_apart)
register.filter("money", formatting.money)
