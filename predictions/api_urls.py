from __future__ import annotations

from django.urls import path

from predictions.campaigns import api as campaign_api

urlpatterns: list = []

# --- campaign content review (predictions.campaigns) ---
urlpatterns += [
    path("campaigns/", campaign_api.CampaignListApi.as_view(), name="campaign-list"),
    path("campaigns/<int:pk>/", campaign_api.CampaignDetailApi.as_view(), name="campaign-detail"),
    path("submissions/", campaign_api.SubmissionListApi.as_view(), name="submission-list"),
    path("submissions/<int:pk>/", campaign_api.SubmissionDetailApi.as_view(), name="submission-detail"),
    path("submissions/<int:pk>/versions/", campaign_api.SubmissionVersionsApi.as_view(), name="submission-versions"),
    path("submissions/<int:pk>/submit/", campaign_api.SubmissionSubmitApi.as_view(), name="submission-submit"),
    path("submissions/<int:pk>/reviews/", campaign_api.SubmissionReviewsApi.as_view(), name="submission-reviews"),
    path("submissions/<int:pk>/comments/", campaign_api.SubmissionCommentsApi.as_view(),
         name="submission-comments"),
    path("submissions/<int:pk>/outcome/", campaign_api.SubmissionOutcomeApi.as_view(), name="submission-outcome"),
    path("scores/<int:pk>/", campaign_api.ScoreDetailApi.as_view(), name="score-detail"),
]


# --- follower audits and authenticity checks ---------------------------------------------------------------------
from predictions.audits import api as audit_api  # noqa: E402

urlpatterns += [
    path("audits/", audit_api.AuditListApi.as_view(), name="audit-list"),
    path("audits/<int:pk>/", audit_api.AuditDetailApi.as_view(), name="audit-detail"),
    path("audits/<int:pk>/results/", audit_api.AuditResultsApi.as_view(), name="audit-results"),
    path("audits/<int:pk>/resume/", audit_api.AuditResumeApi.as_view(), name="audit-resume"),
    path("authenticity/check/", audit_api.AuthenticityCheckApi.as_view(), name="authenticity-check"),
]
# --- end follower audits -----------------------------------------------------------------------------------------
