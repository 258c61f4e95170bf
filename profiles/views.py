from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as Forbidden
from django.core.paginator import Paginator
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts.roles import Capability
from accounts.selectors import membership_get
from config.errors import PermissionDenied
from config.middleware import on_error_redirect
from ml.engine.sponsored import PAID_MIN_POSTS
from profiles import selectors, services
from profiles.forms import FollowerSampleForm, ImportForm, InstagramSessionForm, LinkForm
from profiles.models import FetchKind, Platform, Profile


def _organization_or_redirect(request: HttpRequest) -> HttpResponse | None:
    if not request.organization:  # type: ignore[attr-defined]
        messages.info(request, "Create or join an agency first.")
        return redirect("dashboard")
    return None


def _integrations() -> dict[str, bool]:
    return {
        "instagram": services.integration_enabled(platform=Platform.INSTAGRAM),
        "x": services.integration_enabled(platform=Platform.X),
    }


@login_required
def list(request: HttpRequest) -> HttpResponse:  # noqa: A001 - URL name 'profiles:list' is shared
    if (response := _organization_or_redirect(request)) is not None:
        return response
    organization = request.organization  # type: ignore[attr-defined]
    membership = request.membership  # type: ignore[attr-defined]
    profiles = selectors.profiles_for_user(user=request.user, organization=organization)
    page = Paginator(profiles.annotate(newest_post_at=Max("posts__taken_at")), 100).get_page(request.GET.get("page"))
    context = {
        "profiles": [
            (profile, selectors.profile_data_age(profile, newest_post_at=profile.newest_post_at))  # type: ignore[attr-defined]
            for profile in page.object_list
        ],
        "page": page,
        "all_linked": profiles.only("id", "handle", "platform"),
        "counts": selectors.organization_profile_counts(user=request.user, organization=organization),
        "link_form": LinkForm(),
        "import_form": ImportForm(),
        "session_form": InstagramSessionForm(),
        "integrations": _integrations(),
        "instagram_session": selectors.instagram_session_for(user=request.user, organization=organization),
        "can_manage": membership.can(Capability.MANAGE_DATA),
        **selectors.jobs_for_organization(user=request.user, organization=organization),
    }
    return render(request, "profiles/list.html", context)


@login_required
def jobs(request: HttpRequest) -> HttpResponse:
    """The job status block, polled by htmx while anything is running."""
    if (response := _organization_or_redirect(request)) is not None:
        return response
    context = selectors.jobs_for_organization(user=request.user, organization=request.organization)  # type: ignore[attr-defined]
    return render(request, "profiles/_jobs.html", context)


@login_required
@require_POST
@on_error_redirect("profiles:list")
def link(request: HttpRequest) -> HttpResponse:
    if (response := _organization_or_redirect(request)) is not None:
        return response
    form = LinkForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Paste a profile URL or an @handle.")
        return redirect("profiles:list")
    profile, created = services.profile_link(
        user=request.user,
        organization=request.organization,  # type: ignore[attr-defined]
        reference=form.cleaned_data["reference"],
        platform=form.cleaned_data["platform"] or None,
    )
    messages.success(request, f"{'Linked' if created else 'Already tracked, now linked:'} {profile}.")
    return redirect("profiles:detail", pk=profile.pk)


@login_required
@require_POST
@on_error_redirect("profiles:list")
def import_upload(request: HttpRequest) -> HttpResponse:
    if (response := _organization_or_redirect(request)) is not None:
        return response
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Choose a file to import.")
        return redirect("profiles:list")
    followers_of = None
    if form.cleaned_data["followers_of"]:
        followers_of = selectors.profile_get(user=request.user, pk=form.cleaned_data["followers_of"])
    job = services.import_job_create(
        user=request.user,
        organization=request.organization,  # type: ignore[attr-defined]
        upload=form.cleaned_data["file"],
        fmt=form.cleaned_data["format"] or "auto",
        link=form.cleaned_data["link"],
        followers_of=followers_of,
    )
    job.refresh_from_db()
    if job.status == "failed":
        messages.error(request, job.error)
    else:
        messages.success(request, f"Importing {job.original_name}; progress is shown below.")
    return redirect("profiles:list")


@login_required
@require_POST
@on_error_redirect("profiles:list")
def instagram_session(request: HttpRequest) -> HttpResponse:
    if (response := _organization_or_redirect(request)) is not None:
        return response
    if request.POST.get("action") == "delete":
        services.instagram_session_delete(user=request.user, organization=request.organization)  # type: ignore[attr-defined]
        messages.success(request, "The Instagram session was removed.")
    else:
        form = InstagramSessionForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Enter the username and the sessionid cookie.")
            return redirect("profiles:list")
        services.instagram_session_save(
            user=request.user,
            organization=request.organization,  # type: ignore[attr-defined]
            **form.cleaned_data,
        )
        messages.success(request, "Instagram session saved (encrypted).")
    return redirect("profiles:list")


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    profile = selectors.profile_get(user=request.user, pk=pk)
    membership = membership_get(user=request.user, organization=profile.organization)
    context = {
        "profile": profile,
        "stats": selectors.profile_stats(profile=profile),
        "frequency_min_posts": selectors.FREQUENCY_MIN_POSTS,
        "paid_min_posts": PAID_MIN_POSTS,
        "frequency_min_days": selectors.FREQUENCY_MIN_DAYS,
        "integration_on": services.integration_enabled(platform=profile.platform),
        "fetch_jobs": profile.fetch_jobs.all()[:5],
        "follower_form": FollowerSampleForm(),
        "follower_count_stored": profile.incoming_relations.filter(kind="follows").count(),
        "can_manage": membership.can(Capability.MANAGE_DATA),
    }
    return render(request, "profiles/detail.html", context)


def _profile_to_manage(request: HttpRequest, pk: int) -> Profile:
    """The profile, or 404 for outsiders and 403 (Django's page) for members who may not change data."""
    try:
        return selectors.profile_get(user=request.user, pk=pk, capability=Capability.MANAGE_DATA)
    except PermissionDenied as exc:
        raise Forbidden(exc.message) from exc


@login_required
@require_POST
@on_error_redirect("profiles:detail", kwargs=lambda kw: {"pk": kw["pk"]})
def fetch(request: HttpRequest, pk: int) -> HttpResponse:
    profile = _profile_to_manage(request, pk)
    kind = request.POST.get("kind", FetchKind.PROFILE)
    limit = None
    if kind == FetchKind.FOLLOWERS:
        form = FollowerSampleForm(request.POST)
        if not form.is_valid():
            messages.error(request, "The sample size must be between 1 and 10,000.")
            return redirect("profiles:detail", pk=pk)
        limit = form.cleaned_data["follower_limit"]
    services.fetch_job_create(user=request.user, profile=profile, kind=kind, follower_limit=limit)
    messages.success(request, "Fetch queued.")
    return redirect("profiles:detail", pk=pk)


@login_required
@require_POST
def unlink(request: HttpRequest, pk: int) -> HttpResponse:
    profile = _profile_to_manage(request, pk)
    services.profile_unlink(user=request.user, profile=profile)
    messages.success(request, f"{profile} is no longer linked (its data is kept).")
    return redirect("profiles:list")
