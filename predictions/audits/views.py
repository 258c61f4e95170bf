"""Pages: audits list + start form, audit report (live progress, chart, history, suspicious followers, CSV) and
the single-profile authenticity check."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts.roles import Capability
from config.csvsafe import SafeWriter
from config.errors import ApplicationError, PermissionDenied
from config.middleware import on_error_redirect
from predictions.audits import selectors, services
from predictions.audits.forms import AuditStartForm, CheckForm
from predictions.audits.models import AudienceCategory
from profiles.platforms import platform_choices
from profiles.selectors import profile_get, profiles_for_user
from profiles.services import integration_enabled


def _can_manage(request: HttpRequest) -> bool:
    return bool(request.membership and request.membership.can(Capability.MANAGE_DATA))  # type: ignore[attr-defined]


@login_required
def audit_list(request: HttpRequest) -> HttpResponse:
    organization = request.organization  # type: ignore[attr-defined]
    if organization is None:
        return redirect("organization_create")
    form = AuditStartForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                profile = profile_get(user=request.user, pk=form.cleaned_data["profile"])
                audit = services.audit_start(
                    user=request.user,
                    profile=profile,
                    sample_size=form.cleaned_data["sample_size"],
                    fetch_followers=form.cleaned_data["fetch_followers"],
                )
            except ApplicationError as exc:
                if isinstance(exc, PermissionDenied):
                    raise
                messages.error(request, exc.message)
            else:
                messages.success(request, f"Audit of @{profile.handle}'s followers started.")
                return redirect("predictions:audit_detail", pk=audit.pk)
        else:
            messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    profiles = selectors.auditable_profiles(profiles=profiles_for_user(user=request.user, organization=organization))
    chosen = form.data.get("profile") if form.is_bound else None
    context = {
        "audits": selectors.audits_for_user(user=request.user, organization=organization)[:100],
        "profiles": profiles,
        # Preselected: the one the user just sent, else the first that can be audited now (followers stored).
        "selected": str(chosen) if chosen else next((str(p.pk) for p in profiles if p.stored_followers), ""),
        "fetching": {platform: integration_enabled(platform=platform) for platform, _ in platform_choices()},
        "form": form,
        "can_manage": _can_manage(request),
    }
    return render(request, "predictions/audits/list.html", context, status=400 if form.errors else 200)


@login_required
def audit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    audit = selectors.audit_get(user=request.user, pk=pk)
    suspicious = selectors.audit_results(audit=audit, category=AudienceCategory.SUSPICIOUS)[:200]
    context = {
        "audit": audit,
        "suspicious": suspicious,
        "history": selectors.audit_score_history(audit=audit),
        "band": selectors.audience_quality_band(audit.audience_quality_score),
        "comparison": selectors.audience_quality_comparison(audit=audit),
        "stages": selectors.audit_stages(audit=audit),
        "breakdown": [(label, audit.category_counts[value]) for value, label in AudienceCategory.choices],
        "can_manage": request.membership is not None and _can_manage(request),
        "audience_languages": selectors.audit_audience_languages(audit=audit) if audit.status == "done" else None,
    }
    return render(request, "predictions/audits/detail.html", context)


@login_required
def audit_progress(request: HttpRequest, pk: int) -> HttpResponse:
    audit = selectors.audit_get(user=request.user, pk=pk)
    response = render(
        request, "predictions/audits/_progress.html", {"audit": audit, "stages": selectors.audit_stages(audit=audit)}
    )
    if audit.is_finished and request.headers.get("HX-Request"):
        response["HX-Refresh"] = "true"  # reload once so the report (chart, tables) appears
    return response


@login_required
@require_POST
@on_error_redirect("predictions:audit_detail", kwargs=lambda kw: {"pk": kw["pk"]})
def audit_resume(request: HttpRequest, pk: int) -> HttpResponse:
    audit = selectors.audit_get(user=request.user, pk=pk)
    services.audit_resume(user=request.user, audit=audit)
    messages.success(request, "Audit resumed; followers already classified are kept.")
    return redirect("predictions:audit_detail", pk=pk)


class _Echo:
    def write(self, value: str) -> str:
        return value


@login_required
def audit_export(request: HttpRequest, pk: int) -> StreamingHttpResponse:
    audit = selectors.audit_get(user=request.user, pk=pk)
    writer = SafeWriter(_Echo())

    def rows():  # type: ignore[no-untyped-def]
        yield writer.writerow(
            [
                "handle",
                "platform",
                "url",
                "category",
                "probability_inauthentic",
                "followers",
                "following",
                "posts",
                "reasons",
            ]
        )
        for result in selectors.audit_results(audit=audit).iterator(chunk_size=2000):
            follower = result.follower
            yield writer.writerow(
                [
                    follower.handle,
                    follower.platform,
                    follower.url,
                    result.category,
                    f"{result.probability:.4f}",
                    follower.followers_count,
                    follower.following_count,
                    follower.posts_count,
                    "; ".join(r["text"] for r in result.reasons),
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="audit-{audit.pk}-{audit.profile.handle}.csv"'
    return response


@login_required
def authenticity_check(request: HttpRequest) -> HttpResponse:
    organization = request.organization  # type: ignore[attr-defined]
    if organization is None:
        return redirect("organization_create")
    form = CheckForm(request.POST or request.GET or None)
    result, not_stored, status = None, None, 200
    if form.is_bound:
        if form.is_valid():
            try:
                profile = selectors.profile_for_check(
                    user=request.user,
                    organization=organization,
                    reference=form.cleaned_data["reference"],
                    platform=form.cleaned_data["platform"],
                    profile_id=form.cleaned_data["profile"],
                )
                result = selectors.profile_check(profile=profile)
            except ApplicationError as exc:
                status = exc.status_code
                if exc.code == "profile_not_stored":
                    not_stored = {**exc.extra, "message": exc.message}
                else:
                    messages.error(request, exc.message)
        else:
            status = 400
            messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    context = {
        "form": form,
        "result": result,
        "not_stored": not_stored,
        "can_manage": _can_manage(request),
        "profiles": profiles_for_user(user=request.user, organization=organization),
    }
    return render(request, "predictions/audits/check.html", context, status=status)
