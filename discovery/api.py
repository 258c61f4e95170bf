"""/api/v1/discovery/ (search with filters and sorts), lookalikes, niche correction and /api/v1/shortlists/."""

from __future__ import annotations

from typing import Any

from django.core.validators import RegexValidator
from django.db.models import QuerySet
from django.http import HttpResponse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.selectors import active_organization
from config.converters import MAX_ID
from config.params import IdField, TextField
from discovery import selectors, services
from discovery.exports import shortlist_csv
from discovery.models import ProfileInsight, Shortlist, ShortlistEntry
from discovery.selectors import SORTS, DiscoveryQuery
from ml.services import NICHES
from profiles.models import Platform
from profiles.platforms import PLATFORMS


class DiscoveryQuerySerializer(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True, max_length=200, trim_whitespace=False)
    platform = serializers.ChoiceField(choices=Platform.choices, required=False, allow_blank=True)
    niche = serializers.ChoiceField(choices=NICHES, required=False, allow_blank=True, help_text="Empty: any.")
    niche_min_share = serializers.FloatField(required=False, min_value=0, max_value=1)
    followers_min = serializers.IntegerField(
        required=False, min_value=0, max_value=MAX_ID, help_text="A minimum above its maximum matches nothing."
    )
    followers_max = serializers.IntegerField(required=False, min_value=0, max_value=MAX_ID)
    engagement_min = serializers.FloatField(required=False, min_value=0, help_text="Percent.")
    engagement_max = serializers.FloatField(required=False, min_value=0, help_text="Percent.")
    quality_min = serializers.FloatField(required=False, min_value=0, max_value=100)
    language = serializers.CharField(
        required=False, allow_blank=True, max_length=8, trim_whitespace=False, help_text="Empty: any."
    )
    country = serializers.CharField(
        required=False,
        allow_blank=True,
        trim_whitespace=False,
        validators=[RegexValidator(r"^[A-Za-z]{2}$", "Two letters (ISO 3166 code), or empty for any.")],
        help_text="ISO code; empty: any.",
    )
    verified = serializers.BooleanField(required=False, allow_null=True, default=None)
    business = serializers.BooleanField(required=False, allow_null=True, default=None)
    linked = serializers.BooleanField(required=False, allow_null=True, default=None)
    posted_within_days = serializers.IntegerField(required=False, min_value=1, max_value=3650)
    sponsored = serializers.BooleanField(
        required=False, allow_null=True, default=None, help_text="Has sponsored posts (yes or likely) of late."
    )
    safety = serializers.ChoiceField(
        choices=[("A", "A only"), ("B", "A or B")],
        required=False,
        allow_blank=True,
        help_text="Brand-safety grade at least this good; profiles not screened yet drop out. Empty: any.",
    )
    sort = serializers.ChoiceField(
        choices=[*SORTS, *(f"-{s}" for s in SORTS)],
        required=False,
        allow_blank=True,
        help_text="Empty: best match with a search, else followers.",
    )
    organization = IdField(required=False)

    def to_query(self) -> DiscoveryQuery:
        data = {k: v for k, v in self.validated_data.items() if k != "organization"}
        return DiscoveryQuery(**data)


class InsightSerializer(serializers.ModelSerializer):
    profile_id = serializers.IntegerField(source="profile.pk", read_only=True)
    display_name = serializers.CharField(source="profile.display_name", read_only=True)
    engagement_rate_percent = serializers.FloatField(source="engagement_percent", read_only=True)

    class Meta:
        model = ProfileInsight
        fields = [
            "profile_id",
            "platform",
            "handle",
            "display_name",
            "followers_count",
            "is_verified",
            "is_business",
            "is_linked",
            "engagement_rate_percent",
            "sponsored_posts",
            "paid_window",
            "paid_ratio",
            "safety_grade",
            "safety_screened_posts",
            "safety_flagged_posts",
            "safety_categories",
            "quality_score",
            "growth_30d",
            "last_post_at",
            "sparkline",
            "niche",
            "niche_share",
            "niche_shares",
            "niche_reasons",
            "niche_predicted",
            "niche_corrected",
            "niche_model_version",
            "content_language",
            "language_shares",
            "country",
            "countries",
        ]
        read_only_fields = fields


_QUERY_PARAMETERS = [DiscoveryQuerySerializer]  # each field a query parameter with its own type and limits


class DiscoveryApi(generics.ListAPIView):
    serializer_class = InsightSerializer

    @extend_schema(parameters=_QUERY_PARAMETERS)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[ProfileInsight]:
        params = DiscoveryQuerySerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        organization = active_organization(
            request=self.request, organization_id=params.validated_data.get("organization")
        )
        return selectors.discovery_search(user=self.request.user, organization=organization, query=params.to_query())


class LookalikeSerializer(serializers.Serializer):
    similarity = serializers.FloatField()
    profile = InsightSerializer()


class LookalikesApi(APIView):
    @extend_schema(
        responses=LookalikeSerializer(many=True),
        parameters=[
            OpenApiParameter(
                "platform",
                str,
                enum=list(PLATFORMS),
                description="Only lookalikes on this platform (default: every platform).",
            )
        ],
    )
    def get(self, request: Request, pk: int) -> Response:
        platform = request.query_params.get("platform", "")
        rows = selectors.lookalikes(user=request.user, profile_id=pk, limit=20, platform=platform)
        return Response(
            [{"similarity": round(score, 4), "profile": InsightSerializer(row).data} for row, score in rows]
        )


class NicheCorrectionSerializer(serializers.Serializer):
    category = serializers.ChoiceField(
        choices=[*NICHES, ""], allow_blank=True, help_text="Empty hands the niche back to the model."
    )


class NicheCorrectionApi(APIView):
    @extend_schema(request=NicheCorrectionSerializer, responses=InsightSerializer)
    def post(self, request: Request, pk: int) -> Response:
        selectors.insight_for_profile(user=request.user, profile_id=pk)  # an outsider's 404 before any 400
        data = NicheCorrectionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        insight = services.niche_correct(user=request.user, profile_id=pk, category=data.validated_data["category"])
        return Response(InsightSerializer(insight).data)


# --- shortlists ----------------------------------------------------------------------------------------------------


class ShortlistEntrySerializer(serializers.ModelSerializer):
    profile = InsightSerializer(
        source="profile.insight",
        read_only=True,
        default=None,
        allow_null=True,
        help_text="Null until the profile is first analysed.",
    )
    profile_id = serializers.IntegerField(read_only=True)
    handle = serializers.CharField(source="profile.handle", read_only=True)

    class Meta:
        model = ShortlistEntry
        fields = ["profile_id", "handle", "note", "added_at", "profile"]
        read_only_fields = fields


class ShortlistSerializer(serializers.ModelSerializer):
    name = TextField(max_length=120)
    size = serializers.SerializerMethodField(help_text="How many profiles are on the shortlist.")

    class Meta:
        model = Shortlist
        fields = ["id", "organization", "name", "size", "created_at"]
        read_only_fields = ["id", "organization", "size", "created_at"]

    def get_size(self, shortlist: Shortlist) -> int:
        # Lists annotate it (selectors.shortlists_for, no query per row); a single row just created or read counts.
        annotated = getattr(shortlist, "size", None)
        return int(annotated) if annotated is not None else shortlist.entries.count()


class ShortlistDetailSerializer(ShortlistSerializer):
    entries = ShortlistEntrySerializer(many=True, read_only=True)

    class Meta(ShortlistSerializer.Meta):
        fields = [*ShortlistSerializer.Meta.fields, "entries"]


class ShortlistListApi(generics.ListAPIView):
    serializer_class = ShortlistSerializer

    def get_queryset(self) -> QuerySet[Shortlist]:
        organization = active_organization(request=self.request)
        return selectors.shortlists_for(user=self.request.user, organization=organization)

    @extend_schema(request=ShortlistSerializer, responses={201: ShortlistSerializer})
    def post(self, request: Request) -> Response:
        data = ShortlistSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        shortlist = services.shortlist_create(
            user=request.user, organization=active_organization(request=request), name=data.validated_data["name"]
        )
        return Response(ShortlistSerializer(shortlist).data, status=status.HTTP_201_CREATED)


class ShortlistDetailApi(APIView):
    @extend_schema(responses=ShortlistDetailSerializer)
    def get(self, request: Request, pk: int) -> Response:
        shortlist = selectors.shortlist_get(user=request.user, pk=pk)
        entries = list(selectors.shortlist_entries(shortlist=shortlist))
        setattr(shortlist, "size", len(entries))  # noqa: B010 -- what the list's annotation gives, without a COUNT
        return Response(
            {**ShortlistSerializer(shortlist).data, "entries": ShortlistEntrySerializer(entries, many=True).data}
        )

    @extend_schema(responses={204: None})
    def delete(self, request: Request, pk: int) -> Response:
        services.shortlist_delete(user=request.user, pk=pk)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ShortlistAddSerializer(serializers.Serializer):
    profiles = serializers.ListField(child=IdField(), min_length=1, max_length=500)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)


class ShortlistEntriesApi(APIView):
    @extend_schema(request=ShortlistAddSerializer, responses={201: None})
    def post(self, request: Request, pk: int) -> Response:
        selectors.shortlist_get(user=request.user, pk=pk)  # an outsider's 404 before any 400
        data = ShortlistAddSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        added = services.shortlist_add(
            user=request.user, pk=pk, profile_ids=data.validated_data["profiles"], note=data.validated_data["note"]
        )
        return Response({"added": added}, status=status.HTTP_201_CREATED)


class ShortlistNoteSerializer(serializers.Serializer):
    note = TextField(allow_blank=True, max_length=5000, required=False, help_text="Absent: the note stays as it is.")


class ShortlistEntryApi(APIView):
    @extend_schema(request=ShortlistNoteSerializer, responses=ShortlistEntrySerializer)
    def patch(self, request: Request, pk: int, profile_id: int) -> Response:
        selectors.shortlist_get(user=request.user, pk=pk)  # an outsider's 404 before any 400
        data = ShortlistNoteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        entry = services.shortlist_entry_update(
            user=request.user, pk=pk, profile_id=profile_id, note=data.validated_data.get("note")
        )
        return Response(ShortlistEntrySerializer(entry).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, pk: int, profile_id: int) -> Response:
        services.shortlist_remove(user=request.user, pk=pk, profile_id=profile_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ShortlistExportApi(APIView):
    @extend_schema(responses={(200, "text/csv"): str})
    def get(self, request: Request, pk: int) -> HttpResponse:
        shortlist = selectors.shortlist_get(user=request.user, pk=pk)
        return csv_response(shortlist)


class ShortlistActionApi(APIView):
    """POST action=link (link every profile) or action=audit (start a follower audit for each linked one)."""

    @extend_schema(request=None, responses={200: None})
    def post(self, request: Request, pk: int, action: str) -> Response:
        if action == "link":
            return Response({"linked": services.shortlist_link_all(user=request.user, pk=pk)})
        return Response(services.shortlist_audit_all(user=request.user, pk=pk))


def csv_response(shortlist: Shortlist) -> HttpResponse:
    response = HttpResponse(
        shortlist_csv(selectors.shortlist_entries(shortlist=shortlist)), content_type="text/csv; charset=utf-8"
    )
    safe_name = "".join(c if c.isalnum() or c in "-_" else "-" for c in shortlist.name)[:60] or "shortlist"
    response["Content-Disposition"] = f'attachment; filename="shortlist-{safe_name}.csv"'
    return response
