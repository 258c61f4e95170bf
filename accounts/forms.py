"""Plain Django forms for the agency and token pages: they only parse input; services decide."""

from __future__ import annotations

from functools import lru_cache
from zoneinfo import available_timezones

from django import forms

from accounts.roles import Role


@lru_cache(maxsize=1)
def timezone_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in sorted(available_timezones())]


class OrganizationCreateForm(forms.Form):
    name = forms.CharField(max_length=120, label="Agency name")


class OrganizationSettingsForm(forms.Form):
    name = forms.CharField(max_length=120, label="Agency name")
    timezone = forms.ChoiceField(label="Time zone", choices=timezone_choices)


class BrandingForm(forms.Form):
    brand_color = forms.CharField(required=False, max_length=7, label="Colour")
    logo = forms.FileField(required=False, label="Logo")
    remove_logo = forms.BooleanField(required=False, label="Remove the logo")


class InvitationForm(forms.Form):
    email = forms.EmailField(label="Email address")
    role = forms.ChoiceField(choices=Role.choices, initial=Role.VIEWER)


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=Role.choices)


class TokenForm(forms.Form):
    name = forms.CharField(
        max_length=80, label="Token name", widget=forms.TextInput(attrs={"placeholder": "e.g. reporting script"})
    )
