"""The feedback loop: actual likes of published posts come back to their submissions, and a weekly run retrains
the like model from those outcomes, activating the new version only if it beats the active one on held-out data.
"""

from __future__ import annotations

import datetime as dt
import difflib

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.roles import Capability
from accounts.selectors import membership_require
from config.errors import ApplicationError
from config.jobs import JobStatus, job_heartbeat
from predictions.campaigns.models import RetrainingRun, Submission, SubmissionStatus, SubmissionVersion
from predictions.campaigns.services import _event
from profiles.models import Post

MATCH_WINDOW = dt.timedelta(hours=48)
MIN_CAPTION_SIMILARITY = 0.6


def _require_manager(user: User, submission: Submission) -> None:
    membership_require(user=user, organization=submission.campaign.organization_id, capability=Capability.MANAGE_DATA)


@transaction.atomic
def submission_link_post(*, user: User | None, submission: Submission, post: Post, source: str = "post") -> Submission:
    """Tie a submission to the post that was actually published; its likes become the outcome."""
    if user is not None:
        _require_manager(user, submission)
    if post.profile_id != submission.profile_id:
        raise ApplicationError("That post belongs to another profile than the submission's.", field="post")
    submission.published_post = post
    submission.actual_likes = post.likes
    submission.actual_recorded_at = timezone.now()
    submission.actual_source = source
    submission.save(
        update_fields=["published_post", "actual_likes", "actual_recorded_at", "actual_source", "updated_at"]
    )
    _event(
        submission,
        actor=user,
        action="outcome_recorded",
        detail=f"Linked to published post {post.shortcode or post.platform_id} ({post.likes} likes).",
    )
    return submission


@transaction.atomic
def submission_record_actual_likes(*, user: User, submission: Submission, likes: int) -> Submission:
    _require_manager(user, submission)
    if likes < 0:
        raise ApplicationError("Likes cannot be negative.", field="actual_likes")
    submission.actual_likes = likes
    submission.actual_recorded_at = timezone.now()
    submission.actual_source = "manual"
    submission.save(update_fields=["actual_likes", "actual_recorded_at", "actual_source", "updated_at"])
    _event(submission, actor=user, action="outcome_recorded", detail=f"Actual likes set by hand: {likes}.")
    return submission


def _caption_similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, " ".join(a.lower().split()), " ".join(b.lower().split())).ratio()


def post_match_for_version(*, version: SubmissionVersion) -> Post | None:
    """The profile's post published within 48 h of the planned time whose caption is most like the approved one."""
    candidates = Post.objects.filter(
        profile_id=version.submission.profile_id,
        taken_at__gte=version.planned_at - MATCH_WINDOW,
        taken_at__lte=version.planned_at + MATCH_WINDOW,
    )
    best, best_score = None, MIN_CAPTION_SIMILARITY
    for post in candidates:
        score = _caption_similarity(version.caption, post.caption)
        if score >= best_score:
            best, best_score = post, score
    return best


def submissions_match_published_posts(*, now: dt.datetime | None = None) -> int:
    """Link approved submissions whose planned time has passed to their published posts; returns how many."""
    now = now or timezone.now()
    linked = 0
    pending = Submission.objects.filter(
        status=SubmissionStatus.APPROVED, published_post__isnull=True, actual_likes__isnull=True
    ).select_related("campaign")
    for submission in pending:
        version = submission.versions.order_by("-number").first()
        if version is None or version.planned_at > now:
            continue
        post = post_match_for_version(version=version)
        if post is not None and post.likes is not None:
            submission_link_post(user=None, submission=submission, post=post, source="matched")
            linked += 1
    return linked


# --- retraining ------------------------------------------------------------------------------------------------


def _outcome_post_ids(since: dt.datetime) -> list[int]:
    """Published posts whose link to a submission was recorded after `since`: campaign outcomes that count as new
    even when the post itself was fetched before the active model was trained."""
    return list(
        Submission.objects.filter(published_post__isnull=False, actual_recorded_at__gt=since).values_list(
            "published_post_id", flat=True
        )
    )


DECISIONS = {"skipped": "skipped", "kept": "kept_active", "activated": "activated"}


def likes_retrain_if_enough_outcomes(
    *, min_new_outcomes: int | None = None, seed: int = 42, data: str | None = None
) -> RetrainingRun:
    """The weekly decision, made by ml.likes.retrain_if_better (the one retraining path): skip with too few new
    outcomes (posts with likes since the active version, campaign posts linked since included); otherwise train a
    candidate and activate it only if it beats the active version on held-out accounts. The run row keeps the
    decision in words for the admin, skips and failures included (a ModelVersion exists only after a training)."""
    from ml.likes import retrain_if_better

    min_new = settings.CAMPAIGN_RETRAIN_MIN_OUTCOMES if min_new_outcomes is None else min_new_outcomes
    run = RetrainingRun.objects.create(status=JobStatus.RUNNING, started_at=timezone.now(), progress_total=1)
    try:
        with job_heartbeat(RetrainingRun, run.pk):  # training is one long quiet stretch
            summary = retrain_if_better(min_new_posts=min_new, seed=seed, data=data, outcome_posts=_outcome_post_ids)
    except ApplicationError as exc:
        RetrainingRun.objects.filter(pk=run.pk).update(decision="failed")
        RetrainingRun.fail(run.pk, exc.message)
    except Exception as exc:
        RetrainingRun.objects.filter(pk=run.pk).update(decision="failed")
        RetrainingRun.fail(run.pk, f"Retraining failed: {type(exc).__name__}: {exc}")
    else:
        decision = DECISIONS[summary["status"]]
        if decision == "skipped":
            detail = f"{summary['new_posts']} new outcomes since the active model; {min_new} needed."
        else:
            detail = (
                f"Candidate log-MSE {summary['candidate_log_mse']:.4f} vs active "
                f"{summary['previous_log_mse']:.4f} on {summary['held_out_accounts']} held-out accounts: "
                f"{'activated' if decision == 'activated' else 'kept the active version'}."
            )
        RetrainingRun.objects.filter(pk=run.pk).update(
            new_outcomes=summary["new_posts"],
            decision=decision,
            detail=detail,
            active_version=summary.get("previous_active", summary["active"]),
            candidate_version=summary.get("candidate", ""),
            metrics={k: v for k, v in summary.items() if k.endswith(("log_mse", "accounts"))},
            progress_done=1,
        )
        RetrainingRun.finish(run.pk)
    run.refresh_from_db()
    return run
