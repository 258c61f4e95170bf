from __future__ import annotations

from django.urls import path

from discovery import api

urlpatterns = [
    path("discovery/", api.DiscoveryApi.as_view(), name="discovery"),
    path("discovery/<int:pk>/lookalikes/", api.LookalikesApi.as_view(), name="discovery-lookalikes"),
    path("discovery/<int:pk>/niche/", api.NicheCorrectionApi.as_view(), name="discovery-niche"),
    path("shortlists/", api.ShortlistListApi.as_view(), name="shortlist-list"),
    path("shortlists/<int:pk>/", api.ShortlistDetailApi.as_view(), name="shortlist-detail"),
    path("shortlists/<int:pk>/entries/", api.ShortlistEntriesApi.as_view(), name="shortlist-entries"),
    path("shortlists/<int:pk>/entries/<int:profile_id>/", api.ShortlistEntryApi.as_view(),
         name="shortlist-entry"),
    path("shortlists/<int:pk>/export.csv", api.ShortlistExportApi.as_view(), name="shortlist-export"),
    path("shortlists/<int:pk>/<str:action>/", api.ShortlistActionApi.as_view(), name="shortlist-action"),
]
