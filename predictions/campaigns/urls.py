from __future__ import annotations

from django.urls import path

from predictions.campaigns import views

urlpatterns = [
    path("", views.campaign_list, name="campaign_list"),
    path("new/", views.campaign_create, name="campaign_create"),
    path("<int:pk>/", views.campaign_detail, name="campaign_detail"),
    path("<int:pk>/edit/", views.campaign_edit, name="campaign_edit"),
    path("<int:pk>/upload/", views.submission_create, name="submission_create"),
    path("review/", views.review_queue, name="review_queue"),
    path("submissions/<int:pk>/", views.submission_detail, name="submission_detail"),
    path("submissions/<int:pk>/v<int:number>/", views.submission_detail, name="submission_version"),
    path("submissions/<int:pk>/resubmit/", views.submission_resubmit, name="submission_resubmit"),
    path("submissions/<int:pk>/submit/", views.submission_submit, name="submission_submit"),
    path("submissions/<int:pk>/review/", views.submission_review, name="submission_review"),
    path("submissions/<int:pk>/comment/", views.submission_comment, name="submission_comment"),
    path("submissions/<int:pk>/outcome/", views.submission_outcome, name="submission_outcome"),
    path("images/<int:pk>/<str:kind>/", views.submission_image, name="submission_image"),
    path("scores/<int:pk>/", views.score_card, name="score_card"),
    path("scores/<int:pk>/retry/", views.score_retry, name="score_retry"),
]
