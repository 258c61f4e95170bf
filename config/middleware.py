"""The one place a service's ApplicationError becomes a page response (the API has config.api.exception_handler):
a 403 or 404 page with the service's message, or, for a refused form post, the message and a redirect back."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from config.errors import ApplicationError
from config.redirects import back
from config.views import API_PREFIX


class ApplicationErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, ApplicationError) or request.path.startswith(API_PREFIX):
            return None
        if exception.status_code in (403, 404):
            return render(
                request, f"{exception.status_code}.html", {"message": exception.message}, status=exception.status_code
            )
        if request.method == "GET":
            return render(request, "400.html", {"message": exception.message}, status=exception.status_code)
        messages.error(request, exception.message)
        return redirect(back(request, fallback=request.path))
