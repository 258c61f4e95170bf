"""Error pages for the whole site. Under /api/ every error, 404 for a path no route matches and 500 included, is
in the API's one error format; elsewhere the HTML templates (404.html, 403.html, 500.html)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
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


def database_unreachable(exc: BaseException | None) -> bool:
    """True for a lost or refused database connection (a restart, a failover, a cut network), not for a bad query."""
    from django.db import InterfaceError, OperationalError

    if isinstance(exc, InterfaceError):
        return True
    if not isinstance(exc, OperationalError):
        return False
    text = str(exc).lower()
    return any(
        words in text
        for words in (
            "connection",
            "server closed",
            "terminating",
            "shutting down",
            "starting up",
            "could not connect",
            "the database system is",
            "admin_shutdown",
        )
    )


DATABASE_RETRY_SECONDS = 5


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 handler; a database that cannot be reached is a 503 ("try again"), not a 500."""
    import sys

    if database_unreachable(sys.exc_info()[1]):
        message = "The database is not reachable for a moment (a restart or a failover). Try again in a few seconds."
        if _is_api(request):
            response: HttpResponse = JsonResponse(error_body("database_unavailable", message), status=503)
        else:
            response = HttpResponse(loader.get_template("503.html").render({"message": message}), status=503)
        response["Retry-After"] = str(DATABASE_RETRY_SECONDS)
        response.database_unreachable = True  # type: ignore[attr-defined]
        return response
    if _is_api(request):
        return JsonResponse(
            error_body("server_error", "Something went wrong on our side; it has been logged."), status=500
        )
    return defaults.server_error(request)
