"""Discovery pages: search with filters, lookalikes, shortlists (list, compare, export, bulk actions)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts.roles import Capability
from config.errors import ApplicationError
from config.middleware import on_error_redirect
from discovery import selectors, services
from discovery.api import csv_response
from discovery.forms import DiscoveryForm, NicheForm, ShortlistForm
from profiles.platforms import PLATFORMS, platform_choices
from profiles.selectors import creator_accounts

PAGE_SIZE = 25


def _organization(request: HttpRequest):  # type: ignore[no-untyped-def]
    organization = request.organization  # type: ignore[attr-defined]
    if not organization:
        raise ApplicationError("Create or join an agency first.")
    selectors.discovery_require(user=request.user, organization=organization)
    return organization


@login_required
def search(request: HttpRequest) -> HttpResponse:
    organization = _organization(request)
    form = DiscoveryForm(request.GET or None)
    rows = page = None
    if form.is_bound and not form.is_valid():
        rows = []
    else:
        if form.is_bound:
            query = form.to_query()
        else:
            form = DiscoveryForm({})
            form.is_valid()
            query = form.to_query()
        results = selectors.discovery_search(user=request.user, organization=organization, query=query)
        page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
        rows = list(page.object_list)
        others = creator_accounts(profiles=[row.profile for row in rows])  # the creator's other platforms, one query
        for row in rows:
            row.creator_others = others[row.profile_id]
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "discovery/search.html",
        {
            "form": form,
            "rows": rows,
            "page": page,
            "querystring": params.urlencode(),
            "count": page.paginator.count if page is not None else 0,
            "chips": form.chips(request.GET),
            "shortlists": selectors.shortlists_for(user=request.user, organization=organization),
        },
    )


@login_required
def lookalikes(request: HttpRequest, pk: int) -> HttpResponse:
    platform = request.GET.get("platform", "")
    if platform not in PLATFORMS:
        platform = ""
    rows = selectors.lookalikes(user=request.user, profile_id=pk, limit=20, platform=platform)  # 404 / 403 first
    insight = selectors.insight_for_profile(user=request.user, profile_id=pk)
    others = creator_accounts(profiles=[row.profile for row, _ in rows])
    for row, _ in rows:
        row.creator_others = others[row.profile_id]
    return render(
        request,
        "discovery/lookalikes.html",
        {
            "target": insight,
            "rows": rows,
            "platform": platform,
            "platform_label": PLATFORMS[platform].label if platform else "",
            "platforms": platform_choices(),
        },
    )


@login_required
@require_POST
def niche_correct(request: HttpRequest, pk: int) -> HttpResponse:
    form = NicheForm(request.POST)
    if not form.is_valid():
        raise ApplicationError("Choose one of the niches.", field="category")
    services.niche_correct(user=request.user, profile_id=pk, category=form.cleaned_data["category"])
    messages.success(request, "Niche saved: it stays until someone changes it.")
    return redirect("profiles:detail", pk=pk)


@login_required
def shortlist_list(request: HttpRequest) -> HttpResponse:
    organization = _organization(request)
    if request.method == "POST":
        form = ShortlistForm(request.POST)
        if form.is_valid():
            shortlist = services.shortlist_create(
                user=request.user, organization=organization, name=form.cleaned_data["name"]
            )
            return redirect("discovery:shortlist_detail", pk=shortlist.pk)
    else:
        form = ShortlistForm()
    return render(
        request,
        "discovery/shortlist_list.html",
        {"form": form, "shortlists": selectors.shortlists_for(user=request.user, organization=organization)},
    )


@login_required
def shortlist_detail(request: HttpRequest, pk: int) -> HttpResponse:
    shortlist = selectors.shortlist_get(user=request.user, pk=pk)
    membership = request.membership  # type: ignore[attr-defined]
    return render(
        request,
        "discovery/shortlist_detail.html",
        {
            "shortlist": shortlist,
            "entries": selectors.shortlist_entries(shortlist=shortlist),
            "can_manage": membership is not None and membership.can(Capability.MANAGE_DATA),
        },
    )


@login_required
@require_POST
@on_error_redirect("discovery:search")
def shortlist_add(request: HttpRequest) -> HttpResponse:
    """From the search page: add the ticked profiles to a chosen (or new) list."""
    organization = _organization(request)
    ids = [int(i) for i in request.POST.getlist("profiles") if i.isdigit()]
    new_name = request.POST.get("new_list", "").strip()
    if not new_name and not request.POST.get("shortlist", "").strip():
        raise ApplicationError("Choose a list, or name a new one, to add the ticked profiles to.", code="invalid")
    if new_name:
        shortlist = services.shortlist_create(user=request.user, organization=organization, name=new_name)
        pk: object = shortlist.pk
    else:
        pk = request.POST.get("shortlist", "")
    added = services.shortlist_add(user=request.user, pk=pk, profile_ids=ids)
    messages.success(request, f"Added {added} profile{'s' if added != 1 else ''} to the list.")
    return redirect("discovery:shortlist_detail", pk=pk)


@login_required
@require_POST
def shortlist_entry(request: HttpRequest, pk: int, profile_id: int) -> HttpResponse:
    if request.POST.get("remove"):
        services.shortlist_remove(user=request.user, pk=pk, profile_id=profile_id)
    else:
        services.shortlist_entry_update(
            user=request.user, pk=pk, profile_id=profile_id, note=request.POST.get("note", "")
        )
    return redirect("discovery:shortlist_detail", pk=pk)


@login_required
def shortlist_compare(request: HttpRequest, pk: int) -> HttpResponse:
    shortlist = selectors.shortlist_get(user=request.user, pk=pk)
    ids = [int(i) for i in request.GET.getlist("profiles") if i.isdigit()]
    columns = selectors.shortlist_compare(user=request.user, pk=pk, profile_ids=ids)
    return render(request, "discovery/shortlist_compare.html", {"shortlist": shortlist, "columns": columns})


@login_required
def shortlist_export(request: HttpRequest, pk: int) -> HttpResponse:
    return csv_response(selectors.shortlist_get(user=request.user, pk=pk))


@login_required
@require_POST
def shortlist_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if action == "link":
        linked = services.shortlist_link_all(user=request.user, pk=pk)
        messages.success(request, f"Linked {linked} profile{'s' if linked != 1 else ''}.")
    elif action == "audit":
        outcome = services.shortlist_audit_all(user=request.user, pk=pk)
        messages.success(request, f"Started {len(outcome['started'])} audit(s).")
        for skipped in outcome["skipped"]:
            messages.warning(request, f"@{skipped['handle']}: {skipped['reason']}")
    else:
        raise ApplicationError("Unknown action.", code="not_found")
    return redirect("discovery:shortlist_detail", pk=pk)


@login_required
@require_POST
def shortlist_delete(request: HttpRequest, pk: int) -> HttpResponse:
    services.shortlist_delete(user=request.user, pk=pk)
    messages.success(request, "List deleted.")
    return redirect("discovery:shortlist_list")
