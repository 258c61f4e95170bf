from __future__ import annotations

from django.urls import path

from predictions.results import api

urlpatterns = [
    path("campaigns/<id:pk>/report/", api.CampaignReportApi.as_view(), name="campaign-report"),
]
