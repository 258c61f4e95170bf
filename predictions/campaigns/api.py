"""REST API of campaign review under /api/v1/: thin handlers over the same selectors and services as the pages."""

from __future__ import annotations

from typing import Any

from django.core.validators import RegexValidator
from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import Organization, User
from accounts.selectors import active_organization
from config.errors import ApplicationError, NotFound
from config.params import IdField, TextField, int_param
from ml.services import DEFAULT_JURISDICTION, JURISDICTION_CHOICES
from predictions.campaigns import feedback, selectors, services
from predictions.campaigns.brief import API_HASHTAG_PATTERN, API_MENTION_PATTERN, HASHTAG_RULE, MENTION_RULE
from predictions.campaigns.models import (
    ApprovalRule,
    ApprovalStep,
    Campaign,
    CampaignStatus,
    Comment,
    ReviewDecision,
    ReviewDecisionKind,
    Submission,
    SubmissionVersion,
    VersionScore,
)
from profiles.models import Post, Profile

# --- output -----------------------------------------------------------------------------------------------------


class ScoreOut(serializers.ModelSerializer):
    class Meta:
        model = VersionScore
        fields = [
            "id",
            "status",
            "progress_done",
            "progress_total",
            "progress_percent",
            "error",
            "predicted_likes",
            "predicted_likes_low",
            "predicted_likes_high",
            "predicted_views",
            "predicted_views_low",
            "predicted_views_high",
            "video",
            "ratio_to_mean",
            "virality_score",
            "best_times",
            "reasons",
            "image_features",
            "model_version",
            "created_at",
            "finished_at",
        ]


def _nested(
    parent: serializers.Serializer, serializer_class: type[serializers.Serializer], instance: Any
) -> dict[str, Any]:
    """`instance` written by one `serializer_class` kept on `parent` for all its rows: a list serialises its rows with
    one parent serializer, and building a ModelSerializer's fields anew for each row took about 1 ms a row."""
    shared: dict[type, serializers.Serializer] = parent.__dict__.setdefault("_nested_serializers", {})
    if serializer_class not in shared:
        shared[serializer_class] = serializer_class(context=parent.context)
    return dict(shared[serializer_class].to_representation(instance))


class VideoOut(serializers.Serializer):
    """A video draft: its processing, what the file is, the URLs of what was made of it, and its features."""

    status = serializers.CharField()
    progress_percent = serializers.IntegerField()
    error = serializers.CharField()
    original_name = serializers.CharField()
    size_bytes = serializers.IntegerField()
    probe = serializers.JSONField()
    warnings = serializers.JSONField()
    features = serializers.JSONField()
    urls = serializers.SerializerMethodField()

    def get_urls(self, video: Any) -> dict[str, str]:
        from predictions.campaigns.video import video_urls

        request = self.context.get("request")
        return {kind: request.build_absolute_uri(url) if request else url for kind, url in video_urls(video).items()}


class VersionOut(serializers.ModelSerializer):
    images = serializers.SerializerMethodField()
    video = serializers.SerializerMethodField()
    score = ScoreOut(read_only=True)

    class Meta:
        model = SubmissionVersion
        fields = [
            "id",
            "number",
            "caption",
            "planned_at",
            "timezone_name",
            "paid_partnership",
            "media_type",
            "brief_check",
            "created_at",
            "images",
            "video",
            "score",
        ]

    @extend_schema_field(VideoOut(allow_null=True))
    def get_video(self, version: SubmissionVersion) -> dict[str, Any] | None:
        video = getattr(version, "video", None)
        return None if video is None else _nested(self, VideoOut, video)

    def get_images(self, version: SubmissionVersion) -> list[dict[str, Any]]:
        request = self.context.get("request")

        def url(row: Any, kind: str) -> str | None:
            if kind == "faces" and not row.faces_preview:
                return None
            path = reverse("predictions:submission_image", args=[row.pk, kind])
            return request.build_absolute_uri(path) if request else path

        return [
            {
                "position": row.position,
                "url": url(row, "original"),
                "faces_preview_url": url(row, "faces"),
                "width": row.width,
                "height": row.height,
                "original_name": row.original_name,
            }
            for row in version.images.all()
        ]


class SubmissionOut(serializers.ModelSerializer):
    influencer = serializers.EmailField(source="influencer.email")
    profile = serializers.CharField(source="profile.handle")
    latest_version = serializers.SerializerMethodField()

    class Meta:
        model = Submission
        fields = [
            "id",
            "campaign",
            "influencer",
            "profile",
            "status",
            "latest_version_number",
            "latest_version",
            "published_post",
            "actual_likes",
            "actual_source",
            "created_at",
            "updated_at",
        ]

    def get_latest_version(self, submission: Submission) -> dict[str, Any] | None:
        # max() over the prefetched versions when the list prefetched them; one query for a single submission.
        version = max(submission.versions.all(), key=lambda v: v.number, default=None)
        return None if version is None else _nested(self, VersionOut, version)


class CampaignOut(serializers.ModelSerializer):
    """`influencers` and `reviewers` as the requesting user may see them (selectors.campaign_members_visible): an
    influencer sees only their own address."""

    influencers = serializers.SerializerMethodField()
    reviewers = serializers.SerializerMethodField()

    def _members(self, campaign: Campaign) -> dict[str, list[str]]:
        return selectors.campaign_members_visible(campaign=campaign, user=self.context["request"].user)

    @extend_schema_field(serializers.ListField(child=serializers.EmailField()))
    def get_influencers(self, campaign: Campaign) -> list[str]:
        return self._members(campaign)["influencers"]

    @extend_schema_field(serializers.ListField(child=serializers.EmailField()))
    def get_reviewers(self, campaign: Campaign) -> list[str]:
        return self._members(campaign)["reviewers"]

    class Meta:
        model = Campaign
        fields = [
            "id",
            "organization",
            "name",
            "brand",
            "brief",
            "starts_on",
            "ends_on",
            "required_hashtags",
            "required_mentions",
            "jurisdiction",
            "influencers",
            "reviewers",
            "approval_rule",
            "approval_step",
            "status",
            "created_at",
        ]


class CommentOut(serializers.ModelSerializer):
    author = serializers.EmailField(source="author.email")
    version = serializers.IntegerField(source="version.number", allow_null=True)

    class Meta:
        model = Comment
        fields = ["id", "author", "version", "body", "at_seconds", "created_at"]


class ReviewOut(serializers.ModelSerializer):
    reviewer = serializers.EmailField(source="reviewer.email")
    version = serializers.IntegerField(source="version.number")

    class Meta:
        model = ReviewDecision
        fields = ["id", "reviewer", "version", "decision", "note", "created_at"]


# --- input ------------------------------------------------------------------------------------------------------


@extend_schema_field(OpenApiTypes.DATETIME)
class PlannedAtField(serializers.Field):
    """ISO 8601 date-time; an offset is kept, a naive value is wall-clock time in the submission's timezone."""

    def to_internal_value(self, data: Any) -> Any:
        value = parse_datetime(str(data)) if data else None
        if value is None:
            raise serializers.ValidationError("Give the planned time as ISO 8601, e.g. 2026-12-01T18:30.")
        return value

    def to_representation(self, value: Any) -> str:
        return value.isoformat()


class CampaignIn(serializers.Serializer):
    organization = IdField(required=False, help_text="Agency id; the active one when omitted.")
    name = TextField(max_length=160)
    brand = TextField(max_length=160)
    brief = TextField(required=False, allow_blank=True, default="")
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    required_hashtags = serializers.ListField(
        child=TextField(validators=[RegexValidator(API_HASHTAG_PATTERN, HASHTAG_RULE)]),
        required=False,
        default=list,
        help_text="Hashtags the caption must carry, with or without '#': " + HASHTAG_RULE,
    )
    required_mentions = serializers.ListField(
        child=TextField(validators=[RegexValidator(API_MENTION_PATTERN, MENTION_RULE)]),
        required=False,
        default=list,
        help_text="Accounts the caption must mention, with or without '@': " + MENTION_RULE,
    )
    jurisdiction = serializers.ChoiceField(
        choices=JURISDICTION_CHOICES,
        default=DEFAULT_JURISDICTION,
        help_text="Whose ad-disclosure rules drafts and published posts are checked against.",
    )
    influencers = serializers.ListField(child=serializers.EmailField(), required=False, default=list)
    reviewers = serializers.ListField(child=serializers.EmailField(), required=False, default=list)
    approval_rule = serializers.ChoiceField(choices=ApprovalRule.choices, default=ApprovalRule.ANY)
    approval_step = serializers.ChoiceField(
        choices=ApprovalStep.choices,
        default=ApprovalStep.AGENCY,
        help_text="Brand steps email external approvers a magic link.",
    )
    status = serializers.ChoiceField(choices=CampaignStatus.choices, default=CampaignStatus.ACTIVE)


class SubmissionIn(serializers.Serializer):
    campaign = IdField()
    profile = IdField(help_text="Id of one of your linked profiles.")
    caption = serializers.CharField(required=False, allow_blank=True, default="")
    planned_at = PlannedAtField(help_text="ISO 8601; without an offset it is read in timezone_name.")
    timezone_name = serializers.CharField(required=False, allow_blank=True, default="")
    paid_partnership = serializers.BooleanField(required=False, default=False)
    submit = serializers.BooleanField(required=False, default=False, help_text="Submit for review at once.")
    images = serializers.ListField(
        child=serializers.FileField(), required=False, default=list, help_text="One or more images (multipart)."
    )
    video = serializers.FileField(required=False, help_text="Or one video: MP4, MOV or WebM (multipart).")
    video_upload = serializers.UUIDField(
        required=False, help_text="Or the id of a finished resumable upload (tus, POST /campaigns/uploads/)."
    )


class VersionIn(serializers.Serializer):
    caption = serializers.CharField(required=False, allow_blank=True, default="")
    planned_at = PlannedAtField()
    timezone_name = serializers.CharField(required=False, allow_blank=True, default="")
    paid_partnership = serializers.BooleanField(required=False, default=False)
    submit = serializers.BooleanField(required=False, default=True)
    images = serializers.ListField(
        child=serializers.FileField(),
        required=False,
        default=list,
        help_text="New images; the previous version's are kept when empty.",
    )
    video = serializers.FileField(required=False, help_text="Or a new video (multipart).")
    video_upload = serializers.UUIDField(required=False, help_text="Or the id of a finished resumable upload.")


class ReviewIn(serializers.Serializer):
    decision = serializers.ChoiceField(choices=ReviewDecisionKind.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class CommentIn(serializers.Serializer):
    body = serializers.CharField()
    at_seconds = serializers.FloatField(
        required=False, min_value=0, max_value=86_400, help_text="A moment of the latest version's video, in seconds."
    )


class OutcomeIn(serializers.Serializer):
    post = IdField(required=False, help_text="Id of the published Post.")
    actual_likes = serializers.IntegerField(required=False, min_value=0, max_value=2**31 - 1)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("post") is None and attrs.get("actual_likes") is None:
            raise serializers.ValidationError("Give the published post id or the actual likes.")
        return attrs


def _users_by_email(organization: Organization, emails: list[str], field: str = "influencers") -> list[User]:
    """The agency's members with these e-mail addresses; anyone else is not found here (404), as an unknown id is."""
    users = list(User.objects.filter(email__in=[e.lower() for e in emails], memberships__organization=organization))
    found = {u.email for u in users}
    missing = [e for e in emails if e.lower() not in found]
    if missing:
        raise NotFound(f"Not members of this agency: {', '.join(missing)}.", field=field)
    return users


def _data_with_files(request: Request) -> dict[str, Any]:
    data = {key: request.data.get(key) for key in request.data if key not in ("images", "video")}
    data["images"] = request.FILES.getlist("images")
    if request.FILES.get("video") is not None:
        data["video"] = request.FILES["video"]
    return data


def _video(values: dict[str, Any]) -> Any:
    """The request's video: a file, or a finished resumable upload's id (as text, as the service takes it)."""
    if values.get("video") is not None and values.get("video_upload") is not None:
        raise ApplicationError("Send a video file or a resumable upload's id, not both.", field="video")
    if values.get("video_upload") is not None:
        return str(values["video_upload"])
    return values.get("video")


# --- endpoints ----------------------------------------------------------------------------------------------------


@extend_schema_view(get=extend_schema(operation_id="campaigns_list", tags=["campaigns"]))
class CampaignListApi(generics.ListAPIView):
    serializer_class = CampaignOut

    def get_queryset(self) -> QuerySet[Campaign]:
        return (
            selectors.campaigns_for_user(user=self.request.user)
            .order_by("pk")
            .prefetch_related("influencers", "reviewers")
        )

    @extend_schema(request=CampaignIn, responses={201: CampaignOut}, tags=["campaigns"])
    def post(self, request: Request) -> Response:
        data = CampaignIn(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        organization = active_organization(request=request, organization_id=values.pop("organization", None))
        values["influencers"] = _users_by_email(organization, values["influencers"])
        values["reviewers"] = _users_by_email(organization, values["reviewers"], "reviewers")
        campaign = services.campaign_create(user=request.user, organization=organization, **values)
        return Response(CampaignOut(campaign, context={"request": request}).data, status=status.HTTP_201_CREATED)


class CampaignDetailApi(APIView):
    @extend_schema(responses=CampaignOut, tags=["campaigns"])
    def get(self, request: Request, pk: int) -> Response:
        campaign = selectors.campaign_get(user=request.user, pk=pk)
        return Response(CampaignOut(campaign, context={"request": request}).data)

    @extend_schema(request=CampaignIn, responses=CampaignOut, tags=["campaigns"])
    def patch(self, request: Request, pk: int) -> Response:
        campaign = selectors.campaign_get(user=request.user, pk=pk)
        data = CampaignIn(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        values = {k: v for k, v in data.validated_data.items() if k in request.data and k != "organization"}
        for key in ("influencers", "reviewers"):
            if key in values:
                values[key] = _users_by_email(campaign.organization, values[key], key)
        campaign = services.campaign_update(user=request.user, campaign=campaign, **values)
        return Response(CampaignOut(campaign, context={"request": request}).data)


@extend_schema_view(get=extend_schema(operation_id="submissions_list", tags=["campaigns"]))
class SubmissionListApi(generics.ListAPIView):
    parser_classes = [MultiPartParser, FormParser, JSONParser]
    serializer_class = SubmissionOut

    def get_queryset(self) -> QuerySet[Submission]:
        params = self.request.query_params
        queryset = selectors.submissions_for_user(user=self.request.user).order_by("pk")
        campaign_id = int_param(params, "campaign")
        if campaign_id is not None:
            queryset = queryset.filter(campaign_id=campaign_id)
        if params.get("status"):
            queryset = queryset.filter(status=params["status"])
        # The latest version of each row, its images and score, in two queries for the whole page.
        return queryset.prefetch_related(
            Prefetch(
                "versions",
                queryset=SubmissionVersion.objects.select_related("score", "video").prefetch_related("images"),
            )
        )

    @extend_schema(request={"multipart/form-data": SubmissionIn}, responses={201: SubmissionOut}, tags=["campaigns"])
    def post(self, request: Request) -> Response:
        data = SubmissionIn(data=_data_with_files(request))
        data.is_valid(raise_exception=True)
        values = data.validated_data
        campaign = selectors.campaign_get(user=request.user, pk=values["campaign"])
        profile = Profile.objects.filter(pk=values["profile"], organization=campaign.organization).first()
        if profile is None:
            raise NotFound("No such linked profile of yours.", field="profile")
        submission = services.submission_create(
            user=request.user,
            campaign=campaign,
            profile=profile,
            caption=values["caption"],
            planned_at=values["planned_at"],
            timezone_name=values["timezone_name"],
            paid_partnership=values["paid_partnership"],
            uploads=values["images"],
            video=_video(values),
            submit=values["submit"],
        )
        return Response(SubmissionOut(submission, context={"request": request}).data, status=status.HTTP_201_CREATED)


class SubmissionDetailApi(APIView):
    @extend_schema(responses=SubmissionOut, tags=["campaigns"])
    def get(self, request: Request, pk: int) -> Response:
        submission = selectors.submission_get(user=request.user, pk=pk)
        return Response(SubmissionOut(submission, context={"request": request}).data)


class SubmissionVersionsApi(APIView):
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @extend_schema(responses=VersionOut(many=True), operation_id="submission_versions_list", tags=["campaigns"])
    def get(self, request: Request, pk: int) -> Response:
        submission = selectors.submission_get(user=request.user, pk=pk)
        versions = submission.versions.order_by("number").select_related("score", "video").prefetch_related("images")
        return Response(VersionOut(versions, many=True, context={"request": request}).data)

    @extend_schema(request={"multipart/form-data": VersionIn}, responses={201: VersionOut}, tags=["campaigns"])
    def post(self, request: Request, pk: int) -> Response:
        submission = selectors.submission_get(user=request.user, pk=pk)
        data = VersionIn(data=_data_with_files(request))
        data.is_valid(raise_exception=True)
        values = data.validated_data
        version = services.submission_resubmit(
            user=request.user,
            submission=submission,
            caption=values["caption"],
            planned_at=values["planned_at"],
            timezone_name=values["timezone_name"],
            paid_partnership=values["paid_partnership"],
            uploads=values["images"] or None,
            video=_video(values),
            submit=values["submit"],
        )
        return Response(VersionOut(version, context={"request": request}).data, status=status.HTTP_201_CREATED)


class SubmissionSubmitApi(APIView):
    @extend_schema(request=None, responses=SubmissionOut, tags=["campaigns"])
    def post(self, request: Request, pk: int) -> Response:
        submission = services.submission_submit(
            user=request.user, submission=selectors.submission_get(user=request.user, pk=pk)
        )
        return Response(SubmissionOut(submission, context={"request": request}).data)


class SubmissionReviewsApi(APIView):
    @extend_schema(responses=ReviewOut(many=True), operation_id="submission_reviews_list", tags=["campaigns"])
    def get(self, request: Request, pk: int) -> Response:
        submission = selectors.submission_get(user=request.user, pk=pk)
        reviews = ReviewDecision.objects.filter(version__submission=submission).select_related("reviewer", "version")
        return Response(ReviewOut(reviews, many=True).data)

    @extend_schema(request=ReviewIn, responses={201: ReviewOut}, tags=["campaigns"])
    def post(self, request: Request, pk: int) -> Response:
        submission = selectors.submission_get(user=request.user, pk=pk)
        data = ReviewIn(data=request.data)
        data.is_valid(raise_exception=True)
        review = services.submission_review(user=request.user, submission=submission, **data.validated_data)
        submission.refresh_from_db()
        return Response({"review": ReviewOut(review).data, "status": submission.status}, status=status.HTTP_201_CREATED)


class SubmissionCommentsApi(APIView):
    @extend_schema(responses=CommentOut(many=True), operation_id="submission_comments_list", tags=["campaigns"])
    def get(self, request: Request, pk: int) -> Response:
        submission = selectors.submission_get(user=request.user, pk=pk)
        return Response(CommentOut(submission.comments.select_related("author", "version"), many=True).data)

    @extend_schema(request=CommentIn, responses={201: CommentOut}, tags=["campaigns"])
    def post(self, request: Request, pk: int) -> Response:
        submission = selectors.submission_get(user=request.user, pk=pk)
        data = CommentIn(data=request.data)
        data.is_valid(raise_exception=True)
        comment = services.comment_add(
            user=request.user,
            submission=submission,
            body=data.validated_data["body"],
            at_seconds=data.validated_data.get("at_seconds"),
        )
        return Response(CommentOut(comment).data, status=status.HTTP_201_CREATED)


class SubmissionOutcomeApi(APIView):
    @extend_schema(request=OutcomeIn, responses=SubmissionOut, tags=["campaigns"])
    def post(self, request: Request, pk: int) -> Response:
        submission = selectors.submission_get(user=request.user, pk=pk)
        data = OutcomeIn(data=request.data)
        data.is_valid(raise_exception=True)
        if data.validated_data.get("post") is not None:
            post = Post.objects.filter(pk=data.validated_data["post"], profile=submission.profile).first()
            if post is None:
                raise serializers.ValidationError({"post": ["No such post of this submission's profile."]})
            submission = feedback.submission_link_post(user=request.user, submission=submission, post=post)
        else:
            submission = feedback.submission_record_actual_likes(
                user=request.user, submission=submission, likes=data.validated_data["actual_likes"]
            )
        return Response(SubmissionOut(submission, context={"request": request}).data)


class ScoreDetailApi(APIView):
    @extend_schema(responses=ScoreOut, tags=["campaigns"])
    def get(self, request: Request, pk: int) -> Response:
        return Response(ScoreOut(selectors.score_get(user=request.user, pk=pk)).data)
