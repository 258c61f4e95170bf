"""Pages of campaign review. Each view parses input, calls one service or selector, and renders."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.roles import Capability
from accounts.selectors import membership_get, membership_require
from config.errors import ApplicationError, PermissionDenied
from config.jobs import JobStatus
from config.middleware import on_error_redirect
from config.ranged import ranged_file_response
from predictions.campaigns import feedback, scoring, selectors, services
from predictions.campaigns.forms import CampaignForm, CommentForm, OutcomeForm, ReviewForm, SubmissionForm
from predictions.campaigns.models import SubmissionStatus, SubmissionVideo, VersionScore
from predictions.campaigns.video import VIDEO_FILES, moments_of, video_urls
from profiles.models import Post


def _active_org(request: HttpRequest) -> Any:
    organization = request.organization  # type: ignore[attr-defined]
    if not organization:
        raise Http404("Choose or create an agency first.")
    return organization


def _can(request: HttpRequest, organization_id: int, capability: str) -> bool:
    return membership_get(user=request.user, organization=organization_id).can(capability)


# --- campaigns ---------------------------------------------------------------------------------------------------


@login_required
def campaign_list(request: HttpRequest) -> HttpResponse:
    organization = _active_org(request)
    membership = membership_get(user=request.user, organization=organization)
    campaigns = selectors.campaigns_with_submission_counts(user=request.user, organization=organization)
    return render(
        request,
        "predictions/campaign_list.html",
        {
            "campaigns": campaigns,
            "can_manage": membership.can(Capability.MANAGE_DATA),
            "can_review": membership.can(Capability.REVIEW_CONTENT),
            "my_submissions": selectors.own_submissions(user=request.user, organization=organization)[:20],
            "queue_size": selectors.review_queue_for_user(user=request.user, organization=organization).count(),
        },
    )


@login_required
def campaign_create(request: HttpRequest) -> HttpResponse:
    organization = _active_org(request)
    membership_require(user=request.user, organization=organization, capability=Capability.MANAGE_DATA)
    form = CampaignForm(request.POST or None, organization=organization)
    if request.method == "POST" and form.is_valid():
        try:
            campaign = services.campaign_create(user=request.user, organization=organization, **form.cleaned_data)
        except ApplicationError as exc:
            if exc.status_code == 403:
                raise
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, f"Campaign {campaign.name} created.")
            return redirect("predictions:campaign_detail", pk=campaign.pk)
    return render(
        request, "predictions/campaign_form.html", {"form": form, "campaign": None}, status=400 if form.errors else 200
    )


@login_required
def campaign_edit(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get(user=request.user, pk=pk)
    membership_require(user=request.user, organization=campaign.organization_id, capability=Capability.MANAGE_DATA)
    form = CampaignForm(
        request.POST or None, organization=campaign.organization, initial=CampaignForm.initial_from(campaign)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.campaign_update(user=request.user, campaign=campaign, **form.cleaned_data)
        except ApplicationError as exc:
            if exc.status_code == 403:
                raise
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, "Campaign saved.")
            return redirect("predictions:campaign_detail", pk=campaign.pk)
    return render(
        request,
        "predictions/campaign_form.html",
        {"form": form, "campaign": campaign},
        status=400 if form.errors else 200,
    )


@login_required
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get(user=request.user, pk=pk)
    membership = membership_get(user=request.user, organization=campaign.organization_id)
    return render(
        request,
        "predictions/campaign_detail.html",
        {
            "campaign": campaign,
            "influencers": campaign.influencers.all(),
            "reviewers": campaign.reviewers.all(),
            "dashboard": selectors.campaign_dashboard(campaign=campaign, user=request.user),
            "submissions": selectors.campaign_submissions(user=request.user, campaign=campaign),
            "can_manage": membership.can(Capability.MANAGE_DATA),
            "can_submit": selectors.campaign_takes_content_from(user=request.user, campaign=campaign),
            "can_see_results": membership.can(Capability.REVIEW_CONTENT)
            or membership.can(Capability.MANAGE_DATA)
            or not membership.can(Capability.SUBMIT_CONTENT),
        },
    )


# --- submissions -------------------------------------------------------------------------------------------------


def _upload_limits() -> dict[str, int]:
    """The limits the service enforces, shown in the drop zone and checked in the browser before sending."""
    return {
        "max_upload_bytes": settings.CAMPAIGN_UPLOAD_MAX_BYTES,
        "max_upload_mb": settings.CAMPAIGN_UPLOAD_MAX_BYTES // (1024 * 1024),
        "max_upload_images": settings.CAMPAIGN_UPLOAD_MAX_IMAGES,
        "max_video_bytes": settings.CAMPAIGN_VIDEO_MAX_BYTES,
        "max_video_mb": settings.CAMPAIGN_VIDEO_MAX_BYTES // (1024 * 1024),
        "resumable_over_bytes": settings.CAMPAIGN_VIDEO_RESUMABLE_OVER_BYTES,
    }


@login_required
@on_error_redirect("predictions:campaign_detail", kwargs=lambda kw: {"pk": kw["pk"]})
def submission_create(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get(user=request.user, pk=pk)
    services.campaign_upload_check(user=request.user, campaign=campaign)  # refused before the form is filled
    profiles = selectors.linked_profiles_for_influencer(user=request.user, organization=campaign.organization)
    form = SubmissionForm(
        request.POST or None, profiles=profiles, initial={"timezone_name": campaign.organization.timezone or "UTC"}
    )
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                submission = services.submission_create(
                    user=request.user,
                    campaign=campaign,
                    profile=data["profile"],
                    caption=data["caption"],
                    planned_at=data["planned_at"],
                    timezone_name=data["timezone_name"],
                    paid_partnership=data["paid_partnership"],
                    uploads=request.FILES.getlist("images"),
                    video=request.FILES.get("video") or request.POST.get("video_upload") or None,
                    submit=request.POST.get("action") == "submit",
                )
            except ApplicationError as exc:
                if exc.status_code == 403:
                    raise  # the 403 page (config.middleware)
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(request, "Uploaded. Your content is being scored.")
                return redirect("predictions:submission_detail", pk=submission.pk)
        return render(
            request,
            "predictions/submission_form.html",
            {**_upload_limits(), "form": form, "campaign": campaign, "submission": None},
            status=400,
        )
    if not _can(request, campaign.organization_id, Capability.SUBMIT_CONTENT):
        raise PermissionDenied("Your role cannot upload content.")
    return render(
        request,
        "predictions/submission_form.html",
        {**_upload_limits(), "form": form, "campaign": campaign, "submission": None},
    )


@login_required
def submission_resubmit(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_get(user=request.user, pk=pk)
    latest = submission.versions.order_by("-number").first()
    initial = {
        "caption": latest.caption,
        "timezone_name": latest.timezone_name,
        "paid_partnership": latest.paid_partnership,
        "planned_at": latest.planned_at.astimezone(_zone(latest.timezone_name)).strftime("%Y-%m-%dT%H:%M"),
    }
    form = SubmissionForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.submission_resubmit(
                    user=request.user,
                    submission=submission,
                    caption=data["caption"],
                    planned_at=data["planned_at"],
                    timezone_name=data["timezone_name"],
                    paid_partnership=data["paid_partnership"],
                    uploads=request.FILES.getlist("images") or None,
                    video=request.FILES.get("video") or request.POST.get("video_upload") or None,
                    submit=request.POST.get("action") != "draft",
                )
            except ApplicationError as exc:
                if exc.status_code == 403:
                    raise  # the 403 page (config.middleware)
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(request, "New version uploaded.")
                return redirect("predictions:submission_detail", pk=submission.pk)
        return render(
            request,
            "predictions/submission_form.html",
            {**_upload_limits(), "form": form, "campaign": submission.campaign, "submission": submission},
            status=400,
        )
    return render(
        request,
        "predictions/submission_form.html",
        {**_upload_limits(), "form": form, "campaign": submission.campaign, "submission": submission, "latest": latest},
    )


def _zone(name: str) -> Any:
    import zoneinfo

    return zoneinfo.ZoneInfo(name or "UTC")


@login_required
def submission_detail(request: HttpRequest, pk: int, number: int | None = None) -> HttpResponse:
    submission = selectors.submission_get(user=request.user, pk=pk)
    version = selectors.version_get(
        user=request.user, submission=submission, number=number or submission.latest_version_number
    )
    membership = membership_get(user=request.user, organization=submission.campaign.organization_id)
    score = getattr(version, "score", None)
    is_owner = submission.influencer_id == request.user.pk
    can_review = (
        membership.can(Capability.REVIEW_CONTENT)
        and submission.awaiting_review
        and not is_owner
        and version.number == submission.latest_version_number
    )
    can_manage = membership.can(Capability.MANAGE_DATA)
    comments = list(submission.comments.select_related("author", "version"))
    video = SubmissionVideo.objects.filter(version=version).first()
    previous = submission.versions.filter(number__lt=version.number).order_by("-number").first()
    previous_video = (
        SubmissionVideo.objects.filter(version=previous, status=JobStatus.DONE).first() if previous else None
    )
    if previous_video is not None and video is not None and previous_video.rendition == video.rendition:
        previous_video = None  # the same video carried over: nothing to compare
    return render(
        request,
        "predictions/submission_detail.html",
        {
            "video": video,
            "video_urls": video_urls(video),
            "moments": moments_of(comments, video),
            "poll_url": reverse("predictions:video_status", args=[video.pk]) if video is not None else "",
            "previous_video": previous_video,
            "previous_version": previous,
            "submission": submission,
            "campaign": submission.campaign,
            "version": version,
            "versions": submission.versions.order_by("-number"),
            "images": _images_with_faces(version, score),
            "score": score,
            "decisions": version.decisions.select_related("reviewer"),
            "comments": comments,
            "events": submission.events.select_related("actor"),
            "is_owner": is_owner,
            "can_review": can_review,
            "can_comment": is_owner or membership.can(Capability.REVIEW_CONTENT),
            "can_resubmit": is_owner and submission.status in services.EDITABLE_STATUSES,
            "can_submit_draft": is_owner and submission.status == SubmissionStatus.DRAFT,
            "can_manage": can_manage,
            "review_form": ReviewForm(),
            "outcome_form": OutcomeForm(posts=Post.objects.filter(profile=submission.profile)[:50])
            if can_manage
            else None,
            "chart_data": _chart_data(submission, score),
        },
    )


def _images_with_faces(version: Any, score: VersionScore | None) -> list[Any]:
    """Each image with its detected face count (None until scored) for the preview captions."""
    features = score.image_features if score is not None and score.status == "done" else []
    rows = list(version.images.all())
    for index, row in enumerate(rows):
        faces = features[index].get("faces") if index < len(features) else None
        row.face_count = len(faces) if isinstance(faces, list) else None
    return rows


def _chart_data(submission: Any, score: VersionScore | None) -> dict[str, Any]:
    recent = selectors.recent_posts_for_chart(profile=submission.profile)
    data: dict[str, Any] = {"recent": recent, "prediction": None, "actual": submission.actual_likes}
    if score is not None and score.status == "done":
        data["prediction"] = {
            "p50": score.predicted_likes,
            "low": score.predicted_likes_low,
            "high": score.predicted_likes_high,
        }
    if recent:
        data["mean"] = sum(item["likes"] for item in recent) / len(recent)
    return data


@login_required
def score_card(request: HttpRequest, pk: int) -> HttpResponse:
    """The score card alone: htmx polls it while the score runs, then it stops polling."""
    score = selectors.score_get(user=request.user, pk=pk)
    response = render(request, "predictions/_score_card.html", {"score": score, "version": score.version})
    if request.headers.get("HX-Request") and score.is_finished:
        # The finished score also changes the chart and the preview (faces): reload the page once.
        response["HX-Refresh"] = "true"
    return response


@login_required
@require_POST
def score_retry(request: HttpRequest, pk: int) -> HttpResponse:
    score = selectors.score_get(user=request.user, pk=pk)
    submission = score.version.submission
    if submission.influencer_id != request.user.pk:
        membership_require(
            user=request.user, organization=submission.campaign.organization_id, capability=Capability.REVIEW_CONTENT
        )
    scoring.version_score_retry(score=score)
    messages.info(request, "Scoring again.")
    return redirect("predictions:submission_detail", pk=submission.pk)


@login_required
@require_POST
def submission_submit(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_get(user=request.user, pk=pk)
    services.submission_submit(user=request.user, submission=submission)
    messages.success(request, "Submitted for review.")
    return redirect("predictions:submission_detail", pk=pk)


@login_required
@require_POST
def submission_review(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_get(user=request.user, pk=pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        raise ApplicationError("Choose approve, request changes or reject.")
    services.submission_review(user=request.user, submission=submission, **form.cleaned_data)
    submission.refresh_from_db()
    messages.success(request, f"Decision recorded: {submission.get_status_display().lower()}.")
    return redirect("predictions:submission_detail", pk=pk)


@login_required
@require_POST
def submission_comment(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_get(user=request.user, pk=pk)
    form = CommentForm(request.POST)
    if not form.is_valid() and "at" in form.errors:
        raise ApplicationError(" ".join(form.errors["at"]), field="at_seconds")
    services.comment_add(
        user=request.user,
        submission=submission,
        body=form.data.get("body", "") if not form.is_valid() else form.cleaned_data["body"],
        at_seconds=form.cleaned_data.get("at") if form.is_valid() else None,
    )
    return redirect("predictions:submission_detail", pk=pk)


@login_required
@require_POST
def submission_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_get(user=request.user, pk=pk)
    form = OutcomeForm(request.POST, posts=Post.objects.filter(profile=submission.profile))
    if not form.is_valid():
        raise ApplicationError(" ".join(form.non_field_errors()) or "Check the outcome fields.")
    if form.cleaned_data["post"]:
        feedback.submission_link_post(user=request.user, submission=submission, post=form.cleaned_data["post"])
    else:
        feedback.submission_record_actual_likes(
            user=request.user, submission=submission, likes=form.cleaned_data["actual_likes"]
        )
    messages.success(request, "Outcome recorded.")
    return redirect("predictions:submission_detail", pk=pk)


@login_required
def submission_image(request: HttpRequest, pk: int, kind: str) -> FileResponse:
    """Submission images are tenant data: served through this check, never as public media."""
    row = selectors.image_get(user=request.user, pk=pk)
    field = row.faces_preview if kind == "faces" else row.image
    if not field:
        raise Http404("No such image.")
    response = FileResponse(field.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
def video_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The player block alone: htmx polls it while the video is processed; when done the page reloads once."""
    video = selectors.video_get(user=request.user, pk=pk)
    response = render(
        request,
        "predictions/_video_player.html",
        {"video": video, "video_urls": video_urls(video), "moments": [], "poll_url": request.path},
    )
    if request.headers.get("HX-Request") and video.is_finished:
        response["HX-Refresh"] = "true"
    return response


@login_required
def submission_video_file(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """A video draft's rendition (with byte ranges, for the player), poster or strip: tenant data, served through
    this check. The original upload is never served (it may carry location and device data)."""
    video = selectors.video_get(user=request.user, pk=pk)
    if kind not in VIDEO_FILES:
        raise Http404("No such file.")
    field_name, content_type = VIDEO_FILES[kind]
    field = getattr(video, field_name)
    if not field:
        raise Http404("Not made yet.")
    response = ranged_file_response(request, field, content_type=content_type)
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    organization = _active_org(request)
    queue = selectors.review_queue_for_user(user=request.user, organization=organization).prefetch_related(
        "versions__score"
    )
    return render(
        request,
        "predictions/review_queue.html",
        {"queue": queue, "pending": selectors.pending_submissions(user=request.user, organization=organization)},
    )


# --- resumable uploads (tus 1.0.0; predictions.campaigns.resumable) ------------------------------------------------

TUS_HEADERS = {
    "Tus-Resumable": "1.0.0",
    "Tus-Version": "1.0.0",
    "Tus-Extension": "creation,checksum,termination",
    "Tus-Checksum-Algorithm": "sha1",
}


def _tus(response: HttpResponse, **headers: str) -> HttpResponse:
    for key, value in {**TUS_HEADERS, **headers}.items():
        response[key] = value
    response["Cache-Control"] = "no-store"
    return response


def _tus_error(exc: ApplicationError) -> HttpResponse:
    return _tus(HttpResponse(exc.message, status=exc.status_code, content_type="text/plain; charset=utf-8"))


@login_required
def resumable_uploads(request: HttpRequest) -> HttpResponse:
    from predictions.campaigns import resumable

    if request.method == "OPTIONS":
        return _tus(HttpResponse(status=204), **{"Tus-Max-Size": str(settings.CAMPAIGN_VIDEO_MAX_BYTES)})
    if request.method != "POST":
        return _tus(HttpResponse(status=405))
    try:
        upload = resumable.upload_create(
            user=request.user,
            length_header=request.headers.get("Upload-Length", ""),
            metadata_header=request.headers.get("Upload-Metadata", ""),
        )
    except ApplicationError as exc:
        return _tus_error(exc)
    return _tus(HttpResponse(status=201), Location=reverse("predictions:resumable_upload", args=[upload.pk]))


@login_required
def resumable_upload(request: HttpRequest, upload_id: str) -> HttpResponse:
    from predictions.campaigns import resumable

    try:
        upload = resumable.upload_get(user=request.user, pk=upload_id)
        if request.method == "HEAD":
            return _tus(
                HttpResponse(status=200), **{"Upload-Offset": str(upload.offset), "Upload-Length": str(upload.length)}
            )
        if request.method == "DELETE":
            resumable.upload_delete(upload=upload)
            return _tus(HttpResponse(status=204))
        if request.method != "PATCH":
            return _tus(HttpResponse(status=405))
        if request.headers.get("Content-Type") != "application/offset+octet-stream":
            return _tus(HttpResponse("Content-Type must be application/offset+octet-stream.", status=415))
        length = request.headers.get("Content-Length")
        offset = resumable.upload_append(
            upload=upload,
            offset_header=request.headers.get("Upload-Offset", ""),
            checksum_header=request.headers.get("Upload-Checksum", ""),
            stream=request,
            content_length=int(length) if length and length.isdigit() else None,
        )
    except ApplicationError as exc:
        return _tus_error(exc)
    return _tus(HttpResponse(status=204), **{"Upload-Offset": str(offset)})
