from __future__ import annotations

from django.urls import path

from accounts import api

urlpatterns = [
    path("me/", api.MeApi.as_view(), name="me"),
]
