from __future__ import annotations

from django.urls import path

from predictions import views
from predictions.audits import views as audit_views

app_name = "predictions"
urlpatterns = [
    path("", views.campaign_list, name="campaign_list"),
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
