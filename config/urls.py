from __future__ import annotations

from pathlib import Path

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from config.health import health

FAVICON = (Path(__file__).resolve().parent.parent / "static" / "favicon.svg").read_bytes()


def favicon(request: HttpRequest) -> HttpResponse:
    return HttpResponse(FAVICON, content_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"})


api_v1 = [
    path("", include("accounts.api_urls")),
    path("", include("profiles.api_urls")),
    path("", include("predictions.campaigns.api_urls")),
    path("", include("predictions.audits.api_urls")),
    path("", include("predictions.results.api_urls")),
    path("", include("network.api_urls")),
    path("", include("ml.api_urls")),
    path("", include("discovery.api_urls")),
]

# Staff sign in through allauth's login flow, so its rate limits and TOTP second factor apply to /admin/ too;
# the admin's own password form (no limit, no second factor) is never shown.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns = [
    # Browsers ask for /favicon.ico whatever the page says.
    path("favicon.ico", favicon),
    path("health/", health, name="health"),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("api/v1/", include((api_v1, "api"), namespace="api")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),  # no inline script
    path("", include("accounts.urls")),
    path("", include("dashboard.urls")),
    path("profiles/", include("profiles.urls")),
    path("campaigns/", include("predictions.urls")),
    path("graphs/", include("network.urls")),
    path("models/", include("ml.urls")),
    # The brand's pages (campaign report share links, approval magic links): token only, no login, no session.
    path("brand/", include("predictions.results.brand_urls")),
    path("discovery/", include("discovery.urls")),
]
# Uploaded files are never served from MEDIA_URL, not even in development: submission images go through a
# tenant-checked view (predictions:submission_image), and imported files are not served at all.

handler400 = "config.views.bad_request"
handler403 = "config.views.permission_denied"
handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"
