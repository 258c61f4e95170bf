"""API: follower audits (list, start, detail, results, resume) and the single-profile authenticity check."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.selectors import active_organization
from config.api import error_body
from config.errors import ApplicationError
from config.params import IdField, int_param
from predictions.audits import selectors, services
from predictions.audits.models import FollowerAudit, FollowerAuditResult
from profiles.models import Platform
from profiles.selectors import profile_get


class AuditSerializer(serializers.ModelSerializer):
    profile_handle = serializers.CharField(source="profile.handle")
    platform = serializers.CharField(source="profile.platform")
    progress_percent = serializers.IntegerField()
    model_version = serializers.CharField(source="model_version.version", default=None)
    counts = serializers.SerializerMethodField()

    class Meta:
        model = FollowerAudit
        fields = [
            "id",
            "organization_id",
            "profile_id",
            "profile_handle",
            "platform",
            "status",
            "error",
            "sample_size",
            "fetch_followers",
            "progress_done",
            "progress_total",
            "progress_percent",
            "classified_count",
            "counts",
            "audience_quality_score",
            "model_version",
            "created_at",
            "started_at",
            "finished_at",
            "waiting_until",
        ]

    def get_counts(self, audit: FollowerAudit) -> dict[str, int]:
        return {str(key): value for key, value in audit.category_counts.items()}


class AuditResultSerializer(serializers.ModelSerializer):
    handle = serializers.CharField(source="follower.handle")
    follower_id = serializers.IntegerField()

    class Meta:
        model = FollowerAuditResult
        fields = ["follower_id", "handle", "category", "probability", "reasons"]


class AuditStartSerializer(serializers.Serializer):
    profile_id = IdField()
    sample_size = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1,
        max_value=services.MAX_SAMPLE_SIZE,
        default=services.DEFAULT_SAMPLE_SIZE,
        help_text="Followers to classify; null = all stored followers.",
    )
    fetch_followers = serializers.BooleanField(required=False, default=False)


class CheckSerializer(serializers.Serializer):
    reference = serializers.CharField(required=False, allow_blank=True, default="", max_length=300)
    platform = serializers.ChoiceField(required=False, allow_blank=True, default="", choices=Platform.choices)
    profile_id = IdField(required=False, allow_null=True, default=None)
    organization_id = IdField(required=False, allow_null=True, default=None)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs["reference"] and not attrs["profile_id"]:
            raise serializers.ValidationError({"reference": ["Give a profile URL or @handle, or a profile_id."]})
        return attrs


class AuditListApi(generics.ListAPIView):
    serializer_class = AuditSerializer

    def get_queryset(self) -> QuerySet[FollowerAudit]:
        queryset = selectors.audits_for_user(user=self.request.user)
        profile_id = int_param(self.request.query_params, "profile_id")
        if profile_id is not None:
            queryset = queryset.filter(profile_id=profile_id)
        return queryset

    @extend_schema(request=AuditStartSerializer, responses={201: AuditSerializer})
    def post(self, request: Request) -> Response:
        serializer = AuditStartSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        profile = profile_get(user=request.user, pk=serializer.validated_data["profile_id"])
        audit = services.audit_start(
            user=request.user,
            profile=profile,
            sample_size=serializer.validated_data["sample_size"],
            fetch_followers=serializer.validated_data["fetch_followers"],
        )
        audit.refresh_from_db()
        return Response(AuditSerializer(audit).data, status=status.HTTP_201_CREATED)


class AuditDetailApi(APIView):
    @extend_schema(responses=AuditSerializer)
    def get(self, request: Request, pk: int) -> Response:
        audit = selectors.audit_get(user=request.user, pk=pk)
        data = AuditSerializer(audit).data
        data["score_history"] = selectors.audit_score_history(audit=audit)
        return Response(data)


class AuditResultsApi(generics.ListAPIView):
    serializer_class = AuditResultSerializer

    def get_queryset(self) -> QuerySet[FollowerAuditResult]:
        audit = selectors.audit_get(user=self.request.user, pk=self.kwargs["pk"])
        return selectors.audit_results(audit=audit, category=self.request.query_params.get("category") or None)


class AuditResumeApi(APIView):
    @extend_schema(request=None, responses=AuditSerializer)
    def post(self, request: Request, pk: int) -> Response:
        audit = selectors.audit_get(user=request.user, pk=pk)
        audit = services.audit_resume(user=request.user, audit=audit)
        return Response(AuditSerializer(audit).data, status=status.HTTP_202_ACCEPTED)


class CheckResultSerializer(serializers.Serializer):
    profile = serializers.DictField()
    category = serializers.ChoiceField(choices=["mass_follower", "influencer", "suspicious", "real"])
    category_label = serializers.CharField()
    probability_inauthentic = serializers.FloatField()
    verdict = serializers.CharField()
    is_suspicious = serializers.BooleanField()
    reasons = serializers.ListField(child=serializers.DictField())
    model_version = serializers.CharField()


class AuthenticityCheckApi(APIView):
    """Category, probability of being inauthentic and top reasons for a stored profile of the agency."""

    serializer_class = CheckSerializer

    @extend_schema(request=CheckSerializer, responses=CheckResultSerializer)
    def post(self, request: Request) -> Response:
        serializer = CheckSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        organization = active_organization(request=request, organization_id=data["organization_id"])
        try:
            profile = selectors.profile_for_check(
                user=request.user,
                organization=organization,
                reference=data["reference"],
                platform=data["platform"] or None,
                profile_id=data["profile_id"],
            )
        except ApplicationError as exc:
            if exc.code != "profile_not_stored":
                raise
            body = error_body(exc.code, exc.message)
            body["error"].update(exc.extra, link_url="/api/v1/profiles/")
            return Response(body, status=status.HTTP_404_NOT_FOUND)
        return Response(selectors.profile_check(profile=profile))
