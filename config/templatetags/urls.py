"""`{% url %}` with its answers remembered: a builtin of every template (settings TEMPLATES "builtins"), so it
replaces Django's tag everywhere without a `{% load %}`.

Django's tag reverses afresh on every render: for each candidate pattern it substitutes the arguments and matches the
result against the pattern again (bench/bench_url_tag.py: 2-3x the remembered tag's time per link). A list page links
every row (the profiles list 76 times a request). A URL depends only on the view name, the arguments, the namespace
being rendered and the URLconf and script prefix in force, so the answer for those is remembered (LRU of 8,192; a
few MB at most). The URLconf is keyed by its resolver object, which Django replaces whenever the URLconf changes
(override_settings(ROOT_URLCONF=...) in tests, request.urlconf), so a stale answer cannot be served. Arguments that
are neither text nor a plain int (model instances, lazy strings, booleans) are reversed each time as Django does,
since their text could change while their hash does not. Failures (NoReverseMatch) are never remembered.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django import template
from django.template.base import Parser, Token
from django.template.context import Context
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.urls import NoReverseMatch, get_resolver, get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape

register = template.Library()


def _plain(value: Any) -> int | str | None:
    """The value as a key (text as a plain str: template literals are SafeStrings), or None when it cannot be one."""
    if isinstance(value, str):
        return str.__str__(value)
    if type(value) is int:
        return value
    return None


@lru_cache(maxsize=8192)
def _reverse_remembered(
    resolver: object,
    prefix: str,
    view_name: str,
    args: tuple[int | str | None, ...],
    kwargs: tuple[tuple[str, int | str | None], ...],
    current_app: str | None,
) -> str:
    del resolver, prefix  # part of the key only: reverse() reads the same ones from the thread it runs in
    return reverse(view_name, args=args, kwargs=dict(kwargs) or None, current_app=current_app)


def reverse_remembered(view_name: Any, args: list[Any], kwargs: dict[str, Any], current_app: str | None) -> str:
    """reverse(), remembered for plain arguments (see the module's docstring)."""
    name = _plain(view_name)
    plain_args = tuple(_plain(arg) for arg in args)
    plain_kwargs = tuple(sorted((key, _plain(value)) for key, value in kwargs.items()))
    if not isinstance(name, str) or None in plain_args or any(value is None for _, value in plain_kwargs):
        return reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)
    return _reverse_remembered(
        get_resolver(get_urlconf()), get_script_prefix(), name, plain_args, plain_kwargs, current_app
    )


class RememberedURLNode(URLNode):
    def render(self, context: Context) -> str:
        args = [arg.resolve(context) for arg in self.args]
        kwargs = {name: value.resolve(context) for name, value in self.kwargs.items()}
        view_name = self.view_name.resolve(context)
        try:  # as Django's tag chooses the namespace
            current_app = context.request.current_app  # type: ignore[attr-defined]
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace  # type: ignore[attr-defined]
            except AttributeError:
                current_app = None
        url = ""
        try:
            url = reverse_remembered(view_name, args, kwargs, current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = url
            return ""
        return str(conditional_escape(url)) if context.autoescape else url


def engine_with_djangos_tag() -> Any:
    """The project's template settings without this builtin, so `{% url %}` is Django's own: what the tests compare
    against and the bench's baseline."""
    from django.template import Engine, engines

    engine = engines["django"].engine
    return Engine(dirs=engine.dirs, app_dirs=engine.app_dirs, libraries=engine.libraries)


@register.tag
def url(parser: Parser, token: Token) -> RememberedURLNode:
    """Django's {% url %} (same syntax, same errors), reversed once per distinct link."""
    node = django_url(parser, token)
    return RememberedURLNode(node.view_name, node.args, node.kwargs, node.asvar)
