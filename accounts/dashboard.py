"""The dashboard's read model: what needs attention in the active agency, gathered through each app's selectors."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from accounts.models import Membership
from accounts.roles import Capability


@dataclass
class DashboardSummary:
    member_count: int
    open_invitation_count: int
    linked_profile_count: int
    tracked_account_count: int
    active_campaign_count: int
    awaiting_review: list[Any] = field(default_factory=list)
    my_submissions: list[Any] = field(default_factory=list)
    recent_audits: list[Any] = field(default_factory=list)
    recent_graphs: list[Any] = field(default_factory=list)
    top_profiles: list[Any] = field(default_factory=list)


def dashboard_summary(*, membership: Membership) -> DashboardSummary:
    from network.models import GraphSnapshot
    from predictions.audits.models import FollowerAudit
    from predictions.campaigns.models import CampaignStatus
    from predictions.campaigns.selectors import campaigns_for_user, review_queue_for_user, submissions_for_user
    from profiles.models import Profile

    user, organization = membership.user, membership.organization
    profiles = Profile.objects.filter(organization=organization)
    summary = DashboardSummary(
        member_count=organization.memberships.count(),
        open_invitation_count=organization.invitations.filter(accepted_at__isnull=True,
                                                              revoked_at__isnull=True).count(),
        linked_profile_count=profiles.filter(is_linked=True).count(),
        tracked_account_count=profiles.count(),
        active_campaign_count=campaigns_for_user(user=user, organization=organization)
        .filter(status=CampaignStatus.ACTIVE).count(),
        top_profiles=list(profiles.filter(is_linked=True).exclude(followers_count=None)
                          .order_by("-followers_count")[:5]),
        recent_audits=list(FollowerAudit.objects.filter(organization=organization)
                           .select_related("profile").order_by("-created_at")[:5]),
        recent_graphs=list(GraphSnapshot.objects.filter(organization=organization)
                           .defer("edges_blob", "summary").order_by("-created_at")[:5]),
    )
    if membership.can(Capability.REVIEW_CONTENT):
        summary.awaiting_review = list(review_queue_for_user(user=user, organization=organization)[:5])
    if membership.can(Capability.SUBMIT_CONTENT):
        summary.my_submissions = list(submissions_for_user(user=user, organization=organization)
                                      .filter(influencer=user).order_by("-updated_at")[:5])
    return summary
