from __future__ import annotations

from django.urls import path

from profiles import api

urlpatterns = [
    path("profiles/", api.ProfileListCreateApi.as_view(), name="profile-list"),
    path("profiles/<id:pk>/", api.ProfileDetailApi.as_view(), name="profile-detail"),
    path("profiles/<id:pk>/snapshots/", api.ProfileSnapshotsApi.as_view(), name="profile-snapshots"),
    path("profiles/<id:pk>/posts/", api.ProfilePostsApi.as_view(), name="profile-posts"),
    path("profiles/<id:pk>/safety-flags/", api.ProfileSafetyFlagsApi.as_view(), name="profile-safety-flags"),
    path("safety-flags/<id:pk>/dismiss/", api.SafetyFlagDismissApi.as_view(), name="safety-flag-dismiss"),
    path("safety-flags/<id:pk>/restore/", api.SafetyFlagRestoreApi.as_view(), name="safety-flag-restore"),
]
