"""Pages of campaign results: the report (with money, share links and brand approvers for managers), the agency's
EMV rates, and the brand's pages under /brand/ that work from a token alone, without login and without a session."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.branding import branding
from accounts.models import User
from accounts.roles import Capability
from accounts.selectors import active_organization, agency_member_get, membership_get
from config.errors import ApplicationError
from predictions.campaigns import selectors as campaign_selectors
from predictions.campaigns import services as campaign_services
from predictions.campaigns.models import ApprovalStep
from predictions.results import approvals, exports, selectors, services
from predictions.results.charts import report_charts
from predictions.results.report import campaign_report, emv_rates_for, report_access_require
from predictions.results.services import LinkUnusable


def _client(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "unknown")


@login_required
def campaign_report_page(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = campaign_selectors.campaign_get(user=request.user, pk=pk)
    report_access_require(user=request.user, campaign=campaign)
    membership = membership_get(user=request.user, organization=campaign.organization_id)
    can_manage = membership.can(Capability.MANAGE_DATA)
    report = campaign_report(campaign=campaign)
    context: dict[str, Any] = {
        "campaign": campaign,
        "report": report,
        "charts": report_charts(report),
        "can_manage": can_manage,
        "shared": False,
        "branding": branding(campaign.organization),
    }
    if can_manage:
        fees = selectors.fees_for_campaign(campaign=campaign)
        creators = list(
            User.objects.filter(
                pk__in=set(campaign.influencers.values_list("pk", flat=True))
                | set(campaign.submissions.values_list("influencer_id", flat=True))
            )
        )
        context.update(
            {
                "creators": [(creator, fees.get(creator.pk)) for creator in creators],
                "share_links": selectors.share_links_for_campaign(campaign=campaign),
                "approvers": selectors.approvers_for_campaign(campaign=campaign),
                "approval_links": selectors.approval_links_for_campaign(campaign=campaign)[:50],
                "approval_steps": ApprovalStep.choices,
                "new_share_url": request.session.pop(f"share-url-{campaign.pk}", ""),
            }
        )
    return render(request, "predictions/results/report.html", context)


@login_required
@require_POST
def creator_fees_save(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = campaign_selectors.campaign_get(user=request.user, pk=pk)
    creators = User.objects.filter(
        pk__in=[key.removeprefix("fee-") for key in request.POST if key.startswith("fee-") and key[4:].isdigit()]
    )
    for creator in creators:
        services.creator_fee_set(
            user=request.user, campaign=campaign, influencer=creator, amount=request.POST.get(f"fee-{creator.pk}", "")
        )
    messages.success(request, "Fees saved.")
    return redirect("predictions:campaign_report", pk=pk)


@login_required
@require_POST
def approval_step_save(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = campaign_selectors.campaign_get(user=request.user, pk=pk)
    campaign_services.campaign_update(
        user=request.user, campaign=campaign, approval_step=request.POST.get("approval_step", "")
    )
    messages.success(request, f"Approval: {campaign.get_approval_step_display().lower()}.")
    return redirect("predictions:campaign_report", pk=pk)


@login_required
@require_POST
def share_link_create(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = campaign_selectors.campaign_get(user=request.user, pk=pk)
    try:
        days = int(request.POST.get("days", "30"))
    except ValueError as exc:
        raise ApplicationError("Days must be a whole number.", field="days") from exc
    _, token = services.share_link_create(
        user=request.user, campaign=campaign, days=days, label=request.POST.get("label", "")
    )
    # Shown once on the next page: the token itself is never stored.
    request.session[f"share-url-{campaign.pk}"] = services.share_url(token)
    messages.success(request, "Share link created. Copy it now: it is shown only once.")
    return redirect("predictions:campaign_report", pk=pk)


@login_required
@require_POST
def share_link_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    link = selectors.share_link_get(user=request.user, pk=pk)
    services.share_link_revoke(user=request.user, link=link)
    messages.success(request, "Share link revoked.")
    return redirect("predictions:campaign_report", pk=link.campaign_id)


@login_required
@require_POST
def approver_add(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = campaign_selectors.campaign_get(user=request.user, pk=pk)
    approver = approvals.approver_add(
        user=request.user, campaign=campaign, email=request.POST.get("email", ""), name=request.POST.get("name", "")
    )
    messages.success(request, f"{approver.email} added as a brand approver.")
    return redirect("predictions:campaign_report", pk=pk)


@login_required
@require_POST
def approver_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    approver = selectors.approver_get(user=request.user, pk=pk)
    approvals.approver_revoke(user=request.user, approver=approver)
    messages.success(request, f"{approver.email} removed; their open links stopped working.")
    return redirect("predictions:campaign_report", pk=approver.campaign_id)


@login_required
@require_POST
def approval_link_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    link = selectors.approval_link_get(user=request.user, pk=pk)
    approvals.approval_link_revoke(user=request.user, link=link)
    messages.success(request, "Approval link revoked.")
    return redirect("predictions:campaign_report", pk=link.submission.campaign_id)


@login_required
@require_POST
def approval_link_resend(request: HttpRequest, pk: int) -> HttpResponse:
    link = selectors.approval_link_get(user=request.user, pk=pk)
    approvals.approval_link_resend(user=request.user, link=link)
    messages.success(request, f"A new link was sent to {link.approver.email}; the old one no longer works.")
    return redirect("predictions:campaign_report", pk=link.submission.campaign_id)


@login_required
def emv_rates(request: HttpRequest) -> HttpResponse:
    organization = active_organization(request=request)
    # The agency's money: an influencer (an outside creator) gets the outsider's 404, as for the member list.
    membership = agency_member_get(user=request.user, organization=organization)
    if request.method == "POST":
        services.emv_rates_set(
            user=request.user,
            organization=organization,
            **{key: request.POST.get(key, "") for key in ("currency", "like", "comment", "view", "share")},
        )
        messages.success(request, "EMV rates saved.")
        return redirect("predictions:emv_rates")
    rates = emv_rates_for(organization=organization)
    from predictions.results.report import emv_formula

    return render(
        request,
        "predictions/results/emv_rates.html",
        {"rates": rates, "formula": emv_formula(rates), "can_manage": membership.can(Capability.MANAGE_DATA)},
    )


# --- the brand's pages: a token, no login, no session -------------------------------------------------------------


def _gone(request: HttpRequest, exc: ApplicationError, title: str) -> HttpResponse:
    return render(
        request, "predictions/results/link_gone.html", {"message": exc.message, "title": title}, status=exc.status_code
    )


@never_cache
def report_share(request: HttpRequest, token: str) -> HttpResponse:
    try:
        link = services.share_link_open(token=token)
    except LinkUnusable as exc:
        return _gone(request, exc, "Report link")
    report = campaign_report(campaign=link.campaign)
    response = render(
        request,
        "predictions/results/report_shared.html",
        {
            "report": report,
            "charts": report_charts(report),
            "shared": True,
            "link": link,
            "token": token,
            "branding": branding(link.campaign.organization),
        },
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "same-origin"
    return response


@never_cache
def report_share_pdf(request: HttpRequest, token: str) -> HttpResponse:
    """The same report as a PDF, through the same link (counted as an opening)."""
    try:
        link = services.share_link_open(token=token)
    except LinkUnusable as exc:
        return _gone(request, exc, "Report link")
    report = campaign_report(campaign=link.campaign)
    response = HttpResponse(exports.report_pdf(report), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{exports.report_filename(report, "pdf")}"'
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _approval_context(link: Any, token: str) -> dict[str, Any]:
    from django.urls import reverse

    from predictions.campaigns.video import moments_of, video_urls

    context = approvals.link_context(link)
    video = context["video"]
    return {
        **context,
        "token": token,
        "video_urls": video_urls(video, lambda kind: reverse("brand:approval_video", args=[token, kind])),
        "moments": moments_of(context["comments"], video),
        "poll_url": "",
    }


@never_cache
def approval_page(request: HttpRequest, token: str) -> HttpResponse:
    try:
        if request.method == "POST":
            submission = approvals.approval_link_decide(
                token=token,
                client=_client(request),
                decision=request.POST.get("decision", ""),
                note=request.POST.get("note", ""),
            )
            return render(request, "predictions/results/approval_done.html", {"submission": submission})
        link = approvals.approval_link_open(token=token, client=_client(request))
    except LinkUnusable as exc:
        return _gone(request, exc, "Approval link")
    except approvals.RateLimited as exc:
        return _gone(request, exc, "Slow down")
    except ApplicationError as exc:
        link = approvals.approval_link_open(token=token, client=_client(request))
        return render(
            request,
            "predictions/results/approval.html",
            {**_approval_context(link, token), "error": exc.message},
            status=400,
        )
    response = render(request, "predictions/results/approval.html", _approval_context(link, token))
    # The token is in the URL: never send it to another site. (Not "no-referrer": the browser would then send
    # Origin: null with the decision form and CSRF would refuse it.)
    response["Referrer-Policy"] = "same-origin"
    return response


@never_cache
def approval_video(request: HttpRequest, token: str, kind: str) -> HttpResponse:
    """The draft's video for the brand (the rendition with byte ranges, the poster, the strip), from the token."""
    from config.ranged import ranged_file_response
    from predictions.campaigns.video import VIDEO_FILES

    try:
        link = approvals.approval_link_open(token=token, client=_client(request), media=True)
    except (LinkUnusable, approvals.RateLimited) as exc:
        return HttpResponse(exc.message, status=exc.status_code, content_type="text/plain")
    video = approvals.approval_video_get(link=link)
    if kind not in VIDEO_FILES or not getattr(video, VIDEO_FILES[kind][0]):
        raise Http404("No such file.")
    field_name, content_type = VIDEO_FILES[kind]
    response = ranged_file_response(request, getattr(video, field_name), content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    return response


@never_cache
def approval_image(request: HttpRequest, token: str, position: int) -> HttpResponse:
    try:
        link = approvals.approval_link_open(token=token, client=_client(request), media=True)
    except (LinkUnusable, approvals.RateLimited) as exc:
        return HttpResponse(exc.message, status=exc.status_code, content_type="text/plain")
    row = approvals.approval_image_get(link=link, position=position)
    response = FileResponse(row.image.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response
