from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from dashboard.selectors import dashboard_summary


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    context: dict[str, Any] = {}
    if request.membership:
        context["summary"] = dashboard_summary(membership=request.membership)
    return render(request, "dashboard/dashboard.html", context)
