from __future__ import annotations

from django.urls import path

from accounts import api

urlpatterns = [
    path("me/", api.MeApi.as_view(), name="me"),
    path("organizations/", api.OrganizationListApi.as_view(), name="organization-list"),
    path("organizations/<id:organization_id>/members/", api.MemberListApi.as_view(), name="member-list"),
    path(
        "organizations/<id:organization_id>/members/<id:membership_id>/",
        api.MemberDetailApi.as_view(),
        name="member-detail",
    ),
    path("organizations/<id:organization_id>/invitations/", api.InvitationListApi.as_view(), name="invitation-list"),
    path(
        "organizations/<id:organization_id>/invitations/<id:invitation_id>/",
        api.InvitationDetailApi.as_view(),
        name="invitation-detail",
    ),
    path("tokens/", api.TokenListApi.as_view(), name="token-list"),
    path("tokens/<id:token_id>/", api.TokenDetailApi.as_view(), name="token-detail"),
]
