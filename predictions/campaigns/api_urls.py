from __future__ import annotations

from django.urls import path

from predictions.campaigns import api

urlpatterns = [
    path("campaigns/", api.CampaignListApi.as_view(), name="campaign-list"),
    path("campaigns/<id:pk>/", api.CampaignDetailApi.as_view(), name="campaign-detail"),
    path("submissions/", api.SubmissionListApi.as_view(), name="submission-list"),
    path("submissions/<id:pk>/", api.SubmissionDetailApi.as_view(), name="submission-detail"),
    path("submissions/<id:pk>/versions/", api.SubmissionVersionsApi.as_view(), name="submission-versions"),
    path("submissions/<id:pk>/submit/", api.SubmissionSubmitApi.as_view(), name="submission-submit"),
    path("submissions/<id:pk>/reviews/", api.SubmissionReviewsApi.as_view(), name="submission-reviews"),
    path("submissions/<id:pk>/comments/", api.SubmissionCommentsApi.as_view(), name="submission-comments"),
    path("submissions/<id:pk>/outcome/", api.SubmissionOutcomeApi.as_view(), name="submission-outcome"),
    path("scores/<id:pk>/", api.ScoreDetailApi.as_view(), name="score-detail"),
]
