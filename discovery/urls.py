from __future__ import annotations

from django.urls import path

from discovery import views

app_name = "discovery"
urlpatterns = [
    path("", views.search, name="search"),
    path("profiles/<id:pk>/similar/", views.lookalikes, name="lookalikes"),
    path("profiles/<id:pk>/niche/", views.niche_correct, name="niche_correct"),
    path("shortlists/", views.shortlist_list, name="shortlist_list"),
    path("shortlists/add/", views.shortlist_add, name="shortlist_add"),
    path("shortlists/<id:pk>/", views.shortlist_detail, name="shortlist_detail"),
    path("shortlists/<id:pk>/compare/", views.shortlist_compare, name="shortlist_compare"),
    path("shortlists/<id:pk>/export.csv", views.shortlist_export, name="shortlist_export"),
    path("shortlists/<id:pk>/delete/", views.shortlist_delete, name="shortlist_delete"),
    path("shortlists/<id:pk>/entries/<id:profile_id>/", views.shortlist_entry, name="shortlist_entry"),
    path("shortlists/<id:pk>/link/", views.shortlist_action, {"action": "link"}, name="shortlist_link"),
    path("shortlists/<id:pk>/audit/", views.shortlist_action, {"action": "audit"}, name="shortlist_audit"),
]
