"""Reads of results rows, always through a campaign the acting user may see (another agency's row is a 404)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from accounts.models import User
from predictions.campaigns.models import Campaign
from predictions.campaigns.selectors import campaigns_for_user
from predictions.results.models import ApprovalLink, CreatorFee, ExternalApprover, ReportShareLink


def _get(queryset: QuerySet[Any], pk: Any, what: str) -> Any:
    try:
        return queryset.get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404(f"No such {what}.") from exc


def share_links_for_campaign(*, campaign: Campaign) -> QuerySet[ReportShareLink]:
    return ReportShareLink.objects.filter(campaign=campaign).select_related("created_by", "revoked_by")


def share_link_get(*, user: User, pk: Any) -> ReportShareLink:
    return _get(
        ReportShareLink.objects.filter(campaign__in=campaigns_for_user(user=user)).select_related("campaign"),
        pk,
        "share link",
    )


def approvers_for_campaign(*, campaign: Campaign) -> QuerySet[ExternalApprover]:
    return ExternalApprover.objects.filter(campaign=campaign).select_related("added_by")


def approver_get(*, user: User, pk: Any) -> ExternalApprover:
    return _get(
        ExternalApprover.objects.filter(campaign__in=campaigns_for_user(user=user)).select_related("campaign"),
        pk,
        "approver",
    )


def approval_link_get(*, user: User, pk: Any) -> ApprovalLink:
    return _get(
        ApprovalLink.objects.filter(submission__campaign__in=campaigns_for_user(user=user)).select_related(
            "submission__campaign"
        ),
        pk,
        "approval link",
    )


def approval_links_for_campaign(*, campaign: Campaign) -> QuerySet[ApprovalLink]:
    return (
        ApprovalLink.objects.filter(submission__campaign=campaign)
        .select_related("approver", "version", "submission")
        .order_by("-created_at")
    )


def fees_for_campaign(*, campaign: Campaign) -> dict[int, Any]:
    return {fee.influencer_id: fee.amount for fee in CreatorFee.objects.filter(campaign=campaign)}
