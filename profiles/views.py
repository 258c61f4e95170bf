from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as Forbidden
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.decorators import agency_required
from accounts.roles import Capability
from accounts.selectors import membership_get
from config.converters import MAX_ID
from config.errors import ApplicationError, PermissionDenied
from config.middleware import ERROR_REDIRECT_ATTR, on_error_redirect
from ml.engine.sponsored import PAID_MIN_POSTS
from profiles import safety, selectors, services
from profiles.forms import FollowerSampleForm, ImportForm, InstagramSessionForm, LinkForm
from profiles.models import FetchKind, Profile
from profiles.platforms import PLATFORMS


def _organization_or_redirect(request: HttpRequest) -> HttpResponse | None:
    if not request.organization:  # type: ignore[attr-defined]
        messages.info(request, "Create or join an agency first.")
        return redirect("dashboard")
    return None


def _integrations() -> dict[str, bool]:
    return {key: services.integration_enabled(platform=key) for key in PLATFORMS}


@login_required
def list(request: HttpRequest) -> HttpResponse:  # noqa: A001 - URL name 'profiles:list' is shared
    if (response := _organization_or_redirect(request)) is not None:
        return response
    organization = request.organization  # type: ignore[attr-defined]
    membership = request.membership  # type: ignore[attr-defined]
    profiles = selectors.profiles_for_user(user=request.user, organization=organization)
    # Counted and paged on the profiles alone; the newest post is read for the page's rows only (annotating the
    # whole list joined and grouped every post of every linked profile, for the count too).
    page = Paginator(profiles, 100).get_page(request.GET.get("page"))
    rows = [*page.object_list]
    newest = selectors.newest_post_times([profile.pk for profile in rows])
    context = {
        "profiles": [
            (profile, selectors.profile_data_age(profile, newest_post_at=newest.get(profile.pk))) for profile in rows
        ],
        "page": page,
        "all_linked": profiles.only("id", "handle", "platform"),
        "counts": selectors.organization_profile_counts(user=request.user, organization=organization),
        "link_form": LinkForm(),
        "import_form": ImportForm(),
        "session_form": InstagramSessionForm(),
        "integrations": _integrations(),
        "youtube_quota": selectors.youtube_quota_status(),
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
        owner=form.cleaned_data["owner"] or None,
        owner_platform=form.cleaned_data["owner_platform"] or None,
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
        "creator_accounts": selectors.creator_accounts(profiles=[profile])[profile.pk],
    }
    if membership.can(Capability.MANAGE_DATA):
        context["creator_candidates"] = (
            selectors.profiles_for_user(user=request.user, organization=profile.organization)
            .exclude(pk=profile.pk)
            .exclude(creator_key__isnull=False, creator_key=profile.creator_key)
            .only("id", "platform", "handle")
            .order_by("platform", "handle")
        )
    if membership.can(Capability.VIEW_AGENCY):  # the agency's assessment; not shown to the creator it grades
        context["safety"] = _safety_context(profile, can_review=membership.can(Capability.REVIEW_CONTENT))
    return render(request, "profiles/detail.html", context)


def _safety_context(profile: Profile, *, can_review: bool) -> dict[str, object]:
    from ml.engine.brand_safety import BY_KEY, CATEGORIES, GRADE_LABELS, GRADE_RULE, MEASURED

    summary = safety.safety_summaries([profile.pk])[profile.pk]
    flagged = safety.flagged_posts(profile=profile)
    return {
        "summary": summary,
        "grade": summary.grade,
        "grade_label": GRADE_LABELS.get(summary.grade, ""),
        "grade_rule": GRADE_RULE,
        "categories": [
            (BY_KEY[key].label, n)
            for key, n in sorted(summary.categories.items(), key=lambda kv: -kv[1])
            if key in BY_KEY
        ],
        "posts": flagged[: safety.FLAGGED_POSTS_SHOWN],
        "dismissed": safety.flagged_posts(profile=profile, dismissed=True)[: safety.FLAGGED_POSTS_SHOWN],
        "can_review": can_review,
        "measured": [(c.label, MEASURED[c.key]) for c in CATEGORIES if c.key in MEASURED],
    }


@login_required
@require_POST
def safety_flag(request: HttpRequest, pk: int) -> HttpResponse:
    """Dismiss a brand-safety flag with a note, or restore a dismissed one (reviewers, managers, owners)."""
    flag = safety.flag_get(user=request.user, pk=pk)
    profile_id = flag.post.profile_id
    setattr(request, ERROR_REDIRECT_ATTR, reverse("profiles:detail", kwargs={"pk": profile_id}) + "#brand-safety")
    if request.POST.get("action") == "restore":
        safety.flag_restore(flag=flag)
        messages.success(request, f"The {flag.label.lower()} flag counts again.")
    else:
        safety.flag_dismiss(user=request.user, flag=flag, note=request.POST.get("note", ""))
        messages.success(request, f"The {flag.label.lower()} flag is dismissed; your note is kept with it.")
    return redirect(reverse("profiles:detail", kwargs={"pk": profile_id}) + "#brand-safety")


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


@login_required
@require_POST
def creator(request: HttpRequest, pk: int) -> HttpResponse:
    """Join this profile to another account of the same creator (`other`), or take it out of its group (`leave`)."""
    profile = _profile_to_manage(request, pk)
    if request.POST.get("action") == "leave":
        services.creator_accounts_leave(user=request.user, profile=profile)
        messages.success(request, f"@{profile.handle} is no longer grouped with other accounts.")
    else:
        other = selectors.profile_get(user=request.user, pk=_posted_id(request.POST.get("other")))
        accounts = services.creator_accounts_join(user=request.user, profile=profile, other=other)
        messages.success(request, "One creator: " + ", ".join(f"@{a.handle} ({a.short_platform})" for a in accounts))
    return redirect("profiles:detail", pk=profile.pk)


def _posted_id(value: object) -> int:
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        raise ApplicationError("Choose the creator's other account.", field="other") from None
    if not 1 <= number <= MAX_ID:
        raise ApplicationError("Choose the creator's other account.", field="other")
    return number


@agency_required
@require_POST
def safety_keywords(request: HttpRequest) -> HttpResponse:
    """The agency's own brand-safety keywords, from the agency settings page (owners and managers)."""
    text = request.POST.get("safety_keywords", "")
    back = reverse("organization_settings") + "#safety-keywords"
    setattr(request, ERROR_REDIRECT_ATTR, back)
    keywords = safety.keywords_update(user=request.user, organization=request.organization, text=text)
    saved = f"{len(keywords)} brand-safety keyword{'s' if len(keywords) != 1 else ''} saved"
    messages.success(request, f"{saved}; every stored post is being screened again.")
    return redirect(back)
