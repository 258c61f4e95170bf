from __future__ import annotations

from django.urls import path

from profiles import views

app_name = "profiles"
urlpatterns = [
    path("", views.list, name="list"),
    path("jobs/", views.jobs, name="jobs"),
    path("link/", views.link, name="link"),
    path("import/", views.import_upload, name="import"),
    path("instagram-session/", views.instagram_session, name="instagram_session"),
    path("<id:pk>/", views.detail, name="detail"),
    path("<id:pk>/fetch/", views.fetch, name="fetch"),
    path("<id:pk>/unlink/", views.unlink, name="unlink"),
    path("<id:pk>/creator/", views.creator, name="creator"),
    path("safety-flags/<id:pk>/", views.safety_flag, name="safety_flag"),
    path("safety-keywords/", views.safety_keywords, name="safety_keywords"),
]
