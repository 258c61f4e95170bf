"""REST API for accounts: thin views over accounts.selectors (reads, tenancy) and accounts.services (writes)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view, inline_serializer
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import services
from accounts.models import Invitation, Membership, Organization, PersonalToken
from accounts.roles import Capability, Role
from accounts.selectors import (
    agency_member_get,
    invitations_for_organization,
    members_for_organization,
    memberships_for_user,
    object_get_for_user,
    organizations_for_user,
    tokens_for_user,
)
from config.params import TextField

ERROR_RESPONSE = inline_serializer(
    name="Error",
    fields={
        "error": inline_serializer(
            name="ErrorBody",
            fields={
                "code": serializers.CharField(),
                "message": serializers.CharField(),
                "fields": serializers.DictField(
                    child=serializers.ListField(child=serializers.CharField()), required=False
                ),
            },
        )
    },
)
ERRORS = {
    400: OpenApiResponse(ERROR_RESPONSE, description="Invalid input"),
    403: OpenApiResponse(ERROR_RESPONSE, description="Your role does not allow this"),
    404: OpenApiResponse(ERROR_RESPONSE, description="Not found (or not in your agencies)"),
    409: OpenApiResponse(ERROR_RESPONSE, description="Conflicts with existing data"),
}


def _validated(serializer_class: type[serializers.Serializer], request: Request) -> dict[str, Any]:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


# --- serializers ------------------------------------------------------------------------------------------------
class MembershipSerializer(serializers.ModelSerializer):
    organization_id = serializers.IntegerField(source="organization.id")
    organization_name = serializers.CharField(source="organization.name")
    organization_slug = serializers.CharField(source="organization.slug")

    class Meta:
        model = Membership
        fields = ["organization_id", "organization_name", "organization_slug", "role"]


class MeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    email = serializers.EmailField()
    full_name = serializers.CharField()
    memberships = MembershipSerializer(many=True)


class OrganizationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = ["id", "name", "slug", "timezone", "created_at"]


class OrganizationCreateSerializer(serializers.Serializer):
    name = TextField(max_length=120)


class MemberSerializer(serializers.ModelSerializer):
    user_id = serializers.IntegerField(source="user.id", read_only=True)
    email = serializers.EmailField(source="user.email", read_only=True)
    full_name = serializers.CharField(source="user.full_name", read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "user_id", "email", "full_name", "role", "created_at"]


class RoleChangeSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=Role.choices)


class InvitationSerializer(serializers.ModelSerializer):
    is_expired = serializers.BooleanField(read_only=True)

    class Meta:
        model = Invitation
        fields = ["id", "email", "role", "created_at", "expires_at", "is_expired"]


class InvitationCreateSerializer(serializers.Serializer):
    email = serializers.EmailField()
    role = serializers.ChoiceField(choices=Role.choices, default=Role.VIEWER)


class TokenSerializer(serializers.ModelSerializer):
    class Meta:
        model = PersonalToken
        fields = ["id", "name", "key_prefix", "created_at", "last_used_at"]


class TokenCreateSerializer(serializers.Serializer):
    name = TextField(max_length=80)


class TokenCreatedSerializer(TokenSerializer):
    token = serializers.CharField(read_only=True, help_text="The raw token. Shown only in this response.")

    class Meta(TokenSerializer.Meta):
        fields = [*TokenSerializer.Meta.fields, "token"]


# --- views ------------------------------------------------------------------------------------------------------
class MeApi(APIView):
    @extend_schema(responses=MeSerializer, tags=["accounts"], summary="The signed-in user and their agencies")
    def get(self, request: Request) -> Response:
        user = request.user
        data = {
            "id": user.pk,
            "email": user.email,
            "full_name": user.full_name,
            "memberships": memberships_for_user(user=user),
        }
        return Response(MeSerializer(data).data)


@extend_schema_view(get=extend_schema(tags=["accounts"], summary="Agencies I belong to"))
class OrganizationListApi(generics.ListAPIView):
    serializer_class = OrganizationSerializer

    def get_queryset(self) -> QuerySet[Organization]:
        return organizations_for_user(user=self.request.user).order_by("name")

    @extend_schema(
        request=OrganizationCreateSerializer,
        responses={201: OrganizationSerializer, **ERRORS},
        tags=["accounts"],
        summary="Create an agency (you become its owner)",
    )
    def post(self, request: Request) -> Response:
        data = _validated(OrganizationCreateSerializer, request)
        organization = services.organization_create(user=request.user, name=data["name"])
        return Response(OrganizationSerializer(organization).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(
        responses={200: MemberSerializer(many=True), 404: ERRORS[404]},
        tags=["accounts"],
        summary="Members of one of my agencies",
    )
)
class MemberListApi(generics.ListAPIView):
    serializer_class = MemberSerializer

    def get_queryset(self) -> QuerySet[Membership]:
        organization = agency_member_get(
            user=self.request.user, organization=self.kwargs["organization_id"]
        ).organization
        return members_for_organization(user=self.request.user, organization=organization)


class MemberDetailApi(APIView):
    def _membership(self, request: Request, organization_id: int, membership_id: int) -> Membership:
        return object_get_for_user(
            Membership.objects.select_related("user", "organization").filter(organization_id=organization_id),
            user=request.user,
            pk=membership_id,
            capability=Capability.MANAGE_MEMBERS,
        )

    @extend_schema(
        request=RoleChangeSerializer,
        responses={200: MemberSerializer, **ERRORS},
        tags=["accounts"],
        summary="Change a member's role (managers and owners)",
    )
    def patch(self, request: Request, organization_id: int, membership_id: int) -> Response:
        membership = self._membership(request, organization_id, membership_id)
        data = _validated(RoleChangeSerializer, request)
        membership = services.membership_change_role(user=request.user, membership=membership, role=data["role"])
        return Response(MemberSerializer(membership).data)

    @extend_schema(responses={204: None, **ERRORS}, tags=["accounts"], summary="Remove a member")
    def delete(self, request: Request, organization_id: int, membership_id: int) -> Response:
        membership = self._membership(request, organization_id, membership_id)
        services.membership_remove(user=request.user, membership=membership)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    get=extend_schema(
        responses={200: InvitationSerializer(many=True), 403: ERRORS[403], 404: ERRORS[404]},
        tags=["accounts"],
        summary="Open invitations of an agency (managers and owners)",
    )
)
class InvitationListApi(generics.ListAPIView):
    serializer_class = InvitationSerializer

    def get_queryset(self) -> QuerySet[Invitation]:
        organization = agency_member_get(
            user=self.request.user, organization=self.kwargs["organization_id"]
        ).organization
        return invitations_for_organization(user=self.request.user, organization=organization)

    @extend_schema(
        request=InvitationCreateSerializer,
        responses={201: InvitationSerializer, **ERRORS},
        tags=["accounts"],
        summary="Invite someone by email (sends the invitation email)",
    )
    def post(self, request: Request, organization_id: int) -> Response:
        organization = agency_member_get(user=request.user, organization=organization_id).organization
        data = _validated(InvitationCreateSerializer, request)
        invitation = services.invitation_create(
            user=request.user, organization=organization, email=data["email"], role=data["role"]
        )
        return Response(InvitationSerializer(invitation).data, status=status.HTTP_201_CREATED)


class InvitationDetailApi(APIView):
    @extend_schema(responses={204: None, **ERRORS}, tags=["accounts"], summary="Revoke an open invitation")
    def delete(self, request: Request, organization_id: int, invitation_id: int) -> Response:
        invitation = object_get_for_user(
            Invitation.objects.filter(organization_id=organization_id),
            user=request.user,
            pk=invitation_id,
            capability=Capability.MANAGE_MEMBERS,
        )
        services.invitation_revoke(user=request.user, invitation=invitation)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(get=extend_schema(tags=["accounts"], summary="My active API tokens"))
class TokenListApi(generics.ListAPIView):
    serializer_class = TokenSerializer

    def get_queryset(self) -> QuerySet[PersonalToken]:
        return tokens_for_user(user=self.request.user)

    @extend_schema(
        request=TokenCreateSerializer,
        responses={201: TokenCreatedSerializer, 400: ERRORS[400]},
        tags=["accounts"],
        summary="Create an API token (the raw value is returned once)",
    )
    def post(self, request: Request) -> Response:
        data = _validated(TokenCreateSerializer, request)
        token, raw = services.token_create(user=request.user, name=data["name"])
        payload = TokenSerializer(token).data
        payload["token"] = raw
        return Response(payload, status=status.HTTP_201_CREATED)


class TokenDetailApi(APIView):
    @extend_schema(responses={204: None, 404: ERRORS[404]}, tags=["accounts"], summary="Revoke an API token")
    def delete(self, request: Request, token_id: int) -> Response:
        services.token_revoke(user=request.user, token_id=token_id)
        return Response(status=status.HTTP_204_NO_CONTENT)
