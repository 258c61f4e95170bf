from __future__ import annotations

from django import forms

from config.converters import MAX_ID
from profiles.importers import FORMATS
from profiles.models import Platform


class LinkForm(forms.Form):
    reference = forms.CharField(
        max_length=300,
        label="Profile URL or @handle",
        widget=forms.TextInput(attrs={"placeholder": "https://www.instagram.com/natgeo/ or @nasa"}),
    )
    platform = forms.ChoiceField(choices=[("", "Platform (for @handles)"), *Platform.choices], required=False)


class ImportForm(forms.Form):
    file = forms.FileField(label="File")
    format = forms.ChoiceField(
        choices=[("auto", "Detect automatically"), *[(f, f) for f in FORMATS]],
        initial="auto",
        required=False,
        widget=forms.Select(attrs={"class": "form-select", "aria-label": "File format"}),
    )
    link = forms.BooleanField(required=False, initial=True, label="Link the imported profiles")
    followers_of = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    # A platform's own data export whose files do not name their account (Instagram's; X's tweets.js alone).
    owner = forms.CharField(required=False, max_length=80, label="Export of @handle")
    owner_platform = forms.ChoiceField(
        required=False,
        choices=[("", "Platform"), *Platform.choices],
        widget=forms.Select(attrs={"class": "form-select", "aria-label": "Platform of the export"}),
    )


class InstagramSessionForm(forms.Form):
    username = forms.CharField(max_length=64, label="Instagram username")
    sessionid = forms.CharField(max_length=500, label="sessionid cookie", widget=forms.PasswordInput)
    csrftoken = forms.CharField(max_length=200, required=False, label="csrftoken cookie (optional)")


class FollowerSampleForm(forms.Form):
    follower_limit = forms.IntegerField(min_value=1, max_value=10000, initial=200, label="Sample size")
