from __future__ import annotations

from django.urls import path

from accounts import views

urlpatterns = [
    path("", views.home, name="home"),
    path("agencies/new/", views.organization_create, name="organization_create"),
    path("agencies/settings/", views.organization_settings, name="organization_settings"),
    path("agencies/settings/branding/", views.organization_branding, name="organization_branding"),
    path("agencies/members/", views.organization_members, name="organization_members"),
    path("agencies/leave/", views.organization_leave, name="organization_leave"),
    path("agencies/invitations/", views.invitation_create, name="invitation_create"),
    path("agencies/invitations/<id:invitation_id>/revoke/", views.invitation_revoke, name="invitation_revoke"),
    path("agencies/members/<id:membership_id>/role/", views.membership_change_role, name="membership_change_role"),
    path("agencies/members/<id:membership_id>/remove/", views.membership_remove, name="membership_remove"),
    path("agencies/<id:organization_id>/switch/", views.organization_switch, name="organization_switch"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("account/tokens/", views.token_list, name="token_list"),
    path("account/tokens/<id:token_id>/revoke/", views.token_revoke, name="token_revoke"),
]
