from __future__ import annotations

from django.urls import path

from predictions import views
from predictions.audits import views as audit_views
from predictions.campaigns import views as campaign_views

app_name = "predictions"
urlpatterns = [
    path("", views.campaign_list, name="campaign_list"),
]

# --- campaign content review (predictions.campaigns) ---
urlpatterns += [
    path("new/", campaign_views.campaign_create, name="campaign_create"),
    path("<int:pk>/", campaign_views.campaign_detail, name="campaign_detail"),
    path("<int:pk>/edit/", campaign_views.campaign_edit, name="campaign_edit"),
    path("<int:pk>/upload/", campaign_views.submission_create, name="submission_create"),
    path("review/", campaign_views.review_queue, name="review_queue"),
    path("submissions/<int:pk>/", campaign_views.submission_detail, name="submission_detail"),
    path("submissions/<int:pk>/v<int:number>/", campaign_views.submission_detail, name="submission_version"),
    path("submissions/<int:pk>/resubmit/", campaign_views.submission_resubmit, name="submission_resubmit"),
    path("submissions/<int:pk>/submit/", campaign_views.submission_submit, name="submission_submit"),
    path("submissions/<int:pk>/review/", campaign_views.submission_review, name="submission_review"),
    path("submissions/<int:pk>/comment/", campaign_views.submission_comment, name="submission_comment"),
    path("submissions/<int:pk>/outcome/", campaign_views.submission_outcome, name="submission_outcome"),
    path("images/<int:pk>/<str:kind>/", campaign_views.submission_image, name="submission_image"),
    path("scores/<int:pk>/", campaign_views.score_card, name="score_card"),
    path("scores/<int:pk>/retry/", campaign_views.score_retry, name="score_retry"),
]
# --- follower audits and authenticity checks ---------------------------------------------------------------------
urlpatterns += [
    path("audits/", audit_views.audit_list, name="audit_list"),
    path("audits/check/", audit_views.authenticity_check, name="authenticity_check"),
    path("audits/<int:pk>/", audit_views.audit_detail, name="audit_detail"),
    path("audits/<int:pk>/progress/", audit_views.audit_progress, name="audit_progress"),
    path("audits/<int:pk>/resume/", audit_views.audit_resume, name="audit_resume"),
    path("audits/<int:pk>/export.csv", audit_views.audit_export, name="audit_export"),
]
# --- end follower audits -----------------------------------------------------------------------------------------
