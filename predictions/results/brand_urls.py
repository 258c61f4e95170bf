"""The brand's pages under /brand/: each works from its token alone and shows nothing else of the site."""

from __future__ import annotations

from django.urls import path

from predictions.results import views

app_name = "brand"
urlpatterns = [
    path("report/<str:token>/", views.report_share, name="report"),
    path("report/<str:token>/report.pdf", views.report_share_pdf, name="report_pdf"),
    path("approve/<str:token>/", views.approval_page, name="approval"),
    path("approve/<str:token>/images/<id:position>/", views.approval_image, name="approval_image"),
    path("approve/<str:token>/video/<str:kind>/", views.approval_video, name="approval_video"),
]
