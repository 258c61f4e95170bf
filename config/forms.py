"""The form renderer (settings.FORM_RENDERER): Django's, with its select and input widgets written in Python.

Django renders a <select> through a template per option, each including the attributes template: about 23 µs an
option, so the discovery filters' language list (75 options) took 1.7 ms and the whole filter form 4.2 ms of the
page's 10 ms render, on every request. These functions write the same bytes as Django's widget templates
(django/forms/templates/django/forms/widgets/select.html, select_option.html, input.html, attrs.html; compared
widget by widget, for every form of the product, in tests/config/test_form_renderer.py) in a few microseconds an
option. Any other widget template, or a select whose options use another template, is rendered by Django as before.
"""

from __future__ import annotations

from typing import Any

from django.forms.renderers import DjangoTemplates
from django.utils.formats import localize
from django.utils.html import escape
from django.utils.safestring import SafeData
from django.utils.timezone import template_localtime

SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"
# Input widgets whose template is only {% include "django/forms/widgets/input.html" %}.
INPUTS = frozenset(
    f"django/forms/widgets/{name}.html"
    for name in ("text", "number", "email", "url", "password", "search", "tel", "hidden", "date", "datetime", "time")
)


class FormRenderer(DjangoTemplates):
    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        widget = context.get("widget")
        if widget is not None:
            if template_name == SELECT and all(
                option.get("template_name") == OPTION for _, options, _ in widget["optgroups"] for option in options
            ):
                return select_html(widget)
            if template_name in INPUTS:
                return input_html(widget)
        return super().render(template_name, context, request)


def _text(value: Any) -> str:
    """{{ value }} in a template (django.template.base.render_value_in_context): a time in the current zone,
    localised, then escaped unless already safe."""
    if not isinstance(value, str):
        value = localize(template_localtime(value))
        if not isinstance(value, str):
            value = str(value)
    return value if isinstance(value, SafeData) else escape(value)


def _formatted(value: Any) -> str:
    """{{ value|stringformat:'s' }}: "%s" of the value, escaped unless the value was safe (the filter is is_safe)."""
    text = str(value)  # what "%s" % (value,) gives
    return text if isinstance(value, SafeData) else escape(text)


def attrs_html(attrs: dict[str, Any]) -> str:
    """django/forms/widgets/attrs.html."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(f" {_text(name)}" if value is True else f' {_text(name)}="{_formatted(value)}"')
    return "".join(parts)


def select_html(widget: dict[str, Any]) -> str:
    """django/forms/widgets/select.html with select_option.html for each option (stripped, as the renderer does)."""
    parts = [f'<select name="{_text(widget["name"])}"{attrs_html(widget["attrs"])}>']
    for group_name, options, _ in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_text(group_name)}">')
        for option in options:
            parts.append(
                f'\n  <option value="{_formatted(option["value"])}"{attrs_html(option["attrs"])}>'
                f"{_text(option['label'])}</option>\n"  # select_option.html ends with a line break, kept by include
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def input_html(widget: dict[str, Any]) -> str:
    """django/forms/widgets/input.html."""
    value = widget["value"]
    shown = f' value="{_formatted(value)}"' if value is not None else ""
    return f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"{shown}{attrs_html(widget["attrs"])}>'
