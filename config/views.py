"""Error pages for the whole site. Under /api/ every error, 404 for a path no route matches and 500 included, is
in the API's one error format; elsewhere the HTML templates (404.html, 403.html, 500.html)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views import defaults

from config.api import error_body

API_PREFIX = "/api/"
ADMIN_PREFIX = "/admin/"
# Django admin refuses whoever is not site staff, whatever their role in an agency: say that, not "your role".
ADMIN_REFUSAL = (
    "Django admin is for the site's staff, and this account is not a staff account. Your agency's members, "
    "roles and invitations are under Agency settings."
)


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _is_api(request):
        return JsonResponse(error_body("bad_request", "The request could not be understood."), status=400)
    return defaults.bad_request(request, exception)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _is_api(request):
        return JsonResponse(error_body("permission_denied", "You do not have permission to do this."), status=403)
    if request.path.startswith(ADMIN_PREFIX):
        return render(request, "403.html", {"message": ADMIN_REFUSAL}, status=403)
    return defaults.permission_denied(request, exception)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _is_api(request):
        return JsonResponse(error_body("not_found", "Not found."), status=404)
    return defaults.page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    if _is_api(request):
        return JsonResponse(
            error_body("server_error", "Something went wrong on our side; it has been logged."), status=500
        )
    return defaults.server_error(request)
