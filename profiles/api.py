"""/api/v1/profiles/: linked profiles (list, retrieve, create by URL or @handle), their snapshots and posts."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.roles import Capability
from accounts.selectors import active_organization
from config.params import IdField, TextField, int_param
from profiles import safety, selectors, services
from profiles.models import Platform, Post, Profile, SafetyFlag, Snapshot


class ProfileSerializer(serializers.ModelSerializer):
    url = serializers.CharField(read_only=True)

    class Meta:
        model = Profile
        fields = [
            "id",
            "organization",
            "platform",
            "handle",
            "platform_id",
            "display_name",
            "bio",
            "external_url",
            "is_verified",
            "is_private",
            "is_business",
            "business_category",
            "avatar_url",
            "followers_count",
            "following_count",
            "posts_count",
            "account_created_at",
            "is_linked",
            "url",
            "last_fetched_at",
            "last_source",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class ProfileCreateSerializer(serializers.Serializer):
    reference = TextField(
        max_length=300,
        help_text="instagram.com / x.com / twitter.com URL, or an @handle with its platform (1-30 letters, digits, '.' "
        "or '_' on Instagram, 1-15 letters, digits or '_' on X).",
    )
    platform = serializers.ChoiceField(
        choices=Platform.choices, required=False, help_text="Needed for a bare @handle; a URL names its own."
    )
    organization = IdField(required=False, help_text="Agency id (default: your first agency).")


class SnapshotSerializer(serializers.ModelSerializer):
    class Meta:
        model = Snapshot
        fields = ["id", "taken_at", "followers_count", "following_count", "posts_count", "source"]


class PostSerializer(serializers.ModelSerializer):
    class Meta:
        model = Post
        fields = [
            "id",
            "platform_id",
            "shortcode",
            "url",
            "media_type",
            "caption",
            "hashtags",
            "mentions",
            "tagged_accounts",
            "taken_at",
            "likes",
            "comments",
            "views",
            "image_description",
            "is_sponsored",
            "sponsored",
            "sponsored_evidence",
            "fetched_at",
        ]


class ProfileListCreateApi(generics.ListAPIView):
    serializer_class = ProfileSerializer

    def get_queryset(self) -> QuerySet[Profile]:
        linked_only = self.request.query_params.get("linked", "true").lower() != "all"
        queryset = selectors.profiles_for_user(user=self.request.user, linked_only=linked_only)
        organization_id = int_param(self.request.query_params, "organization")
        if organization_id is not None:
            queryset = queryset.filter(organization_id=organization_id)
        platform = self.request.query_params.get("platform")
        if platform:
            queryset = queryset.filter(platform=platform)
        return queryset

    @extend_schema(request=ProfileCreateSerializer, responses={201: ProfileSerializer, 200: ProfileSerializer})
    def post(self, request: Request) -> Response:
        data = ProfileCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        organization = active_organization(request=request, organization_id=data.validated_data.get("organization"))
        profile, created = services.profile_link(
            user=request.user,
            organization=organization,
            reference=data.validated_data["reference"],
            platform=data.validated_data.get("platform"),
        )
        return Response(
            ProfileSerializer(profile).data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK
        )


class ProfileDetailApi(generics.RetrieveAPIView):
    serializer_class = ProfileSerializer

    def get_object(self) -> Profile:
        return selectors.profile_get(user=self.request.user, pk=self.kwargs["pk"])


class ProfileSnapshotsApi(generics.ListAPIView):
    serializer_class = SnapshotSerializer

    def get_queryset(self) -> QuerySet[Snapshot]:
        return selectors.snapshots_for_profile(user=self.request.user, pk=self.kwargs["pk"])


class ProfilePostsApi(generics.ListAPIView):
    serializer_class = PostSerializer

    def get_queryset(self) -> QuerySet[Post]:
        return selectors.posts_for_profile(user=self.request.user, pk=self.kwargs["pk"])


class SafetyFlagSerializer(serializers.ModelSerializer):
    post_id = serializers.IntegerField(source="post.pk", read_only=True)
    post_url = serializers.CharField(source="post.url", read_only=True)
    post_caption = serializers.CharField(source="post.caption", read_only=True)
    post_taken_at = serializers.DateTimeField(source="post.taken_at", read_only=True, allow_null=True)
    dismissed_by = serializers.EmailField(source="dismissed_by.email", read_only=True, allow_null=True, default=None)

    class Meta:
        model = SafetyFlag
        fields = [
            "id",
            "post_id",
            "post_url",
            "post_caption",
            "post_taken_at",
            "category",
            "label",
            "evidence",
            "source",
            "created_at",
            "dismissed_at",
            "dismissed_by",
            "dismissal_note",
        ]
        read_only_fields = fields


class ProfileSafetyFlagsApi(generics.ListAPIView):
    """A profile's brand-safety flags, newest post first (agency staff; dismissed ones with ?dismissed=true)."""

    serializer_class = SafetyFlagSerializer

    def get_queryset(self) -> QuerySet[SafetyFlag]:
        profile = selectors.profile_get(user=self.request.user, pk=self.kwargs["pk"], capability=Capability.VIEW_AGENCY)
        dismissed = self.request.query_params.get("dismissed") in ("true", "1")
        return (
            SafetyFlag.objects.filter(post__profile=profile, dismissed_at__isnull=not dismissed)
            .select_related("post", "dismissed_by")
            .order_by("-post__taken_at", "-post_id", "category")
        )


class SafetyFlagDismissSerializer(serializers.Serializer):
    note = TextField(max_length=1000, help_text="Why the flag does not apply; kept with it.")


class SafetyFlagDismissApi(generics.GenericAPIView):
    serializer_class = SafetyFlagDismissSerializer

    @extend_schema(request=SafetyFlagDismissSerializer, responses=SafetyFlagSerializer)
    def post(self, request: Request, pk: int) -> Response:
        flag = safety.flag_get(user=request.user, pk=pk)
        data = SafetyFlagDismissSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        flag = safety.flag_dismiss(user=request.user, flag=flag, note=data.validated_data["note"])
        return Response(SafetyFlagSerializer(flag).data)


class SafetyFlagRestoreApi(generics.GenericAPIView):
    serializer_class = SafetyFlagSerializer

    @extend_schema(request=None, responses=SafetyFlagSerializer)
    def post(self, request: Request, pk: int) -> Response:
        flag = safety.flag_restore(flag=safety.flag_get(user=request.user, pk=pk))
        return Response(SafetyFlagSerializer(flag).data)
