"""{% url %} remembered (config/templatetags/urls.py): the same links and errors as Django's own tag, reversed once
per distinct link, and never a link of a URLconf that is no longer in force."""

from __future__ import annotations

import pytest
from django.template import Context, engines
from django.test import override_settings
from django.urls import NoReverseMatch, path

from config.templatetags import urls as remembered

TEMPLATE = (
    "{% url 'profiles:list' %}|{% url 'profiles:detail' pk %}|{% url 'profiles:detail' pk=pk %}|"
    "{% url 'profiles:detail' text_pk %}|{% url name pk %}|{% url 'profiles:detail' pk as link %}[{{ link }}]|"
    "{% url 'no-such-view' as missing %}[{{ missing }}]|{% url 'discovery:search' %}?q={{ query }}"
)
CONTEXT = {"pk": 42, "text_pk": "7", "name": "profiles:detail", "query": "a&b"}


def test_the_remembered_tag_writes_what_djangos_tag_writes_and_is_the_one_templates_use():
    ours = engines["django"].engine.from_string(TEMPLATE)
    django = remembered.engine_with_djangos_tag().from_string(TEMPLATE)

    first = ours.render(Context(CONTEXT))

    assert first == django.render(Context(CONTEXT))
    assert first.startswith("/profiles/|/profiles/42/|/profiles/42/|/profiles/7/|/profiles/42/|[/profiles/42/]|[]|")
    assert type(ours.nodelist[0]).__name__ == "RememberedURLNode"  # a builtin: no {% load %} needed
    assert ours.render(Context(CONTEXT)) == first  # from memory now


def test_a_link_is_reversed_once_and_a_failure_is_raised_every_time_as_django_raises_it():
    remembered._reverse_remembered.cache_clear()
    template = engines["django"].engine.from_string("{% for pk in pks %}{% url 'profiles:detail' pk %} {% endfor %}")

    template.render(Context({"pks": [1, 2, 1, 2, 1]}))

    info = remembered._reverse_remembered.cache_info()
    assert (info.misses, info.hits) == (2, 3)
    broken = engines["django"].engine.from_string("{% url 'profiles:detail' %}")
    for _ in range(2):
        with pytest.raises(NoReverseMatch):
            broken.render(Context({}))


def _elsewhere(request):  # pragma: no cover - never called, only reversed
    raise AssertionError


urlpatterns = [path("elsewhere/<int:pk>/", _elsewhere, name="moved")]


def test_a_changed_urlconf_is_never_answered_from_memory():
    template = engines["django"].engine.from_string("{% url 'moved' 5 %}")
    with override_settings(ROOT_URLCONF=__name__):
        assert template.render(Context({})) == "/elsewhere/5/"
    with pytest.raises(NoReverseMatch):  # the project's URLconf again: no such name there
        template.render(Context({}))


def test_arguments_that_are_not_plain_text_or_numbers_are_reversed_each_time():
    class Key:
        def __init__(self, value: int) -> None:
            self.value = value

        def __str__(self) -> str:
            return str(self.value)

    key = Key(3)
    template = engines["django"].engine.from_string("{% url 'profiles:detail' key %}")
    assert template.render(Context({"key": key})) == "/profiles/3/"
    key.value = 4  # same object, new text: a remembered answer would still say 3
    assert template.render(Context({"key": key})) == "/profiles/4/"
