from __future__ import annotations

from django.urls import path

from profiles import api

urlpatterns = [
    path("profiles/", api.ProfileListCreateApi.as_view(), name="profile-list"),
    path("profiles/<id:pk>/", api.ProfileDetailApi.as_view(), name="profile-detail"),
    path("profiles/<id:pk>/snapshots/", api.ProfileSnapshotsApi.as_view(), name="profile-snapshots"),
    path("profiles/<id:pk>/posts/", api.ProfilePostsApi.as_view(), name="profile-posts"),
]
