"""config/forms.py writes select and input widgets in Python: the same bytes as Django's widget templates, for
awkward values and for every field of the product's forms."""

from __future__ import annotations

import importlib
import inspect
from datetime import UTC, date, datetime
from typing import Any

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from config.forms import FormRenderer

DJANGO = DjangoTemplates()
OURS = FormRenderer()
FORM_MODULES = (
    "accounts.forms",
    "discovery.forms",
    "network.forms",
    "predictions.audits.forms",
    "predictions.campaigns.forms",
    "profiles.forms",
)

AWKWARD = [None, "", 0, 7, 3.5, "plain", 'quotes " and <tags> & amps', mark_safe("<b>safe</b>"), ("a", "b")]
CHOICES: list[Any] = [
    ("", "---------"),
    ("en", "English"),
    (1, 2),
    ("x&y", 'Label with "quotes" & <b>'),
    ("lazy", gettext_lazy("Lazy label")),
    ("safe", mark_safe("<i>safe</i> label")),
    ("Group <one>", [("g1", "In a group"), (2, date(2024, 5, 6))]),
    (None, "none value"),
]


def _widgets() -> list[forms.Widget]:
    attrs: dict[str, Any] = {"class": "form-select", "data-x": 'a"b<c', "required": True, "disabled": False}
    return [
        forms.Select(choices=CHOICES),
        forms.Select(choices=CHOICES, attrs=attrs),
        forms.SelectMultiple(choices=CHOICES, attrs=attrs),
        forms.NullBooleanSelect(),
        forms.TextInput(attrs=attrs),
        forms.NumberInput(attrs={"step": 0.5, "min": 0}),
        forms.EmailInput(),
        forms.URLInput(attrs={"placeholder": "https://…"}),
        forms.PasswordInput(render_value=True),
        forms.HiddenInput(),
        forms.DateInput(),
        forms.DateTimeInput(),
        forms.TimeInput(),
    ]


@pytest.mark.parametrize("widget", _widgets(), ids=lambda widget: type(widget).__name__)
@pytest.mark.parametrize("value", [*AWKWARD, ["en", 2], datetime(2024, 5, 6, 7, 8, tzinfo=UTC)], ids=repr)
def test_a_widget_is_written_as_djangos_templates_write_it(widget: forms.Widget, value: Any) -> None:
    def written(renderer: DjangoTemplates, attrs: dict[str, str] | None) -> str:
        try:
            return widget.render("field", value, attrs, renderer=renderer)
        except (TypeError, ValueError) as exc:  # a value the widget cannot show (a list for a yes/no select)
            return f"refused: {type(exc).__name__}"

    for attrs in (None, {"id": "id_field", "aria-label": "Field <1>"}):
        assert written(OURS, attrs) == written(DJANGO, attrs)


def test_the_fast_path_is_taken_for_selects_and_inputs() -> None:
    calls: list[str] = []

    class Counting(DjangoTemplates):
        def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
            calls.append(template_name)
            return super().render(template_name, context, request)

    class Ours(FormRenderer, Counting):
        pass

    forms.Select(choices=CHOICES).render("f", "en", renderer=Ours())
    forms.TextInput().render("f", "x", renderer=Ours())
    assert calls == []  # neither reached Django's templates
    forms.Textarea().render("f", "x", renderer=Ours())
    assert calls == ["django/forms/widgets/textarea.html"]  # other widgets are Django's own


def _product_forms() -> list[forms.BaseForm]:
    made = []
    for name in FORM_MODULES:
        for _, cls in inspect.getmembers(importlib.import_module(name), inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == name:
                try:
                    made.append(cls())
                except TypeError:
                    continue  # a form that needs its owner (an agency, a user) to be built; its widgets are above
    return made


@pytest.mark.django_db
def test_every_field_of_the_products_forms_renders_the_same() -> None:
    compared = 0
    for form in _product_forms():
        for field in form:
            value = field.value()
            ours = field.field.widget.render(field.html_name, value, field.build_widget_attrs({}), renderer=OURS)
            django = field.field.widget.render(field.html_name, value, field.build_widget_attrs({}), renderer=DJANGO)
            assert ours == django, (type(form).__name__, field.name)
            compared += 1
    assert compared >= 40
