from __future__ import annotations

from django import forms

from config.converters import MAX_ID
from predictions.audits.services import DEFAULT_SAMPLE_SIZE, MAX_SAMPLE_SIZE


class AuditStartForm(forms.Form):
    profile = forms.IntegerField(
        min_value=1, max_value=MAX_ID, error_messages={"required": "Pick a linked profile to audit."}
    )
    sample_size = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_SAMPLE_SIZE, initial=DEFAULT_SAMPLE_SIZE
    )
    all_followers = forms.BooleanField(required=False)
    fetch_followers = forms.BooleanField(required=False)

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("all_followers") and not data.get("sample_size"):
            data["sample_size"] = DEFAULT_SAMPLE_SIZE
        if data.get("all_followers"):
            data["sample_size"] = None
        return data


class CheckForm(forms.Form):
    reference = forms.CharField(required=False, max_length=300)
    platform = forms.ChoiceField(
        required=False, choices=[("", "Detect from URL"), ("instagram", "Instagram"), ("x", "X (Twitter)")]
    )
    profile = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID)

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("reference") and not data.get("profile"):
            raise forms.ValidationError("Paste a profile URL or @handle, or pick a linked profile.")
        return data
