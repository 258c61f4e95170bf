from __future__ import annotations

from django.urls import path

from accounts import views

urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("agencies/new/", views.organization_create, name="organization_create"),
    path("agencies/settings/", views.organization_settings, name="organization_settings"),
    path("agencies/<int:organization_id>/switch/", views.organization_switch, name="organization_switch"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
]
