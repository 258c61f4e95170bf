"""Forms parse input only; the services decide. Images are read from request.FILES and validated by the service."""

from __future__ import annotations

import zoneinfo

from django import forms

from accounts.models import Organization, User
from accounts.roles import Role
from ml.services import DEFAULT_JURISDICTION, JURISDICTION_CHOICES
from predictions.campaigns.models import ApprovalRule, Campaign, CampaignStatus, ReviewDecisionKind
from profiles.models import Profile

DATE_INPUT = forms.DateInput(attrs={"type": "date", "class": "form-control"})


class CampaignForm(forms.Form):
    name = forms.CharField(max_length=160, widget=forms.TextInput(attrs={"class": "form-control"}))
    brand = forms.CharField(max_length=160, widget=forms.TextInput(attrs={"class": "form-control"}))
    brief = forms.CharField(required=False, widget=forms.Textarea(attrs={"class": "form-control", "rows": 4}))
    starts_on = forms.DateField(widget=DATE_INPUT)
    ends_on = forms.DateField(widget=DATE_INPUT)
    required_hashtags = forms.CharField(
        required=False,
        help_text="Separated by spaces or commas, e.g. #summer #ad",
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    required_mentions = forms.CharField(
        required=False, help_text="e.g. @brand", widget=forms.TextInput(attrs={"class": "form-control"})
    )
    jurisdiction = forms.ChoiceField(
        label="Ad-disclosure rules",
        choices=JURISDICTION_CHOICES,
        initial=DEFAULT_JURISDICTION,
        required=False,
        help_text="Drafts and published posts are checked against these rules.",
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    influencers = forms.ModelMultipleChoiceField(
        queryset=User.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    reviewers = forms.ModelMultipleChoiceField(
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="None chosen: any member who may review.",
    )
    approval_rule = forms.ChoiceField(choices=ApprovalRule.choices, widget=forms.Select(attrs={"class": "form-select"}))
    status = forms.ChoiceField(
        choices=CampaignStatus.choices,
        initial=CampaignStatus.ACTIVE,
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args: object, organization: Organization, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        linked = Profile.objects.filter(organization=organization, is_linked=True, influencer__isnull=False)
        self.fields["influencers"].queryset = User.objects.filter(
            memberships__organization=organization, pk__in=linked.values("influencer_id")
        ).distinct()
        self.fields["reviewers"].queryset = User.objects.filter(
            memberships__organization=organization, memberships__role__in=[Role.OWNER, Role.MANAGER, Role.REVIEWER]
        ).distinct()

    def clean_jurisdiction(self) -> str:
        return self.cleaned_data.get("jurisdiction") or DEFAULT_JURISDICTION

    @staticmethod
    def initial_from(campaign: Campaign) -> dict[str, object]:
        return {
            "name": campaign.name,
            "brand": campaign.brand,
            "brief": campaign.brief,
            "starts_on": campaign.starts_on,
            "ends_on": campaign.ends_on,
            "required_hashtags": " ".join(f"#{t}" for t in campaign.required_hashtags),
            "required_mentions": " ".join(f"@{m}" for m in campaign.required_mentions),
            "jurisdiction": campaign.jurisdiction,
            "influencers": list(campaign.influencers.all()),
            "reviewers": list(campaign.reviewers.all()),
            "approval_rule": campaign.approval_rule,
            "status": campaign.status,
        }


def _timezone_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]


class SubmissionForm(forms.Form):
    profile = forms.ModelChoiceField(
        queryset=Profile.objects.none(), empty_label=None, widget=forms.Select(attrs={"class": "form-select"})
    )
    caption = forms.CharField(required=False, widget=forms.Textarea(attrs={"class": "form-control", "rows": 5}))
    planned_at = forms.DateTimeField(
        widget=forms.DateTimeInput(attrs={"type": "datetime-local", "class": "form-control"}),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
    )
    timezone_name = forms.ChoiceField(
        choices=_timezone_choices, initial="UTC", widget=forms.Select(attrs={"class": "form-select"})
    )
    paid_partnership = forms.BooleanField(required=False, label="Paid-partnership label on")

    def __init__(self, *args: object, profiles: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if profiles is not None:
            self.fields["profile"].queryset = profiles
        else:
            del self.fields["profile"]

    def clean_planned_at(self):  # type: ignore[no-untyped-def]
        # The time is wall-clock in the chosen timezone: keep it naive here, the service attaches the zone.
        value = self.cleaned_data["planned_at"]
        return value.replace(tzinfo=None) if value is not None else value


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=ReviewDecisionKind.choices)
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))


class CommentForm(forms.Form):
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}))
    # A moment of the video ("0:07" or seconds); empty: about the whole version.
    at = forms.CharField(required=False, max_length=12)

    def clean_at(self) -> float | None:
        return parse_moment(self.cleaned_data.get("at") or "")


def parse_moment(text: str) -> float | None:
    """ "0:07", "1:02:03", "7.5" or "" → seconds (None for ""); a ValidationError for anything else."""
    text = text.strip()
    if not text:
        return None
    parts = text.split(":")
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        raise forms.ValidationError(f"{text!r} is not a moment of the video (write it as 0:07).") from None
    if len(numbers) > 3 or any(number < 0 for number in numbers) or any(number >= 60 for number in numbers[1:]):
        raise forms.ValidationError(f"{text!r} is not a moment of the video (write it as 0:07).")
    seconds = 0.0
    for number in numbers:
        seconds = seconds * 60 + number
    return seconds


class OutcomeForm(forms.Form):
    post = forms.ModelChoiceField(queryset=None, required=False)  # type: ignore[arg-type]
    actual_likes = forms.IntegerField(required=False, min_value=0, max_value=2**31 - 1)

    def __init__(self, *args: object, posts: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["post"].queryset = posts

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean()
        if not data.get("post") and data.get("actual_likes") is None:
            raise forms.ValidationError("Choose the published post or enter the actual likes.")
        return data
