"""`{{ account|shown_handle }}`: an account's handle as people read it ("@name", a YouTube channel id as it is), for
anything with `platform` and `handle` (a profile, a discovery row, a dict). A template builtin (settings TEMPLATES
"builtins"), like the `{% url %}` tag: every page names accounts."""

from __future__ import annotations

from typing import Any

from django import template

from profiles.platforms import shown_handle as _shown_handle

register = template.Library()


@register.filter
def shown_handle(account: Any) -> str:
    if isinstance(account, dict):
        return _shown_handle(str(account.get("platform") or ""), str(account.get("handle") or ""))
    return _shown_handle(str(getattr(account, "platform", "") or ""), str(getattr(account, "handle", "") or ""))
