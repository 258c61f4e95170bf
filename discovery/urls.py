from __future__ import annotations

from django.urls import path

from discovery import views

app_name = "discovery"
urlpatterns = [
    path("", views.search, name="search"),
    path("profiles/<int:pk>/similar/", views.lookalikes, name="lookalikes"),
    path("profiles/<int:pk>/niche/", views.niche_correct, name="niche_correct"),
    path("shortlists/", views.shortlist_list, name="shortlist_list"),
    path("shortlists/add/", views.shortlist_add, name="shortlist_add"),
    path("shortlists/<int:pk>/", views.shortlist_detail, name="shortlist_detail"),
    path("shortlists/<int:pk>/compare/", views.shortlist_compare, name="shortlist_compare"),
    path("shortlists/<int:pk>/export.csv", views.shortlist_export, name="shortlist_export"),
    path("shortlists/<int:pk>/delete/", views.shortlist_delete, name="shortlist_delete"),
    path("shortlists/<int:pk>/entries/<int:profile_id>/", views.shortlist_entry, name="shortlist_entry"),
    path("shortlists/<int:pk>/<str:action>/", views.shortlist_action, name="shortlist_action"),
]
