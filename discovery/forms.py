from __future__ import annotations

from typing import Any

from django import forms

from discovery.selectors import SORTS, DiscoveryQuery
from ml.services import LANGUAGE_MIXED as MIXED
from ml.services import LANGUAGE_NAMES, NICHES, niche_name
from profiles.models import Platform

TRI_STATE = [("", "any"), ("yes", "yes"), ("no", "no")]
SORT_LABELS = {"engagement": "engagement rate", "quality": "audience quality", "paid": "sponsored ÷ organic"}


class DiscoveryForm(forms.Form):
    q = forms.CharField(required=False, max_length=200, label="Search")
    platform = forms.ChoiceField(required=False, choices=[("", "any platform"), *Platform.choices])
    niche = forms.ChoiceField(required=False, choices=[("", "any niche"), *((c, niche_name(c)) for c in NICHES)])
    niche_min_share = forms.IntegerField(required=False, min_value=0, max_value=100, label="min share %")
    followers_min = forms.IntegerField(required=False, min_value=0, max_value=2**63 - 1)
    followers_max = forms.IntegerField(required=False, min_value=0, max_value=2**63 - 1)
    engagement_min = forms.FloatField(required=False, min_value=0, label="ER min %")
    engagement_max = forms.FloatField(required=False, min_value=0, label="ER max %")
    quality_min = forms.FloatField(required=False, min_value=0, max_value=100, label="AQS min")
    language = forms.CharField(
        required=False,
        max_length=8,
        widget=forms.Select(
            choices=[("", "any language"), *sorted(LANGUAGE_NAMES.items(), key=lambda item: item[1]), (MIXED, "Mixed")]
        ),
    )
    country = forms.CharField(required=False, max_length=2)
    verified = forms.ChoiceField(required=False, choices=TRI_STATE)
    business = forms.ChoiceField(required=False, choices=TRI_STATE)
    linked = forms.ChoiceField(required=False, choices=TRI_STATE)
    posted_within_days = forms.IntegerField(required=False, min_value=1, max_value=3650, label="posted in last N days")
    sponsored = forms.ChoiceField(required=False, choices=TRI_STATE, label="sponsored posts")
    safety = forms.ChoiceField(
        required=False, choices=[("", "any"), ("A", "A (very safe)"), ("B", "A or B")], label="brand safety"
    )
    sort = forms.ChoiceField(
        required=False, choices=[("", "best match / followers"), *((s, SORT_LABELS.get(s, s)) for s in SORTS)]
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # Bootstrap's controls, so the panel reads as one piece on any screen
            select = isinstance(field.widget, forms.Select)
            field.widget.attrs.setdefault(
                "class", "form-select form-select-sm" if select else "form-control form-control-sm"
            )
        self.fields["q"].widget.attrs.setdefault("placeholder", "handle, name, bio or captions")
        self.fields["country"].widget.attrs.setdefault("placeholder", "e.g. US")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for low, high, name in (
            ("followers_min", "followers_max", "followers"),
            ("engagement_min", "engagement_max", "ER"),
        ):
            if data.get(low) is not None and data.get(high) is not None and data[low] > data[high]:
                self.add_error(low, f"The minimum {name} is above the maximum.")
        return data

    def chips(self, params: Any) -> list[dict[str, str]]:
        """The filters in force, each as words and the query string without it (a removable chip); sort and page
        are not filters. `params`: the request's GET QueryDict."""
        if not self.is_bound or not self.is_valid():
            return []
        data = self.cleaned_data
        words = {
            "q": lambda v: f"“{v}”",
            "platform": lambda v: f"Platform: {dict(Platform.choices).get(v, v)}",
            "niche": lambda v: f"Niche: {niche_name(v)}",
            "niche_min_share": lambda v: f"Niche share ≥ {v}%",
            "followers_min": lambda v: f"Followers ≥ {v:,}",
            "followers_max": lambda v: f"Followers ≤ {v:,}",
            "engagement_min": lambda v: f"ER ≥ {v:g}%",
            "engagement_max": lambda v: f"ER ≤ {v:g}%",
            "quality_min": lambda v: f"AQS ≥ {v:g}",
            "language": lambda v: f"Language: {'Mixed' if v == MIXED else LANGUAGE_NAMES.get(v, v)}",
            "country": lambda v: f"Country: {v.upper()}",
            "verified": lambda v: "Verified" if v == "yes" else "Not verified",
            "business": lambda v: "Business account" if v == "yes" else "Not a business account",
            "linked": lambda v: "Linked" if v == "yes" else "Not linked",
            "posted_within_days": lambda v: f"Posted in the last {v} days",
            "sponsored": lambda v: "Has sponsored posts" if v == "yes" else "No sponsored posts",
            "safety": lambda v: "Brand safety A" if v == "A" else "Brand safety A or B",
        }
        chips = []
        for name, describe in words.items():
            value = data.get(name)
            if value in (None, ""):
                continue
            rest = params.copy()
            rest.pop(name, None)
            rest.pop("page", None)
            chips.append({"name": name, "label": describe(value), "remove": rest.urlencode()})
        return chips

    def to_query(self) -> DiscoveryQuery:
        data = self.cleaned_data

        def tri(name: str) -> bool | None:
            return {"yes": True, "no": False}.get(data.get(name) or "")

        share = data.get("niche_min_share")
        return DiscoveryQuery(
            q=data.get("q") or "",
            platform=data.get("platform") or "",
            niche=data.get("niche") or "",
            niche_min_share=share / 100 if share is not None else None,
            followers_min=data.get("followers_min"),
            followers_max=data.get("followers_max"),
            engagement_min=data.get("engagement_min"),
            engagement_max=data.get("engagement_max"),
            quality_min=data.get("quality_min"),
            language=data.get("language") or "",
            country=data.get("country") or "",
            verified=tri("verified"),
            business=tri("business"),
            linked=tri("linked"),
            posted_within_days=data.get("posted_within_days"),
            sponsored=tri("sponsored"),
            safety=data.get("safety") or "",
            sort=data.get("sort") or "",
        )


class ShortlistForm(forms.Form):
    name = forms.CharField(max_length=120)


class NicheForm(forms.Form):
    category = forms.ChoiceField(
        required=False, choices=[("", "let the model decide"), *((c, niche_name(c)) for c in NICHES)]
    )
