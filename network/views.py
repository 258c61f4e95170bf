from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from config.errors import ApplicationError
from config.middleware import on_error_redirect
from config.params import int_param
from network import selectors, services
from network.forms import GraphBuildForm, GraphImportForm


def _organization(request: HttpRequest):
    organization = getattr(request, "organization", None)
    if not organization:
        raise Http404("Choose or create an agency first.")
    return organization


def _list_context(request: HttpRequest, **forms: object) -> dict[str, object]:
    organization = _organization(request)
    return {
        "graphs": selectors.graph_list(user=request.user, organization=organization),
        "build_form": forms.get("build_form") or GraphBuildForm(),
        "import_form": forms.get("import_form") or GraphImportForm(),
    }


@login_required
def graph_list(request: HttpRequest) -> HttpResponse:
    return render(request, "network/graph_list.html", _list_context(request))


@login_required
@require_POST
def graph_build(request: HttpRequest) -> HttpResponse:
    form = GraphBuildForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            snapshot = services.graph_build_start(
                user=request.user, organization=_organization(request), **form.cleaned_data
            )
        except ApplicationError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            status = exc.status_code
        else:
            return redirect("network:graph_detail", pk=snapshot.pk)
    return render(request, "network/graph_list.html", _list_context(request, build_form=form), status=status)


@login_required
@require_POST
def graph_import(request: HttpRequest) -> HttpResponse:
    form = GraphImportForm(request.POST, request.FILES)
    status = 400
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            snapshot = services.graph_import(
                user=request.user,
                organization=_organization(request),
                upload=upload,
                file_name=upload.name,
                fmt=form.cleaned_data["format"],
                name=form.cleaned_data["name"],
                directed=form.directed,
                resolution=form.cleaned_data["resolution"],
            )
        except ApplicationError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            status = exc.status_code
        else:
            return redirect("network:graph_detail", pk=snapshot.pk)
    return render(request, "network/graph_list.html", _list_context(request, import_form=form), status=status)


@login_required
def graph_detail(request: HttpRequest, pk: int) -> HttpResponse:
    snapshot = selectors.graph_get(user=request.user, pk=pk)
    others = selectors.graph_list(user=request.user, organization=snapshot.organization).exclude(pk=pk)
    return render(
        request,
        "network/graph_detail.html",
        {
            "graph": snapshot,
            "summary": snapshot.summary,
            "others": others.filter(status="done"),
            "data_url": reverse("network:graph_data", args=[pk]),
        },
    )


@login_required
def graph_progress(request: HttpRequest, pk: int) -> HttpResponse:
    snapshot = selectors.graph_get(user=request.user, pk=pk)
    response = render(request, "network/_progress.html", {"graph": snapshot})
    if snapshot.is_finished:
        response["HX-Refresh"] = "true"
    return response


@login_required
def graph_data(request: HttpRequest, pk: int) -> JsonResponse:
    snapshot = selectors.graph_get(user=request.user, pk=pk)
    return JsonResponse(selectors.graph_explorer_data(snapshot=snapshot))


@login_required
@on_error_redirect("network:graph_detail", kwargs=lambda kw: {"pk": kw["pk"]})
def graph_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    snapshot = selectors.graph_get(user=request.user, pk=pk)
    content, content_type, filename = selectors.graph_export(snapshot=snapshot, fmt=fmt)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@on_error_redirect("network:graph_detail", kwargs=lambda kw: {"pk": kw["pk"]})
def graph_compare(request: HttpRequest, pk: int) -> HttpResponse:
    base = selectors.graph_get(user=request.user, pk=pk)
    other = selectors.graph_get(user=request.user, pk=int_param(request.GET, "other"))
    comparison = selectors.graph_compare(base=base, other=other)
    earlier, later = (base, other) if comparison["earlier_id"] == base.pk else (other, base)
    return render(request, "network/graph_compare.html", {"earlier": earlier, "later": later, "comparison": comparison})


@login_required
@require_POST
@on_error_redirect("network:graph_detail", kwargs=lambda kw: {"pk": kw["pk"]})
def graph_delete(request: HttpRequest, pk: int) -> HttpResponse:
    snapshot = selectors.graph_get(user=request.user, pk=pk)
    services.graph_delete(user=request.user, snapshot=snapshot)
    messages.success(request, f"Deleted “{snapshot.name}”.")
    return redirect("network:graph_list")
