from __future__ import annotations

from django.urls import path

from predictions import views

app_name = "predictions"
urlpatterns = [
    path("", views.campaign_list, name="campaign_list"),
    path("audits/", views.campaign_list, name="audit_list"),
]
