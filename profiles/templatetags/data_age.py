"""`{{ age|data_age_compact }}`: when a profile's figures were read (profiles.selectors.DataAge), in the one-line form
lists show (the full form is templates/profiles/_data_age.html, which uses this for its compact form too).

Written in Python because a list shows it on every row, where an {% include %} a row made the profiles list's 58 rows
render in 7.9 ms instead of 7.4 (in-process, the demo data)."""

from __future__ import annotations

from django import template
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from config.formatting import day
from profiles.selectors import OLD_AFTER_DAYS, DataAge

register = template.Library()


@register.filter
def data_age_compact(age: DataAge) -> SafeString:
    if age.source == "none":
        return mark_safe('<span class="text-body-secondary">never</span>')  # noqa: S308 - a constant
    if age.source == "api":
        received = format_html("fetched {}", naturaltime(age.received_at))
    elif age.source == "import":
        received = format_html("imported {}", naturaltime(age.received_at))
    else:
        received = format_html("entered {}", day(age.received_at))
    origin = "platform API" if age.source == "api" else age.source_label
    newest = (
        format_html(" · newest post {}", day(age.newest_post_at)) if age.source != "api" and age.newest_post_at else ""
    )
    old = (
        format_html(
            ' <span class="badge text-bg-warning" title="Read from the platform over {} days ago">old data</span>',
            OLD_AFTER_DAYS,
        )
        if age.is_old
        else ""
    )
    return format_html('{}<br><span class="text-body-secondary">{}{}</span>{}', received, origin, newest, old)
