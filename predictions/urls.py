"""Pages of both predictions apps, under one `predictions` namespace mounted at /campaigns/."""

from __future__ import annotations

from predictions.audits import urls as audit_urls
from predictions.campaigns import urls as campaign_urls
from predictions.results import urls as result_urls

app_name = "predictions"
urlpatterns = [*campaign_urls.urlpatterns, *audit_urls.urlpatterns, *result_urls.urlpatterns]
