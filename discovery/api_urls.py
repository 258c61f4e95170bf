from __future__ import annotations

from django.urls import path

from discovery import api

urlpatterns = [
    path("discovery/", api.DiscoveryApi.as_view(), name="discovery"),
    path("discovery/<id:pk>/lookalikes/", api.LookalikesApi.as_view(), name="discovery-lookalikes"),
    path("discovery/<id:pk>/niche/", api.NicheCorrectionApi.as_view(), name="discovery-niche"),
    path("shortlists/", api.ShortlistListApi.as_view(), name="shortlist-list"),
    path("shortlists/<id:pk>/", api.ShortlistDetailApi.as_view(), name="shortlist-detail"),
    path("shortlists/<id:pk>/entries/", api.ShortlistEntriesApi.as_view(), name="shortlist-entries"),
    path("shortlists/<id:pk>/entries/<id:profile_id>/", api.ShortlistEntryApi.as_view(), name="shortlist-entry"),
    path("shortlists/<id:pk>/export.csv", api.ShortlistExportApi.as_view(), name="shortlist-export"),
    path("shortlists/<id:pk>/link/", api.ShortlistActionApi.as_view(), {"action": "link"}, name="shortlist-link"),
    path("shortlists/<id:pk>/audit/", api.ShortlistActionApi.as_view(), {"action": "audit"}, name="shortlist-audit"),
]
