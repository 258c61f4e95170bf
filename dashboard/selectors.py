"""The dashboard's read model: what needs attention in the active agency, gathered through each app's selectors."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q

from accounts.models import Membership
from accounts.roles import Capability
from accounts.selectors import organization_member_counts
from network.selectors import graph_list
from predictions.audits.selectors import audits_for_user
from predictions.campaigns.models import AWAITING_REVIEW, CampaignStatus
from predictions.campaigns.selectors import (
    campaigns_for_user,
    own_submissions,
    pending_submissions,
    review_queue_for_user,
)
from profiles.selectors import organization_profile_counts, profiles_for_user


@dataclass
class DashboardSummary:
    member_count: int
    open_invitation_count: int
    linked_profile_count: int
    tracked_account_count: int
    active_campaign_count: int
    awaiting_review: list[Any] = field(default_factory=list)
    pending: list[Any] = field(default_factory=list)
    my_submissions: list[Any] = field(default_factory=list)
    my_submission_count: int = 0
    my_in_review_count: int = 0
    recent_audits: list[Any] = field(default_factory=list)
    recent_graphs: list[Any] = field(default_factory=list)
    top_profiles: list[Any] = field(default_factory=list)


def dashboard_summary(*, membership: Membership) -> DashboardSummary:
    user, organization = membership.user, membership.organization
    members = organization_member_counts(user=user, organization=organization)
    profiles = organization_profile_counts(user=user, organization=organization)
    summary = DashboardSummary(
        member_count=members["members"],
        open_invitation_count=members["open_invitations"],
        linked_profile_count=profiles["linked"],
        tracked_account_count=profiles["linked"] + profiles["discovered"],
        active_campaign_count=campaigns_for_user(user=user, organization=organization)
        .filter(status=CampaignStatus.ACTIVE)
        .count(),
        top_profiles=list(
            profiles_for_user(user=user, organization=organization)
            .exclude(followers_count=None)
            .order_by("-followers_count")[:5]
        ),
        recent_audits=list(audits_for_user(user=user, organization=organization).select_related("profile")[:5]),
        recent_graphs=list(graph_list(user=user, organization=organization).order_by("-created_at")[:5]),
    )
    if membership.can(Capability.REVIEW_CONTENT) or membership.can(Capability.MANAGE_DATA):
        summary.pending = pending_submissions(user=user, organization=organization)
    if membership.can(Capability.REVIEW_CONTENT):
        summary.awaiting_review = list(review_queue_for_user(user=user, organization=organization)[:5])
    if membership.can(Capability.SUBMIT_CONTENT):
        own = own_submissions(user=user, organization=organization)
        summary.my_submissions = list(own[:5])
        counts = own.order_by().aggregate(  # both counts in one query
            all=Count("pk"), in_review=Count("pk", filter=Q(status__in=AWAITING_REVIEW))
        )
        summary.my_submission_count, summary.my_in_review_count = counts["all"], counts["in_review"]
    return summary
