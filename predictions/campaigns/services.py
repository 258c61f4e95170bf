"""Writes of the campaign review workflow. Every state change leaves an audit event and, after commit, an email.

draft → submitted → changes_requested → resubmitted → approved | rejected
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from accounts.models import Membership, Organization, User
from accounts.roles import Capability, Role, role_can
from accounts.selectors import membership_require
from config.errors import ApplicationError, Conflict, PermissionDenied
from config.jobs import after_commit
from ml.services import DEFAULT_JURISDICTION, JURISDICTIONS
from predictions.campaigns.brief import brief_check, caption_problems, normalise_tags
from predictions.campaigns.models import (
    AWAITING_REVIEW,
    ApprovalRule,
    ApprovalStep,
    Campaign,
    CampaignStatus,
    Comment,
    MediaKind,
    ReviewDecision,
    ReviewDecisionKind,
    Submission,
    SubmissionEvent,
    SubmissionImage,
    SubmissionStatus,
    SubmissionVersion,
    SubmissionVideo,
    VersionScore,
    moment_label,
)
from predictions.campaigns.uploads import ValidatedImage, images_validate
from predictions.campaigns.video import ValidatedVideo, video_validate
from predictions.results.approvals import brand_step_applies, submission_send_to_brand
from profiles.models import Profile

EDITABLE_STATUSES = (
    SubmissionStatus.DRAFT,
    SubmissionStatus.SUBMITTED,
    SubmissionStatus.CHANGES_REQUESTED,
    SubmissionStatus.RESUBMITTED,
)


# --- campaigns ---------------------------------------------------------------------------------------------------


def _members_with(organization: Organization, users: Iterable[User], capability: str, label: str) -> list[User]:
    users = list(users)
    roles = dict(Membership.objects.filter(organization=organization, user__in=users).values_list("user_id", "role"))
    result = []
    for user in users:
        role = roles.get(user.pk)
        if role is None:
            raise ApplicationError(f"{user} is not a member of {organization}.", field=label)
        if not role_can(role, capability):
            raise ApplicationError(f"{user} ({Role(role).label}) cannot be a {label[:-1]} here.", field=label)
        result.append(user)
    return result


def _check_influencers(organization: Organization, influencers: Iterable[User]) -> list[User]:
    chosen = _members_with(organization, influencers, Capability.SUBMIT_CONTENT, "influencers")
    linked = set(
        Profile.objects.filter(organization=organization, is_linked=True, influencer__in=chosen).values_list(
            "influencer_id", flat=True
        )
    )
    missing = [str(user) for user in chosen if user.pk not in linked]
    if missing:
        raise ApplicationError(
            "Invited influencers need a linked profile first: " + ", ".join(missing) + ".", field="influencers"
        )
    return chosen


def _check_step(step: str) -> str:
    if step not in ApprovalStep.values:
        raise ApplicationError(
            "Choose who approves: agency only, agency then brand, or brand only.", field="approval_step"
        )
    return step


def _check_jurisdiction(jurisdiction: str) -> str:
    if jurisdiction not in JURISDICTIONS:
        names = "; ".join(f"{code} ({j.name})" for code, j in JURISDICTIONS.items())
        raise ApplicationError(f"Choose whose ad-disclosure rules apply: {names}.", field="jurisdiction")
    return jurisdiction


def _check_dates(starts_on: dt.date, ends_on: dt.date) -> None:
    if ends_on < starts_on:
        raise ApplicationError("The campaign cannot end before it starts.", field="ends_on")


@transaction.atomic
def campaign_create(
    *,
    user: User,
    organization: Organization,
    name: str,
    brand: str,
    brief: str = "",
    starts_on: dt.date,
    ends_on: dt.date,
    required_hashtags: Sequence[str] | str = (),
    required_mentions: Sequence[str] | str = (),
    jurisdiction: str = DEFAULT_JURISDICTION,
    influencers: Iterable[User] = (),
    reviewers: Iterable[User] = (),
    approval_rule: str = ApprovalRule.ANY,
    approval_step: str = ApprovalStep.AGENCY,
    status: str = CampaignStatus.ACTIVE,
) -> Campaign:
    membership_require(user=user, organization=organization, capability=Capability.MANAGE_DATA)
    _check_dates(starts_on, ends_on)
    campaign = Campaign.objects.create(
        organization=organization,
        name=name.strip(),
        brand=brand.strip(),
        brief=brief,
        starts_on=starts_on,
        ends_on=ends_on,
        required_hashtags=normalise_tags(required_hashtags, prefix="#"),
        required_mentions=normalise_tags(required_mentions, prefix="@"),
        jurisdiction=_check_jurisdiction(jurisdiction),
        approval_rule=approval_rule,
        approval_step=_check_step(approval_step),
        status=status,
        created_by=user,
    )
    campaign.influencers.set(_check_influencers(organization, influencers))
    campaign.reviewers.set(_members_with(organization, reviewers, Capability.REVIEW_CONTENT, "reviewers"))
    return campaign


@transaction.atomic
def campaign_update(
    *,
    user: User,
    campaign: Campaign,
    influencers: Iterable[User] | None = None,
    reviewers: Iterable[User] | None = None,
    **fields: object,
) -> Campaign:
    membership_require(user=user, organization=campaign.organization_id, capability=Capability.MANAGE_DATA)
    allowed = {
        "name",
        "brand",
        "brief",
        "starts_on",
        "ends_on",
        "required_hashtags",
        "required_mentions",
        "jurisdiction",
        "approval_rule",
        "approval_step",
        "status",
    }
    unknown = set(fields) - allowed
    if unknown:
        raise ApplicationError(f"Unknown campaign fields: {', '.join(sorted(unknown))}.")
    for key, value in fields.items():
        if key == "required_hashtags":
            value = normalise_tags(value, prefix="#")  # type: ignore[arg-type]
        elif key == "required_mentions":
            value = normalise_tags(value, prefix="@")  # type: ignore[arg-type]
        elif key == "approval_step":
            value = _check_step(value)  # type: ignore[arg-type]
        elif key == "jurisdiction":
            value = _check_jurisdiction(value)  # type: ignore[arg-type]
        setattr(campaign, key, value)
    _check_dates(campaign.starts_on, campaign.ends_on)
    campaign.save()
    if influencers is not None:
        campaign.influencers.set(_check_influencers(campaign.organization, influencers))
    if reviewers is not None:
        campaign.reviewers.set(_members_with(campaign.organization, reviewers, Capability.REVIEW_CONTENT, "reviewers"))
    return campaign


# --- submissions and versions ----------------------------------------------------------------------------------


def _event(
    submission: Submission,
    *,
    actor: User | None,
    action: str,
    from_status: str = "",
    detail: str = "",
    notify: bool = True,
) -> SubmissionEvent:
    event = SubmissionEvent.objects.create(
        submission=submission,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=submission.status,
        version_number=submission.latest_version_number or None,
        detail=detail,
    )
    if notify:
        from predictions.campaigns.tasks import submission_notify

        after_commit(lambda: submission_notify.delay(event.pk))
    return event


def _aware_planned_at(planned_at: dt.datetime, timezone_name: str) -> dt.datetime:
    try:
        zone = zoneinfo.ZoneInfo(timezone_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ApplicationError(f"Unknown timezone {timezone_name!r}.", field="timezone_name") from exc
    if timezone.is_naive(planned_at):
        planned_at = planned_at.replace(tzinfo=zone)
    return planned_at


def _check_content(*, campaign: Campaign, platform: str, caption: str, planned_at: dt.datetime) -> None:
    """Refuse what the platform or the campaign would: over-long captions, too many tags, a planned time that has
    passed or falls outside the campaign's dates (read in the time zone the influencer chose)."""
    problems = caption_problems(caption=caption, platform=platform)
    if problems:
        raise ApplicationError(" ".join(problems), field="caption")
    if planned_at <= timezone.now():
        raise ApplicationError("The planned time has already passed; choose a time in the future.", field="planned_at")
    local_day = planned_at.astimezone(planned_at.tzinfo).date()
    if not campaign.starts_on <= local_day <= campaign.ends_on:
        raise ApplicationError(
            f"Plan the post inside the campaign, {campaign.starts_on:%d %b} – "
            f"{campaign.ends_on:%d %b %Y}; {local_day:%d %b %Y} is outside it.",
            field="planned_at",
        )


def _store_version(
    *,
    written_files: list[str],
    submission: Submission,
    user: User,
    caption: str,
    planned_at: dt.datetime,
    timezone_name: str,
    paid_partnership: bool,
    images: list[ValidatedImage],
    video: ValidatedVideo | SubmissionVideo | None = None,
) -> SubmissionVersion:
    """Create the next immutable version with its images (or its video) and a pending score; schedule scoring (a
    new video: its processing, which queues the score) after commit. A SubmissionVideo as `video` is the previous
    version's, carried over: its files are shared, not processed again.

    Names of written files go to `written_files` so the caller's _atomic_with_file_cleanup can remove them.
    """
    campaign = submission.campaign
    number = submission.latest_version_number + 1
    version = SubmissionVersion.objects.create(
        submission=submission,
        number=number,
        caption=caption,
        planned_at=planned_at,
        timezone_name=timezone_name,
        paid_partnership=paid_partnership,
        media_type=MediaKind.VIDEO if video is not None else MediaKind.CAROUSEL if len(images) > 1 else MediaKind.IMAGE,
        brief_check=brief_check(
            caption=caption,
            required_hashtags=campaign.required_hashtags,
            required_mentions=campaign.required_mentions,
            paid_partnership=paid_partnership,
            platform=submission.profile.platform,
            jurisdiction=campaign.jurisdiction,
        ),
        created_by=user,
    )
    for position, image in enumerate(images):
        row = SubmissionImage(version=version, position=position, original_name=image.original_name)
        row.image.save(image.content.name or image.original_name, image.content, save=False)
        if row.image.name:
            written_files.append(row.image.name)
        row.save()
    Submission.objects.filter(pk=submission.pk).update(latest_version_number=number)
    submission.latest_version_number = number
    score = VersionScore.objects.create(version=version, progress_total=len(images) + 1)
    from predictions.campaigns.tasks import enqueue_scoring, enqueue_video

    if isinstance(video, ValidatedVideo):
        stored = _store_video(version, video, written_files)
        after_commit(lambda: enqueue_video(stored.pk))
        return version
    if isinstance(video, SubmissionVideo):
        SubmissionVideo.objects.create(
            version=version,
            **{name: getattr(video, name) for name in VIDEO_CARRIED},
            status=video.status,
            progress_done=video.progress_done,
            progress_total=video.progress_total,
            finished_at=video.finished_at,
        )
    after_commit(lambda: enqueue_scoring(score.pk))
    return version


VIDEO_CARRIED = (
    "original",
    "original_name",
    "size_bytes",
    "probe",
    "warnings",
    "rendition",
    "poster",
    "strip",
    "features",
)
VIDEO_SUFFIXES = {"mov,mp4,m4a,3gp,3g2,mj2": ".mp4", "matroska,webm": ".webm"}


def _store_video(version: SubmissionVersion, video: ValidatedVideo, written_files: list[str]) -> SubmissionVideo:
    """The uploaded original moved into storage (streamed from its temporary file), with a pending processing job."""
    row = SubmissionVideo(
        version=version,
        original_name=video.original_name,
        size_bytes=video.size_bytes,
        probe=video.probe,
        warnings=video.warnings,
        progress_total=100,
    )
    stem = (video.original_name.rsplit(".", 1)[0] or "video")[:60]
    with open(video.path, "rb") as handle:
        row.original.save(stem + VIDEO_SUFFIXES.get(video.probe.get("container", ""), ".mp4"), File(handle), save=False)
    written_files.append(str(row.original.name))
    row.save()
    video.discard()
    return row


def _media_validate(
    *, uploads: list[UploadedFile] | None, video: UploadedFile | str | None, platform: str, user: User
) -> tuple[list[ValidatedImage], ValidatedVideo | None]:
    """Images or one video (a file in the request, or the id of a finished resumable upload), each checked
    completely before anything is stored."""
    if video is not None and uploads:
        raise ApplicationError("Upload images or one video, not both.", field="video")
    if isinstance(video, str):
        from predictions.campaigns.resumable import upload_take

        return [], video_validate(platform=platform, on_disk=upload_take(user=user, pk=video))
    if video is not None:
        return [], video_validate(upload=video, platform=platform)
    return images_validate(uploads=uploads or []), None


@contextmanager
def _discarding(video: ValidatedVideo | None) -> Iterator[None]:
    """Remove a validated video's temporary file however the block ends (stored: it was moved already)."""
    try:
        yield
    finally:
        if video is not None:
            video.discard()


@contextmanager
def _atomic_with_file_cleanup() -> Iterator[list[str]]:
    """A transaction that also removes the files written under it if it rolls back (rows roll back by
    themselves), so a failed upload leaves neither rows nor files."""
    written_files: list[str] = []
    try:
        with transaction.atomic():
            yield written_files
    except BaseException:
        for name in written_files:
            default_storage.delete(name)
        raise


def campaign_upload_check(*, user: User, campaign: Campaign) -> None:
    """Refuse, with the reason, an upload this user may not make to this campaign now (also what the upload page
    says before a creator fills the form)."""
    membership_require(user=user, organization=campaign.organization_id, capability=Capability.SUBMIT_CONTENT)
    if not campaign.influencers.filter(pk=user.pk).exists():
        raise PermissionDenied("You are not invited to this campaign.")
    if campaign.status != CampaignStatus.ACTIVE:
        raise ApplicationError(
            f"This campaign is {campaign.get_status_display().lower()}; it takes no new content.",
            code="campaign_closed",
        )


def _check_can_submit(*, user: User, campaign: Campaign, profile: Profile) -> None:
    campaign_upload_check(user=user, campaign=campaign)
    if profile.organization_id != campaign.organization_id or not profile.is_linked or profile.influencer_id != user.pk:
        raise ApplicationError("Choose one of your own linked profiles.", field="profile")


def submission_create(
    *,
    user: User,
    campaign: Campaign,
    profile: Profile,
    caption: str,
    planned_at: dt.datetime,
    uploads: list[UploadedFile],
    timezone_name: str = "",
    paid_partnership: bool = False,
    submit: bool = False,
    video: UploadedFile | str | None = None,
) -> Submission:
    """A new submission with its first version. Images or the video are validated before anything is written."""
    _check_can_submit(user=user, campaign=campaign, profile=profile)
    timezone_name = timezone_name or profile.timezone or campaign.organization.timezone or "UTC"
    planned_at = _aware_planned_at(planned_at, timezone_name)
    _check_content(campaign=campaign, platform=profile.platform, caption=caption, planned_at=planned_at)
    images, validated_video = _media_validate(uploads=uploads, video=video, platform=profile.platform, user=user)
    with _atomic_with_file_cleanup() as written_files, _discarding(validated_video):
        submission = Submission.objects.create(campaign=campaign, influencer=user, profile=profile)
        _store_version(
            written_files=written_files,
            submission=submission,
            user=user,
            caption=caption,
            planned_at=planned_at,
            timezone_name=timezone_name,
            paid_partnership=paid_partnership,
            images=images,
            video=validated_video,
        )
        _event(submission, actor=user, action="created", detail="Version 1 uploaded.", notify=False)
        if submit:
            _transition(submission, actor=user, to=SubmissionStatus.SUBMITTED, action="submitted")
    return submission


def _transition(submission: Submission, *, actor: User | None, to: str, action: str, detail: str = "") -> None:
    previous = submission.status
    submission.status = to
    submission.save(update_fields=["status", "updated_at"])
    if to in AWAITING_REVIEW and brand_step_applies(campaign=submission.campaign, after="submitted"):
        # Brand-only approval: the content skips the agency's reviewers and goes to the brand's approvers.
        _event(submission, actor=actor, action=action, from_status=previous, detail=detail, notify=False)
        submission_send_to_brand(submission=submission, actor=actor, from_status=to)
        return
    _event(submission, actor=actor, action=action, from_status=previous, detail=detail)


def _lock(submission: Submission) -> Submission:
    """Re-read the row under a lock so two concurrent reviews or uploads serialise."""
    return (
        Submission.objects.select_for_update()
        .select_related("campaign", "campaign__organization")
        .get(pk=submission.pk)
    )


def _require_owner(user: User, submission: Submission) -> None:
    membership_require(
        user=user, organization=submission.campaign.organization_id, capability=Capability.SUBMIT_CONTENT
    )
    if submission.influencer_id != user.pk:
        raise PermissionDenied("Only the influencer who made this submission can change it.")


def submission_submit(*, user: User, submission: Submission) -> Submission:
    with transaction.atomic():
        submission = _lock(submission)
        _require_owner(user, submission)
        if submission.status != SubmissionStatus.DRAFT:
            raise Conflict(f"Only drafts can be submitted; this one is {submission.get_status_display().lower()}.")
        _transition(submission, actor=user, to=SubmissionStatus.SUBMITTED, action="submitted")
    return submission


def _copy_images(version: SubmissionVersion) -> list[ValidatedImage]:
    copies = []
    for row in version.images.all():
        with row.image.open("rb") as handle:
            data = handle.read()
        copies.append(
            ValidatedImage(
                content=ContentFile(data, name=(row.image.name or "").rsplit("/", 1)[-1]),
                width=row.width,
                height=row.height,
                original_name=row.original_name,
            )
        )
    return copies


def submission_resubmit(
    *,
    user: User,
    submission: Submission,
    caption: str,
    planned_at: dt.datetime,
    uploads: list[UploadedFile] | None = None,
    timezone_name: str = "",
    paid_partnership: bool = False,
    submit: bool = True,
    video: UploadedFile | str | None = None,
) -> SubmissionVersion:
    """A new immutable version. Without new images or video the previous version's are carried over (images
    copied, a video's files shared)."""
    _require_owner(user, submission)
    images: list[ValidatedImage] | None = None
    validated_video: ValidatedVideo | None = None
    if uploads or video is not None:
        images, validated_video = _media_validate(
            uploads=uploads, video=video, platform=submission.profile.platform, user=user
        )
    carried_video: SubmissionVideo | None = None
    with _atomic_with_file_cleanup() as written_files, _discarding(validated_video):
        submission = _lock(submission)
        if submission.status not in EDITABLE_STATUSES:
            raise Conflict(f"This submission is {submission.get_status_display().lower()}; it can no longer change.")
        previous = submission.versions.order_by("-number").first()
        timezone_name = timezone_name or (previous.timezone_name if previous else "UTC")
        planned_at = _aware_planned_at(planned_at, timezone_name)
        _check_content(
            campaign=submission.campaign, platform=submission.profile.platform, caption=caption, planned_at=planned_at
        )
        if images is None:
            if previous is None:
                raise ApplicationError("Add at least one image.", field="images")
            carried_video = SubmissionVideo.objects.filter(version=previous).first()
            images = [] if carried_video is not None else _copy_images(previous)
        version = _store_version(
            written_files=written_files,
            submission=submission,
            user=user,
            caption=caption,
            planned_at=planned_at,
            timezone_name=timezone_name,
            paid_partnership=paid_partnership,
            images=images,
            video=validated_video or carried_video,
        )
        if submission.status == SubmissionStatus.DRAFT:
            _event(
                submission, actor=user, action="new_version", detail=f"Version {version.number} uploaded.", notify=False
            )
            if submit:
                _transition(submission, actor=user, to=SubmissionStatus.SUBMITTED, action="submitted")
        else:
            _transition(
                submission,
                actor=user,
                to=SubmissionStatus.RESUBMITTED,
                action="resubmitted",
                detail=f"Version {version.number} uploaded.",
            )
    return version


def _assigned_reviewer_ids(campaign: Campaign) -> list[int]:
    return list(campaign.reviewers.values_list("pk", flat=True))


def submission_review(*, user: User, submission: Submission, decision: str, note: str = "") -> ReviewDecision:
    """Record one reviewer's decision on the latest version and move the workflow on.

    Request changes and reject act at once. Approve finishes the review under the "any" rule (or when no reviewers
    are assigned); under "all" it waits until every assigned reviewer has approved this version.
    """
    if decision not in ReviewDecisionKind.values:
        raise ApplicationError("Choose approve, request changes or reject.", field="decision")
    with transaction.atomic():
        submission = _lock(submission)
        campaign = submission.campaign
        membership_require(user=user, organization=campaign.organization_id, capability=Capability.REVIEW_CONTENT)
        assigned = _assigned_reviewer_ids(campaign)
        if assigned and user.pk not in assigned:
            raise PermissionDenied("You are not one of this campaign's reviewers.")
        if submission.influencer_id == user.pk:
            raise PermissionDenied("You cannot review your own submission.")
        if submission.status not in AWAITING_REVIEW:
            raise Conflict(f"This submission is {submission.get_status_display().lower()}; there is nothing to review.")
        if decision in (ReviewDecisionKind.REQUEST_CHANGES, ReviewDecisionKind.REJECT) and not note.strip():
            raise ApplicationError("Say what should change (or why it is rejected).", field="note")
        version = submission.versions.order_by("-number").first()
        if version is None:
            raise Conflict("This submission has no version to review.")
        if ReviewDecision.objects.filter(version=version, reviewer=user).exists():
            raise Conflict(f"You have already decided on version {version.number}.")
        review = ReviewDecision.objects.create(version=version, reviewer=user, decision=decision, note=note.strip())
        if note.strip():
            Comment.objects.create(submission=submission, version=version, author=user, body=note.strip())
        if decision == ReviewDecisionKind.REQUEST_CHANGES:
            _transition(
                submission,
                actor=user,
                to=SubmissionStatus.CHANGES_REQUESTED,
                action="changes_requested",
                detail=note.strip(),
            )
        elif decision == ReviewDecisionKind.REJECT:
            _transition(submission, actor=user, to=SubmissionStatus.REJECTED, action="rejected", detail=note.strip())
        else:
            approvals = set(
                version.decisions.filter(decision=ReviewDecisionKind.APPROVE).values_list("reviewer_id", flat=True)
            )
            if campaign.approval_rule == ApprovalRule.ALL and assigned and not set(assigned) <= approvals:
                waiting = len(set(assigned) - approvals)
                _event(
                    submission,
                    actor=user,
                    action="approval_recorded",
                    detail=f"{len(approvals)} of {len(assigned)} reviewers approved; waiting for {waiting}.",
                    notify=False,
                )
            elif brand_step_applies(campaign=campaign, after="agency_approved"):
                _event(submission, actor=user, action="agency_approved", detail=note.strip(), notify=False)
                submission_send_to_brand(submission=submission, actor=user, from_status=submission.status)
            else:
                _transition(
                    submission, actor=user, to=SubmissionStatus.APPROVED, action="approved", detail=note.strip()
                )
    return review


def comment_add(*, user: User, submission: Submission, body: str, at_seconds: float | None = None) -> Comment:
    """A comment on the latest version; `at_seconds` ties it to a moment of that version's video."""
    body = body.strip()
    if not body:
        raise ApplicationError("A comment cannot be empty.", field="body")
    membership = membership_require(
        user=user, organization=submission.campaign.organization_id, capability=Capability.VIEW
    )
    is_owner = submission.influencer_id == user.pk and membership.can(Capability.SUBMIT_CONTENT)
    if not (is_owner or membership.can(Capability.REVIEW_CONTENT)):
        raise PermissionDenied(f"Your role ({membership.get_role_display()}) cannot comment on submissions.")
    with transaction.atomic():
        version = submission.versions.order_by("-number").first()
        if at_seconds is not None:
            video = SubmissionVideo.objects.filter(version=version).first()
            if video is None:
                raise ApplicationError("Only a video draft has moments to comment on.", field="at_seconds")
            if not 0 <= at_seconds <= max(video.duration, 0.0) + 0.5:
                raise ApplicationError(
                    f"{moment_label(max(at_seconds, 0))} is not in the video "
                    f"(it is {moment_label(video.duration)} long).",
                    field="at_seconds",
                )
        comment = Comment.objects.create(
            submission=submission, version=version, author=user, body=body, at_seconds=at_seconds
        )
        detail = f"At {moment_label(at_seconds)}: {body}" if at_seconds is not None else body
        _event(submission, actor=user, action="commented", detail=detail[:500])
    return comment


def notification_recipients(*, event: SubmissionEvent) -> list[str]:
    """Who hears about a step: reviewers when content arrives, the influencer when reviewers act."""
    submission = event.submission
    campaign = submission.campaign
    actor_id = event.actor_id
    if event.action in ("submitted", "resubmitted") or (
        event.action == "commented" and actor_id == submission.influencer_id
    ):
        reviewers = list(campaign.reviewers.all())
        if not reviewers:
            reviewer_roles = [Role.OWNER, Role.MANAGER, Role.REVIEWER]
            reviewers = [
                m.user
                for m in Membership.objects.filter(
                    organization=campaign.organization, role__in=reviewer_roles
                ).select_related("user")
            ]
        return sorted({u.email for u in reviewers if u.pk != actor_id and u.email})
    if event.action in (
        "changes_requested",
        "approved",
        "rejected",
        "commented",
        "outcome_recorded",
        "brand_approved",
        "brand_changes_requested",
    ):
        influencer = submission.influencer
        return [influencer.email] if influencer.pk != actor_id and influencer.email else []
    return []
