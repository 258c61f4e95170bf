"""Pages of campaign results, in the `predictions` namespace under /campaigns/ (see predictions/urls.py)."""

from __future__ import annotations

from django.urls import path

from predictions.results import views

urlpatterns = [
    path("<id:pk>/report/", views.campaign_report_page, name="campaign_report"),
    path("<id:pk>/report/fees/", views.creator_fees_save, name="creator_fees_save"),
    path("<id:pk>/report/approval-step/", views.approval_step_save, name="approval_step_save"),
    path("<id:pk>/report/share/", views.share_link_create, name="share_link_create"),
    path("<id:pk>/report/approvers/", views.approver_add, name="approver_add"),
    path("share-links/<id:pk>/revoke/", views.share_link_revoke, name="share_link_revoke"),
    path("approvers/<id:pk>/revoke/", views.approver_revoke, name="approver_revoke"),
    path("approval-links/<id:pk>/revoke/", views.approval_link_revoke, name="approval_link_revoke"),
    path("approval-links/<id:pk>/resend/", views.approval_link_resend, name="approval_link_resend"),
    path("emv-rates/", views.emv_rates, name="emv_rates"),
]
