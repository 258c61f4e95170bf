from __future__ import annotations

from django.urls import path

from predictions.campaigns import views

urlpatterns = [
    path("", views.campaign_list, name="campaign_list"),
    path("new/", views.campaign_create, name="campaign_create"),
    path("<id:pk>/", views.campaign_detail, name="campaign_detail"),
    path("<id:pk>/edit/", views.campaign_edit, name="campaign_edit"),
    path("<id:pk>/upload/", views.submission_create, name="submission_create"),
    path("review/", views.review_queue, name="review_queue"),
    path("submissions/<id:pk>/", views.submission_detail, name="submission_detail"),
    path("submissions/<id:pk>/v<id:number>/", views.submission_detail, name="submission_version"),
    path("submissions/<id:pk>/resubmit/", views.submission_resubmit, name="submission_resubmit"),
    path("submissions/<id:pk>/submit/", views.submission_submit, name="submission_submit"),
    path("submissions/<id:pk>/review/", views.submission_review, name="submission_review"),
    path("submissions/<id:pk>/comment/", views.submission_comment, name="submission_comment"),
    path("submissions/<id:pk>/outcome/", views.submission_outcome, name="submission_outcome"),
    path("images/<id:pk>/<str:kind>/", views.submission_image, name="submission_image"),
    path("videos/<id:pk>/status/", views.video_status, name="video_status"),
    path("uploads/", views.resumable_uploads, name="resumable_uploads"),
    path("uploads/<uuid:upload_id>/", views.resumable_upload, name="resumable_upload"),
    path("videos/<id:pk>/<str:kind>/", views.submission_video_file, name="submission_video_file"),
    path("scores/<id:pk>/", views.score_card, name="score_card"),
    path("scores/<id:pk>/retry/", views.score_retry, name="score_retry"),
]
