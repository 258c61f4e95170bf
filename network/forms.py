from __future__ import annotations

from django import forms

from network.engine.io import FORMATS
from network.models import EdgeKind

DIRECTION_CHOICES = [("auto", "As in the file"), ("directed", "Directed"), ("undirected", "Undirected")]


class GraphBuildForm(forms.Form):
    name = forms.CharField(max_length=200, required=False)
    edge_kinds = forms.MultipleChoiceField(choices=EdgeKind.choices, widget=forms.CheckboxSelectMultiple,
                                           initial=[EdgeKind.MENTIONS, EdgeKind.TAGS, EdgeKind.REPLIES])
    window_start = forms.DateTimeField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    window_end = forms.DateTimeField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    resolution = forms.FloatField(initial=1.0, min_value=0.05, max_value=20,
                                  help_text="Louvain resolution: above 1 finds smaller communities.")


class GraphImportForm(forms.Form):
    file = forms.FileField()
    format = forms.ChoiceField(choices=[(f, f.upper() if f != "edgelist" else "Edge list (SNAP)") for f in FORMATS],
                               widget=forms.Select(attrs={"class": "form-select"}))
    name = forms.CharField(max_length=200, required=False)
    direction = forms.ChoiceField(choices=DIRECTION_CHOICES, initial="auto",
                                  widget=forms.Select(attrs={"class": "form-select"}))
    resolution = forms.FloatField(initial=1.0, min_value=0.05, max_value=20)

    @property
    def directed(self) -> bool | None:
        return {"auto": None, "directed": True, "undirected": False}[self.cleaned_data["direction"]]
