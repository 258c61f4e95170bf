"""Reads of campaigns and submissions, always for an acting user.

Tenancy: another agency's campaign or submission is a 404. Inside an agency, influencers (who may submit but not
review or manage) see only the campaigns they are invited to and only their own submissions.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Sum
from django.http import Http404

from accounts.models import Membership, Organization, User
from accounts.roles import Capability
from accounts.selectors import membership_get, user_memberships
from predictions.campaigns.models import (
    AWAITING_REVIEW,
    Campaign,
    CampaignStatus,
    Submission,
    SubmissionImage,
    SubmissionStatus,
    SubmissionVersion,
    SubmissionVideo,
    VersionScore,
)
from profiles.models import Post, Profile


def _is_influencer_only(membership: Membership) -> bool:
    return not (membership.can(Capability.REVIEW_CONTENT) or membership.can(Capability.MANAGE_DATA)) and membership.can(
        Capability.SUBMIT_CONTENT
    )


def _visibility(user: User, *, campaign_prefix: str) -> Q:
    """Rows under agencies the user belongs to; for influencer-only memberships just their own share."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    query = Q(pk__in=[])
    for membership in user_memberships(user=user):
        org_q = Q(**{f"{campaign_prefix}organization_id": membership.organization_id})
        if _is_influencer_only(membership):
            if campaign_prefix:
                org_q &= Q(influencer=user)
            else:
                org_q &= Q(influencers=user)
        query |= org_q
    return query


def campaigns_for_user(*, user: User, organization: Organization | None = None) -> QuerySet[Campaign]:
    queryset = Campaign.objects.filter(_visibility(user, campaign_prefix="")).distinct()
    if organization is not None:
        queryset = queryset.filter(organization=organization)
    return queryset.select_related("organization")


def campaigns_with_submission_counts(*, user: User, organization: Organization) -> QuerySet[Campaign]:
    """The campaigns list: each campaign with the count of the submissions this user may see (an influencer: their
    own, never the other creators')."""
    membership = membership_get(user=user, organization=organization)
    visible = Q(submissions__influencer=user) if _is_influencer_only(membership) else None
    return campaigns_for_user(user=user, organization=organization).annotate(
        submission_count=Count("submissions", filter=visible, distinct=True)
    )


def campaign_members_visible(*, campaign: Campaign, user: User) -> dict[str, list[str]]:
    """The campaign's influencers and reviewers by e-mail as this user may see them: all of them for the agency's
    own staff; for an influencer, only their own address (not the other creators' or the reviewers')."""
    influencers = [member.email for member in campaign.influencers.all()]
    reviewers = [member.email for member in campaign.reviewers.all()]
    if _is_influencer_only(membership_get(user=user, organization=campaign.organization_id)):
        return {"influencers": [email for email in influencers if email == user.email], "reviewers": []}
    return {"influencers": influencers, "reviewers": reviewers}


def own_submissions(*, user: User, organization: Organization) -> QuerySet[Submission]:
    """The user's own submissions in this agency, newest activity first: the campaigns page's "My submissions" and
    the dashboard's counts of them (one definition)."""
    return submissions_for_user(user=user, organization=organization).filter(influencer=user).order_by("-updated_at")


def campaign_takes_content_from(*, user: User, campaign: Campaign) -> bool:
    """Whether the page may offer this user an upload to this campaign: their role submits content, they are
    invited, and the campaign is still active (what services.submission_create checks before it stores anything)."""
    membership = membership_get(user=user, organization=campaign.organization_id)
    return (
        membership.can(Capability.SUBMIT_CONTENT)
        and campaign.status == CampaignStatus.ACTIVE
        and campaign.influencers.filter(pk=user.pk).exists()
    )


def campaign_get(*, user: User, pk: Any) -> Campaign:
    try:
        return campaigns_for_user(user=user).get(pk=pk)
    except (Campaign.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("No such campaign.") from exc


def submissions_for_user(*, user: User, organization: Organization | None = None) -> QuerySet[Submission]:
    queryset = Submission.objects.filter(_visibility(user, campaign_prefix="campaign__"))
    if organization is not None:
        queryset = queryset.filter(campaign__organization=organization)
    return queryset.select_related("campaign", "campaign__organization", "influencer", "profile")


def submission_get(*, user: User, pk: Any) -> Submission:
    try:
        return submissions_for_user(user=user).get(pk=pk)
    except (Submission.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("No such submission.") from exc


def version_get(*, user: User, submission: Submission, number: Any) -> SubmissionVersion:
    try:
        return submission.versions.select_related("score").prefetch_related("images").get(number=number)
    except (SubmissionVersion.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("No such version.") from exc


def image_get(*, user: User, pk: Any) -> SubmissionImage:
    try:
        return SubmissionImage.objects.select_related("version").get(
            pk=pk, version__submission__in=submissions_for_user(user=user)
        )
    except (SubmissionImage.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("No such image.") from exc


def video_get(*, user: User, pk: Any) -> SubmissionVideo:
    try:
        return SubmissionVideo.objects.select_related("version").get(
            pk=pk, version__submission__in=submissions_for_user(user=user)
        )
    except (SubmissionVideo.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("No such video.") from exc


def score_get(*, user: User, pk: Any) -> VersionScore:
    try:
        return VersionScore.objects.select_related("version", "version__submission").get(
            pk=pk, version__submission__in=submissions_for_user(user=user)
        )
    except (VersionScore.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("No such score.") from exc


def review_queue_for_user(*, user: User, organization: Organization) -> QuerySet[Submission]:
    """Submissions waiting for this reviewer: awaiting review, not their own, and not yet decided by them."""
    membership = membership_get(user=user, organization=organization)
    if not membership.can(Capability.REVIEW_CONTENT):
        return Submission.objects.none()
    queryset = submissions_for_user(user=user, organization=organization).filter(status__in=AWAITING_REVIEW)
    # Campaigns without named reviewers are everyone's to review; named ones only theirs. As EXISTS tests, not a
    # join, so no row repeats and the query needs no DISTINCT (which compared every selected column of every row).
    reviewers = Campaign.reviewers.through.objects.filter(campaign_id=OuterRef("campaign_id"))
    queryset = queryset.filter(~Exists(reviewers) | Exists(reviewers.filter(user=user))).exclude(influencer=user)
    decided_latest = SubmissionVersion.objects.filter(
        decisions__reviewer=user, number=F("submission__latest_version_number")
    ).values("submission_id")
    return queryset.exclude(pk__in=decided_latest).order_by("updated_at")


def linked_profiles_for_influencer(*, user: User, organization: Organization) -> QuerySet[Profile]:
    return Profile.objects.filter(organization=organization, is_linked=True, influencer=user)


def campaign_dashboard(*, campaign: Campaign, user: User) -> dict[str, Any]:
    """Counts by status, predicted likes (sum of the latest versions') and the audience (one definition with the
    report: predictions.results.report.AUDIENCE_DEFINITION), for what the user sees."""
    submissions = submissions_for_user(user=user).filter(campaign=campaign)
    counts = dict(submissions.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    by_status = [(value, label, counts.get(value, 0)) for value, label in SubmissionStatus.choices]
    latest_scores = VersionScore.objects.filter(
        version__submission__in=submissions,
        status="done",
        version__number=F("version__submission__latest_version_number"),
    )
    totals = latest_scores.aggregate(
        p50=Sum("predicted_likes"), low=Sum("predicted_likes_low"), high=Sum("predicted_likes_high")
    )
    approved_totals = latest_scores.filter(version__submission__status=SubmissionStatus.APPROVED).aggregate(
        p50=Sum("predicted_likes")
    )
    actual = submissions.aggregate(actual=Sum("actual_likes"))
    from predictions.results.report import AUDIENCE_DEFINITION, campaign_audience

    audience, accounts = campaign_audience(list(submissions.select_related("profile", "published_post")))
    return {
        "by_status": by_status,
        "total": sum(counts.values()),
        "predicted_likes": totals["p50"] or 0,
        "predicted_likes_low": totals["low"] or 0,
        "predicted_likes_high": totals["high"] or 0,
        "approved_predicted_likes": approved_totals["p50"] or 0,
        "actual_likes": actual["actual"],
        "audience": audience,
        "accounts": accounts,
        "audience_definition": AUDIENCE_DEFINITION,
    }


def recent_posts_for_chart(*, profile: Profile, limit: int = 20) -> list[dict[str, Any]]:
    posts = Post.objects.filter(profile=profile, likes__isnull=False, taken_at__isnull=False).order_by("-taken_at")[
        :limit
    ]
    return [
        {"taken_at": taken_at.isoformat(), "likes": post.likes, "label": taken_at.strftime("%d %b")}
        for post in reversed(list(posts))
        if (taken_at := post.taken_at) is not None
    ]


def pending_submissions(*, user: User, organization: Organization) -> list[dict[str, Any]]:
    """Everything in flight across the agency's campaigns that this user may see, each with whom it waits for:
    the named reviewers who have not decided on the latest version (or any reviewer when the campaign names
    none), or the influencer when changes were requested. Oldest first; a fixed number of queries."""
    latest = SubmissionVersion.objects.filter(number=F("submission__latest_version_number")).prefetch_related(
        "decisions"
    )
    queryset = (
        submissions_for_user(user=user, organization=organization)
        .filter(status__in=[*AWAITING_REVIEW, SubmissionStatus.CHANGES_REQUESTED])
        .prefetch_related("campaign__reviewers", Prefetch("versions", queryset=latest, to_attr="latest_versions"))
        .order_by("updated_at")
    )
    can_review = membership_get(user=user, organization=organization).can(Capability.REVIEW_CONTENT)
    pending = []
    for submission in queryset:
        if submission.status == SubmissionStatus.CHANGES_REQUESTED:
            waiting_for = [f"{submission.influencer.display_name} (changes requested)"]
            yours = submission.influencer_id == user.pk
        else:
            current = submission.latest_versions[0] if submission.latest_versions else None
            decided = {d.reviewer_id for d in current.decisions.all()} if current else set()
            named = [r for r in submission.campaign.reviewers.all() if r.pk not in decided]
            waiting_for = [r.display_name for r in named] if submission.campaign.reviewers.all() else ["any reviewer"]
            yours = any(r.pk == user.pk for r in named) or (
                not submission.campaign.reviewers.all()
                and user.pk not in decided
                and submission.influencer_id != user.pk
                and can_review
            )
        pending.append({"submission": submission, "waiting_for": waiting_for, "yours": yours})
    return pending


def campaign_submissions(*, user: User, campaign: Campaign) -> QuerySet[Submission]:
    """The campaign's submissions this user may see, newest activity first, each with its latest version (images and
    score) in `latest_versions`: one list, a fixed number of queries."""
    latest = (
        SubmissionVersion.objects.filter(number=F("submission__latest_version_number"))
        .select_related("score")
        .prefetch_related("images")
    )
    return (
        submissions_for_user(user=user)
        .filter(campaign=campaign)
        .prefetch_related(Prefetch("versions", queryset=latest, to_attr="latest_versions"))
        .order_by("-updated_at")
    )
