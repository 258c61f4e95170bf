"""The brand's approval step: external approvers (brand contacts by email, no account) decide through magic links.

A campaign's approval_step says who approves: the agency only, the agency then the brand, or the brand only. When
content reaches the brand step it goes to `brand_review` and every active external approver gets a link bound to
them and to that version of that submission. The first brand decision moves the submission on and closes the
other approvers' links for that version. Links are single-purpose (their own signing salt), expire, can be
revoked, are rate-limited per link and per client address, and never log anyone in: the views under /brand/
read only the token, never the session.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from accounts.models import User
from accounts.roles import Capability
from accounts.selectors import membership_require
from config.errors import ApplicationError, Conflict
from config.jobs import after_commit
from predictions.campaigns.models import (
    ApprovalStep,
    Campaign,
    Submission,
    SubmissionEvent,
    SubmissionStatus,
)
from predictions.results.models import ApprovalLink, ExternalApprover
from predictions.results.services import LinkUnusable, digest_matches, signed_token, token_unsign

APPROVAL_SALT = "predictions.results.approval-link"
DECISIONS = {"approve": "Approved", "request_changes": "Changes requested"}


class RateLimited(ApplicationError):
    status_code = 429
    code = "rate_limited"


# --- approvers -------------------------------------------------------------------------------------------------


def approver_add(*, user: User, campaign: Campaign, email: str, name: str = "") -> ExternalApprover:
    """Add a brand contact; content already waiting for the brand is sent to them at once."""
    membership_require(user=user, organization=campaign.organization_id, capability=Capability.MANAGE_DATA)
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise ApplicationError("Enter the approver's email address.", field="email") from exc
    with transaction.atomic():
        approver, created = ExternalApprover.objects.get_or_create(
            campaign=campaign, email=email, defaults={"name": name.strip()[:160], "added_by": user}
        )
        if not created:
            if approver.revoked_at is None:
                raise Conflict(f"{email} is already an approver of this campaign.", field="email")
            ExternalApprover.objects.filter(pk=approver.pk).update(
                revoked_at=None, name=name.strip()[:160] or approver.name
            )
            approver.refresh_from_db()
        for submission in Submission.objects.filter(campaign=campaign, status=SubmissionStatus.BRAND_REVIEW):
            _send_links(submission, approvers=[approver])
    return approver


def approver_revoke(*, user: User, approver: ExternalApprover) -> ExternalApprover:
    """The approver's open links stop working at once."""
    membership_require(user=user, organization=approver.campaign.organization_id, capability=Capability.MANAGE_DATA)
    now = timezone.now()
    with transaction.atomic():
        ExternalApprover.objects.filter(pk=approver.pk, revoked_at__isnull=True).update(revoked_at=now)
        ApprovalLink.objects.filter(approver=approver, used_at__isnull=True, revoked_at__isnull=True).update(
            revoked_at=now
        )
    approver.refresh_from_db()
    return approver


def approval_link_revoke(*, user: User, link: ApprovalLink) -> ApprovalLink:
    membership_require(
        user=user, organization=link.submission.campaign.organization_id, capability=Capability.MANAGE_DATA
    )
    ApprovalLink.objects.filter(pk=link.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    link.refresh_from_db()
    return link


def approval_link_resend(*, user: User, link: ApprovalLink) -> ApprovalLink:
    """A new secret for an open link (the old URL stops working), mailed again to the same approver."""
    membership_require(
        user=user, organization=link.submission.campaign.organization_id, capability=Capability.MANAGE_DATA
    )
    token = approval_link_reissue(link=link)
    after_commit(lambda: _enqueue_mail(link.pk, token))
    return link


def approval_link_reissue(*, link: ApprovalLink) -> str:
    """Replace the link's secret and return its new token (shown to no one but the approver's email)."""
    if link.used_at is not None or link.revoked_at is not None or link.closed_reason:
        raise Conflict("This approval link is closed; it cannot be sent again.")
    token, digest = signed_token(pk=link.pk, salt=APPROVAL_SALT)
    ApprovalLink.objects.filter(pk=link.pk).update(
        secret_digest=digest, expires_at=timezone.now() + dt.timedelta(days=settings.RESULTS_APPROVAL_LINK_DAYS)
    )
    link.refresh_from_db()
    return token


# --- routing ---------------------------------------------------------------------------------------------------


def brand_step_applies(*, campaign: Campaign, after: str) -> bool:
    """Does content go to the brand now? `after` is 'submitted' (agency step skipped) or 'agency_approved'."""
    if after == "submitted":
        return campaign.approval_step == ApprovalStep.BRAND
    return campaign.approval_step == ApprovalStep.AGENCY_THEN_BRAND


def submission_send_to_brand(*, submission: Submission, actor: User | None, from_status: str) -> None:
    """Move a submission (locked by the caller, inside its transaction) to the brand step and mail the links."""
    from predictions.campaigns.services import _event

    submission.status = SubmissionStatus.BRAND_REVIEW
    submission.save(update_fields=["status", "updated_at"])
    approvers = list(ExternalApprover.objects.filter(campaign_id=submission.campaign_id, revoked_at__isnull=True))
    detail = (
        f"Sent to {len(approvers)} brand approver(s): " + ", ".join(a.email for a in approvers) + "."
        if approvers
        else "Waiting for the agency to add a brand approver."
    )
    _event(submission, actor=actor, action="sent_to_brand", from_status=from_status, detail=detail, notify=False)
    _send_links(submission, approvers=approvers)


def _send_links(submission: Submission, *, approvers: list[ExternalApprover]) -> list[ApprovalLink]:
    version = submission.versions.order_by("-number").first()
    if version is None:
        return []
    links = []
    for approver in approvers:
        if ApprovalLink.objects.filter(approver=approver, version=version).exists():
            continue
        link = ApprovalLink.objects.create(
            approver=approver,
            submission=submission,
            version=version,
            secret_digest=f"pending-{approver.pk}-{version.pk}",
            expires_at=timezone.now() + dt.timedelta(days=settings.RESULTS_APPROVAL_LINK_DAYS),
        )
        token, digest = signed_token(pk=link.pk, salt=APPROVAL_SALT)
        ApprovalLink.objects.filter(pk=link.pk).update(secret_digest=digest)
        links.append(link)
        after_commit(partial(_enqueue_mail, link.pk, token))
    return links


def _enqueue_mail(link_id: int, token: str) -> None:
    from predictions.results.tasks import approval_link_mail

    approval_link_mail.delay(link_id, token)


# --- the magic link ----------------------------------------------------------------------------------------------


RESULTS_MEDIA_ALLOWANCE = 10  # media requests a link may make for each page view it may make


def _rate_limit(key: str, *, limit: int, window: int) -> None:
    """A fixed-window counter in the shared cache (Redis in production), so every web process counts together."""
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    if count > limit:
        raise RateLimited("Too many requests for this link. Wait a few minutes and try again.")


def approval_link_open(*, token: str, client: str, media: bool = False) -> ApprovalLink:
    """The link a token names if it still works. Unknown or tampered tokens are a 404; known but unusable links
    (revoked, expired, decided, superseded) say why. `media`: a request for the draft's picture or video (a player
    asks for many byte ranges while it plays and seeks), counted apart from page views, with a larger allowance."""
    scale, prefix = (RESULTS_MEDIA_ALLOWANCE, "approval-media") if media else (1, "approval-link")
    _rate_limit(f"{prefix}:client:{client}", limit=settings.RESULTS_APPROVAL_RATE_PER_CLIENT * scale, window=600)
    parsed = token_unsign(token, salt=APPROVAL_SALT)
    if parsed is None:
        raise Http404("No such approval link.")
    _rate_limit(f"{prefix}:{parsed[0]}", limit=settings.RESULTS_APPROVAL_RATE_PER_LINK * scale, window=600)
    link = (
        ApprovalLink.objects.select_related(
            "approver",
            "version__score",
            "submission__campaign__organization",
            "submission__profile",
            "submission__influencer",
        )
        .filter(pk=parsed[0])
        .first()
    )
    if link is None or not digest_matches(parsed[1], link.secret_digest):
        raise Http404("No such approval link.")
    if link.revoked_at is not None or link.approver.revoked_at is not None:
        raise LinkUnusable("This approval link was revoked by the agency.")
    if link.used_at is not None:
        raise LinkUnusable(
            f"You already decided on this content ({DECISIONS.get(link.decision, link.decision)}, "
            f"{link.used_at:%d %b %Y %H:%M} UTC). The link works once."
        )
    if link.closed_reason:
        raise LinkUnusable(link.closed_reason)
    if link.expires_at <= timezone.now():
        raise LinkUnusable(f"This approval link expired on {link.expires_at:%d %b %Y}. Ask the agency for a new one.")
    if (
        link.submission.status != SubmissionStatus.BRAND_REVIEW
        or link.version.number != link.submission.latest_version_number
    ):
        raise LinkUnusable("This content is no longer waiting for your approval.")
    return link


def approval_link_decide(*, token: str, client: str, decision: str, note: str = "") -> Submission:
    """The brand's decision through its link: approve, or request changes with a comment. Lands in the audit
    trail with the approver's email; the link and the other approvers' links for this version then close."""
    from predictions.campaigns.services import _event

    if decision not in DECISIONS:
        raise ApplicationError("Choose approve or request changes.", field="decision")
    note = (note or "").strip()
    if decision == "request_changes" and not note:
        raise ApplicationError("Say what should change.", field="note")
    with transaction.atomic():
        link = approval_link_open(token=token, client=client)
        submission = Submission.objects.select_for_update().get(pk=link.submission_id)
        link = ApprovalLink.objects.select_for_update().select_related("approver", "version").get(pk=link.pk)
        # Re-check under the lock: a concurrent decision through this or another approver's link wins once.
        if link.used_at is not None or link.closed_reason or submission.status != SubmissionStatus.BRAND_REVIEW:
            raise LinkUnusable("This content is no longer waiting for your approval.")
        now = timezone.now()
        ApprovalLink.objects.filter(pk=link.pk).update(used_at=now, decision=decision, note=note)
        email = link.approver.email
        ApprovalLink.objects.filter(version=link.version, used_at__isnull=True).exclude(pk=link.pk).update(
            closed_reason=f"{email} already decided on this content."
        )
        previous = submission.status
        if decision == "approve":
            submission.status = SubmissionStatus.APPROVED
            action = "brand_approved"
        else:
            submission.status = SubmissionStatus.CHANGES_REQUESTED
            action = "brand_changes_requested"
        submission.save(update_fields=["status", "updated_at"])
        detail = f"{email} (brand): {DECISIONS[decision].lower()}." + (f" “{note}”" if note else "")
        event = _event(submission, actor=None, action=action, from_status=previous, detail=detail)
        SubmissionEvent.objects.filter(pk=event.pk).update(actor_email=email)
    return submission


def approval_image_get(*, link: ApprovalLink, position: Any) -> Any:
    try:
        return link.version.images.get(position=int(position))
    except (ValueError, TypeError, link.version.images.model.DoesNotExist) as exc:
        raise Http404("No such image.") from exc


def approval_video_get(*, link: ApprovalLink) -> Any:
    from predictions.campaigns.models import SubmissionVideo

    video = SubmissionVideo.objects.filter(version=link.version).first()
    if video is None:
        raise Http404("This draft has no video.")
    return video


def link_context(link: ApprovalLink) -> dict[str, Any]:
    from predictions.campaigns.models import SubmissionVideo

    version = link.version
    video = SubmissionVideo.objects.filter(version=version).first()
    comments = list(link.submission.comments.filter(version=version).select_related("author"))
    return {
        "link": link,
        "submission": link.submission,
        "campaign": link.submission.campaign,
        "version": version,
        "score": getattr(version, "score", None),
        "images": list(version.images.all()),
        "approver": link.approver,
        "video": video,
        "comments": comments,
    }
