from __future__ import annotations

from django.urls import path

urlpatterns: list = []

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
