from __future__ import annotations

from datetime import datetime, time

from django import forms
from django.utils import timezone

from network.engine.io import FORMATS
from network.models import EdgeKind

DIRECTION_CHOICES = [("auto", "As in the file"), ("directed", "Directed"), ("undirected", "Undirected")]


class GraphBuildForm(forms.Form):
    name = forms.CharField(max_length=200, required=False)
    edge_kinds = forms.MultipleChoiceField(
        choices=EdgeKind.choices,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        initial=[EdgeKind.MENTIONS, EdgeKind.TAGS, EdgeKind.REPLIES],
    )
    window_start = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    window_end = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    resolution = forms.FloatField(
        initial=1.0, min_value=0.05, max_value=20, help_text="Louvain resolution: above 1 finds smaller communities."
    )

    def clean(self) -> dict:
        """Dates from the picker cover whole days: the window runs from the start of one to the end of the other."""
        data = super().clean()
        zone = timezone.get_current_timezone()
        if data.get("window_start"):
            data["window_start"] = datetime.combine(data["window_start"], time.min, tzinfo=zone)
        if data.get("window_end"):
            data["window_end"] = datetime.combine(data["window_end"], time.max, tzinfo=zone)
        return data


class GraphImportForm(forms.Form):
    file = forms.FileField()
    format = forms.ChoiceField(
        choices=[(f, f.upper() if f != "edgelist" else "Edge list (SNAP)") for f in FORMATS],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    name = forms.CharField(max_length=200, required=False)
    direction = forms.ChoiceField(
        choices=DIRECTION_CHOICES, initial="auto", widget=forms.Select(attrs={"class": "form-select"})
    )
    resolution = forms.FloatField(initial=1.0, min_value=0.05, max_value=20)

    @property
    def directed(self) -> bool | None:
        return {"auto": None, "directed": True, "undirected": False}[self.cleaned_data["direction"]]
